#!/usr/bin/env python3
"""Synthetic purchase log drawn from the BG/NBD model with Gamma-Gamma amounts (for `segment clv`).

Usage: gen_clv.py OUT.csv [--customers 10000] [--r 0.243 --alpha 4.414 --a 0.793 --b 2.426]
                  [--p 6.25 --q 3.74 --v 15.44] [--start 1997-01-01] [--birth-weeks 12]
                  [--weeks 78] [--seed 0]
       gen_clv.py --preset 1m            # bench/data/clv_1m.csv: 1,000,000 customers, ~10M rows

Columns: customer_id,date,amount (date YYYY-MM-DD, amount with 2 decimals); rows sorted by
customer_id (1..N), then date. Deterministic for given arguments (numpy default_rng(seed)).
Defaults: the published CDNOW estimates over CDNOW's 78 weeks.

Model, per customer i (time in weeks, exact BG/NBD + Gamma-Gamma):
  * first purchase on day b_i ~ uniform{0 .. 7*birth_weeks - 1} after --start; the observation
    ends on day 7*weeks - 1 (inclusive), so T_i = (7*weeks - b_i) / 7 weeks of repeat-purchase time;
  * lambda_i ~ Gamma(r, rate alpha), p_i ~ Beta(a, b);
  * while alive, repeat purchases arrive as a Poisson process of rate lambda_i; after each
    repeat purchase the customer dies with probability p_i (so the number of repeat purchases
    it would ever make is K_i ~ Geometric(p_i) on {1, 2, ...}, as in lifetimes'
    beta_geometric_nbd_model); with M_i ~ Poisson(lambda_i T_i) arrivals in (0, T_i] the
    customer makes n_i = min(K_i, M_i) repeat purchases there, at the n_i smallest of M_i
    uniform times: T_i * S_j / (S_n + G) with S_j the cumulative sums of n_i Exp(1) draws and
    G ~ Gamma(M_i + 1 - n_i) (order statistics via exponential spacings; no draws wasted);
  * a purchase at time t falls on day b_i + floor(7 t) (two purchases can share a day);
  * nu_i ~ Gamma(q, rate v); every purchase (the first included) has amount ~ Gamma(p, rate nu_i),
    rounded to cents, at least 0.01.
"""
import argparse
import datetime as dt
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fastcsv import DecCol, IntCol, StrCol, write_csv  # noqa: E402

# ~10 purchases per customer (about 9 repeat purchases) over 3 years, births over the first year.
PRESET_1M = dict(customers=1_000_000, r=2.0, alpha=14.0, a=1.2, b=10.0, p=6.25, q=3.74, v=15.44,
                 start="2021-01-04", birth_weeks=52, weeks=156, seed=0)


def simulate(rng, n, r, alpha, a, b, p, q, v, birth_days, window_days):
    """One chunk of n customers -> (local customer index, day offset, amount) per purchase."""
    birth = rng.integers(0, birth_days, size=n)
    T = (window_days - birth) / 7.0
    lam = rng.gamma(r, 1.0 / alpha, size=n)
    pdeath = rng.beta(a, b, size=n)
    K = rng.geometric(pdeath)                      # repeat purchases before death (support >= 1)
    M = rng.poisson(lam * T)                       # Poisson arrivals inside the window
    nrep = np.minimum(K, M)
    tot = int(nrep.sum())
    # exponential spacings: cumulative sums per customer segment
    e = rng.exponential(1.0, size=tot)
    seg = np.repeat(np.arange(n), nrep)
    start = np.cumsum(nrep) - nrep
    cs = np.cumsum(e)
    base = np.where(start > 0, cs[np.maximum(start - 1, 0)], 0.0)
    S = cs - np.repeat(base, nrep)
    last = np.zeros(n)
    has = nrep > 0
    last[has] = S[start[has] + nrep[has] - 1]
    G = rng.gamma(np.maximum(M + 1 - nrep, 1).astype(float))  # shape >= 1 always (M >= nrep)
    times = T[seg] * S / (last + G)[seg]
    rep_day = birth[seg] + np.minimum(np.floor(7.0 * times).astype(np.int64), window_days - 1 - birth[seg])
    # rows: first purchase then repeats, customer-major, time order
    cnt = nrep + 1
    cust = np.repeat(np.arange(n), cnt)
    first_pos = np.cumsum(cnt) - cnt
    day = np.empty(len(cust), dtype=np.int64)
    day[first_pos] = birth
    mask = np.ones(len(cust), dtype=bool)
    mask[first_pos] = False
    day[mask] = rep_day
    nu = rng.gamma(q, 1.0 / v, size=n)
    amount = rng.gamma(p, 1.0, size=len(cust)) / nu[cust]
    amount = np.maximum(np.round(amount, 2), 0.01)
    return cust, day, amount


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?")
    ap.add_argument("--preset", choices=["1m"])
    ap.add_argument("--customers", type=int, default=10_000)
    ap.add_argument("--r", type=float, default=0.243)
    ap.add_argument("--alpha", type=float, default=4.414)
    ap.add_argument("--a", type=float, default=0.793)
    ap.add_argument("--b", type=float, default=2.426)
    ap.add_argument("--p", type=float, default=6.25)
    ap.add_argument("--q", type=float, default=3.74)
    ap.add_argument("--v", type=float, default=15.44)
    ap.add_argument("--start", default="1997-01-01", help="first day of the window (YYYY-MM-DD)")
    ap.add_argument("--birth-weeks", type=float, default=12, help="first purchases spread over this many weeks")
    ap.add_argument("--weeks", type=float, default=78, help="observation window length in weeks")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--chunk", type=int, default=250_000, help="customers simulated at a time")
    args = ap.parse_args()
    if args.preset == "1m":
        for k, val in PRESET_1M.items():
            setattr(args, k, val)
        args.out = args.out or os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "clv_1m.csv")
    if not args.out:
        ap.error("OUT.csv is required without --preset")
    t0 = time.perf_counter()
    window_days = int(round(7 * args.weeks))
    birth_days = int(round(7 * args.birth_weeks))
    if not 0 < birth_days <= window_days:
        ap.error("need 0 < birth-weeks <= weeks")
    rng = np.random.default_rng(args.seed)
    custs, days, amounts = [], [], []
    for c0 in range(0, args.customers, args.chunk):
        n = min(args.chunk, args.customers - c0)
        cust, day, amount = simulate(rng, n, args.r, args.alpha, args.a, args.b, args.p, args.q, args.v,
                                     birth_days, window_days)
        custs.append(cust + c0 + 1)
        days.append(day)
        amounts.append(amount)
    cust = np.concatenate(custs)
    day = np.concatenate(days)
    amount = np.concatenate(amounts)
    t1 = time.perf_counter()
    start = dt.date.fromisoformat(args.start)
    labels = [(start + dt.timedelta(days=i)).isoformat() for i in range(window_days)]
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    write_csv(args.out, ["customer_id", "date", "amount"],
              lambda s, e: [IntCol(cust[s:e]), StrCol(day[s:e], labels), DecCol(amount[s:e], 2)], len(cust),
              chunk=1_000_000)
    t2 = time.perf_counter()
    end = start + dt.timedelta(days=window_days - 1)
    print(f"{args.out}: {len(cust):,} rows, {args.customers:,} customers ({len(cust) / args.customers:.2f} purchases "
          f"each), {start}..{end}; BG/NBD r {args.r:g} alpha {args.alpha:g} a {args.a:g} b {args.b:g}, "
          f"Gamma-Gamma p {args.p:g} q {args.q:g} v {args.v:g}, seed {args.seed}; "
          f"simulate {t1 - t0:.1f} s, write {t2 - t1:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
