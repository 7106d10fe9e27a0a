"""The exception hierarchy: every error from the library is an ``ssrandom.Error`` with a ``code``."""

from __future__ import annotations

__all__ = ["Error", "InvalidInputError", "NotFoundError", "FailedPreconditionError", "OutOfRangeError",
           "InternalError", "MissingDependencyError"]


class Error(Exception):
    """Base class of every libssrandom error. ``code`` is the library's status code name."""

    code = "UNKNOWN"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


class InvalidInputError(Error, ValueError):
    """Malformed or inconsistent input: a bad file, record, field, policy or argument."""

    code = "INVALID_ARGUMENT"


class NotFoundError(Error, LookupError):
    """A named file, entity, inspector, preset or period does not exist."""

    code = "NOT_FOUND"


class FailedPreconditionError(Error, RuntimeError):
    """The request cannot be met in the current state (e.g. an infeasible quota or team)."""

    code = "FAILED_PRECONDITION"


class OutOfRangeError(Error, ValueError):
    """A value outside what the library knows, e.g. a date in a year without calendar data."""

    code = "OUT_OF_RANGE"


class InternalError(Error, RuntimeError):
    """A bug in libssrandom; please report it with the input that caused it."""

    code = "INTERNAL"


class MissingDependencyError(Error, ImportError):
    """An optional dependency is not installed (pandas, pyarrow, matplotlib, tqdm); the message names the
    extra to install, e.g. ``pip install 'ssrandom[plot]'``."""

    code = "FAILED_PRECONDITION"
