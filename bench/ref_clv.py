#!/usr/bin/env python3
"""Reference for `segment clv`: BG/NBD or Pareto/NBD + Gamma-Gamma with lifetimes 0.11.3.

Usage: ref_clv.py TRANSACTIONS.csv [--customer COL] [--date COL] [--amount COL]
                  [--calibration-end YYYY-MM-DD] [--period W|D] [--freq-multiplier N]
                  [--model bgnbd|paretonbd] [--horizon PERIODS] [--clv-months M]
                  [--discount-rate 0.01] [--out PER_CUSTOMER.csv] [--evaluate] [--seed 0]

Pipeline (each stage timed; one JSON line with the timings on stdout at the end, the
parameters and log-likelihoods on stderr):
  read     pandas.read_csv; dates YYYYMMDD or YYYY-MM-DD
  summary  rows dated after --calibration-end (default: the last date) are dropped, then
           lifetimes.utils.summary_data_from_transaction_data(customer, date,
           monetary_value_col=amount, observation_period_end=calibration end,
           freq=period, freq_multiplier=N)
  fit      BetaGeoFitter(penalizer_coef=0) or ParetoNBDFitter(penalizer_coef=0) on
           (frequency, recency, T)   [Pareto/NBD: Nelder-Mead from a random start, np.random.seed(seed)]
  gamma-gamma  GammaGammaFitter(penalizer_coef=0) on customers with frequency > 0 (and
           monetary > 0: lifetimes refuses non-positive values)
  predict  per customer: p_alive = conditional_probability_alive(f, r, T),
           expected_purchases = conditional_expected_number_of_purchases_up_to_time(horizon, f, r, T),
           expected_value = ggf.conditional_expected_average_profit(f, monetary)
                            (= the population mean v p / (q - 1) for frequency 0),
           clv = ggf.customer_lifetime_value(model, f, r, T, monetary, time=clv_months,
                                             discount_rate=d, freq=period)
--out writes customer,frequency,recency,T,monetary,p_alive,expected_purchases,expected_value,clv
(not timed; customers sorted by id, numerically when all ids are digits; %.17g).
--evaluate (not timed): lifetimes.utils.calibration_and_holdout_data(calibration end,
observation end = last date), refit the model on the calibration part and print, by
calibration frequency 0..6 and 7+, the customers, the actual holdout repeat purchases and the
predicted ones (conditional_expected_number_of_purchases_up_to_time(duration_holdout, ...)),
sums and per-customer means, with totals.

Time conventions of summary_data_from_transaction_data (lifetimes 0.11.3):
  * every date is floored to its `freq` period (freq="W" = pandas W-SUN periods, i.e. weeks
    Monday..Sunday, represented by their Monday) and the observation end likewise;
  * transactions of one customer in the same period are merged into one (amounts summed);
  * frequency = number of distinct periods with a purchase - 1 (repeat purchases);
  * recency = (last period start - first period start) / 1 freq / freq_multiplier,
    T = (observation-end period start - first period start) / 1 freq / freq_multiplier:
    with freq="W" both are WHOLE weeks (differences of Mondays), never days/7;
    with --period D --freq-multiplier 7 they are days/7 (fractional), purchases merged per
    day: the convention of Fader, Hardie & Lee's CDNOW data (it reproduces their estimates);
  * monetary = mean over the repeat periods of the per-period summed amount (the first
    period excluded), 0 for frequency 0.

Likelihoods: lifetimes fits on times scaled by 1/max(T) and stores
  BetaGeoFitter._negative_log_likelihood_   = MEAN negative LL of the SCALED data,
  ParetoNBDFitter._negative_log_likelihood_ = TOTAL negative LL of the scaled data (/weights.mean()),
  GammaGammaFitter._negative_log_likelihood_ = MEAN negative LL (amounts are not scaled).
Scaling time by c changes each customer's LL by -x log c, so the stored values are not the
papers' LL. This script re-evaluates each model's LL with the fitted parameters on the
unscaled data and reports the TOTAL (sum over customers) LL, the papers' number.

Lifetimes' CLV (lifetimes.utils._customer_lifetime_value, via GammaGammaFitter.customer_lifetime_value):
  factor = {"W": 4.345, "M": 1.0, "D": 30, "H": 720}[freq]       (periods per "month")
  m_i    = ggf.conditional_expected_average_profit(x_i, monetary_i)
         = (1 - w_i) * v p / (q - 1) + w_i * monetary_i,   w_i = p x_i / (p x_i + q - 1)
  clv_i  = sum_{k=1..time} m_i * (E[N(k*factor)] - E[N((k-1)*factor)]) / (1 + d)^(k*factor/factor)
  where E[N(t)] = model.conditional_expected_number_of_purchases_up_to_time(t, x_i, t_x_i, T_i)
  (E[N(0)] = 0), time = integer months (np.arange(1, time + 1)), d = monthly discount rate.
  So with freq "W" the horizon is time * 4.345 weeks (12 months = 52.14 weeks), and month k's
  purchases are discounted by (1 + d)^k (the exponent is k up to float rounding of
  (k * 4.345) / 4.345). There is no discounting inside a month. The loop runs over
  i = steps * factor, and the previous point is i - factor (float subtraction).
--clv-months defaults to round(horizon / factor).
"""
import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
from scipy.special import gammaln

import lifetimes
from lifetimes import BetaGeoFitter, GammaGammaFitter, ParetoNBDFitter
from lifetimes.utils import calibration_and_holdout_data, summary_data_from_transaction_data

CLV_FACTOR = {"W": 4.345, "M": 1.0, "D": 30, "H": 30 * 24}   # as in lifetimes.utils._customer_lifetime_value


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def date_format(sample):
    s = str(sample)
    if len(s) == 8 and s.isdigit():
        return "%Y%m%d"
    if len(s) == 10 and s[4] == "-" and s[7] == "-":
        return "%Y-%m-%d"
    raise SystemExit(f"unsupported date {s!r}: expected YYYYMMDD or YYYY-MM-DD")


def clv_freq(period, mult):
    """The `freq` lifetimes' CLV needs: the unit that recency/T are measured in."""
    if mult == 1:
        return period
    if period == "D" and mult == 7:
        return "W"
    raise SystemExit("--freq-multiplier: only 1, or 7 with --period D (weeks measured in days/7)")


def total_log_likelihood(model, params, f, r, T, m=None):
    """Total LL (sum over customers) on the unscaled data, through lifetimes' own functions."""
    f = np.asarray(f, dtype=float)
    w = np.ones_like(f)
    if model == "bgnbd":
        p = np.log([params["r"], params["alpha"], params["a"], params["b"]])
        return -BetaGeoFitter._negative_log_likelihood(p, f.astype(int), np.asarray(r), np.asarray(T), w, 0.0) * w.sum()
    if model == "paretonbd":
        p = [params["r"], params["alpha"], params["s"], params["beta"]]
        x, r, T = f.astype(int), np.asarray(r, dtype=float), np.asarray(T, dtype=float)
        with np.errstate(all="ignore"):
            ll = ParetoNBDFitter._conditional_log_likelihood(p, x, r, T)
        # lifetimes' _log_A_0 is a logsumexp of two terms that are equal when recency == T (A_0 = 0);
        # rounding can leave a tiny negative sum and NaN (CDNOW master, days/7: customer 14048, x = 170).
        # Use the exact limit there: LL = A_1 - (r + x) log(alpha + T) - s log(beta + T).
        bad = ~np.isfinite(ll) & (r == T)
        if bad.any():
            rr, al, ss, be = p
            xb, Tb = x[bad], T[bad]
            ll[bad] = (gammaln(rr + xb) - gammaln(rr) + rr * np.log(al) + ss * np.log(be)
                       - (rr + xb) * np.log(al + Tb) - ss * np.log(be + Tb))
            log(f"note: {int(bad.sum())} customers with recency == T have a NaN Pareto/NBD likelihood term in "
                f"lifetimes (cancellation in _log_A_0); the total uses the exact limit for them")
        return float(ll.sum())
    p = np.log([params["p"], params["q"], params["v"]])
    return -GammaGammaFitter._negative_log_likelihood(p, f, np.asarray(m, dtype=float), w, 0.0) * w.sum()


def fit_model(model, f, r, T, seed):
    if model == "bgnbd":
        return BetaGeoFitter(penalizer_coef=0.0).fit(f, r, T)
    np.random.seed(seed)   # ParetoNBDFitter starts Nelder-Mead from np.random.normal(1, 0.05, 4)
    return ParetoNBDFitter(penalizer_coef=0.0).fit(f, r, T)


def fmt_params(p):
    return ", ".join(f"{k} {v:.10g}" for k, v in p.items())


def sort_ids(index):
    ids = index.astype(str)
    if all(s.isdigit() for s in ids):
        return index[np.argsort(ids.astype(np.int64), kind="stable")]
    return index[np.argsort(ids, kind="stable")]


def evaluate(tx, args, fmt_cal_end):
    cal_end = fmt_cal_end
    obs_end = tx[args.date].max()
    if cal_end >= obs_end:
        log("--evaluate needs a calibration end before the last date")
        return
    ch = calibration_and_holdout_data(
        tx, args.customer, args.date, calibration_period_end=cal_end, observation_period_end=obs_end,
        freq=args.period, freq_multiplier=args.freq_multiplier,
        # pandas >= 2 compatibility: without a monetary column the holdout count
        # (groupby([id, date]).agg(lambda r: 1).groupby(level=id).agg(["count"])) has no
        # column left and raises "No objects to concatenate"; the amount column gives it one.
        monetary_value_col=args.amount)
    m = fit_model(args.model, ch["frequency_cal"], ch["recency_cal"], ch["T_cal"], args.seed)
    pred = m.conditional_expected_number_of_purchases_up_to_time(
        ch["duration_holdout"], ch["frequency_cal"], ch["recency_cal"], ch["T_cal"])
    ch["predicted"] = np.asarray(pred, dtype=float)
    ch["group"] = np.minimum(ch["frequency_cal"].astype(int), 7)
    g = ch.groupby("group").agg(customers=("predicted", "size"), actual=("frequency_holdout", "sum"),
                                predicted=("predicted", "sum"))
    g.loc["total"] = g.sum()
    g["actual_mean"] = g["actual"] / g["customers"]
    g["predicted_mean"] = g["predicted"] / g["customers"]
    g.index = [("7+" if i == 7 else str(i)) if i != "total" else "total" for i in g.index]
    log(f"evaluate: calibration to {cal_end.date()}, holdout to {obs_end.date()} "
        f"(duration {ch['duration_holdout'].iloc[0]:.10g} periods); model refit on the calibration "
        f"part: {fmt_params(m.params_)}")
    log(f"{'x_cal':>6} {'customers':>9} {'actual':>9} {'predicted':>14} {'actual/cust':>12} {'pred/cust':>12}")
    for k, row in g.iterrows():
        log(f"{k:>6} {int(row.customers):>9} {int(row.actual):>9} {row.predicted:>14.6f} "
            f"{row.actual_mean:>12.6f} {row.predicted_mean:>12.6f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file")
    ap.add_argument("--customer", default="customer_id")
    ap.add_argument("--date", default="date")
    ap.add_argument("--amount", default=None, help="default: dollar_value or amount, whichever exists")
    ap.add_argument("--calibration-end", default=None, help="YYYY-MM-DD, inclusive (default: the last date)")
    ap.add_argument("--period", choices=["W", "D"], default="W")
    ap.add_argument("--freq-multiplier", type=int, default=1,
                    help="lifetimes' freq_multiplier; --period D --freq-multiplier 7 = weeks as days/7")
    ap.add_argument("--model", choices=["bgnbd", "paretonbd"], default="bgnbd")
    ap.add_argument("--horizon", type=float, default=52, help="periods (weeks with W) for expected_purchases")
    ap.add_argument("--clv-months", type=int, default=None, help="lifetimes' CLV `time` (default round(horizon/factor))")
    ap.add_argument("--discount-rate", type=float, default=0.01, help="monthly, as lifetimes")
    ap.add_argument("--out", default=None)
    ap.add_argument("--evaluate", action="store_true")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    freq = clv_freq(args.period, args.freq_multiplier)
    unit_periods = CLV_FACTOR[freq]
    months = args.clv_months if args.clv_months is not None else int(round(args.horizon / unit_periods))
    times = {}

    t0 = t = time.perf_counter()
    head = pd.read_csv(args.file, nrows=1)
    amount = args.amount = args.amount or ("dollar_value" if "dollar_value" in head.columns else "amount")
    tx = pd.read_csv(args.file, usecols=[args.customer, args.date, amount],
                     dtype={args.customer: str, args.date: str, amount: float})
    tx[args.date] = pd.to_datetime(tx[args.date], format=date_format(tx[args.date].iloc[0]))
    times["read_s"] = time.perf_counter() - t

    t = time.perf_counter()
    cal_end = pd.Timestamp(args.calibration_end) if args.calibration_end else tx[args.date].max()
    cal = tx[tx[args.date] <= cal_end]
    s = summary_data_from_transaction_data(cal, args.customer, args.date, monetary_value_col=amount,
                                           observation_period_end=cal_end, freq=args.period,
                                           freq_multiplier=args.freq_multiplier)
    times["summary_s"] = time.perf_counter() - t

    t = time.perf_counter()
    model = fit_model(args.model, s["frequency"], s["recency"], s["T"], args.seed)
    times["fit_s"] = time.perf_counter() - t

    t = time.perf_counter()
    rep = s[(s["frequency"] > 0) & (s["monetary_value"] > 0)]
    ggf = GammaGammaFitter(penalizer_coef=0.0).fit(rep["frequency"], rep["monetary_value"])
    times["gamma_gamma_s"] = time.perf_counter() - t

    t = time.perf_counter()
    f, r, T, mv = s["frequency"], s["recency"], s["T"], s["monetary_value"]
    # errstate: lifetimes evaluates E[N(0)] for the first CLV month, where Pareto/NBD's formula takes
    # log(0) = -inf (exp(-inf) = 0, the right value) and numpy warns "divide by zero"; NaNs from
    # lifetimes' Pareto/NBD (see total_log_likelihood) are reported below instead of warned about per call.
    with np.errstate(divide="ignore", invalid="ignore"):
        out = pd.DataFrame(index=s.index)
        out["frequency"], out["recency"], out["T"], out["monetary"] = f, r, T, mv
        out["p_alive"] = np.asarray(model.conditional_probability_alive(f, r, T), dtype=float)
        out["expected_purchases"] = np.asarray(
            model.conditional_expected_number_of_purchases_up_to_time(args.horizon, f, r, T), dtype=float)
        out["expected_value"] = np.asarray(ggf.conditional_expected_average_profit(f, mv), dtype=float)
        out["clv"] = np.asarray(ggf.customer_lifetime_value(model, f, r, T, mv, time=months,
                                                            discount_rate=args.discount_rate, freq=freq), dtype=float)
    times["predict_s"] = time.perf_counter() - t
    nan_rows = out[["p_alive", "expected_purchases", "clv"]].isna().any(axis=1)
    if nan_rows.any():
        log(f"warning: lifetimes gives NaN p_alive/expected_purchases/clv for {int(nan_rows.sum())} customers "
            f"(kept as NaN): {', '.join(map(str, out.index[nan_rows][:10]))}")
    times["seconds"] = time.perf_counter() - t0

    ll = total_log_likelihood(args.model, model.params_, f, r, T)
    gg_ll = total_log_likelihood("gg", ggf.params_, rep["frequency"], None, None, rep["monetary_value"])
    log(f"lifetimes {lifetimes.__version__}: {len(tx)} rows, {len(s)} customers, calibration end "
        f"{cal_end.date()}, period {args.period} x{args.freq_multiplier}, horizon {args.horizon:g}, "
        f"CLV {months} months (freq {freq}), discount {args.discount_rate:g}/month")
    log(f"{args.model}: {fmt_params(model.params_)}; total log-likelihood {ll:.10g} "
        f"(lifetimes' stored _negative_log_likelihood_ {model._negative_log_likelihood_:.10g}, scaled time)")
    log(f"gamma-gamma on {len(rep)} customers (frequency > 0, monetary > 0; {int(((f > 0) & (mv <= 0)).sum())} "
        f"repeat customers with monetary <= 0 left out): {fmt_params(ggf.params_)}; total log-likelihood "
        f"{gg_ll:.10g} (stored mean negative LL {ggf._negative_log_likelihood_:.10g})")
    log(f"sums: p_alive {out['p_alive'].sum():.10g}, expected_purchases {out['expected_purchases'].sum():.10g}, "
        f"clv {out['clv'].sum():.10g}")

    if args.out:
        out = out.loc[sort_ids(out.index)]
        out.index.name = "customer"
        out.to_csv(args.out, float_format="%.17g")
    if args.evaluate:
        evaluate(tx, args, cal_end)

    res = {"customers": int(len(s)), "rows": int(len(tx)), "model": args.model, "loglik": ll,
           "params": {k: float(v) for k, v in model.params_.items()},
           "gamma_gamma": {k: float(v) for k, v in ggf.params_.items()}, "gamma_gamma_loglik": gg_ll}
    res.update(times)
    print(json.dumps(res))


if __name__ == "__main__":
    main()
