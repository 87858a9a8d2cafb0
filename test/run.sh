#!/usr/bin/env bash
# Runs every test/**/*.test.ts with uvu under tsx (ESM, so the wasm loader's top-level
# imports work), then turns uvu's Total/Passed/Skipped into the "N passed, N failed" line.
set -o pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
NO_COLOR=1 node --import tsx node_modules/uvu/bin.js test '\.test\.ts$' "$@" 2>&1 | tee "$out"
rc=${PIPESTATUS[0]}
awk '/^ *Total:/{t=$2} /^ *Passed:/{p=$2} /^ *Skipped:/{s=$2}
     END { if (t == "") { print "0 passed, 1 failed (a test file failed to load)"; exit }
           printf "%d passed, %d failed, %d skipped\n", p, t - p, s }' "$out"
rm -f "$out"
exit $rc
