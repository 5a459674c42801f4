#!/usr/bin/env bash
# One very large set, at three sizes: check, status and report take time in proportion.
#
#   benchmarks/hostile.sh [WORK_DIR]
#
# Needs: the project installed in .venv and hyperfine (Debian: apt-get install hyperfine).
# Writes WORK_DIR/results.md (hyperfine's tables) and WORK_DIR/memory.txt; see
# docs/performance.md, "One very large set".
set -euo pipefail
cd "$(dirname "$0")/.."
unset PYTHONDONTWRITEBYTECODE
.venv/bin/python -m compileall -q src >/dev/null
WORK=${1:-/tmp/prestatie-hostile}
PY=$PWD/.venv/bin/python
P=$PWD/.venv/bin/prestatie
SIZES="12500 25000 50000"
rm -rf "$WORK" && mkdir -p "$WORK"
for n in $SIZES; do "$PY" benchmarks/hostile.py "$WORK/$n" --agreements "$n"; done
# Every run checks from scratch: the cache would answer a repeated check at once.
export PRESTATIE_NO_CACHE=1
AS="--as-of 2026-11-21"
: > "$WORK/results.md"
for n in $SIZES; do
  hyperfine --style basic --export-markdown "$WORK/$n.md" --export-json "$WORK/$n.json" -i --runs 3 \
    -n "check, $n agreements" "$P -q check $AS $WORK/$n" \
    -n "status, $n agreements" "$P status --format json $AS $WORK/$n" \
    -n "report, $n agreements" "$P report --format html $AS $WORK/$n"
  cat "$WORK/$n.md" >> "$WORK/results.md"
done
{
  echo "command | peak memory (MB)"
  echo "---|---:"
  for n in $SIZES; do
    for command in "-q check" "status --format json" "report --format html"; do
      # shellcheck disable=SC2086 # the command is split into its words on purpose
      read -r total _ < <("$PY" benchmarks/peak_memory.py $P $command $AS "$WORK/$n")
      label=${command#-q }; echo "${label%% *} $n | $total"
    done
  done
} > "$WORK/memory.txt"
cat "$WORK/results.md"; echo; cat "$WORK/memory.txt"
