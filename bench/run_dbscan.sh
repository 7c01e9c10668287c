#!/usr/bin/env bash
# DBSCAN, segment vs scikit-learn, side by side.
#
# Usage: bench/run_dbscan.sh [ROWS]        (default 200000; 2-D, 20 blobs, eps 0.3, min_samples 10)
# Builds segment in release mode, generates blobs into bench/data/, then runs
#   segment cluster FILE --algorithm dbscan --eps 0.3 --min-samples 10 --scale none -o LABELS
#   bench/ref_dbscan.py FILE --eps 0.3 --min-samples 10   (pandas.read_csv + sklearn DBSCAN)
# under /usr/bin/time -v and prints wall time, peak RSS, the ratio segment/scikit-learn
# (whole process, and against scikit-learn's in-process time) and both cluster/noise counts.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-200000}
PY=${PY:-bench/.venv/bin/python}
DATA=bench/data
FILE=$DATA/dbscan_${ROWS}x2.csv
mkdir -p "$DATA"

swift build -c release -Xcc -fno-math-errno --product segment >/dev/null
[ -f "$FILE" ] || "$PY" bench/gen_blobs.py "$FILE" --rows "$ROWS" --dims 2 --centers 20 --std 0.5 --seed 0

source bench/compare.sh

read -r SEG_WALL SEG_RSS < <(measure dbscan_segment .build/release/segment cluster "$FILE" --algorithm dbscan \
    --eps 0.3 --min-samples 10 --scale none -o "$DATA/dbscan_labels.csv")
read -r REF_WALL REF_RSS < <(measure dbscan_sklearn "$PY" bench/ref_dbscan.py "$FILE" --eps 0.3 --min-samples 10)
REF_JSON=$(cat "$DATA/dbscan_sklearn.out")
REF_INNER=$("$PY" -c 'import json,sys; print(json.loads(sys.argv[1])["seconds"])' "$REF_JSON")

print_comparison "dbscan on $ROWS x 2 ($FILE)" "$SEG_WALL" "$SEG_RSS" scikit-learn "$REF_WALL" "$REF_RSS" "read_csv + fit" "$REF_INNER"
echo "segment:      $(grep '^dbscan:' "$DATA/dbscan_segment.time")"
echo "scikit-learn: $("$PY" -c 'import json,sys; d=json.loads(sys.argv[1]); print(str(d["n_clusters"]) + " clusters, " + str(d["n_noise"]) + " noise, " + str(d["n_core"]) + " core")' "$REF_JSON")"
