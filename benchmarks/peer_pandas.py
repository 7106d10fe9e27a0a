#!/usr/bin/env python3
"""Peer comparison: one quarter's draw with pandas ``groupby().sample()`` and with libssrandom, from the same
DataFrame, with the same strata and the same quotas. Prints both times and their ratio from one run.

    python3 benchmarks/peer_pandas.py              # 10^5 and 10^6 entities
    python3 benchmarks/peer_pandas.py --huge       # also 10^7 (needs ~15 GB of memory and a few minutes)
    python3 benchmarks/peer_pandas.py --sizes 20000 --threads 2

What an analyst would write with pandas: take the strata (pool and credit cell, here from
``ssrandom.classify`` so both sides draw the same strata), shuffle within each stratum with
``groupby().sample(frac=1)`` and keep each stratum's quota. It is fast, but it is neither reproducible across
pandas/numpy versions nor verifiable by anyone else, and it knows nothing of rotation, the yearly cap, the
record or the plan. libssrandom's time covers all of that: classification, every stratum's quota, SHA-256
tickets for every entity, the plan with items, and the public record with its digests. Loading the
DataFrame (``Bureau.from_pandas``: bulk CSV conversion and the C++ reader with every validation) is timed
separately.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any, Dict, List, Tuple

try:
    import numpy as np
    import pandas as pd
except ImportError:  # pragma: no cover - a script
    sys.exit("peer_pandas.py needs pandas and numpy: pip install 'ssrandom[pandas]'")

import ssrandom

SEED = "2024-01-05 中国福利彩票3D 第2024005期 3 1 7"
PERIOD = "2024Q1"
AREAS = np.array(["邯邰", "正莫", "杜固", "开发区", "三产", "承安", "市区"])


def entities(n: int, seed: int = 20240101) -> pd.DataFrame:
    """A synthetic entity directory with the sample bureau's mix, built column by column."""
    rng = np.random.default_rng(seed)
    permit = rng.choice(np.array(["key", "simplified", "registration", "none", ""]), n,
                        p=[0.077, 0.245, 0.541, 0.088, 0.049])
    return pd.DataFrame({
        "id": pd.Series(np.char.add("E-", np.arange(n).astype(str))),
        "area": rng.choice(AREAS, n),
        "permit_class": permit,
        "key_unit": rng.random(n) < 0.078,
        "positive_list": rng.random(n) < 0.11,
        "credit": rng.choice(np.array(["A", "B", "C", "D", ""]), n, p=[0.29, 0.487, 0.153, 0.045, 0.025]),
        "penalties_last_year": rng.choice(np.array([0, 0, 0, 0, 0, 0, 0, 1, 2, 3]), n),
        "status": rng.choice(np.array(["active", "suspended", "closed"]), n, p=[0.95, 0.03, 0.02]),
    })


def pandas_draw(frame: pd.DataFrame, quotas: Dict[Tuple[str, str], int], seed: int) -> pd.DataFrame:
    """The analyst's version: shuffle within each stratum, keep the stratum's quota."""
    keys = ["pool", "cell"]
    drawable = frame[frame["pool"] != "excluded"]
    shuffled = drawable.groupby(keys, sort=False).sample(frac=1.0, random_state=seed)
    rank = shuffled.groupby(keys, sort=False).cumcount()
    quota = pd.Series([quotas.get(key, 0) for key in zip(shuffled["pool"], shuffled["cell"])],
                      index=shuffled.index)
    return shuffled[rank < quota]


def timed(function: Any, *args: Any, **kwargs: Any) -> Tuple[Any, float]:
    start = time.perf_counter()
    value = function(*args, **kwargs)
    return value, time.perf_counter() - start


def run(n: int, threads: int) -> Dict[str, Any]:
    policy = ssrandom.Policy.load("hebei-xinle-2024")
    frame = entities(n)

    bureau, load_seconds = timed(ssrandom.Bureau.from_pandas, frame)
    result, draw_seconds = timed(ssrandom.draw, bureau, policy, PERIOD, SEED, threads=threads)

    # The same strata for pandas: each entity's pool and credit cell, as libssrandom classified them.
    classes = ssrandom.classify(bureau, policy, PERIOD).to_pandas(explain=False).set_index("id")
    strata = frame.join(classes[["pool", "credit"]].rename(columns={"credit": "cell"}), on="id")
    quotas = {(s["pool"], s["credit_class"]): s["quota"] for s in result.record.strata}
    picked, pandas_seconds = timed(pandas_draw, strata, quotas, 314159)

    ours = {(s["pool"], s["credit_class"]): len(s["selected"]) for s in result.record.strata}
    theirs = picked.groupby(["pool", "cell"]).size().to_dict()
    same = all(theirs.get(key, 0) == count for key, count in ours.items())
    return {"n": n, "load": load_seconds, "draw": draw_seconds, "pandas": pandas_seconds,
            "tasks": len(result.plan), "same_quotas": same}


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10**5, 10**6], help="directory sizes")
    parser.add_argument("--huge", action="store_true", help="also 10^7 entities")
    parser.add_argument("--threads", type=int, default=0, help="draw threads (0: all cores)")
    args = parser.parse_args(argv)
    sizes = list(args.sizes) + ([10**7] if args.huge else [])
    print(f"ssrandom {ssrandom.__version__}, pandas {pd.__version__}, numpy {np.__version__}, "
          f"{os.cpu_count()} CPUs, policy hebei-xinle-2024, {PERIOD}")
    print(f"{'entities':>10} {'tasks':>8} {'pandas s':>9} {'ssrandom draw s':>16} {'ratio':>7} "
          f"{'from_pandas s':>14} {'ratio with load':>16}  same quotas")
    for n in sizes:
        row = run(n, args.threads)
        print(f"{row['n']:>10,} {row['tasks']:>8,} {row['pandas']:>9.3f} {row['draw']:>16.3f} "
              f"{row['draw'] / row['pandas']:>6.1f}x {row['load']:>14.3f} "
              f"{(row['draw'] + row['load']) / row['pandas']:>15.1f}x  {'yes' if row['same_quotas'] else 'NO'}")
    print("ratio = libssrandom time / pandas time (higher: libssrandom slower); libssrandom also classifies, "
          "computes a SHA-256 ticket per entity and writes the plan and the verifiable record.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
