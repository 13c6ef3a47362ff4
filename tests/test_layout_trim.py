"""A signature line's markup trimming: the quick return for a line that starts and ends with a
letter or digit, and the run at the end taken piece by piece, give what the two markup searches
give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.analysis.signatures.layout import _MARKUP_HEAD, _trim

#: The run of markup at the end of a line, searched for whole.
_MARKUP_TAIL = re.compile(r"(?:\s|\*|_|\||&nbsp;?|</?(?:u|b|i|strong|em)>)+$", re.IGNORECASE)

PIECES = ["a", "Z", "9", "Ⅻ", "é", " ", "\u00a0", "\x1c", "\t", "*", "_", "|", "&nbsp", "&NBSP;", "&nbsp;",
          "&nbſp", "p", "P", "<b>", "</U>", "<ı>", "<strong>", "- ---", "===", "=", ":", "-", "x&nbsp", "ı", "ſ",
          ")", "(", ".", ",", ";", ">", "<", "&", "/s/", "</strong>", "<EM>", "</em>", "/", "nbsp;", "\n",
          "strong>"]
LINES = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


def _searched(text: str, start: int) -> tuple[str, int]:
    """The trimming by the two searches alone."""
    head = _MARKUP_HEAD.match(text)
    cut = head.end() if head else 0
    tail = _MARKUP_TAIL.search(text, cut)
    end = tail.start() if tail else len(text)
    return text[cut:end], start + cut


@settings(max_examples=3000, deadline=None)
@given(text=LINES, start=st.integers(0, 50))
def test_the_quick_return_trims_as_the_searches_do(text: str, start: int) -> None:
    assert _trim(text, start) == _searched(text, start)


def test_markup_is_trimmed() -> None:
    assert _trim("<b>Chief Executive Officer</b>", 10) == ("Chief Executive Officer", 13)
    assert _trim("Jane Doe&nbsp", 0) == ("Jane Doe", 0)
    assert _trim("Jane Doe", 4) == ("Jane Doe", 4)
