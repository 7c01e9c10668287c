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

swift build -c release --product segment >/dev/null
[ -f "$FILE" ] || "$PY" bench/gen_blobs.py "$FILE" --rows "$ROWS" --dims 2 --centers 20 --std 0.5 --seed 0

measure() {  # measure NAME COMMAND... -> prints "wall_seconds peak_kb"
    local name=$1
    shift
    /usr/bin/time -v "$@" >"$DATA/$name.out" 2>"$DATA/$name.time"
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$DATA/$name.time")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$DATA/$name.time")
    echo "$wall $rss"
}

read -r SEG_WALL SEG_RSS < <(measure dbscan_segment .build/release/segment cluster "$FILE" --algorithm dbscan \
    --eps 0.3 --min-samples 10 --scale none -o "$DATA/dbscan_labels.csv")
read -r REF_WALL REF_RSS < <(measure dbscan_sklearn "$PY" bench/ref_dbscan.py "$FILE" --eps 0.3 --min-samples 10)
REF_JSON=$(cat "$DATA/dbscan_sklearn.out")
REF_INNER=$("$PY" -c 'import json,sys; print(json.loads(sys.argv[1])["seconds"])' "$REF_JSON")

echo "dbscan on $ROWS x 2 ($FILE), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %10s %12s\n' tool wall_s peak_rss_MB
printf '%-34s %10.2f %12.1f\n' "segment (whole process)" "$SEG_WALL" "$(echo "$SEG_RSS / 1024" | bc -l)"
printf '%-34s %10.2f %12.1f\n' "scikit-learn (whole process)" "$REF_WALL" "$(echo "$REF_RSS / 1024" | bc -l)"
printf '%-34s %10.2f\n' "scikit-learn (read_csv + fit)" "$REF_INNER"
printf 'ratio segment/scikit-learn: %.3f (whole processes), %.3f (vs read_csv + fit only)\n' \
    "$(echo "$SEG_WALL / $REF_WALL" | bc -l)" "$(echo "$SEG_WALL / $REF_INNER" | bc -l)"
echo "segment:      $(grep '^dbscan:' "$DATA/dbscan_segment.time")"
echo "scikit-learn: $("$PY" -c 'import json,sys; d=json.loads(sys.argv[1]); print(str(d["n_clusters"]) + " clusters, " + str(d["n_noise"]) + " noise, " + str(d["n_core"]) + " core")' "$REF_JSON")"
