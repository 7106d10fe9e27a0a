"""``ssrandom draw``: the verifiable quarterly draw of entities."""

from __future__ import annotations

import argparse
import json
import os
from typing import Any, Sequence

import ssrandom.entity_draw as draw_module
from ssrandom import _progress
from ssrandom._text import table
from ssrandom.calendar import Period
from ssrandom.commands._inputs import (add_bureau_arguments, add_inspectors_argument, expected_size, load_bureau,
                                       load_policy, team_rules_for)
from ssrandom.errors import InvalidInputError


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "draw", help="draw a quarter's entities and write the plan and the public record",
        description="Classifies the directory for the period, takes each stratum's quota of lowest tickets "
                    "for the public seed, and writes DIR/plan.csv, DIR/plan.json and DIR/record.json. With "
                    "--inspectors it also draws every task's team from that inspector directory (as ssrandom "
                    "assign does) and writes DIR/teams.json, chained to record.json; nothing is written when "
                    "either draw fails. Without --inspectors, DIR must not hold a teams.json (the team record "
                    "of an earlier draw would not staff the new plan).")
    add_bureau_arguments(parser)
    add_inspectors_argument(parser)
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


COLUMNS = (("层 stratum", "<"), ("rule", "<"), ("库 pool", ">"), ("排除 excluded", ">"), ("比例 ratio", ">"),
           ("quota", ">"), ("抽取 drawn", ">"), ("", "<"))


def strata_table(record: draw_module.DrawRecord, indent: str = "") -> str:
    """One line per stratum: pool size, exclusions, ratio, quota and drawn count."""
    rows: Sequence[Sequence[Any]] = [
        [s["stratum"], s["rule"], s["pool_size"], s["excluded_yearly_cap"] + s["excluded_rotation"], s["ratio"],
         s["quota"], len(s["selected"]), "(whole pool)" if s["whole_pool_taken"] else ""]
        for s in record.strata]
    return table(COLUMNS, rows, indent)


def print_strata(record: draw_module.DrawRecord) -> None:
    """Prints :func:`strata_table`."""
    print(strata_table(record))


def refuse_a_stale_team_record(out: str) -> None:
    """Raises when ``out`` holds a team record and the draw writes no new one: the new plan.json (without
    teams) would sit beside a teams.json that staffs another plan, and ``ssrandom verify`` would report the
    broken chain. Checked before anything is loaded or written."""
    from ssrandom.commands.assign import TEAM_RECORD

    stale = os.path.join(out, TEAM_RECORD)
    if os.path.exists(stale):
        raise InvalidInputError(
            f"{stale} is the team record of an earlier draw into this folder, and this draw writes no team "
            "record: the new plan.json would sit beside teams that staff another plan. Draw into another "
            f"folder, draw the teams too with --inspectors FILE, or move {TEAM_RECORD} (and any "
            "teams-N.json) out of the folder first; nothing was written")


def run(args: argparse.Namespace) -> int:
    if not args.inspectors:
        refuse_a_stale_team_record(args.out)
    with _progress.Steps(["load", "draw", "write"], _progress.enabled(expected_size(args)), "draw") as steps:
        steps.next("load")
        bureau = load_bureau(args, as_of=Period(args.period).first_day)
        policy = load_policy(args)
        history = draw_module.load_history(args.history)
        previous = draw_module.DrawRecord.load(args.previous_record) if args.previous_record else None
        steps.next("draw")
        result = draw_module.draw(bureau, policy, args.period, args.seed, args.seed_source, history, previous)
        assignment = None
        if args.inspectors:
            from ssrandom.commands.assign import TEAM_RECORD, write_files
            from ssrandom.teams import assign_teams

            assignment = assign_teams(bureau, result.plan.to_json(), team_rules_for(policy),
                                      [earlier.to_json() for earlier in history],
                                      previous_record_digest=result.record.digest())
        steps.next("write")
        if assignment is None:
            paths = result.save(args.out)
        else:
            staffed = draw_module.Plan(assignment.plan_json)
            paths = write_files(args.out, [("plan.csv", staffed.to_csv()), ("plan.json", staffed.to_json()),
                                           ("record.json", result.record.to_json()),
                                           (TEAM_RECORD, assignment.record_json)])
    if args.json:
        print(json.dumps({"period": result.record.period, "tasks": len(result.plan),
                          "record_digest": result.record.digest(), "plan_digest": result.plan.digest(),
                          "strata": result.record.strata, "files": paths,
                          "team_record_digest": assignment.record_digest if assignment else None},
                         ensure_ascii=False, indent=2))
    else:
        print_strata(result.record)
        print(f"{len(result.plan)} tasks; record digest {result.record.digest()}")
        if assignment is not None:
            from ssrandom.commands.demo import print_teams

            print_teams(assignment)
            print(f"  team record digest {assignment.record_digest}")
        for path in paths:
            print(f"wrote {path}")
    return 0
