# make_fixtures.R: golden fixtures for engine/judge/reference.c (issue 21,
# --reference): a unit's series against a reference unit of the same data,
# the value beside each period, the difference, and the test of the two
# proportions where both have counts.
#
# Reference: R's stats package, run with
#   R version 4.2.2 Patched (2022-11-10 r83330) (Debian r-base-core).
#   value             100 * numerator / denominator (as the reader computes it)
#                     or the value as written
#   difference        unit minus reference, in the indicator's unit
#   test              prop.test(c(x1, x2), c(n1, n2)) (Yates' correction), or
#                     fisher.test(matrix(c(x1, x2, n1 - x1, n2 - x2), 2)) when
#                     an expected count of the 2x2 table is below 5 (where R's
#                     prop.test warns "Chi-squared approximation may be
#                     incorrect"); x1/n1 the unit, x2/n2 the reference
#   diff, ci          p1 - p2 with Newcombe's (1998, method 10) 95 % interval
#                     from R's Wilson limits prop.test(x, n, correct = FALSE)
#   the period beside a period: the same period; beside a year-end tertial
#                     (T3) the reference's year, beside a year its T3
#
# Regenerate from the repository root with
#   Rscript tests/golden/reference/make_fixtures.R
# It writes catalog.csv, data.csv (canonical long form), cases.csv and
# expected.csv (case,quantity,value) into this directory. Numbers are written
# with sprintf("%.17g"); NA as NaN.

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

writeLines(c(
  "id,name,aliases,measure,direction,periodicity,by_gender,decimals,kf_scope,tolerance",
  "andel_test,Andel test,,percent,higher,år,nej,0,unit,",
  "sjuk_test,Sjuk test,,percent,lower,tertial,nej,1,unit,",
  "antal_test,Antal test,,count,lower,år,nej,0,unit,",
  "index_test,Index test,,index,higher,år,nej,0,unit,"
), file.path(here, "catalog.csv"))

# ---- the data: two units and their förvaltning's total ------------------------------
REF <- "Förvaltningen"
rows <- c()
row <- function(unit, ind, period, value = "", x = "", n = "", missing = "")
  rows <<- c(rows, paste(unit, ind, period, "T", value, x, n, missing, sep = ","))
# Andel test, 2022-2025 as counts; the total has no value for 2024
A <- list(x = c(60, 64, 66, 70), n = c(100, 100, 100, 100))
B <- list(x = c(7, 8, 8, 9), n = c(10, 10, 10, 10))
F <- list(x = c(380, 395, NA, 390), n = c(600, 600, NA, 600))
yrs <- 2022:2025
for (i in seq_along(yrs)) {
  row("Enhet A", "Andel test", yrs[i], x = A$x[i], n = A$n[i])
  row("Enhet B", "Andel test", yrs[i], x = B$x[i], n = B$n[i])
  if (is.na(F$x[i])) row(REF, "Andel test", yrs[i], missing = "bortfall")
  else row(REF, "Andel test", yrs[i], x = F$x[i], n = F$n[i])
}
# Antal test: counts of events, no bases
for (i in seq_along(yrs)) {
  row("Enhet A", "Antal test", yrs[i], value = c(4, 3, 5, 3)[i])
  row(REF, "Antal test", yrs[i], value = c(9, 8, 11, 7)[i])
}
# Sjuk test: the unit per tertial, the reference per year (as Kolada gives it)
for (y in 2024:2025) for (k in 1:3)
  row("Enhet A", "Sjuk test", sprintf("%d-T%d", y, k), value = c(8.2, 8.6, 8.4, 7.9, 8.1, 7.7)[(y - 2024) * 3 + k])
row(REF, "Sjuk test", "2024", value = "7.5")
row(REF, "Sjuk test", "2025", value = "7.2")
# Index test: the unit only
for (i in seq_along(yrs)) row("Enhet A", "Index test", yrs[i], value = c(70, 72, 71, 74)[i])
writeLines(c("unit,indicator,period,gender,value,numerator,denominator,missing", rows),
           file.path(here, "data.csv"))

# ---- the cases -----------------------------------------------------------------------
cases <- c()
out <- c("# expected.csv: written by tests/golden/reference/make_fixtures.R with R",
         paste0("# ", R.version.string, " (stats package)"),
         "case,quantity,value")
put <- function(case, q, v) out <<- c(out, paste(case, q, num(v), sep = ","))
wilson <- function(x, n) prop.test(x, n, correct = FALSE)$conf.int
counts_case <- function(case, unit, U, i, refperiod) {
  cases <<- c(cases, paste(case, unit, "Andel test", yrs[i], REF, sep = ","))
  x1 <- U$x[i]; n1 <- U$n[i]; x2 <- F$x[i]; n2 <- F$n[i]
  v <- 100 * x1 / n1
  put(case, "value", v)
  put(case, "reference", 100 * x2 / n2)
  put(case, "difference", v - 100 * x2 / n2)
  put(case, "ref_period", refperiod)
  pool <- (x1 + x2) / (n1 + n2)
  emin <- min(n1 * pool, n1 * (1 - pool), n2 * pool, n2 * (1 - pool))
  if (emin < 5) {
    ft <- fisher.test(matrix(c(x1, x2, n1 - x1, n2 - x2), 2))
    put(case, "exact", 1); put(case, "statistic", NA); put(case, "p", ft$p.value)  # fisher.test has no statistic
  } else {
    pt <- prop.test(c(x1, x2), c(n1, n2))
    put(case, "exact", 0); put(case, "statistic", pt$statistic); put(case, "p", pt$p.value)
  }
  p1 <- x1 / n1; p2 <- x2 / n2
  w1 <- wilson(x1, n1); w2 <- wilson(x2, n2)
  put(case, "diff", p1 - p2)
  put(case, "ci_lo", p1 - p2 - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2))
  put(case, "ci_hi", p1 - p2 + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}
counts_case("andel_A_2025", "Enhet A", A, 4, 2025)  # large counts: prop.test
counts_case("andel_B_2025", "Enhet B", B, 4, 2025)  # an expected count below 5: Fisher
counts_case("andel_A_2022", "Enhet A", A, 1, 2022)
# 2024: the reference has no value; its latest before is 2023
cases <- c(cases, paste("andel_A_2024", "Enhet A", "Andel test", 2024, REF, sep = ","))
put("andel_A_2024", "value", 66); put("andel_A_2024", "reference", NA)
put("andel_A_2024", "difference", NA); put("andel_A_2024", "ref_latest", 2023)
put("andel_A_2024", "p", NA)
# counts of events: the difference, no test
cases <- c(cases, paste("antal_A_2025", "Enhet A", "Antal test", 2025, REF, sep = ","))
put("antal_A_2025", "value", 3); put("antal_A_2025", "reference", 7)
put("antal_A_2025", "difference", 3 - 7); put("antal_A_2025", "p", NA)
# a year-end tertial against the reference's year; T2 has nothing beside it
cases <- c(cases, paste("sjuk_A_2025T3", "Enhet A", "Sjuk test", "2025-T3", REF, sep = ","))
put("sjuk_A_2025T3", "value", 7.7); put("sjuk_A_2025T3", "reference", 7.2)
put("sjuk_A_2025T3", "difference", 7.7 - 7.2); put("sjuk_A_2025T3", "ref_period", 2025)
cases <- c(cases, paste("sjuk_A_2025T2", "Enhet A", "Sjuk test", "2025-T2", REF, sep = ","))
put("sjuk_A_2025T2", "value", 8.1); put("sjuk_A_2025T2", "reference", NA)
put("sjuk_A_2025T2", "ref_latest", 2024)
# no series at all in the reference
cases <- c(cases, paste("index_A_2025", "Enhet A", "Index test", 2025, REF, sep = ","))
put("index_A_2025", "value", 74); put("index_A_2025", "ref_series", -1)
writeLines(c("case,unit,indicator,period,reference", cases), file.path(here, "cases.csv"))
writeLines(out, file.path(here, "expected.csv"))
