#!/usr/bin/env bash
# Mini-batch k-means benchmark: a file larger than memory budgets, streamed.
#
# 20,000,000 x 8 Gaussian blobs (16 centres, sd 2; bench/data/blobs_20m.csv,
# about 1.7 GB, generated when missing). Runs
#   segment cluster --algorithm minibatch-kmeans --k 16 --scale none -o /dev/null
# under /usr/bin/time -v (peak RSS), then takes a 1,000,000-row sample (every
# 20th row) and runs full k-means (`segment cluster --k 16 --n-init 1`) and
# scikit-learn's MiniBatchKMeans on it. Compares the inertia per row (mean
# squared distance to the nearest centre) of the streamed run on all
# 20,000,000 rows with full k-means on the sample: done means peak < 500 MB
# and a ratio within 2%.
#
# Usage: bench/run_minibatch.sh        (env: PY=python with scikit-learn, ROWS)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROWS=${ROWS:-20000000}
FILE=$DATA/blobs_$((ROWS / 1000000))m.csv
SAMPLE=$DATA/blobs_$((ROWS / 1000000))m_sample.csv
FEATURES=f1,f2,f3,f4,f5,f6,f7,f8

if [ ! -f "$FILE" ]; then
  "$PY" "$BENCH_DIR/gen_blobs.py" "$FILE" --rows "$ROWS" --dims 8 --centers 16 --std 2.0 --seed 0 >&2
fi
build_release

# 1. The streamed run over the whole file.
/usr/bin/time -v -o "$DATA/minibatch_time.txt" "$SEGMENT" cluster "$FILE" --algorithm minibatch-kmeans --k 16 \
  --features "$FEATURES" --scale none -o /dev/null 2> "$DATA/minibatch_stderr.txt"
stream_inertia=$(grep -o 'inertia [0-9.e+-]*' "$DATA/minibatch_stderr.txt" | cut -d' ' -f2)
stream_seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$DATA/minibatch_time.txt")
stream_peak_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$DATA/minibatch_time.txt")

# 2. Full k-means and scikit-learn's MiniBatchKMeans on a 1,000,000-row sample (every 20th row).
step=$((ROWS / 1000000))
awk -v step="$step" 'NR == 1 || (NR - 2) % step == 0' "$FILE" > "$SAMPLE"
sample_rows=$(($(wc -l < "$SAMPLE") - 1))
read -r full_seconds full_peak_kb <<< "$(run_timed "$DATA/minibatch_full" "$SEGMENT" cluster "$SAMPLE" --k 16 --n-init 1 \
  --features "$FEATURES" --scale none -o /dev/null)"
full_inertia=$(grep -o 'inertia [0-9.e+-]*' "$DATA/minibatch_full.err" | cut -d' ' -f2)
"$PY" "$BENCH_DIR/ref_minibatch.py" "$SAMPLE" 16 > "$DATA/minibatch_sklearn.json"

cat "$DATA/minibatch_stderr.txt"
awk -v rows="$ROWS" -v sample="$sample_rows" -v si="$stream_inertia" -v ss="$stream_seconds" -v sp="$stream_peak_kb" \
    -v fi="$full_inertia" -v fs="$full_seconds" -v fp="$full_peak_kb" \
    -v ki="$(json_field "$DATA/minibatch_sklearn.json" inertia)" -v ks="$(json_field "$DATA/minibatch_sklearn.json" seconds)" \
    -v kn="$(json_field "$DATA/minibatch_sklearn.json" n_steps)" 'BEGIN {
  printf "segment minibatch-kmeans, %d rows streamed: %7.1f s, peak %.0f MB, inertia/row %.5f\n", rows, ss, sp / 1024, si / rows
  printf "segment kmeans (n-init 1), %d-row sample:  %7.1f s, peak %.0f MB, inertia/row %.5f\n", sample, fs, fp / 1024, fi / sample
  printf "scikit-learn MiniBatchKMeans, same sample: %7.1f s (read + fit, %d steps), inertia/row %.5f\n", ks, kn, ki / sample
  printf "inertia/row ratio minibatch (all rows) / full k-means (sample): %.4f (%+.2f%%)\n", (si / rows) / (fi / sample), 100 * ((si / rows) / (fi / sample) - 1)
  printf "inertia/row ratio scikit-learn MiniBatchKMeans / full k-means (sample): %.4f\n", (ki / sample) / (fi / sample)
}'
