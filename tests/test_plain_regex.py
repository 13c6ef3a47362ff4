"""`re` in place of `regex` (certlint.checks.plain_regex): every construct it allows means the
same to both engines on every ASCII character, whole patterns built of them find the same
matches, and the patterns it refuses are those that could differ or backtrack without end."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.checks.phrases import BoundedPattern
from certlint.checks.plain_regex import re_twin
from certlint.ruleset import load_ruleset
from tests.conftest import ROOT

ASCII = "".join(map(chr, range(128)))
FLAGS = [0, re.IGNORECASE]


def _same_chars(source: str, flags: int) -> None:
    """The ASCII characters one-character `source` matches: the same in both engines."""
    for dotall in (0, re.DOTALL):
        ours = re.compile(source, flags | dotall).findall(ASCII)
        assert ours == regex.compile(source, flags | dotall).findall(ASCII), (source, flags)


@pytest.mark.parametrize("flags", FLAGS)
def test_every_ascii_literal_and_category_matches_the_same_characters(flags: int) -> None:
    for code in range(128):
        if code == ord("{"):
            continue
        char = re.escape(chr(code))
        for source in (char, f"[{char}]", f"[^{char}]"):
            _same_chars(source, flags)
    for source in (r"\w", r"\W", r"\d", r"\D", ".", "§", "[§]", "[^§]", r"[^\w]", r"[\d_]"):
        _same_chars(source, flags)
    # Why `\s` is not among them: the engines differ on the ASCII separators.
    assert re.findall(r"\s", ASCII) != regex.findall(r"\s", ASCII)


@pytest.mark.parametrize("flags", FLAGS)
def test_every_ascii_range_matches_the_same_characters(flags: int) -> None:
    ours, theirs = [], []
    for low in range(128):
        for high in range(low, 128):
            if low <= ord("[") <= high:
                continue
            source = f"[{re.escape(chr(low))}-{re.escape(chr(high))}]"
            ours.append(re.compile(source, flags).findall(ASCII))
            theirs.append(regex.compile(source, flags).findall(ASCII))
    assert ours == theirs


@pytest.mark.parametrize("flags", FLAGS)
def test_boundaries_and_backreferences_agree_on_every_pair_of_ascii_characters(flags: int) -> None:
    pairs = [a + b for a in ASCII for b in ASCII]
    for source in (r"(?s).\b.", r"(?s).\B.", r"(?s)(.)\1", r"\b.", r".\b", r"(?s)(?<=.)(?!.).", r"^.$"):
        ours, theirs = re.compile(source, flags), regex.compile(source, flags)
        assert [ours.search(pair) is None for pair in pairs] == [theirs.search(pair) is None for pair in pairs]


# Pieces of patterns `re_twin` accepts: literals in both cases, sets, categories, boundaries,
# groups, alternatives, bounded repeats (greedy and lazy), lookarounds and a backreference.
ATOMS = ["a", "Ab", "b", " ", "-", r"\.", "§", "[a-c]", "[^b]", "[A-Z]", r"[\w-]", r"\w", r"\W",
         r"\d", r"\D", r"\b", r"\B", "^", "$", r"\A", r"\Z", ".", "(a)", r"(\w)", "a?", "b??",
         r"\w{1,3}", "[ab]{0,2}?", "(?:ab|a)", "(?:a|b|)", "(?=a)", "(?!b)", "(?<=a)", "(?<!b )",
         "(?:(?<=a)|(?<=bb))", "(?i:B)", "(?s:.)"]
PATTERNS = st.lists(st.sampled_from(ATOMS), min_size=1, max_size=6).map("".join)
TEXTS = st.text(alphabet="abAB1 -._\n", max_size=30)  # ASCII: the twin serves ASCII texts
GROUPED = st.builds(lambda parts, last: f"{parts}{last}", PATTERNS, st.sampled_from(["", r"\1", "a"]))


def _spans(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


@settings(max_examples=3000, deadline=None)
@given(source=GROUPED, text=TEXTS, ignore_case=st.booleans(), pos=st.integers(0, 8), end=st.integers(0, 8))
def test_a_twin_finds_what_regex_finds(source: str, text: str, ignore_case: bool, pos: int, end: int) -> None:
    twin = re_twin(source, ignore_case)
    if twin is None:
        return
    theirs = regex.compile(source, regex.IGNORECASE if ignore_case else 0)
    pos, endpos = min(pos, len(text)), max(0, len(text) - end)
    assert _spans(list(twin.finditer(text, pos, endpos))) == _spans(list(theirs.finditer(text, pos, endpos)))
    for name in ("search", "match"):
        ours, found = getattr(twin, name)(text, pos, endpos), getattr(theirs, name)(text, pos, endpos)
        assert _spans([] if ours is None else [ours]) == _spans([] if found is None else [found])


@pytest.mark.parametrize("source", [
    r"(\w|\w\w)+$", r"(a|aa)+$", r"(a+)+$", r"a\w+b", r"a*",  # unbounded, or an empty match
    r"(?:a|b){0,20}(?:a|b){0,20}",  # too many ways
    r"(?:foo){e<=1}",  # a fuzzy match to `regex`
    r"[[:alpha:]]x", r"[Z-a]",  # a POSIX class to `regex`
    r"a\sb", r"[^\S]", r"(?x) a b", r"(?a)\w", "é", r"[à-ä]", r"(a)?(?(1)b|c)", r"(?>ab)", "a++",
])
@pytest.mark.filterwarnings("ignore:Possible nested set:FutureWarning")
def test_patterns_that_could_differ_or_run_long_stay_on_regex(source: str) -> None:
    assert re_twin(source, True) is None


def test_the_statutory_patterns_have_twins() -> None:
    assert re_twin(r"\b13a-(1[45])((?:\([a-f]\))?),? (?:and|or|and/or|/) (?:Rule )?15d-(?!\1\2(?![\w(]))1[45]"
                   r"(?:\([a-f]\))?", True) is not None
    assert re_twin(r"(?:(?<=Section )|(?<=§ ))(?:609|690)\b", True) is not None


ADVERSARIAL = ["a" * 20_000 + "!", "word " * 5_000 + "!", "13a-15(e) and " * 2_000, "(a) " * 5_000,
               "Section " * 3_000 + "x", " " * 20_000 + "x"]


def test_the_built_in_twins_find_what_regex_finds_quickly() -> None:
    """Every built-in pattern with a twin, on the examples and on text built to make it backtrack."""
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "examples").iterdir())]
    twins = []
    for rule in load_ruleset().rules:
        for name in ("pattern", "anchor"):
            value = getattr(rule.checker, name, None)
            if isinstance(value, BoundedPattern) and re_twin(value.pattern, value._ignore_case) is not None:
                twins.append(value)
    assert len(twins) >= 5
    for pattern in twins:
        twin = re_twin(pattern.pattern, pattern._ignore_case)
        assert twin is not None
        for text in [t for t in texts if t.isascii()] + ADVERSARIAL:
            started = time.monotonic()
            assert _spans(list(twin.finditer(text))) == _spans(list(pattern.compiled.finditer(text)))
            assert time.monotonic() - started < 0.5, (pattern.pattern, text[:30])


def test_a_bounded_pattern_matches_in_an_ascii_text_with_its_twin_only() -> None:
    bounded = BoundedPattern(r"\bcompl(?:ies|y)\b", True)
    found = bounded.match("It Complies.", 3)
    assert found is not None and found.span() == (3, 11) and bounded.match("It Complies.", 4) is None
    assert bounded._compiled is None  # `regex` not asked
    assert bounded.match("complies é") is not None and bounded._compiled is not None


def test_a_clean_one_file_run_imports_no_regex() -> None:
    code = ("import sys; from certlint.cli import main; main(['--isolated', '--exit-zero', "
            "'examples/example-corp-10-K-ex31.1.txt']); print('regex' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.splitlines()[-1] == "False"
