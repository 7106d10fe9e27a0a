"""Shared options for commands that read a bureau and a policy."""

from __future__ import annotations

import argparse
import os
from typing import Any, Optional

from ssrandom.bureau import Bureau
from ssrandom.policy import Policy


def add_bureau_arguments(parser: argparse.ArgumentParser) -> None:
    """Adds --bureau, --entities or --sample (one required) and --policy."""
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--bureau", metavar="DIR_OR_JSON",
                        help="a bureau folder (entities.csv, inspectors.csv, items.csv, …) or bureau JSON")
    source.add_argument("--entities", metavar="FILE", help="an entity directory (.csv, .json or columnar .ssrcol) alone")
    source.add_argument("--sample", action="store_true", help="use the built-in sample bureau")
    parser.add_argument("--policy", required=True, metavar="NAME_OR_FILE",
                        help="a preset name (hebei-xinle-2024, city-level) or a policy .json file")


def expected_size(args: argparse.Namespace) -> int:
    """A rough count of the entities the inputs hold, from the size of their files, to decide on a progress
    bar before loading (about 120 bytes per entity in CSV)."""
    if getattr(args, "sample", False):
        return 1500
    path = getattr(args, "bureau", None) or getattr(args, "entities", None)
    if not path:
        return 0
    if os.path.isdir(path):
        path = next((os.path.join(path, name) for name in ("entities.csv", "entities.json")
                     if os.path.exists(os.path.join(path, name))), path)
    try:
        return os.path.getsize(path) // 120
    except OSError:
        return 0


def load_bureau(args: argparse.Namespace, as_of: Any = None) -> Bureau:
    """The bureau the arguments name (``as_of``: the day certificates are checked against)."""
    if args.sample:
        return Bureau.sample()
    if args.bureau:
        return Bureau.load(args.bureau, as_of=as_of)
    return Bureau.from_entities(args.entities)


def load_policy(args: argparse.Namespace) -> Policy:
    """The policy the arguments name (a preset or a file)."""
    return Policy.load(args.policy)


def team_rules_for(policy: Any) -> Any:
    """The team-draw rules a policy sets (its ``team`` and ``joint`` sections) as :class:`ssrandom.TeamRules`.

    The mapping is the library's (``ssr::TeamRulesFromPolicy``), so the C++, C and Python draws agree. A
    policy ``default_max_load`` of 0 means "no default": each inspector's own ``max_load`` applies, and the
    team draw's default (30 per quarter) covers inspectors without one.
    """
    from ssrandom import _core
    from ssrandom.teams import TeamRules

    return TeamRules.from_dict(_core.team_rules_from_policy(policy._core))
