"""Aligned text for terminals: East Asian wide characters take two columns."""

from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    """Display width of ``text`` in terminal columns."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def ljust(text: str, columns: int) -> str:
    """``text`` padded with spaces on the right to ``columns`` display columns."""
    return text + " " * max(0, columns - width(text))


def rjust(text: str, columns: int) -> str:
    """``text`` padded with spaces on the left to ``columns`` display columns."""
    return " " * max(0, columns - width(text)) + text
