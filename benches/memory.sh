#!/usr/bin/env bash
# Peak memory and wall time of the release binary, per roadmap size.
#
#   bash benches/memory.sh [SIZES…]        (default: 250 500 1000 2000)
#
# The synthetic roadmaps are the ones of `cargo bench --bench pipeline`
# (written with FDR_BENCH_WRITE / FDR_BENCH_ACTIONS). Each command runs
# RUNS times (default 3); the table gives the median time and the largest
# peak resident memory (`/usr/bin/time -f %M`). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(250 500 1000 2000)
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=target/release/fdr
command -v pdfinfo >/dev/null || { echo "pdfinfo (poppler-utils) est requis" >&2; exit 2; }

# measure LABEL CMD…: prints "median_s max_kb" over $runs runs.
measure() {
  local times=() mem=0
  for _ in $(seq "$runs"); do
    local out
    out=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null 2>/dev/null; } 2>&1 | tail -1)
    times+=("${out% *}")
    local kb=${out#* }
    [ "$kb" -gt "$mem" ] && mem=$kb
  done
  local med
  med=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$med $mem"
}

mib() { awk -v kb="$1" 'BEGIN { printf "%d Mio", kb / 1024 + 0.5 }'; }
sec() { awk -v s="$1" 'BEGIN { printf "%.2f s", s }' | sed 's/\./,/'; }

echo "| Actions | Pages du PDF | check | md + html | pdf | Mémoire check | Mémoire md + html | Mémoire pdf | Mio par page |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
example=examples/bouches-du-rhone
for n in example "${sizes[@]}"; do
  if [ "$n" = example ]; then
    dir=$example
    label="exemple (10)"
  else
    dir=$work/r$n
    FDR_BENCH_WRITE=$dir FDR_BENCH_ACTIONS=$n cargo bench --quiet --bench pipeline >/dev/null 2>&1
    label=$n
  fi
  read -r tc mc < <(measure "$bin" -q check "$dir")
  read -r th mh < <(measure "$bin" -q build "$dir" -o "$work/out" --format md,html)
  read -r tp mp < <(measure "$bin" -q build "$dir" -o "$work/out" --format pdf)
  pages=$(pdfinfo "$work/out/feuille-de-route.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  per=$(awk -v kb="$mp" -v p="$pages" 'BEGIN { printf "%.2f", kb / 1024 / p }' | sed 's/\./,/')
  echo "| $label | $pages | $(sec "$tc") | $(sec "$th") | $(sec "$tp") | $(mib "$mc") | $(mib "$mh") | $(mib "$mp") | $per |"
done
