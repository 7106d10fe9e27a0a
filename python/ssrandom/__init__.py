"""libssrandom: verifiable 双随机、一公开 (double random, one public) inspection draws.

The package wraps the C++ core (``ssrandom._core``) in a Pythonic API.
"""

from ssrandom._core import __version__
from ssrandom.bureau import Bureau, Directory, QualityReport, load_entities
from ssrandom.calendar import Calendar, Period
from ssrandom.errors import (Error, FailedPreconditionError, InternalError, InvalidInputError, NotFoundError,
                             OutOfRangeError)
from ssrandom.teams import TeamAssignment, TeamRules, assign_teams, verify_teams

__all__ = [
    "__version__",
    "Bureau",
    "Directory",
    "QualityReport",
    "load_entities",
    "Calendar",
    "Error",
    "FailedPreconditionError",
    "InternalError",
    "InvalidInputError",
    "NotFoundError",
    "OutOfRangeError",
    "Period",
    "TeamAssignment",
    "TeamRules",
    "assign_teams",
    "verify_teams",
]
