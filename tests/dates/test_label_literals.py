"""The label patterns before a date run only from where one of their literals first stands: the
same period ends and certification dates as a search of the whole stretch before each date."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from certlint.analysis.dates import labels, roles
from certlint.analysis.dates.extract import find_dates
from certlint.analysis.dates.windows import first_place
from certlint.analysis.views import lowered, odd_letters
from certlint.document import read_documents
from certlint.document.prose import Prose
from tests.conftest import corpora_documents

LABELS = ["for the fiscal year ended", "FOR THE FINANCIAL FIFTY-THREE WEEKS THEN ENDED", "quarterly period ending",
          "three months ended on", "52 weeks ended", "as of", "AS OF", "a\u017f of", "dated as of", "date as of",
          "Date:", "Dated:", "Date", "date signed", "Dated as of:", "Signed this", "\u017figned on", "s\u0131gned",
          "Executed on:", "EXECUTED as of", "the Evaluation Date:", "the record date:", "| Date: |", "/s/ Jane Doe",
          "weekend", "endorsed", "of", "officer", "designed", "Undersigned", "updated", "\u0130"]
DATES = ["March 29, 2004", "December 31, 2003", "29th day of March, 2004", "3/29/2004", "2004-03-29"]
GAPS = ["", " ", "  ", "\n", " | ", "*", "_", ", ", ". ", "\n\n", "x" * 30]

pieces = st.sampled_from(LABELS) | st.sampled_from(DATES) | st.sampled_from(GAPS)
texts = st.lists(st.tuples(pieces, st.sampled_from(GAPS)), max_size=14).map(
    lambda parts: "".join(piece + gap for piece, gap in parts))


def _roles(prose: Prose, low: str | None, odd: str) -> list[tuple[object, bool]]:
    """Each dated mention's period end and whether it is a certification date."""
    visible: dict[int, int] = {}
    heads: dict[int, tuple[int, int]] = {}
    return [(labels.period_end(prose, m, visible, low), labels.is_certification_date(prose, m, heads, low, odd))
            for m in find_dates(prose.text) if m.value is not None]


def _same(text: str, markdown: bool = False) -> None:
    prose = read_documents("doc.md" if markdown else "doc.txt", text=text)[0].prose
    # Without a lowercase view every label pattern searches its whole stretch: the reference.
    assert _roles(prose, lowered(prose), odd_letters(prose)) == _roles(prose, None, "")


@settings(max_examples=800, deadline=None)
@given(text=texts, markdown=st.booleans())
@example(text="for the financial fifty-three weeks then ended December 31, 2004", markdown=False)
@example(text="Signed this 29th day of March, 2004", markdown=False)
@example(text="a\u017f of March 29, 2004 and \u017figned on March 30, 2004", markdown=False)
def test_the_literals_keep_every_label(text: str, markdown: bool) -> None:
    _same(text, markdown)


@pytest.mark.parametrize(("before", "label"), [
    ("FOR THE FINANCIAL FIFTY-THREE WEEKS THEN ENDED", "FINANCIAL FIFTY-THREE WEEKS THEN ENDED"),
    ("for the financial transition period then ended", "financial transition period then ended"),
    ("as of", "as of"),
])
def test_the_longest_labels_are_whole(before: str, label: str) -> None:
    """A label starts at most `_BEFORE_END` before its "end": a shorter reach would cut these."""
    text = "x" * 80 + " " + before + " December 31, 2004"
    prose = read_documents("doc.txt", text=text)[0].prose
    (period,) = roles.analyse(prose).period_ends
    assert text[period.label.start:period.label.end] == label


TAILS = ["ended", "ENDING", "ended on", "ending on", "as of", "AS OF", "ended,", "ending on, ", "as of, ",
         "ending on,\n", "as of,\n", "ended\n", "ended  ", "then ended", "weekend", "of", "ending on ,",
         "a\u017f of", "year ", "fifty-three weeks ", "financial ", "nine months ", "\n", " ", "x"]
tails = st.lists(st.sampled_from(TAILS), max_size=6).map("".join)


@settings(max_examples=1500, deadline=None)
@given(text=tails, cut=st.integers(min_value=0, max_value=80))
@example(text="for the financial fifty-three weeks then ending on,\n", cut=0)
@example(text="as of,\n", cut=0)
@example(text="three months ending on, \n", cut=0)  # the longest tails: "end" 12 before the end
@example(text="as of, \n", cut=0)  # and "of" 5
def test_the_period_label_is_the_stretch_search(text: str, cut: int) -> None:
    """`_period_label` finds what `_PERIOD_LABEL` finds searching the stretch, cut anywhere."""
    start = min(cut, len(text))
    expected = labels._PERIOD_LABEL.search(text, start, len(text))
    found = labels._period_label(text, text.lower(), start, len(text))
    assert (found and found.span("label")) == (expected and expected.span("label"))


def test_a_literal_test_cannot_tell_for_an_odd_letter() -> None:
    literals = (("signed", 0), ("executed", 0))
    assert first_place("signed", "", literals, 0, 6) == 0
    assert first_place("x \u017figned", "s", literals, 0, 8) == 0  # "\u017f" may be the "s" of "signed"
    assert first_place("x \u017figned", "", literals, 0, 8) is None
    assert first_place(None, "", literals, 3, 8) == 3
    assert first_place("an officer ended", "", (("end", 5), ("of", 3)), 0, 16) == 0  # "of" at 3, less 3
    assert first_place("an officer ended", "", (("end", 5),), 0, 16) == 6


def test_the_real_corpora() -> None:
    count = 0
    for doc in corpora_documents():
        prose = doc.prose
        assert _roles(prose, lowered(prose), odd_letters(prose)) == _roles(prose, None, "")
        count += 1
    assert count > 100
