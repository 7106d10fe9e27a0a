"""``ssrandom calendar PERIOD``: a quarter's working days and report deadlines.

By default it prints a table, one line per quarter. With ``--json``, for a quarter (``2025Q3``) it prints one
JSON object; for a year (``2025``) a JSON list with one object per quarter. Each object has ``period``, ``first_day``, ``last_day``, ``working_days`` (in the quarter, both ends
included), ``summary_due`` (quarterly summary, the 2nd working day counted backwards from the last day, not
counting it), ``statistics_due`` (statistics table, the 2nd working day after the last day) and
``provisional`` (true when a year without a holiday schedule was counted as plain Monday–Friday).

With ``--inspected DATE`` (a day of the period), the quarter holding that day also gets ``inspection``:
``{"date", "result_entry_due", "publication_due"}`` — the latest days to enter and to publish the result of
an inspection made that day (7 and 20 working days after it, not counting it; see ``--entry-days`` and
``--publication-days``).
"""

from __future__ import annotations

import argparse
import datetime
import json
from typing import Any, Dict

from ssrandom._text import table
from ssrandom.calendar import Calendar, Period
from ssrandom.errors import InvalidInputError, OutOfRangeError

COLUMNS = (("期间 period", "<"), ("首日 first day", "<"), ("末日 last day", "<"), ("工作日 working days", ">"),
           ("季度小结 summary due", "<"), ("统计报表 statistics due", "<"))


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "calendar",
        help="a quarter's working days and report deadlines",
        description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("period", metavar="PERIOD", help="a quarter such as 2025Q3, or a year such as 2025")
    parser.add_argument("--holidays", metavar="FILE", action="append", default=[],
                        help="a holiday file (format ssrandom-holidays-v1) adding years to the built-in "
                             "2024-2026 schedules; may be repeated")
    parser.add_argument("--provisional", action="store_true",
                        help="count years without a holiday schedule as plain Monday-Friday weeks instead of "
                             "failing (the output says \"provisional\": true)")
    parser.add_argument("--inspected", metavar="DATE",
                        help="an inspection day in PERIOD: also print the latest result-entry and publication days")
    parser.add_argument("--entry-days", type=int, default=7, metavar="N",
                        help="working days to enter a result (default 7)")
    parser.add_argument("--publication-days", type=int, default=20, metavar="N",
                        help="working days to publish a result (default 20)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(func=run)


def _entry(calendar: Calendar, quarter: Period) -> Dict[str, Any]:
    due = calendar.deadlines(quarter)
    return {
        "period": str(quarter),
        "first_day": due["first_day"].isoformat(),
        "last_day": due["last_day"].isoformat(),
        "working_days": due["working_days"],
        "summary_due": due["summary_due"].isoformat(),
        "statistics_due": due["statistics_due"].isoformat(),
        "provisional": due["provisional"],
    }


def _inspection_day(text: str, period: Period) -> datetime.date:
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        raise InvalidInputError(f"--inspected: '{text}' is not a date YYYY-MM-DD") from None
    if not period.contains(day):
        raise InvalidInputError(f"--inspected {text} is not in {period} ({period.first_day} to {period.last_day})")
    return day


def run(args: argparse.Namespace) -> int:
    period = Period(args.period)
    calendar = Calendar(provisional=args.provisional, holidays=args.holidays)
    try:
        entries = [_entry(calendar, quarter) for quarter in period.quarters()]
    except OutOfRangeError as error:
        raise OutOfRangeError(f"{error} (here: pass --holidays FILE with that year's schedule, or --provisional)",
                              error.code) from error
    if args.inspected:
        inspected = _inspection_day(args.inspected, period)
        for entry in entries:
            if entry["first_day"] <= inspected.isoformat() <= entry["last_day"]:
                entry["inspection"] = {
                    "date": inspected.isoformat(),
                    "result_entry_due": calendar.deadline_after(inspected, args.entry_days).isoformat(),
                    "publication_due": calendar.deadline_after(inspected, args.publication_days).isoformat(),
                    "provisional": calendar.is_provisional(
                        calendar.deadline_after(inspected, args.publication_days)),
                }
    if args.json:
        output: Any = entries[0] if period.is_quarter else entries
        print(json.dumps(output, indent=2, ensure_ascii=False))
        return 0
    rows = [[e["period"] + ("*" if e["provisional"] else ""), e["first_day"], e["last_day"], e["working_days"],
             e["summary_due"], e["statistics_due"]] for e in entries]
    print(table(COLUMNS, rows))
    if any(e["provisional"] for e in entries):
        print("* provisional: a year without a holiday schedule was counted as plain Monday–Friday weeks")
    for entry in entries:
        if "inspection" in entry:
            inspection = entry["inspection"]
            print(f"inspected {inspection['date']}: result entry due {inspection['result_entry_due']}, "
                  f"publication due {inspection['publication_due']}")
    return 0
