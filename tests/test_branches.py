"""A pattern's top-level alternatives searched without those a document rules out: the same
matches as the whole pattern, on generated patterns and texts and on the packs' own patterns."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.checks.branches import Branches, branches_of, split_top
from certlint.checks.forbidden import ForbiddenPhrase
from certlint.checks.phrases import BoundedPattern
from certlint.document.prose import Prose
from certlint.ruleset import load_ruleset

# Alternatives: literals in every case (with "i" and "s", whose case has odd partners), classes
# holding "|" and "]", escapes, optional and repeated parts, lookarounds and boundaries.
ATOMS = ["ab", "Si", "s", "I", "§", " ", "_", "x_", "[Ss]", "[a|b]", r"\|", "[]a]", r"\d", r"\w", ".",
         "a?", "(?:ab)?", "_{3,}", "s{2}", "b+", "(?:ab|Sc)", r"\b", "(?=ab)", "(?!b)", "(?<=a)",
         "(?<=Sb )", "(?:(?<=ab)|(?<=sI))", "(?>ab)", "(?i:Ab)"]
BRANCH = st.lists(st.sampled_from(ATOMS), min_size=1, max_size=3).map("".join)
PATTERNS = st.lists(BRANCH, min_size=2, max_size=4).map("|".join)
TEXTS = st.text(alphabet="abcsSIiAB_§| 1\nıſİK]", max_size=40)


def _prose(text: str) -> Prose:
    return Prose(text, (), (), (), ())


def _spans(pattern: BoundedPattern, text: str, pos: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, pos, len(text))]


@settings(max_examples=1500, deadline=None)
@given(source=PATTERNS, text=TEXTS, case_sensitive=st.booleans(), pos=st.integers(0, 8))
def test_the_live_alternatives_find_what_the_whole_pattern_finds(
        source: str, text: str, case_sensitive: bool, pos: int) -> None:
    try:
        re.compile(source)
    except re.error:
        return
    pieces = split_top(source)
    if pieces is None:
        return
    assert "|".join(pieces) == source
    whole = BoundedPattern(source, not case_sensitive)
    pos = min(pos, len(text))
    variant = Branches(pieces, not case_sensitive).for_prose(_prose(text))
    if variant is True:
        return
    expected = _spans(whole, text, pos)
    if variant is False:
        assert expected == []
    else:
        assert _spans(variant.pattern, text, pos) == expected


def test_where_a_pattern_is_cut() -> None:
    assert split_top("ab|cd|ef") == ["ab", "cd", "ef"]
    assert split_top(r"a(?:b|c)|[|]\||d") == ["a(?:b|c)", r"[|]\|", "d"]
    assert split_top("[]|]x|y") == ["[]|]x", "y"]
    assert split_top("[^]|]x|y") == ["[^]|]x", "y"]
    assert split_top("(?<=a|b)c") is None  # one alternative at the top
    assert split_top("abc") is None
    assert split_top("(a)|b") is None  # a group: its number would move
    assert split_top(r"(?:a)\1|b") is None
    assert split_top("(?i)a|b") is None  # a global flag is the whole pattern's
    assert split_top("(?x) a | b") is None
    assert split_top("|".join("abcdefghi")) is None  # more alternatives than worth a test each


def test_only_the_alternatives_a_document_may_hold_are_searched() -> None:
    branches = branches_of(BoundedPattern(r"\[Name\]|\b(?:[A-Z][a-z]+ )?XX, 20XX\b", True))
    assert branches is not None
    variant = branches.for_prose(_prose("I, [Name], certify"))
    assert not isinstance(variant, bool)
    assert variant.pattern.pattern == r"\[Name\]"
    assert variant.starts is not None and variant.starts.literals == ("[name]",)
    assert branches.for_prose(_prose("no blank here")) is False
    assert branches.for_prose(_prose("[Name] on March XX, 20XX")) is True
    assert branches_of(re.compile("a|b")) is None  # a phrase: `re`, not an author's regex


@pytest.mark.parametrize("text", [
    "I, [Name], certify on March XX, 20XX, under 18 U.S.C. Section 1530 and Section 1305.",
    "Pursuant to 18 U.S.C. Section 1350 and section 1503 of Chapter 63, [Title] signs.",
    "Dated ___, 20__ by [identify the officer] as his attorney-in-fact.",
])
def test_the_packs_alternatives_find_what_their_patterns_find(text: str) -> None:
    split = 0
    for rule in load_ruleset().rules:
        checker = rule.checker if rule.kind == "forbidden" else None
        if not isinstance(checker, ForbiddenPhrase) or checker.branches is None:
            continue
        split += 1
        whole, branches = checker.pattern, checker.branches
        assert isinstance(whole, BoundedPattern)
        for end in range(len(text) + 1):
            piece = text[:end]
            variant = branches.for_prose(_prose(piece))
            found = [] if variant is False else _spans(whole if variant is True else variant.pattern, piece, 0)
            assert found == _spans(whole, piece, 0), (rule.code, piece)
    assert split >= 2  # the template-text and section-number rules at least
