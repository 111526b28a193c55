#!/usr/bin/env bash
# Whole-process start-up benchmark of the `cirrus` CLI through the ./cirrus launcher (AppCDS,
# C1 only): median wall-clock time of `cirrus --help` and `cirrus show tasks` (in a freshly
# initialised project with one task of each kind). Uses hyperfine when installed, else a bash loop.
#
# Usage: benchmarks/scripts/startup.sh [RUNS]     (default 21 runs after 3 warm-up runs)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CIRRUS="$ROOT/cirrus"
RUNS="${1:-21}"
WARMUP=3

PROJECT="$(mktemp -d)"
trap 'rm -rf "$PROJECT"' EXIT
"$CIRRUS" init "$PROJECT" 2>/dev/null # also builds the jar and the CDS archive if needed
"$CIRRUS" --cirrus-dir "$PROJECT" create task -t lambda bench-lambda "A lambda task" 2>/dev/null
"$CIRRUS" --cirrus-dir "$PROJECT" create task -t batch bench-batch "A batch task" 2>/dev/null

echo "# cirrus start-up, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# java: $(java -version 2>&1 | head -1)"

bench() { # name, command...
  local name="$1"
  shift
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --shell=none --warmup "$WARMUP" --runs "$RUNS" --export-json /dev/stdout "$*" 2>/dev/null |
      awk -v n="$name" '/"median"/ {gsub(/[",]/, "", $2); printf "%-22s median %4.0f ms (hyperfine, %s runs)\n", n, $2 * 1000, '"$RUNS"'}'
    return
  fi
  local times=() cpus=() i start end cpu
  for ((i = 0; i < WARMUP + RUNS; i++)); do
    start=$(date +%s%N)
    if [ -x /usr/bin/time ]; then
      cpu=$(/usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%d", ($1 + $2) * 1000}')
    else
      "$@" >/dev/null 2>&1
      cpu=0
    fi
    end=$(date +%s%N)
    if ((i >= WARMUP)); then
      times+=($(((end - start) / 1000000)))
      cpus+=("$cpu")
    fi
  done
  local cpu_median
  cpu_median=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
  printf '%s\n' "${times[@]}" | sort -n |
    awk -v n="$name" -v runs="$RUNS" -v cpu="$cpu_median" '{a[NR] = $1} END {printf "%-22s median %4d ms wall (min %d, max %d), %d ms CPU (user+sys); %d runs\n", n, a[int((NR + 1) / 2)], a[1], a[NR], cpu, runs}'
}

bench "cirrus --help" "$CIRRUS" --help
bench "cirrus show tasks" "$CIRRUS" --cirrus-dir "$PROJECT" show tasks
