#!/usr/bin/env bash
# Ward clustering, segment vs fastcluster.linkage_vector(method="ward"), side by side.
#
# Usage: bench/run_ward.sh [ROWS] [DIMS]        (default 20000 x 8)
# Builds segment in release mode, generates blobs into bench/data/, then runs
#   segment cluster FILE --algorithm agglomerative --linkage ward --k 10 --scale none --linkage-out TREE -o LABELS
#   bench/ref_ward.py FILE   (pandas.read_csv + fastcluster.linkage_vector)
# under /usr/bin/time -v and prints wall time, peak RSS, the ratio segment/fastcluster
# (whole process, and against fastcluster's in-process time, which leaves out
# Python's start-up), and whether the last three merge heights agree.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-20000}
DIMS=${2:-8}
PY=${PY:-bench/.venv/bin/python}
DATA=bench/data
FILE=$DATA/ward_${ROWS}x${DIMS}.csv
mkdir -p "$DATA"

swift build -c release --product segment >/dev/null
[ -f "$FILE" ] || "$PY" bench/gen_blobs.py "$FILE" --rows "$ROWS" --dims "$DIMS" --centers 10 --std 2.0 --seed 0

measure() {  # measure NAME COMMAND... -> prints "wall_seconds peak_kb"
    local log=$DATA/$1.time
    shift
    /usr/bin/time -v "$@" >"$DATA/$(basename "$log" .time).out" 2>"$log"
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    echo "$wall $rss"
}

read -r SEG_WALL SEG_RSS < <(measure ward_segment .build/release/segment cluster "$FILE" --algorithm agglomerative \
    --linkage ward --k 10 --scale none --linkage-out "$DATA/ward_tree.csv" -o "$DATA/ward_labels.csv" -q)
read -r REF_WALL REF_RSS < <(measure ward_fastcluster "$PY" bench/ref_ward.py "$FILE")
REF_JSON=$(cat "$DATA/ward_fastcluster.out")
REF_INNER=$("$PY" -c 'import json,sys; print(json.loads(sys.argv[1])["seconds"])' "$REF_JSON")

echo "ward on $ROWS x $DIMS ($FILE), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %10s %12s\n' tool wall_s peak_rss_MB
printf '%-34s %10.2f %12.1f\n' "segment (whole process)" "$SEG_WALL" "$(echo "$SEG_RSS / 1024" | bc -l)"
printf '%-34s %10.2f %12.1f\n' "fastcluster (whole process)" "$REF_WALL" "$(echo "$REF_RSS / 1024" | bc -l)"
printf '%-34s %10.2f\n' "fastcluster (read_csv + linkage)" "$REF_INNER"
printf 'ratio segment/fastcluster: %.2f (whole processes), %.2f (vs read_csv + linkage only)\n' \
    "$(echo "$SEG_WALL / $REF_WALL" | bc -l)" "$(echo "$SEG_WALL / $REF_INNER" | bc -l)"
"$PY" - "$DATA/ward_tree.csv" "$REF_JSON" <<'PYEOF'
import csv, json, sys
heights = [float(row["distance"]) for row in csv.DictReader(open(sys.argv[1]))][-3:]
reference = json.loads(sys.argv[2])["last3_heights"]
worst = max(abs(a - b) / b for a, b in zip(heights, reference))
print(f"last 3 merge heights: segment {heights}, fastcluster {reference}, max relative difference {worst:.1e}")
PYEOF
