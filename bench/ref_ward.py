#!/usr/bin/env python3
"""Reference timing for Ward hierarchical clustering.

Usage: ref_ward.py FILE
FILE: CSV with feature columns f1..fD. Times read_csv and
fastcluster.linkage_vector(X, method="ward") (O(n) memory, nearest-neighbour
chain; heights follow the SciPy convention). Prints one JSON line with seconds
and the last 3 merge heights (largest last).
"""
import argparse
import json
import time

import fastcluster
import numpy as np
import pandas as pd


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    a = ap.parse_args()
    t0 = time.perf_counter()
    df = pd.read_csv(a.file)
    feats = [c for c in df.columns if c.startswith("f") and c[1:].isdigit()]
    X = np.ascontiguousarray(df[feats].to_numpy(dtype=np.float64))
    t1 = time.perf_counter()
    Z = fastcluster.linkage_vector(X, method="ward")
    t2 = time.perf_counter()
    print(json.dumps({
        "tool": "fastcluster", "fastcluster": fastcluster.__version__,
        "seconds": t2 - t0, "read_csv_s": t1 - t0, "linkage_s": t2 - t1,
        "rows": int(X.shape[0]), "dims": int(X.shape[1]),
        "last3_heights": [float(h) for h in Z[-3:, 2]],
    }))


if __name__ == "__main__":
    main()
