#!/usr/bin/env Rscript
# Golden fixtures for engine/trend.c (indikator).
#
# Reference: GNU R (version printed into the fixture headers), base package
# 'stats': lm + summary.lm + confint + predict(interval = "prediction") for
# OLS; cor.test(method = "kendall", exact = TRUE) for the exact Mann-Kendall
# p-value of series without ties (R's ckendall); cor(method = "kendall") for
# tau-b; qnorm/pnorm. The R package 'trend' is not packaged for Debian, so
# mk.test and sens.slope are reproduced here from their published formulas
# (tie-corrected Var(S), continuity-corrected Z; Sen's CI ranks
# round((k - C)/2) and round((k + C)/2 + 1) with R's round()), on real time
# t instead of the index. For series with ties the exact null distribution
# of S is computed by a dynamic programme over the counts of values not yet
# placed (independent of the engine's q-multinomial recurrence) and checked
# here against brute-force enumeration of all permutations for n = 9.
# The 353-point series "rain353" is the Bogra column of pyMannKendall's test
# data (tests/data/Monthly Rainfall.csv, missing months dropped); its
# expected S, Var(S), Z, p, Tau and Sen's slope are the values asserted in
# pyMannKendall's tests/test_pymannkendall.py (test_original_test), and this
# script checks that its own reproduction agrees with them.
#
# Usage: Rscript generate.R   (run in this directory; writes series.csv and
# expected.csv)
options(warn = 1)

fmt <- function(v) sprintf("%.17g", v)

series <- list()
add <- function(name, t, y, alpha = 0.05, t0 = NA) {
  series[[name]] <<- list(t = t, y = y, alpha = alpha, t0 = t0)
}

add("annual11", 2014:2024,
    c(71.2, 72.5, 70.9, 73.8, 74.1, 73.0, 75.6, 76.2, 75.9, 77.4, 78.0), t0 = 2025)
add("ties11", 2014:2024, c(3, 5, 3, 4, 6, 5, 5, 7, 6, 8, 7), t0 = 2026)
add("constant6", 2019:2024, rep(82, 6), t0 = 2025)
add("n2", c(2022, 2023), c(5.1, 4.7))
add("n3", 2021:2023, c(10, 12, 11), t0 = 2024)
add("gaps8", c(2012, 2013, 2015, 2016, 2019, 2020, 2021, 2023),
    c(6.1, 5.8, 6.4, 5.2, 4.9, 5.0, 4.1, 4.4), t0 = 2024)
add("negative10", 2015:2024,
    c(-1.2, -0.8, -2.5, -0.3, 0.0, -1.1, 0.4, 0.9, -0.2, 1.3), alpha = 0.10, t0 = 2025)
# Tertials: tertial k of year Y at Y + (k - 1)/3; the second tertial of 2022 is missing.
add("tertial8", 2021 + c(0, 1, 2, 3, 5, 6, 7, 8) / 3,
    c(7.9, 6.2, 7.1, 8.3, 7.4, 8.8, 6.9, 7.7), t0 = 2024)
add("ties9", 2016:2024, c(2, 2, 3, 1, 3, 3, 4, 2, 5), t0 = 2025)
add("ties5", 2020:2024, c(1, 0, 1, 1, 2))
add("untied20", 2005:2024, ((1:20) * 7) %% 20 + (1:20) / 10, t0 = 2025)
add("untied21", 2004:2024, ((1:21) * 5) %% 21 - (1:21) / 7, t0 = 2025)
i30 <- 1:30
add("long30", 1995:2024, round(50 + 0.2 * i30 + 3 * sin(i30 * 1.7), 1), t0 = 2026)

rain <- read.csv("rainfall-bogra.csv", comment.char = "#")$value
add("rain353", seq_along(rain), rain)

# --- Mann-Kendall, reproduced from mk.test's formulas --------------------
mk_s <- function(y) {
  n <- length(y); s <- 0
  for (i in 1:(n - 1)) s <- s + sum(sign(y[(i + 1):n] - y[i]))
  s
}
mk_var <- function(y) {
  n <- length(y); tp <- as.numeric(table(y))
  (n * (n - 1) * (2 * n + 5) - sum(tp * (tp - 1) * (2 * tp + 5))) / 18
}
mk_z <- function(s, v) if (s > 0) (s - 1) / sqrt(v) else if (s < 0) (s + 1) / sqrt(v) else 0

# Exact null distribution of S for the multiset of y: place values left to
# right; placing value v after a multiset of placed values adds
# (#placed < v) - (#placed > v) to S. State = counts still to place.
exact_dist <- function(y) {
  u <- sort(unique(y)); cnt <- as.integer(table(factor(y, levels = u)))
  memo <- new.env()
  rec <- function(rem) {
    key <- paste(rem, collapse = ",")
    if (!is.null(memo[[key]])) return(memo[[key]])
    if (sum(rem) == 0) { res <- c("0" = 1); memo[[key]] <- res; return(res) }
    placed <- cnt - rem
    acc <- numeric(0)
    for (g in seq_along(u)) if (rem[g] > 0) {
      inc <- sum(placed[seq_len(g - 1)]) - sum(placed[-seq_len(g)])
      r2 <- rem; r2[g] <- r2[g] - 1L
      sub <- rec(r2)
      # sub is the distribution of the rest given this prefix; shift by inc
      sv <- as.numeric(names(sub)) + inc
      for (k in seq_along(sv)) {
        nm <- as.character(sv[k])
        acc[nm] <- (if (is.na(acc[nm])) 0 else acc[nm]) + sub[k]
      }
    }
    memo[[key]] <- acc
    acc
  }
  rec(cnt)
}
# The recursion above adds inc for the value placed at the current position
# relative to the values placed before it, which is what S counts.
exact_p <- function(y, s) {
  d <- exact_dist(y); sv <- as.numeric(names(d))
  sum(d[abs(sv) >= abs(s)]) / sum(d)
}
perms <- function(v) {
  if (length(v) <= 1) return(matrix(v, nrow = 1))
  do.call(rbind, lapply(seq_along(v), function(i) cbind(v[i], perms(v[-i]))))
}
brute_p <- function(y, s) {
  P <- perms(y); n <- length(y); S <- numeric(nrow(P))
  for (i in 1:(n - 1)) for (j in (i + 1):n) S <- S + sign(P[, j] - P[, i])
  mean(abs(S) >= abs(s))
}

sen <- function(t, y, varS, alpha) {
  n <- length(y); d <- numeric(0)
  for (i in 1:(n - 1)) for (j in (i + 1):n) d <- c(d, (y[j] - y[i]) / (t[j] - t[i]))
  k <- length(d); b <- median(d)
  C <- qnorm(1 - alpha / 2) * sqrt(varS)
  lo <- round((k - C) / 2); up <- round((k + C) / 2 + 1)
  lo <- max(lo, 1); up <- min(up, k)          # engine clamps; trend::sens.slope would give NA
  sd <- sort(d)
  list(b = b, lo = sd[lo], up = sd[up], rlo = lo, rup = up, a = median(y - b * t))
}

ver <- R.version.string
out_s <- c(sprintf("# Series for tests/unit/test_trend.c, written by generate.R with %s.", ver),
           "case,t,y")
out_e <- c(sprintf("# Expected values for tests/unit/test_trend.c, computed by generate.R with %s.", ver),
           "# Reference per quantity: see generate.R. NaN = undefined for the case.",
           "case,quantity,value")
put <- function(case, q, v) out_e <<- c(out_e, paste(case, q, fmt(v), sep = ","))

for (name in names(series)) {
  c0 <- series[[name]]; t <- c0$t; y <- c0$y; n <- length(y); alpha <- c0$alpha
  for (i in seq_len(n)) out_s <- c(out_s, paste(name, fmt(t[i]), fmt(y[i]), sep = ","))
  put(name, "n", n); put(name, "alpha", alpha)
  constant <- length(unique(y)) == 1

  # OLS (skipped for the 353-point series: only the pyMannKendall values matter there)
  if (name != "rain353") {
    fit <- lm(y ~ t); sm <- summary(fit); co <- sm$coefficients
    put(name, "ols_slope", coef(fit)[[2]]); put(name, "ols_intercept", coef(fit)[[1]])
    if (constant) {
      put(name, "ols_se", 0)               # p and R2 follow the engine's documented convention
    } else if (n == 2) {
      put(name, "ols_se", NaN); put(name, "ols_p", NaN); put(name, "ols_s2", NaN)
      put(name, "ols_ci_low", NaN); put(name, "ols_ci_high", NaN)
    } else {
      ci <- confint(fit, level = 1 - alpha)
      put(name, "ols_se", co[2, 2]); put(name, "ols_p", co[2, 4])
      put(name, "ols_ci_low", ci[2, 1]); put(name, "ols_ci_high", ci[2, 2])
      put(name, "ols_r2", sm$r.squared); put(name, "ols_s2", sm$sigma^2)
      if (!is.na(c0$t0)) {
        pr <- predict(fit, newdata = data.frame(t = c0$t0), interval = "prediction",
                      level = 1 - alpha)
        put(name, "pred_t0", c0$t0); put(name, "pred_fit", pr[1, "fit"])
        put(name, "pred_low", pr[1, "lwr"]); put(name, "pred_high", pr[1, "upr"])
      }
    }
  }

  # Mann-Kendall
  s <- mk_s(y); v <- mk_var(y); z <- mk_z(s, v)
  put(name, "mk_s", s); put(name, "mk_var_s", v); put(name, "mk_z", z)
  put(name, "mk_p_normal", 2 * pnorm(-abs(z)))
  put(name, "tau_a", s / (n * (n - 1) / 2))
  if (!constant) put(name, "tau_b", cor(t, y, method = "kendall"))
  if (n <= 20) {
    if (length(unique(y)) == n) {
      p <- if (n >= 3) cor.test(t, y, method = "kendall", exact = TRUE)$p.value else 1
      if (n <= 10) stopifnot(isTRUE(all.equal(p, exact_p(y, s), tolerance = 1e-12)))
    } else {
      p <- exact_p(y, s)
      if (n <= 9) stopifnot(isTRUE(all.equal(p, brute_p(y, s), tolerance = 1e-12)))
    }
    put(name, "mk_p_exact", p)
  }

  # Sen's slope
  se <- sen(t, y, v, alpha)
  put(name, "sen_slope", se$b); put(name, "sen_intercept", se$a)
  put(name, "sen_low", se$lo); put(name, "sen_high", se$up)
  put(name, "sen_rank_low", se$rlo); put(name, "sen_rank_high", se$rup)
}

# pyMannKendall's published values for the rainfall series (test_original_test).
py <- c(mk_s = -1959.0, mk_var_s = 4889800.333333333, mk_z = -0.8854562842589916,
        mk_p_normal = 0.37591058740506833, tau_a = -0.03153167653875869,
        sen_slope = -0.0064516129032258064)
for (q in names(py)) {
  mine <- as.numeric(sub(".*,", "", grep(paste0("^rain353,", q, ","), out_e, value = TRUE)))
  stopifnot(isTRUE(all.equal(mine, py[[q]], tolerance = 1e-12)))
  out_e <- sub(paste0("^rain353,", q, ",.*"), paste0("rain353,", q, ",", fmt(py[[q]])), out_e)
}

writeLines(out_s, "series.csv")
writeLines(out_e, "expected.csv")
cat("wrote series.csv and expected.csv\n")
