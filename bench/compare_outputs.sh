#!/usr/bin/env bash
# compare_outputs.sh OLD_BINARY NEW_BINARY: runs the same end-to-end commands
# on the bundled fixtures with two builds of segment and reports any byte of
# standard output, standard error, exit code or written file that differs.
# Used to show a refactor changes no output (e.g. issue 21's module split).
set -uo pipefail
OLD=$(realpath "$1"); NEW=$(realpath "$2")
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
F="$ROOT/Fixtures"
AIS='--features "Annual Income (k$),Spending Score (1-100)" --scale none'
COMMANDS=(
  "segment inspect $F/mall_customers.csv"
  "segment inspect --format json $F/mall_customers.csv"
  "segment inspect $F/purchases.csv --format csv"
  "segment cluster $F/mall_customers.csv --k 5 --model mall.json --centers centers.csv -o segments.csv"
  "segment assign --model mall.json $F/mall_customers.csv"
  "segment assign --model mall.json --format jsonl $F/mall_customers.csv"
  "segment cluster $F/mall_customers.csv $AIS --k auto"
  "segment cluster $F/mall_customers.csv $AIS --k auto --select silhouette --threads 1"
  "segment cluster $F/mall_customers.csv $AIS --algorithm agglomerative --linkage ward --k 5 --linkage-out tree.csv"
  "segment cluster $F/mall_customers.csv $AIS --algorithm agglomerative --linkage average --k 4 --format json"
  "segment cluster $F/mall_customers.csv --algorithm dbscan --eps auto --model db.json"
  "segment assign --model db.json $F/mall_customers.csv"
  "segment cluster $F/mall_customers.csv --algorithm birch --threshold 0.5 --k 5"
  "segment cluster $F/mall_customers.csv --algorithm minibatch-kmeans --k 4 --batch-size 64 --model mb.json -o mb.csv"
  "segment cluster $F/purchases.csv --features quantity,amount --k 3 --format table"
  "segment elbow $F/mall_customers.csv $AIS --plot elbow.svg"
  "segment select-k $F/mall_customers.csv --k-range 2-8 --format csv"
  "segment profile --label-column segment segments.csv"
  "segment profile --format json segments.csv"
  "segment profile --format markdown segments.csv"
  "segment rfm $F/purchases.csv"
  "segment rfm --as-of 2026-01-01 --format json $F/purchases.csv"
  "segment recommend --purchases $F/purchases.csv --catalog $F/products.csv --top 5"
  "segment recommend --purchases $F/purchases.csv --segments segments.csv --method hybrid --catalog $F/products.csv"
  "segment recommend --purchases $F/purchases.csv --catalog $F/products.csv --segments segments.csv --evaluate"
  "segment recommend --purchases $F/purchases.csv --method knn --catalog $F/products.csv --evaluate"
  "segment report $F/mall_customers.csv $AIS --k auto -o report.html"
  "segment report $F/mall_customers.csv --k 5 --purchases $F/purchases.csv --catalog $F/products.csv -o report2.html"
  "segment scale $F/mall_customers.csv --features Age,Gender --scale minmax"
  "segment scale --scale robust -o scaled.csv $F/mall_customers.csv"
  "segment score segments.csv --label-column segment --truth Gender"
  "segment cluster $F/mall_customers.csv --k 0"
  "segment cluster $F/mall_customers.csv --algorithm dbscan --eps -1"
  "segment cluster $F/mall_customers.csv --features Nope"
  "segment cluster $F/missing.csv"
  "segment cluster $F/mall_customers.csv --bogus"
  "segment help cluster"
)
run_all() { # BINARY DIR
  mkdir -p "$2"; cd "$2"
  local i=0
  for command in "${COMMANDS[@]}"; do
    i=$((i + 1))
    eval "${command/#segment/\"$1\"}" > "out.$i" 2> "err.$i" < /dev/null
    echo $? > "rc.$i"
  done
}
run_all "$OLD" "$WORK/old"; run_all "$NEW" "$WORK/new"
status=0
for file in $(cd "$WORK/old" && ls); do
  if ! cmp -s "$WORK/old/$file" "$WORK/new/$file"; then
    status=1; n=${file##*.}; what="written file"
    [[ $n =~ ^[0-9]+$ ]] && what=${COMMANDS[$((n - 1))]}
    echo "DIFFERS: $file ($what)"
    diff <(head -c 2000 "$WORK/old/$file") <(head -c 2000 "$WORK/new/$file") | head -8
  fi
done
[ "$(cd "$WORK/old" && ls)" == "$(cd "$WORK/new" && ls)" ] || { echo "DIFFERS: the files written"; status=1; }
echo "$(ls "$WORK/old" | wc -l) outputs of ${#COMMANDS[@]} commands compared: $([ $status = 0 ] && echo identical || echo DIFFERENT)"
exit $status
