#!/usr/bin/env bash
# Whole-process benchmark of `cirrus plan` through the ./cirrus launcher: generated projects of N
# components (benchmarks/scripts/gen-project.sh: 60% tasks with a compute environment, a job queue,
# a job definition and a role each) are built and accepted as the baseline, then every task's
# image and MaxvCpus change and the project is built again; `cirrus plan` then judges every job
# definition (row 1/5) and compute environment (row 6). Median wall time and peak RSS of RUNS plans,
# as a Markdown table for docs/performance.md.
#
#   benchmarks/scripts/plan.sh [RUNS] [SIZES...]      (defaults: 7 runs; 250 1000)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CIRRUS="$ROOT/cirrus"
runs="${1:-7}"
shift || true
sizes=("${@:-250 1000}")
# shellcheck disable=SC2206
sizes=(${sizes[*]})
work="$(mktemp -d "${TMPDIR:-/tmp}/cirrus-plan-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export CIRRUS_LAMBDA_JAR=/dev/null

"$CIRRUS" --help >/dev/null # builds the jar and its class-data archive if needed
"$CIRRUS" --help >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {m=(NR+1)/2; if (NR%2) print a[m]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

echo "| project | changed Batch resources | findings | median wall time ($runs runs) | median peak RSS |"
echo "|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  p="$work/p$n"
  "$ROOT/benchmarks/scripts/gen-project.sh" "$p" "$n" 2>/dev/null
  "$CIRRUS" --cirrus-dir "$p" build --no-validate 2>/dev/null
  "$CIRRUS" --cirrus-dir "$p" plan --accept >/dev/null
  sed -i 's|run-lambda:0.2.1|run-lambda:0.3.0|; s|MaxvCpus: 1000|MaxvCpus: 2000|' "$p"/tasks/*/definition.yml
  "$CIRRUS" --cirrus-dir "$p" build --no-validate 2>/dev/null
  "$CIRRUS" --cirrus-dir "$p" plan --format json >"$work/plan.json" || true
  resources=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["resources"])' "$work/plan.json")
  findings=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; print(s["breaking"]+s["warning"]+s["info"])' "$work/plan.json")
  : >"$work/times"
  : >"$work/rss"
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f "%e %M" -o "$work/one" "$CIRRUS" --cirrus-dir "$p" plan >/dev/null || true
    read -r secs kb < <(tail -n 1 "$work/one")
    echo "$secs" >>"$work/times"
    echo "$kb" >>"$work/rss"
  done
  printf '| %s components | %s | %s | %s s | %s MB |\n' "$n" "$resources" "$findings" \
    "$(median <"$work/times")" "$(median <"$work/rss" | awk '{printf "%.0f", $1/1024}')"
done
