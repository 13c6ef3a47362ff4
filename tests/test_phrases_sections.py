"""A bounded pattern's `re` twin serves a text whose only character past ASCII is "§": both
engines read that character alike in every construct a twin may hold, and whole twins find
what `regex` finds in such texts."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.analysis.views import ascii_but_sections
from certlint.checks.phrases import BoundedPattern
from certlint.checks.plain_regex import re_twin
from tests.test_plain_regex import GROUPED, _spans

TEXT = "".join(map(chr, range(128))) + "\u00a7"
FLAGS = [0, re.IGNORECASE]


@pytest.mark.parametrize("flags", FLAGS)
def test_every_construct_reads_the_section_sign_alike(flags: int) -> None:
    sources = [re.escape(chr(code)) for code in range(128) if code != ord("{")]
    sources += [f"[{s}]" for s in sources] + [f"[^{s}]" for s in sources]
    sources += [r"\w", r"\W", r"\d", r"\D", ".", "(?s).", "§", "[§]", "[^§]", "[a-z]", "[^A-Z]"]
    for source in sources:
        assert re.compile(source, flags).findall(TEXT) == regex.compile(source, flags).findall(TEXT), source
    pairs = [a + b for a in TEXT for b in TEXT if "\u00a7" in a + b]
    for source in (r"(?s).\b.", r"(?s).\B.", r"(?s)(.)\1"):
        ours, theirs = re.compile(source, flags), regex.compile(source, flags)
        assert [ours.search(p) is None for p in pairs] == [theirs.search(p) is None for p in pairs], source


@settings(max_examples=2000, deadline=None)
@given(source=GROUPED, text=st.text(alphabet="abAB1 -._\n§", max_size=30), ignore_case=st.booleans(),
       pos=st.integers(0, 8))
def test_a_twin_matches_where_regex_matches_in_a_text_with_sections(
        source: str, text: str, ignore_case: bool, pos: int) -> None:
    twin = re_twin(source, ignore_case)
    if twin is None:
        return
    theirs = regex.compile(source, regex.IGNORECASE if ignore_case else 0)
    for place in range(min(pos, len(text)), len(text) + 1):
        ours, found = twin.match(text, place), theirs.match(text, place)
        assert _spans([] if ours is None else [ours]) == _spans([] if found is None else [found])


def test_a_text_with_sections_is_matched_by_the_twin_only() -> None:
    assert ascii_but_sections("18 U.S.C. \u00a7 1350") and not ascii_but_sections("\u00a7 caf\u00e9")
    bounded = BoundedPattern(r"(?<=\u00a7 )1350\b", True)
    found = bounded.match("18 U.S.C. \u00a7 1350", 12)
    assert found is not None and found.span() == (12, 16)
    assert bounded._compiled is None  # `regex` not asked
    assert bounded.match("\u00a7 1350 caf\u00e9", 2) is not None and bounded._compiled is not None
