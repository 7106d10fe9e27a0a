"""``ssrandom draw``: the verifiable quarterly draw of entities."""

from __future__ import annotations

import argparse
import json

import ssrandom.entity_draw as draw_module
from ssrandom.commands._inputs import add_bureau_arguments, load_bureau, load_policy
from ssrandom._text import ljust, rjust
from ssrandom.calendar import Period


def register(subparsers: "argparse._SubParsersAction") -> None:
    parser = subparsers.add_parser(
        "draw", help="draw a quarter's entities and write the plan and the public record",
        description="Classifies the directory for the period, takes each stratum's quota of lowest tickets "
                    "for the public seed, and writes DIR/plan.csv, DIR/plan.json and DIR/record.json.")
    add_bureau_arguments(parser)
    parser.add_argument("--period", required=True, help="the quarter, e.g. 2024Q1")
    parser.add_argument("--seed", required=True, help="the public seed, fixed after the freeze")
    parser.add_argument("--seed-source", default="", help="where the seed came from (free text)")
    parser.add_argument("--history", metavar="DIR",
                        help="folder holding earlier draws of the year (every plan.json below it)")
    parser.add_argument("--previous-record", metavar="FILE",
                        help="the bureau's previous record.json, to chain this record to it")
    parser.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    parser.add_argument("--json", action="store_true", help="print the per-stratum summary as JSON")
    parser.set_defaults(func=run)


COLUMNS = (("层 stratum", 16, "<"), ("rule", 12, "<"), ("库 pool", 9, ">"), ("排除 excluded", 15, ">"),
           ("比例 ratio", 12, ">"), ("quota", 7, ">"), ("抽取 drawn", 12, ">"))


def print_strata(record: draw_module.DrawRecord) -> None:
    """Prints one line per stratum: pool size, exclusions, ratio, quota and drawn count."""
    def line(values):
        return "".join(ljust(str(v), w) if align == "<" else rjust(str(v), w)
                       for v, (_, w, align) in zip(values, COLUMNS))
    print(line([title for title, _, _ in COLUMNS]))
    for stratum in record.strata:
        excluded = stratum["excluded_yearly_cap"] + stratum["excluded_rotation"]
        note = " (whole pool)" if stratum["whole_pool_taken"] else ""
        print(line([stratum["stratum"], stratum["rule"], stratum["pool_size"], excluded, stratum["ratio"],
                    stratum["quota"], len(stratum["selected"])]) + note)


def run(args: argparse.Namespace) -> int:
    bureau = load_bureau(args, as_of=Period(args.period).first_day)
    policy = load_policy(args)
    history = draw_module.load_history(args.history)
    previous = draw_module.DrawRecord.load(args.previous_record) if args.previous_record else None
    result = draw_module.draw(bureau, policy, args.period, args.seed, args.seed_source, history, previous)
    paths = result.save(args.out)
    if args.json:
        print(json.dumps({"period": result.record.period, "strata": result.record.strata,
                          "files": paths}, ensure_ascii=False, indent=2))
    else:
        print_strata(result.record)
        print(f"{len(result.plan)} tasks; record digest {result.record.digest()}")
        for path in paths:
            print(f"wrote {path}")
    return 0
