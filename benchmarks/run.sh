#!/usr/bin/env bash
# Benchmarks for prestatie, side by side with the alternatives, in one run.
#
#   benchmarks/run.sh [WORK_DIR]
#
# Needs: the project installed in .venv (pip install -e '.[test]'), hyperfine (Debian:
# apt-get install hyperfine) and check-jsonschema (pip install check-jsonschema) as the
# reference. Writes WORK_DIR/results.md (hyperfine tables) and WORK_DIR/memory.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
# Measure what an installed prestatie does: its modules compiled to bytecode once.
unset PYTHONDONTWRITEBYTECODE
.venv/bin/python -m compileall -q src >/dev/null
WORK=${1:-/tmp/prestatie-bench}
PY=$PWD/.venv/bin/python
P=$PWD/.venv/bin/prestatie
CJ=$PWD/.venv/bin/check-jsonschema
rm -rf "$WORK" && mkdir -p "$WORK"
"$PY" benchmarks/generate.py "$WORK"
N="$WORK/nationaal"
# A region of 34 sets (one tenth) for the references that are too slow for the whole country.
R="$WORK/regio" && mkdir -p "$R/afspraken" "$R/monitor"
for f in $(ls "$N/afspraken" | head -34); do cp "$N/afspraken/$f" "$R/afspraken/"; cp "$N/monitor/$f" "$R/monitor/"; done
export PRESTATIE_CACHE_DIR="$WORK/cache"
ONE="$N/afspraken/gemeente-001-2025-2028.yaml $N/monitor/gemeente-001-2025-2028.yaml"
EVENTS="import sys, pathlib, _ruamel_yaml_clibz as c
from ruamel.yaml.events import StreamEndEvent
for f in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):
    p = c.CParser(f.read_text(encoding='utf-8'))
    while not isinstance(p.get_event(), StreamEndEvent): pass"
ROUNDTRIP="import sys, pathlib
from ruamel.yaml import YAML
y = YAML()
for f in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')): y.load(f.read_text(encoding='utf-8'))"
"$P" schema --output-dir "$WORK/schemas" >/dev/null
AS="--as-of 2026-11-21"

# What the stack costs before prestatie reads a file: Python with typer, pydantic (the two
# file models' validators built) and ruamel.yaml imported.
STACK="import typer, ruamel.yaml
from prestatie_cli.model.agreements import AgreementSet, Monitor
AgreementSet.model_rebuild(force=True); Monitor.model_rebuild(force=True)"

hyperfine --style basic --export-markdown "$WORK/start.md" --export-json "$WORK/start.json" --warmup 2 --runs 20 \
  -n "prestatie --version" "$P --version" \
  -n "the stack alone (imports, validators)" "$PY -c \"$STACK\"" \
  -n "check one set (cold)" "PRESTATIE_NO_CACHE=1 $P -q check $AS $ONE"

hyperfine --style basic --export-markdown "$WORK/regio.md" --export-json "$WORK/regio.json" -i --warmup 1 --runs 3 \
  -n "C parser event stream (floor)" "$PY -c \"$EVENTS\" $R" \
  -n "prestatie check, cold" "PRESTATIE_NO_CACHE=1 $P -q check $AS $R" \
  -n "prestatie check, warm" "$P -q check $AS $R" \
  -n "check-jsonschema (shape only)" "$CJ -q --schemafile $WORK/schemas/agreements.schema.json $R/afspraken/*.yaml; $CJ -q --schemafile $WORK/schemas/monitor.schema.json $R/monitor/*.yaml" \
  -n "ruamel.yaml round-trip load" "$PY -c \"$ROUNDTRIP\" $R"

hyperfine --style basic --export-markdown "$WORK/nationaal.md" --export-json "$WORK/nationaal.json" -i --warmup 1 --runs 3 \
  -n "C parser event stream (floor)" "$PY -c \"$EVENTS\" $N" \
  -n "prestatie check, cold" "PRESTATIE_NO_CACHE=1 $P -q check $AS $N" \
  -n "prestatie status" "$P status --format json $AS $N" \
  -n "prestatie report --format html" "$P report --format html $AS $N"

# The warm check takes half a second: more runs to average out the machine's noise.
hyperfine --style basic --export-markdown "$WORK/warm.md" --export-json "$WORK/warm.json" -i --warmup 2 --runs 10 \
  -n "prestatie check national, warm" "$P -q check $AS $N"

# The same after the system has dropped its file cache (needs root), side by side with only
# reading the files, which a cache keyed by content alone would have to do.
DROPPED=""
if [ -w /proc/sys/vm/drop_caches ]; then
  DROPPED="$WORK/dropped.md"
  hyperfine --style basic --export-markdown "$DROPPED" --export-json "$WORK/dropped.json" -i --runs 5 \
    --prepare "sync; echo 3 > /proc/sys/vm/drop_caches" \
    -n "read every file (file cache dropped)" "find $N -name '*.yaml' -exec cat {} + > /dev/null" \
    -n "prestatie check national, warm (file cache dropped)" "$P -q check $AS $N"
fi

G="$WORK/geschiedenis"
hyperfine --style basic --export-markdown "$WORK/history.md" --export-json "$WORK/history.json" -i --warmup 1 --runs 3 \
  -n "prestatie log over 200 commits, cold" "cd $G && PRESTATIE_NO_CACHE=1 $P log BS-001" \
  -n "prestatie log over 200 commits, warm" "cd $G && $P log BS-001" \
  -n "prestatie diff HEAD~100 HEAD" "cd $G && $P diff HEAD~100 HEAD"

# Peak memory, summed over the command and its worker processes, and the largest process.
{
  echo "command | peak memory, all processes (MB) | largest process (MB)"
  echo "---|---:|---:"
  for name in "check one set:$P -q check $AS $ONE" "check national, cold:$P -q check $AS $N" \
              "status national:$P status --format json $AS $N" "report national:$P report --format html $AS $N"; do
    label=${name%%:*}; cmd=${name#*:}
    # shellcheck disable=SC2086 # the command is split into its words on purpose
    read -r total largest < <(PRESTATIE_NO_CACHE=1 "$PY" benchmarks/peak_memory.py $cmd)
    echo "$label | $total | $largest"
  done
} > "$WORK/memory.txt"
# Processor time next to wall time: the engine uses both cores on large runs.
"$PY" - "$WORK" > "$WORK/cpu.txt" <<'EOF'
import json, sys, pathlib
print("command | wall (s) | user + system (s)")
print("---|---:|---:")
for name in ("start", "regio", "nationaal", "warm", "dropped", "history"):
    if not (pathlib.Path(sys.argv[1]) / f"{name}.json").exists():
        continue
    for run in json.loads((pathlib.Path(sys.argv[1]) / f"{name}.json").read_text())["results"]:
        print(f"{name}: {run['command']} | {run['mean']:.2f} | {run['user'] + run['system']:.2f}")
EOF
cat "$WORK/start.md" "$WORK/regio.md" "$WORK/nationaal.md" "$WORK/warm.md" ${DROPPED:+"$DROPPED"} "$WORK/history.md" > "$WORK/results.md"
echo; cat "$WORK/results.md"; echo; cat "$WORK/cpu.txt"; echo; cat "$WORK/memory.txt"
