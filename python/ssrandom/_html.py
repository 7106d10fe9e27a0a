"""HTML for notebooks (``_repr_html_``): a heading, a few facts and tables with bilingual headers.

Every result object builds its view from :func:`view`, so plans, records, classifications, reports and the
tables other modules add look alike. Long tables show their first rows and say how many are left out.
"""

from __future__ import annotations

import html
from typing import Any, Iterable, List, Optional, Sequence, Tuple

from ssrandom import labels

__all__ = ["table", "view", "MAX_ROWS"]

#: Rows shown per table before "… N more".
MAX_ROWS = 20

_STYLE = ("<style>.ssrandom table{border-collapse:collapse;margin:0.3em 0 0.8em 0}"
          ".ssrandom th,.ssrandom td{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left}"
          ".ssrandom td.n{text-align:right;font-variant-numeric:tabular-nums}"
          ".ssrandom .facts td{border:none;padding:1px 8px 1px 0}"
          ".ssrandom caption{text-align:left;font-weight:bold}"
          ".ssrandom .more{color:#777;font-style:italic}</style>")


def _cell(value: Any, translate: bool) -> Tuple[str, bool]:
    numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "是 yes" if value else "否 no"
    elif isinstance(value, (list, tuple)):
        text = "; ".join(str(v) for v in value)
    elif translate and isinstance(value, str):
        text = labels.value(value)
    else:
        text = str(value)
    return html.escape(text), numeric


def table(columns: Sequence[str], rows: Iterable[Sequence[Any]], caption: str = "",
          max_rows: Optional[int] = MAX_ROWS, translate: Sequence[str] = ()) -> str:
    """An HTML table: ``columns`` are machine names shown with their bilingual labels; values of the
    ``translate`` columns (pools, methods …) are shown with theirs too."""
    translated = {i for i, name in enumerate(columns) if name in translate}
    out = ["<table>"]
    if caption:
        out.append(f"<caption>{html.escape(caption)}</caption>")
    out.append("<thead><tr>" + "".join(f"<th>{html.escape(labels.column(c))}</th>" for c in columns) +
               "</tr></thead><tbody>")
    shown = 0
    total = 0
    for row in rows:
        total += 1
        if max_rows is not None and shown >= max_rows:
            continue
        shown += 1
        cells = []
        for i, value in enumerate(row):
            text, numeric = _cell(value, i in translated)
            cells.append(f"<td class=\"n\">{text}</td>" if numeric else f"<td>{text}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    if total > shown:
        out.append(f"<tr><td class=\"more\" colspan=\"{len(columns)}\">… {total - shown} more "
                   f"(共 {total} 行 rows; .to_pandas() has them all)</td></tr>")
    out.append("</tbody></table>")
    return "".join(out)


def view(title: str, facts: Sequence[Tuple[str, Any]] = (), tables: Sequence[str] = ()) -> str:
    """A titled block: facts as a two-column list (label, value), then the tables."""
    out: List[str] = [_STYLE, "<div class=\"ssrandom\">", f"<h4>{html.escape(title)}</h4>"]
    if facts:
        out.append("<table class=\"facts\">")
        for label, value in facts:
            text, _ = _cell(value, False)
            out.append(f"<tr><td>{html.escape(label)}</td><td><code>{text}</code></td></tr>")
        out.append("</table>")
    out.extend(tables)
    out.append("</div>")
    return "".join(out)
