"""``ssrandom assign``: draws (or re-draws) the inspector teams of an existing plan."""

from __future__ import annotations

import argparse
import json
import os

import ssrandom.entity_draw as draw_module
from ssrandom.cli import EXIT_OK
from ssrandom.commands._inputs import add_bureau_arguments, load_bureau, load_policy, team_rules_for
from ssrandom.calendar import Period
from ssrandom.teams import assign_teams


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Adds the ``assign`` subcommand."""
    parser = subparsers.add_parser(
        "assign", help="draw the inspector teams of a plan (随机选派执法检查人员)",
        description="Reads PLAN_DIR/plan.json, draws a team for every task under the policy's team rules "
                    "(recusal, rotation, skills, workload, joint inspections; docs/teams.md) and writes "
                    "plan.json and plan.csv with the teams, and teams.json (the team draw record, with every "
                    "skipped candidate and its reason), each file atomically. Teams already in the plan are "
                    "replaced.")
    parser.add_argument("--plan", required=True, metavar="PLAN_DIR", help="folder holding the plan.json to staff")
    add_bureau_arguments(parser)
    parser.add_argument("--history", metavar="DIR",
                        help="folder of earlier draws (plan.json files with teams) for rotation and the yearly "
                             "internal-joint share; plans of this period or later are ignored")
    parser.add_argument("--out", metavar="DIR", help="output folder (default: PLAN_DIR)")
    parser.add_argument("--json", action="store_true", help="print the team draw record as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Runs ``ssrandom assign``."""
    plan = draw_module.Plan.load(os.path.join(args.plan, "plan.json"))
    period = Period(plan.period)
    bureau = load_bureau(args, as_of=period.first_day)
    policy = load_policy(args)
    history = [earlier for earlier in draw_module.load_history(args.history) if Period(earlier.period) < period]
    assignment = assign_teams(bureau, plan.to_json(), team_rules_for(policy),
                              [earlier.to_json() for earlier in history])
    staffed = draw_module.Plan(assignment.plan_json)
    out = args.out or args.plan
    files = {"plan.json": staffed.to_json(), "plan.csv": staffed.to_csv(), "teams.json": assignment.record_json}
    # All three or none: the plan's teams must stay those of teams.json (and, by default, they replace the
    # plan the teams were drawn for).
    draw_module.write_files_atomic([(os.path.join(out, name), text) for name, text in files.items()],
                                   make_folders=True)
    if args.json:
        print(json.dumps(assignment.record, ensure_ascii=False, indent=2))
        return EXIT_OK
    from ssrandom.commands.demo import print_teams

    print_teams(assignment)
    for name in files:
        print(f"wrote {os.path.join(out, name)}")
    return EXIT_OK
