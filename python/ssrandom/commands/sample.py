"""``ssrandom sample``: writes the built-in synthetic bureau (or a larger one of the same mix) to a folder."""

from __future__ import annotations

import argparse
import os

from ssrandom import _progress
from ssrandom.bureau import Bureau


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "sample", help="write the built-in sample bureau to a folder",
        description="Writes the synthetic sample bureau (entities, inspectors, units, departments, items, "
                    "conflicts) as CSV or JSON files. The data are generated deterministically; every name is "
                    "synthetic.")
    parser.add_argument("--out", required=True, help="output folder (created if missing)")
    parser.add_argument("--entities", type=int, default=1500, help="number of entities (default 1500)")
    parser.add_argument("--seed", type=int, default=20240101, help="generator seed (default 20240101)")
    parser.add_argument("--format", choices=["csv", "json"], default="csv")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    os.makedirs(args.out, exist_ok=True)
    with _progress.Steps(["generate", "write"], _progress.enabled(args.entities), "sample") as steps:
        steps.next("generate")
        bureau = Bureau.sample(entities=args.entities, seed=args.seed)
        steps.next("write")
        bureau.save(args.out, args.format)
    print(f"wrote {bureau.entity_count} entities and {bureau.inspector_count} inspectors to {args.out}")
    return 0
