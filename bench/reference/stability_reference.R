# Reference values for the bootstrap stability tests (issue 20): R's
# fpc::clusterboot on the standard-scaled mall income and spending
# (Fixtures/reference/gap_mall_scaled.csv, written by gap_reference.R), k = 5.
# Writes Fixtures/reference/stability.json. Run from the package root:
#   Rscript bench/reference/stability_reference.R
library(fpc)
library(jsonlite)
x <- as.matrix(read.csv("Fixtures/reference/gap_mall_scaled.csv"))
call <- "set.seed(1); clusterboot(x, B = 100, bootmethod = \"boot\", clustermethod = kmeansCBI, krange = 5, runs = 25, seed = 1, count = FALSE)"
set.seed(1)
cb <- clusterboot(x, B = 100, bootmethod = "boot", clustermethod = kmeansCBI, krange = 5, runs = 25, seed = 1, count = FALSE)
sizes <- as.integer(table(cb$partition))
# Each cluster's Jaccard per resample, for the Monte-Carlo standard error of its mean.
se <- apply(cb$bootresult, 1, sd) / sqrt(ncol(cb$bootresult))
out <- list(
  provenance = paste("bench/reference/stability_reference.R with", R.version.string, "fpc", as.character(packageVersion("fpc"))),
  data = "Fixtures/reference/gap_mall_scaled.csv (mall income and spending, standard-scaled with the population sd)",
  call = call,
  clusters = lapply(seq_along(sizes), function(i) list(size = sizes[i], bootmean = cb$bootmean[i], se = se[i],
                                                      centre = as.numeric(colMeans(x[cb$partition == i, , drop = FALSE])))))
writeLines(toJSON(out, auto_unbox = TRUE, digits = 17, pretty = TRUE), "Fixtures/reference/stability.json")
