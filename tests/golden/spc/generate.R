#!/usr/bin/env Rscript
# Golden fixtures for engine/spc.c (indikator).
#
# Reference: GNU R (version in the fixture headers), base 'stats' (qbinom,
# median, mean). Neither qicharts2 nor NHSRplotthedots is packaged for
# Debian, so their calculations are reproduced here from the published
# definitions, in R's vector idiom (rle, diff, sign):
# - Anhøj runs analysis as qicharts2's runs.analysis(): points on the centre
#   line dropped, longest run > round(log2(n.useful)) + 3, crossings
#   (runs - 1) < qbinom(0.05, n.useful - 1, 0.5) (Anhøj & Olesen 2014);
# - I chart limits by the reference of the rule set in force. With the NHS
#   rules, as NHS "Making Data Count" / NHSRplotthedots ptd_spc_standard:
#   mean -/+ 2.66 * mean moving range, no outlier screening. Otherwise (Anhøj
#   or IHI rules) as qicharts2 0.7's qic.i in R/qic.charts.R (function
#   qic_i below, the same steps): mr = abs(diff(y)), amr = mean(mr), the
#   moving ranges mr < 3.267 * amr kept ("Provost p.156"), amr recomputed,
#   stdev = amr / 1.128 ("Montgomery, 6.33"), limits mean -/+ 3 * stdev; when
#   every moving range is 0 the engine keeps amr = 0 (qicharts2: NaN);
# - NHS rules: point
#   outside the limits, 7 in a row on one side of the mean (a point on the
#   mean breaks the run), 7 points in a row rising or falling (equal
#   neighbours break it), 2 of 3 beyond 2 sigma (sigma = 2.66/3 MRbar) on
#   the same side (Western Electric zone rule as in Montgomery; overlapping
#   windows merged);
# - p and u charts as Montgomery: CL = sum(y)/sum(n), sigma_i =
#   sqrt(CL(1-CL)/n_i) resp. sqrt(CL/n_i), 3-sigma limits clamped to [0,1]
#   resp. at 0;
# - IHI run chart rules (Provost & Murray): shift = 6+ on one side of the
#   median (points on it skipped), trend = 5+ points going the same way
#   (like values skipped).
#
# Usage: Rscript generate.R   (run in this directory)
options(warn = 1)
fmt <- function(v) sprintf("%.17g", v)
ver <- R.version.string

# ---- Anhøj limits for n = 1..100 -----------------------------------------
nn <- 1:100
anhoj <- data.frame(n = nn, longest_run_max = round(log2(nn)) + 3,
                    crossings_min = qbinom(0.05, pmax(nn - 1, 0), 0.5))
stopifnot(anhoj$longest_run_max[24] == 8, anhoj$crossings_min[24] == 8,
          anhoj$longest_run_max[10] == 6, anhoj$crossings_min[10] == 2)
writeLines(c(sprintf("# Anhøj limits, R %s: round(log2(n)) + 3 and qbinom(0.05, n - 1, 0.5).", ver),
             "n,longest_run_max,crossings_min",
             sprintf("%d,%d,%d", anhoj$n, as.integer(anhoj$longest_run_max),
                     as.integer(anhoj$crossings_min))), "anhoj.csv")

# ---- charts ---------------------------------------------------------------
charts <- list()
add <- function(name, type, y, den = rep(1, length(y)), rules) {
  charts[[name]] <<- list(type = type, y = y, den = den, rules = rules)
}
add("run_ami24", "run",
    c(78, 79, 77, 80, 78, 79, 78, 77, 79, 80, 78, 79,
      81, 82, 81, 83, 82, 84, 83, 82, 83, 84, 85, 83), rules = c("anhoj", "ihi"))
add("run_median10", "run", c(5, 3, 4, 4, 6, 4, 2, 7, 4, 5), rules = c("anhoj", "ihi"))
add("run_trend14", "run", c(10, 12, 11, 11, 12, 13, 13, 14, 15, 9, 10, 12, 11, 10),
    rules = c("anhoj", "ihi"))
add("i_sick24", "i",
    c(6.1, 5.8, 6.4, 6.0, 5.7, 6.2, 6.3, 5.9, 6.0, 8.9, 6.1, 5.8,
      6.2, 5.5, 5.6, 5.4, 5.5, 5.3, 5.6, 5.2, 5.4, 5.5, 5.1, 5.3), rules = c("anhoj", "nhs"))
add("i_trend20", "i",
    c(50, 52, 49, 51, 50, 48, 51, 52, 53, 54, 55, 56, 57, 51, 50, 49, 52, 50, 51, 50),
    rules = c("anhoj", "nhs"))
add("i_twothree20", "i",
    c(10.0, 10.2, 10.1, 10.3, 10.0, 10.2, 10.1, 10.9, 10.2, 10.8,
      10.1, 10.2, 10.0, 9.3, 9.4, 10.1, 10.2, 10.0, 10.1, 10.2), rules = c("anhoj", "nhs"))
add("i_negative12", "i", c(-1.2, -0.8, -2.5, -0.3, 0.0, -1.1, 0.4, 0.9, -0.2, 1.3, 0.2, -0.4),
    rules = c("anhoj", "nhs", "ihi"))
add("i_constant12", "i", rep(82, 12), rules = c("anhoj", "nhs"))
# the same series under the Anhøj (or IHI) rules: qicharts2's screened limits;
# i_sick24's 8.9 makes two moving ranges above 3.267 MRbar
add("i_sick24_anhoj", "i",
    c(6.1, 5.8, 6.4, 6.0, 5.7, 6.2, 6.3, 5.9, 6.0, 8.9, 6.1, 5.8,
      6.2, 5.5, 5.6, 5.4, 5.5, 5.3, 5.6, 5.2, 5.4, 5.5, 5.1, 5.3), rules = "anhoj")
add("i_trend20_ihi", "i",
    c(50, 52, 49, 51, 50, 48, 51, 52, 53, 54, 55, 56, 57, 51, 50, 49, 52, 50, 51, 50), rules = "ihi")
add("i_negative12_anhoj", "i", c(-1.2, -0.8, -2.5, -0.3, 0.0, -1.1, 0.4, 0.9, -0.2, 1.3, 0.2, -0.4),
    rules = c("anhoj", "ihi"))
add("i_constant12_anhoj", "i", rep(82, 12), rules = "anhoj")
# one outlying year in a yearly index: qicharts2's limits are less than half as wide as the NHS ones
add("i_outlier12_nhs", "i", c(71, 72, 70, 73, 72, 71, 58, 72, 73, 71, 72, 74), rules = "nhs")
add("i_outlier12_anhoj", "i", c(71, 72, 70, 73, 72, 71, 58, 72, 73, 71, 72, 74), rules = "anhoj")
add("p_freda14", "p",
    c(5, 7, 9, 6, 12, 3, 8, 6, 7, 10, 9, 6, 4, 11),
    c(22, 18, 25, 20, 30, 15, 24, 19, 21, 26, 23, 20, 17, 28), rules = c("anhoj", "nhs"))
add("p_high12", "p", c(19, 20, 38, 19, 29, 20, 18, 40, 20, 30, 19, 20),
    c(20, 21, 40, 20, 30, 20, 20, 41, 20, 31, 20, 20), rules = c("anhoj", "nhs"))
add("u_incidents15", "u",
    c(12, 15, 9, 14, 20, 11, 13, 30, 12, 10, 14, 16, 9, 11, 13),
    c(4.1, 4.3, 4.0, 4.2, 4.4, 4.1, 4.0, 4.5, 4.3, 4.2, 4.1, 4.4, 4.0, 4.2, 4.3),
    rules = c("anhoj", "nhs"))

signals <- data.frame(case = character(), rule = character(), first = integer(),
                      last = integer(), side = character())
sig <- function(case, rule, first, last, side) {
  signals[nrow(signals) + 1, ] <<- list(case, rule, first - 1L, last - 1L, side)  # 0-based
}

# qicharts2's qic.i (R/qic.charts.R, version 0.7), without baseline or exclusions
qic_i <- function(y) {
  cl <- mean(y)
  mr <- abs(diff(y))
  amr <- mean(mr)
  amr.all <- amr
  ulmr <- 3.267 * amr                 # upper limit for moving ranges
  kept <- mr[mr < ulmr]               # Provost p.156
  if (amr > 0) amr <- mean(kept)      # (all zero: qicharts2's mean(kept) is NaN; the engine keeps 0)
  stdev <- amr / 1.128                # Montgomery, 6.33
  list(cl = cl, amr = amr, amr.all = amr.all, excluded = if (amr.all > 0) length(mr) - length(kept) else 0,
       stdev = stdev, lcl = cl - 3 * stdev, ucl = cl + 3 * stdev)
}

# Runs of equal non-zero codes in x (0 = skipped) over the kept positions.
runs_kept <- function(code) {
  keep <- which(code != 0); r <- rle(code[keep])
  ends <- cumsum(r$lengths); starts <- ends - r$lengths + 1
  data.frame(len = r$lengths, side = r$values, first = keep[starts], last = keep[ends])
}

lines_pts <- c(sprintf("# Per-point chart values, R %s; see generate.R.", ver),
               "case,point,value,centre,lcl,ucl,sigma")
lines_sum <- c(sprintf("# Chart summaries, R %s; see generate.R.", ver), "case,quantity,value")
lines_in <- c(sprintf("# Chart input series, R %s; see generate.R.", ver), "case,type,rules,y,den")

for (name in names(charts)) {
  ch <- charts[[name]]; y <- ch$y; den <- ch$den; n <- length(y)
  if (ch$type == "run") {
    v <- y; cl <- median(y); lcl <- ucl <- sg <- rep(NaN, n); mr <- mr.all <- NaN; mr.out <- 0
  } else if (ch$type == "i" && "nhs" %in% ch$rules) {
    v <- y; cl <- mean(y); mr <- mean(abs(diff(y))); mr.all <- mr; mr.out <- 0
    lcl <- rep(cl - 2.66 * mr, n); ucl <- rep(cl + 2.66 * mr, n); sg <- rep(2.66 / 3 * mr, n)
  } else if (ch$type == "i") {
    q <- qic_i(y)
    v <- y; cl <- q$cl; mr <- q$amr; mr.all <- q$amr.all; mr.out <- q$excluded
    lcl <- rep(q$lcl, n); ucl <- rep(q$ucl, n); sg <- rep(q$stdev, n)
  } else {
    v <- y / den; cl <- sum(y) / sum(den); mr <- mr.all <- NaN; mr.out <- 0
    sg <- if (ch$type == "p") sqrt(cl * (1 - cl) / den) else sqrt(cl / den)
    lcl <- pmax(cl - 3 * sg, 0)
    ucl <- if (ch$type == "p") pmin(cl + 3 * sg, 1) else cl + 3 * sg
  }
  centre <- rep(cl, n)
  for (i in 1:n)
    lines_in <- c(lines_in, paste(name, ch$type, paste(ch$rules, collapse = "+"),
                                  fmt(y[i]), fmt(den[i]), sep = ","))
  for (i in 1:n)
    lines_pts <- c(lines_pts, paste(name, i - 1, fmt(v[i]), fmt(centre[i]), fmt(lcl[i]),
                                    fmt(ucl[i]), fmt(sg[i]), sep = ","))
  put <- function(q, x) lines_sum <<- c(lines_sum, paste(name, q, fmt(x), sep = ","))
  put("centre_line", cl); put("mr_bar", mr); put("mr_bar_all", mr.all); put("mr_excluded", mr.out)

  # Anhøj (qicharts2 runs.analysis); its figures only when the Anhøj rules are in force
  put <- if ("anhoj" %in% ch$rules) put else function(q, x) NULL
  code <- sign(v - centre)
  rk <- runs_kept(code)
  n.useful <- sum(code != 0)
  if (n.useful > 0) {
    longest <- max(rk$len); crossings <- max(nrow(rk) - 1, 0)
    lr.max <- round(log2(n.useful)) + 3; cr.min <- qbinom(0.05, max(n.useful - 1, 0), 0.5)
    best <- which.max(rk$len)
    put("run_first", rk$first[best] - 1); put("run_last", rk$last[best] - 1)
  } else {
    # all points on the centre line: nothing to analyse (engine convention: zeros)
    longest <- 0; crossings <- 0; lr.max <- 0; cr.min <- 0
  }
  put("n_useful", n.useful); put("longest_run", longest); put("longest_run_max", lr.max)
  put("crossings", crossings); put("crossings_min", cr.min)
  if ("anhoj" %in% ch$rules) {
    if (longest > lr.max)
      for (k in which(rk$len > lr.max))
        sig(name, "anhoj-long-run", rk$first[k], rk$last[k], ifelse(rk$side[k] > 0, "above", "below"))
    if (crossings < cr.min)
      sig(name, "anhoj-few-crossings", min(which(code != 0)), max(which(code != 0)), "none")
  }

  if ("nhs" %in% ch$rules) {
    for (i in which(v > ucl)) sig(name, "nhs-outside-limits", i, i, "above")
    for (i in which(v < lcl)) sig(name, "nhs-outside-limits", i, i, "below")
    r <- rle(code); ends <- cumsum(r$lengths); starts <- ends - r$lengths + 1
    for (k in which(r$values != 0 & r$lengths >= 7))
      sig(name, "nhs-shift", starts[k], ends[k], ifelse(r$values[k] > 0, "above", "below"))
    d <- sign(diff(v)); r <- rle(d); ends <- cumsum(r$lengths); starts <- ends - r$lengths + 1
    for (k in which(r$values != 0 & r$lengths >= 6))
      sig(name, "nhs-trend", starts[k], ends[k] + 1, ifelse(r$values[k] > 0, "rising", "falling"))
    for (s in c(1, -1)) {
      beyond <- if (s > 0) v - centre > 2 * sg else v - centre < -2 * sg
      hit <- rep(FALSE, n); win <- list()
      if (n >= 3) for (w in 1:(n - 2)) if (sum(beyond[w:(w + 2)]) >= 2) {
        idx <- (w:(w + 2))[beyond[w:(w + 2)]]
        win[[length(win) + 1]] <- range(idx)
      }
      # merge windows whose beyond-points overlap or touch the previous group
      if (length(win)) {
        cur <- win[[1]]
        for (k in seq_along(win)[-1]) {
          if (win[[k]][1] <= cur[2]) cur[2] <- max(cur[2], win[[k]][2])
          else { sig(name, "nhs-two-of-three", cur[1], cur[2], ifelse(s > 0, "above", "below")); cur <- win[[k]] }
        }
        sig(name, "nhs-two-of-three", cur[1], cur[2], ifelse(s > 0, "above", "below"))
      }
    }
  }

  if ("ihi" %in% ch$rules) {
    for (k in which(rk$len >= 6))
      sig(name, "ihi-shift", rk$first[k], rk$last[k], ifelse(rk$side[k] > 0, "above", "below"))
    keep <- c(1, which(diff(v) != 0) + 1)     # like values skipped
    d <- sign(diff(v[keep])); r <- rle(d); ends <- cumsum(r$lengths); starts <- ends - r$lengths + 1
    for (k in which(r$lengths >= 4))
      sig(name, "ihi-trend", keep[starts[k]], keep[ends[k] + 1], ifelse(r$values[k] > 0, "rising", "falling"))
  }
}

writeLines(lines_in, "charts.csv")
writeLines(lines_pts, "points.csv")
writeLines(lines_sum, "summary.csv")
writeLines(c(sprintf("# Expected signals (0-based points), R %s; see generate.R.", ver),
             "case,rule,first,last,side",
             if (nrow(signals)) paste(signals$case, signals$rule, signals$first, signals$last,
                                      signals$side, sep = ",")), "signals.csv")
cat("wrote anhoj.csv charts.csv points.csv summary.csv signals.csv\n")
print(table(signals$case, signals$rule))
