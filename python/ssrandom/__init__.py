"""libssrandom: verifiable 双随机、一公开 (double random, one public) inspection draws.

The package wraps the C++ core (``ssrandom._core``) in a Pythonic API.
"""

from ssrandom._core import __version__
from ssrandom import labels
from ssrandom.bureau import BUREAU_TABLES, Bureau, Directory, QualityReport, load_entities
from ssrandom.calendar import Calendar, Period
from ssrandom.columnar import load_columnar, save_columnar
from ssrandom.entity_draw import DrawRecord, DrawResult, Plan, VerifyResult, draw, load_draws, verify
from ssrandom.errors import (Error, FailedPreconditionError, InternalError, InvalidInputError,
                             MissingDependencyError, NotFoundError, OutOfRangeError)
from ssrandom.policy import Classification, Condition, Policy, PolicyProblem, classify
from ssrandom.sampler import UsccResult, check_uscc, sample, ticket, tickets, uscc_check_character
from ssrandom.teams import (TeamAssignment, TeamRules, assign_teams, inspector_directory_digest, team_record_digest,
                            verify_teams, with_inspectors)

__all__ = [
    "__version__",
    "BUREAU_TABLES",
    "Bureau",
    "Directory",
    "QualityReport",
    "load_entities",
    "load_columnar",
    "save_columnar",
    "Calendar",
    "DrawRecord",
    "DrawResult",
    "Plan",
    "VerifyResult",
    "draw",
    "load_draws",
    "verify",
    "Error",
    "FailedPreconditionError",
    "InternalError",
    "InvalidInputError",
    "MissingDependencyError",
    "NotFoundError",
    "OutOfRangeError",
    "Period",
    "Policy",
    "PolicyProblem",
    "Condition",
    "Classification",
    "classify",
    "UsccResult",
    "check_uscc",
    "sample",
    "ticket",
    "tickets",
    "uscc_check_character",
    "TeamAssignment",
    "TeamRules",
    "assign_teams",
    "verify_teams",
    "inspector_directory_digest",
    "team_record_digest",
    "with_inspectors",
    "labels",
]
