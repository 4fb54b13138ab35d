# make_fixtures.R: golden fixtures for engine/outlook.c (issue 4): what it adds
# on top of engine/trend.c (tested in tests/golden/trend): which points of a
# dataset series it uses (the kind of period, the range, missing periods), the
# gap between women and men, the test of the latest gap, and the forecast
# against the next årsmål.
#
# Reference: R's stats package, run with
#   R version 4.2.2 Patched (2022-11-10 r83330) (Debian r-base-core).
#   OLS slope           coef(lm(y ~ I(t - 2000))), t the real time (year Y at
#                       Y, tertial k at Y + (k - 1)/3; the shift only helps lm's
#                       precision)
#   forecast            predict(lm(y ~ I(t - 2000)), data.frame(t = t0),
#                       interval = "prediction", level = 0.95), t0 the time of
#                       the first later period with a numeric årsmål; a year's
#                       årsmål on a tertial series sits at its year-end,
#                       Y + 2/3; likely = +1 when the target lies beyond the
#                       interval on the good side, -1 on the bad side, 0 inside
#   Mann-Kendall S      sum_{i<j} sign(y_j - y_i), by the formula
#   Mann-Kendall p      cor.test(t, y, method = "kendall", exact = TRUE)
#                       (exact; only series without ties are given one here)
#   Sen's slope         median over i<j of (y_j - y_i)/(t_j - t_i)
#   verdict             trend.h's rule: too few points when n < 4 or
#                       2/n! >= alpha; no clear trend when p >= alpha; else
#                       the sign of Sen's slope read through the direction.
#                       Gap: widening when |K - M| grows (the sign of the
#                       trend equals the sign of the latest gap), narrowing
#                       otherwise
#   latest gap's test   prop.test(c(xK, xM), c(nK, nM)) (Yates), or
#                       fisher.test(matrix(c(xK, xM, nK - xK, nM - xM), 2))
#                       when an expected count is below 5; the difference
#                       pK - pM with Newcombe's (1998, method 10) interval
#                       from R's Wilson limits prop.test(x, n, correct = FALSE)
#
# Regenerate from the repository root with
#   Rscript tests/golden/outlook/make_fixtures.R
# It writes catalog.csv, data.csv (canonical long form), cases.csv and
# expected.csv (case,quantity,value) into this directory.
# Numbers are written with sprintf("%.17g"); lists space-separated; NA as NaN.

options(warn = -1)
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
lst <- function(v) paste(num(v), collapse = " ")
ALPHA <- 0.05

writeLines(c(
  "id,name,aliases,measure,direction,periodicity,by_gender,decimals,kf_scope,tolerance",
  "andel_test,Andel test,,percent,higher,år,ja,1,unit,",
  "sjuk_test,Sjuk test,,percent,lower,tertial,ja,1,unit,",
  "antal_test,Antal test,,count,lower,år,nej,0,unit,",
  "index_test,Index test,,index,higher,år,nej,0,unit,"
), file.path(here, "catalog.csv"))
dirs <- c("Andel test" = 1, "Sjuk test" = -1, "Antal test" = -1, "Index test" = 1)

# ---- the data ------------------------------------------------------------------
# A series: unit, indicator, gender, periods (text), times, values (NA =
# missing), optional counts; plus target-only rows.
S <- list()
add <- function(key, unit, ind, gender, period, t, y = NULL, x = NULL, n = NULL) {
  if (is.null(y)) y <- rep(NA, length(t))
  if (!is.null(x)) y[!is.na(x)] <- (100 * x / n)[!is.na(x)]  # as ingest: 100 * numerator / denominator
  S[[key]] <<- list(unit = unit, ind = ind, gender = gender, period = period, t = t, y = y,
                    x = x, n = n)
}
yrs <- function(a, b) list(period = as.character(a:b), t = a:b)
ter <- function(y0, k0, count) {  # count tertials from y0-Tk0
  i <- (k0 - 1) + 0:(count - 1)
  Y <- y0 + i %/% 3; k <- i %% 3 + 1
  list(period = sprintf("%d-T%d", Y, k), t = Y + (k - 1) / 3)
}

# Enhet A, Andel test: K and M with counts every year, K missing 2019,
# T (the sum) missing 2019; the gap K - M widens.
p <- yrs(2015, 2025)
xK <- c(40, 42, 44, 45, NA, 48, 50, 52, 54, 55, 58); nK <- rep(80, 11)
xM <- c(33, 33, 34, 35, 34, 33, 34, 35, 34, 36, 35); nM <- rep(70, 11)
add("andel_A_K", "Enhet A", "Andel test", "K", p$period, p$t, x = xK, n = nK)
add("andel_A_M", "Enhet A", "Andel test", "M", p$period, p$t, x = xM, n = nM)
add("andel_A_T", "Enhet A", "Andel test", "T", p$period, p$t, x = xK + xM, n = nK + nM)
# Enhet B, Andel test: values typed, the latest year as counts (small: Fisher);
# the gap is negative and shrinks.
p <- yrs(2018, 2025)
add("andel_B_K", "Enhet B", "Andel test", "K", p$period, p$t,
    y = c(30, 33, 35, 38, 41, 44, 47, NA), x = c(rep(NA, 7), 5), n = c(rep(NA, 7), 10))
add("andel_B_M", "Enhet B", "Andel test", "M", p$period, p$t,
    y = c(60, 61, 61.5, 62, 62, 61, 60, NA), x = c(rep(NA, 7), 5), n = c(rep(NA, 7), 8))
add("andel_B_T", "Enhet B", "Andel test", "T", p$period, p$t,
    y = c(45, 47, 48, 50, 51, 52, 53, NA), x = c(rep(NA, 7), 10), n = c(rep(NA, 7), 18))
# Enhet C, Andel test: K and M values only, no T; no clear gap trend.
p <- yrs(2019, 2025)
add("andel_C_K", "Enhet C", "Andel test", "K", p$period, p$t, y = c(50, 55, 48, 53, 51.5, 56, 49))
add("andel_C_M", "Enhet C", "Andel test", "M", p$period, p$t, y = c(52, 50, 51, 49, 54, 50, 52.5))
# Enhet D, Andel test: T only, two points.
add("andel_D_T", "Enhet D", "Andel test", "T", c("2024", "2025"), c(2024, 2025), y = c(40, 45))
# Sjuk test (tertial): Enhet A from 2022-T1 to 2025-T2, 2023-T2 missing, and one
# yearly value (2021) that a tertial series does not use.
p <- ter(2022, 1, 11)
add("sjuk_A_T", "Enhet A", "Sjuk test", "T", p$period, p$t,
    y = c(8.1, 7.6, 8.4, 7.9, NA, 8.6, 8.2, 8.8, 9.0, 8.7, 9.3))
add("sjuk_B_T", "Enhet B", "Sjuk test", "T", p$period, p$t,
    y = c(6.0, 5.6, 6.3, 5.8, 5.5, 6.1, 5.7, 5.4, 5.9, 5.3, 5.2))
p <- yrs(2016, 2025)
add("antal_A_T", "Enhet A", "Antal test", "T", p$period, p$t,
    y = c(30, 28, 27, 25, 22, 21, 19, 17, 16, 14))
p <- yrs(2017, 2025)
add("index_A_T", "Enhet A", "Index test", "T", p$period, p$t,
    y = c(70.2, 71.0, 69.5, 71.8, 70.4, 70.9, 70.1, 71.5, 70.7))

# rows: unit, indicator, period, gender, value, numerator, denominator, target, missing
rows <- c()
emit_row <- function(unit, ind, period, gender, value = "", x = "", n = "", target = "", missing = "")
  rows <<- c(rows, paste(unit, ind, period, gender, value, x, n, target, missing, sep = ","))
for (s in S) for (i in seq_along(s$period)) {
  hasx <- !is.null(s$x) && !is.na(s$x[i])
  if (hasx) emit_row(s$unit, s$ind, s$period[i], s$gender, "", s$x[i], s$n[i])
  else if (is.na(s$y[i])) emit_row(s$unit, s$ind, s$period[i], s$gender, missing = "bortfall")
  else emit_row(s$unit, s$ind, s$period[i], s$gender, format(s$y[i]))
}
# extra rows: a yearly value in the tertial series, and the årsmål rows (no value)
emit_row("Enhet A", "Sjuk test", "2021", "T", "7")
emit_row("Enhet A", "Andel test", "2026", "T", target = "63")
emit_row("Enhet A", "Andel test", "2027", "T", target = "80")
emit_row("Enhet A", "Sjuk test", "2025-T3", "T", target = "8")
emit_row("Enhet B", "Sjuk test", "2025", "T", target = "7")   # a year's årsmål on a tertial series
emit_row("Enhet A", "Antal test", "2026", "T", target = "max 20")
emit_row("Enhet A", "Index test", "2026", "T", target = "minst 80")
emit_row("Enhet D", "Andel test", "2026", "T", target = "50")
writeLines(c("unit,indicator,period,gender,value,numerator,denominator,target,missing", rows),
           file.path(here, "data.csv"))

# ---- the reference ----------------------------------------------------------------
out <- c(); cases <- c()
put <- function(case, q, v) out <<- c(out, paste(case, q, v, sep = ","))
mk_s <- function(y) { n <- length(y); s <- 0
  for (i in 1:(n - 1)) s <- s + sum(sign(y[(i + 1):n] - y[i])); s }
sen <- function(t, y) { d <- c()
  for (i in 1:(length(y) - 1)) d <- c(d, (y[(i + 1):length(y)] - y[i]) / (t[(i + 1):length(y)] - t[i]))
  median(d) }
verdict <- function(t, y, dir) {  # trend.h's rule; the series given here have no ties
  n <- length(y)
  if (n < 4 || 2 / factorial(n) >= ALPHA) return("too-few-points")
  if (anyDuplicated(y)) stop("ties: no exact p here")
  p <- cor.test(t, y, method = "kendall", exact = TRUE)$p.value
  if (p >= ALPHA) return("no-clear-trend")
  up <- sen(t, y) > 0
  if (dir > 0) if (up) "improving" else "worsening"
  else if (dir < 0) if (up) "worsening" else "improving"
  else if (up) "increasing" else "decreasing"
}
points <- function(s, from = -Inf, to = Inf) {
  k <- s$t >= from & s$t <= to
  last <- max(which(k & !is.na(s$y)))
  k <- k & seq_along(k) <= last
  # skipped: every period of the series' kind from its first row in range to its last value
  # that has no value, whether the row is empty or absent from the file
  per_year <- if (all(abs(s$t * 3 - round(s$t * 3)) < 1e-9) && any(abs(s$t - round(s$t)) > 1e-9)) 3 else 1
  span <- round((s$t[last] - min(s$t[k])) * per_year) + 1
  list(t = s$t[k & !is.na(s$y)], y = s$y[k & !is.na(s$y)], period = s$period[k & !is.na(s$y)],
       skipped = span - sum(k & !is.na(s$y)))
}

trend_case <- function(case, key, kind, from = "", to = "") {
  s <- S[[key]]
  cases <<- c(cases, paste(case, "trend", s$unit, s$ind, s$gender, from, to, sep = ","))
  tf <- if (from == "") -Inf else as.numeric(from); tt <- if (to == "") Inf else as.numeric(to)
  pt <- points(s, tf, tt)
  n <- length(pt$y)
  put(case, "kind", kind)
  put(case, "n", n); put(case, "skipped", pt$skipped)
  put(case, "first", pt$period[1]); put(case, "last", pt$period[n])
  put(case, "first_value", num(pt$y[1])); put(case, "last_value", num(pt$y[n]))
  put(case, "change", num(pt$y[n] - pt$y[1]))
  put(case, "t", lst(pt$t))
  put(case, "ols_slope", num(coef(lm(y ~ I(t - 2000), data.frame(t = pt$t, y = pt$y)))[2]))
  put(case, "mk_s", mk_s(pt$y)); put(case, "sen_slope", num(sen(pt$t, pt$y)))
  if (n >= 4 && !anyDuplicated(pt$y))
    put(case, "mk_p", num(cor.test(pt$t, pt$y, method = "kendall", exact = TRUE)$p.value))
  put(case, "verdict", verdict(pt$t, pt$y, dirs[[s$ind]]))
}
trend_case("andel_A_T", "andel_A_T", "year")
trend_case("andel_A_T_range", "andel_A_T", "year", from = "2017", to = "2023")
trend_case("andel_D_T", "andel_D_T", "year")
trend_case("sjuk_A_T", "sjuk_A_T", "tertial")
trend_case("sjuk_B_T", "sjuk_B_T", "tertial")
trend_case("antal_A_T", "antal_A_T", "year")
trend_case("index_A_T", "index_A_T", "year")

gap_case <- function(case, kk, km, via) {
  K <- S[[kk]]; M <- S[[km]]; s <- S[[via]]
  cases <<- c(cases, paste(case, "gap", s$unit, s$ind, s$gender, "", "", sep = ","))
  both <- !is.na(K$y) & !is.na(M$y[match(K$period, M$period)])
  per <- K$period[both]; t <- K$t[both]
  g <- K$y[both] - M$y[match(per, M$period)]
  n <- length(g)
  put(case, "have", 1); put(case, "n", n)
  put(case, "periods", paste(per, collapse = " ")); put(case, "gap", lst(g))
  put(case, "last", per[n]); put(case, "last_gap", num(g[n]))
  put(case, "mk_s", mk_s(g)); put(case, "sen_slope", num(sen(t, g)))
  v <- verdict(t, g, 0)
  gv <- switch(v, "too-few-points" = "too_few_points", "no-clear-trend" = "stable",
               increasing = if (g[n] >= 0) "widening" else "narrowing",
               decreasing = if (g[n] >= 0) "narrowing" else "widening")
  put(case, "verdict", gv)
  i <- match(per[n], K$period); j <- match(per[n], M$period)
  if (!is.null(K$x) && !is.na(K$x[i]) && !is.null(M$x) && !is.na(M$x[j])) {
    x1 <- K$x[i]; n1 <- K$n[i]; x2 <- M$x[j]; n2 <- M$n[j]
    pool <- (x1 + x2) / (n1 + n2)
    if (min(n1 * pool, n1 * (1 - pool), n2 * pool, n2 * (1 - pool)) < 5) {
      r <- fisher.test(matrix(c(x1, x2, n1 - x1, n2 - x2), 2)); st <- NaN
    } else {
      r <- prop.test(c(x1, x2), c(n1, n2)); st <- unname(r$statistic)
    }
    w1 <- prop.test(x1, n1, correct = FALSE)$conf.int; w2 <- prop.test(x2, n2, correct = FALSE)$conf.int
    p1 <- x1 / n1; p2 <- x2 / n2; d <- p1 - p2
    put(case, "test", r$method); put(case, "statistic", num(st)); put(case, "p", num(r$p.value))
    put(case, "diff", num(d))
    put(case, "ci_lo", num(d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2)))
    put(case, "ci_hi", num(d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2)))
  } else put(case, "test", "")
}
gap_case("gap_A", "andel_A_K", "andel_A_M", "andel_A_T")
gap_case("gap_B", "andel_B_K", "andel_B_M", "andel_B_T")
gap_case("gap_C", "andel_C_K", "andel_C_M", "andel_C_K")
cases <- c(cases, "gap_D,gap,Enhet D,Andel test,T,,")
put("gap_D", "have", 0)

forecast_case <- function(case, key, period, t0, target, rule) {
  s <- S[[key]]
  cases <<- c(cases, paste(case, "forecast", s$unit, s$ind, s$gender, "", "", sep = ","))
  pt <- points(s)
  put(case, "have", 1); put(case, "period", period); put(case, "target", num(target))
  put(case, "t0", num(t0))
  fit <- lm(y ~ I(t - 2000), data.frame(t = pt$t, y = pt$y))  # centred near the data for precision
  pr <- predict(fit, data.frame(t = t0), interval = "prediction", level = 1 - ALPHA)
  put(case, "yhat", num(pr[1, "fit"])); put(case, "pi_lo", num(pr[1, "lwr"]))
  put(case, "pi_hi", num(pr[1, "upr"]))
  good_high <- rule == "min" || (rule == "value" && dirs[[s$ind]] > 0)
  likely <- if (good_high) (if (target < pr[1, "lwr"]) 1 else if (target > pr[1, "upr"]) -1 else 0)
            else (if (target > pr[1, "upr"]) 1 else if (target < pr[1, "lwr"]) -1 else 0)
  put(case, "likely", likely)
}
forecast_case("fc_andel_A", "andel_A_T", "2026", 2026, 63, "value")
forecast_case("fc_sjuk_A", "sjuk_A_T", "2025-T3", 2025 + 2 / 3, 8, "value")
forecast_case("fc_sjuk_B", "sjuk_B_T", "2025", 2025 + 2 / 3, 7, "value")
forecast_case("fc_antal_A", "antal_A_T", "2026", 2026, 20, "max")
forecast_case("fc_index_A", "index_A_T", "2026", 2026, 80, "min")
cases <- c(cases, "fc_andel_D,forecast,Enhet D,Andel test,T,,", "fc_andel_K,forecast,Enhet A,Andel test,K,,")
put("fc_andel_D", "have", 0)  # two points: no forecast
# the K series takes its årsmål from the unit's T series
{ s <- S[["andel_A_K"]]; pt <- points(s)
  fit <- lm(y ~ I(t - 2000), data.frame(t = pt$t, y = pt$y))  # centred near the data for precision
  pr <- predict(fit, data.frame(t = 2026), interval = "prediction", level = 1 - ALPHA)
  put("fc_andel_K", "have", 1); put("fc_andel_K", "period", "2026"); put("fc_andel_K", "target", num(63))
  put("fc_andel_K", "t0", num(2026))
  put("fc_andel_K", "yhat", num(pr[1, "fit"])); put("fc_andel_K", "pi_lo", num(pr[1, "lwr"]))
  put("fc_andel_K", "pi_hi", num(pr[1, "upr"]))
  put("fc_andel_K", "likely", if (63 < pr[1, "lwr"]) 1 else if (63 > pr[1, "upr"]) -1 else 0) }

stamp <- paste0("# generated by tests/golden/outlook/make_fixtures.R with ", R.version.string,
                " (stats package)")
writeLines(c("# cases.csv: the series each case asks for (from/to empty = open)", stamp,
             "case,kind,unit,indicator,gender,from,to", cases), file.path(here, "cases.csv"))
writeLines(c("# expected.csv: what ind_outlook_trend_of / _gap_of / _forecast_of must give per case",
             stamp, "case,quantity,value", out), file.path(here, "expected.csv"))
