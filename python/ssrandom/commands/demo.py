"""``ssrandom demo``: the main job on the built-in sample bureau."""

from __future__ import annotations

import argparse

from ssrandom.bureau import Bureau
from ssrandom.policy import classify

DEMO_PERIOD_START = "2024-01-01"
DEMO_PERIOD = "2024Q1"
DEMO_POLICY = "hebei-xinle-2024"


def register(subparsers: "argparse._SubParsersAction") -> None:
    parser = subparsers.add_parser(
        "demo", help="run the quarterly job on the built-in sample bureau",
        description="Loads the built-in sample bureau and prints its directory summary, data-quality "
                    "report, and its classification under the hebei-xinle-2024 policy for 2024Q1.")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    bureau = Bureau.sample()
    print(bureau.summary())
    print(bureau.check(as_of=DEMO_PERIOD_START).to_text())
    print()
    print(classify(bureau, DEMO_POLICY, DEMO_PERIOD).summary())
    return 0
