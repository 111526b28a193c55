#!/usr/bin/env bash
# Whole-process benchmark of the CloudFormation path through the ./cirrus launcher, on a freshly
# initialised project: `cirrus build` vs `cirrus build --target cloudformation`, cfn-lint on the
# template, and `cirrus deploy` to a moto_server (first create, an unchanged redeploy, an update of
# one job definition). Median wall time of RUNS runs each; Markdown table on stdout.
#
#   benchmarks/scripts/cfn-deploy.sh [RUNS]      (default: 5)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CIRRUS="$ROOT/cirrus"
runs="${1:-5}"
work="$(mktemp -d "${TMPDIR:-/tmp}/cirrus-cfn-bench.XXXXXX")"
moto_pid=""
cleanup() {
  if [ -n "$moto_pid" ]; then kill "$moto_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$CIRRUS" --help >/dev/null # builds the jar if needed
jar="$ROOT/cirrus-aws/target/cirrus-aws-lambda.jar"
if [ ! -f "$jar" ]; then
  (cd "$ROOT" && mvn -q -B -DskipTests -Dspotless.check.skip=true -pl cirrus-aws -am package >&2)
fi
export CIRRUS_LAMBDA_JAR="$jar"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
MOTO_PORT="$port" python3 "$ROOT/cirrus-aws/src/test/resources/cirrus/aws/moto/moto_launcher.py" \
  -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
endpoint="http://127.0.0.1:$port"
for _ in $(seq 1 200); do curl -s -o /dev/null "$endpoint/moto-api/config" && break; sleep 0.1; done
curl -s -X POST -H 'Content-Type: application/json' \
  -d '{"batch":{"use_docker":false},"lambda":{"use_docker":false}}' "$endpoint/moto-api/config" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {m=(NR+1)/2; if (NR%2) print a[m]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
seconds() { # command... -> wall seconds on stdout
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f\n", (e - s) / 1e9}'
}
row() { printf '| %s | %s s |\n' "$1" "$(median <"$2")"; }

project="$work/proj"
mkdir -p "$project"
"$CIRRUS" init "$project" >/dev/null
cd "$project"
for f in build build-cfn lint create redeploy update; do : >"$work/$f"; done
for ((i = 0; i < runs; i++)); do
  seconds "$CIRRUS" build >>"$work/build"
  seconds "$CIRRUS" build --target cloudformation >>"$work/build-cfn"
  seconds cfn-lint .cirrus/build/cloudformation.json >>"$work/lint" || true
  curl -s -X POST "$endpoint/moto-api/reset" >/dev/null
  seconds "$CIRRUS" deploy --region us-east-1 --endpoint-url "$endpoint" >>"$work/create"
  seconds "$CIRRUS" deploy --region us-east-1 --endpoint-url "$endpoint" >>"$work/redeploy"
  sed -i "s/      Memory: [0-9]*\$/      Memory: $((2048 + i + 1))/" cirrus.yml
  seconds "$CIRRUS" deploy --region us-east-1 --endpoint-url "$endpoint" >>"$work/update"
done
echo "| step (init project, $(wc -c <.cirrus/build/cloudformation.json) B template, $runs runs) | median |"
echo "|---|---:|"
row '`cirrus build`' "$work/build"
row '`cirrus build --target cloudformation`' "$work/build-cfn"
row '`cfn-lint cloudformation.json`' "$work/lint"
row '`cirrus deploy`, create (moto)' "$work/create"
row '`cirrus deploy`, unchanged' "$work/redeploy"
row '`cirrus deploy`, job definition changed' "$work/update"
