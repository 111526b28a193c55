#!/usr/bin/env bash
# Whole-process start-up benchmark of the everyday `cirrus` commands, as a user runs them: through the
# launcher (CIRRUS, default ./cirrus of this clone; point it at an unpacked distribution's bin/cirrus
# to measure that). Prints a Markdown table of median wall and CPU (user+sys) times over ROUNDS
# interleaved rounds, after 2 warm-up rounds, with the load average before and after.
#
#   benchmarks/scripts/startup.sh [ROUNDS]          (default 11)
#   CIRRUS=/opt/cirrus/bin/cirrus benchmarks/scripts/startup.sh
#   CIRRUS_BASELINE=/tmp/old-clone/cirrus benchmarks/scripts/startup.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CIRRUS="${CIRRUS:-$ROOT/cirrus}"
ROUNDS="${1:-11}"
# shellcheck source=measure.sh
. "$ROOT/benchmarks/scripts/measure.sh"

work="$(mktemp -d "${TMPDIR:-/tmp}/cirrus-startup.XXXXXX")"
trap 'rm -rf "$work"' EXIT
project="$work/project"
mkdir -p "$project"
"$CIRRUS" init "$project" >/dev/null 2>&1 # also builds the jar and its class-data archive if needed
"$CIRRUS" --cirrus-dir "$project" create task -t lambda bench-lambda "A lambda task" >/dev/null 2>&1
"$CIRRUS" --cirrus-dir "$project" create task -t batch bench-batch "A batch task" >/dev/null 2>&1
"$CIRRUS" payload template >"$work/payload.json" 2>/dev/null
cat >"$work/machine.json" <<'JSON'
{"StartAt": "A", "States": {
  "A": {"Type": "Pass", "Result": {"n": 1}, "ResultPath": "$.a", "Next": "B"},
  "B": {"Type": "Choice", "Choices": [{"Variable": "$.a.n", "NumericEquals": 1, "Next": "C"}], "Default": "C"},
  "C": {"Type": "Pass", "End": true}}}
JSON

echo "# cirrus start-up: $CIRRUS, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
echo "# java: $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# CIRRUS_BASELINE=/other/cirrus interleaves the same commands through a second launcher (e.g. a copy
# of an older checkout), so that both see the same load
launchers=("$CIRRUS")
[ -n "${CIRRUS_BASELINE:-}" ] && launchers+=("$CIRRUS_BASELINE")
for c in "${launchers[@]}"; do
  tag=""
  [ "$c" = "$CIRRUS" ] || tag=" (baseline)"
  bench_add "cirrus --help$tag" "$c" --help
  bench_add "cirrus show tasks$tag" "$c" --cirrus-dir "$project" show tasks
  BENCH_BEFORE_EACH["cirrus init$tag"]="rm -rf '$work/init' && mkdir '$work/init'"
  bench_add "cirrus init$tag" "$c" init "$work/init"
  bench_add "cirrus validate$tag" "$c" --cirrus-dir "$project" validate
  bench_add "cirrus payload validate$tag" "$c" payload validate "$work/payload.json"
  bench_add "cirrus payload get-id$tag" "$c" payload get-id "$work/payload.json"
  bench_add "cirrus states execute$tag" "$c" states execute "$work/machine.json"
done
bench_run "$ROUNDS"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
