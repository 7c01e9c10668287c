#!/usr/bin/env bash
# Exact silhouette benchmark: `segment score` against scikit-learn's
# silhouette_score, side by side, on 20,000 x 8 labelled Gaussian blobs
# (8 centres, sd 2). Times the whole job from the CSV file (segment score
# also prints Calinski-Harabasz and Davies-Bouldin; scikit-learn runs
# pandas.read_csv + silhouette_score). Prints both times, the ratio and both
# silhouettes with their absolute difference.
#
# Usage: bench/run_silhouette.sh         (env: PY=python with scikit-learn, ROWS, PORTABLE=1)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-bench/.venv/bin/python}
ROWS=${ROWS:-20000}
DATA=bench/data/silhouette_${ROWS}x8.csv
mkdir -p bench/data

if [[ ! -f $DATA ]]; then
    "$PY" bench/gen_blobs.py "$DATA" --rows "$ROWS" --dims 8 --centers 8 --std 2.0 --seed 1 --labels
fi

if [[ ${PORTABLE:-0} == 1 ]]; then
    swift build -c release -Xcc -fno-math-errno >&2
    BIN=.build/release/segment
else
    swift build -c release --scratch-path .build-v3 -Xcc -fno-math-errno -Xcc -march=x86-64-v3 -Xswiftc -static-stdlib >&2
    BIN=.build-v3/release/segment
fi

start=$(date +%s.%N)
scores=$("$BIN" score "$DATA" --label-column label --features f1,f2,f3,f4,f5,f6,f7,f8 --scale none --format csv -q)
end=$(date +%s.%N)
reference=$("$PY" bench/ref_silhouette.py "$DATA")

SEGMENT_SECONDS=$(echo "$end - $start" | bc -l) SCORES=$scores REFERENCE=$reference "$PY" - <<'PY'
import json, os
ref = json.loads(os.environ["REFERENCE"])
ours = float(os.environ["SEGMENT_SECONDS"])
values = dict(line.split(",") for line in os.environ["SCORES"].splitlines()[1:])
silhouette = float(values["silhouette"])
print(f"segment:      {ours:7.3f} s  (read + exact silhouette, Calinski-Harabasz, Davies-Bouldin of {ref['rows']:,} rows)")
print(f"scikit-learn: {ref['seconds']:7.3f} s  (read_csv {ref['read_csv_s']:.3f} s + silhouette_score {ref['silhouette_s']:.3f} s)")
print(f"ratio segment/scikit-learn: {ours / ref['seconds']:.2f}")
print(f"silhouette: segment {silhouette:.12f}, scikit-learn {ref['silhouette']:.12f}, difference {abs(silhouette - ref['silhouette']):.1e}")
PY
