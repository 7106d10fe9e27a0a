"""``python -m ssrandom`` runs the command-line tool."""

import sys

from ssrandom.cli import main

sys.exit(main())
