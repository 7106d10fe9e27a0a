"""Inspection results, compliance checks (考核), the quarterly statistics table and public disclosure.

- :class:`Results` — what happened to each planned task (``results.csv`` / ``results.json``, see
  ``docs/results.md``), validated against the plans on load;
- :func:`check` — the rule engine (``docs/check.md``): one :class:`ComplianceReport` of findings for a quarter
  or a year, prospective (plans only) or retrospective (with results);
- :func:`statistics` and :func:`write_xlsx` — the quarterly statistics table (统计表) per area and in total;
- :func:`disclosure` — the public records (一公开), never before an inspection and never beyond an inspector's
  name and certificate number;
- :func:`simulate_results` and :func:`demo_compliance_report` — the deterministic simulated quarter the demo
  ends with.

Example::

    >>> import ssrandom
    >>> from ssrandom.check import check, simulate_results
    >>> bureau = ssrandom.Bureau.sample()
    >>> drawn = ssrandom.draw(bureau, "hebei-xinle-2024", "2024Q1", seed="…")
    >>> results = simulate_results(drawn.plan, bureau)
    >>> report = check("hebei-xinle-2024", "2024Q1", [drawn.plan], records=[drawn.record],
    ...                results=results, bureau=bureau)
    >>> print(report.text)
"""

from __future__ import annotations

import datetime
import io
import json
import os
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from ssrandom import _core
from ssrandom.bureau import Bureau
from ssrandom.entity_draw import DrawRecord, Plan, write_atomic, write_files_atomic
from ssrandom.policy import Policy

__all__ = [
    "Results",
    "ComplianceReport",
    "StatisticsTable",
    "Disclosure",
    "check",
    "statistics",
    "disclosure",
    "simulate_results",
    "write_xlsx",
    "xlsx_bytes",
    "load_plans",
    "demo_compliance_report",
    "write_sample_results",
    "rule_ids",
    "rule_title",
]

PathLike = Union[str, "os.PathLike[str]"]
DateLike = Union[datetime.date, str, None]


def _date_text(value: DateLike) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _policy(policy: Any) -> Policy:
    return policy if isinstance(policy, Policy) else Policy.load(policy)


def _plans(plans: Union[Plan, Sequence[Plan]]) -> List[Plan]:
    return [plans] if isinstance(plans, Plan) else list(plans)


class Results:
    """The inspection results of one or more quarters (``ssrandom-results`` format, docs/results.md).

    Build with :meth:`load` or :meth:`read`, which validate every record against the plans and raise
    :class:`ssrandom.InvalidInputError` naming the record, field and reason of every problem.
    """

    def __init__(self, texts: Tuple[str, str, str], plans: Sequence[Plan],
                 warnings: Sequence[Dict[str, Any]] = ()) -> None:
        self._json, self._csv, self._csv_chinese = texts
        self.plans = list(plans)
        self.warnings = list(warnings)
        self._data = json.loads(self._json)

    @classmethod
    def read(cls, text: str, plans: Union[Plan, Sequence[Plan]], format: str = "csv", source: str = "results",
             bureau: Optional[Bureau] = None) -> "Results":
        """Reads CSV (English or Chinese headers) or JSON text; ``bureau`` also checks inspector ids."""
        plans = _plans(plans)
        texts, report = _core.results_read(text, format == "json", source, [p.to_json() for p in plans],
                                           bureau._core if bureau is not None else None)
        return cls(texts, plans, json.loads(report)["issues"])

    @classmethod
    def load(cls, path: PathLike, plans: Union[Plan, Sequence[Plan]], bureau: Optional[Bureau] = None) -> "Results":
        """Reads a ``.csv`` or ``.json`` results file."""
        path = os.fspath(path)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        return cls.read(text, plans, "json" if path.lower().endswith(".json") else "csv", path, bureau)

    @property
    def records(self) -> List[Dict[str, Any]]:
        """The results as dicts (empty fields left out, as in the JSON form)."""
        return list(self._data["results"])

    def __len__(self) -> int:
        """The number of result records."""
        return len(self._data["results"])

    def to_json(self) -> str:
        """The results as ``ssrandom-results`` JSON text."""
        return str(self._json)

    def to_csv(self, chinese_headers: bool = False) -> str:
        """The results as CSV text, with English or (``chinese_headers``) Chinese headers."""
        return str(self._csv_chinese if chinese_headers else self._csv)

    def save(self, path: PathLike, chinese_headers: bool = False) -> None:
        """Writes ``.json`` or ``.csv`` (by extension), atomically."""
        path = os.fspath(path)
        write_atomic(path, self.to_json() if path.lower().endswith(".json") else self.to_csv(chinese_headers))


class ComplianceReport:
    """The findings of :func:`check`: ``data`` (the JSON document as a dict), ``text`` (the readable report)."""

    def __init__(self, json_text: str, text: str, ok: bool) -> None:
        self._json = json_text
        self.text = text
        self.ok = bool(ok)
        self.data: Dict[str, Any] = json.loads(json_text)

    @property
    def findings(self) -> List[Dict[str, Any]]:
        """Every finding as a dict (rule, scope, status, figures; docs/check.md)."""
        return list(self.data["findings"])

    def finding(self, rule: str, period: Optional[str] = None, pool: str = "",
                credit_class: str = "") -> Dict[str, Any]:
        """The finding of ``rule`` (for ``period``, ``pool`` and ``credit_class`` when given); KeyError if none."""
        for f in self.data["findings"]:
            scope = f["scope"]
            if f["rule"] == rule and (period is None or scope["period"] == period) and scope["pool"] == pool \
                    and scope["credit_class"] == credit_class:
                return dict(f)
        raise KeyError(f"no finding for {rule} {period or ''} {pool}".strip())

    def to_json(self) -> str:
        """The report as JSON text."""
        return self._json

    def __str__(self) -> str:
        return self.text


def check(policy: Any, period: Any, plans: Union[Plan, Sequence[Plan]], records: Sequence[DrawRecord] = (),
          results: Optional[Results] = None, bureau: Optional[Bureau] = None, history: Sequence[Plan] = (),
          as_of: DateLike = None, summary_submitted: Optional[Mapping[str, DateLike]] = None,
          statistics_submitted: Optional[Mapping[str, DateLike]] = None,
          count_full_coverage: bool = False) -> ComplianceReport:
    """Checks ``period`` (a quarter or a year) under ``policy`` (docs/check.md).

    ``plans`` are the checked quarters' plans, ``records`` their draw records (frozen pool sizes), ``results``
    makes the check retrospective, ``bureau`` enables certificates, conflicts and named hints, ``history``
    holds earlier plans of the year (cap, rotation), ``as_of`` is the day of the check (None: final), and the
    two ``*_submitted`` maps give, by quarter, the day the summary and the statistics table were submitted.
    The GIL is released while checking.
    """
    json_text, text, ok = _core.check(
        _policy(policy)._core, str(period), [p.to_json() for p in _plans(plans)], [r.to_json() for r in records],
        results.to_json() if results is not None else None, bureau._core if bureau is not None else None,
        [p.to_json() for p in history], _date_text(as_of),
        {k: _date_text(v) for k, v in (summary_submitted or {}).items()},
        {k: _date_text(v) for k, v in (statistics_submitted or {}).items()}, bool(count_full_coverage))
    return ComplianceReport(json_text, text, ok)


class StatisticsTable:
    """The quarterly statistics table (统计表): ``rows`` per area, ``total``, ``columns`` (key and label)."""

    def __init__(self, json_text: str, csv: str, csv_chinese: str) -> None:
        self._json, self._csv, self._csv_chinese = json_text, csv, csv_chinese
        self.data: Dict[str, Any] = json.loads(json_text)

    @property
    def period(self) -> str:
        """The quarter the table covers, e.g. ``2024Q1``."""
        return str(self.data["period"])

    @property
    def columns(self) -> List[Dict[str, str]]:
        """The counted columns in order, each with its ``key`` and Chinese ``label``."""
        return list(self.data["columns"])

    @property
    def rows(self) -> List[Dict[str, Any]]:
        """One dict per area: ``area`` and a count per column key."""
        return list(self.data["rows"])

    @property
    def total(self) -> Dict[str, Any]:
        """The total row over every area."""
        return dict(self.data["total"])

    def to_json(self) -> str:
        """As JSON text."""
        return self._json

    def to_csv(self, chinese_headers: bool = False) -> str:
        """As CSV text, with English or (``chinese_headers``) Chinese headers."""
        return self._csv_chinese if chinese_headers else self._csv


def statistics(bureau: Bureau, policy: Any, plan: Plan, results: Results, as_of: DateLike = None) -> StatisticsTable:
    """The statistics table of ``plan``'s quarter from its results (as of ``as_of``; all without it)."""
    return StatisticsTable(*_core.statistics(bureau._core, _policy(policy)._core, plan.to_json(), results.to_json(),
                                             _date_text(as_of)))


def xlsx_bytes(tables: Union[StatisticsTable, Sequence[StatisticsTable]]) -> bytes:
    """Statistics tables as an Excel workbook (the bytes of an .xlsx file), one sheet per quarter, with openpyxl.

    Each sheet has a title row, a row of Chinese column labels, a row of the English keys, one row per area
    and the total row (bold). Requires ``openpyxl`` (``pip install ssrandom[xlsx]``).
    """
    try:
        import openpyxl
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError("writing .xlsx needs openpyxl: pip install openpyxl") from error
    if isinstance(tables, StatisticsTable):
        tables = [tables]
    workbook = openpyxl.Workbook()
    default_sheet = workbook.active  # a new workbook starts with one empty sheet; one sheet per table replaces it
    if default_sheet is not None:
        workbook.remove(default_sheet)
    bold = Font(bold=True)
    for table in tables:
        sheet = workbook.create_sheet(title=table.period)
        columns = table.columns
        sheet.append([f"{table.data['bureau']} {table.period} “双随机、一公开”监管工作统计表"])
        sheet["A1"].font = bold
        sheet.append(["所属区域"] + [c["label"] for c in columns])
        sheet.append(["area"] + [c["key"] for c in columns])
        for cell in sheet[2]:
            cell.font = bold
        for row in table.rows + [table.total]:
            sheet.append([row["area"]] + [int(row[c["key"]]) for c in columns])
        for cell in sheet[sheet.max_row]:
            cell.font = bold
        sheet.freeze_panes = "B4"
        sheet.column_dimensions["A"].width = 12
        for index in range(2, len(columns) + 2):
            sheet.column_dimensions[get_column_letter(index)].width = 14
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_xlsx(tables: Union[StatisticsTable, Sequence[StatisticsTable]], path: PathLike) -> None:
    """Writes :func:`xlsx_bytes` to ``path``, atomically. Requires ``openpyxl``."""
    write_atomic(path, xlsx_bytes(tables))


class Disclosure:
    """Public disclosure records (一公开): ``records`` to publish and ``withheld`` (task id, reason) pairs."""

    def __init__(self, json_text: str, csv: str, csv_chinese: str, withheld: Iterable[Tuple[str, str]]) -> None:
        self._json, self._csv, self._csv_chinese = json_text, csv, csv_chinese
        self.data: Dict[str, Any] = json.loads(json_text)
        self.withheld: List[Tuple[str, str]] = [(task_id, reason) for task_id, reason in withheld]

    @property
    def records(self) -> List[Dict[str, Any]]:
        """The records to publish, one dict per inspection."""
        return list(self.data["records"])

    def to_json(self) -> str:
        """As JSON text."""
        return self._json

    def to_csv(self, chinese_headers: bool = False) -> str:
        """As CSV text, with English or (``chinese_headers``) Chinese headers."""
        return self._csv_chinese if chinese_headers else self._csv


def disclosure(bureau: Bureau, plan: Plan, results: Results, as_of: DateLike,
               record: Optional[DrawRecord] = None) -> Disclosure:
    """The public records of ``plan``'s results as of ``as_of``; uninspected tasks are withheld."""
    if as_of is None:
        raise ValueError("disclosure needs an as-of date: nothing is published before its inspection")
    return Disclosure(*_core.disclosure(bureau._core, plan.to_json(), results.to_json(), _date_text(as_of),
                                        record.to_json() if record is not None else None))


def simulate_results(plan: Plan, bureau: Bureau, seed: str = "", as_of: DateLike = None,
                     faults: bool = True) -> Results:
    """Deterministic simulated results for every task of ``plan`` (C++ ``ssr::SimulateResults``).

    Same plan, bureau and seed give the same results on every machine. The default seed reproduces the
    bundled ``data/sample_results/2024Q1/results.csv`` for the demo draw, with its faults: one result
    published late, one on-site team of a single inspector, one result entered late. ``as_of`` leaves
    later entries and publications empty and drops inspections after it; ``faults=False`` leaves the three
    faults out.
    """
    texts = _core.simulate_results(plan.to_json(), bureau._core, seed, _date_text(as_of), bool(faults))
    return Results(texts, [plan])


def load_plans(folder: PathLike) -> Tuple[List[Plan], List[DrawRecord]]:
    """The plans and draw records in ``folder``: a draw's output folder (``plan.json``, ``record.json``) or a
    folder of such folders (one per quarter), found recursively, in path order."""
    plans: List[Plan] = []
    records: List[DrawRecord] = []
    folder = os.fspath(folder)
    if os.path.isfile(folder):
        return [Plan.load(folder)], []
    for root, dirs, files in sorted(os.walk(folder)):
        dirs.sort()
        if "plan.json" in files:
            plans.append(Plan.load(os.path.join(root, "plan.json")))
            if "record.json" in files:
                records.append(DrawRecord.load(os.path.join(root, "record.json")))
    if not plans:
        raise FileNotFoundError(f"{folder}: no plan.json in this folder or below it")
    return plans, records


def demo_compliance_report(bureau: Bureau, policy: Any, plan: Plan, record: Optional[DrawRecord] = None,
                           seed: str = "", as_of: DateLike = None) -> str:
    """The compliance report the demo ends with: ``plan`` executed with :func:`simulate_results` (its faults
    show as violated rules), checked retrospectively, followed by the quarter's statistics totals."""
    results = simulate_results(plan, bureau, seed)
    report = check(policy, plan.period, [plan], records=[record] if record is not None else [],
                   results=results, bureau=bureau, as_of=as_of)
    table = statistics(bureau, policy, plan, results, as_of)
    total = table.total
    lines = [report.text.rstrip("\n"), "",
             f"统计表 statistics {table.period} (合计 total): {total['inspections']} inspections "
             f"({total['on_site']} on-site, {total['off_site']} off-site), {total['internal_joint']} internal "
             f"joint, {total['department_joint']} with partner departments, {total['problems_found']} problems "
             f"found, {total['published']} published"]
    return "\n".join(lines) + "\n"


def write_sample_results(out_dir: PathLike) -> List[str]:
    """Writes the bundled simulated quarter: ``OUT/2024Q1/`` with the demo draw's ``plan.csv`` and
    ``plan.json`` and its :func:`simulate_results` (default seed) as ``results.csv`` and ``results.json``.

    ``data/sample_results`` in the repository is this output (``scripts/sample-results`` regenerates it; a
    test checks that it matches the generator).
    """
    from ssrandom.commands.demo import DEMO_PERIOD, DEMO_POLICY, DEMO_SEED, DEMO_SEED_SOURCE
    from ssrandom.entity_draw import draw

    bureau = Bureau.sample()
    drawn = draw(bureau, Policy.load(DEMO_POLICY), DEMO_PERIOD, DEMO_SEED, DEMO_SEED_SOURCE)
    results = simulate_results(drawn.plan, bureau)
    folder = os.path.join(os.fspath(out_dir), DEMO_PERIOD)
    os.makedirs(folder, exist_ok=True)
    files = [(os.path.join(folder, name), text)
             for name, text in (("plan.csv", drawn.plan.to_csv()), ("plan.json", drawn.plan.to_json()),
                                ("results.csv", results.to_csv()), ("results.json", results.to_json()))]
    write_files_atomic(files)
    return [path for path, _ in files]


def rule_ids() -> List[str]:
    """The rule ids in report order (docs/check.md)."""
    return list(_core.rule_ids())


def rule_title(rule: str) -> str:
    """A rule's bilingual title."""
    return str(_core.rule_title(rule))
