#!/usr/bin/env python3
"""Reference RFM values for Fixtures/purchases.csv, computed independently with pandas.

Usage: make_rfm_reference.py [--purchases Fixtures/purchases.csv] [--out Fixtures/reference/rfm.json]

Recipe (the common pandas one, which `segment rfm` documents and must match):
  as_of     = latest purchase date + 1 day
  recency   = (as_of - max(date)).days per customer
  frequency = number of purchase rows per customer
  monetary  = sum(amount) per customer
  customers sorted by numeric customer_id (groupby order)
  r_score = qcut(recency.rank(method="first"), 5, labels=[5,4,3,2,1])
  f_score = qcut(frequency.rank(method="first"), 5, labels=[1,2,3,4,5])
  m_score = qcut(monetary.rank(method="first"), 5, labels=[1,2,3,4,5])
Also writes the same for --as-of 2026-03-01.
"""
import argparse
import json

import pandas as pd


def rfm(df, as_of):
    g = df.groupby("customer_id")
    out = pd.DataFrame({
        "recency_days": (as_of - g["date"].max()).dt.days,
        "frequency": g.size(),
        "monetary": g["amount"].sum(),
    }).sort_index()
    out["r_score"] = pd.qcut(out["recency_days"].rank(method="first"), 5, labels=[5, 4, 3, 2, 1]).astype(int)
    out["f_score"] = pd.qcut(out["frequency"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5]).astype(int)
    out["m_score"] = pd.qcut(out["monetary"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5]).astype(int)
    return {
        "customer_id": [str(c) for c in out.index],
        **{c: [int(v) for v in out[c]] for c in ["recency_days", "frequency", "r_score", "f_score", "m_score"]},
        "monetary": [float(v) for v in out["monetary"]],
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--purchases", default="Fixtures/purchases.csv")
    ap.add_argument("--out", default="Fixtures/reference/rfm.json")
    a = ap.parse_args()
    df = pd.read_csv(a.purchases, parse_dates=["date"])
    default_as_of = df["date"].max() + pd.Timedelta(days=1)
    result = {
        "provenance": f"pandas {pd.__version__}; bench/reference/make_rfm_reference.py on {a.purchases}: "
                      "groupby customer_id, recency=(as_of-max date).days, frequency=size, monetary=sum(amount), "
                      "scores pd.qcut(x.rank(method='first'), 5), recency labels reversed",
        "default": {"as_of": str(default_as_of.date()), **rfm(df, default_as_of)},
        "as_of_2026_03_01": {"as_of": "2026-03-01", **rfm(df, pd.Timestamp("2026-03-01"))},
    }
    with open(a.out, "w") as f:
        json.dump(result, f, indent=1)
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
