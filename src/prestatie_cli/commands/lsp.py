"""prestatie lsp: a language server for editors, over stdin and stdout."""

from __future__ import annotations

import sys

from prestatie_cli.messages import Language, current_language, text


def run(*, lang: Language | None) -> int:
    """Serve one editor until it says exit; ``lang`` is the language asked for (--lang,
    PRESTATIE_LANG), else each repository's prestatie.yaml decides."""
    if sys.stdin.isatty():
        # A person at a terminal rather than an editor: say what the silence waits for.
        sys.stderr.write(text("lsp.terminal", lang or current_language()) + "\n")
    # Imported here: only this command pays for pygls.
    from prestatie_cli.lsp.server import serve

    serve(lang)
    return 0
