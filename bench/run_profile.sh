#!/usr/bin/env bash
# Benchmark `segment profile` and `segment report` against pandas groupby
# (mean, median, value_counts) on a labelled table. Usage:
#   bench/run_profile.sh [rows=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
PY=${PY:-bench/.venv/bin/python}
DATA=bench/data/profile_${ROWS}.csv

swift build -c release -Xcc -fno-math-errno --product segment >/dev/null
[ -f "$DATA" ] || "$PY" bench/gen_profile_data.py "$DATA" "$ROWS"

measure() {  # label, command... → prints "label seconds peak_kB"
    local label=$1; shift
    /usr/bin/time -f "%e %M" -o /tmp/segment-bench-time "$@" >/dev/null
    read -r seconds kilobytes </tmp/segment-bench-time
    printf '%-18s %8.2f s %10d kB\n' "$label" "$seconds" "$kilobytes"
    echo "$seconds"  >/tmp/segment-bench-last
}

echo "rows: $ROWS ($DATA)"
measure "segment profile" .build/release/segment profile "$DATA" --format csv -q
profile=$(cat /tmp/segment-bench-last)
measure "segment report" .build/release/segment report "$DATA" -q -o /tmp/segment-bench-report.html
measure "pandas groupby" "$PY" -c "
import sys, pandas as pd
df = pd.read_csv(sys.argv[1])
cols = ['Age', 'Annual Income (k\$)', 'Spending Score (1-100)']
g = df.groupby('segment')
g[cols].mean(); g[cols].median(); g['Gender'].value_counts(normalize=True)
" "$DATA"
pandas=$(cat /tmp/segment-bench-last)
awk -v a="$profile" -v b="$pandas" 'BEGIN { printf "ratio profile/pandas: %.2f\n", a / b }'
