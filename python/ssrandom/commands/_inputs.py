"""Shared options for commands that read a bureau and a policy."""

from __future__ import annotations

import argparse
from typing import Any, Optional

from ssrandom.bureau import Bureau
from ssrandom.policy import Policy


def add_bureau_arguments(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--bureau", metavar="DIR_OR_JSON",
                        help="a bureau folder (entities.csv, inspectors.csv, items.csv, …) or bureau JSON")
    source.add_argument("--entities", metavar="FILE", help="an entity directory (.csv or .json) alone")
    source.add_argument("--sample", action="store_true", help="use the built-in sample bureau")
    parser.add_argument("--policy", required=True, metavar="NAME_OR_FILE",
                        help="a preset name (hebei-xinle-2024, city-level) or a policy .json file")


def load_bureau(args: argparse.Namespace, as_of: Optional[str] = None) -> Bureau:
    if args.sample:
        return Bureau.sample()
    if args.bureau:
        return Bureau.load(args.bureau, as_of=as_of)
    return Bureau.from_entities(args.entities)


def load_policy(args: argparse.Namespace) -> Any:
    return Policy.load(args.policy)
