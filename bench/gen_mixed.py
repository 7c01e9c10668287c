#!/usr/bin/env python3
"""Synthetic mixed customers for the k-prototypes / k-medoids benchmarks.

Usage: gen_mixed.py ROWS OUT [--seed S]

Eight latent segments; columns id, num1..num6 (normal around segment means,
on scales from 0.1 to 100) and cat1 (3 levels), cat2 (5), cat3 (8) drawn with
segment-dependent shifts. Numbers are written with 4 decimals.
"""
import argparse

import numpy as np
import pandas as pd

parser = argparse.ArgumentParser()
parser.add_argument("rows", type=int)
parser.add_argument("out")
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
rng = np.random.default_rng(args.seed)
n = args.rows
segment = rng.integers(0, 8, n)
numbers = rng.normal(segment[:, None] * 0.7, 1.0, (n, 6)) * np.array([1, 10, 100, 0.1, 5, 50])
frame = pd.DataFrame(numbers.round(4), columns=[f"num{i}" for i in range(1, 7)])
frame.insert(0, "id", np.arange(n))
frame["cat1"] = np.char.add("a", ((segment + rng.integers(0, 2, n)) % 3).astype(str))
frame["cat2"] = np.char.add("b", ((segment + rng.integers(0, 3, n)) % 5).astype(str))
frame["cat3"] = np.char.add("c", ((segment * 3 + rng.integers(0, 2, n)) % 8).astype(str))
frame.to_csv(args.out, index=False)
