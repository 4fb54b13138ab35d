# make_fixtures.R: golden fixtures for engine/funnel.c (issue 5).
#
# Reference: Spiegelhalter's formulas for a funnel plot of proportions on the
# arcsine scale with an additive random-effects overdispersion adjustment,
# written out here in base R, following step by step what FunnelPlotR does for
# data_type = "PR" (transformed_zscore, winsorisation, phi_func, tau_func,
# calculate_limits; FunnelPlotR is not packaged in Debian, so it is not run):
#   Spiegelhalter DJ. Funnel plots for comparing institutional performance.
#     Stat Med 2005;24:1185-1202.
#   Spiegelhalter DJ. Handling over-dispersion of performance indicators.
#     Qual Saf Health Care 2005;14:347-351.
#   DerSimonian R, Laird N. Meta-analysis in clinical trials.
#     Control Clin Trials 1986;7:177-188.
# One deliberate difference from FunnelPlotR, mirrored in the engine: the angle
# theta0 -+ z sd is clamped to [0, pi/2] before sin^2, so a limit that would
# pass 0 or 1 stays there instead of folding back.
# Units are classified as FunnelPlotR's outliers_func does (a proportion on a
# limit is inside), against the clamped limits at the unit's n.
#
# Run with R version 4.2.2 Patched (2022-11-10 r83330) (Debian r-base-core),
# default RNG. Regenerate from the repository root with
#   Rscript tests/golden/funnel/make_fixtures.R
# Numbers are written with sprintf("%.17g"); lists are space-separated.

here <- (function() {
  a <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", a[grep("^--file=", a)])
  if (length(f)) dirname(normalizePath(f)) else getwd()
})()
num <- function(v) sprintf("%.17g", as.numeric(v))
lst <- function(v) paste(num(v), collapse = " ")
ilst <- function(v) paste(as.character(v), collapse = " ")

Z95 <- 1.959964
Z998 <- 3.090232

clamp <- function(a) pmin(pmax(a, 0), pi / 2)
limits <- function(theta0, tau2, n, z) {
  sd <- sqrt((1 / (2 * sqrt(n)))^2 + tau2)
  cbind(lo = sin(clamp(theta0 - z * sd))^2, hi = sin(clamp(theta0 + z * sd))^2)
}

funnel <- function(x, n, adjust, trim = 0.1) {
  target <- sum(x) / sum(n)
  theta0 <- asin(sqrt(target))
  y <- asin(sqrt(x / n))
  s <- 1 / (2 * sqrt(n))
  z <- (y - theta0) / s
  lz <- quantile(z, trim, names = FALSE)        # type 7, as FunnelPlotR
  uz <- quantile(z, 1 - trim, names = FALSE)
  wz <- ifelse(z < lz, lz, ifelse(z > uz, uz, z))
  I <- length(z)
  phi <- sum(wz^2) / I
  w <- 1 / s^2
  tau2 <- if (!adjust || I < 2 || (I * phi) < (I - 1)) 0 else
    max(0, (I * phi - (I - 1)) / (sum(w) - sum(w^2) / sum(w)))
  zadj <- (y - theta0) / sqrt(s^2 + tau2)
  l95 <- limits(theta0, tau2, n, Z95)
  l998 <- limits(theta0, tau2, n, Z998)
  p <- x / n
  cls <- ifelse(p > l998[, "hi"], 2, ifelse(p > l95[, "hi"], 1,
         ifelse(p < l998[, "lo"], -2, ifelse(p < l95[, "lo"], -1, 0))))
  list(target = target, theta0 = theta0, lz = lz, uz = uz, phi = phi, tau2 = tau2,
       over = as.integer(I * phi > I - 1),
       pdisp = if (I > 1) pchisq(I * phi, I - 1, lower.tail = FALSE) else NaN,
       p = p, z = z, wz = wz, zadj = zadj, l95 = l95, l998 = l998, cls = cls)
}

set.seed(2005)
n20 <- sample(40:1500, 20)
x20 <- rbinom(20, n20, plogis(rnorm(20, qlogis(0.3), 0.5)))  # overdispersed
n15 <- sample(30:400, 15)
x15 <- rbinom(15, n15, 0.62)                                # binomial only
cases <- list(
  list("hand_half", c(50, 30, 70), c(100, 60, 140)),
  list("overdispersed_20", x20, n20),
  list("binomial_15", x15, n15),
  list("zero_and_full", c(0, 12, 40, 9, 25), c(30, 12, 100, 20, 60)),
  list("freda_small", c(1, 0, 3, 2, 0, 5), c(22, 15, 30, 18, 9, 25)),
  list("two_units", c(18, 61), c(100, 148)),
  list("underdispersed", c(30, 61, 89, 121, 148), c(100, 200, 300, 400, 500)),
  list("one_unit", c(7), c(20)),
  list("all_zero", c(0, 0, 0), c(10, 20, 30))
)
grid <- c(1, 2, 5, 10, 22, 37.5, 100, 250, 1000, 10000, 1e6)

fit_rows <- c(); unit_rows <- c(); curve_rows <- c()
for (cs in cases) {
  for (adjust in c(TRUE, FALSE)) {
    x <- cs[[2]]; n <- cs[[3]]
    f <- funnel(x, n, adjust)
    od <- if (adjust) "auto" else "none"
    fit_rows <- c(fit_rows, paste(cs[[1]], od, ilst(x), ilst(n), num(f$target), num(f$theta0),
                                  num(f$lz), num(f$uz), num(f$phi), num(f$tau2), f$over,
                                  num(f$pdisp), sep = ","))
    for (i in seq_along(x))
      unit_rows <- c(unit_rows, paste(cs[[1]], od, i - 1, x[i], n[i], num(f$p[i]), num(f$z[i]),
                                      num(f$wz[i]), num(f$zadj[i]), num(f$l95[i, "lo"]),
                                      num(f$l95[i, "hi"]), num(f$l998[i, "lo"]),
                                      num(f$l998[i, "hi"]), f$cls[i], sep = ","))
    l95 <- limits(f$theta0, f$tau2, grid, Z95)
    l998 <- limits(f$theta0, f$tau2, grid, Z998)
    for (j in seq_along(grid))
      curve_rows <- c(curve_rows, paste(cs[[1]], od, num(grid[j]), num(l95[j, "lo"]),
                                        num(l95[j, "hi"]), num(l998[j, "lo"]),
                                        num(l998[j, "hi"]), sep = ","))
  }
}

out <- function(name, what, head, rows) {
  writeLines(c(paste0("# ", name, ": ", what),
               paste0("# generated by tests/golden/funnel/make_fixtures.R with ", R.version.string,
                      " (Spiegelhalter 2005 formulas in base R, FunnelPlotR's PR steps)"),
               head, rows), file.path(here, name))
}
out("fit.csv", "fitted funnel per case and overdispersion rule",
    "case,od,x,n,target,theta0,z_lo,z_hi,phi,tau2,overdispersed,p_dispersion", fit_rows)
out("units.csv", "units placed in the funnel (class: -2 below 99.8, -1 below 95, 0 within, 1 above 95, 2 above 99.8)",
    "case,od,unit,x,n,p,z,z_wins,z_adj,lo95,hi95,lo998,hi998,class", unit_rows)
out("curve.csv", "limits at arbitrary n",
    "case,od,n,lo95,hi95,lo998,hi998", curve_rows)
