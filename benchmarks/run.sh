#!/usr/bin/env bash
# Benchmarks for prestatie, side by side with the alternatives at their best, in one run,
# on two national corpora.
#
#   benchmarks/run.sh [WORK_DIR]
#
# Needs: the project and its references installed in .venv (pip install -e '.[test,bench]':
# check-jsonschema, ruamel.yaml.clib for its C loader, yamllint) and hyperfine (Debian:
# apt-get install hyperfine). Writes WORK_DIR/results.md (hyperfine tables), summary.md
# (ratios and goals), memory.txt, cpu.txt and versions.txt. About 20 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
# Measure what an installed prestatie does: its modules compiled to bytecode once.
unset PYTHONDONTWRITEBYTECODE
.venv/bin/python -m compileall -q src >/dev/null
WORK=${1:-/tmp/prestatie-bench}
PY=$PWD/.venv/bin/python
P=$PWD/.venv/bin/prestatie
CJ=$PWD/.venv/bin/check-jsonschema
YL=$PWD/.venv/bin/yamllint
YLCONF=$PWD/benchmarks/yamllint.yaml
rm -rf "$WORK" && mkdir -p "$WORK"

# The references at their best. check-jsonschema reads YAML with ruamel.yaml's safe loader,
# which takes its C parser only from ruamel.yaml.clib; without it every file is parsed in
# pure Python, five times slower.
"$PY" -c "
import _ruamel_yaml
from check_jsonschema.parsers.yaml import construct_yaml_implementation as make
parser = make().Parser
assert parser is _ruamel_yaml.CParser, f'check-jsonschema would parse with {parser}'
"
{
  echo "Python $("$PY" -c 'import platform; print(platform.python_version())')"
  hyperfine --version
  "$PY" - <<'EOF'
from importlib.metadata import version
for name in ("prestatie", "check-jsonschema", "ruamel.yaml", "ruamel.yaml.clib",
             "ruamel.yaml.clibz", "yamllint", "pydantic"):
    print(name, version(name))
EOF
  echo "$(nproc) cores; $(uname -r)"
} > "$WORK/versions.txt"

# Two corpora of 342 sets: a synthetic one (generate.py: one shape, 60 to 120 agreements per
# set, few findings) and the bundled examples cloned (clone_examples.py: every example
# agreement repeated under new ids, about 90 per set, thousands of findings).
"$PY" benchmarks/generate.py "$WORK"
"$PY" benchmarks/clone_examples.py "$WORK/kloon"
"$P" schema --output-dir "$WORK/schemas" >/dev/null
export PRESTATIE_CACHE_DIR="$WORK/cache"
AS="--as-of 2026-11-21"
N="$WORK/nationaal"
ONE="$N/afspraken/gemeente-001-2025-2028.yaml $N/monitor/gemeente-001-2025-2028.yaml"

# The floor: the C parser's event stream over the same files and nothing else. prestatie
# uses libyaml as ruamel.yaml.clibz builds it (_ruamel_yaml_clibz); check-jsonschema as
# ruamel.yaml.clib builds it (_ruamel_yaml). Both are timed; the faster one is the floor.
events() {
  echo "import sys, pathlib
from $1 import CParser
from ruamel.yaml.events import StreamEndEvent
for f in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):
    p = CParser(f.read_text(encoding='utf-8'))
    while not isinstance(p.get_event(), StreamEndEvent): pass"
}
CLIBZ=$(events _ruamel_yaml_clibz)
CLIB=$(events _ruamel_yaml)

# What the stack costs before prestatie reads a file: Python with typer, pydantic (the two
# file models' validators built) and ruamel.yaml imported.
STACK="import typer, ruamel.yaml
from prestatie_cli.model.agreements import AgreementSet, Monitor
AgreementSet.model_rebuild(force=True); Monitor.model_rebuild(force=True)"

hyperfine --style basic --export-markdown "$WORK/start.md" --export-json "$WORK/start.json" --warmup 2 --runs 20 \
  -n "prestatie --version" "$P --version" \
  -n "the stack alone (imports, validators)" "$PY -c \"$STACK\"" \
  -n "check one set (cold)" "PRESTATIE_NO_CACHE=1 $P check $AS $ONE"

# Each corpus: prestatie and every reference side by side in one hyperfine run, 2 runs each
# (yamllint takes minutes). One pass of each beforehand reads the files into the system's
# cache and fills prestatie's, which the warm check uses.
for corpus in nationaal kloon; do
  C="$WORK/$corpus"
  "$PY" -c "$CLIBZ" "$C"
  "$P" check $AS "$C" >/dev/null || true
  hyperfine --style basic --export-markdown "$WORK/$corpus.md" --export-json "$WORK/$corpus.json" -i --runs 2 \
    -n "C parser event stream, clibz (prestatie's)" "$PY -c \"$CLIBZ\" $C" \
    -n "C parser event stream, clib (check-jsonschema's)" "$PY -c \"$CLIB\" $C" \
    -n "prestatie check, cold" "PRESTATIE_NO_CACHE=1 $P check $AS $C" \
    -n "prestatie check, warm" "$P check $AS $C" \
    -n "check-jsonschema, C loader (shape only)" "$CJ -q --schemafile $WORK/schemas/agreements.schema.json $C/afspraken/*.yaml; $CJ -q --schemafile $WORK/schemas/monitor.schema.json $C/monitor/*.yaml" \
    -n "yamllint (YAML style only)" "$YL -c $YLCONF -f parsable $C"
  # The floor and the cold check once more, 10 runs each: their ratio is the closest goal
  # and on a shared machine a single run can lose a core to another process.
  hyperfine --style basic --export-markdown "$WORK/$corpus-floor.md" --export-json "$WORK/$corpus-floor.json" -i --runs 10 \
    -n "C parser event stream, clibz (prestatie's)" "$PY -c \"$CLIBZ\" $C" \
    -n "C parser event stream, clib (check-jsonschema's)" "$PY -c \"$CLIB\" $C" \
    -n "prestatie check, cold" "PRESTATIE_NO_CACHE=1 $P check $AS $C"
  # The warm check takes under half a second: more runs to average out the machine's noise.
  hyperfine --style basic --export-markdown "$WORK/$corpus-warm.md" --export-json "$WORK/$corpus-warm.json" -i --warmup 2 --runs 10 \
    -n "prestatie check, warm" "$P check $AS $C"
  hyperfine --style basic --export-markdown "$WORK/$corpus-views.md" --export-json "$WORK/$corpus-views.json" -i --warmup 1 --runs 2 \
    -n "prestatie status --format json" "$P status --format json $AS $C" \
    -n "prestatie report --format html" "$P report --format html $AS $C"
done

# The warm check after the system has dropped its file cache (needs root), side by side with
# only reading the files, which a cache keyed by content alone would have to do.
DROPPED=""
if [ -w /proc/sys/vm/drop_caches ]; then
  DROPPED="$WORK/dropped.md"
  hyperfine --style basic --export-markdown "$DROPPED" --export-json "$WORK/dropped.json" -i --warmup 1 --runs 5 \
    --prepare "sync; echo 3 > /proc/sys/vm/drop_caches" \
    -n "read every file (file cache dropped)" "find $N -name '*.yaml' -exec cat {} + > /dev/null" \
    -n "prestatie check national, warm (file cache dropped)" "$P check $AS $N"
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
  runs=("check one set:check $AS $ONE")
  for corpus in nationaal kloon; do
    runs+=("check $corpus, cold:check $AS $WORK/$corpus"
           "status $corpus:status --format json $AS $WORK/$corpus"
           "report $corpus:report --format html $AS $WORK/$corpus")
  done
  for name in "${runs[@]}"; do
    label=${name%%:*}; arguments=${name#*:}
    # shellcheck disable=SC2086 # the arguments are split into words on purpose
    read -r total largest < <(PRESTATIE_NO_CACHE=1 "$PY" benchmarks/peak_memory.py "$P" $arguments)
    echo "$label | $total | $largest"
  done
} > "$WORK/memory.txt"

# Processor time next to wall time: the engine uses both cores on large runs.
"$PY" - "$WORK" > "$WORK/cpu.txt" <<'EOF'
import json, sys, pathlib
print("command | wall (s) | user + system (s)")
print("---|---:|---:")
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.json")):
    for run in json.loads(path.read_text())["results"]:
        print(f"{path.stem}: {run['command']} | {run['mean']:.2f} | {run['user'] + run['system']:.2f}")
EOF
"$PY" benchmarks/summary.py "$WORK" > "$WORK/summary.md"
cat "$WORK"/start.md "$WORK"/nationaal*.md "$WORK"/kloon*.md ${DROPPED:+"$DROPPED"} "$WORK/history.md" > "$WORK/results.md"
echo; cat "$WORK/versions.txt"; echo; cat "$WORK/results.md"; echo; cat "$WORK/cpu.txt"
echo; cat "$WORK/memory.txt"; echo; cat "$WORK/summary.md"
