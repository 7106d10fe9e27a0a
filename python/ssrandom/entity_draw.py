"""The verifiable quarterly draw of entities (随机抽取检查对象), its plan and its public record."""

from __future__ import annotations

import collections
import json
import os
import secrets
import stat
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple, Union

from ssrandom import _core, _frames, _html
from ssrandom.bureau import Bureau

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas

__all__ = ["Plan", "DrawRecord", "DrawResult", "VerifyResult", "draw", "verify", "load_history",
           "load_draws", "write_atomic", "write_files_atomic", "PLAN_COLUMNS", "STRATUM_COLUMNS", "SELECTED_COLUMNS"]

#: The columns of :meth:`Plan.to_pandas`, in order: the period, then those of ``plan.csv``.
PLAN_COLUMNS = ("period", "task_id", "entity_id", "entity_name", "uscc", "area", "class", "pool", "credit_class", "stratum",
                "ticket", "method", "items", "credit_based", "team", "joint", "partner_department")
#: The columns of :meth:`DrawRecord.to_pandas`, one row per stratum.
STRATUM_COLUMNS = ("period", "stratum", "pool", "rule", "credit_class", "method", "credit_based", "pool_size",
                   "excluded_yearly_cap", "excluded_rotation", "eligible", "ratio", "quota", "drawn",
                   "whole_pool_taken", "arithmetic")
#: The columns of :meth:`DrawRecord.selected_to_pandas`, one row per drawn entity.
SELECTED_COLUMNS = ("period", "stratum", "rank", "id", "ticket", "readmitted")

PathLike = Union[str, "os.PathLike[str]"]


def _create_temporary(directory: str) -> Tuple[int, str]:
    """A new empty file in ``directory`` for writing, with the permissions open() gives under the process's
    umask (tempfile.mkstemp would give 0600 and hide a published plan from the other users of a folder)."""
    while True:
        path = os.path.join(directory, f".ssrandom-{os.getpid()}-{secrets.token_hex(6)}.tmp")
        try:
            return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666), path
        except FileExistsError:
            continue


def write_files_atomic(files: Sequence[Tuple[PathLike, Union[str, bytes]]], make_folders: bool = False) -> None:
    """Writes several outputs all or nothing: every file is whole and new, or every target is as it was.

    Each text (UTF-8) or bytes goes to a temporary file next to its target, is flushed to disk, and only when
    all of them are written are they renamed over their targets, in order. Writing is the step that fails on
    a full disk, a size limit or a read-only folder, so such a failure replaces nothing and leaves no
    temporary behind; the error (an ``OSError``) names the target. An existing target that is not a regular
    file (a device such as ``/dev/null``, a pipe, a folder) is refused with :class:`InvalidInputError`
    rather than replaced. The folders must exist, unless ``make_folders``: then missing ones are created, and
    removed again when the write fails, so that a failed command leaves no empty output folder behind.
    """
    from ssrandom.errors import InvalidInputError

    targets = [os.fspath(path) for path, _ in files]
    for target in targets:
        try:
            mode = os.stat(target).st_mode
        except FileNotFoundError:
            continue
        if not stat.S_ISREG(mode):
            raise InvalidInputError(f"{target}: exists and is not a regular file; write the output to a file")
    created: List[str] = []
    if make_folders:
        for target in targets:
            folder = os.path.dirname(os.path.abspath(target))
            missing = []
            while not os.path.exists(folder):
                missing.append(folder)
                folder = os.path.dirname(folder)
            for folder in reversed(missing):
                try:
                    os.mkdir(folder)
                except OSError as error:
                    _remove_folders(created)
                    raise OSError(error.errno, f"cannot create the folder {folder}: {error.strerror}",
                                  folder) from error
                created.append(folder)
    temporaries: List[str] = []
    written = False
    try:
        for target, (_, content) in zip(targets, files):
            directory = os.path.dirname(os.path.abspath(target))
            try:
                handle, temporary = _create_temporary(directory)
                temporaries.append(temporary)
                with os.fdopen(handle, "wb") as out:
                    out.write(content.encode("utf-8") if isinstance(content, str) else content)
                    out.flush()
                    os.fsync(out.fileno())
            except OSError as error:
                raise OSError(error.errno, f"cannot write {target}: {error.strerror}", target) from error
        for index, (target, temporary) in enumerate(zip(targets, temporaries)):
            try:
                os.replace(temporary, target)
            except OSError as error:
                done = ", ".join(targets[:index]) or "none"
                raise OSError(error.errno, f"cannot replace {target}: {error.strerror} (already replaced, each "
                                           f"whole: {done})", target) from error
            temporaries[index] = ""
            written = True
        for directory in sorted({os.path.dirname(os.path.abspath(target)) for target in targets}):
            _fsync_directory(directory)
    finally:
        for temporary in temporaries:
            if temporary and os.path.exists(temporary):
                os.unlink(temporary)
        if not written:
            _remove_folders(created)


def _remove_folders(folders: List[str]) -> None:
    """Removes the folders a failed write created, innermost first, when they are still empty."""
    for folder in reversed(folders):
        try:
            os.rmdir(folder)
        except OSError:
            pass


def _fsync_directory(directory: str) -> None:
    """Flushes a folder's entries (the renames) to disk, where the platform allows it."""
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def write_atomic(path: PathLike, text: Union[str, bytes]) -> None:
    """Writes ``text`` (UTF-8) or bytes to ``path`` through a temporary file and a rename: whole or not at all.

    :func:`write_files_atomic` of one file: see there for the errors.
    """
    write_files_atomic([(path, text)])


class _DrawnTexts:
    """The texts of a plan or record (e.g. ``json`` and ``csv``): given, or written from a draw still held in
    C++ (``_core.DrawnOutputs``) the first time each is read, and kept. The C++ result is let go once every
    text has been read."""

    def __init__(self, texts: Dict[str, str], drawn: Any = None, writers: Optional[Dict[str, str]] = None) -> None:
        self._texts = dict(texts)
        self._drawn = drawn
        self._writers = writers or {}  # text name -> the DrawnOutputs method that writes it

    def get(self, name: str) -> str:
        text = self._texts.get(name)
        if text is None:
            text = str(getattr(self._drawn, self._writers[name])())
            self._texts[name] = text
            if all(key in self._texts for key in self._writers):
                self._drawn = None
        return text

    def file_bytes(self, name: str) -> bytes:
        """The text as UTF-8 for a file: straight from C++ when not read yet, without making (and keeping) a
        Python string of it (plan.json is 1.8 GB at 10^7 entities)."""
        if name in self._texts or self._drawn is None:
            return self.get(name).encode("utf-8")
        return bytes(getattr(self._drawn, self._writers[name])(True))


class Plan:
    """A quarterly inspection plan: one task per drawn entity, in a fixed order (see docs/draw.md)."""

    def __init__(self, json_text: str) -> None:
        json_text, csv_text, self._digest = _core.plan_normalize(json_text)
        self._texts = _DrawnTexts({"json": json_text, "csv": csv_text})
        self._task_count: Optional[int] = None
        self._parsed: Optional[Dict[str, Any]] = None

    @classmethod
    def _from_parts(cls, json_text: str, csv_text: str, digest: str) -> "Plan":
        plan = cls.__new__(cls)
        plan._texts, plan._digest = _DrawnTexts({"json": json_text, "csv": csv_text}), digest
        plan._task_count, plan._parsed = None, None
        return plan

    @classmethod
    def _from_draw(cls, drawn: Any) -> "Plan":
        """The plan of a draw still held in C++ (``_core.DrawnOutputs``): its JSON and CSV are written when
        first read (at 10^6 entities that takes about as long as the draw itself)."""
        plan = cls.__new__(cls)
        plan._texts = _DrawnTexts({}, drawn, {"json": "plan_json", "csv": "plan_csv"})
        plan._digest = str(drawn.plan_digest())
        plan._task_count = int(drawn.task_count())  # len() without parsing the plan's JSON
        plan._parsed = None
        return plan

    @property
    def _json(self) -> str:
        return self._texts.get("json")

    @property
    def _csv(self) -> str:
        return self._texts.get("csv")

    def __getstate__(self) -> Dict[str, Any]:
        return {"json": self._json, "csv": self._csv, "digest": self._digest}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self._texts = _DrawnTexts({"json": state["json"], "csv": state["csv"]})
        self._digest, self._task_count, self._parsed = state["digest"], None, None

    @property
    def _data(self) -> Dict[str, Any]:
        if self._parsed is None:  # parsed on first use: a large plan's tasks take a while
            self._parsed = json.loads(self._json)
        return self._parsed

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
        if self._task_count is None:
            self._task_count = len(self._data["tasks"])
        return self._task_count

    def digest(self) -> str:
        """SHA-256 of the plan's canonical JSON."""
        return str(self._digest)

    def to_json(self) -> str:
        """The plan as JSON text (deterministic)."""
        return str(self._json)

    def to_csv(self) -> str:
        """The plan as CSV text, one row per task."""
        return str(self._csv)

    @property
    def bureau(self) -> str:
        """The bureau's name."""
        return str(self._data["bureau"])

    @property
    def policy_name(self) -> str:
        """The name of the policy the plan was drawn under."""
        return str(self._data["policy_name"])

    def to_pandas(self) -> "pandas.DataFrame":
        """One row per task with the columns of :data:`PLAN_COLUMNS` (read from the plan's CSV form: tickets and
        ids stay exact text; ``credit_based`` is pandas' nullable ``boolean``; ``items`` and ``team`` keep their
        ``;``-separated text; ``joint`` is ``none``, ``internal`` or ``department``)."""
        frame = _frames.read_csv_frame(self._csv, booleans=("credit_based",), keep_empty=("credit_class",))
        frame.insert(0, "period", self.period)
        return frame

    def counts(self) -> Dict[str, Dict[str, int]]:
        """Tasks per pool, per method, per area and per joint type."""
        tasks = self._data["tasks"]
        return {key: dict(collections.Counter(str(task[key]) for task in tasks))
                for key in ("pool", "method", "area", "joint")}

    def __repr__(self) -> str:
        return f"Plan({self.period}, {len(self)} tasks, digest={self._digest[:12]}…)"

    def _repr_html_(self) -> str:
        counts = self.counts()
        pools = _html.table(("pool", "tasks"), sorted(counts["pool"].items()), caption="抽查库 tasks per pool",
                            max_rows=None, translate=("pool",))
        methods = _html.table(("method", "tasks"), sorted(counts["method"].items()),
                              caption="检查方式 tasks per method", max_rows=None, translate=("method",))
        columns = ("task_id", "entity_name", "area", "pool", "stratum", "ticket", "method", "team", "joint")
        tasks = _html.table(columns, ([_short(task, c) for c in columns] for task in self._data["tasks"]),
                            caption="任务 tasks", translate=("pool", "method", "joint"))
        facts = [("期间 period", self.period), ("局 bureau", self.bureau), ("随机种子 seed", self.seed),
                 ("政策 policy", self.policy_name), ("任务 tasks", len(self)), ("digest", self._digest)]
        body = ("<div style=\"display:flex;flex-wrap:wrap;gap:1.5em\"><div>" + pools + "</div><div>" + methods +
                "</div></div>" + tasks)
        return _html.view("抽查计划 Inspection plan", facts, [body])


class DrawRecord:
    """The public draw record (the 一公开 artefact): everything needed to re-run and confirm a draw."""

    def __init__(self, json_text: str) -> None:
        json_text, digest = _core.record_normalize(json_text)
        self._texts = _DrawnTexts({"json": json_text, "digest": digest})
        self._parsed: Optional[Dict[str, Any]] = None

    @classmethod
    def _from_parts(cls, json_text: str, digest: str) -> "DrawRecord":
        record = cls.__new__(cls)
        record._texts, record._parsed = _DrawnTexts({"json": json_text, "digest": digest}), None
        return record

    @classmethod
    def _from_draw(cls, drawn: Any) -> "DrawRecord":
        """The record of a draw still held in C++ (``_core.DrawnOutputs``), its JSON and digest written when
        first read."""
        record = cls.__new__(cls)
        record._texts = _DrawnTexts({}, drawn, {"json": "record_json", "digest": "record_digest"})
        record._parsed = None
        return record

    @property
    def _json(self) -> str:
        return self._texts.get("json")

    @property
    def _digest(self) -> str:
        return self._texts.get("digest")

    def __getstate__(self) -> Dict[str, Any]:
        return {"json": self._json, "digest": self._digest}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self._texts, self._parsed = _DrawnTexts({"json": state["json"], "digest": state["digest"]}), None

    @property
    def _data(self) -> Dict[str, Any]:
        if self._parsed is None:
            self._parsed = json.loads(self._json)
        return self._parsed

    @classmethod
    def load(cls, path: PathLike) -> "DrawRecord":
        """Reads a ``record.json``."""
        with open(path, encoding="utf-8") as f:
            return cls(f.read())

    @property
    def period(self) -> str:
        """The quarter the record's draw is for, e.g. ``"2024Q1"``."""
        return str(self._data["period"])

    @property
    def seed(self) -> str:
        """The public seed of the draw."""
        return str(self._data["seed"])

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
        """The record as JSON text (deterministic; what is published)."""
        return str(self._json)

    def to_pandas(self) -> "pandas.DataFrame":
        """One row per stratum with the columns of :data:`STRATUM_COLUMNS` (``drawn`` counts the selected)."""
        rows = [dict(stratum, period=self.period, drawn=len(stratum["selected"])) for stratum in self.strata]
        integers = ("pool_size", "excluded_yearly_cap", "excluded_rotation", "eligible", "quota", "drawn")
        return _frames.records_frame(rows, STRATUM_COLUMNS, {name: "int64" for name in integers})

    def selected_to_pandas(self) -> "pandas.DataFrame":
        """One row per drawn entity: period, stratum, rank (1 = lowest ticket), id, ticket, readmitted."""
        rows = [{"period": self.period, "stratum": stratum["stratum"], "rank": rank, "id": chosen["id"],
                 "ticket": chosen["ticket"], "readmitted": bool(chosen.get("readmitted", False))}
                for stratum in self.strata for rank, chosen in enumerate(stratum["selected"], start=1)]
        return _frames.records_frame(rows, SELECTED_COLUMNS, {"rank": "int64", "readmitted": "bool"})

    def __repr__(self) -> str:
        return f"DrawRecord({self.period}, {len(self.strata)} strata, digest={self._digest[:12]}…)"

    def _repr_html_(self) -> str:
        columns = ("stratum", "rule", "pool_size", "excluded_yearly_cap", "excluded_rotation", "ratio", "quota",
                   "drawn", "arithmetic")
        rows = ([s["stratum"], s["rule"], s["pool_size"], s["excluded_yearly_cap"], s["excluded_rotation"],
                 s["ratio"], s["quota"], len(s["selected"]), s["arithmetic"] + (" (whole pool)"
                                                                               if s["whole_pool_taken"] else "")]
                for s in self.strata)
        data = self._data
        facts = [("期间 period", self.period), ("局 bureau", data.get("bureau", "")), ("随机种子 seed", self.seed),
                 ("种子来源 seed source", data.get("seed_source", "")),
                 ("政策 policy", f"{data['policy']['name']} ({data['policy']['digest'][:12]}…)"),
                 ("名录 directory", f"{data['directory']['size']} entities ({data['directory']['digest'][:12]}…)"),
                 ("历史 history", ", ".join(h["period"] for h in data.get("history", [])) or "—"),
                 ("digest", self._digest)]
        return _html.view("抽取记录 Draw record (一公开)", facts,
                          [_html.table(columns, rows, caption="分层 strata", max_rows=None)])


def _short(task: Dict[str, Any], column: str) -> Any:
    key = {"task_id": "id"}.get(column, column)
    value = task.get(key)
    if column == "ticket" and isinstance(value, str) and len(value) > 14:
        return value[:12] + "…"
    return value


class DrawResult:
    """What :func:`draw` returns: the plan and its record."""

    def __init__(self, plan: Plan, record: DrawRecord) -> None:
        #: The quarter's plan: one task per drawn entity.
        self.plan = plan
        #: The public record of the draw.
        self.record = record

    def __repr__(self) -> str:
        return f"DrawResult({self.plan!r}, {self.record!r})"

    def _repr_html_(self) -> str:
        return self.record._repr_html_() + self.plan._repr_html_()

    def save(self, out_dir: PathLike) -> List[str]:
        """Writes ``plan.csv``, ``plan.json`` and ``record.json`` into ``out_dir`` (created if missing), all
        three or none (:func:`write_files_atomic`)."""
        files = [(os.path.join(os.fspath(out_dir), name), text)
                 for name, text in (("plan.csv", self.plan._texts.file_bytes("csv")),
                                    ("plan.json", self.plan._texts.file_bytes("json")),
                                    ("record.json", self.record._texts.file_bytes("json")))]
        # All three or none: a plan next to the record of another draw would not verify.
        write_files_atomic(files, make_folders=True)
        return [path for path, _ in files]


class VerifyResult:
    """The outcome of :func:`verify`: ``ok`` and, when not ok, the first difference."""

    def __init__(self, ok: bool, message: str) -> None:
        #: Whether the recomputed draw equals the record in every field.
        self.ok = ok
        #: ``"verified"``, or the first difference.
        self.message = message

    def __bool__(self) -> bool:
        return self.ok

    def to_json(self) -> str:
        """``{"verified": ok, "message": message}`` as JSON text."""
        return json.dumps({"verified": self.ok, "message": self.message}, ensure_ascii=False)

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


def load_draws(folder: PathLike) -> List[DrawResult]:
    """Every draw saved below ``folder`` (each folder holding ``plan.json`` and ``record.json``, as
    :meth:`DrawResult.save` writes them), ordered by period."""
    draws = []
    for root, _dirs, files in sorted(os.walk(os.fspath(folder))):
        if "plan.json" in files and "record.json" in files:
            draws.append(DrawResult(Plan.load(os.path.join(root, "plan.json")),
                                    DrawRecord.load(os.path.join(root, "record.json"))))
    return sorted(draws, key=lambda d: d.plan.period)


def draw(bureau: Bureau, policy: Any, period: Any, seed: str, seed_source: str = "",
         history: Sequence[Plan] = (), previous_record: Optional[DrawRecord] = None,
         threads: int = 0) -> DrawResult:
    """Draws a quarter's plan from ``bureau`` under ``policy`` with the public ``seed``.

    ``history`` holds the bureau's earlier plans of the same year (rotation and the yearly cap);
    ``previous_record`` chains this record to the bureau's previous one. Raises ``InvalidInputError`` for a
    blank seed or bad history, ``FailedPreconditionError`` naming the stratum when a quota cannot be met.
    ``threads`` (0: up to two) share the classification, the tickets and the plan's tasks; the plan and
    record are the same for every value. The GIL is released while drawing. The result holds the drawn plan and record; their texts (JSON, CSV,
    the record's digest) are written when first read, also without the GIL, and kept.
    """
    drawn = _core.draw(bureau._core, _policy_core(policy), str(period), seed, seed_source,
                       [plan.to_json() for plan in history], previous_record.digest() if previous_record else "",
                       threads)
    return DrawResult(Plan._from_draw(drawn), DrawRecord._from_draw(drawn))


def verify(record: DrawRecord, bureau: Bureau, policy: Any, history: Sequence[Plan] = ()) -> VerifyResult:
    """Recomputes the draw a record describes and compares every field (see docs/draw.md)."""
    ok, message = _core.verify_record(record.to_json(), bureau._core, _policy_core(policy),
                                      [plan.to_json() for plan in history])
    return VerifyResult(bool(ok), str(message))
