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

swift build -c release -Xcc -fno-math-errno --product segment >/dev/null
[ -f "$FILE" ] || "$PY" bench/gen_blobs.py "$FILE" --rows "$ROWS" --dims "$DIMS" --centers 10 --std 2.0 --seed 0

source bench/compare.sh

read -r SEG_WALL SEG_RSS < <(measure ward_segment .build/release/segment cluster "$FILE" --algorithm agglomerative \
    --linkage ward --k 10 --scale none --linkage-out "$DATA/ward_tree.csv" -o "$DATA/ward_labels.csv" -q)
read -r REF_WALL REF_RSS < <(measure ward_fastcluster "$PY" bench/ref_ward.py "$FILE")
REF_JSON=$(cat "$DATA/ward_fastcluster.out")
REF_INNER=$("$PY" -c 'import json,sys; print(json.loads(sys.argv[1])["seconds"])' "$REF_JSON")

print_comparison "ward on $ROWS x $DIMS ($FILE)" "$SEG_WALL" "$SEG_RSS" fastcluster "$REF_WALL" "$REF_RSS" "read_csv + linkage" "$REF_INNER"
"$PY" - "$DATA/ward_tree.csv" "$REF_JSON" <<'PYEOF'
import csv, json, sys
heights = [float(row["distance"]) for row in csv.DictReader(open(sys.argv[1]))][-3:]
reference = json.loads(sys.argv[2])["last3_heights"]
worst = max(abs(a - b) / b for a, b in zip(heights, reference))
print(f"last 3 merge heights: segment {heights}, fastcluster {reference}, max relative difference {worst:.1e}")
PYEOF
