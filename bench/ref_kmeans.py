#!/usr/bin/env python3
"""Reference timing for `segment kmeans` with a fixed initialisation.

Usage: ref_kmeans.py FILE INIT K [--threads N] [--max-iter 300] [--tol 1e-4]
FILE: CSV with feature columns f1..fD (other columns ignored); INIT: CSV with
K rows, header f1..fD (gen_blobs.py --init-out). Runs
sklearn.cluster.KMeans(n_clusters=K, init=C0, n_init=1, algorithm="lloyd",
max_iter, tol).fit(X). Prints one JSON line with seconds (read + fit),
read_csv_s, fit_s, inertia, n_iter.
"""
import argparse
import json
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_info, threadpool_limits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("init")
    ap.add_argument("k", type=int)
    ap.add_argument("--threads", type=int, default=None, help="limit BLAS/OpenMP threads")
    ap.add_argument("--max-iter", type=int, default=300)
    ap.add_argument("--tol", type=float, default=1e-4)
    a = ap.parse_args()
    with threadpool_limits(limits=a.threads):
        t0 = time.perf_counter()
        df = pd.read_csv(a.file)
        feats = [c for c in df.columns if c.startswith("f") and c[1:].isdigit()]
        X = df[feats].to_numpy(dtype=np.float64)
        t1 = time.perf_counter()
        C0 = pd.read_csv(a.init)[feats].to_numpy(dtype=np.float64)
        assert C0.shape[0] == a.k, (C0.shape, a.k)
        km = KMeans(n_clusters=a.k, init=C0, n_init=1, algorithm="lloyd",
                    max_iter=a.max_iter, tol=a.tol).fit(X)
        t2 = time.perf_counter()
        threads = {i["user_api"]: i["num_threads"] for i in threadpool_info()}
    print(json.dumps({
        "tool": "sklearn", "sklearn": sklearn.__version__,
        "seconds": t2 - t0, "read_csv_s": t1 - t0, "fit_s": t2 - t1,
        "rows": int(X.shape[0]), "dims": int(X.shape[1]), "k": a.k,
        "inertia": float(km.inertia_), "n_iter": int(km.n_iter_),
        "sizes_desc": sorted(np.bincount(km.labels_, minlength=a.k).tolist(), reverse=True),
        "threads": threads,
    }))


if __name__ == "__main__":
    main()
