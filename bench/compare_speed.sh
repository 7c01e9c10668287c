#!/usr/bin/env bash
# compare_speed.sh OLD_BINARY NEW_BINARY [RUNS=3]: times two builds of segment
# on the k-means, inspect, ward, DBSCAN and tfidf benchmark jobs, alternating,
# best of RUNS each, and prints new/old per job. A job's ratio to its
# reference (bench/README.md) moves by the same factor, so this shows whether
# a refactor held the speed (issue 21: within 10%).
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=$(realpath "$1"); NEW=$(realpath "$2"); RUNS=${3:-3}
PY=${PY:-bench/.venv/bin/python}
D=bench/data; mkdir -p "$D"
# Outputs go to a regular file, never -o /dev/null: builds before 0.4.0
# renamed their temporary file over /dev/null itself (issue 23, defect 1).
OUT=$(mktemp -d); trap 'rm -rf "$OUT"' EXIT
[ -f $D/kmeans_1000000x8.csv ] || "$PY" bench/gen_blobs.py $D/kmeans_1000000x8.csv --rows 1000000 --dims 8 --centers 16 --std 4.0 --seed 0 --init-out $D/kmeans_1000000x8_init.csv --k 16
[ -f $D/inspect_1000000.csv ] || "$PY" bench/gen_inspect_data.py $D/inspect_1000000.csv 1000000
[ -f $D/ward_20000x8.csv ] || "$PY" bench/gen_blobs.py $D/ward_20000x8.csv --rows 20000 --dims 8 --centers 10 --std 2.0 --seed 0
[ -f $D/dbscan_200000x2.csv ] || "$PY" bench/gen_blobs.py $D/dbscan_200000x2.csv --rows 200000 --dims 2 --centers 20 --std 0.5 --seed 0
[ -f $D/purchases_bench.csv ] || "$PY" bench/gen_purchases.py $D/purchases_bench.csv --customers 20000 --items 5000 --purchases 400000
JOBS=(
  "kmeans|cluster $D/kmeans_1000000x8.csv --k 16 --init $D/kmeans_1000000x8_init.csv --n-init 1 --method lloyd --scale none -o $OUT/out.csv"
  "inspect|inspect $D/inspect_1000000.csv --format csv"
  "ward|cluster $D/ward_20000x8.csv --algorithm agglomerative --linkage ward --k 10 --scale none -o $OUT/out.csv"
  "dbscan|cluster $D/dbscan_200000x2.csv --algorithm dbscan --eps 0.3 --min-samples 10 --scale none -o $OUT/out.csv"
  "tfidf|recommend --purchases $D/purchases_bench.csv --method tfidf --top 10 -o $OUT/out.csv"
)
seconds() { /usr/bin/time -f "%e" -o /tmp/compare_speed.time "$@" > /dev/null 2>&1; cat /tmp/compare_speed.time; }
printf "%-8s %8s %8s %8s\n" job old_s new_s new/old
for job in "${JOBS[@]}"; do
  name=${job%%|*}; args=${job#*|}
  best_old=999999; best_new=999999
  for _ in $(seq "$RUNS"); do
    t=$(seconds $OLD $args); best_old=$(awk -v a="$t" -v b="$best_old" 'BEGIN{print (a<b)?a:b}')
    t=$(seconds $NEW $args); best_new=$(awk -v a="$t" -v b="$best_new" 'BEGIN{print (a<b)?a:b}')
  done
  printf "%-8s %8s %8s %8.3f\n" "$name" "$best_old" "$best_new" "$(awk -v a="$best_new" -v b="$best_old" 'BEGIN{print a/b}')"
done
