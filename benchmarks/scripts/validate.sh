#!/usr/bin/env bash
# Whole-process benchmark of `cirrus validate` through the ./cirrus launcher: median wall time, CPU time
# and peak RSS of RUNS validations each of (a) a freshly initialised project and (b) projects generated
# by benchmarks/scripts/gen-project.sh (default 1000 components), and for comparison `cirrus build
# --no-validate` and `cirrus build` (which validates first) of the same projects. The generated projects
# exceed the AWS Batch quotas on purpose (600 compute environments), so validate exits 1 and the
# validating build stops before writing: the build column then measures load, compile and validation.
# Results go to stdout as a Markdown table for docs/performance.md.
#
#   benchmarks/scripts/validate.sh [RUNS] [SIZES...]      (defaults: 7 runs; 1000)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CIRRUS="$ROOT/cirrus"
runs="${1:-7}"
shift || true
sizes=("${@:-1000}")
# shellcheck disable=SC2206
sizes=(${sizes[*]})
work="$(mktemp -d "${TMPDIR:-/tmp}/cirrus-validate-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

"$CIRRUS" --help >/dev/null # builds the jar (and trains its class-data archive) if needed
export CIRRUS_LAMBDA_JAR="$work/cirrus-aws-lambda.jar"
head -c 1048576 /dev/urandom >"$CIRRUS_LAMBDA_JAR"

median() { sort -n | awk '{a[NR]=$1} END {m=(NR+1)/2; if (NR%2) print a[m]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

measure() { # label command...
  local label="$1"
  shift
  : >"$work/times"
  : >"$work/cpu"
  : >"$work/rss"
  "$@" >/dev/null 2>&1 || true # warm the page cache
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f "%e %U %S %M" -o "$work/one" "$@" >/dev/null 2>&1 || true
    read -r secs user sys kb < <(tail -1 "$work/one")
    echo "$secs" >>"$work/times"
    echo "$user $sys" | awk '{print $1 + $2}' >>"$work/cpu"
    echo "$kb" >>"$work/rss"
  done
  printf '| %s | %s s | %s s | %s MB |\n' "$label" "$(median <"$work/times")" "$(median <"$work/cpu")" \
    "$(median <"$work/rss" | awk '{printf "%.0f", $1/1024}')"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| run | median wall ($runs runs) | median CPU (user+sys) | median peak RSS |"
echo "|---|---|---|---|"
mkdir -p "$work/init-only"
"$CIRRUS" init "$work/init-only" 2>/dev/null
measure "validate, init only" "$CIRRUS" --cirrus-dir "$work/init-only" validate
measure "build --no-validate, init only" "$CIRRUS" --cirrus-dir "$work/init-only" build --no-validate
measure "build, init only" "$CIRRUS" --cirrus-dir "$work/init-only" build
for n in "${sizes[@]}"; do
  p="$work/p$n"
  "$ROOT/benchmarks/scripts/gen-project.sh" "$p" "$n" 2>/dev/null
  "$CIRRUS" --cirrus-dir "$p" build --no-validate 2>/dev/null # a first build, so rebuilds are measured
  measure "validate, $n components" "$CIRRUS" --cirrus-dir "$p" validate
  measure "build --no-validate, $n components" "$CIRRUS" --cirrus-dir "$p" build --no-validate
  measure "build (stops on the quota errors), $n components" "$CIRRUS" --cirrus-dir "$p" build
  "$CIRRUS" --cirrus-dir "$p" validate >"$work/findings" || true
  echo "findings at $n components: $(tail -1 "$work/findings")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
