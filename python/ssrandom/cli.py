"""The ``ssrandom`` command-line tool for operators.

Each subcommand lives in its own module under ``ssrandom.commands`` and exposes ``register(subparsers)``,
which adds its parser and sets ``func`` (called with the parsed arguments, returning the exit code).

Exit codes: 0 success; 1 a check found something short or violated (``verify``, ``check``); 2 bad usage or
bad input (the message names the file, record, field and reason); 3 an internal error.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from typing import List, Optional

import ssrandom
import ssrandom.commands

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ssrandom",
        description="双随机、一公开 — verifiable random inspection draws, checks and reports.")
    parser.add_argument("--version", action="version", version=ssrandom.__version__)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_info in sorted(pkgutil.iter_modules(ssrandom.commands.__path__), key=lambda m: m.name):
        if module_info.name.startswith("_"):  # shared helpers, not commands
            continue
        module = importlib.import_module(f"ssrandom.commands.{module_info.name}")
        module.register(subparsers)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return int(args.func(args))
    except BrokenPipeError:
        # The reader went away (e.g. `ssrandom demo | head`): not an error of ours.
        sys.stderr.close()
        return EXIT_OK
    except ssrandom.Error as error:  # type: ignore[attr-defined]
        print(f"ssrandom {args.command}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        print(f"ssrandom {args.command}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
