# Helpers for drivers that compare two whole processes under /usr/bin/time -v
# (source it; DATA must name the data folder).

# measure NAME COMMAND...: runs COMMAND (stdout to $DATA/NAME.out, time -v to
# $DATA/NAME.time) and prints "wall_seconds peak_kb".
measure() {
    local name=$1
    shift
    /usr/bin/time -v "$@" >"$DATA/$name.out" 2>"$DATA/$name.time"
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$DATA/$name.time")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$DATA/$name.time")
    echo "$wall $rss"
}

# print_comparison TITLE SEG_WALL SEG_KB REF_NAME REF_WALL REF_KB REF_INNER_LABEL REF_INNER_SECONDS:
# the side-by-side table and both ratios.
print_comparison() {
    local title=$1 seg_wall=$2 seg_kb=$3 ref=$4 ref_wall=$5 ref_kb=$6 inner_label=$7 inner=$8
    echo "$title, $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
    printf '%-34s %10s %12s\n' tool wall_s peak_rss_MB
    printf '%-34s %10.2f %12.1f\n' "segment (whole process)" "$seg_wall" "$(echo "$seg_kb / 1024" | bc -l)"
    printf '%-34s %10.2f %12.1f\n' "$ref (whole process)" "$ref_wall" "$(echo "$ref_kb / 1024" | bc -l)"
    printf '%-34s %10.2f\n' "$ref ($inner_label)" "$inner"
    printf 'ratio segment/%s: %.3f (whole processes), %.3f (vs %s only)\n' \
        "$ref" "$(echo "$seg_wall / $ref_wall" | bc -l)" "$(echo "$seg_wall / $inner" | bc -l)" "$inner_label"
}
