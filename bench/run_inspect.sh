#!/usr/bin/env bash
# segment inspect vs pandas.read_csv on a 1,000,000 x 10 CSV (~70 MB).
# Usage: bench/run_inspect.sh [rows]
source "$(dirname "$0")/lib.sh"
ROWS=${1:-1000000}
FILE="$DATA/inspect_$ROWS.csv"
build_release
[ -f "$FILE" ] || "$PY" "$BENCH_DIR/gen_inspect_data.py" "$FILE" "$ROWS" >&2
MB=$(awk -v b="$(stat -L -c %s "$FILE")" 'BEGIN { printf "%.1f", b / 1e6 }')
cat "$FILE" > /dev/null   # warm the page cache for both sides

read -r seg_s seg_kb < <(best_of 5 "$DATA/inspect_segment" "$SEGMENT" inspect "$FILE" -q --format csv)
read -r seg1_s seg1_kb < <(best_of 5 "$DATA/inspect_segment1" "$SEGMENT" inspect "$FILE" -q --format csv --threads 1)
best_read=""; best_total=""
for _ in 1 2 3 4 5; do
  "$PY" "$BENCH_DIR/ref_inspect.py" "$FILE" > "$DATA/inspect_pandas.json"
  r=$(json_field "$DATA/inspect_pandas.json" read_csv_s); t=$(json_field "$DATA/inspect_pandas.json" seconds)
  if [ -z "$best_read" ] || awk -v a="$r" -v b="$best_read" 'BEGIN { exit !(a < b) }'; then best_read=$r; fi
  if [ -z "$best_total" ] || awk -v a="$t" -v b="$best_total" 'BEGIN { exit !(a < b) }'; then best_total=$t; fi
done
echo "inspect benchmark: $ROWS rows, $MB MB ($(nproc) cores), best of 5"
printf "%-44s %8s %10s %9s\n" "run" "seconds" "MB/s" "peak MB"
printf "%-44s %8.3f %10.1f %9.0f\n" "segment inspect (all cores)" "$seg_s" "$(awk -v m="$MB" -v s="$seg_s" 'BEGIN{print m/s}')" "$((seg_kb / 1024))"
printf "%-44s %8.3f %10.1f %9.0f\n" "segment inspect --threads 1" "$seg1_s" "$(awk -v m="$MB" -v s="$seg1_s" 'BEGIN{print m/s}')" "$((seg1_kb / 1024))"
printf "%-44s %8.3f %10.1f\n" "pandas.read_csv" "$best_read" "$(awk -v m="$MB" -v s="$best_read" 'BEGIN{print m/s}')"
printf "%-44s %8.3f\n" "pandas.read_csv + describe(include='all')" "$best_total"
echo "ratio segment / read_csv:            $(ratio "$seg_s" "$best_read")"
echo "ratio segment --threads 1 / read_csv: $(ratio "$seg1_s" "$best_read")"
echo "ratio segment / (read_csv+describe): $(ratio "$seg_s" "$best_total")"
