"""``ssrandom demo``: the main job on the built-in sample bureau."""

from __future__ import annotations

import argparse

from ssrandom.bureau import Bureau

DEMO_PERIOD_START = "2024-01-01"


def register(subparsers: "argparse._SubParsersAction") -> None:
    parser = subparsers.add_parser(
        "demo", help="run the quarterly job on the built-in sample bureau",
        description="Loads the built-in sample bureau and prints its directory summary and data-quality "
                    "report.")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    bureau = Bureau.sample()
    print(bureau.summary())
    print(bureau.check(as_of=DEMO_PERIOD_START).to_text())
    return 0
