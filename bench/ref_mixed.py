#!/usr/bin/env python3
"""The Python references for mixed-data clustering, as whole jobs (read the
CSV, fit, write every row with its label), timed inside.

Usage:
  ref_mixed.py kprototypes FILE OUT --features A,B,... --k K [--n-init N] [--seed S]
      kmodes.KPrototypes(init="Cao", n_init=N, random_state=S, gamma default) on the
      numeric features standardized with the population deviation (as StandardScaler
      and segment's --scale standard); text columns are the categorical ones.
  ref_mixed.py kmedoids FILE OUT --features A,B,... --k K [--init build|random]
      gower.gower_matrix on the raw features, then kmedoids.fasterpam(D, k,
      init=..., max_iter=100, n_cpu=1: the sequential FasterPAM that segment implements,
      random_state=0 for random).
  ref_mixed.py ari A.csv B.csv
      adjusted Rand index between the `segment` columns of two labelled files.
Prints one line of JSON.
"""
import argparse
import json
import sys
import time

import numpy as np
import pandas as pd

def features(frame, names):
    chosen = frame[names].copy()
    categorical = [i for i, c in enumerate(names) if not pd.api.types.is_numeric_dtype(chosen[c])]
    for i, c in enumerate(names):
        chosen[c] = chosen[c].astype(object) if i in categorical else chosen[c].astype(float)
    return chosen, categorical

def main():
    if sys.argv[1] == "ari":
        from sklearn.metrics import adjusted_rand_score
        a = pd.read_csv(sys.argv[2])["segment"]
        b = pd.read_csv(sys.argv[3])["segment"]
        print(json.dumps({"ari": adjusted_rand_score(a, b)}))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("algorithm", choices=["kprototypes", "kmedoids"])
    parser.add_argument("file")
    parser.add_argument("out")
    parser.add_argument("--features", required=True)
    parser.add_argument("--k", type=int, required=True)
    parser.add_argument("--n-init", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--init", default="build")
    args = parser.parse_args()
    start = time.perf_counter()
    frame = pd.read_csv(args.file)
    chosen, categorical = features(frame, args.features.split(","))
    result = {}
    if args.algorithm == "kprototypes":
        from kmodes.kprototypes import KPrototypes
        numeric = [c for i, c in enumerate(chosen.columns) if i not in categorical]
        values = chosen[numeric].to_numpy(float)
        chosen[numeric] = (values - values.mean(0)) / values.std(0)
        fit_start = time.perf_counter()
        model = KPrototypes(n_clusters=args.k, init="Cao", n_init=args.n_init, random_state=args.seed)
        labels = model.fit_predict(chosen.to_numpy(object), categorical=categorical)
        result = {"cost": float(model.cost_), "gamma": float(model.gamma), "iterations": int(model.n_iter_),
                  "fit_seconds": time.perf_counter() - fit_start}
    else:
        import gower
        import kmedoids
        matrix_start = time.perf_counter()
        distances = gower.gower_matrix(chosen)
        fit_start = time.perf_counter()
        fitted = kmedoids.fasterpam(distances, args.k, max_iter=100, init=args.init, n_cpu=1,
                                    random_state=0 if args.init == "random" else None)
        labels = fitted.labels
        result = {"loss": float(fitted.loss), "medoids": sorted(int(m) for m in fitted.medoids),
                  "matrix_seconds": fit_start - matrix_start, "fit_seconds": time.perf_counter() - fit_start}
    frame["segment"] = labels
    frame.to_csv(args.out, index=False)
    result["seconds"] = time.perf_counter() - start
    print(json.dumps(result))

main()
