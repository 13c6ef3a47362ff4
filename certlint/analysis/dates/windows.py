"""Where a pattern can match: short stretches of a text around its digits or around a literal.

Every date pattern's match ends with a run of digits (a year, a day) and a character its
lookahead reads, and starts within a known reach before that run. Running the patterns only in
windows around such runs finds exactly what a scan of the whole text finds, in the same order,
without reading the text between dates (most of a certification). A pattern whose matches all
start with a literal ("Form") and are at most so long is run only where the literal stands.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from certlint.analysis.views import odd_letters_in

# Not r"\d+": a pattern that opens with a class (not a repeat) is scanned for that class in C.
_DIGITS = re.compile(r"\d\d*")
_SPACE_RUN = re.compile(r"\s\s")

# How far before its last run of digits a match of each pattern of `extract` can start, in
# characters, a run of whitespace counting as one (`_WEEKDAY`'s "\s+" is the only unbounded
# part of a match): "Wednesday, the 29th day of september., " is 39 before the year in `_DMY`,
# "Wednesday, september. 29th, " 29 in `_MDY`, 19 and 17 in `_WORD_MDY` and `_WORD_DMY`.
YEAR_REACH = 40
SLASHED_REACH = 6  # "12/31/" before "2004"
ISO_REACH = 8  # "2004-03-" before "29"
MONTH_DAY_REACH = 10  # "September " before "31"
DAY_YEAR_REACH = 17  # "31st Septmber, " before "2004" (`_DAY_YEAR`, which has no lookaround)
# How far before its month's name a match of `_MDY` and of `_DMY` can start: "Wednesday, " and
# "Wednesday, the 29th day of ".
WEEKDAY_REACH = 11
DAY_OF_REACH = 27

Window = tuple[int, int]

#: The last letters of the month names `_MONTH_DAY` reads ("April", "APRIL"): the character
#: before the space before its day is one of them.
_MONTH_ENDS = frozenset(name[-1] for name in calendar.month_name[1:]) \
    | frozenset(name[-1].upper() for name in calendar.month_name[1:])
#: What every month's name or abbreviation (`extract._MONTH_WORD`) starts with, in lowercase.
_MONTH_LETTERS = re.compile("jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")


def matches_in(pattern: re.Pattern[str], text: str, windows: list[Window]) -> Iterator[re.Match[str]]:
    """The matches of `pattern` in each window, in order: `finditer` with `pos` and `endpos`."""
    for start, end in windows:
        yield from pattern.finditer(text, start, end)


def around(haystack: str | None, literal: str, length: int, size: int) -> list[Window]:
    """Windows for a pattern whose every match starts with `literal` and is at most `length`
    long: from each place of the literal in `haystack` (the text, or its lowercase view for a
    case-insensitive pattern) to one character past the longest match, which its lookahead or
    `\\b` may read. Without a haystack (`views.lowered` gives none), the whole text of `size`."""
    if haystack is None:
        return [(0, size)]
    windows: list[Window] = []
    at = haystack.find(literal)
    while at >= 0:
        windows.append((at, at + length + 1))
        at = haystack.find(literal, at + 1)
    return merge(windows, size)


def first_place(low: str | None, odd: str, literals: tuple[tuple[str, int], ...], start: int,
                end: int) -> int | None:
    """Where in [start, end) a match can first start of a pattern whose every match holds one of
    `literals` (lowercase, each with how far after the match's start it can stand), in a text
    whose lowercase view is `low` (`views.lowered`) and whose letters other than their lowercase
    that `re.IGNORECASE` takes for ASCII ones are `odd` (`views.odd_letters`).

    None when no literal stands there: the pattern cannot match. `start` when a literal test
    cannot tell (no lowercase view, or a literal with a letter that one of `odd` may stand for).
    """
    if low is None or (odd and any(letter in literal for literal, _ in literals for letter in odd)):
        return start
    first = None
    for literal, reach in literals:
        at = low.find(literal, start, end)
        if at >= 0 and (first is None or at - reach < first):
            first = at - reach
    return None if first is None else max(start, first)


def merge(windows: list[Window], size: int) -> list[Window]:
    """The windows in order, clipped to a text of `size`, those that meet merged."""
    merged: list[Window] = []
    for start, end in sorted(windows):
        start, end = max(0, start), min(size, end)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


class Windows:
    """The windows of one text, for each kind of date pattern, in order and disjoint.

    A window runs from the pattern's reach before a run of digits to one character past the
    run (a lookbehind still reads the character before a window: `finditer`'s `pos` hides
    nothing). A window's end loses nothing and adds nothing: a match inside it ends at a run of
    digits, its lookahead reads at most the window's last character, and that character (the
    one after a run) is not a digit, so the shortened text cannot end a match there either.

    `low` is the text's lowercase view (`views.lowered`), computed here when not given.
    """

    def __init__(self, text: str, low: str | None = None, *, everywhere: bool = False) -> None:
        self._text = text
        if everywhere:
            self.years = self.slashed = self.iso = self.month_days = self.day_years = [(0, len(text))]
            self.month_first = self.day_first = self.years
            return
        years: list[Window] = []
        slashed: list[Window] = []
        iso: list[Window] = []
        month_days: list[Window] = []
        day_years: list[Window] = []
        # One pass over the runs of digits, each run to the windows its length and the
        # character before it call for (most runs are in none).
        for run in _DIGITS.finditer(text):
            start, end = run.span()
            length = end - start
            before = text[start - 1:start]
            if length <= 2:
                if length == 2 and before == "-":  # "2004-03-29": a day of two digits after "-"
                    iso.append((start - ISO_REACH, end + 1))
                elif length == 2 and before == "/":  # "03/29/04": a year of two digits after "/"
                    slashed.append((start - SLASHED_REACH, end + 1))
                elif before.isspace() and text[start - 2:start - 1] in _MONTH_ENDS:
                    # "April 31": a day after whitespace after a month's last letter.
                    month_days.append((start - MONTH_DAY_REACH, end + 1))
            elif length >= 4:
                #: A `_DAY_YEAR` match ends four digits into a run of four or more.
                day_years.append((start - DAY_YEAR_REACH, start + 4))
                if length == 4:
                    #: A year of four digits ends the named patterns' matches ("March 29, 2004").
                    years.append((back(text, start, YEAR_REACH), end + 1))
                    if before == "/":  # "3/29/2004"
                        slashed.append((start - SLASHED_REACH, end + 1))
        size = len(text)
        self.years = merge(years, size)
        self.slashed = merge(slashed, size)
        self.iso = merge(iso, size)
        self.month_days = merge(month_days, size)
        self.day_years = merge(day_years, size)
        #: The year windows that hold a month's name, from where a match naming it can start:
        #: for `_MDY` ("Tuesday, March 29, 2004") and `_DMY` ("the 29th day of March, 2004").
        months = self._months(low)
        self.month_first = self._from_month(months, WEEKDAY_REACH)
        self.day_first = self._from_month(months, DAY_OF_REACH)

    @classmethod
    def everywhere(cls, text: str) -> Windows:
        """One window, the whole text, for every pattern: the scan the windows replace."""
        return cls(text, everywhere=True)

    def _months(self, low: str | None) -> list[tuple[Window, int]] | None:
        """The year windows whose lowercase text holds a month's first three letters (every
        month's name and abbreviation starts with them), each with where they first stand.

        None, every window then counting, without a lowercase view offset for offset, or in a
        text with a letter that `re.IGNORECASE` takes for one of a month's ("\u017f" for "s")."""
        text = self._text
        if low is None:
            low = text.lower()
        if len(low) != len(text) or odd_letters_in(text):
            return None
        found = []
        for start, end in self.years:
            month = _MONTH_LETTERS.search(low, start, end)
            if month is not None:
                found.append(((start, end), month.start()))
        return found

    def _from_month(self, months: list[tuple[Window, int]] | None, reach: int) -> list[Window]:
        """The windows of `_months`, each from `reach` before its month (a match naming a month
        starts at most `reach` before the month's name, which is at or after the first one)."""
        if months is None:
            return self.years
        return [(max(start, back(self._text, month, reach)), end) for (start, end), month in months]


def back(text: str, end: int, units: int) -> int:
    """Where the `units` characters before `end` start, a run of whitespace counting as one (and
    taken whole): a match of a pattern whose `\\s` may take a run starts there at the earliest."""
    start = max(0, end - units)
    if _SPACE_RUN.search(text, max(0, start - 1), end) is None:
        return start  # no run of whitespace: one character is one unit
    start = end
    while units and start:
        start -= 1
        while start and text[start].isspace() and text[start - 1].isspace():
            start -= 1
        units -= 1
    return start
