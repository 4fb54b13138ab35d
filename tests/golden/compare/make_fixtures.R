# make_fixtures.R: golden fixtures for engine/compare.c, `indikator compare` (issue 5).
#
# What is checked here is what compare.c adds on top of the statistics in
# engine/inference.c and engine/funnel.c (those have their own fixtures):
# which observations it picks, which kind of data it sees, which test it runs
# for each pair, which units it leaves out, how it adjusts the p-values, the
# pooled values, and the funnel verdict read through the indicator's direction.
#
# Reference: R's stats package, run with
#   R version 4.2.2 Patched (2022-11-10 r83330) (Debian r-base-core),
#   default RNG (Mersenne-Twister, Inversion, Rejection).
# The R functions, one per quantity:
#   overall, counts     chisq.test(cbind(x, n - x), correct = FALSE)
#   pairs, counts       prop.test(c(xa, xb), c(na, nb)) (Yates), or
#                       fisher.test(matrix(c(xa, xb, na - xa, nb - xb), 2))
#                       when an expected count of the pair's 2x2 table is
#                       below 5 (R's own "approximation may be incorrect" rule);
#                       --method prop / fisher force one of the two
#   difference CI       Newcombe (1998) method 10 from R's Wilson limits
#                       prop.test(x, n, correct = FALSE)$conf.int
#   unit vs the rest    the same pair rule, the unit against all the other
#                       tested units pooled
#   unit interval       prop.test(x, n, correct = FALSE)$conf.int (Wilson)
#   overall, means      oneway.test(y ~ g, var.equal = FALSE) on raw data
#                       drawn here; mean, sd and n of each group are written
#                       into the data file for the engine
#   pairs, means        t.test(ya, yb) (Welch) on the same raw data
#   unit interval       t.test(y)$conf.int
#   overall, series     kruskal.test(values, unit) over the years
#   pairs, series       wilcox.test(va, vb, conf.int = TRUE) (R's defaults: exact without ties
#                       and n < 50, else normal with continuity correction),
#                       except that with ties and both samples below 50 values
#                       p is the exact conditional one of
#                       coin::wilcox_test(distribution = "exact") (coin 1.4-2,
#                       Debian r-cran-coin); the pair's difference and interval
#                       are wilcox.test's location shift (Hodges-Lehmann) and conf.int
#   unit vs the rest,   t.test(y, unlist(other units' y)) on the raw data
#   means
#   unit vs the rest,   the pair rule above, the unit's values against all the
#   series              other tested units' values
#   pairs left out      beyond pair_units tested units (cases.csv) no pair rows
#   adjustment          p.adjust(p, "holm") and p.adjust(p, "BH"), over the
#                       pairs and, separately, over the unit-vs-rest tests
#   funnel              the formulas of tests/golden/funnel/make_fixtures.R
#                       (Spiegelhalter 2005, FunnelPlotR's PR steps, clamped;
#                       FunnelPlotR is not in Debian), class -2..2; verdict =
#                       sign(class) x direction (+1 higher is better, -1 lower,
#                       0 unknown); the limits at each unit's n, the target,
#                       tau^2 and phi; overdispersion "none": tau^2 = 0
#   method              how each p was found: exact (Fisher, exact Wilcoxon),
#                       normal (Wilcoxon), chisq, t, F
#
# Regenerate from the repository root with
#   Rscript tests/golden/compare/make_fixtures.R
# It writes, into this directory: catalog.csv (the indicators), the data files
# counts.csv, edge.csv, allzero.csv, two.csv, fifty.csv, means.csv, six.csv,
# series.csv (canonical long form, see docs/formats.md), cases.csv (what each
# case asks ind_compare for) and expected.csv (what it must answer).
# Numbers are written with sprintf("%.17g"); NA as NaN.

options(warn = -1)  # chi-squared approximation and ties warnings are expected
here <- (function() {
  a <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", a[grep("^--file=", a)])
  if (length(f)) dirname(normalizePath(f)) else getwd()
})()

num <- function(v) {
  v <- as.numeric(v)
  s <- sprintf("%.17g", v)
  s[is.na(v)] <- "NaN"
  s
}
csort <- function(v) sort(v, method = "radix")  # strcmp order, as the dataset sorts units

# ---- the catalogue ----------------------------------------------------------
writeLines(c(
  "id,name,aliases,measure,direction,periodicity,by_gender,decimals,kf_scope,tolerance",
  "andel_test,Andel test,Andelen test|AT,percent,higher,år,ja,0,unit,",
  "index_test,Index test,,index,higher,år,nej,0,unit,",
  "niva_test,Nivå test,,number,lower,år,nej,1,unit,"
), file.path(here, "catalog.csv"))
direction <- c("Andel test" = 1, "AT" = 1, "Index test" = 1, "Nivå test" = -1, "Annan andel" = 0)

HEAD <- "unit,indicator,period,gender,value,numerator,denominator,sd,missing"
row <- function(unit, ind, period, gender = "T", value = "", x = "", n = "", sd = "", missing = "")
  paste(unit, ind, period, gender, value, x, n, sd, missing, sep = ",")
# data files carry no comment line (the canonical form has none); what each holds is said here
write_data <- function(name, lines, what) writeLines(c(HEAD, lines), file.path(here, name))

# ---- data ----------------------------------------------------------------------
# counts.csv: the latest year 2025 is compared by default. Enhet D (n = 8) is
# below the default smallest base 10; Enhet F has no 2025 value (bortfall) but
# 2024 data; Enhet A's K series and the indicator "Annan andel" (not in the
# catalogue; with a later year, 2026) must not leak into "Andel test", T.
counts <- data.frame(
  unit = c("Enhet A", "Enhet B", "Enhet C", "Enhet D", "Enhet E"),
  x25 = c(62, 41, 3, 5, 30), n25 = c(100, 100, 12, 8, 55),
  x24 = c(55, 47, 6, 4, 25), n24 = c(98, 104, 14, 9, 50))
lines <- c()
for (i in seq_len(nrow(counts))) {
  lines <- c(lines, row(counts$unit[i], "Andel test", 2024, x = counts$x24[i], n = counts$n24[i]),
             row(counts$unit[i], "Andel test", 2025, x = counts$x25[i], n = counts$n25[i]))
}
lines <- c(lines,
  row("Enhet F", "Andel test", 2024, x = 20, n = 40),
  row("Enhet F", "Andel test", 2025, missing = "bortfall"),
  row("Enhet A", "Andel test", 2025, "K", x = 30, n = 50),
  row("Enhet A", "Andel test", 2025, "M", x = 32, n = 50),
  row("Enhet A", "Annan andel", 2026, x = 9, n = 40),
  row("Enhet B", "Annan andel", 2026, x = 21, n = 35),
  row("Enhet C", "Annan andel", 2026, x = 15, n = 30))
write_data("counts.csv", lines, "counts per unit, hand-made")

# edge.csv: 0 %, 100 %, two units at 0 %
edge <- data.frame(unit = c("Noll", "Noll2", "Full", "Mitt", "Mitt2"),
                   x = c(0, 0, 25, 10, 12), n = c(20, 15, 25, 20, 30))
write_data("edge.csv", mapply(function(u, x, n) row(u, "Andel test", 2025, x = x, n = n),
                              edge$unit, edge$x, edge$n), "0 % and 100 %, hand-made")
# allzero.csv: nobody anywhere: the overall test is undefined
allzero <- data.frame(unit = c("Z1", "Z2", "Z3"), x = c(0, 0, 0), n = c(20, 30, 25))
write_data("allzero.csv", mapply(function(u, x, n) row(u, "Andel test", 2025, x = x, n = n),
                                 allzero$unit, allzero$x, allzero$n), "zero counts everywhere, hand-made")
# two.csv: the reference of domain.md section 2, 18/100 against 61/148
two <- data.frame(unit = c("Enhet A", "Enhet B"), x = c(18, 61), n = c(100, 148))
write_data("two.csv", mapply(function(u, x, n) row(u, "Andel test", 2025, x = x, n = n),
                             two$unit, two$x, two$n), "two units (domain.md reference), hand-made")
# fifty.csv: fifty units drawn here, a few below the smallest base 10
set.seed(5050)
fifty <- data.frame(unit = sprintf("Enhet %02d", 1:50), n = sample(4:260, 50, replace = TRUE))
fifty$x <- rbinom(50, fifty$n, plogis(rnorm(50, qlogis(0.4), 0.5)))
write_data("fifty.csv", mapply(function(u, x, n) row(u, "Andel test", 2025, x = x, n = n),
                               fifty$unit, fifty$x, fifty$n),
           "fifty units drawn by make_fixtures.R (set.seed(5050))")

# means.csv: raw answers drawn here; only mean, sd and n go into the file.
# Enhet F has n = 6 (below 10); Enhet G has no sd. 2024 has other values.
set.seed(7)
mraw <- list("Enhet A" = rnorm(25, 80, 10), "Enhet B" = rnorm(40, 84, 8),
             "Enhet C" = rnorm(18, 76, 14), "Enhet D" = rnorm(60, 83, 9),
             "Enhet E" = rnorm(33, 87, 11), "Enhet F" = rnorm(6, 70, 10))
lines <- c()
for (u in names(mraw)) {
  y <- mraw[[u]]
  lines <- c(lines, row(u, "Index test", 2024, value = 80, n = 30, sd = 10),
             row(u, "Index test", 2025, value = num(mean(y)), n = length(y), sd = num(sd(y))))
}
lines <- c(lines, row("Enhet G", "Index test", 2025, value = 82, n = 40))
write_data("means.csv", lines, "means, sd and n from raw data drawn by make_fixtures.R (set.seed(7))")

# series.csv: yearly values without n. Ties inside units and across units;
# S2 and S4 have no ties (an exact Wilcoxon pair); S3 misses 2020; S5 has one value.
sraw <- list(
  S1 = c(5.1, 5.3, 4.9, 5.0, 5.2, 5.4, 5.1, 5.0, 5.3, 5.2),
  S2 = c(6.0, 6.2, 5.9, 6.1, 6.3, 5.8, 6.4, 6.6, 6.5, 5.7),
  S3 = c(5.0, 5.2, 5.1, 5.3, NA, 5.0, 5.1, 4.9, 5.2, 5.0),
  S4 = c(7.3, 7.1, 7.6, 7.2, 7.4, 7.8, 7.5, 7.7, 7.0, 7.9),
  S5 = c(NA, NA, NA, NA, NA, NA, NA, NA, NA, 6.0))
years <- 2016:2025
lines <- c()
for (u in names(sraw)) for (i in seq_along(years)) {
  v <- sraw[[u]][i]
  if (u == "S5" && is.na(v)) next
  lines <- c(lines, if (is.na(v)) row(u, "Nivå test", years[i], missing = "bortfall")
                    else row(u, "Nivå test", years[i], value = sprintf("%.1f", v)))
}
write_data("series.csv", lines, "yearly values without n, hand-made")

# ---- the reference computations --------------------------------------------------
# funnel of tests/golden/funnel/make_fixtures.R (same formulas, same clamp)
Z95 <- 1.959964; Z998 <- 3.090232
clamp <- function(a) pmin(pmax(a, 0), pi / 2)
limits <- function(theta0, tau2, n, z) {
  sd <- sqrt((1 / (2 * sqrt(n)))^2 + tau2)
  cbind(lo = sin(clamp(theta0 - z * sd))^2, hi = sin(clamp(theta0 + z * sd))^2)
}
funnel <- function(x, n, od = "auto", trim = 0.1) {
  target <- sum(x) / sum(n); theta0 <- asin(sqrt(target))
  y <- asin(sqrt(x / n)); s <- 1 / (2 * sqrt(n)); z <- (y - theta0) / s
  lz <- quantile(z, trim, names = FALSE); uz <- quantile(z, 1 - trim, names = FALSE)
  wz <- ifelse(z < lz, lz, ifelse(z > uz, uz, z))
  I <- length(z); phi <- sum(wz^2) / I; w <- 1 / s^2
  tau2 <- if (od == "none" || I < 2 || (I * phi) < (I - 1)) 0 else
    max(0, (I * phi - (I - 1)) / (sum(w) - sum(w^2) / sum(w)))
  zadj <- (y - theta0) / sqrt(s^2 + tau2)
  l95 <- limits(theta0, tau2, n, Z95); l998 <- limits(theta0, tau2, n, Z998)
  p <- x / n
  cls <- ifelse(p > l998[, "hi"], 2, ifelse(p > l95[, "hi"], 1,
         ifelse(p < l998[, "lo"], -2, ifelse(p < l95[, "lo"], -1, 0))))
  list(zadj = zadj, cls = cls, l95 = l95, l998 = l998, target = target, tau2 = tau2, phi = phi)
}

wilson <- function(x, n) prop.test(x, n, correct = FALSE)$conf.int
# a 2x2 comparison as compare.c chooses it: returns test, statistic, df, p
two_by_two <- function(xa, na, xb, nb, method) {
  pool <- (xa + xb) / (na + nb)
  emin <- min(na * pool, na * (1 - pool), nb * pool, nb * (1 - pool))
  if (method == "fisher" || (method != "prop" && emin < 5)) {
    f <- fisher.test(matrix(c(xa, xb, na - xa, nb - xb), 2))
    list(test = f$method, method = "exact", stat = NaN, df = NaN, p = f$p.value)
  } else {
    t <- prop.test(c(xa, xb), c(na, nb))
    list(test = t$method, method = "chisq", stat = unname(t$statistic), df = 1, p = t$p.value)
  }
}

EXP_HEAD <- paste("case,row,unit,unit_b,test,method,statistic,df,df2,p,p_holm,p_bh,estimate,ci_lo,ci_hi,",
                  "difference,diff_lo,diff_hi,x,n,values,excluded,funnel_class,funnel_z,funnel_verdict,",
                  "funnel_lo95,funnel_hi95,funnel_lo998,funnel_hi998,funnel_target,funnel_tau2,funnel_phi,",
                  "tested,n_excluded", sep = "")
exp_rows <- c()
emit <- function(case, rowkind, unit = "", unit_b = "", test = "", method = "", stat = NaN, df = NaN,
                 df2 = NaN, p = NaN, holm = NaN, bh = NaN, est = NaN, lo = NaN, hi = NaN, d = NaN,
                 dlo = NaN, dhi = NaN, x = NaN, n = NaN, values = NaN, excluded = 0, fcls = NaN,
                 fz = NaN, fverd = NaN, flim = rep(NaN, 4), ftarget = NaN, ftau2 = NaN, fphi = NaN,
                 tested = NaN, nexcl = NaN) {
  exp_rows <<- c(exp_rows, paste(case, rowkind, unit, unit_b, test, method, num(stat), num(df),
                                 num(df2), num(p), num(holm), num(bh), num(est), num(lo), num(hi),
                                 num(d), num(dlo), num(dhi), num(x), num(n), num(values), excluded,
                                 num(fcls), num(fz), num(fverd), paste(num(flim), collapse = ","),
                                 num(ftarget), num(ftau2), num(fphi), num(tested), num(nexcl),
                                 sep = ","))
}
case_rows <- c()
add_case <- function(case, file, indicator, data, method = "auto", min_n = 10, period = "",
                     from = "", to = "", units = "", gender = "T", od = "auto", pair_units = 50) {
  case_rows <<- c(case_rows, paste(case, file, indicator, data, method, min_n, period, from, to,
                                   units, gender, od, pair_units, sep = ","))
}

# counts: d has unit, x, n (NA for a unit without data at the period), in any order
counts_case <- function(case, file, indicator, d, method = "auto", min_n = 10, od = "auto",
                        pair_units = 50, ...) {
  add_case(case, file, indicator, "counts", method, min_n, od = od, pair_units = pair_units, ...)
  d <- d[order(d$unit, method = "radix"), ]
  have <- !is.na(d$x) & !is.na(d$n)
  excl <- !have | (have & d$n < min_n)
  t <- which(!excl); m <- length(t)
  x <- d$x[t]; n <- d$n[t]
  dir <- direction[[indicator]]
  # overall
  g <- list(test = "", method = "", stat = NaN, df = NaN, p = NaN)
  if (method != "funnel") {
    cq <- chisq.test(cbind(x, n - x), correct = FALSE)
    if (!is.na(cq$statistic))
      g <- list(test = cq$method, method = "chisq", stat = unname(cq$statistic),
                df = unname(cq$parameter), p = cq$p.value)
  }
  fun <- if (m >= 3 && method %in% c("auto", "funnel")) funnel(x, n, od) else NULL
  emit(case, "global", test = g$test, method = g$method, stat = g$stat, df = g$df, p = g$p,
       est = sum(x) / sum(n), ftarget = if (is.null(fun)) NaN else fun$target,
       ftau2 = if (is.null(fun)) NaN else fun$tau2, fphi = if (is.null(fun)) NaN else fun$phi,
       tested = m, nexcl = sum(excl))
  # each unit against the rest
  rest <- lapply(seq_len(m), function(j) two_by_two(x[j], n[j], sum(x) - x[j], sum(n) - n[j], "auto"))
  rp <- sapply(rest, function(r) r$p)
  for (i in seq_len(nrow(d))) {
    j <- match(i, t)
    est <- if (have[i] && d$n[i] > 0) d$x[i] / d$n[i] else NaN
    ci <- if (have[i]) wilson(d$x[i], d$n[i]) else c(NaN, NaN)
    if (is.na(j)) {
      emit(case, "unit", d$unit[i], est = est, lo = ci[1], hi = ci[2], x = d$x[i], n = d$n[i],
           excluded = 1)
    } else {
      fc <- if (is.null(fun)) NaN else fun$cls[j]
      emit(case, "unit", d$unit[i], "", rest[[j]]$test, rest[[j]]$method, rest[[j]]$stat, NaN, NaN,
           rp[j], p.adjust(rp, "holm")[j], p.adjust(rp, "BH")[j], est, ci[1], ci[2],
           x = d$x[i], n = d$n[i], fcls = fc, fz = if (is.null(fun)) NaN else fun$zadj[j],
           fverd = if (is.null(fun)) NaN else sign(fc) * dir,
           flim = if (is.null(fun)) rep(NaN, 4) else c(fun$l95[j, ], fun$l998[j, ]),
           ftarget = if (is.null(fun)) NaN else fun$target,
           ftau2 = if (is.null(fun)) NaN else fun$tau2, fphi = if (is.null(fun)) NaN else fun$phi)
    }
  }
  # pairs
  if (!(method %in% c("chisq", "funnel")) && m <= pair_units) {
    pr <- list()
    for (a in seq_len(m - 1)) for (b in (a + 1):m) {
      r <- two_by_two(x[a], n[a], x[b], n[b], method)
      wa <- wilson(x[a], n[a]); wb <- wilson(x[b], n[b])
      pa <- x[a] / n[a]; pb <- x[b] / n[b]
      r$a <- d$unit[t[a]]; r$b <- d$unit[t[b]]; r$d <- pa - pb
      r$lo <- r$d - sqrt((pa - wa[1])^2 + (wb[2] - pb)^2)
      r$hi <- r$d + sqrt((wa[2] - pa)^2 + (pb - wb[1])^2)
      pr[[length(pr) + 1]] <- r
    }
    pp <- sapply(pr, function(r) r$p)
    ph <- p.adjust(pp, "holm"); pb <- p.adjust(pp, "BH")
    for (q in seq_along(pr)) {
      r <- pr[[q]]
      emit(case, "pair", r$a, r$b, r$test, r$method, r$stat, r$df, NaN, r$p, ph[q], pb[q],
           d = r$d, dlo = r$lo, dhi = r$hi)
    }
  }
}

cnt25 <- data.frame(unit = c(counts$unit, "Enhet F"), x = c(counts$x25, NA), n = c(counts$n25, NA))
cnt24 <- data.frame(unit = c(counts$unit, "Enhet F"), x = c(counts$x24, 20), n = c(counts$n24, 40))
counts_case("counts_auto", "counts.csv", "Andel test", cnt25)
counts_case("counts_alias", "counts.csv", "AT", cnt25)  # the catalogue alias
counts_case("counts_prop", "counts.csv", "Andel test", cnt25, method = "prop")
counts_case("counts_fisher", "counts.csv", "Andel test", cnt25, method = "fisher")
counts_case("counts_chisq", "counts.csv", "Andel test", cnt25, method = "chisq")
counts_case("counts_funnel", "counts.csv", "Andel test", cnt25, method = "funnel")
counts_case("counts_minn50", "counts.csv", "Andel test", cnt25, min_n = 50)
counts_case("counts_minn0", "counts.csv", "Andel test", cnt25, min_n = 0)
sel <- c("Enhet A", "Enhet B", "Enhet E", "Enhet F")
counts_case("counts_2024_units", "counts.csv", "Andel test", cnt24[cnt24$unit %in% sel, ],
            period = "2024", units = paste(sel, collapse = ";"))
counts_case("decoy", "counts.csv", "Annan andel",
            data.frame(unit = c("Enhet A", "Enhet B", "Enhet C"), x = c(9, 21, 15), n = c(40, 35, 30)))
counts_case("edge", "edge.csv", "Andel test", edge)
counts_case("allzero", "allzero.csv", "Andel test", allzero)
counts_case("allzero_prop", "allzero.csv", "Andel test", allzero, method = "prop")
counts_case("two", "two.csv", "Andel test", two)
counts_case("fifty", "fifty.csv", "Andel test", fifty)
counts_case("fifty_od_none", "fifty.csv", "Andel test", fifty, od = "none")
# more tested units than pair_units: each against the rest and the funnel, no pairs
counts_case("fifty_no_pairs", "fifty.csv", "Andel test", fifty, pair_units = 20)
counts_case("fifty_prop_no_pairs", "fifty.csv", "Andel test", fifty, method = "prop", pair_units = 20)

# means
means_case <- function(case, method = "auto", min_n = 10, pair_units = 50) {
  add_case(case, "means.csv", "Index test", "means", method, min_n, pair_units = pair_units)
  units <- csort(c(names(mraw), "Enhet G"))
  ok <- sapply(units, function(u) u %in% names(mraw) && length(mraw[[u]]) >= min_n)
  t <- units[ok]
  y <- unlist(mraw[t]); g <- factor(rep(t, sapply(mraw[t], length)), levels = t)
  ns <- sapply(mraw[t], length); ms <- sapply(mraw[t], mean)
  gl <- list(test = "", method = "", stat = NaN, df = NaN, df2 = NaN, p = NaN)
  if (method != "welch") {
    o <- oneway.test(y ~ g, var.equal = FALSE)
    gl <- list(test = o$method, method = "F", stat = unname(o$statistic), df = unname(o$parameter[1]),
               df2 = unname(o$parameter[2]), p = o$p.value)
  }
  emit(case, "global", test = gl$test, method = gl$method, stat = gl$stat, df = gl$df, df2 = gl$df2,
       p = gl$p, est = sum(ns * ms) / sum(ns), tested = length(t), nexcl = sum(!ok))
  # each tested unit against the other tested units' raw answers pooled
  rest <- lapply(t, function(u) t.test(mraw[[u]], unlist(mraw[setdiff(t, u)])))
  names(rest) <- t
  rp <- sapply(rest, function(r) r$p.value)
  for (u in units) {
    if (u == "Enhet G") {
      emit(case, "unit", u, est = NaN, n = 40, excluded = 1)
      next
    }
    v <- mraw[[u]]; ci <- t.test(v)$conf.int
    if (!ok[[u]]) {
      emit(case, "unit", u, est = mean(v), lo = ci[1], hi = ci[2], n = length(v), excluded = 1)
      next
    }
    r <- rest[[u]]
    emit(case, "unit", u, "", r$method, "t", unname(r$statistic), p = r$p.value,
         holm = p.adjust(rp, "holm")[[u]], bh = p.adjust(rp, "BH")[[u]], est = mean(v), lo = ci[1],
         hi = ci[2], n = length(v))
  }
  if (method != "anova" && length(t) <= pair_units) {
    pr <- list()
    for (a in seq_along(t)[-length(t)]) for (b in (a + 1):length(t)) {
      w <- t.test(mraw[[t[a]]], mraw[[t[b]]])
      pr[[length(pr) + 1]] <- list(a = t[a], b = t[b], test = w$method, stat = unname(w$statistic),
                                   df = unname(w$parameter), p = w$p.value,
                                   d = mean(mraw[[t[a]]]) - mean(mraw[[t[b]]]),
                                   lo = w$conf.int[1], hi = w$conf.int[2])
    }
    pp <- sapply(pr, function(r) r$p)
    ph <- p.adjust(pp, "holm"); pb <- p.adjust(pp, "BH")
    for (q in seq_along(pr)) with(pr[[q]],
      emit(case, "pair", a, b, test, "t", stat, df, NaN, p, ph[q], pb[q], d = d, dlo = lo, dhi = hi))
  }
}
means_case("means_auto")
means_case("means_no_pairs", pair_units = 4)
means_case("means_welch", method = "welch")
means_case("means_anova", method = "anova")

# series: the years in [from, to] are the replicates
# a Wilcoxon test as compare.c runs it: wilcox.test (R's own choice of exact or
# normal with continuity correction), except with ties and both samples below
# 50 values: the exact conditional p of coin
wilcox_cmp <- function(x, y, conf.int = FALSE) {
  w <- suppressWarnings(wilcox.test(x, y, conf.int = conf.int))
  meth <- if (grepl("exact", w$method)) "exact" else "normal"
  if (anyDuplicated(c(x, y)) && length(x) < 50 && length(y) < 50) {
    d <- data.frame(v = c(x, y), g = factor(rep(c("x", "y"), c(length(x), length(y)))))
    w$p.value <- pvalue(wilcox_test(v ~ g, data = d, distribution = "exact"))
    w$method <- "Exact Wilcoxon-Mann-Whitney Test"
    meth <- "exact"
  }
  w$how <- meth
  w
}
suppressMessages(library(coin))

series_case <- function(case, from = 2016, to = 2025, method = "auto", pair_units = 50,
                        file = "series.csv", sraw = get("sraw", globalenv()),
                        years = get("years", globalenv())) {
  add_case(case, file, "Nivå test", "series", method, 10, "",
           if (from == min(years)) "" else from, if (to == max(years)) "" else to, pair_units = pair_units)
  keep <- years >= from & years <= to
  vals <- lapply(sraw, function(v) { v <- v[keep]; v[!is.na(v)] })
  units <- csort(names(vals))
  ok <- sapply(units, function(u) length(vals[[u]]) >= 2)
  t <- units[ok]
  all <- unlist(vals[t]); g <- factor(rep(t, sapply(vals[t], length)), levels = t)
  k <- kruskal.test(all, g)
  emit(case, "global", test = k$method, method = "chisq", stat = unname(k$statistic),
       df = unname(k$parameter), p = k$p.value, est = median(all), tested = length(t), nexcl = sum(!ok))
  rest <- lapply(t, function(u) wilcox_cmp(vals[[u]], unlist(vals[setdiff(t, u)])))
  names(rest) <- t
  rp <- sapply(rest, function(r) r$p.value)
  for (u in units) {
    est <- if (length(vals[[u]])) median(vals[[u]]) else NaN
    if (!ok[[u]]) {
      emit(case, "unit", u, est = est, values = length(vals[[u]]), excluded = 1)
      next
    }
    r <- rest[[u]]
    emit(case, "unit", u, "", r$method, r$how, unname(r$statistic), p = r$p.value,
         holm = p.adjust(rp, "holm")[[u]], bh = p.adjust(rp, "BH")[[u]], est = est,
         values = length(vals[[u]]))
  }
  if (length(t) > pair_units) return(invisible())
  pr <- list()
  for (a in seq_along(t)[-length(t)]) for (b in (a + 1):length(t)) {
    # the effect: the location shift (Hodges-Lehmann) and its 95 % interval
    w <- wilcox_cmp(vals[[t[a]]], vals[[t[b]]], conf.int = TRUE)
    pr[[length(pr) + 1]] <- list(a = t[a], b = t[b], test = w$method, how = w$how, stat = unname(w$statistic),
                                 p = w$p.value, d = unname(w$estimate), dlo = w$conf.int[1],
                                 dhi = w$conf.int[2])
  }
  pp <- sapply(pr, function(r) r$p)
  ph <- p.adjust(pp, "holm"); pb <- p.adjust(pp, "BH")
  for (q in seq_along(pr)) with(pr[[q]],
    emit(case, "pair", a, b, test, how, stat, NaN, NaN, p, ph[q], pb[q], d = d, dlo = dlo, dhi = dhi))
}
series_case("series_auto")
series_case("series_range", from = 2019, to = 2024)
series_case("series_kruskal", method = "kruskal")
series_case("series_no_pairs", pair_units = 3)
# six.csv: issue 21's example, two units with six years each, every value of
# one above the other's, with ties: the exact p is 2/924 (the normal
# approximation with continuity correction gives 0.0049)
six <- list(U1 = c(70, 72, 72, 75, 74, 76), U2 = c(60, 62, 62, 65, 64, 66))
write_data("six.csv", unlist(lapply(names(six), function(u)
  sprintf("%s", mapply(function(y, v) row(u, "Nivå test", y, value = v), 2020:2025, six[[u]])))),
  "two units, six years, hand-made")
series_case("six_years", file = "six.csv", sraw = six, years = 2020:2025, from = 2020, to = 2025)

stamp <- paste0("# generated by tests/golden/compare/make_fixtures.R with ", R.version.string,
                " (stats package; coin ", packageVersion("coin"), ")")
writeLines(c("# cases.csv: what each case asks ind_compare for (units separated by ';'; empty = default)",
             stamp, "case,file,indicator,data,method,min_n,period,from,to,units,gender,overdispersion,pair_units", case_rows),
           file.path(here, "cases.csv"))
writeLines(c("# expected.csv: what ind_compare must report per case. row global: the overall test,",
             "# estimate = pooled value, tested / n_excluded = units tested / listed only; row unit:",
             "# the unit against the rest pooled (counts), its estimate and interval, x and n, values",
             "# used (series); row pair: unit vs unit_b, difference and its interval (counts: Newcombe).",
             stamp, EXP_HEAD, exp_rows), file.path(here, "expected.csv"))
