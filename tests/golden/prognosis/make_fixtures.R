# make_fixtures.R: golden values for the tertial prognosis (engine/judge/prognosis.c).
# Reference: R 4.2.2, stats package (mean, sd, qt; lm and predict(interval = "prediction")).
# Run from this folder: Rscript make_fixtures.R  (reads data.csv, writes expected.csv)
#
#   pattern: for each earlier year with Tk and T3, d = T3 - Tk; with n >= 3 years,
#            prediction x_k + mean(d), interval ± qt(0.975, n - 1) * sd(d) * sqrt(1 + 1/n);
#   trend:   otherwise, with four or more tertials up to Tk: lm(y ~ t) on real time
#            (tertial k of year Y at Y + (k - 1)/3), predict at T3 with a 95 % prediction interval.
d <- read.csv("data.csv", stringsAsFactors = FALSE, encoding = "UTF-8")
d$year <- as.integer(substr(d$period, 1, 4))
d$k <- as.integer(substr(d$period, 7, 7))
d$t <- d$year + (d$k - 1) / 3
cases <- data.frame(unit = c("Enhet P", "Enhet P", "Enhet Q", "Enhet R", "Enhet S", "Enhet T"),
                    period = c("2025-T2", "2025-T1", "2025-T2", "2025-T1", "2025-T2", "2025-T2"),
                    stringsAsFactors = FALSE)
out <- data.frame()
for (i in seq_len(nrow(cases))) {
  u <- d[d$unit == cases$unit[i], ]
  year <- as.integer(substr(cases$period[i], 1, 4)); k <- as.integer(substr(cases$period[i], 7, 7))
  x <- u$value[u$year == year & u$k == k]
  earlier <- sort(unique(u$year[u$year < year]))
  dd <- c()
  for (y in earlier) {
    a <- u$value[u$year == y & u$k == k]; b <- u$value[u$year == y & u$k == 3]
    if (length(a) == 1 && length(b) == 1) dd <- c(dd, b - a)
  }
  if (length(dd) >= 3) {
    n <- length(dd)
    pred <- x + mean(dd)
    half <- qt(0.975, n - 1) * sd(dd) * sqrt(1 + 1 / n)
    row <- data.frame(unit = cases$unit[i], period = cases$period[i], method = "pattern", years = n,
                      predicted = pred, lo = pred - half, hi = pred + half)
  } else {
    pts <- u[u$t <= year + (k - 1) / 3, ]
    if (nrow(pts) >= 4) {
      fit <- lm(value ~ t, data = pts)
      p <- predict(fit, newdata = data.frame(t = year + 2 / 3), interval = "prediction", level = 0.95)
      row <- data.frame(unit = cases$unit[i], period = cases$period[i], method = "trend", years = 0,
                        predicted = p[1, "fit"], lo = p[1, "lwr"], hi = p[1, "upr"])
    } else {
      row <- data.frame(unit = cases$unit[i], period = cases$period[i], method = "none", years = 0,
                        predicted = NA, lo = NA, hi = NA)
    }
  }
  out <- rbind(out, row)
}
for (col in c("predicted", "lo", "hi"))
  out[[col]] <- ifelse(is.na(out[[col]]), "NA", sprintf("%.17g", out[[col]]))
write.csv(out, "expected.csv", row.names = FALSE, quote = FALSE)
print(out, digits = 17)
