"""prestatie: Dutch housing performance agreements as versioned, checked YAML."""

from __future__ import annotations

__version__ = "0.1.0"
