#!/usr/bin/env python3
"""Reference timing for the silhouette score.

Usage: ref_silhouette.py FILE [--label-col label] [--threads N]
FILE: CSV with feature columns f1..fD and an integer label column (gen_blobs.py
--labels). Times read_csv and sklearn.metrics.silhouette_score(X, labels)
(euclidean, exact, no sampling). Prints one JSON line.
"""
import argparse
import json
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.metrics import silhouette_score
from threadpoolctl import threadpool_limits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--label-col", default="label")
    ap.add_argument("--threads", type=int, default=None)
    a = ap.parse_args()
    with threadpool_limits(limits=a.threads):
        t0 = time.perf_counter()
        df = pd.read_csv(a.file)
        feats = [c for c in df.columns if c.startswith("f") and c[1:].isdigit()]
        X = df[feats].to_numpy(dtype=np.float64)
        y = df[a.label_col].to_numpy()
        t1 = time.perf_counter()
        s = silhouette_score(X, y)
        t2 = time.perf_counter()
    print(json.dumps({
        "tool": "sklearn", "sklearn": sklearn.__version__,
        "seconds": t2 - t0, "read_csv_s": t1 - t0, "silhouette_s": t2 - t1,
        "rows": int(X.shape[0]), "dims": int(X.shape[1]),
        "n_labels": int(len(np.unique(y))), "silhouette": float(s),
    }))


if __name__ == "__main__":
    main()
