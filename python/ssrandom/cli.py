"""The ``ssrandom`` command-line tool for operators.

Each subcommand lives in its own module under ``ssrandom.commands`` and exposes ``register(subparsers)``,
which adds its parser and sets ``func`` (called with the parsed arguments, returning the exit code).

Exit codes (docs/python.md): 0 success; 1 a check found something short or violated (``verify``, ``check``);
2 bad usage or bad input (the message names the file, record, field and reason), a missing file or a missing
optional dependency; 3 an internal error (a bug: a short message, no traceback unless ``SSRANDOM_DEBUG=1``);
130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from typing import List, Optional

import ssrandom
import ssrandom.commands

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    """The parser of the ``ssrandom`` command with every subcommand found in ``ssrandom.commands``."""
    parser = argparse.ArgumentParser(
        prog="ssrandom",
        description="双随机、一公开 — verifiable random inspection draws, checks and reports.",
        epilog="Exit codes: 0 ok, 1 findings (e.g. a record that does not verify), 2 bad usage or input, "
               "3 internal error. Run 'ssrandom COMMAND --help' for a command's options.")
    parser.add_argument("--version", action="version", version=ssrandom.__version__)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_info in sorted(pkgutil.iter_modules(ssrandom.commands.__path__), key=lambda m: m.name):
        if module_info.name.startswith("_"):  # shared helpers, not commands
            continue
        module = importlib.import_module(f"ssrandom.commands.{module_info.name}")
        module.register(subparsers)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    """Runs the command line ``argv`` (default: ``sys.argv[1:]``) and returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    command = f"ssrandom {args.command}"
    try:
        return int(args.func(args))
    except BrokenPipeError:
        # The reader went away (e.g. `ssrandom demo | head`): not an error of ours.
        _quiet_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        print(f"{command}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except ssrandom.InternalError as error:
        print(f"{command}: internal error: {error} (please report it with the input that caused it)",
              file=sys.stderr)
        return EXIT_INTERNAL
    except ssrandom.Error as error:
        print(f"{command}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        print(f"{command}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as error:  # noqa: BLE001 - the last resort: a short message, never a traceback
        if os.environ.get("SSRANDOM_DEBUG"):
            raise
        print(f"{command}: internal error: {type(error).__name__}: {error}\n"
              f"  This is a bug in ssrandom {ssrandom.__version__}; please report it with the command line. "
              "Set SSRANDOM_DEBUG=1 to see the traceback.", file=sys.stderr)
        return EXIT_INTERNAL


def _quiet_stdout() -> None:
    # Python flushes stdout at exit and would complain again about the closed pipe; point it at devnull.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
