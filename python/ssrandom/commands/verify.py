"""``ssrandom verify``: recomputes a published draw record and compares every field; when the record's folder
holds a team record (``teams.json``), the team draw too."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, Dict, Optional, Tuple

import ssrandom.entity_draw as draw_module
from ssrandom import _progress
from ssrandom.cli import EXIT_FINDINGS, EXIT_OK
from ssrandom.commands._inputs import (add_bureau_arguments, add_inspectors_argument, load_bureau, load_policy,
                                       team_rules_for)
from ssrandom.errors import FailedPreconditionError, InvalidInputError


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "verify", help="check a published draw record (and its team draw) against the directories, policy and "
                       "history",
        description="Recomputes the draw of RECORD and prints 'verified' (exit 0) or the first difference "
                    "(exit 1). When RECORD's folder holds teams.json (written by ssrandom assign or ssrandom draw "
                    "--inspectors), the team draw is verified too: its record chain back to RECORD, then the "
                    "draw re-run from plan.json and compared byte for byte with teams.json and plan.json.")
    parser.add_argument("record", metavar="RECORD", help="the record.json to check")
    add_bureau_arguments(parser)
    add_inspectors_argument(parser)
    parser.add_argument("--history", metavar="DIR",
                        help="folder holding the earlier plans the record names (plans of other periods below it "
                             "are ignored)")
    parser.add_argument("--json", action="store_true",
                        help='print {"verified": true|false, "message": ..., "record_digest": ..., "teams": ...} '
                             "(exit codes unchanged)")
    parser.set_defaults(func=run)


def chain_link(folder: str, team_text: str, entity_digest: str) -> Tuple[str, str]:
    """Walks the team record chain of ``folder`` from ``teams.json`` back to the entity record.

    Returns (the digest ``teams.json`` must follow, "") when every link leads to a record in the folder and the
    last to the entity record's ``entity_digest``; ("", the broken link) otherwise.
    """
    from ssrandom.commands.assign import TEAM_RECORD, superseded_records
    from ssrandom.teams import team_record_digest

    superseded: Dict[str, Tuple[str, str]] = {}
    for name, text in superseded_records(folder):
        superseded[team_record_digest(text)] = (name, text)
    name, text = TEAM_RECORD, team_text
    first = str(json.loads(team_text).get("previous_record_digest", ""))
    seen = set()
    while True:
        previous = str(json.loads(text).get("previous_record_digest", ""))
        if previous == entity_digest:
            return first, ""
        if previous in superseded and previous not in seen:
            seen.add(previous)
            name, text = superseded[previous]
            continue
        named = previous or '""'
        return "", (f"{name}: previous_record_digest {named} is neither the digest of record.json ({entity_digest}) "
                    f"nor that of a superseded team record (teams-N.json) in {folder}: the team draw does not "
                    "follow this draw, or the record chain was altered")


def verify_teams_folder(args: argparse.Namespace, folder: str, record: draw_module.DrawRecord, bureau: Any,
                        policy: Any) -> Tuple[bool, str, Optional[str]]:
    """Verifies ``folder/teams.json``: (ok, message, team record digest)."""
    from ssrandom.commands.assign import TEAM_RECORD, read_text, team_history
    from ssrandom.calendar import Period
    from ssrandom.teams import assign_teams, team_record_digest, verify_teams

    team_text = read_text(os.path.join(folder, TEAM_RECORD)) or ""
    digest = team_record_digest(team_text)  # InvalidInputError naming the field when malformed
    plan_text = read_text(os.path.join(folder, "plan.json"))
    if plan_text is None:
        raise InvalidInputError(f"{folder}: teams.json needs the plan it staffs, plan.json, beside it")
    previous, broken = chain_link(folder, team_text, record.digest())
    if broken:
        return False, broken, digest
    data = json.loads(team_text)
    if data.get("plan_digest") != record.data.get("plan_digest"):
        return False, (f"teams.json: plan_digest {data.get('plan_digest')} is not the plan record.json drew "
                       f"({record.data.get('plan_digest')}): the teams were drawn for other tasks"), digest
    named = {entry["period"] for entry in data.get("history", [])}
    history = [plan.to_json() for plan in team_history(args.history, Period(record.period)) if plan.period in named]
    rules = team_rules_for(policy)
    failure = ""
    try:
        again = assign_teams(bureau, plan_text, rules, history, previous_record_digest=previous)
        same_record = again.record_json == team_text
        if same_record and draw_module.Plan(again.plan_json).to_json() == plan_text:
            return True, "verified", digest
    except FailedPreconditionError as error:
        failure = str(error)  # verify_teams below says why, the chain and input digests first
    try:
        verify_teams(team_text, bureau, plan_text, rules, history, previous_record_digest=previous)
    except FailedPreconditionError as error:
        return False, f"teams.json: {error}", digest
    if failure:
        return False, f"teams.json: the team draw cannot be recomputed from these inputs: {failure}", digest
    what = "teams.json" if not same_record else "plan.json"
    return False, (f"{what} is not byte for byte what the recomputed team draw writes, although every field "
                   "agrees: the published file was edited"), digest


def run(args: argparse.Namespace) -> int:
    record = draw_module.DrawRecord.load(args.record)
    size = int(record.data.get("directory", {}).get("size", 0))
    folder = os.path.dirname(os.path.abspath(args.record))
    has_teams = os.path.exists(os.path.join(folder, "teams.json"))
    steps_names = ["load", "verify"] + (["teams"] if has_teams else [])
    with _progress.Steps(steps_names, _progress.enabled(size), "verify") as steps:
        steps.next("load")
        bureau, policy = load_bureau(args), load_policy(args)
        # The record names the earlier plans it was drawn with; a folder holding the whole year (this quarter
        # and later ones too) gives just those, and verification still compares their digests.
        named = {entry["period"] for entry in record.data.get("history", [])}
        history = [plan for plan in draw_module.load_history(args.history) if plan.period in named]
        steps.next("verify")
        result = draw_module.verify(record, bureau, policy, history)
        teams: Optional[Tuple[bool, str, Optional[str]]] = None
        if has_teams and result.ok:
            steps.next("teams")
            teams = verify_teams_folder(args, folder, record, bureau, policy)
    ok = result.ok and (teams is None or teams[0])
    if args.json:
        message = result.message if not result.ok or teams is None or teams[0] else teams[1]
        document: Dict[str, Any] = {"verified": ok, "message": message, "period": record.period,
                                    "record_digest": record.digest()}
        if teams is not None:
            document["teams"] = {"verified": teams[0], "message": teams[1], "record_digest": teams[2]}
        print(json.dumps(document, ensure_ascii=False, indent=2))
    elif not result.ok:
        print(f"NOT verified: {result.message}", file=sys.stderr)
    elif teams is not None and not teams[0]:
        print("verified: the entity draw (record.json)")
        print(f"NOT verified: the team draw: {teams[1]}", file=sys.stderr)
    else:
        print("verified")
        if teams is not None:
            print(f"verified: the team draw (teams.json, digest {teams[2]})")
    return EXIT_OK if ok else EXIT_FINDINGS
