#!/usr/bin/env bash
# Runs every test/**/*.test.ts (or the folder and pattern given) with uvu under tsx (ESM, so the
# wasm loader's top-level imports work), then turns uvu's Total/Passed/Skipped into the
# "N passed, N failed" line. The run fails when uvu fails, when any test did not pass (uvu exits 0
# when a test.before hook throws; test/support/reportHooks.mjs prints that error), or when no
# summary appeared (a file that failed to load, a crash).
#   bash test/run.sh [folder [pattern]]
set -o pipefail
cd "$(dirname "$0")/.."
folder=${1:-test}
pattern=${2:-'\.test\.ts$'}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
NO_COLOR=1 node --import tsx --import ./test/support/reportHooks.mjs node_modules/uvu/bin.js "$folder" "$pattern" 2>&1 | tee "$out"
rc=${PIPESTATUS[0]}
awk -v rc="$rc" '/^ *Total:/{t=$2} /^ *Passed:/{p=$2} /^ *Skipped:/{s=$2}
     END { if (t == "") { print "0 passed, 1 failed (no summary: a test file failed to load, or the runner crashed; see above)"; exit 1 }
           failed = t - p
           if (failed == 0 && rc != 0) failed = 1
           printf "%d passed, %d failed, %d skipped\n", p, failed, s
           exit (failed > 0 || rc != 0) ? 1 : 0 }' "$out"
