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


def add_inspectors_argument(parser: argparse.ArgumentParser) -> None:
    """Adds ``--inspectors FILE``: the inspector directory (执法检查人员名录库) kept apart from the bureau."""
    parser.add_argument("--inspectors", metavar="FILE",
                        help="the inspector directory (.csv or .json, the inspectors table of a bureau folder), "
                             "replacing the bureau's inspectors; units, items, conflicts and exclusions stay the "
                             "bureau's")


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
    """The bureau the arguments name (``as_of``: the day certificates are checked against), with the inspector
    directory of ``--inspectors`` when the command has that option and it was given."""
    if args.sample:
        bureau = Bureau.sample()
    elif args.bureau:
        bureau = Bureau.load(args.bureau, as_of=as_of)
    else:
        bureau = Bureau.from_entities(args.entities)
    inspectors = getattr(args, "inspectors", None)
    if inspectors:
        from ssrandom.bureau import _date_text
        from ssrandom.teams import with_inspectors

        bureau = with_inspectors(bureau, inspectors, _date_text(as_of))
    return bureau


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
