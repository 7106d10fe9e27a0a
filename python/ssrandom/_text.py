"""Aligned text for terminals: East Asian wide characters take two columns."""

from __future__ import annotations

import unicodedata
from typing import Iterable, Sequence, Tuple


def width(text: str) -> int:
    """Display width of ``text`` in terminal columns."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def ljust(text: str, columns: int) -> str:
    """``text`` padded with spaces on the right to ``columns`` display columns."""
    return text + " " * max(0, columns - width(text))


def rjust(text: str, columns: int) -> str:
    """``text`` padded with spaces on the left to ``columns`` display columns."""
    return " " * max(0, columns - width(text)) + text


def table(columns: Sequence[Tuple[str, str]], rows: Iterable[Sequence[object]], indent: str = "") -> str:
    """An aligned text table: ``columns`` are (title, align) with align ``"<"`` or ``">"``; every column is as
    wide as its widest cell (wide characters count twice), separated by two spaces."""
    texts = [[str(title) for title, _ in columns]] + [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max(width(row[i]) for row in texts) for i in range(len(columns))]
    lines = []
    for row in texts:
        cells = [ljust(cell, w) if align == "<" else rjust(cell, w)
                 for cell, w, (_, align) in zip(row, widths, columns)]
        lines.append((indent + "  ".join(cells)).rstrip())
    return "\n".join(lines)
