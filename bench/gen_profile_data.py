#!/usr/bin/env python3
"""Generate a labelled customer table for the `profile` / `report` benchmark.

Usage: gen_profile_data.py OUT.csv [rows=1000000] [--seed 0]

Columns: customer_id (unique int), Gender (Female/Male), Age (18..69),
Annual Income (k$) (15..139), Spending Score (1-100) (1..99), segment (0..5).
Six segments with shifted income/spending so personas differ. Deterministic.
"""
import argparse

import numpy as np
import pandas as pd


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("rows", nargs="?", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    n = args.rows
    segment = rng.integers(0, 6, n)
    income_shift = np.array([0, 40, 40, -30, -30, 0])[segment]
    spending_shift = np.array([0, 30, -30, -30, 30, 0])[segment]
    age_shift = np.array([0, -5, 5, 8, -12, 15])[segment]
    frame = pd.DataFrame({
        "customer_id": np.arange(1, n + 1),
        "Gender": rng.choice(["Female", "Male"], n),
        "Age": np.clip(rng.normal(40, 10, n) + age_shift, 18, 69).astype(int),
        "Annual Income (k$)": np.clip(rng.normal(70, 15, n) + income_shift, 15, 139).astype(int),
        "Spending Score (1-100)": np.clip(rng.normal(50, 12, n) + spending_shift, 1, 99).astype(int),
        "segment": segment,
    })
    frame.to_csv(args.out, index=False)


if __name__ == "__main__":
    main()
