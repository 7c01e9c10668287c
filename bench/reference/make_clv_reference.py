#!/usr/bin/env python3
"""Expected per-customer CLV-model values from lifetimes 0.11.3 for a few named CDNOW customers.

Usage: make_clv_reference.py [--sample bench/data/real/cdnow_sample.csv]
                             [--out bench/data/real/ref_clv_named_customers.csv]

CDNOW sample (bench/prepare_cdnow.py), calibration end 1997-09-30, two time conventions:
  W   summary_data_from_transaction_data(freq="W"): calendar weeks (Mon..Sun), whole-week
      recency/T, purchases merged per week
  D7  freq="D", freq_multiplier=7: weeks = days/7, purchases merged per day (the papers')
and two parameter sets:
  fit    lifetimes' own fits on that convention's summary of all 2,357 customers
         (BetaGeoFitter, ParetoNBDFitter with np.random.seed(0), GammaGammaFitter on frequency > 0)
  paper  the published estimates, set with model.params_ = pd.Series(...):
         BG/NBD r 0.243 alpha 4.414 a 0.793 b 2.426 (Fader, Hardie & Lee 2005),
         Pareto/NBD r 0.553 alpha 10.578 s 0.606 beta 11.669, Gamma-Gamma p 6.25 q 3.74 v 15.44
Columns per customer: bg_/pnbd_p_alive (conditional_probability_alive), bg_/pnbd_exp39
(conditional_expected_number_of_purchases_up_to_time(39, ...)), expected_value
(conditional_expected_average_profit), bg_/pnbd_clv12 (customer_lifetime_value(time=12,
discount_rate=0.01, freq="W")). Every number is printed with 10 significant digits (%.10g).
"""
import argparse

import numpy as np
import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter, ParetoNBDFitter
from lifetimes.utils import summary_data_from_transaction_data

CUSTOMERS = [1, 2, 3, 6, 9, 11, 129, 157, 1516, 1901, 2329]
CAL_END = "1997-09-30"
PAPER = {
    "bg": pd.Series([0.243, 4.414, 0.793, 2.426], index=["r", "alpha", "a", "b"]),
    "pnbd": pd.Series([0.553, 10.578, 0.606, 11.669], index=["r", "alpha", "s", "beta"]),
    "gg": pd.Series([6.25, 3.74, 15.44], index=["p", "q", "v"]),
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", default="bench/data/real/cdnow_sample.csv")
    ap.add_argument("--out", default="bench/data/real/ref_clv_named_customers.csv")
    args = ap.parse_args()
    tx = pd.read_csv(args.sample, dtype={"customer_id": str, "date": str})
    tx["customer_id"] = tx["customer_id"].astype(int)
    tx["date"] = pd.to_datetime(tx["date"], format="%Y%m%d")
    tx = tx[tx["date"] <= CAL_END]
    rows = []
    for conv, freq, mult in [("W", "W", 1), ("D7", "D", 7)]:
        s = summary_data_from_transaction_data(tx, "customer_id", "date", monetary_value_col="dollar_value",
                                               observation_period_end=CAL_END, freq=freq, freq_multiplier=mult)
        bg = BetaGeoFitter().fit(s["frequency"], s["recency"], s["T"])
        np.random.seed(0)
        pn = ParetoNBDFitter().fit(s["frequency"], s["recency"], s["T"])
        rep = s[s["frequency"] > 0]
        gg = GammaGammaFitter().fit(rep["frequency"], rep["monetary_value"])
        fitted = {"bg": bg.params_.copy(), "pnbd": pn.params_.copy(), "gg": gg.params_.copy()}
        c = s.loc[CUSTOMERS]
        f, r, T, m = c["frequency"], c["recency"], c["T"], c["monetary_value"]
        for which, params in [("fit", fitted), ("paper", PAPER)]:
            bg.params_, pn.params_, gg.params_ = params["bg"].copy(), params["pnbd"].copy(), params["gg"].copy()
            with np.errstate(divide="ignore"):
                out = pd.DataFrame({
                    "convention": conv, "params": which, "customer": c.index, "frequency": f.values,
                    "recency": r.values, "T": T.values, "monetary": m.values,
                    "bg_p_alive": np.asarray(bg.conditional_probability_alive(f, r, T)),
                    "bg_exp39": np.asarray(bg.conditional_expected_number_of_purchases_up_to_time(39, f, r, T)),
                    "pnbd_p_alive": np.asarray(pn.conditional_probability_alive(f, r, T)),
                    "pnbd_exp39": np.asarray(pn.conditional_expected_number_of_purchases_up_to_time(39, f, r, T)),
                    "expected_value": np.asarray(gg.conditional_expected_average_profit(f, m)),
                    "bg_clv12": np.asarray(gg.customer_lifetime_value(bg, f, r, T, m, time=12, discount_rate=0.01, freq="W")),
                    "pnbd_clv12": np.asarray(gg.customer_lifetime_value(pn, f, r, T, m, time=12, discount_rate=0.01, freq="W")),
                })
            rows.append(out)
            print(f"# {conv} {which}: " + "; ".join(
                f"{k} " + ", ".join(f"{n} {v:.10g}" for n, v in p.items()) for k, p in params.items()))
    res = pd.concat(rows, ignore_index=True)
    res.to_csv(args.out, index=False, float_format="%.10g")
    print(open(args.out).read(), end="")


if __name__ == "__main__":
    main()
