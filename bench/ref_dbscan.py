#!/usr/bin/env python3
"""Reference timing for DBSCAN.

Usage: ref_dbscan.py FILE [--eps 0.3] [--min-samples 10] [--metric euclidean]
                     [--algorithm auto] [--n-jobs N]
FILE: CSV with feature columns f1..fD. Times read_csv and
sklearn.cluster.DBSCAN(eps, min_samples, metric, algorithm, n_jobs).fit(X).
Prints one JSON line with seconds, n_clusters, n_noise.
"""
import argparse
import json
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import DBSCAN


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--eps", type=float, default=0.3)
    ap.add_argument("--min-samples", type=int, default=10)
    ap.add_argument("--metric", default="euclidean")
    ap.add_argument("--algorithm", default="auto")
    ap.add_argument("--n-jobs", type=int, default=None)
    a = ap.parse_args()
    t0 = time.perf_counter()
    df = pd.read_csv(a.file)
    feats = [c for c in df.columns if c.startswith("f") and c[1:].isdigit()]
    X = df[feats].to_numpy(dtype=np.float64)
    t1 = time.perf_counter()
    db = DBSCAN(eps=a.eps, min_samples=a.min_samples, metric=a.metric,
                algorithm=a.algorithm, n_jobs=a.n_jobs).fit(X)
    t2 = time.perf_counter()
    lab = db.labels_
    print(json.dumps({
        "tool": "sklearn", "sklearn": sklearn.__version__,
        "seconds": t2 - t0, "read_csv_s": t1 - t0, "fit_s": t2 - t1,
        "rows": int(X.shape[0]), "dims": int(X.shape[1]),
        "eps": a.eps, "min_samples": a.min_samples, "metric": a.metric,
        "n_clusters": int(len(set(lab.tolist()) - {-1})), "n_noise": int((lab == -1).sum()),
        "n_core": int(len(db.core_sample_indices_)),
    }))


if __name__ == "__main__":
    main()
