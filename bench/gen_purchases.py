#!/usr/bin/env python3
"""Synthetic purchase log for the recommendation benchmark.

Usage: gen_purchases.py OUT.csv [--customers 50000] [--items 10000]
                        [--purchases 1000000] [--groups 25] [--affinity 0.7] [--seed 0]

Columns: customer_id,product_id,quantity,date (ISO yyyy-mm-dd, 2023-01-01..2024-12-31),
rows sorted by date then customer_id. Deterministic for given arguments.

Model (so collaborative filtering has signal):
  * every item belongs to one of G latent groups; every customer has a latent group;
  * global item popularity is Zipf-like (p ~ 1/rank^1.05, random rank order);
  * with probability `affinity` a purchase is drawn from the customer's group
    (Zipf^0.9 within the group), otherwise from the global popularity;
  * customer activity is lognormal; every customer has >= 1 purchase;
  * quantity = 1 + Geometric(0.65) - 1 (mostly 1, max 20).
ids: customer_id 1..C, product_id 100001..100000+I.
"""
import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fastcsv import IntCol, write_csv  # noqa: E402


def zipf_cdf(n, s):
    w = 1.0 / np.arange(1, n + 1) ** s
    c = np.cumsum(w)
    return c / c[-1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--customers", type=int, default=50_000)
    ap.add_argument("--items", type=int, default=10_000)
    ap.add_argument("--purchases", type=int, default=1_000_000)
    ap.add_argument("--groups", type=int, default=25)
    ap.add_argument("--affinity", type=float, default=0.7)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    C, I, P, G = a.customers, a.items, a.purchases, a.groups
    if P < C:
        ap.error("--purchases must be >= --customers")
    t0 = time.perf_counter()
    rng = np.random.default_rng(a.seed)

    # items: global popularity order and group membership
    global_order = rng.permutation(I)                   # global_order[r] = item at popularity rank r
    item_group = rng.integers(0, G, size=I)
    group_items = [rng.permutation(np.flatnonzero(item_group == g)) for g in range(G)]
    gcdf = zipf_cdf(I, 1.05)

    # customers
    cust_group = rng.integers(0, G, size=C)
    activity = rng.lognormal(0.0, 1.0, size=C)
    cust = np.concatenate([np.arange(C), rng.choice(C, size=P - C, p=activity / activity.sum())])

    # items per purchase
    item = np.empty(P, dtype=np.int64)
    use_group = rng.random(P) < a.affinity
    glob_idx = np.flatnonzero(~use_group)
    item[glob_idx] = global_order[np.minimum(np.searchsorted(gcdf, rng.random(len(glob_idx))), I - 1)]
    grp_idx = np.flatnonzero(use_group)
    pg = cust_group[cust[grp_idx]]
    u = rng.random(len(grp_idx))
    for g in range(G):
        sel = pg == g
        items_g = group_items[g]
        if len(items_g) == 0:   # degenerate tiny catalogues: fall back to global
            item[grp_idx[sel]] = global_order[np.minimum(np.searchsorted(gcdf, u[sel]), I - 1)]
            continue
        cdf = zipf_cdf(len(items_g), 0.9)
        item[grp_idx[sel]] = items_g[np.minimum(np.searchsorted(cdf, u[sel]), len(items_g) - 1)]

    qty = np.minimum(rng.geometric(0.65, size=P), 20)
    day = rng.integers(0, 731, size=P)                  # 2023-01-01 .. 2024-12-31
    order = np.lexsort((cust, day))
    cust, item, qty, day = cust[order], item[order], qty[order], day[order]

    dates = np.datetime64("2023-01-01") + np.arange(731)
    date_bytes = np.array([str(d) for d in dates], dtype="S10").view(np.uint8).reshape(731, 10)

    write_csv(a.out, ["customer_id", "product_id", "quantity", "date"],
              lambda s, e: [IntCol(cust[s:e] + 1), IntCol(item[s:e] + 100_001),
                            IntCol(qty[s:e]), date_bytes[day[s:e]]], P)
    print(f"wrote {a.out}: {P} rows, {C} customers, {I} items, "
          f"{os.path.getsize(a.out) / 1e6:.1f} MB in {time.perf_counter() - t0:.2f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
