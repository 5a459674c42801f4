"""The one exception hierarchy of prestatie; only the CLI maps it to exit codes."""

from __future__ import annotations

from prestatie_cli.messages import Language, has, text


class PrestatieError(Exception):
    """Base of every error prestatie raises on purpose.

    With a catalogue ``key`` the message is shown in the user's language;
    without one, the message given is shown as it is.
    """

    exit_code = 2

    def __init__(self, message: str = "", key: str | None = None, **params: str) -> None:
        super().__init__(message or (text(key, "en", params) if key and has(key) else ""))
        self.key = key
        self.params = params

    def render(self, lang: Language) -> str:
        if self.key and has(self.key):
            return text(self.key, lang, self.params)
        return str(self)


class UsageError(PrestatieError):
    """The command line asks for something that cannot be done (exit 2)."""
