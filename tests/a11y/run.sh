#!/usr/bin/env bash
# Accessibility audit: build the example's HTML and run axe-core on it in
# headless Chromium (Debian's package) driven by playwright-core.
# Exits non-zero on any violation.
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
root=$(cd ../.. && pwd)
if [ ! -d node_modules/axe-core ] || [ ! -d node_modules/playwright-core ]; then
  npm install --silent --no-audit --no-fund --no-save axe-core@4 playwright-core@1 >/dev/null
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bin="$root/target/debug/fdr"
[ -x "$bin" ] || (cd "$root" && cargo build --quiet --no-default-features)
[ -x "$bin" ] || bin="$root/target/debug/fdr"
"$bin" --quiet build "$root/examples/bouches-du-rhone" -o "$out" --format html
node "$here/axe.mjs" "$out/feuille-de-route.html"
