"""Where a pattern can match: short stretches of a text around its digits or around a literal.

Every date pattern's match ends with a run of digits (a year, a day) and a character its
lookahead reads, and starts within a known reach before that run. Running the patterns only in
windows around such runs finds exactly what a scan of the whole text finds, in the same order,
without reading the text between dates (most of a certification). A pattern whose matches all
start with a literal ("Form") and are at most so long is run only where the literal stands.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterator

_SPACE_RUN = re.compile(r"\s\s")
#: What a `\b` before a word character, and a `(?<![\w-])`, cannot follow (`around_word`).
WORD = re.compile(r"\w")
WORD_OR_DASH = re.compile(r"[\w-]")

# How far before its last run of digits a match of each pattern of `extract` can start.
SLASHED_REACH = 6  # "12/31/" before "2004"
ISO_REACH = 8  # "2004-03-" before "29"
MONTH_DAY_REACH = 10  # "September " before "31"
#: The days every month has: `_MONTH_DAY` reads only the others ("April 31"), the rest of its
#: matches make no date, so their runs open no window.
EVERY_MONTHS_DAYS = range(1, 29)
#: What stands before the day of an ISO date ("2004-03-" before "29"): a run of two digits after
#: "-" without it ("13a-14") opens no window.
_ISO_HEAD = re.compile(r"\d{4}-\d{2}-")
# A named date ("March 29, 2004", "the 29th day of March, 2004", "Feburary 1, 2005") ends with a
# run of four digits, its year, after the run of one or two before it, its day: in `_MDY` and
# `_WORD_MDY` 1 to 5 characters after the day's run ("th , ", ","), in `_DMY` 4 to 22 ("th day of
# september., ", " may"), in `_WORD_DMY` 5 to 15 ("th Septembbrs, ", " Jnue"). It starts at most
# so far before the day's run, in characters, a run of whitespace counting as one (`_WEEKDAY`'s
# "\s+" is the only unbounded part of a match): "Wednesday, september. " in `_MDY`, "Wednesday,
# the " in `_DMY`, "Septembber. " in `_WORD_MDY` and nothing in `_WORD_DMY`.
MDY_GAP, DMY_GAP, WORD_DMY_GAP = (1, 5), (4, 22), (5, 15)
MDY_REACH, DMY_REACH, WORD_MDY_REACH = 22, 15, 12

Window = tuple[int, int]

#: The month names `_MONTH_DAY` reads ("April", "APRIL").
_MONTH_NAMES = (*calendar.month_name[1:], *(name.upper() for name in calendar.month_name[1:]))


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


def around_word(text: str, haystack: str | None, literal: str, length: int,
                cannot_follow: re.Pattern[str]) -> list[Window]:
    """`around`, for a pattern whose matches open with `literal` after none of the characters
    `cannot_follow` matches (its `\\b` or lookbehind: `WORD`, `WORD_OR_DASH`): the places of the
    literal after such a character are left out ("information" for "form", "certify" for "fy")."""
    if haystack is None:
        return [(0, len(text))]
    windows: list[Window] = []
    at = haystack.find(literal)
    while at >= 0:
        if at == 0 or cannot_follow.match(text, at - 1) is None:
            windows.append((at, at + length + 1))
        at = haystack.find(literal, at + 1)
    return merge(windows, len(text))


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
    if len(windows) < 2:  # most lists of a document: nothing to sort or merge
        return [(max(0, start), min(size, end)) for start, end in windows]
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

    A window runs from the pattern's reach before a run of digits (or before the day before a
    year) to one character past the run (a lookbehind still reads the character before a
    window: `finditer`'s `pos` hides nothing). A window's end loses nothing and adds nothing: a
    match inside it ends at a run of digits, its lookahead reads at most the window's last
    character, and that character (the one after a run) is not a digit, so the shortened text
    cannot end a match there either.
    """

    def __init__(self, text: str, *, everywhere: bool = False) -> None:
        if everywhere:
            whole = [(0, len(text))]
            self.month_first = self.day_first = self.word_month_first = self.word_day_first = whole
            self.slashed = self.iso = self.month_days = whole
            return
        month_first: list[Window] = []
        day_first: list[Window] = []
        word_month_first: list[Window] = []
        word_day_first: list[Window] = []
        slashed: list[Window] = []
        iso: list[Window] = []
        month_days: list[Window] = []
        (mdy_least, mdy_most), (dmy_least, dmy_most), (word_least, word_most) = MDY_GAP, DMY_GAP, WORD_DMY_GAP
        # Only the runs that open a window, found at C speed (most runs of a certification,
        # "13a-14", "Section 906", open none): a run and what its length and the text before
        # it call for, as a pass over every run would take each.
        for run in _runs(text):
            start = run.start()
            kind = run.lastgroup
            if kind == "named":  # a day's run, then a year's: the day's run is a short run too
                end, year = run.end("day"), run.end() - 4
                gap = year - end
                if mdy_least <= gap <= mdy_most:
                    month_first.append((back(text, start, MDY_REACH), year + 5))
                    word_month_first.append((start - WORD_MDY_REACH, year + 5))
                if dmy_least <= gap <= dmy_most:
                    day_first.append((back(text, start, DMY_REACH), year + 5))
                if word_least <= gap <= word_most:
                    word_day_first.append((start, year + 5))
                if text[year - 1] == "/":  # "3/29/2004"
                    slashed.append((year - SLASHED_REACH, year + 5))
                before = text[start - 1:start]
                if end - start == 2 and before == "-" and _ISO_HEAD.fullmatch(text, start - ISO_REACH, start):
                    kind = "iso"
                elif end - start == 2 and before == "/":
                    kind = "slashed"
                elif (before.isspace() and text[end] not in ".,/-"
                      and text.endswith(_MONTH_NAMES, 0, start - 1)):
                    kind = "month_day"
                else:
                    continue
            else:
                end = run.end()
            if kind == "iso":  # "2004-03-29": a day of two digits after "-"
                iso.append((start - ISO_REACH, end + 1))
            elif kind == "slashed":  # "03/29/04", "3/29/2004": a year of two or four after "/"
                slashed.append((start - SLASHED_REACH, end + 1))
            elif int(text[start:end]) not in EVERY_MONTHS_DAYS:  # "April 31"
                month_days.append((start - MONTH_DAY_REACH, end + 1))
        size = len(text)
        #: `_MDY` ("Tuesday, March 29, 2004"), `_DMY` ("the 29th day of March, 2004") and the
        #: misspelled months' `_WORD_MDY` ("Feburary 1, 2005") and `_WORD_DMY` ("1 Feburary 2005").
        self.month_first = merge(month_first, size)
        self.day_first = merge(day_first, size)
        self.word_month_first = merge(word_month_first, size)
        self.word_day_first = merge(word_day_first, size)
        self.slashed = merge(slashed, size)
        self.iso = merge(iso, size)
        self.month_days = merge(month_days, size)

    @classmethod
    def everywhere(cls, text: str) -> Windows:
        """One window, the whole text, for every pattern: the scan the windows replace."""
        return cls(text, everywhere=True)


def _runs(text: str) -> Iterator[re.Match[str]] | Iterator[re.Match[bytes]]:
    """The runs of digits of a text that open windows (`_run_pattern`), with their positions in
    the text. A text of Latin-1 (nearly all) is scanned as its bytes with every decimal digit
    made "0" and every whitespace character " " (`_digits_as_zeros`): a pattern that opens with
    a literal is searched for it at C speed, one that opens with a class tests each character."""
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        return _run_pattern(r"\d", r"\D", r"\s").finditer(text)
    return _byte_run_pattern().finditer(data.translate(_digits_as_zeros()))


@functools.cache
def _run_pattern(digit: str, other: str, space: str) -> re.Pattern[str]:
    """The runs of digits that open windows, each from its first digit: `named`, a run of one or
    two (a day) and the next run, of four (a year), at most the widest gap after it; `iso`, a run
    of two after `_ISO_HEAD`; `slashed`, a run of four or two after "/"; `month_day`, a run of
    one or two after a full month name and one whitespace character, before none of the
    characters `_MONTH_DAY` cannot be followed by (".,/-"). The names are tested for their last
    letter first: 24 names tried at each run take longer than the rest of the scan."""
    gap = max(MDY_GAP[1], DMY_GAP[1], WORD_DMY_GAP[1])
    last = "".join(sorted({name[-1] for name in _MONTH_NAMES}))
    months = "|".join(rf"(?<={name}{space}{digit})" for name in _MONTH_NAMES)
    return re.compile(
        rf"{digit}(?<!{digit}{digit})(?:"
        rf"(?P<named>(?P<day>{digit}?)(?!{digit}){other}{{1,{gap}}}{digit}{{4}}(?!{digit}))"
        rf"|(?P<iso>(?<={digit}{{4}}-{digit}{{2}}-{digit}){digit}(?!{digit}))"
        rf"|(?P<slashed>(?<=/{digit})(?:{digit}{{3}}|{digit})(?!{digit}))"
        rf"|(?P<month_day>(?<=[{last}]{space}{digit})(?:{months}){digit}?(?!{digit})(?![.,/-])))")


@functools.cache
def _byte_run_pattern() -> re.Pattern[bytes]:
    """`_run_pattern` for the bytes of `_digits_as_zeros`."""
    return re.compile(_run_pattern("0", "[^0]", " ").pattern.encode("ascii"))


@functools.cache
def _digits_as_zeros() -> bytes:
    """A `bytes.translate` table for Latin-1: each decimal digit (`\\d`: 0-9 only) to "0", each
    whitespace character (`\\s`, `str.isspace`: " ", "\\xa0", "\\x85" ...) to " ", the rest as is."""
    return bytes(ord("0") if chr(code).isdecimal() else ord(" ") if chr(code).isspace() else code
                 for code in range(256))


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
