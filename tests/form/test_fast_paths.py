"""The fast paths of form alignment give what the plain algorithms give: the tokenizer built a
column at a time, word codes for rapidfuzz, the exact-copy shortcut and the passage search with a
cutoff. Each is checked against the straightforward implementation it replaced."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel, LCSseq

from certlint.analysis.form import tokens as tokens_module
from certlint.analysis.form.codes import written_codes
from certlint.analysis.form.spec import FormToken, Unit, parse_units
from certlint.analysis.form.tokens import Token, tokenize
from certlint.analysis.form.words import FILL_ALLOWANCE, align_words, similarity
from certlint.analysis.form.written import DocUnit

_OLD_TOKEN = re.compile(
    r"(?P<noise>&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);|</?[A-Za-z][^<>\n]{0,80}>|[*_|#`\\]+)"
    r"|(?P<word>[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*(?:\([A-Za-z0-9]{1,3}\))*'?)"
    r"|(?P<punct>[^\sA-Za-z0-9])"
)


@dataclass
class _OldToken:
    text: str
    key: str
    start: int
    end: int
    spaced: bool
    line_start: bool
    is_word: bool


def _old_tokenize(text: str, start: int = 0, end: int | None = None) -> list[_OldToken]:
    """The tokenizer as it was: one token object per match, noise skipped."""
    tokens: list[_OldToken] = []
    previous_end, noise_gap = start, False
    for match in _OLD_TOKEN.finditer(text, start, len(text) if end is None else end):
        if match.lastgroup == "noise":
            noise_gap = True
            continue
        begin, finish = match.span()
        gap = begin - previous_end
        spaced = noise_gap or gap > 0 or begin == start
        line_start = (begin == 0 or text[begin - 1] == "\n"
                      or (gap > 0 and "\n" in text[previous_end:begin]))
        word = match.group()
        tokens.append(_OldToken(word, word.casefold(), begin, finish, spaced, line_start,
                                match.lastgroup == "word"))
        previous_end, noise_gap = finish, False
    return tokens


_PIECES = ["I", "certify", "registrant's", "13a-15(e)", "officer(s)", "a", "b", "4", ",", ";", ":",
           ".", "(", ")", "-", "'", "&nbsp;", "&#160;", "&amp", "<b>", "</p>", "<", ">", "**", "#",
           "|", "\\", "`", "_", "é", "İ", "\u00a0", "{x}"]
_SPACES = ["", " ", "  ", "\n", " \n ", "\t"]
texts = st.lists(st.tuples(st.sampled_from(_SPACES), st.sampled_from(_PIECES)), max_size=30).map(
    lambda parts: "".join(space + piece for space, piece in parts))


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 12), st.integers(0, 12))
def test_tokenize_gives_the_old_tokens(text: str, skip: int, cut: int) -> None:
    start, end = min(skip, len(text)), max(min(skip, len(text)), len(text) - cut)
    for begin, stop in ((0, None), (start, end)):
        old = [(t.text, t.key, t.start, t.end, t.spaced, t.line_start, t.is_word)
               for t in _old_tokenize(text, begin, stop)]
        assert [tuple(t) for t in tokenize(text, begin, stop)] == old


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(0, 12), st.integers(1, 6))
def test_tokenize_in_chunks_gives_the_old_tokens(text: str, skip: int, chunk: int) -> None:
    start = min(skip, len(text))
    old = [(t.text, t.key, t.start, t.end, t.spaced, t.line_start, t.is_word)
           for t in _old_tokenize(text, start)]
    with patch.object(tokens_module, "_CHUNK", chunk):  # cut after every line break
        assert [tuple(t) for t in tokenize(text, start)] == old


@settings(max_examples=200, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4))
def test_tokenize_with_its_string_tables_emptied_gives_the_old_tokens(several: list[str]) -> None:
    # A table of one entry is emptied before every chunk: what it made before stays right.
    with patch.object(tokens_module, "_MADE_SIZE", 1):
        for text in several:
            old = [(t.text, t.key, t.start, t.end, t.spaced, t.line_start, t.is_word)
                   for t in _old_tokenize(text)]
            assert [tuple(t) for t in tokenize(text)] == old
            if text:  # emptied (past its one entry) before this text: one entry per token of it
                assert len(tokens_module._TEXTS) <= len(old) + 1
                assert len(tokens_module._KEYS) <= len(old) + 1


def test_tokenize_keeps_the_attributes_and_drops_noise() -> None:
    tokens = tokenize("I,&nbsp;Jane **Doe**,\ncertify")
    assert [t.text for t in tokens] == ["I", ",", "Jane", "Doe", ",", "certify"]
    assert isinstance(tokens[0], Token) and tokens[2].spaced and tokens[3].spaced
    assert [t.line_start for t in tokens] == [True, False, False, False, False, True]
    assert tokenize("  &amp; ** ") == []


def _old_similarity(unit: Unit, keys: tuple[str, ...]) -> float:
    form = unit.literal
    if not form or not keys:
        return 0.0
    common = LCSseq.similarity(list(form), list(keys))
    denominator = max(unit.required, len(keys) - FILL_ALLOWANCE * unit.fills, 1)
    score = min(1.0, float(common) / denominator)
    return score / 2 if unit.fills and keys[0] != form[0] else score


Edits = list[tuple[str, int, int, int, int]]


def _old_alignment(unit: Unit, keys: tuple[str, ...]) -> tuple[tuple[FormToken, ...], Edits]:
    """Every combination of left-out passages tried with lists of words, the first best kept."""
    passages = sorted({t.passage for t in unit.tokens if t.passage >= 0})
    form = list(unit.tokens)
    best = Indel.distance([t.key for t in form], list(keys))
    for size in range(1, len(passages) + 1):
        for left_out in itertools.combinations(passages, size):
            trial = [t for t in unit.tokens if t.passage < 0 or t.passage not in left_out]
            distance = Indel.distance([t.key for t in trial], list(keys))
            if distance < best:
                best, form = distance, trial
    ops = Indel.opcodes([t.key for t in form], list(keys))
    return tuple(form), [(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end) for op in ops]


_WORDS = ["the", "registrant", "report", "based", "on", "my", "knowledge", ",", ";", "and", "of",
          "internal", "control", "company", "xyzzy", "officer(s)"]
_FORM = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14)


@st.composite
def _units(draw: st.DrawFn) -> Unit:
    words = draw(_FORM)
    pieces, i = [], 0
    while i < len(words):
        kind = draw(st.sampled_from(["word", "word", "word", "passage", "fill"]))
        if kind == "passage":
            length = draw(st.integers(1, 3))
            pieces.append("[[" + " ".join(words[i : i + length]) + "]]")
            i += length
        elif kind == "fill":
            pieces.append("{name}")
        else:
            pieces.append(words[i])
            i += 1
    return parse_units("1. " + " ".join(pieces) + " end")[0]


@st.composite
def _written(draw: st.DrawFn, unit: Unit) -> tuple[str, ...]:
    base = [t.key for t in unit.tokens if t.placeholder is None]
    if draw(st.booleans()):
        return tuple(t.key for t in unit.variants[0].tokens)  # the form word for word
    changes = st.tuples(st.integers(0, 20), st.sampled_from([*_WORDS, "unknown", ""]))
    edits = draw(st.lists(changes, max_size=5))
    for position, word in edits:
        at = position % (len(base) + 1)
        base[at:at + 1] = [word] if word else []
    return tuple(base)


def _tokens_of(keys: tuple[str, ...]) -> list[Token]:
    """Tokens of these keys, one space apart."""
    ends = list(itertools.accumulate(len(k) + 1 for k in keys))
    return [Token(k, k, end - len(k), end, True, False, True) for k, end in zip(keys, ends, strict=True)]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_alignment_and_score_match_the_plain_algorithm(data: st.DataObject) -> None:
    unit = data.draw(_units())
    keys = data.draw(_written(unit))
    written = DocUnit.of("1", _tokens_of(keys), "1")
    aligned = align_words(unit, written)
    form, edits = _old_alignment(unit, keys)
    assert aligned.form == form
    assert list(aligned.edits) == edits
    assert similarity(unit, written_codes(keys)) == _old_similarity(unit, keys)


def test_a_word_no_form_has_matches_nothing() -> None:
    unit = parse_units("1. the registrant's report;")[0]
    assert written_codes(["the", "registrant's", "zzz-unknown", "qqq-other"])[2:] == "\x00\x00"
    keys = ("the", "zzz-unknown", "report", ";")
    aligned = align_words(unit, DocUnit.of("1", _tokens_of(keys), "1"))
    assert list(aligned.edits) == _old_alignment(unit, keys)[1]
    equal = [d for tag, _, _, d1, d2 in aligned.edits if tag == "equal" for d in range(d1, d2)]
    assert equal == [0, 2, 3]  # the unknown word stands for no word of the form
