"""``ssrandom tickets``: print the tickets of ids under a seed, in draw order.

    $ ssrandom tickets --seed 314159 A-1 A-2 A-3 B-1 B-2 B-3
    0.41031085809072903514872000896790351462382130463015916888993860148207487365068	B-2
    0.47096029125515628220478316875824544955608868777212682429404942391399112981328	B-3
    ...

Each output line is ``ticket<TAB>id``, lowest ticket first, so the first n lines are the draw of n. Ids come
from the command line and/or ``--ids-file`` (UTF-8, one id per line, ``-`` for standard input; a byte-order
mark, line endings and empty lines are ignored, any other spaces are part of the id).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import List

import ssrandom
from ssrandom import _progress
from ssrandom.errors import InvalidInputError


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "tickets", help="print ticket<TAB>id lines in draw order",
        description="Print the consistent_sampler ticket of every id under the seed, lowest first "
                    "(the draw order without replacement).")
    parser.add_argument("--seed", required=True, help="the public seed of the draw")
    parser.add_argument("--ids-file", metavar="FILE", help="read ids from FILE, one per line ('-': stdin)")
    parser.add_argument("-n", "--take", type=int, metavar="N", help="print only the first N lines")
    parser.add_argument("ids", nargs="*", metavar="ID", help="ids to draw from")
    parser.add_argument("--json", action="store_true",
                        help='print a JSON array of {"rank", "id", "ticket"} objects instead of lines')
    parser.set_defaults(func=run)


def read_ids_file(path: str) -> List[str]:
    """The ids in a UTF-8 file, one per line, without BOM, line endings or empty lines."""
    if path == "-":
        text = sys.stdin.buffer.read().decode("utf-8-sig")
    else:
        with open(path, encoding="utf-8-sig", newline="") as file:
            text = file.read()
    # Only \n and \r\n end a line (str.splitlines would also split ids at \x1c, \x85, U+2028 and more).
    lines = (line[:-1] if line.endswith("\r") else line for line in text.split("\n"))
    return [line for line in lines if line]


def run(args: argparse.Namespace) -> int:
    ids = list(args.ids)
    if args.ids_file:
        try:
            ids.extend(read_ids_file(args.ids_file))
        except UnicodeDecodeError as error:
            raise InvalidInputError(f"{args.ids_file}: not UTF-8 text ({error.reason} at byte {error.start})")
    if not ids:
        raise InvalidInputError("no ids: give them as arguments or with --ids-file FILE")
    if args.take is not None and args.take < 0:
        raise InvalidInputError(f"--take must not be negative (got {args.take})")
    drawn = ssrandom.sample(args.seed, ids, args.take, with_tickets=True)
    if args.json:
        json.dump([{"rank": rank, "id": id_, "ticket": ticket} for rank, (ticket, id_) in enumerate(drawn, 1)],
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    lines = _progress.iterate(drawn, len(drawn), _progress.enabled(len(drawn)), "tickets", "id")
    sys.stdout.writelines(f"{ticket}\t{id_}\n" for ticket, id_ in lines)
    return 0
