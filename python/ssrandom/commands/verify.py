"""``ssrandom verify``: recomputes a published draw record and compares every field."""

from __future__ import annotations

import argparse
import sys

import ssrandom.entity_draw as draw_module
from ssrandom.commands._inputs import add_bureau_arguments, load_bureau, load_policy


def register(subparsers: "argparse._SubParsersAction") -> None:
    parser = subparsers.add_parser(
        "verify", help="check a published draw record against the directory, policy and history",
        description="Prints 'verified' (exit 0) or the first difference (exit 1).")
    parser.add_argument("record", metavar="RECORD", help="the record.json to check")
    add_bureau_arguments(parser)
    parser.add_argument("--history", metavar="DIR", help="folder holding the earlier plans the record names")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    record = draw_module.DrawRecord.load(args.record)
    result = draw_module.verify(record, load_bureau(args), load_policy(args),
                                draw_module.load_history(args.history))
    if result.ok:
        print("verified")
        return 0
    print(f"NOT verified: {result.message}", file=sys.stderr)
    return 1
