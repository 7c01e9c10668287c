#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for a bounded time:
#   csv-reader     Fuzz/CSVReaderFuzzer.swift    the CSV readers (SegmentIO)
#   model-reader   Fuzz/ModelReaderFuzzer.swift  the saved-model reader (SegmentCore)
#   purchase-log   Fuzz/PurchaseLogFuzzer.swift  the purchase-log reader and RFM (SegmentAlgorithms)
# Usage: Fuzz/run.sh [seconds per target=40] [target...]   (default: all three)
# A target that finds something prints the report and its input is left in
# .build/fuzz/<target>/ as crash-*, leak-*, timeout-* or oom-* (keep it under
# Fuzz/findings/ when reporting it); the other targets still run, and the
# script exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-40}
shift $(( $# > 0 ? 1 : 0 ))
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(csv-reader model-reader purchase-log)
OUT=.build/fuzz
mkdir -p "$OUT"

# Each target's layers compiled as one module: their sources with the
# `import SegmentBase`-style lines between them dropped (SegmentCore's
# Exports.swift is only such lines), plus the entry point.
layers() {
  case "$1" in
    csv-reader) echo "SegmentBase SegmentIO" ;;
    purchase-log) echo "SegmentBase SegmentIO SegmentAlgorithms" ;;
    model-reader) echo "SegmentBase SegmentIO SegmentAlgorithms SegmentCore" ;;
    *) echo "unknown fuzz target '$1' (csv-reader, model-reader, purchase-log)" >&2; exit 2 ;;
  esac
}
entry() {
  case "$1" in
    csv-reader) echo Fuzz/CSVReaderFuzzer.swift ;;
    model-reader) echo Fuzz/ModelReaderFuzzer.swift ;;
    purchase-log) echo Fuzz/PurchaseLogFuzzer.swift ;;
  esac
}
build() {
  local target=$1 sources="$OUT/$1/sources" layer file
  rm -rf "$sources" && mkdir -p "$sources"
  for layer in $(layers "$target"); do
    for file in $(find "Sources/$layer" -name '*.swift' | sort); do
      grep -vE '^(@_exported )?import Segment(Base|IO|Algorithms|Core)$' "$file" \
        > "$sources/$(echo "${file#Sources/}" | tr / _)" || true
    done
  done
  # Whole-module: about half the time of per-file compiles (93 s → 49 s for
  # model-reader on two cores).
  swiftc -sanitize=fuzzer,address -parse-as-library -O -wmo -num-threads "$(nproc 2>/dev/null || echo 2)" \
    -module-name SegmentFuzz -package-name segment \
    "$sources"/*.swift "$(entry "$target")" -o "$OUT/$target/fuzzer" \
    2> >(grep -v "Cannot export local symbol" >&2)
}

# Seed corpora, in .build/fuzz/<target>/corpus (libFuzzer adds the inputs
# that reach new code to them, so they grow from run to run).
seed() {
  local corpus="$OUT/$1/corpus"
  mkdir -p "$corpus"
  case "$1" in
    csv-reader)
      cp Fixtures/mall_customers.csv "$corpus/"
      printf 'a,"b\n""c""",d\r\n1,2,3\r\n' > "$corpus/quoted.csv"
      ;;
    model-reader)
      # Models checked in (k-means, one-hot with min-max scaling, robust
      # scaling with mean fills, DBSCAN core points, k-prototypes and
      # k-medoids with category codes), and the same jobs'
      # models from the release binary when it is built, in the format of
      # the sources at hand.
      cp Fuzz/corpus/model/*.json "$corpus/"
      local segment=.build/release/segment mall=Fixtures/mall_customers.csv small="$OUT/model-reader/mall-head.csv"
      if [ -x "$segment" ]; then
        head -n 41 "$mall" > "$small"
        "$segment" cluster "$mall" --k 3 --model "$corpus/kmeans-release.json" -q -o /dev/null || true
        "$segment" cluster "$mall" --k 2 --features Gender,Age --scale minmax --model "$corpus/onehot-release.json" -q -o /dev/null || true
        "$segment" cluster "$mall" --algorithm agglomerative --k 4 --missing mean --scale robust \
          --model "$corpus/agglomerative-release.json" -q -o /dev/null || true
        "$segment" cluster "$small" --algorithm dbscan --features 'Annual Income (k$),Spending Score (1-100)' \
          --model "$corpus/dbscan-release.json" -q -o /dev/null || true
        "$segment" cluster "$small" --algorithm kprototypes --k 3 --model "$corpus/kprototypes-release.json" -q -o /dev/null || true
        "$segment" cluster "$small" --algorithm kmedoids --k 3 --missing keep --model "$corpus/kmedoids-release.json" -q -o /dev/null || true
      fi
      ;;
    purchase-log)
      # The fixture's header and first rows (the whole file exceeds -max_len),
      # and logs with a price instead of an amount, times of day, quotes,
      # returns (negative quantities), ids with leading zeros, and missing ids.
      head -n 40 Fixtures/purchases.csv > "$corpus/purchases-head.csv"
      printf 'user_id,sku,qty,order_date,price\n007,A,2,2024-02-29,1.5\n7,B,-1,2024-03-01T10:30:00Z,2\n10,A,1,2023-12-31 23:59:59.5,0\n' \
        > "$corpus/price.csv"
      printf 'Client ID,"Product, name",Quantity,Date,Total\n"c 1","p ""1""",1,2025-01-01,10\nc2,p2,3,2025-06-30,NA\n,p3,1,2025-07-01,1\n' \
        > "$corpus/quoted.csv"
      printf 'customer\tproduct\tdate\tspend\n1\tx\t2024-01-01\t1e3\n2\tx\t1999-12-31\t5\n' > "$corpus/tabs.tsv"
      ;;
  esac
}

# Values the model reader's JSON needs, so mutations make well-formed models.
DICT_model_reader=Fuzz/model.dict

status=0
for target in "${TARGETS[@]}"; do
  layers "$target" > /dev/null
  echo "-- $target: building"
  build "$target"
  seed "$target"
  # An input of at most 4 KiB that takes 10 s is a finding too (timeout-*).
  options=(-max_total_time="$SECONDS_PER_TARGET" -max_len=4096 -timeout=10 -print_final_stats=1
           -artifact_prefix="$OUT/$target/")
  dict="DICT_${target//-/_}"
  [ -n "${!dict:-}" ] && options+=(-dict="${!dict}")
  echo "-- $target: fuzzing for $SECONDS_PER_TARGET s"
  if ! "$OUT/$target/fuzzer" "${options[@]}" "$OUT/$target/corpus" > "$OUT/$target/log" 2>&1; then
    status=1
    echo "-- $target: FOUND A PROBLEM (full log: $OUT/$target/log)"
    grep -A 40 -E '^==[0-9]+==ERROR|Fatal error|deadly signal|ERROR: libFuzzer' "$OUT/$target/log" | head -n 60 || true
    ls "$OUT/$target"/{crash,leak,timeout,oom}-* 2>/dev/null || true
  fi
  tail -n 12 "$OUT/$target/log"
done
exit $status
