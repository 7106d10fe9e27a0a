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
import os
import tempfile
import time

import ssrandom
import ssrandom.spark

POLICY = ssrandom.Policy.load("hebei-xinle-2024")
SEED = "benchmark seed 2024-01-05"


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

    start = time.perf_counter()
    bureau = ssrandom.Bureau.sample(args.entities, seed=20240101)
    generated = time.perf_counter() - start
    print(f"generated {args.entities:,} entities in {generated:.1f} s")

    spark = (SparkSession.builder.master(args.master).appName("ssrandom-spark-benchmark")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.memory", args.driver_memory)
             .config("spark.sql.shuffle.partitions", str(args.digest_partitions or args.partitions))
             .config("spark.sql.execution.arrow.pyspark.enabled", "true")
             .config("spark.executorEnv.PYTHONPATH", os.environ.get("PYTHONPATH", ""))
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    workdir = args.workdir or tempfile.mkdtemp(prefix="ssrandom-spark-")
    path = os.path.join(workdir, "entities.parquet")
    if not os.path.exists(path):
        csv_path = os.path.join(workdir, "entities.csv")
        with open(csv_path, "w", encoding="utf-8") as out:
            out.write(bureau.table_csv("entities"))
        (spark.read.option("header", True).option("inferSchema", False).csv(csv_path)
         .repartition(args.partitions).write.parquet(path))
        os.unlink(csv_path)
    frame = spark.read.parquet(path)

    # The directory keeps its digest once computed, so time it first, then the draw that reuses it.
    start = time.perf_counter()
    digest = bureau.entities.digest()
    digest_seconds = time.perf_counter() - start
    start = time.perf_counter()
    single = ssrandom.draw(bureau, POLICY, "2024Q1", SEED)
    draw_seconds = time.perf_counter() - start

    result = ssrandom.spark.draw(frame, POLICY, "2024Q1", SEED, bureau=bureau, digest_partitions=args.digest_partitions)
    identical = (result.plan.to_csv() == single.plan.to_csv() and result.record.to_json() == single.record.to_json())
    stats = result.stats
    print(f"\nplan and record byte-identical: {identical}; directory digest {digest[:16]}…")
    print(f"{len(single.plan):,} tasks; the partitions sent {stats['candidates']:,} candidates "
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
