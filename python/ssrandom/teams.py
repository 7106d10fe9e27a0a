"""The random, verifiable draw of inspection teams (随机选派执法检查人员).

Every task of a quarterly plan gets a team drawn from the bureau's inspector directory: for each task, every
inspector is ranked by the ticket of ``"<task id>|<inspector id>"`` under the plan's seed (the same
``consistent_sampler``-compatible tickets as the entity draw), and the team is the first candidates in that
order that the rules admit — certificate valid for the whole quarter, no conflict of interest, no pair
exclusion, rotation, the own-area rule, specialties required by the items, workload, off-site staff for
off-site tasks, partner departments only on department joint tasks. Every candidate passed over before the
last member is recorded with the reason, so anyone can re-run the draw. ``docs/teams.md`` explains every rule
and every field of the record.

Example::

    >>> import ssrandom
    >>> bureau = ssrandom.Bureau.sample()
    >>> assignment = ssrandom.assign_teams(bureau, plan_json, ssrandom.TeamRules(), history=[earlier_plan_json])
    >>> assignment.record["load_cap_percent"], assignment.record["internal_joint"]
    >>> for team in assignment.teams: print(team["task_id"], team["members"], team["joint"])
    >>> ssrandom.verify_teams(assignment.record_json, bureau, plan_json, history=[earlier_plan_json])

Plans are the plan JSON documents of the entity draw (format ``ssrandom-plan``), given as text, as a dict, or
as a path to a file. Rules that cannot be met raise :class:`ssrandom.FailedPreconditionError` before anything
is drawn, with a message that names the tasks, the binding rule and what would fix it.
"""

from __future__ import annotations

import dataclasses
import json
import os
from typing import Any, Dict, Iterable, List, Mapping, NamedTuple, Optional, Tuple, Union

from ssrandom import _core
from ssrandom.errors import InvalidInputError

__all__ = ["TeamRules", "TeamAssignment", "assign_teams", "verify_teams", "team_record_digest",
           "inspector_directory_digest", "with_inspectors", "OWN_AREA_RULES", "BUREAU_TABLES"]

#: The tables of a bureau folder, in the order the library reads them (``kBureauTables``).
BUREAU_TABLES = ("entities", "inspectors", "units", "departments", "items", "conflicts", "pair_exclusions")

#: The values of :attr:`TeamRules.own_area`.
OWN_AREA_RULES = ("free", "required", "forbidden")

#: A plan or record: JSON text, an already parsed dict, or the path of a JSON file.
JsonLike = Union[str, Mapping[str, Any], "os.PathLike[str]"]


@dataclasses.dataclass(frozen=True)
class TeamRules:
    """The rules a team draw obeys; the defaults are the law's and the Xinle 2024 plan's (docs/teams.md)."""

    #: Bureau inspectors per on-site team (Administrative Penalty Law art. 42: at least 2).
    min_team_size: int = 2
    #: Staff per off-site (positive-list) task: a desk review of monitoring data, so 1 by default.
    offsite_team_size: int = 1
    #: Units whose staff take the off-site tasks, and only they.
    offsite_units: Tuple[str, ...] = ("monitoring",)
    #: Tasks per period for an inspector without a max_load.
    default_max_load: int = 30
    #: Nobody inspects an entity they inspected in this many earlier periods (0: no rotation).
    rotation_window_periods: int = 4
    #: May inspectors inspect their own area group: "free", "required" (only their own) or "forbidden".
    own_area: str = "free"
    #: Every specialty an item requires is held by a team member.
    skills_by_item: bool = True
    #: Internal joint inspections are at least numerator/denominator of the year's inspections.
    internal_joint_share_numerator: int = 30
    internal_joint_share_denominator: int = 100
    #: Inter-department joint inspections in every quarterly plan.
    department_joints_per_quarter: int = 1
    #: Pools covered in full (a quota of 100%): not random inspections, so outside the internal joint share.
    full_coverage_pools: Tuple[str, ...] = ("positive",)

    def __post_init__(self) -> None:
        if isinstance(self.offsite_units, str):
            raise InvalidInputError("offsite_units must be a sequence of unit ids, not one text")
        object.__setattr__(self, "offsite_units", tuple(self.offsite_units))
        if isinstance(self.full_coverage_pools, str):
            raise InvalidInputError("full_coverage_pools must be a sequence of pool names, not one text")
        object.__setattr__(self, "full_coverage_pools", tuple(self.full_coverage_pools))
        if self.own_area not in OWN_AREA_RULES:
            raise InvalidInputError(f"own_area must be one of {', '.join(OWN_AREA_RULES)}, not {self.own_area!r}")

    def to_dict(self) -> Dict[str, Any]:
        """The rules as the plain dict the core reads."""
        d = dataclasses.asdict(self)
        d["offsite_units"] = list(self.offsite_units)
        d["full_coverage_pools"] = list(self.full_coverage_pools)
        return d

    @classmethod
    def from_dict(cls, values: Mapping[str, Any]) -> "TeamRules":
        """Rules from a dict with any of the fields; unknown fields raise :class:`InvalidInputError`."""
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise InvalidInputError(f"unknown team rule field(s) {', '.join(unknown)}; the fields are "
                                    f"{', '.join(sorted(known))}")
        return cls(**dict(values))


class TeamAssignment(NamedTuple):
    """The result of :func:`assign_teams`: the plan with its teams and the team draw record, as JSON text.

    Unpacks as ``plan_json, record_json = assign_teams(...)``.
    """

    plan_json: str
    record_json: str

    @property
    def record_digest(self) -> str:
        """SHA-256 of the team record's canonical JSON: what a later re-draw's ``previous_record_digest``
        holds (:func:`team_record_digest`)."""
        return team_record_digest(self.record_json)

    @property
    def plan(self) -> Dict[str, Any]:
        """The plan with every task's ``team``, ``joint`` and ``partner_department`` filled, as a dict."""
        return dict(json.loads(self.plan_json))

    @property
    def record(self) -> Dict[str, Any]:
        """The team draw record as a dict (fields in docs/teams.md)."""
        return dict(json.loads(self.record_json))

    @property
    def teams(self) -> List[Dict[str, Any]]:
        """One dict per task, in plan order: task_id, joint, partner_department, members, skipped."""
        return list(self.record["teams"])

    def teams_frame(self) -> Any:
        """The teams as a pandas DataFrame (one row per task; members joined by ';'). Needs pandas."""
        import pandas  # optional dependency

        rows = [{
            "task_id": t["task_id"],
            "joint": t["joint"],
            "partner_department": t["partner_department"],
            "members": ";".join(t["members"]),
            "skipped": len(t["skipped"]),
        } for t in self.teams]
        return pandas.DataFrame(rows, columns=["task_id", "joint", "partner_department", "members", "skipped"])


def _json_text(value: JsonLike, what: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, os.PathLike):
        with open(os.fspath(value), encoding="utf-8") as f:
            return f.read()
    raise TypeError(f"{what}: expected JSON text, a dict or a path, got {type(value).__name__}")


def _rules_dict(rules: Union[TeamRules, Mapping[str, Any], None]) -> Dict[str, Any]:
    if rules is None:
        return TeamRules().to_dict()
    if isinstance(rules, TeamRules):
        return rules.to_dict()
    if isinstance(rules, Mapping):
        return TeamRules.from_dict(rules).to_dict()
    raise TypeError(f"rules: expected a TeamRules or a dict, got {type(rules).__name__}")


def _core_bureau(bureau: Any) -> Any:
    return getattr(bureau, "_core", bureau)


def assign_teams(bureau: Any,
                 plan: JsonLike,
                 rules: Union[TeamRules, Mapping[str, Any], None] = None,
                 history: Iterable[JsonLike] = (),
                 threads: int = 0,
                 previous_record_digest: str = "") -> TeamAssignment:
    """Draws the team of every task of ``plan``.

    ``bureau`` is an :class:`ssrandom.Bureau`; ``plan`` the quarterly plan (teams already in it are replaced);
    ``history`` the bureau's earlier plans with their teams, in any order (rotation looks back over them, and
    the same year's plans count towards the yearly internal joint share). ``threads`` only changes the speed.
    ``previous_record_digest`` chains the team record to the record it follows: the plan's entity draw record
    (``DrawRecord.digest()``), or the team record a re-draw replaces (``TeamAssignment.record_digest``).

    Raises :class:`ssrandom.InvalidInputError` for malformed rules or plans, unknown entities or items, or a
    history plan that is not earlier than ``plan``; :class:`ssrandom.FailedPreconditionError` when the rules
    cannot be met, before anything is drawn.
    """
    plan_json, record_json, _digest = _core.assign_teams(
        _core_bureau(bureau), _json_text(plan, "plan"), _rules_dict(rules),
        [_json_text(h, "history") for h in history], threads, previous_record_digest)
    return TeamAssignment(plan_json, record_json)


def verify_teams(record: JsonLike,
                 bureau: Any,
                 plan: JsonLike,
                 rules: Union[TeamRules, Mapping[str, Any], None] = None,
                 history: Iterable[JsonLike] = (),
                 threads: int = 0,
                 previous_record_digest: str = "") -> None:
    """Recomputes the team draw and compares it with ``record``.

    Returns ``None`` when they agree; raises :class:`ssrandom.FailedPreconditionError` naming the first
    difference otherwise (e.g. ``teams[3] (2024Q1/XL-00412).members[1]: the record says I-007, the
    recomputed draw gives I-012``). ``plan`` may be the plan before or after the assignment; teams it carries
    must match the record too. ``previous_record_digest`` is the digest of the record this one must follow
    in the chain (the plan's entity draw record); the record's link, its plan digest, its inspector directory
    digest and its history are checked first, each with its own message.
    """
    _core.verify_teams(_json_text(record, "record"), _core_bureau(bureau), _json_text(plan, "plan"),
                       _rules_dict(rules), [_json_text(h, "history") for h in history], threads,
                       previous_record_digest)


def team_record_digest(record: JsonLike) -> str:
    """SHA-256 of a team record's canonical JSON (keys sorted, no whitespace): the chain digest.

    Raises :class:`ssrandom.InvalidInputError` naming the field when the record is malformed.
    """
    return str(_core.team_record_digest(_json_text(record, "record"), "team record"))


def inspector_directory_digest(bureau: Any) -> str:
    """The canonical SHA-256 of the bureau's inspector directory (inspectors, units, departments, conflicts and
    pair exclusions; docs/teams.md gives the byte string): what a team record names."""
    return str(_core.inspector_directory_digest(_core_bureau(bureau)))


def with_inspectors(bureau: Any, path: Union[str, "os.PathLike[str]"], as_of: Optional[str] = None) -> Any:
    """``bureau`` with its inspector directory replaced by the one in ``path`` (``.csv`` or ``.json``).

    Bureaus keep the two directories (两库) apart: the entity directory and the inspector directory
    (执法检查人员名录库). The file holds the ``inspectors`` table in the bureau folder's format (English or
    Chinese headers; JSON as an array or ``{"inspectors": [...]}``). Every other table — units, departments,
    items, conflicts, pair exclusions — stays the bureau's, and the whole is validated as a bureau load is,
    so an inspector naming an undeclared unit, or a conflict naming an inspector no longer listed, is an error.
    Raises :class:`ssrandom.InvalidInputError` naming the file, record, field and reason (``NotFound`` for a
    missing file); ``bureau`` itself is never changed.
    """
    from ssrandom.bureau import Bureau, QualityReport

    path = os.fspath(path)
    extension = os.path.splitext(path)[1].lower()
    if extension not in (".csv", ".json"):
        raise InvalidInputError(f"{path}: an inspector directory must be a .csv or .json file")
    with open(path, "rb") as f:
        data = f.read()
    core = _core_bureau(bureau)
    tables: List[Tuple[str, Union[str, bytes], str, str]] = [
        (table, str(core.table_text(table, "csv")), "csv", f"<bureau {table}>")
        for table in BUREAU_TABLES if table != "inspectors"]
    tables.insert(1, ("inspectors", data, extension[1:], path))  # bytes: the reader checks the encoding
    replaced, report = _core.read_bureau_tables(str(core.name), tables, as_of)
    return Bureau(replaced, QualityReport(report))
