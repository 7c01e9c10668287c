#!/usr/bin/env bash
# K-means benchmark: `segment cluster` against scikit-learn, side by side.
#
# 1,000,000 x 8 overlapping Gaussian blobs (16 centres, sd 4 in a [-10, 10]^8
# box), k = 16, both runs started from the same 16 centres (--init FILE /
# KMeans(init=array, n_init=1), Lloyd, tol 1e-4, max_iter 300). Times the whole
# job from the CSV file: segment reads, clusters and writes every labelled row;
# scikit-learn runs pandas.read_csv + KMeans.fit. Prints both times, the ratio
# segment/scikit-learn, both inertias and their relative difference, and
# segment's peak memory. Each side runs RUNS times (default 3), alternating; the
# best time of each is reported.
#
# Usage: bench/run_kmeans.sh            (env: PY=python with scikit-learn, ROWS, RUNS, PORTABLE=1)
# PORTABLE=1 builds without -march=x86-64-v3 (SSE2 only) and without -static-stdlib.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-bench/.venv/bin/python}
ROWS=${ROWS:-1000000}
DATA=bench/data/kmeans_${ROWS}x8.csv
INIT=bench/data/kmeans_${ROWS}x8_init.csv
OUT=bench/data/kmeans_${ROWS}x8_segments.csv
mkdir -p bench/data

if [[ ! -f $DATA || ! -f $INIT ]]; then
    "$PY" bench/gen_blobs.py "$DATA" --rows "$ROWS" --dims 8 --centers 16 --std 4.0 --seed 0 --init-out "$INIT" --k 16
fi

if [[ ${PORTABLE:-0} == 1 ]]; then
    swift build -c release -Xcc -fno-math-errno >&2
    BIN=.build/release/segment
else
    swift build -c release --scratch-path .build-v3 -Xcc -fno-math-errno -Xcc -march=x86-64-v3 -Xswiftc -static-stdlib >&2
    BIN=.build-v3/release/segment
fi

# Warm the page cache so neither tool pays for the first read of the file.
cat "$DATA" > /dev/null

# Best of RUNS (default 3) for each side, alternating.
best_seconds=""; reference=""
for _ in $(seq "${RUNS:-3}"); do
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o bench/data/kmeans_time.txt \
        "$BIN" cluster "$DATA" --features f1,f2,f3,f4,f5,f6,f7,f8 --scale none --init "$INIT" --n-init 1 \
        -o "$OUT" 2> bench/data/kmeans_segment_stderr.txt
    end=$(date +%s.%N)
    seconds=$(echo "$end - $start" | bc -l)
    if [[ -z $best_seconds ]] || (( $(echo "$seconds < $best_seconds" | bc -l) )); then best_seconds=$seconds; fi
    run=$("$PY" bench/ref_kmeans.py "$DATA" "$INIT" 16)
    if [[ -z $reference ]] || (( $(echo "$(echo "$run" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["seconds"])') < $(echo "$reference" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["seconds"])')" | bc -l) )); then reference=$run; fi
done

SEGMENT_SECONDS=$best_seconds \
SEGMENT_PEAK_KB=$(tail -1 bench/data/kmeans_time.txt) \
SEGMENT_STDERR=$(cat bench/data/kmeans_segment_stderr.txt) \
REFERENCE=$reference "$PY" - <<'PY'
import json, os, re
ref = json.loads(os.environ["REFERENCE"])
ours = float(os.environ["SEGMENT_SECONDS"])
stderr = os.environ["SEGMENT_STDERR"]
inertia = float(re.search(r"inertia ([0-9.e+-]+)", stderr).group(1))
print(stderr)
print(f"segment:      {ours:7.3f} s  (read, cluster, write {ref['rows']:,} labelled rows; peak {int(os.environ['SEGMENT_PEAK_KB']) / 1024:.0f} MiB)")
print(f"scikit-learn: {ref['seconds']:7.3f} s  (read_csv {ref['read_csv_s']:.3f} s + fit {ref['fit_s']:.3f} s, {ref['n_iter']} iterations, threads {ref['threads']})")
print(f"ratio segment/scikit-learn: {ours / ref['seconds']:.2f}")
print(f"inertia: segment {inertia:.4f}, scikit-learn {ref['inertia']:.4f}, relative difference {abs(inertia - ref['inertia']) / ref['inertia']:.2e}")
PY
