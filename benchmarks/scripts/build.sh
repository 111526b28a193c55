#!/usr/bin/env bash
# Whole-process benchmark of `cirrus build` through the ./cirrus launcher: median wall time and peak
# RSS of RUNS builds each of (a) a freshly initialised project and (b) generated projects of
# 250, 500 and 1000 components (benchmarks/scripts/gen-project.sh). Results go to stdout as a
# Markdown table; paste them into docs/performance.md with the date and machine.
#
#   benchmarks/scripts/build.sh [RUNS] [SIZES...]      (defaults: 7 runs; 250 500 1000)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CIRRUS="$ROOT/cirrus"
runs="${1:-7}"
shift || true
sizes=("${@:-250 500 1000}")
# shellcheck disable=SC2206
sizes=(${sizes[*]})
work="$(mktemp -d "${TMPDIR:-/tmp}/cirrus-build-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

"$CIRRUS" --help >/dev/null # builds the jar (and trains its class-data archive) if needed
# a stand-in for the builtins jar, so builds place it as they would in real use (and do not warn)
export CIRRUS_LAMBDA_JAR="$work/cirrus-aws-lambda.jar"
head -c 1048576 /dev/urandom >"$CIRRUS_LAMBDA_JAR"

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {m=(NR+1)/2; if (NR%2) print a[m]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

measure() { # project label
  local project="$1" label="$2" times="$work/times" cpu="$work/cpu" rss="$work/rss"
  : >"$times"
  : >"$cpu"
  : >"$rss"
  # --no-validate: this measures the compiler; the generated projects exceed the AWS Batch quotas on
  # purpose (600 compute environments), which the validator reports (benchmarks/scripts/validate.sh)
  "$CIRRUS" --cirrus-dir "$project" build --no-validate 2>/dev/null # warm the page cache
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f "%e %U %S %M" -o "$work/one" "$CIRRUS" --cirrus-dir "$project" build --no-validate 2>/dev/null
    read -r secs user sys kb <"$work/one"
    echo "$secs" >>"$times"
    echo "$user $sys" | awk '{print $1 + $2}' >>"$cpu"
    echo "$kb" >>"$rss"
  done
  printf '| %s | %s s | %s s | %s MB | %s KB |\n' "$label" "$(median <"$times")" \
    "$(median <"$cpu")" "$(median <"$rss" | awk '{printf "%.0f", $1/1024}')" \
    "$(($(wc -c <"$project/.cirrus/build/serverless.yml") / 1024))"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| project | median wall time ($runs runs) | median CPU (user+sys) | median peak RSS | serverless.yml |"
echo "|---|---|---|---|---|"
mkdir -p "$work/init-only"
"$CIRRUS" init "$work/init-only" 2>/dev/null
measure "$work/init-only" "init only (8 builtin components)"
for n in "${sizes[@]}"; do
  "$ROOT/benchmarks/scripts/gen-project.sh" "$work/p$n" "$n" 2>/dev/null
  measure "$work/p$n" "$n components"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
