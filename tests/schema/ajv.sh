#!/usr/bin/env bash
# The JSON Schema against an independent validator: installs ajv,
# ajv-formats and yaml here (node_modules/, ignored by git) on first use,
# then runs ajv.mjs with the given fdr binary (default: a debug build).
# Exit 0 when ajv compiles the schema in strict mode and agrees with
# `fdr check` on every fixture and example; 3 when node, npm or the npm
# registry is missing.
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
root=$(cd ../.. && pwd)
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "ajv.sh : node et npm sont nécessaires" >&2
  exit 3
fi
if [ ! -d node_modules/ajv ] || [ ! -d node_modules/ajv-formats ] || [ ! -d node_modules/yaml ]; then
  if ! npm install --silent --no-audit --no-fund --no-save ajv@8 ajv-formats@3 yaml@2 >/dev/null; then
    echo "ajv.sh : npm install a échoué (registre npm injoignable ?)" >&2
    exit 3
  fi
fi
bin="${1:-${CARGO_TARGET_DIR:-$root/target}/debug/fdr}"
[ -x "$bin" ] || (cd "$root" && cargo build --quiet --no-default-features)
node "$here/ajv.mjs" "$bin" "$root"
