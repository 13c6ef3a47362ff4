"""`date`: dates that disagree with the fiscal calendar, the form, each other or the calendar.

The `check` option picks one check (each has its own code in `rules/dates.yaml`):

- `fiscal-year-end`: an annual period end that is not a fiscal year end of the configured
  `fiscal_year_end` (with none configured: neither a month end nor a possible 52-53-week end,
  a Friday to Sunday near a month end);
- `quarter-end`: a quarterly period end that is not a quarter end of the configured calendar
  (without a configured `fiscal_year_end`, only one that is neither a month end nor a Friday to
  Sunday: 12-12-12-16-week calendars put quarter ends anywhere in a month);
- `certification-date`: a certification date on or before the period end, after the `filed`
  fact, or after the filing deadline plus the Rule 12b-25 grace (never for amendments);
- `period-mismatch`: two period ends of one document (or the document and the `period_end`
  fact) that disagree;
- `fiscal-label`: "fiscal 2004" where the period end lies in another fiscal year;
- `weekday`: "Tuesday, March 29, 2004" (a Monday);
- `form-period`: "quarterly period ended" in a Form 10-K, "fiscal year ended" in a Form 10-Q;
- `future`: a certification date or period end after today;
- `impossible`: "February 30, 2005", "April 31", February 29 of a common year;
- `month-spelling`: "Feburary 1, 2005".

`kind: date, check: fiscal-year-end` under `fiscal_year_end: 12-31` passes "for the fiscal year
ended December 31, 2003" and reports "for the fiscal year ended November 29, 2003".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field
from msgspec.structs import replace

from certlint.analysis.dates.deadlines import ROWS_SCHEMA, DeadlineRow, describe, filer_days, read_rows
from certlint.analysis.dates.fiscal import (
    DEFAULT_DEADLINE_DAYS,
    DEFAULT_GRACE_DAYS,
    filing_deadline,
    fmt,
    off_calendar,
)
from certlint.analysis.dates.roles import ANNUAL, QUARTERLY, TRANSITION, deadline_kind
from certlint.analysis.dates.situation import Situation, situation
from certlint.analysis.facts import outside_source
from certlint.analysis.period import reference_period
from certlint.checks import date_calendar
from certlint.checks.base import OptionError
from certlint.diagnostic import Finding, Severity

if TYPE_CHECKING:
    from certlint.checks.base import CheckContext
    from certlint.document import Document

NAME = "date"
CHECKS = ("fiscal-year-end", "quarter-end", "certification-date", "period-mismatch", "fiscal-label",
          "weekday", "form-period", "future", "impossible", "month-spelling")
_DAYS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"annual": {"type": "integer", "minimum": 0},
                   "quarterly": {"type": "integer", "minimum": 0}},
}
SCHEMA: Mapping[str, Any] = {
    "properties": {
        "check": {"enum": list(CHECKS), "description": "Which date check the rule runs."},
        "deadline_days": {**_DAYS, "description": "certification-date: days after the period end a "
                                                  "report is due (default annual 90, quarterly 45)."},
        "grace_days": {**_DAYS, "description": "certification-date: Rule 12b-25 extension days "
                                               "(default annual 15, quarterly 5; 0 for none)."},
        "filer_deadlines": ROWS_SCHEMA,
    },
    "required": ["check"],
}
_REPORTS = {ANNUAL: "an annual report", QUARTERLY: "a quarterly report"}


class DateCheck(Struct, frozen=True):
    """A compiled `date` rule: one of the checks, with its deadline parameters."""

    name: str
    deadline_days: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_DEADLINE_DAYS))
    grace_days: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_GRACE_DAYS))
    filer_deadlines: tuple[DeadlineRow, ...] = ()

    def check(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        here = situation(doc.prose, context.facts, context.today)
        if self.name == "period-mismatch" and here.configured_period_end is not None:
            here = replace(here, period_source=outside_source(doc, context.facts, "period_end"))
        yield from _CHECKS[self.name](self, here, doc.prose.text)


def _report_kind(label: str | None, form: str | None) -> str | None:
    """What a period end is held to: the form's kind, or the label's when the form is unknown.

    A label that contradicts the form ("quarterly period ended" in a 10-K) is reported once, by
    `form-period`, not again as a wrong year or quarter end.
    """
    if form in (ANNUAL, QUARTERLY):
        return None if label in (ANNUAL, QUARTERLY) and label != form else form
    return label if form is None else None


def _fiscal_year_end(check: DateCheck, s: Situation, text: str) -> Iterator[Finding]:
    if s.rule_error is not None:
        yield Finding(-1, -1, detail=s.rule_error)
    if s.kind == TRANSITION:
        return
    for period in s.analysis.period_ends:
        day = period.mention.value
        if not period.explicit or day is None or _report_kind(period.kind, s.kind) != ANNUAL:
            continue
        if s.rule is not None:
            if s.rule.is_end(day):
                continue
            reason = (f"fiscal year ends on {s.rule.describe()}: expected "
                      f"{fmt(s.rule.nearest_end(day))}")
        else:
            problem = off_calendar(day, annual=True)
            if problem is None:
                continue
            reason = problem
        yield Finding(period.mention.start, period.mention.end, {"date": fmt(day), "reason": reason})


def _quarter_end(check: DateCheck, s: Situation, text: str) -> Iterator[Finding]:
    if s.kind == TRANSITION:
        return
    for period in s.analysis.period_ends:
        day = period.mention.value
        if not period.explicit or day is None or _report_kind(period.kind, s.kind) != QUARTERLY:
            continue
        if s.rule is None:
            problem = off_calendar(day, annual=False)
            if problem is not None:
                yield Finding(period.mention.start, period.mention.end, {"date": fmt(day), "reason": problem})
            continue
        ends = s.rule.quarter_ends(day)
        if day in ends:
            continue
        listed = [fmt(end) for end in ends]
        expected = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " or " + listed[-1]
        reason = f"fiscal year ends on {s.rule.describe()}: expected {expected}"
        yield Finding(period.mention.start, period.mention.end, {"date": fmt(day), "reason": reason})


def _certification_date(check: DateCheck, s: Situation, text: str) -> Iterator[Finding]:
    if s.period_end is None:
        return
    family = deadline_kind(s.form)
    for mention in s.analysis.certification_dates:
        day = mention.value
        assert day is not None
        args = {"date": fmt(day), "period_end": fmt(s.period_end)}
        if day <= s.period_end:
            yield Finding(mention.start, mention.end,
                          {**args, "reason": f"is on or before the period end {fmt(s.period_end)}"})
        elif s.filed is not None and day > s.filed:
            yield Finding(mention.start, mention.end,
                          {**args, "reason": f"is after the filing date {fmt(s.filed)}"})
        elif family is not None and not s.amendment:
            known = filer_days(check.filer_deadlines, s.filer, family, s.period_end) if s.filer else None
            days, grace = known or check.deadline_days[family], check.grace_days[family]
            if day <= s.period_end + timedelta(days=days + grace):
                continue  # cheap test first: the rolled deadline is never earlier
            deadline = filing_deadline(s.period_end, days, grace)
            if day > deadline:
                form = f"Form {s.form}"
                if s.filer is not None:
                    form += f", {describe(s.filer)} ({s.filer_source})"
                extension = f" plus {grace} days under Rule 12b-25" if grace else ""
                reason = (f"is after the filing deadline {fmt(deadline)} ({form}: {days} days after "
                          f"the period end {fmt(s.period_end)}{extension})")
                # Without the filer's category the days are the longest any filer has: a
                # warning. With it they are the filer's own.
                yield Finding(mention.start, mention.end, {**args, "reason": reason},
                              severity=None if s.filer is not None else Severity.WARNING)


def _period_mismatch(check: DateCheck, s: Situation, text: str) -> Iterator[Finding]:
    periods = [p for p in s.analysis.period_ends if p.explicit and p.mention.value is not None]
    if s.configured_period_end is not None:
        for period in periods:
            if period.mention.value != s.configured_period_end:
                yield Finding(period.mention.start, period.mention.end,
                              {"date": fmt(period.mention.value),  # type: ignore[arg-type]
                               "other": _known_period(s.configured_period_end, s.period_source)})
        return
    if not periods:
        return
    first = reference_period(periods, s.rule)
    for period in periods:
        compatible = first.kind is None or period.kind is None or first.kind == period.kind
        if compatible and period.mention.value != first.mention.value:
            where = "stated before" if first.mention.start < period.mention.start else \
                "stated after, which fits the fiscal calendar"
            yield Finding(period.mention.start, period.mention.end,
                          {"date": fmt(period.mention.value),  # type: ignore[arg-type]
                           "other": f"the period end {fmt(first.mention.value)} {where}"})  # type: ignore[arg-type]


_SOURCES = {"path": "the file's path", "front matter": "the front matter", "EDGAR header": "the EDGAR header"}


def _known_period(day: date, source: str | None) -> str:
    """The period end a fact gives, and where from: "the configured period end ...", "the period
    end ... from the file's path"."""
    if source in (None, "config"):
        return f"the configured period end {fmt(day)}"
    return f"the period end {fmt(day)} from {_SOURCES.get(source or '', source)}"


def _fiscal_label(check: DateCheck, s: Situation, text: str) -> Iterator[Finding]:
    if s.naming_error is not None:
        yield Finding(-1, -1, detail=s.naming_error)
    if not s.analysis.labels or s.period_end is None:
        return
    if s.rule is not None:
        previous, end = s.rule.year_containing(s.period_end)
        start = previous + timedelta(days=1)
    elif s.kind == ANNUAL or any(p.kind == ANNUAL for p in s.analysis.period_ends):
        end, start = s.period_end, s.period_end - timedelta(days=364)
    else:
        return
    names = {"end": end.year, "start": start.year}
    expected = {names[s.naming]} if s.naming else set(names.values())
    for label in s.analysis.labels:
        if label.year in expected:
            continue
        if s.naming:
            reason = f"fiscal years are named by the year they {s.naming}: expected fiscal {names[s.naming]}"
        elif end.year == start.year:
            reason = f"expected fiscal {end.year}"
        else:
            reason = f"expected fiscal {end.year} (named by its end) or fiscal {start.year} (by its start)"
        yield Finding(label.start, label.end, {"label": text[label.start:label.end],
                                               "fiscal_year_end": fmt(end), "reason": reason})


def _form_period(check: DateCheck, s: Situation, text: str) -> Iterator[Finding]:
    if s.kind not in (ANNUAL, QUARTERLY):
        return
    for period in s.analysis.period_ends:
        if period.kind in (ANNUAL, QUARTERLY) and period.kind != s.kind:
            report = _REPORTS[s.kind] + (f" (Form {s.form})" if s.form else "")
            yield Finding(period.label.start, period.label.end,
                          {"label": text[period.label.start:period.label.end], "report": report})


_CHECKS: dict[str, Callable[[DateCheck, Situation, str], Iterator[Finding]]] = {
    "fiscal-year-end": _fiscal_year_end,
    "quarter-end": _quarter_end,
    "certification-date": _certification_date,
    "period-mismatch": _period_mismatch,
    "fiscal-label": _fiscal_label,
    "weekday": date_calendar.weekday,
    "form-period": _form_period,
    "future": date_calendar.future,
    "impossible": date_calendar.impossible,
    "month-spelling": date_calendar.month_spelling,
}


def compile(options: Mapping[str, Any]) -> DateCheck:
    name = options.get("check")
    if name not in _CHECKS:
        raise OptionError("check", f"unknown date check {name!r} (expected one of: {', '.join(CHECKS)})")
    days = {**DEFAULT_DEADLINE_DAYS, **(options.get("deadline_days") or {})}
    grace = {**DEFAULT_GRACE_DAYS, **(options.get("grace_days") or {})}
    for key, values in (("deadline_days", days), ("grace_days", grace)):
        for family, value in values.items():
            if family not in DEFAULT_DEADLINE_DAYS or not isinstance(value, int) or value < 0:
                raise OptionError(key, f"'{key}' maps annual/quarterly to a number of days")
    try:
        rows = read_rows(options.get("filer_deadlines") or ())
    except ValueError as exc:
        raise OptionError("filer_deadlines", str(exc)) from None
    return DateCheck(str(name), days, grace, rows)
