#!/usr/bin/env bash
# Gap statistic benchmark: `segment elbow --criteria gap` against numpy +
# scikit-learn (bench/gap_sklearn.py), side by side, on 100,000 x 8 Gaussian
# blobs (8 centres, sd 1, in a [-10, 10]^8 box; generated once into bench/data/).
# Both sides compute the gap statistic for k = 1..10 with B = 100 uniform
# reference sets in the box of the PCA-rotated data (clusGap's "scaledPCA") and
# one k-means++ start per fit (scikit-learn: KMeans(n_init=1), Lloyd, tol 1e-4,
# max_iter 300), i.e. 10 + 100 x 10 k-means fits of 100,000 rows each. Times the
# whole process from the CSV file (read included) under /usr/bin/time; prints
# both times, peak memory, the ratio segment/scikit-learn and both gap tables.
#
# Usage: bench/run_gap.sh          (env: ROWS (100000), B (100), RUNS (1; best of RUNS per side),
#                                    NO_BUILD=1 skips `swift build`, SKIP_SEGMENT=1 times scikit-learn only)
# The reference values of the unit tests come from R instead: bench/reference/gap_reference.R.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ROWS=${ROWS:-100000}
B=${B:-100}
RUNS=${RUNS:-1}
FEATURES=f1,f2,f3,f4,f5,f6,f7,f8
FILE="$DATA/gap_${ROWS}x8.csv"

[ -f "$FILE" ] || "$PY" "$BENCH_DIR/gen_blobs.py" "$FILE" --rows "$ROWS" --dims 8 --centers 8 --std 1.0 --seed 0 >&2
[ "${NO_BUILD:-0}" = 1 ] || [ "${SKIP_SEGMENT:-0}" = 1 ] || build_release
cat "$FILE" > /dev/null   # warm the page cache for both sides

run_segment=1
if [ "${SKIP_SEGMENT:-0}" = 1 ]; then
  run_segment=0
elif ! "$SEGMENT" elbow --help 2>&1 | grep -q -- '--gap-b'; then
  echo "note: $SEGMENT has no \`elbow --criteria gap --gap-b\` yet; timing scikit-learn only" >&2
  run_segment=0
fi

echo "gap statistic benchmark: $ROWS x 8 ($FILE), k 1-10, B $B, n_init 1, $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
read -r sk_s sk_kb < <(best_of "$RUNS" "$DATA/gap_sklearn" \
  "$PY" "$BENCH_DIR/gap_sklearn.py" "$FILE" --features "$FEATURES" --k-max 10 --b "$B")
echo "--- scikit-learn (bench/gap_sklearn.py)"
cat "$DATA/gap_sklearn.out"
cat "$DATA/gap_sklearn.err"

if [ "$run_segment" = 1 ]; then
  read -r seg_s seg_kb < <(best_of "$RUNS" "$DATA/gap_segment" \
    "$SEGMENT" elbow "$FILE" --features "$FEATURES" --scale none --k-range 1-10 \
    --criteria gap --gap-b "$B" --n-init 1 -o "$DATA/gap_segment_elbow.csv")
  echo "--- segment elbow --criteria gap"
  cat "$DATA/gap_segment_elbow.csv"
  cat "$DATA/gap_segment.err"
fi

echo "---"
printf "%-34s %9s %9s\n" "tool (whole process, best of $RUNS)" "seconds" "peak MB"
printf "%-34s %9.2f %9.0f\n" "scikit-learn (gap_sklearn.py)" "$sk_s" "$((sk_kb / 1024))"
if [ "$run_segment" = 1 ]; then
  printf "%-34s %9.2f %9.0f\n" "segment elbow --criteria gap" "$seg_s" "$((seg_kb / 1024))"
  echo "ratio segment/scikit-learn: $(ratio "$seg_s" "$sk_s")"
fi
