#!/usr/bin/env python3
"""Reference for `segment cluster --algorithm minibatch-kmeans`.

Usage: ref_minibatch.py FILE K [--batch-size 1024] [--seed 0]
FILE: CSV with feature columns f1..fD (other columns ignored), small enough
for memory (the 1,000,000-row sample). Runs
sklearn.cluster.MiniBatchKMeans(n_clusters=K, batch_size, n_init=3,
random_state=seed).fit(X) and prints one JSON line with seconds (read + fit),
fit_s, inertia (over all rows of FILE), rows, n_steps, n_iter.
"""
import argparse
import json
import time

import numpy as np
import pandas as pd
from sklearn.cluster import MiniBatchKMeans


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("k", type=int)
    ap.add_argument("--batch-size", type=int, default=1024)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    t0 = time.perf_counter()
    df = pd.read_csv(a.file)
    feats = [c for c in df.columns if c.startswith("f") and c[1:].isdigit()]
    X = df[feats].to_numpy(dtype=np.float64)
    t1 = time.perf_counter()
    km = MiniBatchKMeans(n_clusters=a.k, batch_size=a.batch_size, n_init=3, random_state=a.seed).fit(X)
    t2 = time.perf_counter()
    print(json.dumps({"seconds": t2 - t0, "fit_s": t2 - t1, "inertia": float(km.inertia_), "rows": int(X.shape[0]),
                      "n_steps": int(km.n_steps_), "n_iter": int(km.n_iter_)}))


if __name__ == "__main__":
    main()
