"""``ssrandom policy``: show the preset policies and check policy files."""

from __future__ import annotations

import argparse
import os
import sys

from ssrandom.cli import EXIT_BAD_INPUT, EXIT_OK
from ssrandom.policy import Policy


def register(subparsers: "argparse._SubParsersAction") -> None:
    parser = subparsers.add_parser(
        "policy", help="show preset policies, check policy files",
        description="Policies are JSON files (docs/policy.md): classes and their conditions, pool rules, "
                    "quotas with credit tables, joint targets, team rules and deadlines.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    show = actions.add_parser("show", help="print a preset policy (or a policy file) as JSON")
    show.add_argument("name", help="a preset name (" + ", ".join(Policy.preset_names()) + ") or a .json file")
    show.add_argument("--canonical", action="store_true",
                      help="print the canonical form whose SHA-256 is the policy digest")
    show.set_defaults(func=run_show)
    check = actions.add_parser("check", help="validate a policy file and print every problem with its location",
                               description="Exit status 0 when the policy is valid, 2 when it has problems.")
    check.add_argument("file", help="the policy file (.json); a preset name checks that preset")
    check.set_defaults(func=run_check)
    names = actions.add_parser("list", help="list the preset policies")
    names.set_defaults(func=run_list)
    parser.set_defaults(func=lambda args: (parser.print_help(), EXIT_BAD_INPUT)[1])


def run_show(args: argparse.Namespace) -> int:
    if args.canonical:
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
    for name in Policy.preset_names():
        print(f"{name}\t{Policy.preset(name).title}")
    return EXIT_OK
