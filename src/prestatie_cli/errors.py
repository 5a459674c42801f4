"""The one exception hierarchy of prestatie; only the CLI maps it to exit codes."""

from __future__ import annotations


class PrestatieError(Exception):
    """Base of every error prestatie raises on purpose."""

    exit_code = 2


class UsageError(PrestatieError):
    """The command line asks for something that cannot be done (exit 2)."""
