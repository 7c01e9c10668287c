#!/usr/bin/env bash
# Mixed numeric + categorical clustering, segment next to the Python references
# (kmodes 0.12.2 KPrototypes; gower 0.1.2 + kmedoids 0.5.5 fasterpam), whole
# processes, one run each, on this machine (2 cores). Data in bench/data/mixed
# (never committed). SKIP_1M=1 skips the 1,000,000-row k-prototypes run,
# SKIP_REF_20K=1 the reference's 20,000-row Gower matrix.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
build_release
OUT="$DATA/mixed"
mkdir -p "$OUT"
THREADS=${THREADS:-2}

field() { "$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$1" "$2"; }
summary_number() { grep -o "$2 [0-9.e+-]*" "$1" | tail -1 | cut -d' ' -f2; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
ari() { "$PY" "$BENCH_DIR/ref_mixed.py" ari "$1" "$2" | "$PY" -c "import json,sys; print('%.4f' % json.load(sys.stdin)['ari'])"; }

[ -f "$OUT/salaries.csv" ] || "$PY" "$BENCH_DIR/prepare_salaries.py" "$OUT/salaries.csv"
[ -f "$OUT/mixed_50k.csv" ] || "$PY" "$BENCH_DIR/gen_mixed.py" 50000 "$OUT/mixed_50k.csv"
[ -f "$OUT/mixed_20k.csv" ] || "$PY" "$BENCH_DIR/gen_mixed.py" 20000 "$OUT/mixed_20k.csv" --seed 2
[ -n "${SKIP_1M:-}" ] || [ -f "$OUT/mixed_1m.csv" ] || "$PY" "$BENCH_DIR/gen_mixed.py" 1000000 "$OUT/mixed_1m.csv" --seed 3
SAL="rank,discipline,yrs.since.phd,yrs.service,sex,salary"
MIX="num1,num2,num3,num4,num5,num6,cat1,cat2,cat3"

for K in 3 4; do
echo "## Salaries (carData, 397 rows), k = $K"
for n in 1 10; do
  t=$(run_timed "$OUT/sal${K}_kp$n" "$SEGMENT" cluster "$OUT/salaries.csv" --algorithm kprototypes --features "$SAL" --k $K --n-init $n --threads $THREADS -o "$OUT/sal${K}_kp$n.csv")
  r=$(run_timed "$OUT/sal${K}_kp${n}_ref" "$PY" "$BENCH_DIR/ref_mixed.py" kprototypes "$OUT/salaries.csv" "$OUT/sal${K}_kp${n}_ref.csv" --features "$SAL" --k $K --n-init $n)
  echo "kprototypes n_init=$n: segment cost $(summary_number "$OUT/sal${K}_kp$n.err" cost) (${t%% *} s), kmodes cost $(field "$OUT/sal${K}_kp${n}_ref.out" cost) (${r%% *} s); ARI $(ari "$OUT/sal${K}_kp$n.csv" "$OUT/sal${K}_kp${n}_ref.csv")"
done
t=$(run_timed "$OUT/sal${K}_km" "$SEGMENT" cluster "$OUT/salaries.csv" --algorithm kmedoids --features "$SAL" --k $K --threads $THREADS -o "$OUT/sal${K}_km.csv")
r=$(run_timed "$OUT/sal${K}_km_ref" "$PY" "$BENCH_DIR/ref_mixed.py" kmedoids "$OUT/salaries.csv" "$OUT/sal${K}_km_ref.csv" --features "$SAL" --k $K)
echo "kmedoids gower build: segment loss $(summary_number "$OUT/sal${K}_km.err" loss) (${t%% *} s), fasterpam loss $(field "$OUT/sal${K}_km_ref.out" loss) medoids $(field "$OUT/sal${K}_km_ref.out" medoids) (${r%% *} s); ARI $(ari "$OUT/sal${K}_km.csv" "$OUT/sal${K}_km_ref.csv")"
done

echo "## kprototypes, 50,000 rows × (6 numeric + 3 categorical), k = 8, n_init 1, Cao"
t=$(run_timed "$OUT/kp50" "$SEGMENT" cluster "$OUT/mixed_50k.csv" --algorithm kprototypes --features "$MIX" --k 8 --n-init 1 --threads $THREADS -o "$OUT/kp50.csv")
r=$(run_timed "$OUT/kp50_ref" "$PY" "$BENCH_DIR/ref_mixed.py" kprototypes "$OUT/mixed_50k.csv" "$OUT/kp50_ref.csv" --features "$MIX" --k 8 --n-init 1)
t10=$(run_timed "$OUT/kp50_10" "$SEGMENT" cluster "$OUT/mixed_50k.csv" --algorithm kprototypes --features "$MIX" --k 8 --threads $THREADS -o "$OUT/kp50_10.csv")
echo "segment (default --n-init 10) ${t10%% *} s cost $(summary_number "$OUT/kp50_10.err" cost); ratio to kmodes n_init 1 $(ratio "${t10%% *}" "${r%% *}")"
echo "segment ${t%% *} s ${t##* } KB cost $(summary_number "$OUT/kp50.err" cost); kmodes ${r%% *} s ${r##* } KB cost $(field "$OUT/kp50_ref.out" cost); ratio $(ratio "${t%% *}" "${r%% *}"); ARI $(ari "$OUT/kp50.csv" "$OUT/kp50_ref.csv")"

if [ -z "${SKIP_1M:-}" ]; then
  echo "## kprototypes, 1,000,000 rows, k = 8 (segment only)"
  for n in 1 10; do
    t=$(run_timed "$OUT/kp1m_$n" "$SEGMENT" cluster "$OUT/mixed_1m.csv" --algorithm kprototypes --features "$MIX" --k 8 --n-init $n --threads $THREADS -o "$OUT/kp1m_$n.csv")
    echo "n_init $n: ${t%% *} s, peak ${t##* } KB, cost $(summary_number "$OUT/kp1m_$n.err" cost)"
  done
fi

echo "## kmedoids Gower, 20,000 rows, k = 8, BUILD"
t=$(run_timed "$OUT/km20" "$SEGMENT" cluster "$OUT/mixed_20k.csv" --algorithm kmedoids --features "$MIX" --k 8 --threads $THREADS -o "$OUT/km20.csv")
echo "segment ${t%% *} s, peak ${t##* } KB, loss $(summary_number "$OUT/km20.err" loss)"
if [ -z "${SKIP_REF_20K:-}" ]; then
  r=$(run_timed "$OUT/km20_ref" "$PY" "$BENCH_DIR/ref_mixed.py" kmedoids "$OUT/mixed_20k.csv" "$OUT/km20_ref.csv" --features "$MIX" --k 8)
  echo "gower+fasterpam ${r%% *} s (matrix $(field "$OUT/km20_ref.out" matrix_seconds) s, fasterpam $(field "$OUT/km20_ref.out" fit_seconds) s), peak ${r##* } KB, loss $(field "$OUT/km20_ref.out" loss); ratio $(ratio "${t%% *}" "${r%% *}"); ARI $(ari "$OUT/km20.csv" "$OUT/km20_ref.csv")"
fi
