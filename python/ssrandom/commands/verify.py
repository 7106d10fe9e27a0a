"""``ssrandom verify``: recomputes a published draw record and compares every field."""

from __future__ import annotations

import argparse
import json
import sys

import ssrandom.entity_draw as draw_module
from ssrandom import _progress
from ssrandom.cli import EXIT_FINDINGS, EXIT_OK
from ssrandom.commands._inputs import add_bureau_arguments, load_bureau, load_policy


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "verify", help="check a published draw record against the directory, policy and history",
        description="Prints 'verified' (exit 0) or the first difference (exit 1).")
    parser.add_argument("record", metavar="RECORD", help="the record.json to check")
    add_bureau_arguments(parser)
    parser.add_argument("--history", metavar="DIR",
                        help="folder holding the earlier plans the record names (plans of other periods below it "
                             "are ignored)")
    parser.add_argument("--json", action="store_true",
                        help='print {"verified": true|false, "message": ..., "record_digest": ...} (exit codes '
                             "unchanged)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    record = draw_module.DrawRecord.load(args.record)
    size = int(record.data.get("directory", {}).get("size", 0))
    with _progress.Steps(["load", "verify"], _progress.enabled(size), "verify") as steps:
        steps.next("load")
        bureau, policy = load_bureau(args), load_policy(args)
        # The record names the earlier plans it was drawn with; a folder holding the whole year (this quarter
        # and later ones too) gives just those, and verification still compares their digests.
        named = {entry["period"] for entry in record.data.get("history", [])}
        history = [plan for plan in draw_module.load_history(args.history) if plan.period in named]
        steps.next("verify")
        result = draw_module.verify(record, bureau, policy, history)
    if args.json:
        print(json.dumps({"verified": result.ok, "message": result.message, "period": record.period,
                          "record_digest": record.digest()}, ensure_ascii=False, indent=2))
    elif result.ok:
        print("verified")
    else:
        print(f"NOT verified: {result.message}", file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_FINDINGS
