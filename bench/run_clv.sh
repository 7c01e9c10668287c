#!/usr/bin/env bash
# CLV benchmark: `segment clv` (BG/NBD + Gamma-Gamma) against lifetimes 0.11.3
# (bench/ref_clv.py), side by side, on the CDNOW master purchase log (69,659 rows,
# 23,570 customers, 1997-01-01..1998-06-30; bench/prepare_cdnow.py extracts it from
# the lifetimes wheel). Both fit on the whole log (calibration end = last date),
# weeks, a 52-week horizon. lifetimes measures weeks as segment does (days / 7,
# purchases merged per day: ref_clv.py --period D --freq-multiplier 7; REF_TIME="--period W"
# gives lifetimes' calendar weeks instead, whole weeks, purchases merged per week).
# lifetimes' clv is its own: 12 months of 4.345 weeks discounted at 1 %/month, so the
# clv column is not expected to match segment's per-period discounting. Times the whole process from the CSV file (imports and read
# included) under /usr/bin/time, best of RUNS; prints both times, peak memory, the
# ratio segment/lifetimes, lifetimes' own pipeline time (without Python start-up),
# and the max |difference| of the per-customer p_alive / expected_purchases /
# expected_value / clv between the two CSVs. Then times segment alone on the
# synthetic 1,000,000-customer log bench/data/clv_1m.csv (~9.8M rows; made by
# bench/gen_clv.py --preset 1m when missing), with its peak memory.
#
# Usage: bench/run_clv.sh   (env: RUNS (3), MODEL (bgnbd | paretonbd, for lifetimes),
#                            REF_TIME (ref_clv.py time unit, default "--period D --freq-multiplier 7"),
#                            REF_ARGS (extra ref_clv.py args),
#                            SEGMENT_ARGS (extra `segment clv` args), NO_BUILD=1 skips `swift build`,
#                            SKIP_SEGMENT=1 times lifetimes only, SKIP_1M=1 skips the 1M file,
#                            REF_1M=1 also times lifetimes on the 1M file (minutes))
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
RUNS=${RUNS:-3}
MODEL=${MODEL:-bgnbd}
REF_TIME=${REF_TIME:---period D --freq-multiplier 7}
REF_ARGS=${REF_ARGS:-}
SEGMENT_ARGS=${SEGMENT_ARGS:-}
case "$MODEL" in paretonbd) SEGMENT_MODEL=pareto-nbd ;; *) SEGMENT_MODEL=bg-nbd ;; esac
MASTER="$BENCH_DIR/data/real/cdnow_master.csv"
BIG="$DATA/clv_1m.csv"

[ -f "$MASTER" ] || "$PY" "$BENCH_DIR/prepare_cdnow.py" >&2
[ "${NO_BUILD:-0}" = 1 ] || [ "${SKIP_SEGMENT:-0}" = 1 ] || build_release

run_segment=1
if [ "${SKIP_SEGMENT:-0}" = 1 ]; then
  run_segment=0
elif ! "$SEGMENT" clv --help > /dev/null 2>&1; then
  echo "note: $SEGMENT has no \`clv\` command yet; timing lifetimes only" >&2
  run_segment=0
fi
cat "$MASTER" > /dev/null   # warm the page cache for both sides

echo "CLV benchmark: CDNOW master ($MASTER), $MODEL, lifetimes time: $REF_TIME, horizon 52, $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
read -r ref_s ref_kb < <(best_of "$RUNS" "$DATA/clv_ref" \
  "$PY" "$BENCH_DIR/ref_clv.py" "$MASTER" --customer customer_id --date date --amount dollar_value \
  $REF_TIME --horizon 52 --model "$MODEL" $REF_ARGS --out "$DATA/clv_master_ref.csv")
echo "--- lifetimes (bench/ref_clv.py)"
cat "$DATA/clv_ref.err"
ref_inner=$(json_field "$DATA/clv_ref.out" seconds)

if [ "$run_segment" = 1 ]; then
  # shellcheck disable=SC2086
  read -r seg_s seg_kb < <(best_of "$RUNS" "$DATA/clv_segment" \
    "$SEGMENT" clv "$MASTER" --customer customer_id --date date --amount dollar_value \
    --period week --horizon 52 --model "$SEGMENT_MODEL" $SEGMENT_ARGS -o "$DATA/clv_master.csv")
  echo "--- segment clv"
  cat "$DATA/clv_segment.err"
fi

echo "---"
printf "%-36s %9s %9s\n" "tool (whole process, best of $RUNS)" "seconds" "peak MB"
printf "%-36s %9.2f %9.0f\n" "lifetimes (ref_clv.py, $MODEL)" "$ref_s" "$((ref_kb / 1024))"
printf "%-36s %9.2f\n" "  lifetimes pipeline alone" "$ref_inner"
if [ "$run_segment" = 1 ]; then
  printf "%-36s %9.2f %9.0f\n" "segment clv" "$seg_s" "$((seg_kb / 1024))"
  echo "ratio segment/lifetimes: $(ratio "$seg_s" "$ref_s") (against the pipeline alone: $(ratio "$seg_s" "$ref_inner"))"

  "$PY" - "$DATA/clv_master.csv" "$DATA/clv_master_ref.csv" <<'PYEOF'
import sys
import numpy as np
import pandas as pd
seg = pd.read_csv(sys.argv[1], dtype=str)
ref = pd.read_csv(sys.argv[2], dtype=str)
seg = seg.set_index(seg.columns[0])   # the customer id column, whatever its name
ref = ref.set_index(ref.columns[0])
common = seg.index.intersection(ref.index)
print(f"customers: segment {len(seg)}, lifetimes {len(ref)}, common {len(common)}")
for col in ["frequency", "recency", "T", "monetary", "p_alive", "expected_purchases", "expected_value", "clv"]:
    if col not in seg.columns or col not in ref.columns:
        print(f"{col:>18}: not in both files")
        continue
    a = seg.loc[common, col].astype(float).to_numpy()
    b = ref.loc[common, col].astype(float).to_numpy()
    ok = np.isfinite(a) & np.isfinite(b)   # lifetimes' Pareto/NBD can give NaN (recency == T, large x)
    ids = common[ok]
    a, b = a[ok], b[ok]
    d = np.abs(a - b)
    i = int(np.argmax(d))
    rel = d / np.maximum(np.abs(b), 1e-12)
    print(f"{col:>18}: max |diff| {d.max():.3e} (customer {ids[i]}: segment {a[i]:.10g}, lifetimes {b[i]:.10g}), "
          f"max rel {rel.max():.3e}, mean |diff| {d.mean():.3e}" + (f"; {int((~ok).sum())} NaN rows left out" if (~ok).any() else ""))
PYEOF

  if [ "${SKIP_1M:-0}" != 1 ]; then
    [ -f "$BIG" ] || "$PY" "$BENCH_DIR/gen_clv.py" --preset 1m >&2
    cat "$BIG" > /dev/null
    # shellcheck disable=SC2086
    read -r big_s big_kb < <(best_of 1 "$DATA/clv_1m_segment" \
      "$SEGMENT" clv "$BIG" --customer customer_id --date date --amount amount \
      --period week --horizon 52 --model "$SEGMENT_MODEL" $SEGMENT_ARGS -o "$DATA/clv_1m_segment.csv")
    echo "--- segment clv on $BIG (1,000,000 customers)"
    cat "$DATA/clv_1m_segment.err"
    printf "segment clv, 1M customers: %.2f s, peak %d MB\n" "$big_s" "$((big_kb / 1024))"
  fi
fi

if [ "${REF_1M:-0}" = 1 ]; then
  [ -f "$BIG" ] || "$PY" "$BENCH_DIR/gen_clv.py" --preset 1m >&2
  # shellcheck disable=SC2086
  read -r rbig_s rbig_kb < <(best_of 1 "$DATA/clv_1m_ref" \
    "$PY" "$BENCH_DIR/ref_clv.py" "$BIG" --amount amount $REF_TIME --horizon 52 --model "$MODEL" $REF_ARGS \
    --out "$DATA/clv_1m_ref.csv")
  cat "$DATA/clv_1m_ref.err"
  printf "lifetimes, 1M customers: %.2f s, peak %d MB (pipeline alone %.2f s)\n" "$rbig_s" "$((rbig_kb / 1024))" \
    "$(json_field "$DATA/clv_1m_ref.out" seconds)"
fi
