"""Shared options for commands that read plans, results and an optional bureau (check, report, publish)."""

from __future__ import annotations

import argparse
import datetime
from typing import List, Optional, Tuple

from ssrandom.bureau import Bureau
from ssrandom.calendar import Period
from ssrandom.check import Results, load_plans
from ssrandom.entity_draw import DrawRecord, Plan
from ssrandom.errors import InvalidInputError


def add_bureau_option(parser: argparse.ArgumentParser, required: bool) -> None:
    """Adds ``--bureau DIR_OR_JSON`` and ``--sample`` (one of them, or neither unless ``required``)."""
    source = parser.add_mutually_exclusive_group(required=required)
    source.add_argument("--bureau", metavar="DIR_OR_JSON", help="the bureau folder (or bureau JSON)")
    source.add_argument("--sample", action="store_true", help="use the built-in sample bureau")


def load_bureau(args: argparse.Namespace) -> Optional[Bureau]:
    """The bureau ``--bureau`` or ``--sample`` names, or None when neither was given."""
    if getattr(args, "sample", False):
        return Bureau.sample()
    if getattr(args, "bureau", None):
        return Bureau.load(args.bureau)
    return None


def require_bureau(args: argparse.Namespace, command: str) -> Bureau:
    """The bureau ``--bureau`` or ``--sample`` names; :class:`InvalidInputError` when neither was given."""
    bureau = load_bureau(args)
    if bureau is None:
        raise InvalidInputError(f"ssrandom {command} needs a bureau: give --bureau DIR_OR_JSON or --sample")
    return bureau


def parse_date(text: str, what: str) -> datetime.date:
    """``text`` as a date YYYY-MM-DD; :class:`InvalidInputError` naming ``what`` otherwise."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise InvalidInputError(f"{what}: '{text}' is not a date YYYY-MM-DD") from None


def split_plans(folder: str, period: Period) -> Tuple[List[Plan], List[DrawRecord], List[Plan]]:
    """The plans of ``period`` in ``folder`` with their records, and the earlier plans of its year (history)."""
    plans, records = load_plans(folder)
    checked: List[Plan] = []
    history: List[Plan] = []
    for plan in plans:
        p = Period(plan.period)
        if (period.is_quarter and p == period) or (not period.is_quarter and p.year == period.year):
            checked.append(plan)
        elif p.year == period.year and p < period:
            history.append(plan)
    if not checked:
        found = ", ".join(sorted(plan.period for plan in plans))
        raise InvalidInputError(f"{folder}: no plan for {period} (found {found})")
    wanted = {plan.period for plan in checked}
    return checked, [r for r in records if r.period in wanted], history


def load_results(path: Optional[str], folder: str, extra: List[Plan], bureau: Optional[Bureau]) -> Optional[Results]:
    """The results file validated against every plan in ``folder`` and ``extra`` (a year's results file may
    hold other quarters than the ones checked)."""
    if not path:
        return None
    return read_results(path, folder, extra, bureau)


def read_results(path: str, folder: str, extra: List[Plan], bureau: Optional[Bureau]) -> Results:
    """The results file ``path`` (required), validated as :func:`load_results` does."""
    if not path:
        raise InvalidInputError("no results file given: pass --results FILE")
    plans = {plan.period: plan for plan in load_plans(folder)[0] + list(extra)}
    return Results.load(path, list(plans.values()), bureau)
