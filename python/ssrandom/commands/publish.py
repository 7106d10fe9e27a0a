"""``ssrandom publish``: the public disclosure records (一公开) of a quarter's results as of a day."""

from __future__ import annotations

import argparse
import os
import sys
from typing import List, Tuple

from ssrandom.calendar import Period
from ssrandom.check import disclosure
from ssrandom.commands._plans import add_bureau_option, parse_date, read_results, require_bureau, split_plans
from ssrandom.entity_draw import write_files_atomic


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Adds the ``publish`` subcommand."""
    parser = subparsers.add_parser(
        "publish", help="the public records of a quarter's results (never before the inspection)",
        description="Writes OUT/disclosure-QUARTER.csv and .json: per inspection the entity name and USCC, "
                    "items, departments, date, method, result and handling, inspectors' names and certificate "
                    "numbers only, and the draw record. Tasks without a result or inspected after --as-of are "
                    "withheld and listed on stderr with the reason.")
    parser.add_argument("--plan", required=True, metavar="DIR", help="a draw's output folder (or folders)")
    parser.add_argument("--results", required=True, metavar="FILE", help="the inspection results (.csv/.json)")
    add_bureau_option(parser, required=True)
    parser.add_argument("--as-of", required=True, metavar="DATE", help="the day of publication")
    parser.add_argument("--period", help="only this quarter (default: every plan found)")
    parser.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    parser.add_argument("--chinese-headers", action="store_true", help="CSV headers and values in Chinese")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Runs ``ssrandom publish``; returns the exit code."""
    from ssrandom.check import load_plans

    bureau = require_bureau(args, "publish")
    if args.period:
        plans, records, history = split_plans(args.plan, Period(args.period))
    else:
        (plans, records), history = load_plans(args.plan), []
    results = read_results(args.results, args.plan, [], bureau)
    as_of = parse_date(args.as_of, "--as-of")
    record_of = {record.period: record for record in records}
    disclosures = []
    files: List[Tuple[str, str]] = []
    for plan in sorted(plans, key=lambda p: Period(p.period)):
        published = disclosure(bureau, plan, results, as_of, record_of.get(plan.period))
        disclosures.append((plan.period, published))
        for extension, text in (("csv", published.to_csv(args.chinese_headers)), ("json", published.to_json())):
            files.append((os.path.join(args.out, f"disclosure-{plan.period}.{extension}"), text))
    # Everything is computed before anything is written, and written all or none.
    write_files_atomic(files, make_folders=True)
    for period, published in disclosures:
        for extension in ("csv", "json"):
            print(f"wrote {os.path.join(args.out, f'disclosure-{period}.{extension}')}")
        print(f"  {period}: {len(published.records)} records published, {len(published.withheld)} withheld")
        for task_id, reason in published.withheld[:10]:
            print(f"  withheld {task_id}: {reason}", file=sys.stderr)
        if len(published.withheld) > 10:
            print(f"  … and {len(published.withheld) - 10} more withheld", file=sys.stderr)
    return 0
