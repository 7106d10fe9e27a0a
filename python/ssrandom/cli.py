"""The ``ssrandom`` command-line tool for operators."""

from __future__ import annotations

import argparse
import sys
from typing import List, Optional

import ssrandom


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="ssrandom", description=__doc__)
    parser.add_argument("--version", action="version", version=ssrandom.__version__)
    parser.parse_args(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
