"""``ssrandom report``: the quarterly statistics table (统计表) per area and in total, as CSV, JSON and .xlsx."""

from __future__ import annotations

import argparse
import json
import os
from typing import List, Tuple, Union

from ssrandom.calendar import Period
from ssrandom.check import statistics, xlsx_bytes
from ssrandom.commands._plans import add_bureau_option, parse_date, read_results, require_bureau, split_plans
from ssrandom.entity_draw import write_files_atomic
from ssrandom.policy import Policy


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Adds the ``report`` subcommand."""
    parser = subparsers.add_parser(
        "report", help="the quarterly statistics table (统计表) from plans and results",
        description="Writes OUT/statistics-QUARTER.csv and .json for each quarter of the plans (and with --xlsx "
                    "one workbook, statistics.xlsx, with a sheet per quarter).")
    parser.add_argument("--plan", required=True, metavar="DIR",
                        help="a draw's output folder, or a folder of quarterly plan folders")
    parser.add_argument("--results", required=True, metavar="FILE", help="the inspection results (.csv/.json)")
    add_bureau_option(parser, required=True)
    parser.add_argument("--policy", metavar="NAME_OR_FILE",
                        help="the policy that classifies the directory (default: the plan's policy name)")
    parser.add_argument("--period", help="only this quarter or year (default: every plan found)")
    parser.add_argument("--as-of", metavar="DATE", help="count inspections and publications up to this day")
    parser.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    parser.add_argument("--xlsx", action="store_true", help="also write statistics.xlsx (needs openpyxl)")
    parser.add_argument("--chinese-headers", action="store_true", help="CSV headers in Chinese")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Runs ``ssrandom report``; returns the exit code."""
    from ssrandom.check import load_plans

    bureau = require_bureau(args, "report")
    if args.period:
        plans, _records, history = split_plans(args.plan, Period(args.period))
    else:
        plans, _records = load_plans(args.plan)
        history = []
    results = read_results(args.results, args.plan, [], bureau)
    as_of = parse_date(args.as_of, "--as-of") if args.as_of else None
    tables = []
    files: List[Tuple[str, Union[str, bytes]]] = []
    for plan in sorted(plans, key=lambda p: Period(p.period)):
        policy = Policy.load(args.policy or json.loads(plan.to_json())["policy_name"])
        table = statistics(bureau, policy, plan, results, as_of)
        tables.append(table)
        for extension, text in (("csv", table.to_csv(args.chinese_headers)), ("json", table.to_json())):
            files.append((os.path.join(args.out, f"statistics-{plan.period}.{extension}"), text))
    if args.xlsx:
        files.append((os.path.join(args.out, "statistics.xlsx"), xlsx_bytes(tables)))
    # Every table is computed before anything is written, and the files are written all or none: a failed
    # report leaves the folder as it was.
    write_files_atomic(files, make_folders=True)
    for table in tables:
        for extension in ("csv", "json"):
            print(f"wrote {os.path.join(args.out, f'statistics-{table.period}.{extension}')}")
        total = table.total
        print(f"  {table.period}: {total['inspections']} inspections of {total['tasks_planned']} planned, "
              f"{total['problems_found']} problems found, {total['published']} published")
    if args.xlsx:
        print(f"wrote {os.path.join(args.out, 'statistics.xlsx')}")
    return 0
