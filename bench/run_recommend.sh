#!/usr/bin/env bash
# Benchmark: `segment recommend --method tfidf` against the scikit-learn pipeline
# (bench/ref_recommend.py: TfidfTransformer(sublinear_tf=True) + NearestNeighbors(cosine, brute)
# + sparse scoring), side by side on the same generated purchase log.
#
# Usage: bench/run_recommend.sh            # 50,000 customers x 10,000 items x 1,000,000 purchases
#        CUSTOMERS=5000 ITEMS=1000 PURCHASES=100000 bench/run_recommend.sh   # quick smoke run
# Env: PY (default bench/.venv/bin/python), THREADS (default: all cores).
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${CUSTOMERS:-50000}
ITEMS=${ITEMS:-10000}
PURCHASES=${PURCHASES:-1000000}
THREADS=${THREADS:-$(nproc)}
PY=${PY:-bench/.venv/bin/python}
DATA=bench/data
mkdir -p "$DATA"
FILE=$DATA/purchases_${CUSTOMERS}_${ITEMS}_${PURCHASES}.csv

swift build -c release -Xcc -fno-math-errno --product segment >&2
[ -f "$FILE" ] || "$PY" bench/gen_purchases.py "$FILE" --customers "$CUSTOMERS" --items "$ITEMS" --purchases "$PURCHASES"

# Peak resident memory (MB) and wall seconds from /usr/bin/time -v output.
peak_mb() { awk -F: '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }
wall_s() { awk '/Elapsed \(wall clock\)/ {n = split($NF, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s}' "$1"; }

echo "segment recommend: $CUSTOMERS customers x $ITEMS items x $PURCHASES purchases, --top 10 --neighbors 20, $THREADS threads" >&2
/usr/bin/time -v -o "$DATA/time_segment.txt" .build/release/segment recommend --purchases "$FILE" \
    --method tfidf --top 10 --neighbors 20 --threads "$THREADS" -q -o "$DATA/recs_segment.csv"
echo "scikit-learn reference (brute-force cosine; minutes at 50k customers) ..." >&2
/usr/bin/time -v -o "$DATA/time_sklearn.txt" "$PY" bench/ref_recommend.py "$FILE" --top 10 --neighbors 20 \
    --threads "$THREADS" --out "$DATA/recs_sklearn.csv" > "$DATA/ref_recommend.json"

SEG_S=$(wall_s "$DATA/time_segment.txt"); SEG_MB=$(peak_mb "$DATA/time_segment.txt")
REF_S=$(wall_s "$DATA/time_sklearn.txt"); REF_MB=$(peak_mb "$DATA/time_sklearn.txt")
printf '%-14s %10s %12s\n' tool seconds peak_MB
printf '%-14s %10s %12s\n' segment "$SEG_S" "$SEG_MB"
printf '%-14s %10s %12s\n' scikit-learn "$REF_S" "$REF_MB"
awk -v a="$SEG_S" -v b="$REF_S" 'BEGIN {printf "ratio segment/scikit-learn: %.3f (goal <= 0.5)\n", a / b}'
REF_INNER=$("$PY" -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["seconds"], 2))' "$DATA/ref_recommend.json")
awk -v a="$SEG_S" -v b="$REF_INNER" 'BEGIN {printf "ratio against the pipeline alone (%.2f s, without Python start-up and imports): %.3f\n", b, a / b}'
echo "scikit-learn phases: $(cat "$DATA/ref_recommend.json")"

# Correctness: overlap of the top-10 lists (tfidf rows only) on a sample of 2,000 customers.
"$PY" - "$DATA/recs_segment.csv" "$DATA/recs_sklearn.csv" <<'PYEOF'
import sys
import numpy as np
import pandas as pd
seg = pd.read_csv(sys.argv[1], dtype={"customer": str, "item": str})
ref = pd.read_csv(sys.argv[2], dtype={"customer_id": str, "product_id": str})
seg = seg[seg["method"] == "tfidf"]
s = seg.groupby("customer")["item"].apply(set)
r = ref.groupby("customer_id")["product_id"].apply(set)
sample = np.random.default_rng(0).choice(np.array(sorted(set(r.index) | set(s.index))), size=min(2000, len(r)), replace=False)
overlaps, exact = [], 0
for c in sample:
    a, b = s.get(c, set()), r.get(c, set())
    n = max(len(a), len(b))
    overlaps.append(len(a & b) / n if n else 1.0)
    exact += a == b
print(f"top-10 overlap on {len(sample)} sampled customers: mean {np.mean(overlaps):.4f}, identical sets {exact}/{len(sample)}")
m = seg.merge(ref, left_on=["customer", "rank"], right_on=["customer_id", "rank"])
same = m[m["item"] == m["product_id"]]
print(f"rows with the same item at the same rank: {len(same)}/{len(ref)}; max |score difference| there: {np.abs(same['score_x'] - same['score_y']).max():.2e}")
PYEOF
