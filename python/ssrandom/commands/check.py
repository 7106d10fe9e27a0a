"""``ssrandom check``: does a quarter (or a year) meet every rule? Prints a bilingual report, writes JSON.

Exit codes: 0 every rule met (or not yet due / unknown), 1 a rule is short or violated, 2 bad input.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from typing import Dict, Iterable

from ssrandom.calendar import Period
from ssrandom.check import check
from ssrandom.commands._plans import add_bureau_option, load_bureau, load_results, parse_date, split_plans
from ssrandom.entity_draw import write_files_atomic
from ssrandom.errors import InvalidInputError
from ssrandom.policy import Policy


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Adds the ``check`` subcommand."""
    parser = subparsers.add_parser(
        "check", help="check a quarter's or a year's plans (and results) against every rule",
        description="Runs the compliance rules (docs/check.md) over the plans of PERIOD: prospectively on the "
                    "plans alone, retrospectively with --results. Exit 0 when no rule is short or violated, 1 "
                    "otherwise, 2 for bad input.")
    parser.add_argument("--policy", required=True, metavar="NAME_OR_FILE", help="a preset name or policy .json")
    parser.add_argument("--plan", required=True, metavar="DIR",
                        help="a draw's output folder (plan.json, record.json), or for a year a folder of "
                             "quarterly plan folders; earlier quarters of the year found there count as history")
    parser.add_argument("--period", required=True, help="a quarter (2024Q1) or a year (2024)")
    parser.add_argument("--results", metavar="FILE", help="the inspection results (.csv or .json)")
    add_bureau_option(parser, required=False)
    parser.add_argument("--history", metavar="DIR", help="more earlier plans of the year (every plan.json below)")
    parser.add_argument("--as-of", metavar="DATE",
                        help="the day of the check (default: today); deadlines after it are not yet due")
    parser.add_argument("--final", action="store_true", help="a final assessment: every deadline has passed")
    parser.add_argument("--summary-submitted", metavar="QUARTER=DATE", action="append", default=[],
                        help="the day a quarter's summary (工作总结) was submitted, e.g. 2024Q1=2024-03-27")
    parser.add_argument("--statistics-submitted", metavar="QUARTER=DATE", action="append", default=[],
                        help="the day a quarter's statistics table (统计表) was submitted")
    parser.add_argument("--count-full-coverage", action="store_true",
                        help="count the positive list's off-site checks in the credit and joint shares")
    parser.add_argument("--json", metavar="FILE", help="write the report as JSON to FILE")
    parser.add_argument("--out", metavar="DIR", help="write compliance-PERIOD.json and .txt into DIR")
    parser.set_defaults(func=run)


def _submitted(values: Iterable[str], flag: str) -> Dict[str, datetime.date]:
    out: Dict[str, datetime.date] = {}
    for value in values:
        quarter, sep, day = value.partition("=")
        if not sep:
            raise InvalidInputError(f"{flag} {value}: write QUARTER=YYYY-MM-DD, e.g. 2024Q1=2024-03-27")
        out[str(Period(quarter))] = parse_date(day, flag)
    return out


def run(args: argparse.Namespace) -> int:
    """Runs ``ssrandom check``; returns the exit code."""
    from ssrandom.entity_draw import load_history

    period = Period(args.period)
    policy = Policy.load(args.policy)
    bureau = load_bureau(args)
    plans, records, history = split_plans(args.plan, period)
    history += [p for p in load_history(args.history)
                if Period(p.period).year == period.year and Period(p.period) < period]
    results = load_results(args.results, args.plan, history, bureau)
    as_of = None if args.final else (parse_date(args.as_of, "--as-of") if args.as_of else datetime.date.today())
    report = check(policy, period, plans, records=records, results=results, bureau=bureau, history=history,
                   as_of=as_of, summary_submitted=_submitted(args.summary_submitted, "--summary-submitted"),
                   statistics_submitted=_submitted(args.statistics_submitted, "--statistics-submitted"),
                   count_full_coverage=args.count_full_coverage)
    sys.stdout.write(report.text)
    files = [(args.json, report.to_json())] if args.json else []
    if args.out:
        files += [(os.path.join(args.out, f"compliance-{period}.json"), report.to_json()),
                  (os.path.join(args.out, f"compliance-{period}.txt"), report.text)]
    write_files_atomic(files, make_folders=True)
    return 0 if report.ok else 1
