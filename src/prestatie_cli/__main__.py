"""Allow ``python -m prestatie_cli``."""

from __future__ import annotations

from prestatie_cli.cli import main

main()
