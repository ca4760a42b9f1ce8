#!/usr/bin/env bash
# Peak memory and wall time of the release binary, per roadmap size.
#
#   bash benches/memory.sh [SIZES…]        (default: 125 250 500 1000 2000)
#
# The synthetic roadmaps are the ones of `cargo bench --bench pipeline`
# (written with FDR_BENCH_WRITE / FDR_BENCH_ACTIONS). Each command runs
# RUNS times (default 3), in interleaved rounds; the table gives the median
# time and the largest peak resident memory (`/usr/bin/time -f %M`). Prints a Markdown table.
# (Times of check and md + html are in `cargo bench --bench pipeline`, to
# the tenth of a millisecond; here only their memory.)
#
# With TYPST=/path/to/typst (typst-cli of the same version as the typst
# crates fdr uses), the reference column runs `typst compile` alone on the
# sources that `fdr build --emit-typst` writes: same template, same data.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(125 250 500 1000 2000)
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/fdr
command -v pdfinfo >/dev/null || { echo "pdfinfo (poppler-utils) est requis" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time (paquet time) est requis" >&2; exit 2; }

# sample NAME CMD…: run CMD once, append "seconds peak_kb" to NAME's samples.
sample() {
  local name=$1
  shift
  /usr/bin/time -o "$work/time" -f "%e %M" "$@" >/dev/null 2>"$work/stderr" || {
    echo "échec : $*" >&2
    cat "$work/stderr" "$work/time" >&2
    exit 1
  }
  tail -1 "$work/time" >>"$work/$name.samples"
}

# summary NAME: "median_seconds max_kb" of NAME's samples, which it clears.
summary() {
  sort -g "$work/$1.samples" | awk '{t[NR] = $1; if ($2 > m) m = $2} END {print t[int((NR + 1) / 2)], m}'
  rm -f "$work/$1.samples"
}

mib() { awk -v kb="$1" 'BEGIN { printf "%d Mio", kb / 1024 + 0.5 }'; }
sec() { awk -v s="$1" 'BEGIN { printf "%.2f s", s }' | sed 's/\./,/'; }

if [ -n "${TYPST:-}" ]; then
  echo "| Actions | Pages du PDF | Mémoire check | Mémoire md + html | Mémoire pdf | Mio par page | Durée pdf | typst seul (réf.) : mémoire | durée | × réf. (mémoire / durée) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
else
  echo "| Actions | Pages du PDF | Mémoire check | Mémoire md + html | Mémoire pdf | Mio par page | Durée pdf |"
  echo "|---:|---:|---:|---:|---:|---:|---:|"
fi
example=examples/bouches-du-rhone
for n in example "${sizes[@]}"; do
  if [ "$n" = example ]; then
    dir=$example
    label="exemple (10)"
  else
    dir=$work/r$n
    FDR_BENCH_WRITE=$dir FDR_BENCH_ACTIONS=$n cargo bench --quiet --bench pipeline >/dev/null || {
      echo "échec : génération de la feuille de route de $n actions" >&2
      exit 1
    }
    label=$n
  fi
  if [ -n "${TYPST:-}" ]; then
    "$bin" -q build "$dir" -o "$work/typ" --format pdf --emit-typst
  fi
  # Interleaved: each round runs every command once, so that a slow spell
  # of the machine weighs on fdr and on the reference alike.
  for _ in $(seq "$runs"); do
    sample check "$bin" -q check "$dir"
    sample html "$bin" -q build "$dir" -o "$work/out" --format md,html
    sample pdf "$bin" -q build "$dir" -o "$work/out" --format pdf
    if [ -n "${TYPST:-}" ]; then
      (cd "$work/typ" && sample typst "$TYPST" compile --ignore-system-fonts \
        --pdf-standard ua-1 feuille-de-route.typ "$work/typ/seul.pdf")
    fi
  done
  read -r _ mc < <(summary check)
  read -r _ mh < <(summary html)
  read -r tp mp < <(summary pdf)
  pages=$(pdfinfo "$work/out/feuille-de-route.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  per=$(awk -v kb="$mp" -v p="$pages" 'BEGIN { printf "%.2f", kb / 1024 / p }' | sed 's/\./,/')
  row="| $label | $pages | $(mib "$mc") | $(mib "$mh") | $(mib "$mp") | $per | $(sec "$tp") |"
  if [ -n "${TYPST:-}" ]; then
    read -r tt mt < <(summary typst)
    ratio=$(awk -v a="$mp" -v b="$mt" -v c="$tp" -v d="$tt" 'BEGIN { printf "%.2f / %.2f", a / b, c / d }' | sed 's/\./,/g')
    row="$row $(mib "$mt") | $(sec "$tt") | $ratio |"
  fi
  echo "$row"
done
