"""Real certifications with one contradiction injected (the kind of report swapped, the form
number swapped, a period end moved off the fiscal calendar): the facts and date rules report it
at the wrong mention. Skipped without the corpus."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from pathlib import Path

from certlint.api import lint_text
from tests.conftest import SHARED

ROOTS = [SHARED / "corpus" / "real", SHARED / "corpus" / "real2"]
SWAP = {"annual": "quarterly", "quarterly": "annual"}
KIND = re.compile(r"\b(annual|quarterly)(\s+report\b[^<\n]{0,80}?Form(?:\s|&nbsp;|&#160;)*)10-?[KQ]", re.I | re.S)
FORM = re.compile(r"(Form(?:\s|&nbsp;|&#160;)*)(10-K|10-Q)(?![\w/-])")


def _files() -> list[Path]:
    import pytest

    if not all(root.is_dir() for root in ROOTS):
        pytest.skip(f"the shared corpora are not beside this checkout ({SHARED})")
    return sorted(p for root in ROOTS for p in root.rglob("*")
                  if p.suffix in (".htm", ".txt", ".md") and p.name != "README.md")


def _swap_case(word: str, new: str) -> str:
    return new.upper() if word.isupper() else new.title() if word[0].isupper() else new


def _caught(path: Path, text: str, start: int, end: int, window: int = 0) -> bool:
    before = {(d.code, d.offset) for d in lint_text(path.read_text(encoding="utf-8", errors="replace"), str(path))}
    found = [d for d in lint_text(text, str(path)) if (d.code, d.offset) not in before]
    return any(d.offset <= end and d.end_offset >= start - window for d in found)


def test_a_swapped_kind_of_report_is_caught_at_its_words() -> None:
    results = []
    for path in _files():
        text = path.read_text(encoding="utf-8", errors="replace")
        match = KIND.search(text)
        if match is None:
            continue
        word = match.group(1)
        new = _swap_case(word, SWAP[word.lower()])
        results.append(_caught(path, text[:match.start(1)] + new + text[match.end(1):],
                               match.start(1), match.start(1) + len(new)))
    assert len(results) >= 100
    assert sum(results) / len(results) >= 0.95


def test_a_swapped_form_number_is_caught_at_its_mention() -> None:
    results = []
    for path in _files():
        text = path.read_text(encoding="utf-8", errors="replace")
        match = FORM.search(text)
        if match is None or "10-D" in text:
            continue  # asset-backed certifications are another form, not judged here
        form = "10-Q" if match.group(2) == "10-K" else "10-K"
        results.append(_caught(path, text[:match.start(2)] + form + text[match.end(2):],
                               match.start(2), match.end(2), window=120))
    assert len(results) >= 100
    assert sum(results) / len(results) >= 0.95


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
PERIOD = re.compile(r"(?:year|quarter|period)(?:\s|&nbsp;)+end(?:ed|ing)(?:\s|&nbsp;)+(?P<date>(?P<month>"
                    + "|".join(MONTHS) + r")(?:\s|&nbsp;)+(?P<day>\d{1,2}),(?:\s|&nbsp;)*(?P<year>\d{4}))", re.I)


def test_a_period_end_shifted_off_the_calendar_beside_the_right_one_is_reported_where_it_is_wrong() -> None:
    """Every certification stating its period end twice or more: one mention moved three days
    earlier (a date that is no month end) is the one CL404 reports, whichever comes first."""
    import datetime as dt

    results = []
    for path in _files():
        text = path.read_text(encoding="utf-8", errors="replace")
        found = list(PERIOD.finditer(text))
        if len({m.group("date").lower() for m in found}) != 1 or len(found) < 2:
            continue
        for target in (found[0], found[-1]):
            month = MONTHS.index(target.group("month").capitalize()) + 1
            day = dt.date(int(target.group("year")), month, int(target.group("day")))
            moved = day - dt.timedelta(days=3 if day.day > 3 else 9)
            words = f"{MONTHS[moved.month - 1]} {moved.day}, {moved.year}"
            words = words.upper() if target.group("month").isupper() else words
            new = text[:target.start("date")] + words + text[target.end("date"):]
            reported = [d for d in lint_text(new, str(path)) if d.code == "CL404"]
            start = target.start("date")
            results.append(bool(reported) and all(d.offset <= start + len(words) and d.end_offset >= start
                                                  for d in reported))
    assert len(results) >= 20
    assert sum(results) / len(results) >= 0.95


_GAP = r"(?:\s|&nbsp;|&#160;|&#xa0;|<[^>]{0,200}>)+"
#: A period end as real exhibits write it, also with tags or entities between the words.
STATED = re.compile(r"(?:year|quarter|period|months|weeks)" + _GAP + r"end(?:ed|ing)" + _GAP + r"(?:on" + _GAP
                    + r")?(?P<date>(?P<month>" + "|".join(MONTHS) + r")" + _GAP + r"(?P<day>\d{1,2}),"
                    + r"(?:\s|&nbsp;|&#160;|<[^>]{0,200}>)*(?P<year>\d{4}))", re.I)


def _off_calendar(day: date) -> date:
    """A few days from `day`, in its month: a Monday to Thursday that is no month end and not
    `day`'s weekday, so it fits neither a fixed nor the filer's 52-53-week calendar."""
    for delta in (-3, -2, -4, -5, 3, 2, 4, 5):
        moved = day + timedelta(days=delta)
        last = calendar.monthrange(moved.year, moved.month)[1]
        if moved.weekday() <= 3 and moved.weekday() != day.weekday() and moved.day != last \
                and moved.month == day.month:
            return moved
    raise AssertionError(f"no date off the calendar near {day}")


def test_one_period_end_moved_off_the_fiscal_calendar_is_reported_at_that_mention_only() -> None:
    """Every real certification that states its period end: the first mention (and the last,
    when there are several) moved a few days off the calendar gets a new diagnostic there, and
    none at the mentions left right."""
    results = []
    for path in _files():
        text = path.read_text(encoding="utf-8", errors="replace")
        found = list(STATED.finditer(text))
        if not found:
            continue  # most 302 certifications name the report, not its period
        before = {(d.code, d.offset) for d in lint_text(text, str(path))}
        for target in dict.fromkeys([found[0], found[-1]]):
            month = MONTHS.index(target.group("month").capitalize()) + 1
            moved = _off_calendar(date(int(target.group("year")), month, int(target.group("day"))))
            new = text[:target.start("day")] + str(moved.day) + text[target.end("day"):]
            shift = len(str(moved.day)) - (target.end("day") - target.start("day"))
            start, end = target.start("date"), target.end("date") + shift
            found_now = [d for d in lint_text(new, str(path)) if (d.code, d.offset) not in before]
            here = [d for d in found_now if d.offset <= end and d.end_offset >= start]
            elsewhere = [d for d in found_now if d not in here and any(
                d.offset <= m.end("date") + shift and d.end_offset >= m.start("date") for m in found
                if m is not target)]
            results.append(bool(here) and not elsewhere)
    assert len(results) >= 60
    assert sum(results) / len(results) >= 0.95
