"""Time from a change in the editor to its diagnostics, in ``prestatie lsp``.

Writes a repository with one set of N agreements (100 by default, written as people
write them: block style, each with its wording, target, baseline and milestones) and
its monitor (three measurements per agreement), starts ``prestatie lsp`` as an editor
does (a subprocess over stdio), opens both files and then types: each round changes
one word in the set or one value in the monitor, alternately, and measures from the
didChange notification to the publishDiagnostics of that file.

    python benchmarks/lsp_latency.py [--agreements 100] [--rounds 60]

The results are in docs/performance.md, "Diagnostics while typing".
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

SET_ID = "typen-2025-2028"


def agreement_set(count: int) -> str:
    lines = [
        "kind: agreements",
        "version: 1",
        f"id: {SET_ID}",
        "title: Prestatieafspraken Typen 2025-2028",
        "period:",
        "  start: 2025-01-01",
        "  end: 2028-12-31",
        "parties:",
        "  - id: gemeente",
        "    name: Gemeente Typen",
        "    role: gemeente",
        "  - id: corp",
        "    name: Woonstichting Typen",
        "    role: corporatie",
        "  - id: hv",
        "    name: Huurdersvereniging Typen",
        "    role: huurdersorganisatie",
        "agreements:",
    ]
    for number in range(1, count + 1):
        value = 20 + number % 80
        lines += [
            f"  - id: BS-{number:03d}",
            f"    title: {value} nieuwe sociale huurwoningen in wijk {number}",
            "    text: >-",
            f"      In de periode 2025-2028 levert de corporatie {value} nieuwe sociale",
            f"      huurwoningen op in wijk {number}, met een huur tot de liberalisatiegrens.",
            "    theme: beschikbaarheid",
            "    kind: result",
            "    owner: corp",
            "    contributors: [gemeente]",
            "    target:",
            "      metric: opgeleverde sociale huurwoningen",
            "      unit: woningen",
            f"      value: {value}",
            "      cumulative: true",
            "      baseline: {value: 0, date: 2025-01-01}",
            "    deadline: 2028-12-31",
            "    frequency: yearly",
            "    milestones:",
            f"      - {{date: 2026-12-31, value: {value // 2}}}",
        ]
    lines += [
        "signatures:",
        "  - {party: gemeente, name: J. de Vries, date: 2024-12-12}",
        "  - {party: corp, name: A. Jansen, date: 2024-12-12}",
        "  - {party: hv, name: M. Bakker, date: 2024-12-12}",
    ]
    return "\n".join(lines) + "\n"


def monitor(count: int) -> str:
    lines = ["kind: monitor", "version: 1", f"set: {SET_ID}", "measurements:"]
    for number in range(1, count + 1):
        for year in (2025, 2026, 2027):
            lines += [
                f"  - agreement: BS-{number:03d}",
                f"    date: {year}-12-31",
                f"    value: {(20 + number % 80) // 4}",
                f"    source: Jaarverslag {year}",
                "    reported_by: corp",
            ]
    return "\n".join(lines) + "\n"


class Timer:
    """The client's end: when each document's diagnostics arrived."""

    def __init__(self) -> None:
        self.arrived: dict[str, asyncio.Event] = {}
        self.counts: dict[str, int] = {}

    def published(self, params: types.PublishDiagnosticsParams) -> None:
        self.counts[params.uri] = len(params.diagnostics)
        self.arrived.setdefault(params.uri, asyncio.Event()).set()

    async def wait(self, uri: str) -> None:
        event = self.arrived.setdefault(uri, asyncio.Event())
        await asyncio.wait_for(event.wait(), timeout=30)
        event.clear()


async def measure(root: Path, rounds: int) -> dict[str, list[float]]:
    client = LanguageClient("lsp-latency", "1")
    timer = Timer()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(_: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        timer.published(params)

    @client.feature(types.WINDOW_LOG_MESSAGE)
    def logged(_: LanguageClient, params: types.LogMessageParams) -> None:
        print(params.message, file=sys.stderr)

    await client.start_io(sys.executable, "-m", "prestatie_cli", "lsp")
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
            initialization_options={"asOf": "2026-11-21"},
        )
    )
    client.initialized(types.InitializedParams())
    files = {
        "set": root / "afspraken" / f"{SET_ID}.yaml",
        "monitor": root / "monitor" / f"{SET_ID}.yaml",
    }
    texts = {kind: path.read_text(encoding="utf-8") for kind, path in files.items()}
    for kind, path in files.items():
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=path.as_uri(), language_id="yaml", version=1, text=texts[kind]
                )
            )
        )
        await timer.wait(path.as_uri())
    timings: dict[str, list[float]] = {"set": [], "monitor": []}
    for number in range(rounds):
        kind = "set" if number % 2 == 0 else "monitor"
        path = files[kind]
        old, new = (
            ("wijk 50,", f"wijk 50{number},")
            if kind == "set"
            else ("value: 17", f"value: {number}")
        )
        changed = texts[kind].replace(old, new, 1)
        # A change in the set publishes its monitor's diagnostics too: let them arrive
        # before the next round, then wait for this round's own.
        await asyncio.sleep(0.05)
        for event in timer.arrived.values():
            event.clear()
        start = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(
                    uri=path.as_uri(), version=number + 2
                ),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=changed)],
            )
        )
        await timer.wait(path.as_uri())
        timings[kind].append((time.perf_counter() - start) * 1000)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return timings


def _summary(name: str, values: list[float]) -> str:
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
    return f"{name:8} median {statistics.median(ordered):6.1f} ms   p90 {p90:6.1f} ms   n={len(ordered)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreements", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=60)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lsp-latency-") as folder:
        root = Path(folder)
        (root / ".git").mkdir()
        (root / "afspraken").mkdir()
        (root / "monitor").mkdir()
        (root / "afspraken" / f"{SET_ID}.yaml").write_text(
            agreement_set(arguments.agreements), encoding="utf-8"
        )
        (root / "monitor" / f"{SET_ID}.yaml").write_text(
            monitor(arguments.agreements), encoding="utf-8"
        )
        timings = asyncio.run(measure(root, arguments.rounds))
    print(f"1 set of {arguments.agreements} agreements, its monitor; {arguments.rounds} changes")
    print(_summary("set", timings["set"]))
    print(_summary("monitor", timings["monitor"]))
    print(_summary("all", timings["set"] + timings["monitor"]))


if __name__ == "__main__":
    main()
