#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: restores tools and packages, builds,
# runs the test projects, and prints one closing line "N passed, N failed" from the TRX results.
# Exits non-zero when a test fails or when a service the tests need cannot be started.
set -euo pipefail
cd "$(dirname "$0")"

results=".test-run/results"
rm -rf "$results"
mkdir -p "$results"

dotnet restore Workflow.sln --locked-mode
dotnet build Workflow.sln -c Release --no-restore

status=0
dotnet test Workflow.sln -c Release --no-build \
  --logger "trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" || status=$?

# Sum the counters of every TRX file: the real counts, whatever the console printed.
passed=0
failed=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "${#trx_files[@]}" -eq 0 ]; then
  echo "No test results were written." >&2
  status=1
fi
echo "${passed} passed, ${failed} failed"
exit "$status"
