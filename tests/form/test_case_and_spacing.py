"""`_case_and_spacing` looks only at the words that can differ: it finds what the word-by-word
loop it replaced finds, on generated paragraphs and alignments."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.analysis.form.spec import FormToken, make_unit
from certlint.analysis.form.tokens import Token, quote, tokenize
from certlint.analysis.form.words import Deviation, Edit, _case_and_spacing, _sentence_start


def _old_case_and_spacing(where: str, opening: bool, form: list[FormToken], doc: list[Token],
                          ops: list[Edit]) -> list[Deviation]:
    found = []
    for tag, f1, f2, d1, _ in ops:
        if tag != "equal":
            continue
        for k, ftok, dtok in zip(range(f1, f2), form[f1:f2], doc[d1 : d1 + f2 - f1], strict=True):
            if not dtok.is_word:
                continue
            index = d1 + k - f1
            if not dtok.spaced and index > 0 and not opening and doc[index - 1].text in ",;:)":
                first = index - 2 if index > 1 and not doc[index - 1].spaced else index - 1
                glued = "".join(t.text for t in doc[first : index + 1])
                found.append(Deviation("punctuation", where, f"missing space: {quote(glued)}",
                                       doc[index - 1].start, dtok.end))
            elif dtok.text != ftok.text and not _sentence_start(form, k):
                what = f"capitalisation: expected {quote(ftok.text)}, found {quote(dtok.text)}"
                found.append(Deviation("variant", where, what, dtok.start, dtok.end, 0))
    return found


_WORDS = ["the", "The", "registrant", "Registrant", "a", "report", ",", ";", ":", ".", ")", "(", "and"]
_SPACES = ["", " ", "\n"]
_texts = st.lists(st.tuples(st.sampled_from(_SPACES), st.sampled_from(_WORDS)), min_size=1, max_size=25)


@settings(max_examples=500, deadline=None)
@given(_texts, st.data(), st.booleans())
def test_it_finds_what_the_word_by_word_loop_finds(parts: list[tuple[str, str]], data: st.DataObject,
                                                     opening: bool) -> None:
    doc = tokenize("".join(space + word for space, word in parts))
    # The form: the same words, some with another case (what an equal run may hold).
    recased = [t.text.swapcase() if data.draw(st.booleans()) else t.text for t in doc]
    form = [FormToken(text, text.casefold()) for text in recased]
    unit = make_unit("opening" if opening else "1", tuple(form), "" if opening else "1")
    # Equal runs over the whole paragraph, cut at generated places, with edits between them.
    cuts = sorted(set(data.draw(st.lists(st.integers(0, len(doc)), max_size=4))) | {0, len(doc)})
    ops: list[Edit] = []
    for begin, end in itertools.pairwise(cuts):
        tag = "equal" if data.draw(st.integers(0, 3)) else "replace"
        ops.append((tag, begin, end, begin, end))
    expected = _old_case_and_spacing(unit.where, opening, form, doc, ops)
    assert _case_and_spacing(unit, form, doc, ops) == expected
