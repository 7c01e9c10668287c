# Reference values for the gap statistic (Tibshirani, Walther & Hastie 2001),
# exactly as R's cluster::clusGap computes it, for the Swift unit tests.
#
#   Rscript bench/reference/gap_reference.R      (from the package root)
#
# Writes Fixtures/reference/gap.json and the three inputs it was computed on,
# Fixtures/reference/gap_{mall_scaled,blobs3,unequal4}.csv (header x1,x2, every
# value with 17 significant digits, so they read back bit-identical).
#
# The call, for every data set (set.seed(1) immediately before each call):
#   cluster::clusGap(x, FUNcluster = kmeans, K.max = 10, B = 100, d.power = 2,
#                    spaceH0 = "scaledPCA", nstart = 25, iter.max = 100)
# kmeans is stats::kmeans (Hartigan-Wong); nstart and iter.max are passed to it.
#
# What W_k is. clusGap's W.k(X, k) is
#   0.5 * sum over clusters r of  sum(dist(X_r)^d.power) / n_r
# where dist() lists each unordered pair {i, j} once. With d.power = 2 the sum of
# squared distances over the unordered pairs of a cluster is n_r times its sum of
# squared deviations from its centroid, so
#   W_k = 0.5 * (pooled within-cluster sum of squares) = 0.5 * k-means inertia,
#   logW = log(inertia) - log(2).
# The paper's W_k = sum_r D_r / (2 n_r), with D_r summed over ordered pairs, is the
# inertia itself; clusGap's extra 0.5 shifts logW and E.logW by the same -log(2),
# so gap = E.logW - logW and SE.sim are the same under either convention.
# gap.json records both logW (clusGap's) and log_inertia = logW + log(2).
#
# The reference distribution ("scaledPCA"): centre x, rotate by the right singular
# vectors V of the centred matrix, draw each of the B reference sets uniformly in
# the bounding box of the rotated data (runif per column, column by column), rotate
# back with V^T and add the mean. E.logW = mean over the B sets of log W_k*,
# SE.sim = sqrt(1 + 1/B) * sd(log W_k*) (sd with n - 1). E.logW and SE.sim are
# Monte-Carlo values, reproducible only with R's RNG; logW on the data itself is
# (for these data) the k-means optimum, which a Swift k-means should reproduce.
# The script checks that by rerunning kmeans(x, k, nstart = 25) under 20 other
# seeds and kmeans(x, k, nstart = 1000): see logW_check in the JSON.

suppressPackageStartupMessages({
  library(cluster)
  library(jsonlite)
})

root <- normalizePath(".")
if (!file.exists(file.path(root, "Fixtures", "mall_customers.csv")))
  stop("run from the package root (Fixtures/mall_customers.csv not found)")
out_dir <- file.path(root, "Fixtures", "reference")
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

K.max <- 10L
B <- 100L
methods <- c("firstSEmax", "Tibs2001SEmax", "globalmax", "firstmax", "globalSEmax")
call_text <- paste0('set.seed(1); cluster::clusGap(x, FUNcluster = kmeans, K.max = 10, B = 100, ',
                    'd.power = 2, spaceH0 = "scaledPCA", nstart = 25, iter.max = 100)')

# 17 significant digits per value: read back with strtod, the numbers are identical.
write_points <- function(x, file) {
  cells <- matrix(vapply(as.vector(x), function(v) format(v, digits = 17), ""), nrow = nrow(x))
  lines <- c("x1,x2", apply(cells, 1, paste, collapse = ","))
  writeLines(lines, file)
  back <- as.matrix(read.csv(file))
  dimnames(back) <- NULL
  y <- x
  dimnames(y) <- NULL
  if (!identical(back, y)) stop("round trip of ", file, " is not exact")
}

# ---- a) mall: income and spending score, standard-scaled with the population sd
mall_file <- file.path(root, "Fixtures", "mall_customers.csv")
mall <- read.csv(mall_file, check.names = FALSE)
pop_scale <- function(v) { m <- mean(v); (v - m) / sqrt(mean((v - m)^2)) }
x_mall <- cbind(x1 = pop_scale(as.numeric(mall[["Annual Income (k$)"]])),
                x2 = pop_scale(as.numeric(mall[["Spending Score (1-100)"]])))
mall_sha <- strsplit(system2("sha256sum", shQuote(mall_file), stdout = TRUE), " ")[[1]][1]

# ---- b) blobs3: 3 well-separated blobs, 50 rows each, sd 0.3
set.seed(20)
centres3 <- rbind(c(0, 0), c(3, 0), c(0, 3))
g3 <- rep(1:3, each = 50)
x_blobs3 <- centres3[g3, ] + matrix(rnorm(150 * 2, sd = 0.3), ncol = 2)
colnames(x_blobs3) <- c("x1", "x2")

# ---- c) unequal4: 4 blobs with unequal spreads, 60 rows each
set.seed(21)
centres4 <- rbind(c(0, 0), c(5, 0), c(0, 5), c(5, 5))
sds4 <- c(0.3, 0.6, 0.9, 0.4)
g4 <- rep(1:4, each = 60)
x_unequal4 <- centres4[g4, ] + matrix(rnorm(240 * 2), ncol = 2) * sds4[g4]
colnames(x_unequal4) <- c("x1", "x2")

datasets <- list(
  list(name = "mall", x = x_mall, file = "gap_mall_scaled.csv", known_k = NULL,
       made = paste0(
         "Fixtures/mall_customers.csv (sha256 ", mall_sha, ") read with read.csv(check.names = FALSE); ",
         "x = cbind(s(`Annual Income (k$)`), s(`Spending Score (1-100)`)) with ",
         "s(v) = (v - mean(v)) / sqrt(mean((v - mean(v))^2)) (population standard deviation, ",
         "like scikit-learn's StandardScaler and segment's --scale standard). ",
         "The scaled matrix is Fixtures/reference/gap_mall_scaled.csv.")),
  list(name = "blobs3", x = x_blobs3, file = "gap_blobs3.csv", known_k = 3L,
       made = paste0(
         "set.seed(20); centres <- rbind(c(0, 0), c(3, 0), c(0, 3)); g <- rep(1:3, each = 50); ",
         "x <- centres[g, ] + matrix(rnorm(150 * 2, sd = 0.3), ncol = 2) ",
         "(rows 1-50 blob 1, 51-100 blob 2, 101-150 blob 3; rnorm fills column x1 first). ",
         "Written to Fixtures/reference/gap_blobs3.csv.")),
  list(name = "unequal4", x = x_unequal4, file = "gap_unequal4.csv", known_k = 4L,
       made = paste0(
         "set.seed(21); centres <- rbind(c(0, 0), c(5, 0), c(0, 5), c(5, 5)); sds <- c(0.3, 0.6, 0.9, 0.4); ",
         "g <- rep(1:4, each = 60); x <- centres[g, ] + matrix(rnorm(240 * 2), ncol = 2) * sds[g] ",
         "(rows 1-60 blob 1, ..., 181-240 blob 4; rnorm fills column x1 first). ",
         "Written to Fixtures/reference/gap_unequal4.csv."))
)

# How good clusGap's k-means fits on the data are: for k >= 2, kmeans(x, k,
# nstart = 25, iter.max = 100) again after set.seed(s), s = 2..21, and kmeans(x, k,
# nstart = 1000, iter.max = 100) after set.seed(1000 * j + k), j = 1..5. The best
# inertia of all these and clusGap's own fit is best_known (k = 1: the total sum
# of squares). tot.withinss is computed by kmeans from the centres.
logW_check <- function(x, clusgap_inertia) {
  tss <- sum(scale(x, scale = FALSE)^2)
  lapply(seq_len(K.max), function(k) {
    if (k == 1) {
      w25 <- tss; w1000 <- tss
    } else {
      w25 <- vapply(2:21, function(s) {
        set.seed(s); kmeans(x, k, nstart = 25, iter.max = 100)$tot.withinss }, 0)
      w1000 <- vapply(1:5, function(j) {
        set.seed(1000 * j + k); kmeans(x, k, nstart = 1000, iter.max = 100)$tot.withinss }, 0)
    }
    best <- min(c(w25, w1000, clusgap_inertia[k]))
    list(k = k,
         clusGap_inertia = clusgap_inertia[k],
         best_known_inertia = best,
         best_known_logW = log(best / 2),
         clusGap_rel_excess = (clusgap_inertia[k] - best) / best,
         clusGap_is_best_known = clusgap_inertia[k] <= best * (1 + 1e-12),
         nstart25_20_seeds_min = min(w25), nstart25_20_seeds_max = max(w25),
         nstart25_seeds_agree = (max(w25) - min(w25)) <= 1e-12 * min(w25),
         nstart1000_5_seeds_min = min(w1000), nstart1000_5_seeds_max = max(w1000))
  })
}

results <- list()
for (ds in datasets) {
  x <- ds$x
  write_points(x, file.path(out_dir, ds$file))
  n_warn <- 0L
  warn_msgs <- character(0)
  set.seed(1)
  t0 <- proc.time()[["elapsed"]]
  gs <- withCallingHandlers(
    clusGap(x, FUNcluster = kmeans, K.max = 10, B = 100, d.power = 2,
            spaceH0 = "scaledPCA", nstart = 25, iter.max = 100, verbose = FALSE),
    warning = function(w) {
      n_warn <<- n_warn + 1L
      warn_msgs <<- unique(c(warn_msgs, conditionMessage(w)))
      invokeRestart("muffleWarning")
    })
  secs <- proc.time()[["elapsed"]] - t0
  tab <- gs$Tab
  chosen <- setNames(lapply(methods, function(m) maxSE(tab[, "gap"], tab[, "SE.sim"], method = m)), methods)

  chk <- logW_check(x, unname(2 * exp(tab[, "logW"])))

  cat(sprintf("%-9s n=%d d=%d  %.1f s  warnings %d  chosen: %s\n", ds$name, nrow(x), ncol(x), secs, n_warn,
              paste(names(chosen), unlist(chosen), sep = "=", collapse = " ")))
  print(round(tab, 6))

  results[[length(results) + 1]] <- list(
    name = ds$name,
    data = ds$made,
    points_csv = file.path("Fixtures", "reference", ds$file),
    r_call = call_text,
    n = nrow(x), d = ncol(x),
    known_k = ds$known_k,
    per_k = lapply(seq_len(K.max), function(k) list(
      k = k,
      logW = unname(tab[k, "logW"]),
      log_inertia = unname(tab[k, "logW"]) + log(2),
      E.logW = unname(tab[k, "E.logW"]),
      gap = unname(tab[k, "gap"]),
      SE.sim = unname(tab[k, "SE.sim"]))),
    chosen_k = chosen,
    kmeans_warnings = list(count = n_warn, messages = warn_msgs),
    logW_check = list(
      what = paste0(
        "Is clusGap's logW (kmeans(x, k, nstart = 25, iter.max = 100) after set.seed(1)) the k-means optimum? ",
        "clusGap_inertia = 2 exp(logW). For k >= 2 kmeans(x, k, nstart = 25, iter.max = 100) was rerun after ",
        "set.seed(s), s = 2..21 (nstart25_20_seeds_min/max; nstart25_seeds_agree: within 1e-12 relative), and ",
        "kmeans(x, k, nstart = 1000, iter.max = 100) after set.seed(1000 j + k), j = 1..5 (nstart1000_5_seeds_min/max). ",
        "best_known_inertia is the least of all of these and clusGap's fit; best_known_logW = log(best_known_inertia / 2) ",
        "in clusGap's convention. Only where clusGap_is_best_known (and, for confidence, nstart25_seeds_agree) is ",
        "logW a reproducible optimum that a Swift k-means with enough restarts should match to ~1e-9 relative; ",
        "elsewhere R's own nstart = 25 fit is a local optimum that depends on R's RNG."),
      per_k = chk),
    seconds = secs
  )
}

doc <- list(
  provenance = paste0(
    "Computed by bench/reference/gap_reference.R with ", R.version.string, ", cluster ",
    as.character(packageVersion("cluster")), ", jsonlite ", as.character(packageVersion("jsonlite")), ". ",
    "Per data set: ", call_text, ". W_k = 0.5 * sum_r sum_{i<j in r} ||x_i - x_j||^2 / n_r ",
    "= 0.5 * pooled within-cluster sum of squares (k-means inertia), so logW = log(inertia) - log(2) ",
    "(log_inertia = logW + log(2) is given too); gap = E.logW - logW, unaffected by that constant. ",
    "E.logW and SE.sim (= sqrt(1 + 1/B) * sd of the B reference log W, sd with n - 1) depend on R's ",
    "Mersenne-Twister/Inversion RNG stream (RNGkind: ", paste(RNGkind(), collapse = "/"), ") and are ",
    "Monte-Carlo estimates; logW is deterministic (see logW_check). chosen_k[m] = ",
    "cluster::maxSE(gap, SE.sim, method = m) with SE.factor = 1."),
  R.version.string = R.version.string,
  cluster_version = as.character(packageVersion("cluster")),
  K.max = K.max, B = B, d.power = 2L, spaceH0 = "scaledPCA", nstart = 25L, iter.max = 100L,
  kmeans_algorithm = "Hartigan-Wong (stats::kmeans default)",
  maxSE_methods = methods,
  datasets = results
)

# jsonlite prints at most 15 significant digits; write every non-integer double
# verbatim as the shortest of %.15g / %.16g / %.17g that reads back identical.
exact_number <- function(v) {
  for (p in 15:17) { s <- sprintf("%.*g", p, v); if (identical(as.numeric(s), v)) break }
  structure(s, class = "json")
}
exact_numbers <- function(e) {
  if (is.list(e)) return(lapply(e, exact_numbers))
  if (is.double(e) && length(e) == 1 && is.finite(e)) return(exact_number(e))
  e
}
json_file <- file.path(out_dir, "gap.json")
writeLines(toJSON(exact_numbers(doc), auto_unbox = TRUE, pretty = TRUE, null = "null", json_verbatim = TRUE),
           json_file)

# The JSON numbers must read back exactly.
back <- fromJSON(json_file, simplifyVector = FALSE)
for (i in seq_along(results)) for (k in seq_len(K.max)) {
  a <- back$datasets[[i]]$per_k[[k]]
  b <- results[[i]]$per_k[[k]]
  for (f in c("logW", "E.logW", "gap", "SE.sim"))
    if (!identical(a[[f]], b[[f]])) stop("JSON round trip not exact: ", results[[i]]$name, " k=", k, " ", f)
}
cat("wrote", json_file, "\n")
