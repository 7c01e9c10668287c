# Shared helpers for the bench/run_*.sh drivers (source it).
# Builds segment in release mode, finds the Python venv, and times commands.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
PY="${PY:-$BENCH_DIR/.venv/bin/python}"
SEGMENT="$ROOT/.build/release/segment"
DATA="$BENCH_DIR/data"
mkdir -p "$DATA"

if [ ! -x "$PY" ]; then
  echo "missing $PY: python3 -m venv bench/.venv && bench/.venv/bin/pip install -r bench/requirements.txt" >&2
  exit 1
fi

build_release() {
  (cd "$ROOT" && swift build -c release -Xcc -fno-math-errno ${SWIFT_BUILD_FLAGS:-} >&2)
}

# run_timed OUT_PREFIX CMD...: runs CMD, stdout to OUT_PREFIX.out, prints "seconds peak_kb".
run_timed() {
  local prefix=$1; shift
  /usr/bin/time -f "%e %M" -o "$prefix.time" "$@" > "$prefix.out" 2> "$prefix.err" || {
    echo "command failed: $*" >&2; cat "$prefix.err" >&2; exit 1; }
  cat "$prefix.time"
}

# best_of N OUT_PREFIX CMD...: the fastest of N runs, as "seconds peak_kb".
best_of() {
  local n=$1 prefix=$2; shift 2
  local best="" line
  for _ in $(seq "$n"); do
    line=$(run_timed "$prefix" "$@")
    if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then best=$line; fi
  done
  echo "$best"
}

# json_field FILE KEY: a top-level number from a one-line JSON file.
json_field() {
  "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
