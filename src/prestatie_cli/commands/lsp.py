"""prestatie lsp: a language server for editors, over stdin and stdout."""

from __future__ import annotations

from prestatie_cli.messages import Language


def run(*, lang: Language | None) -> int:
    """Serve one editor until it says exit; ``lang`` is the language asked for (--lang,
    PRESTATIE_LANG), else each repository's prestatie.yaml decides."""
    # Imported here: only this command pays for pygls.
    from prestatie_cli.lsp.server import serve

    serve(lang)
    return 0
