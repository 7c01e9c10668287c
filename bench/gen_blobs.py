#!/usr/bin/env python3
"""Gaussian blobs for the clustering benchmarks.

Usage:
  gen_blobs.py OUT.csv --rows N --dims D --centers C --std S [--seed 0] [--no-id]
               [--labels] [--box 10] [--init-out FILE --k K]

Centres are uniform in [-box, box]^D; each row picks a centre uniformly and adds
N(0, S^2) noise per coordinate (large S -> overlapping blobs). Output header is
`id,f1..fD` (`id` = 1..N, omitted with --no-id) plus `label` (true blob index
0..C-1) with --labels. Values have exactly 6 decimals.
--init-out writes K rows chosen from the data (as written, i.e. rounded to 6
decimals) with a fixed seed (seed+1), header f1..fD — for KMeans(init=array).
"""
import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fastcsv import DecCol, IntCol, write_csv  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--rows", type=int, required=True)
    ap.add_argument("--dims", type=int, required=True)
    ap.add_argument("--centers", type=int, required=True)
    ap.add_argument("--std", type=float, required=True)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--box", type=float, default=10.0)
    ap.add_argument("--no-id", action="store_true")
    ap.add_argument("--labels", action="store_true", help="append true blob index column 'label'")
    ap.add_argument("--init-out")
    ap.add_argument("--k", type=int)
    a = ap.parse_args()
    if a.init_out and not a.k:
        ap.error("--init-out needs --k")
    t0 = time.perf_counter()
    n, d = a.rows, a.dims
    rng = np.random.default_rng(a.seed)
    centers = rng.uniform(-a.box, a.box, size=(a.centers, d))
    labels = rng.integers(0, a.centers, size=n)
    X = centers[labels] + rng.normal(0.0, a.std, size=(n, d))
    X = np.rint(X * 1e6) / 1e6  # exactly what is written (6 decimals)

    header = ([] if a.no_id else ["id"]) + [f"f{j + 1}" for j in range(d)] + (["label"] if a.labels else [])

    def columns(s, e):
        cols = [] if a.no_id else [IntCol(np.arange(s + 1, e + 1))]
        cols += [DecCol(X[s:e, j], 6) for j in range(d)]
        if a.labels:
            cols.append(IntCol(labels[s:e]))
        return cols

    write_csv(a.out, header, columns, n)
    if a.init_out:
        idx = np.random.default_rng(a.seed + 1).choice(n, size=a.k, replace=False)
        write_csv(a.init_out, [f"f{j + 1}" for j in range(d)],
                  lambda s, e: [DecCol(X[idx[s:e], j], 6) for j in range(d)], a.k)
    print(f"wrote {a.out}: {n}x{d}, {os.path.getsize(a.out) / 1e6:.1f} MB in "
          f"{time.perf_counter() - t0:.2f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
