"""Text from the files, shown as text in every output and never acted on.

Agreement files, file names and commit messages come from many hands. What they hold
reaches a terminal, a CI log, an XML or a JSON reader, and each of these acts on some
characters instead of showing them: a newline starts a line that looks like a finding of
its own, ESC clears the screen or plants a link, a bidirectional control reverses what
follows it. Every output goes through this module:

- terminal text (``visible``): every control and bidirectional character is shown as
  a backslash escape, ``\\n``, ``\\r``, ``\\t``, ``\\x1b``, ``\\u202e``;
- XML (``xml_text``): what XML 1.0 cannot hold is shown the same way, the rest is exact;
- JSON (``json_text``): exact, except what no UTF-8 reader accepts (shown the same way)
  and numbers JSON has no word for (infinity, not a number), which become null.

A lone surrogate is no character at all: it comes from a YAML escape such as
``"\\ud800"`` (shown as ``\\ud800``) or from a file name that is not UTF-8, whose
undecodable bytes Python keeps as surrogates (byte 0xFF is shown as ``\\xff``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from typing import Any

# What a terminal acts on rather than shows: the C0 controls (newline, carriage return,
# tab, ESC, BEL and the rest), DEL, the C1 controls (CSI, OSC, NEL among them), the line
# and paragraph separators, and the bidirectional controls that reorder what follows
# (the "Trojan Source" characters: ALM, LRM, RLM, LRE..RLO, LRI..PDI). Lone surrogates
# too: no output can encode them.
_HIDDEN = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
# What XML 1.0 cannot hold: https://www.w3.org/TR/xml/#charsets
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    point = ord(char)
    if point <= 0xFF:
        return f"\\x{point:02x}"
    if 0xDC80 <= point <= 0xDCFF:  # a byte of a file name that is not UTF-8
        return f"\\x{point - 0xDC00:02x}"
    return f"\\u{point:04x}"


def visible(value: str, keep: str = "") -> str:
    """``value`` for a terminal: every control and bidirectional character shown as an escape.

    ``keep`` names characters an output encodes in its own way (GitHub's ``%0A``).
    """
    if not keep:
        return _HIDDEN.sub(_escape, value)
    return _HIDDEN.sub(
        lambda match: match.group() if match.group() in keep else _escape(match), value
    )


def xml_text(value: str) -> str:
    """``value`` for XML 1.0: the characters it cannot hold shown as escapes, the rest exact."""
    return _NOT_XML.sub(_escape, value)


def without_surrogates(value: str) -> str:
    """``value`` encodable as UTF-8: lone surrogates shown as escapes, the rest exact."""
    return _SURROGATE.sub(_escape, value)


def _clean(value: Any, default: Callable[[Any], Any] | None) -> Any:
    if isinstance(value, str):
        return without_surrogates(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {_clean(key, default): _clean(item, default) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(item, default) for item in value]
    if value is None or isinstance(value, int | float) or default is None:
        return value
    return _clean(default(value), default)


def json_text(document: Any, default: Callable[[Any], Any] | None = None) -> str:
    """``document`` as indented JSON that every reader accepts, with a final newline.

    Exact where JSON can be: no NaN or Infinity (null instead) and no lone surrogate
    (shown as an escape), so the text is valid JSON and valid UTF-8. ``default`` turns
    what JSON has no type for (a date) into what it has, as in ``json.dumps``.
    """
    options: dict[str, Any] = {"indent": 2, "ensure_ascii": False, "allow_nan": False}
    try:
        shown = json.dumps(document, default=default, **options)
    except ValueError:  # a number too large to add up: rare, so only then walked through
        shown = json.dumps(_clean(document, default), **options)
    if _SURROGATE.search(shown):
        shown = json.dumps(_clean(document, default), **options)
    return shown + "\n"
