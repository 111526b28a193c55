# Shared by startup.sh and build.sh (source it): runs labelled commands in interleaved rounds (round
# r runs every command once, so load changes hit all commands alike) and prints, per command, the
# median wall time and the median CPU time (user+sys of the whole process tree, from wait4 via
# /usr/bin/time) with the range of wall times. Interleaving and CPU medians matter on a shared
# machine: wall time under load mostly measures waiting for a core.
#
#   bench_add LABEL COMMAND...     register a command (run with stdout/stderr discarded)
#   bench_run ROUNDS [WARMUP]      run them, print a Markdown table
#   BENCH_BEFORE_EACH[LABEL]="shell" (optional) runs before each timed run of LABEL, untimed
set -euo pipefail

BENCH_LABELS=()
BENCH_COMMANDS=()
declare -A BENCH_BEFORE_EACH=()

bench_add() { # label, command...
  BENCH_LABELS+=("$1")
  shift
  BENCH_COMMANDS+=("$(printf '%q ' "$@")")
}

bench_once() { # index -> "wall_ms cpu_ms"
  local i="$1" out start end label="${BENCH_LABELS[$1]}"
  out="$(mktemp)"
  if [ -n "${BENCH_BEFORE_EACH[$label]:-}" ]; then eval "${BENCH_BEFORE_EACH[$label]}"; fi
  start=$(date +%s%N)
  /usr/bin/time -f '%U %S' -o "$out" bash -c "exec ${BENCH_COMMANDS[$i]}" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  tail -1 "$out" | awk -v w=$(((end - start) / 1000000)) '{printf "%d %d\n", w, ($1 + $2) * 1000 + 0.5}'
  rm -f "$out"
}

bench_median() { sort -n | awk '{a[NR] = $1} END {m = int((NR + 1) / 2); print a[m]}'; }

bench_run() { # rounds [warmup]
  local rounds="$1" warmup="${2:-2}" r i dir
  dir="$(mktemp -d)"
  for ((r = 0; r < warmup + rounds; r++)); do
    for i in "${!BENCH_LABELS[@]}"; do
      if ((r < warmup)); then
        bench_once "$i" >/dev/null
      else
        bench_once "$i" >>"$dir/$i"
      fi
    done
  done
  echo "| command | median wall | min–max wall | median CPU (user+sys) | CPU / wall |"
  echo "|---|---|---|---|---|"
  for i in "${!BENCH_LABELS[@]}"; do
    local wall cpu lo hi
    wall=$(cut -d' ' -f1 "$dir/$i" | bench_median)
    cpu=$(cut -d' ' -f2 "$dir/$i" | bench_median)
    lo=$(cut -d' ' -f1 "$dir/$i" | sort -n | head -1)
    hi=$(cut -d' ' -f1 "$dir/$i" | sort -n | tail -1)
    printf '| %s | %d ms | %d–%d ms | %d ms | %s |\n' "${BENCH_LABELS[$i]}" "$wall" "$lo" "$hi" "$cpu" \
      "$(awk -v c="$cpu" -v w="$wall" 'BEGIN {printf "%.2f", c / w}')"
  done
  rm -rf "$dir"
}
