#!/usr/bin/env python3
"""Benchmark: the draw on Apache Spark (ssrandom.spark.draw) against the single-machine draw (ssrandom.draw).

Generates N synthetic entities (ssr::GenerateBureau), writes them once to Parquet (the form a data platform
holds them in), then times

  * the single-machine draw from the bureau in memory (ssrandom.draw), and
  * the Spark draw from the Parquet table (ssrandom.spark.draw; each step separately),

checks that plan and record are byte-identical, and prints one Markdown table row per step (docs/spark.md).

    PYTHONPATH=... python benchmarks/spark_draw.py --entities 1000000 --master 'local[2]' --partitions 16

Spark's own start-up (the JVM, ~5-10 s) is excluded; each run pays one Parquet read per pass. Timings are of
one run on whatever machine runs it: for comparison between the two paths, not as absolute numbers.
"""

import argparse
import concurrent.futures
import multiprocessing
import os
import tempfile
import time
from typing import Tuple

import ssrandom
import ssrandom.spark

POLICY = ssrandom.Policy.load("hebei-xinle-2024")
SEED = "benchmark seed 2024-01-05"


def single_machine(entities: int, workdir: str) -> Tuple[str, float, float, int]:
    """The single-machine draw: (directory digest, digest seconds, draw seconds, tasks); writes the plan's CSV
    and the record's JSON to workdir. The directory keeps its digest, so it is timed first, then the draw."""
    bureau = ssrandom.Bureau.sample(entities, seed=20240101)
    start = time.perf_counter()
    digest = bureau.entities.digest()
    digest_seconds = time.perf_counter() - start
    start = time.perf_counter()
    single = ssrandom.draw(bureau, POLICY, "2024Q1", SEED)
    draw_seconds = time.perf_counter() - start
    plan_csv = single.plan.to_csv()
    with open(os.path.join(workdir, "single-plan.csv"), "w", encoding="utf-8") as f:
        f.write(plan_csv)
    with open(os.path.join(workdir, "single-record.json"), "w", encoding="utf-8") as f:
        f.write(single.record.to_json())
    # Counted from the CSV: len(plan) would parse the whole plan JSON into Python objects (~10 GB at 10^7).
    return digest, digest_seconds, draw_seconds, plan_csv.count("\n") - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", type=int, default=1_000_000)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=16, help="partitions of the Parquet table")
    parser.add_argument("--digest-partitions", type=int, default=None,
                        help="shuffle partitions for the digest's 256 buckets (default: --partitions)")
    parser.add_argument("--driver-memory", default="3g")
    parser.add_argument("--workdir", default=None, help="where to write the Parquet table (default: a temp dir)")
    args = parser.parse_args()

    from pyspark.sql import SparkSession

    workdir = args.workdir or tempfile.mkdtemp(prefix="ssrandom-spark-")
    os.makedirs(workdir, exist_ok=True)
    # The single-machine draw in a process of its own: at 10^7 entities its heap (several GB, which glibc
    # keeps after the draw) and Spark's JVM and Python workers would not fit one machine together.
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        digest, digest_seconds, draw_seconds, tasks = pool.submit(single_machine, args.entities, workdir).result()
    print(f"single machine: digest {digest_seconds:.1f} s, draw {draw_seconds:.1f} s, {tasks:,} tasks", flush=True)
    with open(os.path.join(workdir, "single-plan.csv"), encoding="utf-8") as f:
        single_plan = f.read()
    with open(os.path.join(workdir, "single-record.json"), encoding="utf-8") as f:
        single_record = f.read()

    start = time.perf_counter()
    bureau = ssrandom.Bureau.sample(args.entities, seed=20240101)
    print(f"generated {args.entities:,} entities in {time.perf_counter() - start:.1f} s", flush=True)

    spark = (SparkSession.builder.master(args.master).appName("ssrandom-spark-benchmark")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.memory", args.driver_memory)
             .config("spark.sql.shuffle.partitions", str(args.digest_partitions or args.partitions))
             .config("spark.sql.execution.arrow.pyspark.enabled", "true")
             .config("spark.executorEnv.PYTHONPATH", os.environ.get("PYTHONPATH", ""))
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    path = os.path.join(workdir, "entities.parquet")
    if not os.path.exists(path):
        csv_path = os.path.join(workdir, "entities.csv")
        with open(csv_path, "w", encoding="utf-8") as out:
            out.write(bureau.table_csv("entities"))
        (spark.read.option("header", True).option("inferSchema", False).csv(csv_path)
         .repartition(args.partitions).write.parquet(path))
        os.unlink(csv_path)
    frame = spark.read.parquet(path)

    result = ssrandom.spark.draw(frame, POLICY, "2024Q1", SEED, bureau=bureau, digest_partitions=args.digest_partitions)
    identical = result.plan.to_csv() == single_plan and result.record.to_json() == single_record
    stats = result.stats
    print(f"\nplan and record byte-identical: {identical}; directory digest {digest[:16]}…")
    print(f"{tasks:,} tasks; the partitions sent {stats['candidates']:,} candidates "
          f"({stats['partitions']} partitions)\n")
    print("| entities | path | step | seconds |")
    print("|---|---|---|---|")
    n = f"{args.entities:,}"
    print(f"| {n} | single machine | directory digest | {digest_seconds:.2f} |")
    print(f"| {n} | single machine | `ssrandom.draw` (classify, tickets, plan, record) | {draw_seconds:.2f} |")
    print(f"| {n} | single machine | **total** | {digest_seconds + draw_seconds:.2f} |")
    for key, label in (("digest_seconds", "digest (hash in partitions, shuffle by bucket, 256 digests)"),
                       ("tally_seconds", "tally (classify every partition)"),
                       ("candidates_seconds", "candidates (tickets, lowest per stratum)"),
                       ("merge_seconds", "merge on the driver"), ("seconds", "**total**")):
        print(f"| {n} | Spark {args.master} | {label} | {stats[key]:.2f} |")
    spark.stop()
    if not identical:
        raise SystemExit("the Spark draw differs from the single-machine draw")


if __name__ == "__main__":
    main()
