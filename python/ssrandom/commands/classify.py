"""``ssrandom classify``: the class, pool, credit cell and explanation of every entity, and the quotas."""

from __future__ import annotations

import argparse
import os
import sys

from ssrandom.bureau import load_entities
from ssrandom.cli import EXIT_BAD_INPUT, EXIT_OK
from ssrandom.policy import Policy, classify


def register(subparsers: "argparse._SubParsersAction") -> None:
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
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    extension = os.path.splitext(args.out)[1].lower() if args.out else ""
    if args.out and extension not in (".csv", ".json"):
        print(f"ssrandom classify: --out {args.out}: the output must end in .csv or .json", file=sys.stderr)
        return EXIT_BAD_INPUT
    policy = Policy.load(args.policy)
    result = classify(load_entities(args.entities), policy, args.period)
    print(result.summary())
    if args.out:
        text = result.to_csv() if extension == ".csv" else result.to_json() + "\n"
        with open(args.out, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        print(f"wrote {len(result)} entities to {args.out}")
    return EXIT_OK
