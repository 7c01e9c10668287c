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
# The reader's two layers compiled as one module: SegmentBase's sources and
# SegmentIO's (their `import SegmentBase` lines dropped) with the entry point.
rm -rf "$OUT/sources" && mkdir -p "$OUT/sources"
for file in $(find Sources/SegmentBase Sources/SegmentIO -name '*.swift' | sort); do
  grep -v '^import SegmentBase$' "$file" > "$OUT/sources/$(echo "${file#Sources/}" | tr / _)"
done
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name SegmentFuzz -package-name segment \
  "$OUT"/sources/*.swift Fuzz/CSVReaderFuzzer.swift -o "$OUT/csv-reader-fuzzer" \
  2> >(grep -v "Cannot export local symbol" >&2)
"$OUT/csv-reader-fuzzer" -max_total_time="$SECONDS_TO_RUN" -max_len=4096 -print_final_stats=1 "$OUT/corpus" 2>&1 | tail -n 12
