"""Filing deadlines by filer status: which category a filer is in, and its days for a report.

The table itself lives in the rule pack (rules/dates.yaml, CL403's `filer_deadlines`): a list of
rows `{filers, annual|quarterly, from}`; the first row for the filer's category whose `from`
date the period end reaches gives the days. A filer of no row (a non-accelerated filer, or any
filer before the accelerated deadlines began) has the rule's default days.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from msgspec import Struct

LARGE, ACCELERATED, NON_ACCELERATED = "large accelerated", "accelerated", "non-accelerated"
CATEGORIES = (LARGE, ACCELERATED, NON_ACCELERATED)
#: The option's schema, for the rule kind that takes it (CL403's `date` kind).
ROWS_SCHEMA = {"type": "array", "items": {"type": "object"},
               "description": "certification-date: rows {filers, annual|quarterly, from} giving a filer "
                              "category's days for periods ending on or after `from` (first match "
                              "wins; else deadline_days)."}


def filer_category(text: str) -> str | None:
    """A filer status as XBRL (dei:EntityFilerCategory), a cover page or a config writes it,
    as one of CATEGORIES: "Large Accelerated Filer", "Non-accelerated Filer", "Smaller
    Reporting Company" (non-accelerated), "Smaller Reporting Accelerated Filer" (accelerated)."""
    words = " ".join(text.lower().replace("-", " ").replace("_", " ").split())
    if "large" in words and "accelerated" in words:
        return LARGE
    if "non accelerated" in words or "nonaccelerated" in words or words.startswith("not accelerated"):
        return NON_ACCELERATED
    if "accelerated" in words:
        return ACCELERATED
    if "smaller reporting" in words:
        return NON_ACCELERATED
    return None


def describe(category: str) -> str:
    """"a large accelerated filer", "an accelerated filer": for messages."""
    return f"{'an' if category[:1] in 'aeiou' else 'a'} {category} filer"


class DeadlineRow(Struct, frozen=True):
    """Filers of `filers` have `days` for a report of `family` whose period ends on or after `since`."""

    filers: frozenset[str]
    family: str
    days: int
    since: date


def read_rows(rows: Sequence[Mapping[str, object]]) -> tuple[DeadlineRow, ...]:
    """The `filer_deadlines` option as rows; raises ValueError naming what cannot be read."""
    read = []
    for row in rows:
        raw = row.get("filers")
        names = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list) else []
        filers = frozenset(filer_category(str(name)) or "" for name in names)
        if not filers or "" in filers:
            raise ValueError(f"filers must name {', '.join(CATEGORIES)}: {raw!r}")
        since = row.get("from")
        since = date.fromisoformat(since) if isinstance(since, str) else since
        if not isinstance(since, date):
            raise ValueError(f"'from' must be a date (YYYY-MM-DD): {row.get('from')!r}")
        for family in ("annual", "quarterly"):
            days = row.get(family)
            if days is not None:
                if not isinstance(days, int) or days < 0:
                    raise ValueError(f"'{family}' must be a number of days: {days!r}")
                read.append(DeadlineRow(filers, family, days, since))
    return tuple(read)


def filer_days(rows: Sequence[DeadlineRow], category: str, family: str, period_end: date) -> int | None:
    """The days the first matching row gives, or None (the rule's default days apply)."""
    for row in rows:
        if category in row.filers and row.family == family and period_end >= row.since:
            return row.days
    return None
