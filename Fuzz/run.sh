#!/usr/bin/env bash
# Builds the libFuzzer target for the CSV reader and runs it for a bounded time.
# Usage: Fuzz/run.sh [seconds=60]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-60}
OUT=.build/fuzz
mkdir -p "$OUT/corpus"
cp Fixtures/mall_customers.csv "$OUT/corpus/" 2>/dev/null || true
printf 'a,"b\n""c""",d\r\n1,2,3\r\n' > "$OUT/corpus/quoted.csv"
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name SegmentFuzz \
  $(find Sources/SegmentCore -name '*.swift' | sort) Fuzz/CSVReaderFuzzer.swift -o "$OUT/csv-reader-fuzzer" \
  2> >(grep -v "Cannot export local symbol" >&2)
"$OUT/csv-reader-fuzzer" -max_total_time="$SECONDS_TO_RUN" -max_len=4096 -print_final_stats=1 "$OUT/corpus" 2>&1 | tail -n 12
