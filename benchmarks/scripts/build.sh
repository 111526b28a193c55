#!/usr/bin/env bash
# Whole-process benchmark of `cirrus build` through the launcher (CIRRUS, default ./cirrus of this
# clone): median wall and CPU (user+sys) times over ROUNDS interleaved rounds of
#   - a freshly initialised project (7 built-in Lambdas),
#   - the same plus 6 `create task -t lambda` tasks: 13 Lambdas (the issue #20 "13-Lambda" project),
#     built plainly (with the validator, as users do) and with --no-validate,
#   - generated projects of SIZES components (benchmarks/scripts/gen-project.sh), --no-validate: they
#     exceed the AWS Batch quotas on purpose (600 compute environments), which validate would report.
# Each project is built once before timing, so the timed runs are rebuilds, as in everyday use.
#
#   benchmarks/scripts/build.sh [ROUNDS] [SIZES...]      (defaults: 7 rounds; 1000)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CIRRUS="${CIRRUS:-$ROOT/cirrus}"
rounds="${1:-7}"
shift || true
sizes=("${@:-1000}")
# shellcheck disable=SC2206
sizes=(${sizes[*]})
# shellcheck source=measure.sh
. "$ROOT/benchmarks/scripts/measure.sh"
work="$(mktemp -d "${TMPDIR:-/tmp}/cirrus-build-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

"$CIRRUS" --help >/dev/null # builds the jar (and its class-data archive) if needed
# a stand-in for the builtins jar, so builds place it as they would in real use (and do not warn)
export CIRRUS_LAMBDA_JAR="$work/cirrus-aws-lambda.jar"
head -c 1048576 /dev/urandom >"$CIRRUS_LAMBDA_JAR"

mkdir -p "$work/init-only" "$work/p13"
"$CIRRUS" init "$work/init-only" >/dev/null 2>&1
"$CIRRUS" init "$work/p13" >/dev/null 2>&1
for i in 1 2 3 4 5 6; do
  "$CIRRUS" --cirrus-dir "$work/p13" create task -t lambda "task$i" "Task $i" >/dev/null 2>&1
done
for n in "${sizes[@]}"; do
  "$ROOT/benchmarks/scripts/gen-project.sh" "$work/p$n" "$n" >/dev/null 2>&1
done
for p in init-only p13 "${sizes[@]/#/p}"; do
  "$CIRRUS" --cirrus-dir "$work/$p" build --no-validate >/dev/null 2>&1 # first build, untimed
done

echo "# cirrus build: $CIRRUS, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
echo "# java: $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
bench_add "build, init only (7 Lambdas)" "$CIRRUS" --cirrus-dir "$work/init-only" build
bench_add "build, 13 Lambdas" "$CIRRUS" --cirrus-dir "$work/p13" build
bench_add "build --no-validate, 13 Lambdas" "$CIRRUS" --cirrus-dir "$work/p13" build --no-validate
for n in "${sizes[@]}"; do
  bench_add "build --no-validate, $n components" "$CIRRUS" --cirrus-dir "$work/p$n" build --no-validate
done
bench_run "$rounds" 1
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
