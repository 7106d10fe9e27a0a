"""``ssrandom assign``: draws (or re-draws) the inspector teams of an existing plan.

The team record (``teams.json``) is a link of the bureau's record chain: its ``previous_record_digest`` names
the entity draw record (``record.json``) of the plan, or, for a re-draw, the team record it replaces, which
is kept beside it as ``teams-1.json``, ``teams-2.json``, … (oldest first). ``ssrandom verify`` walks the chain.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from typing import Dict, List, Optional, Sequence, Tuple

import ssrandom.entity_draw as draw_module
from ssrandom.calendar import Period
from ssrandom.cli import EXIT_OK
from ssrandom.commands._inputs import (add_bureau_arguments, add_inspectors_argument, load_bureau, load_policy,
                                       team_rules_for)
from ssrandom.teams import TeamAssignment, assign_teams, team_record_digest

#: The team record of a draw's output folder, and the superseded ones of earlier re-draws.
TEAM_RECORD = "teams.json"
_SUPERSEDED = re.compile(r"^teams-([1-9][0-9]*)\.json$")


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Adds the ``assign`` subcommand."""
    parser = subparsers.add_parser(
        "assign", help="draw the inspector teams of a plan (随机选派执法检查人员)",
        description="Reads PLAN_DIR/plan.json, draws a team for every task under the policy's team rules "
                    "(recusal, rotation, skills, workload, joint inspections; docs/teams.md) and writes "
                    "plan.json and plan.csv with the teams, and teams.json (the team draw record, with every "
                    "skipped candidate and its reason), each file atomically. Teams already in the plan are "
                    "replaced; the team record they came from is kept as teams-N.json and the new one follows "
                    "it in the record chain. Nothing is written when anything fails.")
    parser.add_argument("--plan", required=True, metavar="PLAN_DIR", help="folder holding the plan.json to staff")
    add_bureau_arguments(parser)
    add_inspectors_argument(parser)
    parser.add_argument("--history", metavar="DIR",
                        help="folder of earlier draws (plan.json files with teams) for rotation and the yearly "
                             "internal-joint share; plans of this period or later are ignored")
    parser.add_argument("--out", metavar="DIR",
                        help="output folder (default: PLAN_DIR); the plan's record.json and earlier team records "
                             "are copied along, so the folder verifies on its own")
    parser.add_argument("--json", action="store_true", help="print the team draw record as JSON")
    parser.set_defaults(func=run)


def superseded_records(folder: str) -> List[Tuple[str, str]]:
    """The superseded team records of ``folder`` (``teams-N.json``) as (file name, text), oldest first."""
    if not os.path.isdir(folder):
        return []
    found = sorted((int(m.group(1)), name) for name in os.listdir(folder) if (m := _SUPERSEDED.match(name)))
    records = []
    for _number, name in found:
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            records.append((name, f.read()))
    return records


def read_text(path: str) -> Optional[str]:
    """The UTF-8 text of ``path``, or None when it does not exist."""
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return f.read()


def chain_previous(folder: str) -> str:
    """The digest a new team record of ``folder``'s plan follows: the current team record's (a re-draw), else
    the entity draw record's, else "" (a plan without a published record)."""
    current = read_text(os.path.join(folder, TEAM_RECORD))
    if current is not None:
        return team_record_digest(current)
    entity = os.path.join(folder, "record.json")
    if os.path.exists(entity):
        return draw_module.DrawRecord.load(entity).digest()
    return ""


def team_history(folder: Optional[str], period: Period) -> List[draw_module.Plan]:
    """The earlier plans below ``folder`` (with their teams), of periods before ``period``."""
    return [earlier for earlier in draw_module.load_history(folder) if Period(earlier.period) < period]


def write_files(out: str, files: Sequence[Tuple[str, str]]) -> List[str]:
    """Writes each (name, text) into ``out`` (created if missing), all or nothing; returns the paths.

    The plan's teams must stay those of the team record beside it, so either every file is replaced or none
    is (:func:`ssrandom.entity_draw.write_files_atomic`)."""
    paths = [os.path.join(out, name) for name, _ in files]
    draw_module.write_files_atomic([(path, text) for path, (_, text) in zip(paths, files)], make_folders=True)
    return paths


def chain_files(source: str, out: str) -> List[Tuple[str, str]]:
    """The files that keep ``out``'s record chain whole when the teams of ``source``'s plan are re-drawn into
    it: the current team record as the next ``teams-N.json``, and — when ``out`` is another folder — the
    entity record and the earlier superseded team records."""
    files: List[Tuple[str, str]] = []
    superseded = superseded_records(source)
    if os.path.abspath(out) != os.path.abspath(source):
        entity = read_text(os.path.join(source, "record.json"))
        if entity is not None:
            files.append(("record.json", entity))
        files.extend(superseded)
    current = read_text(os.path.join(source, TEAM_RECORD))
    if current is not None:
        files.append((f"teams-{len(superseded) + 1}.json", current))
    return files


def run(args: argparse.Namespace) -> int:
    """Runs ``ssrandom assign``."""
    plan = draw_module.Plan.load(os.path.join(args.plan, "plan.json"))
    period = Period(plan.period)
    bureau = load_bureau(args, as_of=period.first_day)
    policy = load_policy(args)
    history = team_history(args.history, period)
    assignment = assign_teams(bureau, plan.to_json(), team_rules_for(policy),
                              [earlier.to_json() for earlier in history],
                              previous_record_digest=chain_previous(args.plan))
    out = args.out or args.plan
    staffed = draw_module.Plan(assignment.plan_json)
    files: Dict[str, str] = dict(chain_files(args.plan, out))
    files.update({"plan.json": staffed.to_json(), "plan.csv": staffed.to_csv(), TEAM_RECORD: assignment.record_json})
    paths = write_files(out, list(files.items()))
    if args.json:
        print(json.dumps(assignment.record, ensure_ascii=False, indent=2))
        return EXIT_OK
    print_teams(assignment)
    print(f"  team record digest {assignment.record_digest}")
    for path in paths:
        print(f"wrote {path}")
    return EXIT_OK


def print_teams(assignment: TeamAssignment) -> None:
    """The team draw in a few lines (see :func:`ssrandom.commands.demo.print_teams`)."""
    from ssrandom.commands.demo import print_teams as show

    show(assignment)
