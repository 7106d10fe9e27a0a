#!/usr/bin/env python3
"""Peer comparisons for issue 9, from one run on one machine, printed as ratios against the targets.

    python3 benchmarks/peers.py                  # 10^5 and 10^6 entities
    python3 benchmarks/peers.py --huge           # also 10^7 (16 GB of memory at its peak, five minutes)
    python3 benchmarks/peers.py --sizes 20000    # a quick look
    python3 benchmarks/peers.py --json out.json  # the figures as JSON as well

What is compared, each on the same data:

* **the floor**: one SHA-256 compression, from hashlib's throughput over a large buffer (OpenSSL underneath,
  with SHA-NI where the CPU has it). A ticket key costs at least one compression, so a draw of N entities
  cannot take less than N of them.
* **pandas** ``groupby().sample()``: what an analyst writes, drawing each stratum's quota from the same
  strata (pool and credit cell as ``ssrandom.classify`` gives them, so both sides draw the same strata). It is
  not reproducible across pandas/numpy versions nor verifiable by anyone; libssrandom's draw also classifies,
  computes a SHA-256 ticket for every entity, and writes the plan and the verifiable record.
* **consistent_sampler** (the independent verifier): the same tickets, ``first_fraction(id, seed)``, on a
  subset (it takes tens of microseconds per ticket), checked equal to ``ssrandom.tickets``.
* **pandas** ``read_csv`` against libssrandom's CSV loader on the same entity CSV, and the columnar load.

The draw is timed with one thread and with all threads, and the two records must be byte-identical. The
directory digest is timed on its own first: the directory is frozen and its digest published *before* the
seed is drawn (RULES.md §7), and the directory keeps it, so the draws reuse it. Both the draw alone and the
digest plus the draw are compared with pandas.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import sys
import tempfile
import time
from typing import Any, Callable, Dict, List, Tuple

try:
    import pandas as pd
except ImportError:  # pragma: no cover - a script
    sys.exit("peers.py needs pandas: pip install 'ssrandom[pandas]'")

import ssrandom

SEED = "2024-01-05 中国福利彩票3D 第2024005期 3 1 7"
PERIOD = "2024Q1"
TICKET_SUBSET = 20_000  # ids given to consistent_sampler (it is slow)


def timed(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Tuple[Any, float]:
    start = time.perf_counter()
    value = function(*args, **kwargs)
    return value, time.perf_counter() - start


def best_of(repeats: int, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Tuple[Any, float]:
    best = float("inf")
    value = None
    for _ in range(repeats):
        value = None  # the previous result goes before the next call: at 10^7 two of them may not fit
        value, seconds = timed(function, *args, **kwargs)
        best = min(best, seconds)
    return value, best


def sha256_compression_ns() -> float:
    """Nanoseconds per SHA-256 compression (64-byte block), from hashing 256 MiB in one call."""
    data = bytes(256 << 20)
    _, seconds = best_of(3, lambda: hashlib.sha256(data).digest())
    return seconds * 1e9 / (len(data) / 64)


def pandas_draw(frame: "pd.DataFrame", quotas: Dict[Tuple[str, str], int], seed: int) -> "pd.DataFrame":
    """The analyst's version: shuffle within each stratum, keep the stratum's quota."""
    keys = ["pool", "cell"]
    drawable = frame[frame["pool"] != "excluded"]
    shuffled = drawable.groupby(keys, sort=False).sample(frac=1.0, random_state=seed)
    rank = shuffled.groupby(keys, sort=False).cumcount()
    quota = pd.Series([quotas.get(key, 0) for key in zip(shuffled["pool"], shuffled["cell"])],
                      index=shuffled.index)
    return shuffled[rank < quota]


def tickets_row(ids: List[str]) -> Dict[str, Any]:
    import consistent_sampler

    subset = ids[:TICKET_SUBSET]
    theirs, their_seconds = timed(lambda: [consistent_sampler.first_fraction(i, SEED) for i in subset])
    ours, our_seconds = best_of(3, ssrandom.tickets, SEED, ids)
    if ours[: len(subset)] != theirs:
        raise SystemExit("ssrandom.tickets and consistent_sampler.first_fraction differ: stop, this is a bug")
    _, sample_seconds = best_of(3, ssrandom.sample, SEED, ids, 1, threads=1)
    return {"consistent_sampler_ns": their_seconds * 1e9 / len(subset),
            "ssrandom_tickets_ns": our_seconds * 1e9 / len(ids),
            "ssrandom_rank_ns": sample_seconds * 1e9 / len(ids)}


def run(n: int, floor_ns: float) -> Dict[str, Any]:
    policy = ssrandom.Policy.load("hebei-xinle-2024")
    bureau, generate_seconds = timed(ssrandom.Bureau.sample, entities=n)
    row: Dict[str, Any] = {"n": n, "generate_s": generate_seconds}

    with tempfile.TemporaryDirectory() as folder:
        # Written by the library (not through one Python string of the whole table: 1.3 GB at 10^7).
        bureau.save(folder, "csv")
        csv_path = os.path.join(folder, "entities.csv")
        columnar_path = os.path.join(folder, "entities.ssrcol")
        ssrandom.save_columnar(bureau, columnar_path)
        row["csv_bytes_per_entity"] = os.path.getsize(csv_path) / n
        row["columnar_bytes_per_entity"] = os.path.getsize(columnar_path) / n
        row["pandas_read_csv_s"] = best_of(2, pd.read_csv, csv_path, dtype=str, keep_default_na=False)[1]
        row["ssrandom_load_csv_s"] = best_of(2, ssrandom.load_entities, csv_path)[1]
        directory, row["ssrandom_load_columnar_s"] = best_of(2, ssrandom.load_columnar, columnar_path)
        row["resident_bytes_per_entity"] = directory._core.resident_bytes() / n
        del directory
    progress(row)

    # Freezing the directory: its digest, computed once (the draws below reuse it).
    _, row["digest_s"] = timed(bureau.entities.digest)
    one, row["draw_1_thread_s"] = best_of(2, ssrandom.draw, bureau, policy, PERIOD, SEED, threads=1)
    every, row["draw_all_threads_s"] = best_of(2, ssrandom.draw, bureau, policy, PERIOD, SEED, threads=0)
    # What `ssrandom draw` then writes: the plan's JSON and CSV, the record's JSON and digest (the draw
    # itself leaves them unwritten until read).
    _, row["outputs_s"] = timed(lambda: (every.plan.to_json(), every.plan.to_csv(), every.record.to_json(),
                                         every.record.digest()))
    row["identical_across_threads"] = (one.record.to_json() == every.record.to_json()
                                       and one.plan.to_csv() == every.plan.to_csv())
    row["tasks"] = sum(len(stratum["selected"]) for stratum in every.record.strata)
    quotas = {(s["pool"], s["credit_class"]): s["quota"] for s in every.record.strata}
    _ = None
    del one, every  # their texts: several GB at 10^7
    progress(row)

    classes = ssrandom.classify(bureau, policy, PERIOD).to_pandas(explain=False)
    frame = classes[["id", "pool", "credit"]].rename(columns={"credit": "cell"})
    picked, row["pandas_draw_s"] = best_of(2, pandas_draw, frame, quotas, 314159)
    theirs = picked.groupby(["pool", "cell"]).size().to_dict()
    row["same_quotas"] = all(theirs.get(key, 0) == count for key, count in quotas.items())

    del picked, classes
    row["floor_s"] = n * floor_ns / 1e9
    row.update(tickets_row([str(i) for i in frame["id"][:200_000]]))
    progress(row)
    return row


def progress(row: Dict[str, Any]) -> None:
    """The figures so far, on stderr: a run that runs out of memory at 10^7 keeps what it measured."""
    print(json.dumps(row), file=sys.stderr, flush=True)


def report(rows: List[Dict[str, Any]], floor_ns: float) -> None:
    print(f"ssrandom {ssrandom.__version__}, pandas {pd.__version__}, Python {platform.python_version()}, "
          f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs")
    print(f"floor: one SHA-256 compression = {floor_ns:.1f} ns (hashlib over 256 MiB)")
    print()
    header = (f"{'entities':>10} {'tasks':>8} {'digest s':>8} {'draw 1t s':>9} {'draw all s':>10} {'outputs s':>9} {'same':>5} "
              f"{'pandas s':>9} {'pandas/us':>9} {'p/(us+d)':>8} {'us/floor':>8} {'CS ns':>8} {'tkt ns':>7} {'CS/us':>6} "
              f"{'read_csv s':>10} {'our csv s':>9} {'pd/us':>6} {'col s':>6} {'col B/e':>7} {'RSS B/e':>7}")
    print(header)
    for r in rows:
        draw = r["draw_all_threads_s"]
        print(f"{r['n']:>10,} {r['tasks']:>8,} {r['digest_s']:>8.3f} {r['draw_1_thread_s']:>9.3f} {draw:>10.3f} "
              f"{r['outputs_s']:>9.3f} "
              f"{'yes' if r['identical_across_threads'] else 'NO':>5} {r['pandas_draw_s']:>9.3f} "
              f"{r['pandas_draw_s'] / draw:>8.2f}x {r['pandas_draw_s'] / (draw + r['digest_s']):>7.2f}x "
              f"{draw / r['floor_s']:>7.1f}x "
              f"{r['consistent_sampler_ns']:>8.0f} {r['ssrandom_tickets_ns']:>7.0f} "
              f"{r['consistent_sampler_ns'] / r['ssrandom_tickets_ns']:>5.0f}x "
              f"{r['pandas_read_csv_s']:>10.3f} {r['ssrandom_load_csv_s']:>9.3f} "
              f"{r['pandas_read_csv_s'] / r['ssrandom_load_csv_s']:>5.2f}x {r['ssrandom_load_columnar_s']:>6.3f} "
              f"{r['columnar_bytes_per_entity']:>7.0f} {r['resident_bytes_per_entity']:>7.0f}")
    print()
    print("digest s: the directory digest, once per frozen directory (the draws reuse it); outputs s: writing "
          "the drawn plan's JSON and CSV and the record's JSON and digest (what `ssrandom draw` saves; the draw "
          "leaves them unwritten until read); "
          "pandas/us: pandas groupby().sample() time / ssrandom draw time (target >= 5 at 10^7); p/(us+d): the "
          "same with the digest added to the draw; us/floor: draw "
          "time / one SHA-256 compression per entity (target <= 2); CS/us: consistent_sampler per ticket / "
          "ssrandom.tickets per ticket (target >= 100); pd/us: pandas read_csv / ssrandom CSV load (target "
          ">= 1); col s: columnar load; col B/e, RSS B/e: columnar file and loaded directory bytes per entity "
          "(target: 10^7 entities <= 1 GiB, i.e. <= 107 B/e). 'same': records byte-identical for 1 thread and "
          "all threads.")


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10**5, 10**6], help="directory sizes")
    parser.add_argument("--huge", action="store_true", help="also 10^7 entities")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    sizes = list(args.sizes) + ([10**7] if args.huge else [])
    floor_ns = sha256_compression_ns()
    rows = [run(n, floor_ns) for n in sizes]
    report(rows, floor_ns)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"floor_ns": floor_ns, "rows": rows}, out, indent=2)
    return 0 if all(r["identical_across_threads"] and r["same_quotas"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
