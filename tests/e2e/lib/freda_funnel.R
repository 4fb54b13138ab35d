# freda_funnel.R: reference values for tests/e2e/compare_trend.sh: the funnel of
# the demo's FREDA rows for 2025, gender T (1/22, 10/21, 20/21, 24/24), with and
# without overdispersion, by the formulas of tests/golden/funnel/make_fixtures.R
# (Spiegelhalter 2005, FunnelPlotR's PR steps, the angle clamped to [0, pi/2];
# FunnelPlotR is not packaged in Debian). Limits and target in percent.
# Run: Rscript tests/e2e/lib/freda_funnel.R   (R 4.2.2)
x <- c(1, 10, 20, 24); n <- c(22, 21, 21, 24)
clamp <- function(a) pmin(pmax(a, 0), pi / 2)
lim <- function(theta0, tau2, n, z) {
  sd <- sqrt(1 / (4 * n) + tau2)
  100 * c(sin(clamp(theta0 - z * sd))^2, sin(clamp(theta0 + z * sd))^2)
}
for (od in c("auto", "none")) {
  target <- sum(x) / sum(n); theta0 <- asin(sqrt(target))
  z <- (asin(sqrt(x / n)) - theta0) * 2 * sqrt(n)
  q <- quantile(z, c(0.1, 0.9), names = FALSE)
  phi <- mean(pmin(pmax(z, q[1]), q[2])^2); I <- length(x); w <- 4 * n
  tau2 <- if (od == "none" || I * phi <= I - 1) 0 else (I * phi - (I - 1)) / (sum(w) - sum(w^2) / sum(w))
  cat(sprintf("%s target %.17g tau2 %.17g phi %.17g\n", od, 100 * target, tau2, phi))
  for (i in seq_along(x))
    cat(sprintf("%s n=%g 95: %.17g %.17g 99.8: %.17g %.17g\n", od, n[i],
                lim(theta0, tau2, n[i], 1.959964)[1], lim(theta0, tau2, n[i], 1.959964)[2],
                lim(theta0, tau2, n[i], 3.090232)[1], lim(theta0, tau2, n[i], 3.090232)[2]))
}
