"""The phrase rules' literal prefilters: a document they rule out has no match, and the search
near a lookbehind's text finds exactly what a search of the whole text finds."""

from __future__ import annotations

import re
import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.analysis.views import ALSO_MATCHES, may_contain
from certlint.checks.literals import _CASELESS, finditer_near, leading, may_match, needed, starting, starts
from certlint.checks.phrases import BoundedPattern
from certlint.document.prose import Prose

# Pieces of patterns: literals in every case (with "i" and "s", whose case has odd partners),
# classes, optional and repeated parts, alternations, lookarounds and boundaries.
ATOMS = ["ab", "Si", "s", "I", "§", " ", "_", "x_", "[Ss]", "[ab]", r"\d", r"\w", ".", "a?", "(?:ab)?",
         "_{3,}", "s{2}", "b+", "(?:ab|Sc)", "(?:a|)", r"\b", "(?=ab)", "(?!b)", "(?<=a)", "(?<=Sb )",
         "(?<=§)", "(?:(?<=ab)|(?<=sI))", "(?:(?<=a )|(?<=a)|(?<=§))", "(a)", r"\1", "(?i:Ab)", "(?:a|b*)", "(?>ab)"]
PATTERNS = st.lists(st.sampled_from(ATOMS), min_size=1, max_size=5).map("".join)
#: Texts over the letters the atoms use, their capitals, and the odd partners of "i" and "s".
TEXTS = st.text(alphabet="abcsSIiAB_§ 1\nıſİK", max_size=40)


def _prose(text: str) -> Prose:
    return Prose(text, (), (), (), ())


def _compiled(source: str) -> re.Pattern[str] | None:
    try:
        return re.compile(source, re.IGNORECASE)
    except re.error:
        return None


@settings(max_examples=1500, deadline=None)
@given(source=PATTERNS, text=TEXTS, case_sensitive=st.booleans())
def test_a_document_ruled_out_has_no_match(source: str, text: str, case_sensitive: bool) -> None:
    compiled = _compiled(source)
    if compiled is None:
        return
    flags = 0 if case_sensitive else re.IGNORECASE
    literals = needed(source)
    prose = _prose(text)
    if re.search(source, text, flags) is not None or regex.search(source, text, flags) is not None:
        assert may_match(prose, literals), (source, text, literals)


@settings(max_examples=1500, deadline=None)
@given(source=PATTERNS, text=TEXTS, case_sensitive=st.booleans(), pos=st.integers(0, 8))
def test_the_search_near_a_lookbehind_finds_what_the_whole_search_finds(
        source: str, text: str, case_sensitive: bool, pos: int) -> None:
    if _compiled(source) is None:
        return
    starts = leading(source)
    if starts is None:
        return
    pos = min(pos, len(text))
    for pattern in (re.compile(source, 0 if case_sensitive else re.IGNORECASE),
                    BoundedPattern(source, not case_sensitive)):
        near = finditer_near(pattern, _prose(text), starts, pos, len(text))
        if near is not None:
            assert [m.span() for m in near] == [m.span() for m in pattern.finditer(text, pos, len(text))]


@settings(max_examples=1500, deadline=None)
@given(source=PATTERNS, text=TEXTS, case_sensitive=st.booleans(), pos=st.integers(0, 8))
def test_the_search_at_a_first_literal_finds_what_the_whole_search_finds(
        source: str, text: str, case_sensitive: bool, pos: int) -> None:
    if _compiled(source) is None:
        return
    first = starting(source, least=0)
    if first is None:
        return
    pos = min(pos, len(text))
    for pattern in (re.compile(source, 0 if case_sensitive else re.IGNORECASE),
                    BoundedPattern(source, not case_sensitive)):
        near = finditer_near(pattern, _prose(text), first, pos, len(text), at_end=False)
        if near is not None:
            assert [m.span() for m in near] == [m.span() for m in pattern.finditer(text, pos, len(text))]


def test_where_matches_start() -> None:
    assert starting(r"\b13a-(1[45])\)") == ("13a-",)
    assert starting(r"\b(?:Section|§|Sec\.) ?906") == ("sec.", "section", "§")
    assert starting(r"(?:Sect|Section)\d") == ("sect",)  # "section" begins with "sect"
    assert starting(r"(?<!\w)accounting principals(?!\w)") == ("accounting principals",)
    assert starting(r"\bab") is None  # too common a start to look for
    assert starting(r"\bab", least=0) == ("ab",)
    assert starting(r"(?:as )?attorney") is None and starting(r"\w+ of") is None
    assert starting(r"(?=x)|abcd") is None  # an empty match
    assert starts(r"(?<=Act of )(?:19|20)\d\d") == (("19", "20"), False)  # rarer than "act of "
    assert starts(r"(?<=Sarbanes-Oxley Act of )(?:19|20)\d\d") == (("sarbanes-oxley act of ",), True)
    assert starts(r"(?<=Section )(?:609|960)\b") == (("609", "960"), False)
    assert starts(r"(?<=Section )\d") == (("section ",), True)  # nothing known after it
    assert starts(r"\bSecurities Act") == (("securities act",), False)


@settings(max_examples=1000, deadline=None)
@given(text=TEXTS, literals=st.lists(st.sampled_from(["ab", "si", "s", "i", "§", "x", "b "]), max_size=3))
def test_may_match_is_may_contain_of_any_literal(text: str, literals: list[str]) -> None:
    prose = _prose(text)
    assert may_match(prose, tuple(literals)) == any(may_contain(prose, literal) for literal in literals)


def test_the_literals_of_the_built_in_patterns() -> None:
    assert needed(r"(?<=Securities Exchange Act of )(?!1934\b)(?:19|20)\d\d\b") == ("securities exchange act of ",)
    assert leading(r"(?<=Securities Exchange Act of )(?!1934\b)(?:19|20)\d\d\b") == ("securities exchange act of ",)
    assert needed(r"\[(?:Name|Title)\]|\b20XX\b|_{3,}, ?20_{2}") == ("20xx", "[", "___,")
    assert needed(r"[Ss]ection 906|§ ?906") == ("906",)
    assert needed(r"(?:a|b)?c*") is None  # nothing is needed
    assert needed(r"(") is None  # not a pattern
    assert leading(r"\bForm 10-K") is None  # led by a boundary, not a lookbehind
    assert leading(r"(?<=a)") is None  # an empty match: finditer's rules for those differ


def test_a_prefilter_rules_documents_out() -> None:
    literals = needed(r"\bpower of attorney\b")
    assert not may_match(_prose("Signed by the Chief Executive Officer."), literals)
    assert may_match(_prose("by POWER OF ATTORNEY"), literals)
    assert may_match(_prose("the İ of a text whose lowercase is longer"), ("x",))


def _ascii_partners(char: str) -> bool:
    """Whether a character's case mappings involve an ASCII letter (the only ones that may match one)."""
    forms = char.lower() + char.upper() + char.casefold() + char.title()
    return any(c.isascii() and c.isalpha() for c in forms)


@pytest.mark.skipif(sys.version_info < (3, 11), reason="re._parser is Python 3.11's")
def test_every_character_an_ascii_letter_matches_in_any_case_is_known() -> None:
    """A case-insensitive letter matches its lowercase, or a character `ALSO_MATCHES` names."""
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000 and _ascii_partners(chr(c))]
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for pattern in (re.compile(letter, re.IGNORECASE), regex.compile(letter, regex.IGNORECASE)):
            for char in chars:
                if pattern.fullmatch(char) and char.lower() != letter:
                    # İ lowercases to two characters: such a text has no lowercase view.
                    assert char in ALSO_MATCHES.get(letter, "") or len(char.lower()) > 1, (letter, char)
    for char in _CASELESS:
        assert char.lower() == char == char.upper()
        for other in map(chr, range(0x110000)):
            if not 0xD800 <= ord(other) < 0xE000 and other != char:
                assert re.fullmatch(re.escape(char), other, re.IGNORECASE) is None


@pytest.mark.parametrize(("source", "text"), [
    (r"(?<=a)[ab]+", "xaab aba"),  # a match holds the next place: it is not tried again
    (r"(?<=Act of )(?!1934\b)(?:19|20)\d\d\b", "the act of 1934, the ACT OF 1943, act of 20121"),
    (r"(?:(?<=Section )|(?<=§ )|(?<=§))(?:1305|1503)\b", "Section 1305 and § 1503 and §1503 but 21305"),
])
def test_the_search_near_a_lookbehind_on_examples(source: str, text: str) -> None:
    pattern = re.compile(source, re.IGNORECASE)
    starts = leading(source)
    assert starts is not None
    near = finditer_near(pattern, _prose(text), starts, 0, len(text))
    assert near is not None
    found = [m.span() for m in near]
    assert found == [m.span() for m in pattern.finditer(text)] and found
