"""Find dates in the prose view, with exact spans: prose, numeric, impossible and misspelled ones.

Works on `Prose.text`, where whitespace (line breaks, NBSP, `&nbsp;`) is already one space, so
"February&nbsp;1, 2025" and "December 19,<newline>2002" read as ordinary dates. A date whose
day does not exist ("February 30, 2005", "April 31") is kept with `value=None` and a `problem`,
so that it is reported where it stands rather than silently skipped.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Iterable
from datetime import date

from msgspec import Struct

from certlint.analysis.dates.windows import Windows, matches_in
from certlint.analysis.edits import neighbourhood

MONTH_NAMES = tuple(calendar.month_name[i] for i in range(1, 13))
WEEKDAY_NAMES = tuple(calendar.day_name[i] for i in range(7))  # Monday first, as date.weekday()

_LOWER_MONTH_NAMES = tuple(name.lower() for name in MONTH_NAMES)
_MONTH_NUMBERS: dict[str, int] = {name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)}
_MONTH_NUMBERS.update({name.lower()[:3]: i for i, name in enumerate(MONTH_NAMES, 1)})
_MONTH_NUMBERS["sept"] = 9
_WEEKDAY_NUMBERS = {name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)}
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February of a common year

#: A month as written: its name or abbreviation, perhaps with a period ("Sept.", "NOVEMBER").
_MONTH_WORD = (r"(?:january|february|march|april|may|june|july|august|september|october|"
               r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![a-z])\.?")
_MONTH = rf"(?P<month>{_MONTH_WORD})"
_WEEKDAY = r"(?:(?P<weekday>(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})(?![\d-])"
_SEP = r"(?:\s?,\s?|\s)"

# "November 29, 2003", "Nov. 29 2003", "Tuesday, March 29, 2004"
_MDY = re.compile(rf"(?<![\w-]){_WEEKDAY}{_MONTH}\s?{_DAY}(?!\d){_SEP}{_YEAR}", re.I)
# "20 November 2018", "the 29th day of March, 2004", "30th of June, 2004"
_DMY = re.compile(rf"(?<![\w./$-]){_WEEKDAY}(?:the\s)?{_DAY}\s(?:day\s)?(?:of\s)?{_MONTH},?\s?{_YEAR}", re.I)
# "3/29/2004", "03/29/04"
_SLASHED = re.compile(r"(?<![\w./-])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\w/])")
# "2004-03-29"
_ISO = re.compile(r"(?<![\w./-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])")
# A full month name and a day with no year: only to catch "April 31" (capitalised, so "may 2" is not one).
_MONTH_DAY = re.compile(r"(?<![\w-])(?P<month>" + "|".join(MONTH_NAMES) + "|"
                        + "|".join(m.upper() for m in MONTH_NAMES) + r")\s(?P<day>\d{1,2})(?![\d.,/-])")
# A word in the month's place: "Feburary 1, 2005", "20 Novmber 2018".
_WORD_MDY = re.compile(rf"(?<![\w-])(?P<word>[a-z]{{4,10}})\.?\s?{_DAY}(?!\d){_SEP}{_YEAR}", re.I)
_WORD_DMY = re.compile(rf"(?<![\w./$-]){_DAY}\s(?P<word>[a-z]{{4,10}}),?\s?{_YEAR}", re.I)
# A line of a signature block that holds a date and nothing else: "Date: May 2, 2025",
# "Dated: 2 May", "5/2/25", a "Date:" label alone, or the year of a date broken over two lines
# ("May 2," then "2025").
_LINE_DATE = (rf"(?:{_MONTH_WORD}\s+\d{{1,2}},?(?:\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH_WORD}(?:\s+\d{{4}})?"
              r"|\d{1,2}/\d{1,2}/\d{2,4})")
_DATE_LINE = re.compile(rf"^(?:dated?\s*:?\s*)?{_LINE_DATE}?\s*$|^\d{{4}}$", re.I)
#: What a line that is not blank and `_DATE_LINE` matches starts with, but a digit: the first
#: letter of "dated" or of a month, in either case (or "\u017f", an "s" to `re.IGNORECASE`).
_DATE_LINE_STARTS = frozenset("dDjJfFmMaAsSoOnN\u017f")


class Span(Struct, frozen=True):
    """A [start, end) span of prose text."""

    start: int
    end: int


class DateMention(Struct, frozen=True):
    """A date found in the prose: its span, its value (None when impossible) and what is odd about it."""

    start: int
    end: int
    text: str
    value: date | None
    #: Why the date cannot exist ("February 2005 has 28 days"), or None.
    problem: str | None = None
    #: The weekday written before it ("Tuesday, March 29, 2004"): span and number (Monday=0).
    weekday: tuple[Span, int] | None = None
    #: A misspelled month name: its span and the month meant.
    misspelled: tuple[Span, str] | None = None
    #: Where the whole expression starts, with its weekday or "the" ("the 29th day of ...").
    lead: int | None = None

    @property
    def begin(self) -> int:
        """Start of the whole expression: what a label ("ended", "Date:") stands before."""
        return self.start if self.lead is None else self.lead


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation ("Sept.", "NOVEMBER"), else None."""
    return _MONTH_NUMBERS.get(word.lower().rstrip("."))


def weekday_number(word: str) -> int | None:
    """0-6 (Monday=0) for a weekday name, else None."""
    return _WEEKDAY_NUMBERS.get(word.lower())


def make_date(year: int, month: int, day: int) -> tuple[date | None, str | None]:
    """The date, or None and the reason it does not exist."""
    if not 1 <= day <= 31:
        return None, f"there is no day {day}"
    # `calendar.monthrange`'s number of days, without the weekday it works out too.
    last = 29 if month == 2 and calendar.isleap(year) else _DAYS_IN_MONTH[month]
    if day > last:
        name = calendar.month_name[month]
        if month == 2 and day == 29:
            return None, f"{year} is not a leap year"
        return None, f"{name} has {last} days" if month != 2 else f"February {year} has {last} days"
    return date(year, month, day), None


def is_date_line(text: str) -> bool:
    """Whether a line of a signature block is a date line (see `_DATE_LINE`); not a blank one.
    Most lines are ruled out by their first character (the pattern tries every month there)."""
    first = text[:1]
    if first not in _DATE_LINE_STARTS and not first.isdecimal():
        return False
    return bool(text.strip()) and _DATE_LINE.match(text) is not None


def closest_month(word: str) -> str | None:
    """The month a misspelled word stands for ("Feburary" -> "February"), or None.

    One edit (two for long words), same first letter; four-letter words only as anagrams
    ("Jnue"), so that names like "Mary" or "Jane" are not taken for months.
    """
    lower = word.lower()
    if month_number(lower) is not None:
        return None
    if len(lower) != 4 and not neighbourhood(_LOWER_MONTH_NAMES, 2).may_be_near(lower):
        return None  # (four-letter words are compared as anagrams, without edits)
    from rapidfuzz.distance import OSA

    for name in MONTH_NAMES:
        target = name.lower()
        if lower[0] != target[0]:
            continue
        if len(lower) == 4:
            if len(target) == 4 and sorted(lower) == sorted(target):
                return name
            continue
        limit = 2 if len(lower) >= 8 and len(target) >= 8 else 1
        if OSA.distance(lower, target) <= limit:
            return name
    return None


def _year_ok(year: int) -> bool:
    return 1900 <= year <= 2199


def _weekday(match: re.Match[str]) -> tuple[Span, int] | None:
    if match.group("weekday") is None:
        return None
    number = weekday_number(match.group("weekday"))
    assert number is not None
    return Span(match.start("weekday"), match.end("weekday")), number


def _named(match: re.Match[str], text: str) -> DateMention | None:
    year, day = int(match.group("year")), int(match.group("day"))
    month = month_number(match.group("month"))
    if month is None or not _year_ok(year):
        return None
    value, problem = make_date(year, month, day)
    start = min(match.start("day"), match.start("month"))  # after a weekday and "the"
    return DateMention(start, match.end(), text[start:match.end()], value, problem, _weekday(match),
                       lead=match.start())


def _numeric(match: re.Match[str], text: str) -> DateMention | None:
    year, month, day = int(match.group("y")), int(match.group("m")), int(match.group("d"))
    if len(match.group("y")) == 2:
        year += 2000 if year < 70 else 1900
    if not (1 <= month <= 12 and 1 <= day <= 31 and _year_ok(year)):
        return None
    value, problem = make_date(year, month, day)
    return DateMention(match.start(), match.end(), match.group(), value, problem)


def _misspelled(match: re.Match[str], text: str) -> DateMention | None:
    word = match.group("word")
    intended = closest_month(word)
    year, day = int(match.group("year")), int(match.group("day"))
    if intended is None or not _year_ok(year) or not 1 <= day <= 31:
        return None
    month = MONTH_NAMES.index(intended) + 1
    value, problem = make_date(year, month, day)
    weekday = _weekday(match) if "weekday" in match.re.groupindex else None
    start = min(match.start("day"), match.start("word"))
    return DateMention(start, match.end(), text[start:match.end()], value, problem, weekday,
                       (Span(match.start("word"), match.end("word")), intended), lead=match.start())


def _month_day(match: re.Match[str], text: str) -> DateMention | None:
    month = month_number(match.group("month"))
    assert month is not None
    _, problem = make_date(2000, month, int(match.group("day")))  # 2000: a leap year
    if problem is None:
        return None
    return DateMention(match.start(), match.end(), match.group(), None, problem)


def find_dates(text: str, windows: Windows | None = None) -> list[DateMention]:
    """Every date in a prose text, in order; overlapping candidates keep the first found.

    Each pattern runs only in the windows of `text` where one of its matches can be (`Windows`,
    computed here unless given); `Windows.everywhere` runs every pattern over the whole text,
    the reference the windows must agree with (the same matches, so the same dates and order).
    """
    spans = windows or Windows(text)
    found: list[DateMention] = []
    taken = _Taken()
    for pattern, where, read in ((_MDY, spans.month_first, _named), (_DMY, spans.day_first, _named),
                                 (_SLASHED, spans.slashed, _numeric), (_ISO, spans.iso, _numeric),
                                 (_WORD_MDY, spans.word_month_first, _misspelled),
                                 (_WORD_DMY, spans.word_day_first, _misspelled),
                                 (_MONTH_DAY, spans.month_days, _month_day)):
        if where:  # (most of a document's lists are empty)
            taken.add(found, ((read(m, text), m.span()) for m in matches_in(pattern, text, where)))
    return sorted(found, key=lambda m: m.start)


class _Taken:
    """The spans of the dates kept so far, sorted and disjoint, so that a candidate's overlap is
    one bisection (checking each against all the earlier ones made many dates quadratic)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, found: list[DateMention],
            candidates: Iterable[tuple[DateMention | None, tuple[int, int]]]) -> None:
        """Keep each candidate of one pattern that overlaps no kept span. One pattern's matches
        never overlap each other, so they are merged in once the pattern is done."""
        new: list[tuple[int, int]] = []
        for mention, (start, end) in candidates:
            if mention is None or self._overlaps(start, end):
                continue
            found.append(mention)
            new.append((start, end))
        if new:
            spans = sorted([*zip(self._starts, self._ends, strict=True), *new])
            self._starts = [s for s, _ in spans]
            self._ends = [e for _, e in spans]

    def _overlaps(self, start: int, end: int) -> bool:
        # Disjoint spans sorted by start are sorted by end too: only the last one starting
        # before `end` can reach past `start`.
        index = bisect.bisect_left(self._starts, end) - 1
        return index >= 0 and self._ends[index] > start
