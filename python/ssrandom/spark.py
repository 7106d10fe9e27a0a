"""The quarterly draw on Apache Spark (分布式抽取): the same plan and record as :func:`ssrandom.draw`.

A province or the whole country keeps its entity directory (检查对象名录库) in a Spark or Hive table.
:func:`draw` classifies and draws it where it lies: the library's own C++ code runs inside the executors
through ``mapInArrow`` (whole Arrow batches, no per-row Python), each partition sends only its counts and
its few lowest-ticket candidates per stratum, and the driver merges them into exactly the plan and the
record that :func:`ssrandom.draw` gives on one machine over the same entities — byte for byte, so
``ssrandom verify`` accepts the record against the directory exported to a file.

::

    import ssrandom
    import ssrandom.spark

    entities = spark.read.parquet("hdfs:///directories/hebei/entities")    # the 17 entity columns
    bureau = ssrandom.Bureau.load("bureau-without-entities/")              # name, inspectors, items …
    result = ssrandom.spark.draw(entities, "hebei-xinle-2024", "2024Q1", seed="福彩3D 2024-01-05 317",
                                 seed_source="China Welfare Lottery", bureau=bureau)
    result.save("draws/2024Q1")                                            # plan.csv, plan.json, record.json
    teams = ssrandom.assign_teams(result.bureau, result.plan, rules)        # on the driver: tasks are few

The steps (``ssrandom/partial_draw.h`` documents them in C++; docs/spark.md gives the scaling argument):

1. **Digest** — each partition hashes its entities' canonical lines (C++); the hashes are shuffled by
   their bucket (of 256, from the id), each bucket is digested where it lands (and an id held twice is
   found there), and the driver combines the 256 bucket digests (docs/directory.md).
2. **Tally** — each partition classifies its rows and counts every stratum (pool size, yearly-cap and
   rotation exclusions) and the history's entities it holds; the driver sums the counts and computes each
   stratum's quota and a ticket-key bound under which the quota surely lies.
3. **Candidates** — each partition keeps per stratum its lowest tickets under the bound, at most the quota.
4. **Merge** — the driver draws from the candidates with the summed counts (C++ ``MergeDrawParts``).

Spark and its ``pyspark`` module are needed only here: ``pip install ssrandom[spark]``. The executors need
the same ``ssrandom`` wheel (and pyarrow) as the driver.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Sequence, Tuple

from ssrandom import _core, _frames
from ssrandom.bureau import Bureau
from ssrandom.entity_draw import DrawRecord, DrawResult, Plan
from ssrandom.errors import InternalError, InvalidInputError

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pyarrow
    import pyspark.sql

__all__ = ["SparkDrawResult", "draw", "directory_digest", "ID_COLUMNS"]

#: The names the id column may have (docs/directory.md): the English name in any case or a Chinese header.
ID_COLUMNS = ("id", "编号", "对象编号", "检查对象编号")


class SparkDrawResult(DrawResult):
    """What :func:`draw` returns: the plan and the record (as :class:`ssrandom.DrawResult`), plus

    * ``bureau`` — the given bureau's tables with the drawn entities (and the other candidates) as its
      directory: what :func:`ssrandom.assign_teams` needs to draw the teams on the driver;
    * ``stats`` — entities, candidates sent to the driver, partitions and seconds per step.
    """

    def __init__(self, plan: Plan, record: DrawRecord, bureau: Bureau, stats: Dict[str, Any]) -> None:
        super().__init__(plan, record)
        #: The bureau to assign teams with (its directory holds the candidates, every drawn entity among them).
        self.bureau = bureau
        #: Counts and timings of the run.
        self.stats = stats

    def __repr__(self) -> str:
        return f"SparkDrawResult({self.plan!r}, {self.record!r})"


def _pyspark() -> Any:
    return _frames.require("pyspark.sql", "ssrandom.spark", extra="spark")


def _id_column(frame: "pyspark.sql.DataFrame") -> str:
    for column in frame.columns:
        if column.lower() == "id" or column in ID_COLUMNS:
            return str(column)
    raise InvalidInputError(f"the entity table has no id column (one of {', '.join(ID_COLUMNS)}); its "
                            f"columns are {', '.join(frame.columns)}")


def _partition_name() -> str:
    from pyspark import TaskContext  # executors have pyspark: they run this module

    context = TaskContext.get()
    return f"<Spark partition {context.partitionId() if context else '?'}>"


def _read_part(batches: Iterator["pyarrow.RecordBatch"]) -> Tuple[Optional[Any], "pyarrow.Table"]:
    """The partition as one Arrow table and the library's Directory of it (None when empty)."""
    pyarrow = _frames.require("pyarrow", "ssrandom.spark", extra="spark")
    collected = list(batches)
    if not collected:
        return None, None
    table = pyarrow.Table.from_batches(collected)
    if table.num_rows == 0:
        return None, table
    # The same bulk CSV path and C++ reader as ssrandom.load_entities: every header alias and validation.
    directory, _report = _core.read_entities(_frames.table_to_csv(table), "csv", _partition_name())
    return directory, table


def _spec(arguments: Tuple[Any, ...]) -> Any:
    policy_json, period, seed, seed_source, history, previous = arguments
    policy = _core.Policy.from_json(policy_json, "<policy>")
    return _core.draw_part_spec(policy, period, seed, seed_source, list(history), previous)


def _hash_part(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
    """Every entity of the partition as (bucket, id, hash): the directory digest's per-entity part."""
    pyarrow = _frames.require("pyarrow", "ssrandom.spark", extra="spark")
    import numpy

    directory, _table = _read_part(batches)
    if directory is None:
        return
    buckets, hashes, ids = _core.canonical_entity_hashes(directory)  # C++, row order
    rows = len(directory)
    id_list = pyarrow.compute.split_pattern(pyarrow.array([ids], pyarrow.binary()), b"\n").values
    yield pyarrow.RecordBatch.from_arrays(
        [pyarrow.array(numpy.frombuffer(buckets, dtype=numpy.uint8).astype(numpy.int32)), id_list,
         pyarrow.FixedSizeBinaryArray.from_buffers(pyarrow.binary(32), rows, [None, pyarrow.py_buffer(hashes)])
         .cast(pyarrow.binary())],
        names=["bucket", "id", "hash"])


def _digest_buckets(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
    """The digest B[k] of every bucket this partition holds (each bucket arrives whole in one partition),
    its entity count, and an id held twice if there is one (both rows of an id share its bucket)."""
    pyarrow = _frames.require("pyarrow", "ssrandom.spark", extra="spark")
    import numpy

    collected = list(batches)
    if not collected:
        return
    table = pyarrow.Table.from_batches(collected)
    if table.num_rows == 0:
        return
    table = table.sort_by("bucket")
    buckets = table.column("bucket").to_numpy()
    present = numpy.unique(buckets)
    starts = numpy.searchsorted(buckets, present, side="left")
    ends = numpy.searchsorted(buckets, present, side="right")
    out: Dict[str, List[Any]] = {"bucket": [], "digest": [], "entities": [], "duplicate": []}
    for bucket, start, end in zip(present.tolist(), starts.tolist(), ends.tolist()):
        part = table.slice(start, end - start)
        ids = part.column("id").combine_chunks()
        duplicate = None
        if pyarrow.compute.count_distinct(ids).as_py() != len(ids):
            counts = pyarrow.compute.value_counts(ids)
            duplicate = counts.filter(pyarrow.compute.greater(counts.field("counts"), 1))[0]["values"].as_py()
        fixed = part.column("hash").combine_chunks().cast(pyarrow.binary(32))  # 32 bytes a row, no Python objects
        hashes = fixed.buffers()[1].to_pybytes()[32 * fixed.offset:32 * (fixed.offset + len(fixed))]
        out["bucket"].append(bucket)
        out["digest"].append(_core.directory_bucket_digest(bucket, hashes) if duplicate is None else "")
        out["entities"].append(end - start)
        out["duplicate"].append(duplicate)
    yield pyarrow.RecordBatch.from_pydict(out, schema=pyarrow.schema([
        ("bucket", pyarrow.int32()), ("digest", pyarrow.string()), ("entities", pyarrow.int64()),
        ("duplicate", pyarrow.binary())]))


def directory_digest(entities: "pyspark.sql.DataFrame", partitions: Optional[int] = None) -> Tuple[str, int]:
    """The canonical digest of the directory held by ``entities`` (docs/directory.md) and its entity count:
    equal to ``ssrandom.load_entities(...).digest()`` over the same rows, computed distributively.

    Each partition hashes its entities in the executors (C++); the hashes (about 50 bytes per entity) are
    shuffled into ``partitions`` groups by their bucket (default: Spark's ``spark.sql.shuffle.partitions``,
    at most 256), each group digests its buckets, and only the 256 bucket digests reach the driver. Raises
    ``InvalidInputError`` for an invalid row (naming the partition, record and field) or an id that appears
    twice.
    """
    _pyspark()
    _id_column(entities)  # a clear error before any Spark job
    buckets = int(_core.DIRECTORY_DIGEST_BUCKETS)
    if partitions is None:
        partitions = int(entities.sparkSession.conf.get("spark.sql.shuffle.partitions") or 200)
    partitions = max(1, min(int(partitions), buckets))
    hashed = entities.mapInArrow(_hash_part, "bucket int, id binary, hash binary")
    rows = (hashed.repartition(partitions, "bucket")
            .mapInArrow(_digest_buckets, "bucket int, digest string, entities long, duplicate binary")
            .collect())
    digests = [""] * buckets
    count = 0
    for row in sorted(rows, key=lambda r: r["bucket"]):
        if row["duplicate"] is not None:
            raise InvalidInputError(f"the entity table holds id {bytes(row['duplicate']).decode()!r} twice")
        if digests[row["bucket"]]:
            raise InternalError(f"Spark returned bucket {row['bucket']} twice; the digest cannot be computed")
        digests[row["bucket"]] = row["digest"]
        count += int(row["entities"])
    empty = _core.directory_bucket_digest(0, b"")
    return _core.directory_digest_from_buckets([d or empty for d in digests]), count


def draw(entities: "pyspark.sql.DataFrame", policy: Any, period: Any, seed: str, seed_source: str = "", *,
         bureau: Optional[Bureau] = None, history: Sequence[Plan] = (),
         previous_record: Optional[DrawRecord] = None, digest_partitions: Optional[int] = None,
         bounded: bool = True) -> SparkDrawResult:
    """Draws a quarter's plan from the entity table ``entities`` (a Spark DataFrame with the columns of
    ``entities.csv``: English or Chinese headers, strings or typed columns, tags as an array or
    ``;``-separated text) under ``policy`` (an :class:`ssrandom.Policy` or a preset name) with ``seed``.

    The result's plan and record are byte-identical to :func:`ssrandom.draw` over the same entities with
    ``bureau``'s other tables (its own entity table is not used: pass a bureau loaded without the national
    directory, or None for a bureau of entities only, named ``""``). ``history`` and ``previous_record`` are
    as in :func:`ssrandom.draw`. ``digest_partitions`` is the number of shuffle partitions for the digest's
    buckets (see :func:`directory_digest`); ``bounded=False`` lets every partition send up to each quota (more data to
    the driver, same result; for comparison).

    Raises what :func:`ssrandom.draw` raises, with the same messages (an invalid row names its Spark
    partition and record). The draw's inputs are checked on the driver before Spark runs anything.
    """
    started = time.perf_counter()
    policy_object = policy if hasattr(policy, "_core") else _policy_named(policy)
    previous = previous_record.digest() if previous_record else ""
    arguments = (policy_object.to_json(), str(period), seed, seed_source,
                 tuple(plan.to_json() for plan in history), previous)
    spec = _spec(arguments)  # seed, period and history checked here, before any Spark job
    stats: Dict[str, Any] = {}
    try:
        stats["partitions"] = entities.rdd.getNumPartitions()
    except Exception:  # Spark Connect has no RDDs; the count is informational only
        stats["partitions"] = None

    digest, size = directory_digest(entities, digest_partitions)
    stats["entities"] = size
    stats["digest_seconds"] = round(time.perf_counter() - started, 3)

    def tally(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
        pyarrow = _frames.require("pyarrow", "ssrandom.spark", extra="spark")
        directory, _table = _read_part(batches)
        if directory is None:
            return
        part_tally = _core.tally_draw_part(directory, _spec(arguments))
        yield pyarrow.RecordBatch.from_pydict({"tally": [json.dumps(part_tally, ensure_ascii=False)]})

    step = time.perf_counter()
    tallies = [json.loads(row["tally"]) for row in entities.mapInArrow(tally, "tally string").collect()]
    empty: Any = (0, [(0, 0, 0, 0)] * len(spec.strata), [])  # every stratum, even when no partition holds a row
    total = _core.add_draw_tallies([empty] + [(t[0], [tuple(s) for s in t[1]], t[2]) for t in tallies])
    if total[0] != size:
        raise InternalError(f"the tally counted {total[0]} entities but the digest {size}: the table changed "
                            "between the two passes; freeze it (e.g. write it to Parquet) before drawing")
    stats["tally_seconds"] = round(time.perf_counter() - step, 3)

    for attempt_bounded in ((True, False) if bounded else (False,)):
        step = time.perf_counter()
        takes = _core.plan_draw_takes(spec, total, attempt_bounded)

        def candidates(batches: Iterator["pyarrow.RecordBatch"],
                       takes: List[Any] = takes) -> Iterator["pyarrow.RecordBatch"]:
            directory, table = _read_part(batches)
            if directory is None:
                return
            rows = _core.draw_part_candidates(directory, _spec(arguments), takes)
            if rows:
                yield from table.take(rows).to_batches()

        chosen = entities.mapInArrow(candidates, entities.schema)
        table = _to_arrow(chosen)
        stats["candidates"] = table.num_rows
        stats["candidates_seconds"] = round(time.perf_counter() - step, 3)
        step = time.perf_counter()
        candidate_csv = _frames.table_to_csv(table)
        directory, _report = _core.read_entities(candidate_csv, "csv", "<candidates>")
        if bureau is not None:
            base = bureau._core
        else:
            base, _ = _core.read_bureau_tables("", [("entities", candidate_csv, "csv", "<candidates>")], None)
        try:
            plan_json, plan_csv, plan_digest, record_json, record_digest = _core.merge_draw_parts(
                base, directory, spec, takes, total, digest)
        except InternalError as error:
            if error.code == "ABORTED" and attempt_bounded:
                continue  # a bound left a stratum short (probability < 1e-15): again, unbounded
            raise
        stats["merge_seconds"] = round(time.perf_counter() - step, 3)
        stats["bounded"] = attempt_bounded
        stats["seconds"] = round(time.perf_counter() - started, 3)
        merged = Bureau(_core.bureau_with_entities(base, directory), bureau.quality if bureau else None)
        return SparkDrawResult(Plan._from_parts(plan_json, plan_csv, plan_digest),
                               DrawRecord._from_parts(record_json, record_digest), merged, stats)
    raise InternalError("the candidates pass did not converge")  # unreachable: the unbounded pass cannot abort


def _policy_named(name: Any) -> Any:
    from ssrandom.policy import Policy

    return Policy.load(str(name))


def _to_arrow(frame: "pyspark.sql.DataFrame") -> "pyarrow.Table":
    """The (small) DataFrame as one Arrow table on the driver, without going through Python rows."""
    spark_frame: Any = frame
    if hasattr(spark_frame, "toArrow"):  # Spark 4
        return spark_frame.toArrow()
    pyarrow = _frames.require("pyarrow", "ssrandom.spark", extra="spark")
    return pyarrow.Table.from_batches(spark_frame._collect_as_arrow())  # Spark 3.x
