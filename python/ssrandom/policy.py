"""Policies (监管政策) and explainable classification (分级分类).

A policy is data: the supervision classes and their conditions, the pool rules, the quotas per quarter with
optional credit-risk ratio tables, and the rules the later stages use (joint inspections, teams, deadlines).
Policies are JSON files in the format of ``docs/policy.md`` (JSON Schema ``schemas/policy.schema.json``); two
presets ship with the library: ``hebei-xinle-2024`` (the 2024 plan of the Xinle branch of the Shijiazhuang
Ecology and Environment Bureau) and ``city-level``.

Example::

    >>> import ssrandom
    >>> policy = ssrandom.Policy.load("hebei-xinle-2024")      # or a path to a .json file
    >>> policy.quotas["key"]["minimum"]
    '25%'
    >>> bureau = ssrandom.Bureau.sample()
    >>> result = ssrandom.classify(bureau.entities, policy, "2024Q1")
    >>> result.counts["special"] > 0
    True
    >>> result.to_rows()[0].keys()
    dict_keys(['id', 'class', 'pool', 'positive_list', 'credit', 'explanation'])
    >>> [line["arithmetic"] for line in result.quotas][:1]     # doctest: +SKIP
    ['⌈50% × 6⌉ = ⌈3⌉ = 3']

Conditions use a small language over entity attributes (``permit_class == "key" or key_unit``,
``"固废" in tags``, ``last_penalty_date within 1 year``); an unknown value never makes a condition true.
"""

from __future__ import annotations

import csv
import io
import json
import os
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Union

from ssrandom import _core, _frames, _html
from ssrandom.bureau import Bureau, Directory, load_entities

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas

__all__ = ["Policy", "PolicyProblem", "Condition", "Classification", "classify", "CLASSIFICATION_COLUMNS"]

#: The columns of :meth:`Classification.to_rows`, CSV and JSON output, in order.
CLASSIFICATION_COLUMNS = ("id", "class", "pool", "positive_list", "credit", "explanation")

PeriodLike = Any  # ssrandom.Period or its text ("2024Q1")
DirectoryLike = Union[Directory, Bureau, str, "os.PathLike[str]", Any]  # Any: a DataFrame or other table


@dataclass(frozen=True)
class PolicyProblem:
    """One problem found in a policy file: where (file, JSON path, line, column) and what to do about it."""

    source: str
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}:{self.column}" if self.line else self.source
        return f"{where}: {self.path + ': ' if self.path else ''}{self.message}"


class Policy:
    """A validated, immutable policy. Create one with :meth:`load`, :meth:`preset` or :meth:`from_json`."""

    def __init__(self, core: Any) -> None:
        self._core = core

    # --- loading ---------------------------------------------------------------------------------------------

    @classmethod
    def load(cls, name_or_path: Union[str, "os.PathLike[str]"]) -> "Policy":
        """A preset by name, or a policy file. Raises ``InvalidInputError`` listing every problem."""
        return cls(_core.Policy.load(os.fspath(name_or_path)))

    @classmethod
    def preset(cls, name: str) -> "Policy":
        """A preset shipped with the library (see :meth:`preset_names`)."""
        return cls(_core.Policy.preset(name))

    @classmethod
    def from_json(cls, text: str, source: str = "<policy>") -> "Policy":
        """A policy from JSON text; ``source`` names it in error messages."""
        return cls(_core.Policy.from_json(text, source))

    @staticmethod
    def preset_names() -> List[str]:
        """The names of the presets, sorted."""
        return list(_core.Policy.preset_names())

    @staticmethod
    def preset_json(name: str) -> str:
        """A preset's JSON text as shipped, with its sources and comments."""
        return str(_core.Policy.preset_json(name))

    @staticmethod
    def check(text: str, source: str = "<policy>") -> List[PolicyProblem]:
        """Every problem in a policy's JSON text, in document order; empty when it is valid."""
        return [PolicyProblem(*problem) for problem in _core.Policy.check(text, source)]

    @staticmethod
    def check_file(path: Union[str, "os.PathLike[str]"]) -> List[PolicyProblem]:
        """Every problem in a policy file (see :meth:`check`)."""
        with open(path, encoding="utf-8") as handle:
            return Policy.check(handle.read(), os.fspath(path))

    # --- contents --------------------------------------------------------------------------------------------

    @property
    def name(self) -> str:
        """The policy's name, e.g. ``"hebei-xinle-2024"``."""
        return str(self._core.name)

    @property
    def title(self) -> str:
        """The policy's title for people, e.g. the plan it transcribes."""
        return str(self._core.title)

    @property
    def digest(self) -> str:
        """SHA-256 (hex) of the canonical JSON: the policy digest of draw records."""
        return str(self._core.digest)

    @property
    def canonical_json(self) -> str:
        """The canonical form: ``json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)``."""
        return str(self._core.canonical_json)

    @property
    def classes(self) -> Dict[str, List[Dict[str, str]]]:
        """The conditions of each class: ``{"special": [{"name", "when", "canonical", "source", "comment"}]}``."""
        return dict(self._core.classes)

    @property
    def exclusions(self) -> List[Dict[str, str]]:
        """The pool exclusion conditions (``pool.excluded_when``)."""
        return list(self._core.exclusions)

    @property
    def excluded_statuses(self) -> List[str]:
        """Statuses that leave the pool (``"unknown"`` when entities of unknown status do too)."""
        return list(self._core.excluded_statuses)

    @property
    def precedence(self) -> List[str]:
        """The classes from strongest to weakest, e.g. ``["special", "general", "key"]``."""
        return list(self._core.precedence)

    @property
    def unmatched_class(self) -> str:
        """The class of entities that meet no class condition (usually ``"general"``)."""
        return str(self._core.unmatched_class)

    @property
    def quotas(self) -> Dict[str, Dict[str, Any]]:
        """Per pool: ``rule``, ``minimum``, ``method``, ``source``, ``comment`` and ``credit_ratios``."""
        return dict(self._core.quotas)

    @property
    def credit_classes(self) -> List[str]:
        """The credit classes from lowest to highest risk (empty without a credit scheme)."""
        return list(self._core.credit_classes)

    @property
    def unknown_credit_class(self) -> Optional[str]:
        """The class entities with an unknown credit value are counted in."""
        value = self._core.unknown_credit_class
        return None if value is None else str(value)

    @property
    def credit_based_share(self) -> str:
        """The minimum share of credit-based inspections among all inspections (Q-CREDIT); ``"0%"`` when none."""
        return str(self._core.credit_based_share)

    @property
    def yearly_cap(self) -> int:
        """The most planned inspections of one entity per year (default 2)."""
        return int(self._core.yearly_cap)

    @property
    def rotation_within_year(self) -> bool:
        """Whether an entity drawn earlier in the year leaves the pool until the pool is exhausted."""
        return bool(self._core.rotation_within_year)

    @property
    def take_whole_pool_when_short(self) -> bool:
        """Whether a quota larger than what can be drawn takes all that can be (recording the shortfall)
        instead of failing the draw."""
        return bool(self._core.take_whole_pool_when_short)

    @property
    def joint(self) -> Dict[str, Any]:
        """Joint-inspection targets: ``internal_joint_share`` (a ratio) and ``dept_joint_per_quarter``."""
        return dict(self._core.joint)

    @property
    def team(self) -> Dict[str, Any]:
        """Team rules: ``min_size``, ``certificate_required``, ``recusal``, ``rotation_window_periods``,
        ``own_area_rule``, ``default_max_load``, ``offsite_units``, ``skills_by_item``."""
        return dict(self._core.team)

    @property
    def deadlines(self) -> Dict[str, int]:
        """Deadlines in working days: result entry, publication, quarterly summary and statistics."""
        return dict(self._core.deadlines)

    def classify(self, entities: DirectoryLike, period: PeriodLike) -> "Classification":
        """Classifies a directory for a period under this policy (see :func:`classify`)."""
        return classify(entities, self, period)

    def to_json(self) -> str:
        """The policy's canonical JSON (see :attr:`canonical_json`), whose SHA-256 is :attr:`digest`."""
        return self.canonical_json

    def __repr__(self) -> str:
        return f"Policy({self.name!r}, digest={self.digest[:12]}…)"

    def _repr_html_(self) -> str:
        classes = _html.table(("class", "name", "when"),
                              ([klass, rule["name"], rule["canonical"]]
                               for klass, rules in self.classes.items() for rule in rules),
                              caption="分级分类 classes (strongest first: " + " > ".join(self.precedence) + ")",
                              max_rows=None, translate=("class",))
        quotas = _html.table(("pool", "rule", "minimum", "method", "credit_ratios"),
                             ([pool, q["rule"], q["minimum"], q["method"],
                               ", ".join(f"{k} {v}" for k, v in q["credit_ratios"].items())]
                              for pool, q in self.quotas.items()),
                             caption="每季度抽查比例 quarterly quotas", max_rows=None, translate=("pool", "method"))
        return _html.view(f"监管政策 Policy {self.name}", [("title", self.title), ("digest", self.digest)],
                          [classes, quotas])


class Condition:
    """A condition of the policy language, parsed (``InvalidInputError`` with line and column otherwise)."""

    def __init__(self, text: str, rule: str = "condition") -> None:
        self._core = _core.Condition(text, rule)

    @property
    def text(self) -> str:
        """The condition as written."""
        return str(self._core.text)

    @property
    def attributes(self) -> List[str]:
        """The attributes the condition reads."""
        return list(self._core.attributes)

    def evaluate(self, entities: DirectoryLike, period: PeriodLike) -> List[Optional[bool]]:
        """True, False or None (unknown: data missing) for every entity of the directory."""
        return list(self._core.evaluate(_directory_core(entities), str(period)))

    def __str__(self) -> str:
        """The canonical form."""
        return str(self._core)

    def __repr__(self) -> str:
        return f"Condition({str(self)!r})"


class Classification:
    """The class, pool, credit cell and explanation of every entity, and the quotas they imply."""

    def __init__(self, core: Any, directory_core: Any) -> None:
        self._core = core
        self._directory = directory_core

    def __len__(self) -> int:
        return len(self._core)

    @property
    def period(self) -> str:
        """The period classified, e.g. ``"2024Q1"`` (date conditions are relative to it)."""
        return str(self._core.period)

    @property
    def policy(self) -> Policy:
        """The policy the directory was classified under."""
        return Policy(self._core.policy)

    @property
    def counts(self) -> Dict[str, int]:
        """Entities per pool: special, key, positive, general, excluded."""
        return dict(self._core.counts())

    @property
    def class_counts(self) -> Dict[str, int]:
        """Entities per class: special, key, general, excluded."""
        return dict(self._core.class_counts())

    @property
    def conflicts(self) -> int:
        """Entities that met more than one class (settled by precedence)."""
        return int(self._core.conflicts)

    @property
    def defaulted_credit(self) -> int:
        """Entities of credit-table pools whose credit was unknown, counted in the default class."""
        return int(self._core.defaulted_credit)

    @property
    def quotas(self) -> List[Dict[str, Any]]:
        """One line per pool or credit cell: pool, rule, credit_class, size, ratio, quota, method, arithmetic."""
        return list(self._core.quota_lines())

    def explain(self, row_or_id: Union[int, str]) -> str:
        """The explanation of one entity, by row number or id."""
        row = row_or_id
        if isinstance(row_or_id, str):
            found = self._directory.find(row_or_id)
            if found is None:
                raise KeyError(row_or_id)
            row = found
        return str(self._core.explain(int(row)))

    def to_rows(self) -> List[Dict[str, Any]]:
        """One dict per entity with the keys of :data:`CLASSIFICATION_COLUMNS`."""
        return [dict(zip(CLASSIFICATION_COLUMNS, row)) for row in self._core.rows(self._directory)]

    def to_pandas(self, explain: bool = True) -> "pandas.DataFrame":
        """One row per entity with the columns of :data:`CLASSIFICATION_COLUMNS` (``positive_list`` as pandas'
        nullable ``boolean``, an empty ``credit`` for pools without a credit table). The columns are built in
        C++ without the GIL; ``explain=False`` leaves out the explanation column, which is the slow one."""
        pd = _frames.require("pandas", "Classification.to_pandas")
        columns = self._core.columns(self._directory, explain)
        frame: "pandas.DataFrame" = pd.DataFrame(columns,
                                                     columns=[c for c in CLASSIFICATION_COLUMNS if c in columns])
        frame["positive_list"] = frame["positive_list"].astype("boolean")
        return frame

    def to_dataframe(self) -> "pandas.DataFrame":
        """The same as :meth:`to_pandas` (the earlier name, kept for existing notebooks)."""
        return self.to_pandas()

    def quotas_to_pandas(self) -> "pandas.DataFrame":
        """The quota lines (:attr:`quotas`) as a DataFrame: pool, rule, credit_class, size, ratio, quota, method,
        arithmetic."""
        return _frames.records_frame(self.quotas, ("pool", "rule", "credit_class", "size", "ratio", "quota",
                                                   "method", "arithmetic"), {"size": "int64", "quota": "int64"})

    def to_csv(self) -> str:
        """The rows as CSV text (positive_list written true/false/empty)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CLASSIFICATION_COLUMNS)
        for row in self._core.rows(self._directory):
            values = list(row)
            values[3] = "" if values[3] is None else ("true" if values[3] else "false")
            writer.writerow(values)
        return out.getvalue()

    def to_json(self) -> str:
        """The whole result as JSON: period, policy (name and digest), counts, quotas and rows."""
        policy = self.policy
        document = {
            "period": self.period,
            "policy": {"name": policy.name, "digest": policy.digest},
            "counts": self.counts,
            "class_counts": self.class_counts,
            "quotas": self.quotas,
            "entities": self.to_rows(),
        }
        return json.dumps(document, ensure_ascii=False, indent=1)

    def summary(self) -> str:
        """Counts per pool and per credit cell with each quota's arithmetic, as text for people."""
        counts = self.counts
        lines = [f"{self.period} · policy {self.policy.name}"]
        labels = {"special": "特殊监管对象 special", "key": "重点监管对象 key",
                  "positive": "正面清单 positive list", "general": "一般监管对象 general",
                  "excluded": "不在抽查范围 excluded"}
        lines.append("entities per pool:")
        for pool in ("special", "key", "positive", "general", "excluded"):
            lines.append(f"  {_pad(labels[pool], 28)} {counts[pool]:>8}")
        if self.conflicts:
            lines.append(f"  ({self.conflicts} met several classes and were settled by precedence)")
        lines.append("quotas this period:")
        for line in self.quotas:
            cell = f"{line['pool']}/{line['credit_class']}" if line["credit_class"] else line["pool"]
            method = "off-site" if line["method"] == "off_site" else "on-site"
            lines.append(f"  {line['rule']:<11} {cell:<12} {line['size']:>8} entities  {line['arithmetic']}"
                         f"  ({method})")
        total = sum(line["quota"] for line in self.quotas)
        lines.append(f"  total to draw: {total}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"Classification({self.period}, {len(self)} entities, {self.counts})"

    def _repr_html_(self) -> str:
        counts = self.counts
        class_counts = self.class_counts
        pools = _html.table(("pool", "entities"), ([pool, count] for pool, count in counts.items()),
                            caption="抽查库 entities per pool", max_rows=None, translate=("pool",))
        classes = _html.table(("class", "entities"), ([k, count] for k, count in class_counts.items()),
                              caption="监管类别 entities per class", max_rows=None, translate=("class",))
        columns = ("pool", "credit_class", "size", "ratio", "quota", "method", "arithmetic")
        quotas = _html.table(columns, ([line[c] for c in columns] for line in self.quotas),
                             caption="本期应抽 quotas this period", max_rows=None, translate=("pool", "method"))
        policy = self.policy
        facts = [("期间 period", self.period), ("政策 policy", f"{policy.name} ({policy.digest[:12]}…)"),
                 ("对象 entities", len(self)), ("应抽合计 total quota", sum(q["quota"] for q in self.quotas))]
        if self.conflicts:
            facts.append(("多类冲突 conflicts", self.conflicts))
        body = ("<div style=\"display:flex;flex-wrap:wrap;gap:1.5em\"><div>" + pools + "</div><div>" + classes +
                "</div></div>" + quotas)
        return _html.view("分级分类 Classification", facts, [body])


def _pad(text: str, width: int) -> str:
    """Pads to a display width, counting wide (CJK) characters as two columns."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - shown)


def _directory_core(entities: DirectoryLike) -> Any:
    if isinstance(entities, Bureau):
        return entities.entities._core
    if isinstance(entities, Directory):
        return entities._core
    if isinstance(entities, (str, os.PathLike)) or _frames.is_table(entities):
        return load_entities(entities)._core
    return entities  # a _core.Directory


def classify(entities: DirectoryLike, policy: Union[Policy, str], period: PeriodLike,
             threads: int = 0) -> Classification:
    """Classifies every entity for a period.

    ``entities`` is a :class:`Directory`, a :class:`Bureau`, the path of an entity file (.csv or .json) or a
    table (a DataFrame, a pyarrow Table, row dicts; see :func:`load_entities`);
    ``policy`` a :class:`Policy`, a preset name or a policy file path; ``period`` a :class:`Period` or its
    text (``"2024Q1"``). Date conditions are relative to the period. ``threads``: how many threads classify
    a large directory in parts (0, the default: two, as :func:`draw`); the result does not depend on it.
    """
    if not isinstance(policy, Policy):
        policy = Policy.load(policy)
    directory = _directory_core(entities)
    return Classification(_core.classify(directory, policy._core, str(period), threads), directory)
