#!/usr/bin/env bash
# Accessibility audit: build the examples' HTML, their progress reports
# (`fdr bilan`) and a roadmap made to overflow (ecran-etroit/: very long words, URLs and e-mails, wide tables, a
# 48-month chronogramme), then, in headless Chromium (Debian's package)
# driven by playwright-core:
# - axe-core on both (no violation allowed);
# - largeur.mjs on both: at 375 px wide, the page must not scroll sideways.
# Exits non-zero on any failure. FDR_BIN picks the binary (default: the debug
# build under CARGO_TARGET_DIR, or target/).
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
root=$(cd ../.. && pwd)
if [ ! -d node_modules/axe-core ] || [ ! -d node_modules/playwright-core ]; then
  npm install --silent --no-audit --no-fund --no-save axe-core@4 playwright-core@1 >/dev/null
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bin="${FDR_BIN:-${CARGO_TARGET_DIR:-$root/target}/debug/fdr}"
[ -x "$bin" ] || (cd "$root" && cargo build --quiet --no-default-features)
pages=()
# Every bundled example, the money fixture (every financing table), the
# fixture holding every field of the format (tests/coverage.rs) and the
# overflow fixture.
for d in "$root"/examples/*/ "$root/tests/fixtures/argent-valide/" "$root/tests/fixtures/chaque-champ/" "$here/ecran-etroit/"; do
  name=$(basename "$d")
  "$bin" --quiet build "$d" -o "$out/$name" --format html
  pages+=("$out/$name/feuille-de-route.html")
done
# The progress report (`fdr bilan`) of the Landes example and of the bilan
# fixture (late actions, charts, money, meetings).
for d in "$root/examples/landes/" "$root/tests/fixtures/bilan/"; do
  name=bilan-$(basename "$d")
  "$bin" --quiet bilan "$d" --au 2026-11-27 -o "$out/$name" --format html
  pages+=("$out/$name/bilan-2026-11-27.html")
done
# The regional synthesis of the examples.
"$bin" --quiet synthese "$root"/examples/*/ -o "$out/synthese" --format html
pages+=("$out/synthese/synthese.html")
status=0
for f in "${pages[@]}"; do
  echo "axe-core : ${f#"$out"/}"
  node "$here/axe.mjs" "$f" || status=1
done
node "$here/largeur.mjs" "${pages[@]}" || status=1
exit $status
