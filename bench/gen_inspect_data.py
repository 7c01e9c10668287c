#!/usr/bin/env python3
"""Generate the `inspect` benchmark table.

Usage: gen_inspect_data.py OUT.csv [rows=1000000] [--seed 0]

10 columns, deterministic for a given (rows, seed):
  customer_id     unique 10-digit int (random order)
  region          categorical, 8 values, skewed frequencies
  age             int 18..90
  tenure_days     int 0..7300
  orders          int >= 0
  credit_score    int 300..850
  annual_income   decimal, 2 places
  total_spend     decimal, 2 places
  avg_basket      decimal, 2 places
  discount_rate   decimal, 3 places (0..0.6)
No missing values, no quoting. 1,000,000 rows ~ 72 MB.
"""
import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fastcsv import DecCol, IntCol, StrCol, write_csv  # noqa: E402

REGIONS = ["North America", "Latin America", "Western Europe", "Northern Europe",
           "Eastern Europe", "Middle East & Africa", "Asia Pacific", "Oceania"]
REGION_P = np.array([0.20, 0.18, 0.15, 0.14, 0.12, 0.09, 0.08, 0.04])
HEADER = ["customer_id", "region", "age", "tenure_days", "orders", "credit_score",
          "annual_income", "total_spend", "avg_basket", "discount_rate"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("rows", nargs="?", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    n = a.rows
    t0 = time.perf_counter()
    rng = np.random.default_rng(a.seed)
    # unique ids: random sample of 10-digit numbers, in random order
    ids = 1_000_000_000 + rng.choice(8_999_999_999, size=n, replace=False)
    # per-chunk generation with chunk-specific child seeds keeps memory bounded and deterministic
    seeds = np.random.SeedSequence(a.seed).spawn((n + 249_999) // 250_000)

    def columns(start, stop):
        r = np.random.default_rng(seeds[start // 250_000])
        m = stop - start
        region = r.choice(len(REGIONS), size=m, p=REGION_P)
        age = np.clip(np.rint(r.normal(42, 14, m)), 18, 90).astype(np.int64)
        tenure = np.clip(np.rint(r.gamma(2.0, 730.0, m)), 0, 7300).astype(np.int64)
        orders = r.poisson(2.0 + tenure / 20.0).astype(np.int64)
        credit = np.clip(np.rint(r.normal(680, 70, m)), 300, 850).astype(np.int64)
        income = np.round(r.lognormal(np.log(52_000) + 0.02 * (region - 3), 0.55, m), 2)
        basket = np.round(r.lognormal(np.log(65), 0.6, m) * (1 + income / 400_000), 2)
        spend = np.round(orders * basket * r.uniform(0.8, 1.2, m), 2)
        disc = np.round(np.clip(r.beta(2, 12, m), 0, 0.6), 3)
        return [IntCol(ids[start:stop]), StrCol(region, REGIONS), IntCol(age), IntCol(tenure),
                IntCol(orders), IntCol(credit), DecCol(income, 2), DecCol(spend, 2),
                DecCol(basket, 2), DecCol(disc, 3)]

    write_csv(a.out, HEADER, columns, n)
    dt = time.perf_counter() - t0
    print(f"wrote {a.out}: {n} rows, {os.path.getsize(a.out) / 1e6:.1f} MB in {dt:.2f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
