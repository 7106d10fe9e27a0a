"""China's working-day calendar, reporting periods and the deadlines counted in working days.

Deadlines in 双随机、一公开 work are counted in working days (工作日), and China's working days are not simply
Monday to Friday: the State Council's yearly schedule moves holidays onto weekdays and makes some weekend days
working days (调休). This module offers:

- :class:`Period` — a calendar quarter (``2024Q3``) or year (``2024``);
- :class:`Calendar` — which days are working days, counting working days, and the report and inspection
  deadlines.

The library ships the schedules of 2024, 2025 and 2026; load later years from a holiday file (format
``ssrandom-holidays-v1``, see ``docs/calendar.md``). A date in a year without a schedule raises
:class:`ssrandom.OutOfRangeError` unless the calendar allows provisional dates (plain Monday–Friday weeks).

Example::

    >>> import datetime
    >>> from ssrandom import Calendar, Period
    >>> calendar = Calendar()                      # the built-in schedules
    >>> calendar.is_working_day(datetime.date(2024, 9, 29))   # a make-up Sunday
    True
    >>> calendar.add_working_days("2024-09-30", 1)             # National Day holiday 10-01..10-07
    datetime.date(2024, 10, 8)
    >>> due = calendar.deadlines("2024Q3")
    >>> due["summary_due"], due["statistics_due"]
    (datetime.date(2024, 9, 27), datetime.date(2024, 10, 9))

Dates are accepted as :class:`datetime.date` (a :class:`datetime.datetime` or pandas ``Timestamp`` counts by
its date) or as text ``YYYY-MM-DD``, and returned as :class:`datetime.date`. Counting never includes the day
it starts from (see ``docs/calendar.md``).
"""

from __future__ import annotations

import datetime
import functools
import os
from typing import Any, Dict, Iterable, List, Union

from ssrandom import _core
from ssrandom.errors import InvalidInputError

__all__ = [
    "Period",
    "Calendar",
    "DateLike",
    "PeriodLike",
    "HOLIDAY_FILE_FORMAT",
    "SUMMARY_WORKING_DAYS_BEFORE",
    "STATISTICS_WORKING_DAYS_AFTER",
    "RESULT_ENTRY_WORKING_DAYS",
    "PUBLICATION_WORKING_DAYS",
]

_CorePeriod = _core.Period
_CoreCalendar = _core.Calendar

#: A date: a :class:`datetime.date` or a text ``YYYY-MM-DD``.
DateLike = Union[datetime.date, str]
#: A period: a :class:`Period` or its text (``2024Q3``, ``2024q3``, ``2024``).
PeriodLike = Union["Period", str]

#: The ``format`` value of a holiday file.
HOLIDAY_FILE_FORMAT: str = _core.HOLIDAY_FILE_FORMAT
#: Default deadlines in working days (RULES §5): quarterly summary before the quarter's end, statistics after
#: it, result entry and publication after the inspection.
SUMMARY_WORKING_DAYS_BEFORE: int = _core.SUMMARY_WORKING_DAYS_BEFORE
STATISTICS_WORKING_DAYS_AFTER: int = _core.STATISTICS_WORKING_DAYS_AFTER
RESULT_ENTRY_WORKING_DAYS: int = _core.RESULT_ENTRY_WORKING_DAYS
PUBLICATION_WORKING_DAYS: int = _core.PUBLICATION_WORKING_DAYS


@functools.total_ordering
class Period:
    """A calendar quarter (``2024Q1`` = January–March 2024) or a calendar year (``2024``).

    ``Period("2024Q3")``, ``Period("2024q3")`` and ``Period("2024")`` parse the text; anything else raises
    :class:`ssrandom.InvalidInputError` naming the text and the accepted forms. Periods are immutable,
    hashable and ordered: ``2024 < 2024Q1 < 2024Q2 < 2024Q3 < 2024Q4 < 2025``.
    """

    __slots__ = ("_core",)
    _core: _CorePeriod

    def __init__(self, text: PeriodLike) -> None:
        if isinstance(text, Period):
            self._core = text._core
        elif isinstance(text, str):
            self._core = _core.Period.parse(text)
        else:
            raise TypeError(f"a period is a text such as '2024Q3' or '2024', got {type(text).__name__}")

    @classmethod
    def parse(cls, text: str) -> "Period":
        """Parses ``YYYYQn`` (n = 1..4, ``q`` also accepted) or ``YYYY``."""
        return cls(text)

    @classmethod
    def of_quarter(cls, year: int, quarter: int) -> "Period":
        """Quarter ``quarter`` (1..4) of ``year``; raises InvalidInputError for any other quarter."""
        if quarter == 0:
            raise InvalidInputError(f"quarter 0 of {year} does not exist: a quarter is 1 to 4")
        return cls._wrap(_core.Period.make(year, quarter))

    @classmethod
    def of_year(cls, year: int) -> "Period":
        """The calendar year ``year`` (1..9999)."""
        return cls._wrap(_core.Period.make(year, 0))

    @classmethod
    def _wrap(cls, core: Any) -> "Period":
        period = cls.__new__(cls)
        period._core = core
        return period

    @property
    def year(self) -> int:
        """The calendar year, e.g. 2024 for both ``2024Q3`` and ``2024``."""
        return self._core.year

    @property
    def quarter(self) -> int:
        """1 to 4 for a quarter, 0 for a year."""
        return self._core.quarter

    @property
    def is_quarter(self) -> bool:
        """Whether the period is a quarter (not a whole year)."""
        return self._core.is_quarter

    @property
    def first_day(self) -> datetime.date:
        """The period's first day, e.g. 2024-07-01 for ``2024Q3``."""
        return self._core.first_day

    @property
    def last_day(self) -> datetime.date:
        """The period's last day, e.g. 2024-09-30 for ``2024Q3``."""
        return self._core.last_day

    def contains(self, day: DateLike) -> bool:
        """Whether ``first_day <= day <= last_day``."""
        return self._core.contains(day)

    def __contains__(self, day: DateLike) -> bool:
        return self.contains(day)

    def quarters(self) -> List["Period"]:
        """A year's four quarters in order; a quarter gives ``[itself]``."""
        return [Period._wrap(q) for q in self._core.quarters()]

    def year_period(self) -> "Period":
        """The year the period belongs to (``2024`` for ``2024Q3``)."""
        return Period._wrap(self._core.year_period())

    def __str__(self) -> str:
        return str(self._core)

    def __repr__(self) -> str:
        return f"Period('{self}')"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._core == other._core

    def __lt__(self, other: "Period") -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._core < other._core

    def __hash__(self) -> int:
        return hash((self.year, self.quarter))

    def __reduce__(self) -> Any:
        return (Period, (str(self),))


class Calendar:
    """China's working-day calendar: which days are working days, and deadlines counted in working days.

    A day is a working day when it is a make-up working day of its year, or Monday–Friday and not a holiday of
    its year. ``Calendar()`` starts with the built-in schedules (2024–2026); ``Calendar(builtin=False)`` starts
    empty, to use only your own holiday files. With ``provisional=True``, years without a schedule count as
    plain Monday–Friday weeks instead of raising :class:`ssrandom.OutOfRangeError`; :meth:`is_provisional`
    and the ``provisional`` entry of :meth:`deadlines` say when an answer relies on that.

    Counting never includes the day it starts from: :meth:`add_working_days` with ``n = 1`` is the first
    working day after the day.

    Not safe to modify (``load_file``, ``add_year``, ``provisional``) while other threads use the same object;
    queries may run concurrently.
    """

    __slots__ = ("_core",)
    _core: _CoreCalendar

    def __init__(self, *, builtin: bool = True, provisional: bool = False,
                 holidays: Iterable[Union[str, "os.PathLike[str]"]] = ()) -> None:
        self._core = _core.Calendar.builtin() if builtin else _core.Calendar()
        self._core.allow_provisional = bool(provisional)
        if isinstance(holidays, (str, os.PathLike)):
            holidays = [holidays]
        for path in holidays:
            self.load_file(path)

    @classmethod
    def builtin(cls) -> "Calendar":
        """A new calendar with the built-in schedules (2024, 2025, 2026); provisional dates not allowed."""
        return cls()

    def copy(self) -> "Calendar":
        """An independent copy (years and the provisional setting)."""
        calendar = Calendar.__new__(Calendar)
        calendar._core = self._core.copy()
        return calendar

    def load_file(self, path: Union[str, "os.PathLike[str]"]) -> None:
        """Adds every year of a holiday file (format ``ssrandom-holidays-v1``, see ``docs/calendar.md``).

        All or nothing: if any year entry is wrong, no year is added. Raises :class:`ssrandom.NotFoundError`
        for a missing file, :class:`ssrandom.InvalidInputError` for bad content or a year the calendar already
        has; the message names the file, the year entry, the field and the value.
        """
        self._core.load_file(os.fspath(path))

    def load_json(self, text: str, source: str = "<holiday data>") -> None:
        """As :meth:`load_file`, from the file's text; ``source`` names it in error messages."""
        self._core.load_json(text, source)

    def add_year(self, year: int, off: Iterable[DateLike], work: Iterable[DateLike]) -> None:
        """Adds one year's schedule: ``off`` the holidays, ``work`` the make-up working days.

        Raises :class:`ssrandom.InvalidInputError` when a day lies outside ``year`` or is in both lists, or when
        the calendar already has ``year``; nothing changes then.
        """
        self._core.add_year(year, list(off), list(work))

    @property
    def provisional(self) -> bool:
        """Whether years without a schedule count as plain Monday–Friday weeks (instead of raising)."""
        return self._core.allow_provisional

    @provisional.setter
    def provisional(self, allow: bool) -> None:
        self._core.allow_provisional = bool(allow)

    @property
    def years(self) -> List[int]:
        """The years with a holiday schedule, in increasing order."""
        return list(self._core.years)

    def is_working_day(self, day: DateLike) -> bool:
        """Whether ``day`` is a working day. Raises OutOfRangeError for a year without a schedule."""
        return self._core.is_working_day(day)

    def is_provisional(self, day: DateLike) -> bool:
        """Whether the answer for ``day`` is a provisional Monday–Friday guess (its year has no schedule)."""
        return self._core.is_provisional(day)

    def add_working_days(self, day: DateLike, n: int) -> datetime.date:
        """The ``n``-th working day after ``day`` (``n > 0``) or the ``|n|``-th before it (``n < 0``).

        ``day`` itself is never counted. ``n == 0`` raises InvalidInputError.
        """
        return self._core.add_working_days(day, n)

    def working_days_between(self, after: DateLike, until: DateLike) -> int:
        """The number of working days ``d`` with ``after < d <= until`` (negative when ``until < after``)."""
        return self._core.working_days_between(after, until)

    def working_days_in(self, period: PeriodLike) -> int:
        """The number of working days in ``period``, both ends included."""
        return self._core.working_days_in(Period(period)._core)

    def deadlines(self, period: PeriodLike, summary_days_before: int = SUMMARY_WORKING_DAYS_BEFORE,
                  statistics_days_after: int = STATISTICS_WORKING_DAYS_AFTER) -> Dict[str, Any]:
        """The quarterly report deadlines of a quarter, as a dict.

        Keys: ``period`` (:class:`Period`), ``first_day``, ``last_day``, ``working_days`` (in the quarter),
        ``summary_due`` (the ``summary_days_before``-th working day counted backwards from the last day, not
        counting it), ``statistics_due`` (the ``statistics_days_after``-th working day after the last day) and
        ``provisional`` (True when a year without a schedule was counted as Monday–Friday).

        Raises InvalidInputError for a year (ask for each of ``Period(...).quarters()``) and OutOfRangeError
        when a needed year has no schedule (a Q4's statistics deadline lies in the next year).
        """
        quarter = Period(period)
        due = self._core.deadlines(quarter._core, summary_days_before, statistics_days_after)
        return {
            "period": quarter,
            "first_day": quarter.first_day,
            "last_day": quarter.last_day,
            "working_days": self.working_days_in(quarter),
            "summary_due": due["summary_due"],
            "statistics_due": due["statistics_due"],
            "provisional": due["provisional"],
        }

    def deadline_after(self, day: DateLike, working_days: int) -> datetime.date:
        """The last day of a duty due "within ``working_days`` working days" of ``day``: the
        ``working_days``-th working day after it, not counting ``day``."""
        return self._core.deadline_after(day, working_days)

    def result_entry_deadline(self, inspection_date: DateLike,
                              working_days: int = RESULT_ENTRY_WORKING_DAYS) -> datetime.date:
        """The day by which an inspection's result must be entered (default: 7 working days after it)."""
        return self.deadline_after(inspection_date, working_days)

    def publication_deadline(self, inspection_date: DateLike,
                             working_days: int = PUBLICATION_WORKING_DAYS) -> datetime.date:
        """The day by which an inspection's result must be published (default: 20 working days after it)."""
        return self.deadline_after(inspection_date, working_days)

    def __repr__(self) -> str:
        years = ", ".join(str(y) for y in self.years) or "no years"
        return f"Calendar({years}{', provisional' if self.provisional else ''})"
