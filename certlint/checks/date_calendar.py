"""The `date` checks that need no fiscal calendar: a weekday written beside a date, a date after
today, a date that does not exist, a misspelled month. Each takes the compiled rule (unused),
the document's `Situation` and its prose text, as the other `date` checks do."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from certlint.analysis.dates.fiscal import fmt
from certlint.diagnostic import Finding

if TYPE_CHECKING:
    from certlint.analysis.dates.situation import Situation


def weekday(check: object, s: Situation, text: str) -> Iterator[Finding]:
    from certlint.analysis.dates.extract import WEEKDAY_NAMES

    for mention in s.analysis.dates:
        if mention.weekday is None or mention.value is None:
            continue
        span, written = mention.weekday
        if mention.value.weekday() != written:
            yield Finding(span.start, mention.end, {
                "date": fmt(mention.value), "actual": WEEKDAY_NAMES[mention.value.weekday()],
                "written": WEEKDAY_NAMES[written]}, suggestion=WEEKDAY_NAMES[mention.value.weekday()])


def future(check: object, s: Situation, text: str) -> Iterator[Finding]:
    today = s.today
    # Only the dates after today are sorted (a stable sort: the order of the whole list's).
    roles = [("period end", p.mention) for p in s.analysis.period_ends
             if p.mention.value is not None and p.mention.value > today]
    roles += [("certification date", m) for m in s.analysis.certification_dates
              if m.value is not None and m.value > today]
    for role, mention in sorted(roles, key=lambda r: r[1].start):
        assert mention.value is not None
        yield Finding(mention.start, mention.end,
                      {"role": role, "date": fmt(mention.value), "today": fmt(today)})


def impossible(check: object, s: Situation, text: str) -> Iterator[Finding]:
    for mention in s.analysis.dates:
        if mention.problem is not None:
            yield Finding(mention.start, mention.end, {"date": mention.text, "reason": mention.problem})


def month_spelling(check: object, s: Situation, text: str) -> Iterator[Finding]:
    for mention in s.analysis.dates:
        if mention.misspelled is not None:
            span, month = mention.misspelled
            yield Finding(span.start, span.end, {"word": text[span.start:span.end], "month": month},
                          suggestion=month)
