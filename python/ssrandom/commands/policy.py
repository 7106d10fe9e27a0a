"""``ssrandom policy``: show the preset policies and check policy files."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, Dict

from ssrandom.cli import EXIT_BAD_INPUT, EXIT_OK
from ssrandom.policy import Policy


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "policy", help="show preset policies, check policy files",
        description="Policies are JSON files (docs/policy.md): classes and their conditions, pool rules, "
                    "quotas with credit tables, joint targets, team rules and deadlines.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    show = actions.add_parser("show", help="print a preset policy (or a policy file) as JSON")
    show.add_argument("name", help="a preset name (" + ", ".join(Policy.preset_names()) + ") or a .json file")
    show.add_argument("--canonical", action="store_true",
                      help="print the canonical form whose SHA-256 is the policy digest")
    show.add_argument("--json", action="store_true",
                      help="print a JSON object: name, title, digest, precedence, classes (with canonical "
                           "conditions), quotas, credit classes, yearly cap, joint, team and deadline rules")
    show.set_defaults(func=run_show)
    check = actions.add_parser("check", help="validate a policy file and print every problem with its location",
                               description="Exit status 0 when the policy is valid, 2 when it has problems.")
    check.add_argument("file", help="the policy file (.json); a preset name checks that preset")
    check.set_defaults(func=run_check)
    names = actions.add_parser("list", help="list the preset policies")
    names.add_argument("--json", action="store_true", help="print a JSON array of {name, title, digest}")
    names.set_defaults(func=run_list)
    def usage(args: argparse.Namespace) -> int:
        parser.print_help()
        return EXIT_BAD_INPUT

    parser.set_defaults(func=usage)


def describe(policy: Policy) -> Dict[str, Any]:
    """What ``policy show --json`` prints."""
    return {"name": policy.name, "title": policy.title, "digest": policy.digest, "precedence": policy.precedence,
            "unmatched_class": policy.unmatched_class, "classes": policy.classes, "exclusions": policy.exclusions,
            "excluded_statuses": policy.excluded_statuses, "quotas": policy.quotas,
            "credit_classes": policy.credit_classes, "credit_based_share": policy.credit_based_share,
            "yearly_cap": policy.yearly_cap, "rotation_within_year": policy.rotation_within_year,
            "take_whole_pool_when_short": policy.take_whole_pool_when_short, "joint": policy.joint,
            "team": policy.team, "deadlines": policy.deadlines}


def run_show(args: argparse.Namespace) -> int:
    if args.json:
        print(json.dumps(describe(Policy.load(args.name)), ensure_ascii=False, indent=2))
    elif args.canonical:
        print(Policy.load(args.name).canonical_json)
    elif args.name in Policy.preset_names():
        sys.stdout.write(Policy.preset_json(args.name))
    else:
        Policy.load(args.name)  # a file is shown only when it is a valid policy; problems exit 2
        with open(args.name, encoding="utf-8") as handle:
            sys.stdout.write(handle.read())
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    if not os.path.exists(args.file) and args.file in Policy.preset_names():
        text, source = Policy.preset_json(args.file), f"preset:{args.file}"
    else:
        with open(args.file, encoding="utf-8") as handle:
            text, source = handle.read(), args.file
    problems = Policy.check(text, source)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{source}: {len(problems)} problem{'s' if len(problems) != 1 else ''}", file=sys.stderr)
        return EXIT_BAD_INPUT
    policy = Policy.from_json(text, source)
    print(f"{source}: ok — policy {policy.name}, digest {policy.digest}")
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    presets = [Policy.preset(name) for name in Policy.preset_names()]
    if args.json:
        print(json.dumps([{"name": p.name, "title": p.title, "digest": p.digest} for p in presets],
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    for policy in presets:
        print(f"{policy.name}\t{policy.title}")
    return EXIT_OK
