"""The verifiable quarterly draw of entities (随机抽取检查对象), its plan and its public record."""

from __future__ import annotations

import json
import os
import tempfile
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from ssrandom import _core
from ssrandom.bureau import Bureau

__all__ = ["Plan", "DrawRecord", "DrawResult", "VerifyResult", "draw", "verify", "load_history",
           "write_atomic"]

PathLike = Union[str, "os.PathLike[str]"]


def write_atomic(path: PathLike, text: str) -> None:
    """Writes ``text`` (UTF-8) to ``path`` through a temporary file and a rename: whole or not at all."""
    path = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".ssrandom-", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


class Plan:
    """A quarterly inspection plan: one task per drawn entity, in a fixed order (see docs/draw.md)."""

    def __init__(self, json_text: str) -> None:
        self._json, self._csv, self._digest = _core.plan_normalize(json_text)
        self._data: Dict[str, Any] = json.loads(self._json)

    @classmethod
    def load(cls, path: PathLike) -> "Plan":
        """Reads a ``plan.json`` written by :func:`draw` or ``ssrandom draw``."""
        with open(path, encoding="utf-8") as f:
            return cls(f.read())

    @property
    def period(self) -> str:
        """The quarter, e.g. ``"2024Q1"``."""
        return str(self._data["period"])

    @property
    def seed(self) -> str:
        """The public seed the plan was drawn with."""
        return str(self._data["seed"])

    @property
    def tasks(self) -> List[Dict[str, Any]]:
        """The tasks as dicts (id, entity_id, entity_name, uscc, area, class, pool, credit_class, stratum, ticket,
        method, items, credit_based, team, joint, partner_department)."""
        return list(self._data["tasks"])

    def __len__(self) -> int:
        return len(self._data["tasks"])

    def digest(self) -> str:
        """SHA-256 of the plan's canonical JSON."""
        return str(self._digest)

    def to_json(self) -> str:
        """The plan as JSON text (deterministic)."""
        return str(self._json)

    def to_csv(self) -> str:
        """The plan as CSV text, one row per task."""
        return str(self._csv)


class DrawRecord:
    """The public draw record (the 一公开 artefact): everything needed to re-run and confirm a draw."""

    def __init__(self, json_text: str) -> None:
        self._json, self._digest = _core.record_normalize(json_text)
        self._data: Dict[str, Any] = json.loads(self._json)

    @classmethod
    def load(cls, path: PathLike) -> "DrawRecord":
        """Reads a ``record.json``."""
        with open(path, encoding="utf-8") as f:
            return cls(f.read())

    @property
    def period(self) -> str:
        return str(self._data["period"])

    @property
    def strata(self) -> List[Dict[str, Any]]:
        """Per stratum: pool size, exclusions, ratio, quota, arithmetic and the selected ids with tickets."""
        return list(self._data["strata"])

    @property
    def data(self) -> Dict[str, Any]:
        """The whole record as a dict."""
        return dict(self._data)

    def digest(self) -> str:
        """SHA-256 of the record's canonical JSON: what the next record's ``previous_record_digest`` holds."""
        return str(self._digest)

    def to_json(self) -> str:
        return str(self._json)


class DrawResult:
    """What :func:`draw` returns: the plan and its record."""

    def __init__(self, plan: Plan, record: DrawRecord) -> None:
        self.plan = plan
        self.record = record

    def save(self, out_dir: PathLike) -> List[str]:
        """Writes ``plan.csv``, ``plan.json`` and ``record.json`` into ``out_dir`` (created if missing)."""
        os.makedirs(out_dir, exist_ok=True)
        paths = []
        for name, text in (("plan.csv", self.plan.to_csv()), ("plan.json", self.plan.to_json()),
                           ("record.json", self.record.to_json())):
            path = os.path.join(os.fspath(out_dir), name)
            write_atomic(path, text)
            paths.append(path)
        return paths


class VerifyResult:
    """The outcome of :func:`verify`: ``ok`` and, when not ok, the first difference."""

    def __init__(self, ok: bool, message: str) -> None:
        self.ok = ok
        self.message = message

    def __bool__(self) -> bool:
        return self.ok

    def __repr__(self) -> str:
        return f"VerifyResult(ok={self.ok!r}, message={self.message!r})"


def _policy_core(policy: Any) -> Any:
    return getattr(policy, "_core", policy)


def load_history(folder: Optional[PathLike]) -> List[Plan]:
    """Every ``plan.json`` below ``folder`` (earlier draws' output folders), in path order."""
    if folder is None:
        return []
    plans = []
    for root, _dirs, files in sorted(os.walk(os.fspath(folder))):
        if "plan.json" in files:
            plans.append(Plan.load(os.path.join(root, "plan.json")))
    return plans


def draw(bureau: Bureau, policy: Any, period: Any, seed: str, seed_source: str = "",
         history: Sequence[Plan] = (), previous_record: Optional[DrawRecord] = None,
         threads: int = 0) -> DrawResult:
    """Draws a quarter's plan from ``bureau`` under ``policy`` with the public ``seed``.

    ``history`` holds the bureau's earlier plans of the same year (rotation and the yearly cap);
    ``previous_record`` chains this record to the bureau's previous one. Raises ``InvalidInputError`` for a
    blank seed or bad history, ``FailedPreconditionError`` naming the stratum when a quota cannot be met.
    The GIL is released while drawing.
    """
    plan_json, record_json = _core.draw(bureau._core, _policy_core(policy), str(period), seed, seed_source,
                                        [plan.to_json() for plan in history],
                                        previous_record.digest() if previous_record else "", threads)
    return DrawResult(Plan(plan_json), DrawRecord(record_json))


def verify(record: DrawRecord, bureau: Bureau, policy: Any, history: Sequence[Plan] = ()) -> VerifyResult:
    """Recomputes the draw a record describes and compares every field (see docs/draw.md)."""
    ok, message = _core.verify_record(record.to_json(), bureau._core, _policy_core(policy),
                                      [plan.to_json() for plan in history])
    return VerifyResult(bool(ok), str(message))
