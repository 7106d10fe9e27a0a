"""``ssrandom plot KIND``: PNG plots of saved draws (needs the ``plot`` extra: matplotlib).

    $ ssrandom plot coverage --draws 2024/ --policy hebei-xinle-2024 --out coverage.png
    $ ssrandom plot areas --draws 2024/ --sample --out areas.png

``--draws DIR`` is a folder holding earlier draws (each ``ssrandom draw --out`` folder, with ``plan.json`` and
``record.json``), e.g. ``2024/q1``, ``2024/q2`` …
"""

from __future__ import annotations

import argparse
import os

from ssrandom import plots
from ssrandom.bureau import Bureau
from ssrandom.cli import EXIT_OK
from ssrandom.entity_draw import load_draws
from ssrandom.errors import InvalidInputError, NotFoundError
from ssrandom.policy import Policy

KINDS = {
    "coverage": "quota coverage per class and quarter against the policy's minimum (needs --policy)",
    "joint": "the joint-inspection share per quarter and for the year (target from --policy)",
    "workload": "the distribution of tasks per inspector (inspectors without tasks from --bureau)",
    "areas": "tasks per area, with the entities per area from --bureau, --entities or --sample",
}


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "plot", help="draw a PNG plot of saved draws (coverage, joint, workload, areas)",
        description="Plots of the draws saved below --draws DIR, written as PNG (matplotlib; install the "
                    "'plot' extra). Kinds: " + "; ".join(f"{k}: {v}" for k, v in KINDS.items()) + ".")
    parser.add_argument("kind", choices=sorted(KINDS), help="which plot")
    parser.add_argument("--draws", required=True, metavar="DIR",
                        help="folder holding saved draws (plan.json and record.json in it or below it)")
    parser.add_argument("--policy", metavar="NAME_OR_FILE", help="the policy (minimums and the joint target)")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--bureau", metavar="DIR_OR_JSON", help="the bureau (entities and inspectors)")
    source.add_argument("--entities", metavar="FILE", help="an entity directory (.csv or .json) alone")
    source.add_argument("--sample", action="store_true", help="the built-in sample bureau")
    parser.add_argument("--out", required=True, metavar="FILE.png", help="the PNG to write")
    parser.add_argument("--title", help="a title instead of the default")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.out.lower().endswith(".png"):
        raise InvalidInputError(f"--out {args.out}: the output must end in .png")
    if not os.path.isdir(args.draws):
        raise NotFoundError(f"--draws {args.draws}: no such folder")
    draws = load_draws(args.draws)
    if not draws:
        raise NotFoundError(f"--draws {args.draws}: no saved draw (plan.json with record.json) in it or below it")
    policy = Policy.load(args.policy) if args.policy else None
    bureau = None
    if args.sample:
        bureau = Bureau.sample()
    elif args.bureau:
        bureau = Bureau.load(args.bureau)
    elif args.entities:
        bureau = Bureau.from_entities(args.entities)
    if args.kind == "coverage":
        if policy is None:
            raise InvalidInputError("plot coverage needs --policy (the minimum ratio of each class)")
        plots.quota_coverage(draws, policy, path=args.out, title=args.title)
    elif args.kind == "joint":
        plots.joint_share(draws, policy, path=args.out, title=args.title)
    elif args.kind == "workload":
        max_load = policy.team.get("default_max_load") if policy is not None else None
        plots.workload(draws, bureau if bureau is not None and bureau.inspector_count else None,
                       max_load=max_load or None, path=args.out, title=args.title)
    else:
        plots.by_area(draws, bureau.entities if bureau is not None else None, path=args.out, title=args.title)
    print(f"wrote {args.out} ({len(draws)} draw{'s' if len(draws) != 1 else ''}: "
          f"{', '.join(d.plan.period for d in draws)})")
    return EXIT_OK
