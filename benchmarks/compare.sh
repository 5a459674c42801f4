#!/usr/bin/env bash
# This version side by side with another revision, in one run, on the national corpus.
#
#   benchmarks/compare.sh REV [WORK_DIR]
#
# For changes that must not make prestatie slower (a reorganisation, a refactor): the
# other revision is checked out in a git worktree and run from its own source with the
# same interpreter and libraries. Needs the project installed in .venv and hyperfine.
# Writes WORK_DIR/compare.md.
set -euo pipefail
cd "$(dirname "$0")/.."
REV=${1:?usage: benchmarks/compare.sh REV [WORK_DIR]}
WORK=${2:-/tmp/prestatie-compare}
unset PYTHONDONTWRITEBYTECODE
PY=$PWD/.venv/bin/python
mkdir -p "$WORK"
OLD="$WORK/old"
rm -rf "$OLD" && git worktree prune
git worktree add --detach --force "$OLD" "$(git rev-parse --verify --end-of-options "$REV^{commit}")" >/dev/null
trap 'git worktree remove --force "$OLD"' EXIT
"$PY" -m compileall -q src "$OLD/src" >/dev/null
[ -d "$WORK/nationaal" ] || "$PY" benchmarks/generate.py "$WORK"
N="$WORK/nationaal"
ONE="$N/afspraken/gemeente-001-2025-2028.yaml $N/monitor/gemeente-001-2025-2028.yaml"
AS="--as-of 2026-11-21"
# Each version runs from its own source; the caches are kept apart.
NEW="PYTHONPATH=$PWD/src PRESTATIE_CACHE_DIR=$WORK/cache-new $PY -m prestatie_cli"
WAS="PYTHONPATH=$OLD/src PRESTATIE_CACHE_DIR=$WORK/cache-old $PY -m prestatie_cli"
rm -rf "$WORK/cache-new" "$WORK/cache-old"

hyperfine --style basic --export-markdown "$WORK/start.md" --warmup 2 --runs 20 \
  -n "prestatie --version, $REV" "$WAS --version" \
  -n "prestatie --version, this version" "$NEW --version" \
  -n "check one set cold, $REV" "PRESTATIE_NO_CACHE=1 $WAS -q check $AS $ONE" \
  -n "check one set cold, this version" "PRESTATIE_NO_CACHE=1 $NEW -q check $AS $ONE"

hyperfine --style basic --export-markdown "$WORK/national.md" -i --warmup 1 --runs 5 \
  -n "check national cold, $REV" "PRESTATIE_NO_CACHE=1 $WAS -q check $AS $N" \
  -n "check national cold, this version" "PRESTATIE_NO_CACHE=1 $NEW -q check $AS $N" \
  -n "check national warm, $REV" "$WAS -q check $AS $N" \
  -n "check national warm, this version" "$NEW -q check $AS $N" \
  -n "status national, $REV" "PRESTATIE_NO_CACHE=1 $WAS status --format json $AS $N" \
  -n "status national, this version" "PRESTATIE_NO_CACHE=1 $NEW status --format json $AS $N"

# The same findings, byte for byte.
cmp <(cd "$N" && eval "PRESTATIE_NO_CACHE=1 $WAS check $AS ." || true) \
    <(cd "$N" && eval "PRESTATIE_NO_CACHE=1 $NEW check $AS ." || true) \
  && echo "identical check output" > "$WORK/same.txt" || echo "check output differs" > "$WORK/same.txt"
cat "$WORK/start.md" "$WORK/national.md" "$WORK/same.txt" > "$WORK/compare.md"
echo; cat "$WORK/compare.md"
