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

__all__ = ["TeamRules", "TeamAssignment", "assign_teams", "verify_teams", "OWN_AREA_RULES"]

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

    def __post_init__(self) -> None:
        if isinstance(self.offsite_units, str):
            raise InvalidInputError("offsite_units must be a sequence of unit ids, not one text")
        object.__setattr__(self, "offsite_units", tuple(self.offsite_units))
        if self.own_area not in OWN_AREA_RULES:
            raise InvalidInputError(f"own_area must be one of {', '.join(OWN_AREA_RULES)}, not {self.own_area!r}")

    def to_dict(self) -> Dict[str, Any]:
        """The rules as the plain dict the core reads."""
        d = dataclasses.asdict(self)
        d["offsite_units"] = list(self.offsite_units)
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
                 threads: int = 0) -> TeamAssignment:
    """Draws the team of every task of ``plan``.

    ``bureau`` is an :class:`ssrandom.Bureau`; ``plan`` the quarterly plan (teams already in it are replaced);
    ``history`` the bureau's earlier plans with their teams, in any order (rotation looks back over them, and
    the same year's plans count towards the yearly internal joint share). ``threads`` only changes the speed.

    Raises :class:`ssrandom.InvalidInputError` for malformed rules or plans, unknown entities or items, or a
    history plan that is not earlier than ``plan``; :class:`ssrandom.FailedPreconditionError` when the rules
    cannot be met, before anything is drawn.
    """
    plan_json, record_json = _core.assign_teams(_core_bureau(bureau), _json_text(plan, "plan"), _rules_dict(rules),
                                                [_json_text(h, "history") for h in history], threads)
    return TeamAssignment(plan_json, record_json)


def verify_teams(record: JsonLike,
                 bureau: Any,
                 plan: JsonLike,
                 rules: Union[TeamRules, Mapping[str, Any], None] = None,
                 history: Iterable[JsonLike] = (),
                 threads: int = 0) -> None:
    """Recomputes the team draw and compares it with ``record``.

    Returns ``None`` when they agree; raises :class:`ssrandom.FailedPreconditionError` naming the first
    difference otherwise (e.g. ``teams[3] (2024Q1/XL-00412).members[1]: the record says I-007, the
    recomputed draw gives I-012``). ``plan`` may be the plan before or after the assignment; teams it carries
    must match the record too.
    """
    _core.verify_teams(_json_text(record, "record"), _core_bureau(bureau), _json_text(plan, "plan"),
                       _rules_dict(rules), [_json_text(h, "history") for h in history], threads)
