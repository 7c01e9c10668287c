#!/usr/bin/env python3
"""Gap statistic (Tibshirani, Walther & Hastie 2001) with numpy + scikit-learn:
the reference side of bench/run_gap.sh.

Usage:
  gap_sklearn.py FILE.csv --features f1,...,fD [--k-max 10] [--b 100] [--seed 0] [--n-init 1]

Same computation as R's cluster::clusGap(x, kmeans, K.max, B, d.power = 2,
spaceH0 = "scaledPCA"), with scikit-learn's k-means instead of R's:
  * W_k = k-means inertia (pooled within-cluster sum of squares): KMeans(n_clusters=k,
    n_init=1, init="k-means++", random_state=r).fit(X).inertia_ (Lloyd, tol 1e-4,
    max_iter 300); k = 1 is the total sum of squares about the mean. logW = log W_k.
    (clusGap's W_k is half the inertia, so its logW and E.logW are both lower by
    log 2; gap and SE are the same.)
  * B reference sets: centre X, rotate by the right singular vectors V of the
    centred matrix (numpy SVD), draw n points uniformly in the bounding box of the
    rotated data, rotate back (Z V^T) and add the mean; logW*_bk as above.
  * gap_k = mean_b logW*_bk - logW_k;  SE_k = sqrt(1 + 1/B) * sd_b(logW*_bk) (ddof 1).
The random states of the uniform draws and of every KMeans fit come from
numpy.random.default_rng(seed).

Prints one row per k (k, logW, E_logW, gap, SE) on standard output, then the k
chosen by cluster::maxSE's rules; the wall time (total from start of the
script, including imports and read_csv; and its parts) goes to standard error.
"""
import time

T_START = time.perf_counter()

import argparse  # noqa: E402
import sys  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402


def log_w(X, k, random_state, n_init):
    if k == 1:
        return float(np.log(((X - X.mean(axis=0)) ** 2).sum()))
    km = KMeans(n_clusters=k, n_init=n_init, init="k-means++", random_state=random_state).fit(X)
    return float(np.log(km.inertia_))


def max_se(f, se, method):
    """cluster::maxSE (SE.factor = 1); returns k (1-based)."""
    f = np.asarray(f)
    se = np.asarray(se)
    K = len(f)

    def first_max():
        decr = np.diff(f) <= 0
        return int(np.argmax(decr)) + 1 if decr.any() else K

    def first_within(nc):
        mp = f[: nc - 1] >= f[nc - 1] - se[nc - 1]
        return int(np.argmax(mp)) + 1 if mp.any() else nc

    if method == "firstmax":
        return first_max()
    if method == "globalmax":
        return int(np.argmax(f)) + 1
    if method == "Tibs2001SEmax":
        mp = f[:-1] >= (f - se)[1:]
        return int(np.argmax(mp)) + 1 if mp.any() else K
    if method == "firstSEmax":
        return first_within(first_max())
    if method == "globalSEmax":
        return first_within(int(np.argmax(f)) + 1)
    raise ValueError(method)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file")
    ap.add_argument("--features", required=True, help="comma-separated column names")
    ap.add_argument("--k-max", type=int, default=10)
    ap.add_argument("--b", type=int, default=100, help="number of reference sets")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--n-init", type=int, default=1)
    a = ap.parse_args()
    if a.k_max < 2 or a.b < 2:
        ap.error("--k-max and --b must be at least 2")

    features = a.features.split(",")
    t0 = time.perf_counter()
    X = pd.read_csv(a.file, usecols=features)[features].to_numpy(dtype=np.float64)
    t_read = time.perf_counter() - t0
    n, d = X.shape
    rng = np.random.default_rng(a.seed)

    def state():
        return int(rng.integers(0, 2**31 - 1))

    ks = range(1, a.k_max + 1)
    t0 = time.perf_counter()
    logw = np.array([log_w(X, k, state(), a.n_init) for k in ks])
    t_data = time.perf_counter() - t0

    t0 = time.perf_counter()
    mean = X.mean(axis=0)
    Xc = X - mean
    _, _, vt = np.linalg.svd(Xc, full_matrices=False)
    Zr = Xc @ vt.T
    lo, hi = Zr.min(axis=0), Zr.max(axis=0)
    ref = np.empty((a.b, a.k_max))
    for b in range(a.b):
        Z = rng.uniform(lo, hi, size=(n, d)) @ vt + mean
        ref[b] = [log_w(Z, k, state(), a.n_init) for k in ks]
    t_ref = time.perf_counter() - t0

    e_logw = ref.mean(axis=0)
    gap = e_logw - logw
    se = np.sqrt(1.0 + 1.0 / a.b) * ref.std(axis=0, ddof=1)

    print("k,logW,E_logW,gap,SE")
    for k in ks:
        print(f"{k},{logw[k - 1]:.10g},{e_logw[k - 1]:.10g},{gap[k - 1]:.10g},{se[k - 1]:.10g}")
    rules = ["firstSEmax", "Tibs2001SEmax", "globalmax", "firstmax", "globalSEmax"]
    print("chosen k: " + ", ".join(f"{m} {max_se(gap, se, m)}" for m in rules))

    try:
        from threadpoolctl import threadpool_info
        threads = max((p.get("num_threads", 1) for p in threadpool_info() if p.get("user_api") == "openmp"),
                      default=1)
    except Exception:  # threadpoolctl is optional here
        threads = "?"
    total = time.perf_counter() - T_START
    print(f"gap_sklearn: {n} x {d}, k 1-{a.k_max}, B {a.b}, n_init {a.n_init}: "
          f"wall {total:.3f} s (read_csv {t_read:.3f} s, data fits {t_data:.3f} s, "
          f"{a.b} reference sets {t_ref:.3f} s; start-up and imports {total - t_read - t_data - t_ref:.3f} s); "
          f"OpenMP threads {threads}", file=sys.stderr)


if __name__ == "__main__":
    main()
