"""``ssrandom generate``: a synthetic bureau of any size (10^4 to 10^7 entities and more) for benchmarks and
load tests, with the entity directory in the columnar form by default."""

from __future__ import annotations

import argparse
import os
import time

from ssrandom import _progress
from ssrandom.bureau import BUREAU_TABLES, Bureau
from ssrandom.columnar import COLUMNAR_EXTENSION, save_columnar

_ENTITY_FILES = ("entities.csv", "entities.json", "entities" + COLUMNAR_EXTENSION)


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "generate", help="write a synthetic bureau of any size (benchmarks, load tests)",
        description="Writes a deterministic synthetic bureau with the sample's mix (permit classes, key units, "
                    "positive list, credit classes, areas, tags, special facts, conflicts of interest) scaled to "
                    "--entities, with inspectors and conflicts to match. The entity directory is written in the "
                    "columnar form (entities.ssrcol) unless --entities-format says otherwise; the other tables as "
                    "CSV. `ssrandom` loads the folder like any bureau folder.")
    parser.add_argument("--out", required=True, help="output folder (created if missing)")
    parser.add_argument("--entities", type=int, required=True, help="number of entities, e.g. 1000000")
    parser.add_argument("--seed", type=int, default=20240101, help="generator seed (default 20240101)")
    parser.add_argument("--entities-format", choices=["columnar", "csv", "json"], default="columnar",
                        help="form of the entity directory (default columnar)")
    parser.set_defaults(func=run)


def _write_text(path: str, text: str) -> None:
    temporary = f"{path}.tmp.{os.getpid()}"
    with open(temporary, "w", encoding="utf-8", newline="") as out:
        out.write(text)
    os.replace(temporary, path)


def run(args: argparse.Namespace) -> int:
    if args.entities < 1:
        raise SystemExit("ssrandom generate: --entities must be at least 1")
    os.makedirs(args.out, exist_ok=True)
    start = time.perf_counter()
    with _progress.Steps(["generate", "write"], _progress.enabled(args.entities), "generate") as steps:
        steps.next("generate")
        bureau = Bureau.sample(entities=args.entities, seed=args.seed)
        steps.next("write")
        if args.entities_format == "columnar":
            for table in BUREAU_TABLES:
                if table != "entities":
                    _write_text(os.path.join(args.out, f"{table}.csv"), bureau.table_csv(table))
                    stale = os.path.join(args.out, f"{table}.json")
                    if os.path.exists(stale):
                        os.remove(stale)
            _write_text(os.path.join(args.out, "name.txt"), bureau.name + "\n")
            target = os.path.join(args.out, "entities" + COLUMNAR_EXTENSION)
            save_columnar(bureau, target)
        else:
            bureau.save(args.out, args.entities_format)
            target = os.path.join(args.out, f"entities.{args.entities_format}")
        # An entity table of another form left by an earlier run would make the folder ambiguous.
        for name in _ENTITY_FILES:
            path = os.path.join(args.out, name)
            if path != target and os.path.exists(path):
                os.remove(path)
    seconds = time.perf_counter() - start
    size = os.path.getsize(target)
    print(f"wrote {bureau.entity_count:,} entities ({os.path.basename(target)}, {size:,} bytes, "
          f"{size / bureau.entity_count:.0f} bytes per entity) and {bureau.inspector_count:,} inspectors to "
          f"{args.out} in {seconds:.1f} s")
    return 0
