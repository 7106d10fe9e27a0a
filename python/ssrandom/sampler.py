"""Verifiable ticket sampling, compatible with Ronald Rivest's ``consistent_sampler``, and USCC checks.

Every draw ranks candidates by a *ticket*, a decimal fraction computed from the public seed and the
candidate's id alone (RULES §7)::

    H(s)       = sha256(s.encode("utf-8")).hexdigest()
    U(s)       = "0." + reversed(f"{int(H(s), 16):064d}")
    ticket(id) = U(H(seed) + id)

The sample of size ``n`` is the ``n`` lowest tickets (ties by id). Anyone can re-check a draw with the
independent ``consistent_sampler`` package::

    >>> import ssrandom
    >>> ssrandom.sample("314159", ["A-1", "A-2", "A-3", "B-1", "B-2", "B-3"], 4)
    ['B-2', 'B-3', 'A-3', 'A-2']
    >>> import consistent_sampler
    >>> list(consistent_sampler.sampler(["A-1", "A-2", "A-3", "B-1", "B-2", "B-3"], seed="314159",
    ...                                 with_replacement=False, take=4, output="id"))
    ['B-2', 'B-3', 'A-3', 'A-2']

Ids and seeds are text. Integers (including numpy integers) are accepted and turned into text with
``str()``, as ``consistent_sampler`` does; anything else raises ``TypeError``. Ids may be any iterable:
a list, a tuple, a pandas Series or Index, a numpy array, or a pyarrow array or chunked array.
"""

from __future__ import annotations

import collections
import numbers
import os
from typing import Any, Iterable, List, Literal, NamedTuple, Optional, Tuple, Union, overload

from ssrandom import _core
from ssrandom.errors import InvalidInputError

__all__ = ["ticket", "tickets", "sample", "check_uscc", "uscc_check_character", "UsccResult"]

Seed = Union[str, int]
Id = Union[str, int]


def _text(value: Any, what: str) -> str:
    if isinstance(value, str):
        return str(value)  # plain str, also for subclasses such as numpy.str_
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return str(int(value))
    raise TypeError(f"{what} must be a str or an int, not {type(value).__name__}: {value!r}")


def _seed(seed: Seed) -> str:
    text = _text(seed, "the seed")
    _core.validate_seed(text)
    return text


def _ids(ids: Iterable[Id]) -> List[str]:
    if isinstance(ids, (str, bytes)):
        raise TypeError("ids must be a collection of ids, not a single string")
    to_pylist = getattr(ids, "to_pylist", None)  # pyarrow arrays iterate as pyarrow scalars
    if callable(to_pylist):
        ids = to_pylist()
    values: List[Any] = list(ids)
    if all(type(id_) is str for id_ in values):  # the common case, 5x faster than converting one by one
        return values
    return [_text(id_, "an id") for id_ in values]


def ticket(seed: Seed, id: Id) -> str:  # noqa: A002 - the domain's word
    """The ticket of ``id`` under ``seed``: ``"0."`` followed by 64 to 78 digits.

    Equal to ``consistent_sampler.first_fraction(id, seed)``.

    Raises:
        InvalidInputError: the seed is empty, blank or not valid text (see ``ssrandom.sample``).
        TypeError: seed or id is neither str nor int.
    """
    return _core.ticket(_seed(seed), _text(id, "the id"))


def tickets(seed: Seed, ids: Iterable[Id], *, threads: Optional[int] = None) -> List[str]:
    """The tickets of ``ids`` under ``seed``, in the order of ``ids`` (one per id, duplicates included).

    ``threads``: threads computing the tickets (default: the CPU count; lists of under 8,192 ids use one).
    The result never depends on it.

    Raises:
        InvalidInputError: the seed is empty, blank or not valid text.
        TypeError: an id is neither str nor int.
    """
    if threads is None:
        threads = os.cpu_count() or 1
    return _core.tickets(_seed(seed), _ids(ids), int(threads))


@overload
def sample(seed: Seed, ids: Iterable[Id], n: Optional[int] = ..., *, with_tickets: Literal[False] = ...,
           threads: Optional[int] = ...) -> List[str]: ...


@overload
def sample(seed: Seed, ids: Iterable[Id], n: Optional[int] = ..., *, with_tickets: Literal[True],
           threads: Optional[int] = ...) -> List[Tuple[str, str]]: ...


def sample(seed: Seed, ids: Iterable[Id], n: Optional[int] = None, *, with_tickets: bool = False,
           threads: Optional[int] = None) -> Union[List[str], List[Tuple[str, str]]]:
    """Draws ``n`` of ``ids`` without replacement: the ``n`` lowest tickets, lowest first.

    Args:
        seed: the public seed of the draw (e.g. a lottery result). Must not be empty or blank.
        ids: the candidates' distinct ids.
        n: how many to draw; ``None`` ranks them all. More than ``len(ids)`` returns all of them.
        with_tickets: return ``(ticket, id)`` pairs instead of ids.
        threads: threads for hashing (default: the CPU count). The result never depends on it.

    Returns:
        The drawn ids (or ``(ticket, id)`` pairs) in draw order. Equal to
        ``list(consistent_sampler.sampler(ids, seed=seed, with_replacement=False, take=n, output="id"))``,
        and a larger ``n`` extends the sample of a smaller one.

    Raises:
        InvalidInputError: the seed is empty, blank or not valid text; ids repeat; ``n`` is negative.
        TypeError: an id is neither str nor int.
    """
    seed_text = _seed(seed)
    id_list = _ids(ids)
    if n is None:
        n = len(id_list)
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise TypeError(f"n must be an int, not {type(n).__name__}")
    if n < 0:
        raise InvalidInputError(f"cannot draw a negative number of ids (n = {n})")
    if len(set(id_list)) != len(id_list):
        repeated = sorted(id_ for id_, count in collections.Counter(id_list).items() if count > 1)
        shown = ", ".join(repr(id_) for id_ in repeated[:5]) + (", ..." if len(repeated) > 5 else "")
        raise InvalidInputError(f"{len(repeated)} id(s) appear more than once: {shown}; "
                                "each candidate must appear exactly once in a draw")
    if threads is None:
        threads = os.cpu_count() or 1
    picked = _core.select_lowest(seed_text, id_list, int(n), int(threads))
    chosen = [id_list[i] for i in picked]
    if not with_tickets:
        return chosen
    return list(zip(_core.tickets(seed_text, chosen, int(threads)), chosen))


class UsccResult(NamedTuple):
    """The result of ``check_uscc``: ``valid`` and a message ("valid", or what is wrong and where)."""

    valid: bool
    message: str


def check_uscc(code: str) -> UsccResult:
    """Checks a 统一社会信用代码 (unified social credit code) per GB 32100-2015.

    Checks length (18 characters), alphabet (digits and capitals except I, O, S, V, Z) and the check
    character, exactly as given: lowercase, full-width characters and spaces are invalid.

        >>> ssrandom.check_uscc("91310110666007217T")
        UsccResult(valid=True, message='valid')
        >>> ssrandom.check_uscc("91310110666007217t").message
        "character 18 is lowercase 't': codes use capital letters only (write 'T'); the check character for positions 1-17 is 'T'"

    Some early pilot codes fail the check character; report those, do not drop them.
    """
    if not isinstance(code, str):
        raise TypeError(f"code must be a str, not {type(code).__name__}")
    valid, message = _core.check_uscc(code)
    return UsccResult(valid, message)


def uscc_check_character(first17: str) -> Optional[str]:
    """The check character for the first 17 characters of a USCC, or ``None`` if they are not valid."""
    if not isinstance(first17, str):
        raise TypeError(f"first17 must be a str, not {type(first17).__name__}")
    return _core.uscc_check_character(first17)
