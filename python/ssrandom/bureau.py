"""A bureau's 两库一单: the entity directory, the inspector directory and the item list."""

from __future__ import annotations

import datetime
import json
import os
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple, Union

from ssrandom import _core, _frames, _html

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas

__all__ = ["Bureau", "Directory", "QualityReport", "load_entities", "BUREAU_TABLES"]

DateLike = Union[str, datetime.date, None]
#: A table: a pandas DataFrame, a pyarrow Table, a list of row dicts or a dict of columns.
TableLike = Any
PathLike = Union[str, "os.PathLike[str]"]

#: The tables of a bureau, as a bureau folder names its files (``entities.csv``, ``inspectors.csv`` …).
BUREAU_TABLES = ("entities", "inspectors", "units", "departments", "items", "conflicts", "pair_exclusions")

# How each table's columns are typed in DataFrames (the rest are text).
_TABLE_TYPES: Dict[str, Dict[str, Tuple[str, ...]]] = {
    "entities": {"booleans": ("key_unit", "positive_list"),
                 "integers": ("penalties_last_year", "verified_complaints"),
                 "dates": ("last_penalty_date", "supervision_listed_date")},
    "inspectors": {"booleans": ("active",), "integers": ("max_load",),
                   "dates": ("certificate_valid_from", "certificate_valid_until")},
}

_QUALITY_COLUMNS = ("severity", "source", "record", "line", "record_id", "field", "code", "message")


def _typed_frame(table: str, text: str) -> "pandas.DataFrame":
    types = _TABLE_TYPES.get(table, {})
    return _frames.read_csv_frame(text, booleans=types.get("booleans", ()), integers=types.get("integers", ()),
                                  dates=types.get("dates", ()))


def _date_text(value: DateLike) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    return value.isoformat()


class QualityReport:
    """The data-quality report of a load or check: errors stop a load, warnings are for the bureau to decide."""

    def __init__(self, core: Any) -> None:
        self._core = core

    @property
    def error_count(self) -> int:
        """Number of errors (a load with errors fails, so a returned report has none)."""
        return int(self._core.error_count)

    @property
    def warning_count(self) -> int:
        """Number of warnings: invalid USCC check characters, expired certificates, duplicate USCCs …"""
        return int(self._core.warning_count)

    @property
    def issues(self) -> List[Dict[str, Any]]:
        """Every issue as a dict: severity, source, record, line, record_id, field, code, message."""
        return list(json.loads(self._core.to_json())["issues"])

    def to_text(self) -> str:
        """One issue per line, errors first, with bilingual headings."""
        return str(self._core.to_text())

    def to_json(self) -> str:
        """The report as JSON text: ``{"errors": N, "warnings": N, "issues": [...]}``."""
        return str(self._core.to_json())

    def to_pandas(self) -> "pandas.DataFrame":
        """One row per issue: severity, source, record, line, record_id, field, code, message."""
        return _frames.records_frame(self.issues, _QUALITY_COLUMNS, {"record": "Int64", "line": "Int64"})

    def __len__(self) -> int:
        return self.error_count + self.warning_count

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        return f"QualityReport(errors={self.error_count}, warnings={self.warning_count})"

    def _repr_html_(self) -> str:
        issues = self.issues
        return _html.view("数据质量报告 Data-quality report",
                          [("错误 errors", self.error_count), ("警告 warnings", self.warning_count)],
                          [_html.table(_QUALITY_COLUMNS, ([i.get(c) for c in _QUALITY_COLUMNS] for i in issues),
                                       max_rows=50, translate=("severity",))] if issues else [])


class Directory:
    """The entity directory (检查对象名录库), stored column by column in C++."""

    def __init__(self, core: Any, quality: Optional[QualityReport] = None) -> None:
        self._core = core
        #: The quality report of the load that made the directory (``None`` for a copy of a bureau's).
        self.quality = quality

    def __len__(self) -> int:
        return int(len(self._core))

    def __getitem__(self, row: int) -> Dict[str, Any]:
        """The entity at ``row`` as a dict of its fields (``None`` or ``""`` where unknown)."""
        if row < 0:
            row += len(self)
        return dict(self._core.get(row))

    def find(self, entity_id: str) -> Optional[int]:
        """The row of the entity with that id, or ``None``."""
        found = self._core.find(entity_id)
        return None if found is None else int(found)

    def digest(self) -> str:
        """The canonical digest (version 2, docs/directory.md): independent of row order, input format and how
        the directory is split; computed once and kept by the directory."""
        return str(self._core.digest())

    def to_csv(self) -> str:
        """The directory as CSV text with English headers."""
        return str(self._core.to_csv())

    def to_json(self) -> str:
        """The directory as a JSON array of entity objects."""
        return str(self._core.to_json())

    def areas(self) -> List[str]:
        """The distinct non-empty areas (所属区域) in first-seen order."""
        return list(self._core.areas())

    def to_pandas(self) -> "pandas.DataFrame":
        """The directory as a DataFrame, one row per entity with the English column names of the CSV form.

        Flags are pandas' nullable ``boolean``, counts ``Int64``, dates ``datetime64``, unknown values missing;
        ``tags`` keeps its ``;``-separated text. :meth:`Bureau.from_pandas` reads it back unchanged.
        """
        return _typed_frame("entities", self.to_csv())

    def __repr__(self) -> str:
        return f"Directory({len(self)} entities, digest={self.digest()[:12]}…)"

    def _repr_html_(self) -> str:
        columns = ("id", "name", "area", "permit_class", "key_unit", "positive_list", "credit", "status")
        count = len(self)
        rows = ([entity[c] for c in columns] for entity in (self[i] for i in range(min(count, 10))))
        html = _html.table(columns, rows, max_rows=10)
        if count > 10:
            html = html.replace("</tbody>", f"<tr><td class=\"more\" colspan=\"{len(columns)}\">… {count - 10} "
                                            f"more (共 {count} 行 rows; .to_pandas() has them all)</td></tr></tbody>")
        return _html.view("检查对象名录库 Entity directory",
                          [("对象数 entities", count), ("digest", self.digest())], [html])


def load_entities(source: Union[PathLike, TableLike], name: str = "<table>") -> Directory:
    """Loads an entity directory from a ``.csv`` or ``.json`` file, or from a table in memory: a pandas
    DataFrame, a pyarrow Table, a list of row dicts or a dict of columns (English or Chinese headers).

    Tables are converted in bulk to the CSV form and read by the same C++ reader as files, so every header
    alias and every validation applies; ``name`` names the table in messages. The returned directory's
    ``quality`` holds the load's report. Raises ``InvalidInputError`` listing every bad record (record
    number, field and reason) and ``NotFoundError`` when the file does not exist.
    """
    if _frames.is_table(source):
        core, report = _core.read_entities(_frames.table_to_csv(source), "csv", name)
    else:
        core, report = _core.load_entities(os.fspath(source))
    return Directory(core, QualityReport(report))


class Bureau:
    """A bureau's directories: entities, inspectors with their units and partner departments, items, conflicts.

    Create one with :meth:`Bureau.sample` (the built-in synthetic county bureau) or :meth:`Bureau.load`.
    """

    def __init__(self, core: Any, quality: Optional[QualityReport] = None) -> None:
        self._core = core
        #: The quality report of the load (warnings only: a load with errors raises).
        self.quality = quality

    @classmethod
    def sample(cls, entities: int = 1500, seed: int = 20240101) -> "Bureau":
        """The built-in sample bureau, modelled on the Xinle 2024 plan; deterministic for given arguments."""
        core = _core.sample_bureau(entities, seed)
        return cls(core, QualityReport(core.check(None)))

    @classmethod
    def load(cls, path: PathLike, as_of: DateLike = None) -> "Bureau":
        """Loads a bureau folder (entities.csv, inspectors.csv, …) or a bureau JSON document.

        ``as_of`` (a date) is the day certificates are checked against, usually the period's first day.
        Raises ``InvalidInputError`` naming every bad record, field and reason; nothing is half-loaded.
        """
        core, report = _core.load_bureau(os.fspath(path), _date_text(as_of))
        return cls(core, QualityReport(report))

    @classmethod
    def from_entities(cls, path: PathLike) -> "Bureau":
        """A bureau holding only an entity directory (``.csv`` or ``.json``): enough to classify and draw
        entities; teams need inspectors (see :meth:`load`)."""
        core, report = _core.bureau_from_entities(os.fspath(path))
        return cls(core, QualityReport(report))

    @classmethod
    def from_pandas(cls, entities: TableLike, inspectors: Optional[TableLike] = None, *,
                    units: Optional[TableLike] = None, departments: Optional[TableLike] = None,
                    items: Optional[TableLike] = None, conflicts: Optional[TableLike] = None,
                    pair_exclusions: Optional[TableLike] = None, name: str = "",
                    as_of: DateLike = None) -> "Bureau":
        """A bureau from tables in memory: pandas DataFrames, pyarrow Tables, lists of row dicts or dicts of
        columns, one per table of a bureau folder (only ``entities`` is required).

        Each table is written in bulk to the CSV text its file would hold (pandas' or pyarrow's C writer; no
        per-row Python loop) and read by the library's CSV reader, so English or Chinese headers
        (``统一社会信用代码``, ``单位名称`` …), every validation and the quality report are exactly those of
        :meth:`load`. Flags may be booleans, counts may be floats with NaN for unknown, dates may be
        ``datetime64`` or ``datetime.date``, list fields (tags, specialties) lists or ``;``-separated text.
        A named index (``df.set_index("id")``) is taken as a column. Raises ``InvalidInputError`` naming
        every bad record, field and reason (records count from 1 as in the CSV form: row 0 is record 1).
        """
        given = {"entities": entities, "inspectors": inspectors, "units": units, "departments": departments,
                 "items": items, "conflicts": conflicts, "pair_exclusions": pair_exclusions}
        tables = [(table, _frames.table_to_csv(data), "csv", f"<{table} table>")
                  for table, data in given.items() if data is not None]
        core, report = _core.read_bureau_tables(name, tables, _date_text(as_of))
        return cls(core, QualityReport(report))

    from_arrow = from_pandas

    @property
    def name(self) -> str:
        """The bureau's name."""
        return str(self._core.name)

    @property
    def entity_count(self) -> int:
        """Number of entities in the directory."""
        return int(self._core.entity_count)

    @property
    def inspector_count(self) -> int:
        """Number of inspectors, partner-department inspectors included."""
        return int(self._core.inspector_count)

    @property
    def entities(self) -> Directory:
        """The entity directory: a view of the bureau's own (a bureau does not change once made), so its digest,
        once computed, is shared with every draw of this bureau."""
        return Directory(self._core.entities)

    def summary(self) -> str:
        """Counts by area, permit class, positive list, credit and status; inspectors by unit and group."""
        return str(self._core.summary_text())

    def summary_dict(self) -> Dict[str, Any]:
        """The summary as a dict (see :meth:`summary`)."""
        return dict(json.loads(self._core.summary_json()))

    def check(self, as_of: DateLike = None) -> QualityReport:
        """Cross-record checks (USCCs, certificates as of ``as_of``, references between tables)."""
        return QualityReport(self._core.check(_date_text(as_of)))

    def save(self, folder: PathLike, format: str = "csv") -> None:
        """Writes the bureau's tables into an existing folder as ``csv`` or ``json``, each file atomically."""
        self._core.save(os.fspath(folder), format)

    def to_json(self) -> str:
        """The whole bureau as one JSON document (loadable with :meth:`load`)."""
        return str(self._core.to_json())

    def table_csv(self, table: str = "entities") -> str:
        """One table (see :data:`BUREAU_TABLES`) as the CSV text :meth:`save` writes for it."""
        return str(self._core.table_text(table, "csv"))

    def to_pandas(self, table: str = "entities") -> "pandas.DataFrame":
        """One table of the bureau (``entities``, ``inspectors``, ``units``, ``departments``, ``items``,
        ``conflicts`` or ``pair_exclusions``) as a DataFrame; :meth:`from_pandas` reads them back."""
        return _typed_frame(table, self.table_csv(table))

    def __repr__(self) -> str:
        return f"Bureau({self.name!r}, {self.entity_count} entities, {self.inspector_count} inspectors)"

    def _repr_html_(self) -> str:
        summary = self.summary_dict()
        tables = []
        for group, caption in (("entities_by", "检查对象 entities by"), ("inspectors_by", "检查人员 inspectors by")):
            for field, counts in summary.get(group, {}).items():
                tables.append(_html.table(("key", "count"), ([c["label"] or "—", c["count"]] for c in counts),
                                          caption=f"{caption} {field}", max_rows=None))
        facts = [("对象 entities", self.entity_count), ("检查人员 inspectors", self.inspector_count),
                 ("抽查事项 items", summary.get("items", 0)), ("回避 conflicts", summary.get("conflicts", 0))]
        if self.quality is not None:
            facts.append(("质量 quality", f"{self.quality.error_count} errors, {self.quality.warning_count} warnings"))
        body = "<div style=\"display:flex;flex-wrap:wrap;gap:1.5em\">" + "".join(
            f"<div>{t}</div>" for t in tables) + "</div>"
        return _html.view(f"{self.name or '局 Bureau'}", facts, [body])
