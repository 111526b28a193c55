#!/usr/bin/env bash
# Generates a cirrus project of N components from cirrus' own `create` templates, in the mix the
# upstream comparison used: 60% tasks with both a Lambda and Batch resources, 20% workflows, 20%
# feeders. One component of each kind is made with `cirrus create`; the others are copies with the
# name substituted (what `create` would have written for that name, minus the process start-up).
#
#   benchmarks/scripts/gen-project.sh DIR N
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CIRRUS="$ROOT/cirrus"
dir="$1"
n="$2"
tasks=$((n * 60 / 100))
workflows=$((n * 20 / 100))
feeders=$((n - tasks - workflows))

mkdir -p "$dir"
"$CIRRUS" init "$dir" 2>/dev/null
"$CIRRUS" --cirrus-dir "$dir" create task -t lambda -t batch tmpltask "A generated task" 2>/dev/null
"$CIRRUS" --cirrus-dir "$dir" create workflow tmplworkflow "A generated workflow" 2>/dev/null
"$CIRRUS" --cirrus-dir "$dir" create feeder tmplfeeder "A generated feeder" 2>/dev/null

# copy the template component DIR/GROUP/TMPL to COUNT components named PREFIX0000…; create derives
# CloudFormation logical ids from the name (tmpltask -> Tmpltask), so both spellings are replaced
replicate() {
  local group="$1" tmpl="$2" prefix="$3" count="$4"
  local src="$dir/$group/$tmpl"
  for ((i = 0; i < count; i++)); do
    local name
    name=$(printf '%s%04d' "$prefix" "$i")
    mkdir -p "$dir/$group/$name"
    for f in "$src"/*; do
      sed "s/$tmpl/$name/g; s/${tmpl^}/${name^}/g" "$f" >"$dir/$group/$name/$(basename "$f")"
    done
  done
  rm -rf "$src"
}
replicate tasks tmpltask task "$tasks"
replicate workflows tmplworkflow workflow "$workflows"
replicate feeders tmplfeeder feeder "$feeders"
echo "$dir: $tasks tasks (lambda+batch), $workflows workflows, $feeders feeders" >&2
