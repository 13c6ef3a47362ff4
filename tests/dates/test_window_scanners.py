"""The windows found by one pattern per kind of run are those of a scan over every run of digits,
the way `Windows` first read them (kept here as the reference), without the runs of two after "-"
that no ISO date ends with ("13a-14") and the days after a month's name that every month has."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hypothesis import example, given, settings

from certlint.analysis.dates.windows import (
    _MONTH_NAMES,
    DMY_GAP,
    DMY_REACH,
    EVERY_MONTHS_DAYS,
    ISO_REACH,
    MDY_GAP,
    MDY_REACH,
    MONTH_DAY_REACH,
    SLASHED_REACH,
    WORD_DMY_GAP,
    WORD_MDY_REACH,
    Window,
    Windows,
    back,
)
from tests.conftest import corpora_documents
from tests.dates.test_windows import texts

KINDS = ("month_first", "day_first", "word_month_first", "word_day_first", "slashed", "iso", "month_days")


def _digit_runs(text: str) -> Iterator[re.Match[str]]:
    return re.finditer(r"\d+", text)


def reference(text: str) -> dict[str, list[Window]]:
    """Each kind's windows before merging, from one pass over the runs of digits."""
    found: dict[str, list[Window]] = {kind: [] for kind in KINDS}
    (mdy_least, mdy_most), (dmy_least, dmy_most), (word_least, word_most) = MDY_GAP, DMY_GAP, WORD_DMY_GAP
    day_start = day_end = -dmy_most - 1
    for run in _digit_runs(text):
        start, end = run.span()
        length = end - start
        before = text[start - 1:start]
        if length == 4:
            gap = start - day_end
            if mdy_least <= gap <= mdy_most:
                found["month_first"].append((back(text, day_start, MDY_REACH), end + 1))
                found["word_month_first"].append((day_start - WORD_MDY_REACH, end + 1))
            if dmy_least <= gap <= dmy_most:
                found["day_first"].append((back(text, day_start, DMY_REACH), end + 1))
            if word_least <= gap <= word_most:
                found["word_day_first"].append((day_start, end + 1))
            if before == "/":
                found["slashed"].append((start - SLASHED_REACH, end + 1))
        elif length <= 2:
            if length == 2 and before == "-":
                if re.fullmatch(r"\d{4}-\d{2}-", text[max(0, start - ISO_REACH):start]):
                    found["iso"].append((start - ISO_REACH, end + 1))
            elif length == 2 and before == "/":
                found["slashed"].append((start - SLASHED_REACH, end + 1))
            elif (before.isspace() and text.endswith(_MONTH_NAMES, 0, start - 1)
                  and int(run.group()) not in EVERY_MONTHS_DAYS and text[end:end + 1] not in tuple(".,/-")):
                found["month_days"].append((start - MONTH_DAY_REACH, end + 1))
        if length <= 2:
            day_start, day_end = start, end
        else:
            day_start = day_end = -dmy_most - 1
    return found


def _same_windows(text: str) -> None:
    from certlint.analysis.dates.windows import merge

    windows = Windows(text)
    expected = {kind: merge(spans, len(text)) for kind, spans in reference(text).items()}
    assert {kind: getattr(windows, kind) for kind in KINDS} == expected


@settings(max_examples=600, deadline=None)
@given(text=texts)
@example("12/31/2004 and 03/29/04, 13a-14-15, 2004-03-29 and April 31 and APRIL 3")
@example("on 1 2 2004, 12 123 2004, 1" + "x" * 22 + "2004 and 1" + "x" * 23 + "2004 and 1/2004")
@example("March \u0662\u0669, \u0662\u0660\u0660\u0664 \u2019 and May\u00a05, 12345 2004")
@example("2004-03-29, 2005 and 04-03-29, 2004-3-29 2004-03-2 and 12004-03-29 and April 29, 0, 30, 31 April 31. April 31/ April 31- April 30 2004 April 31")
@example("April\x8531, JUNE\x1c31 and May\xa031 \xb2 1\xb3 2004, 1\xb92004 \xe9")
def test_the_scanners_find_the_windows_of_every_run(text: str) -> None:
    _same_windows(text)


def test_the_byte_table_reads_digits_and_spaces_as_the_patterns_do() -> None:
    from certlint.analysis.dates.windows import _digits_as_zeros

    table = _digits_as_zeros()
    for code in range(256):
        char = chr(code)
        expected = "0" if re.fullmatch(r"\d", char) else " " if re.fullmatch(r"\s", char) else char
        assert chr(table[code]) == expected


def test_a_day_then_a_run_of_three_is_no_year() -> None:
    assert Windows("on 12, 123 2004").month_first == []
    assert Windows("on 12, 2004").month_first == [(0, 11)]


def test_the_real_corpora() -> None:
    count = 0
    for doc in corpora_documents():
        _same_windows(doc.prose.text)
        _same_windows(doc.source)
        count += 1
    assert count > 100
