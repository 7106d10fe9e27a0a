"""``ssrandom classify``: the class, pool, credit cell and explanation of every entity, and the quotas."""

from __future__ import annotations

import argparse
import json
import os
import sys

from ssrandom import _progress
from ssrandom.bureau import load_entities
from ssrandom.cli import EXIT_BAD_INPUT, EXIT_OK
from ssrandom.entity_draw import write_atomic
from ssrandom.policy import Policy, classify


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "classify", help="classify an entity directory under a policy for a period",
        description="Gives every entity exactly one class (special, key, general) or excludes it from the pool, "
                    "with its pool, credit cell and an explanation of which conditions matched and which rule "
                    "decided; prints the counts per pool and per credit cell with the quota each implies.")
    parser.add_argument("--entities", required=True, help="entity directory file (.csv or .json)")
    parser.add_argument("--policy", required=True, help="a preset name (e.g. hebei-xinle-2024) or a policy file")
    parser.add_argument("--period", required=True, help="the quarter, e.g. 2024Q1 (date conditions are relative "
                                                        "to it)")
    parser.add_argument("--out", help="write id, class, pool, positive_list, credit and explanation per entity to "
                                      "a .csv or .json file")
    parser.add_argument("--json", action="store_true",
                        help="print the counts and quotas as JSON (period, policy, counts, class_counts, "
                             "conflicts, quotas) instead of the text summary")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    extension = os.path.splitext(args.out)[1].lower() if args.out else ""
    if args.out and extension not in (".csv", ".json"):
        print(f"ssrandom classify: --out {args.out}: the output must end in .csv or .json", file=sys.stderr)
        return EXIT_BAD_INPUT
    policy = Policy.load(args.policy)
    size = os.path.getsize(args.entities) // 120 if os.path.exists(args.entities) else 0  # ~bytes per entity
    with _progress.Steps(["load", "classify", "write"], _progress.enabled(size), "classify") as steps:
        steps.next("load")
        directory = load_entities(args.entities)
        steps.next("classify")
        result = classify(directory, policy, args.period)
        steps.next("write")
        if args.out:
            text = result.to_csv() if extension == ".csv" else result.to_json() + "\n"
            write_atomic(args.out, text)
    if args.json:
        print(json.dumps({"period": result.period, "policy": {"name": policy.name, "digest": policy.digest},
                          "entities": len(result), "counts": result.counts, "class_counts": result.class_counts,
                          "conflicts": result.conflicts, "quotas": result.quotas,
                          "out": args.out}, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(result.summary())
    if args.out:
        print(f"wrote {len(result)} entities to {args.out}")
    return EXIT_OK
