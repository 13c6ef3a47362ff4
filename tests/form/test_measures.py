"""The word alignment's Python measures give rapidfuzz's answers, ties included: a one-file run
aligns without importing rapidfuzz, and a long run switches to it without any output changing."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel, LCSseq

from certlint.analysis.form.measures import Measures, indel_distance, indel_opcodes, lcs_length

#: Small alphabets make ties (several longest subsequences), where backtraces differ if anywhere.
CODES = st.text(alphabet="abc", max_size=40) | st.text(alphabet="abcdefgh\u4e00\u4e01", max_size=90)


def _rapidfuzz_opcodes(one: str, other: str) -> list[tuple[str, int, int, int, int]]:
    return [(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
            for op in Indel.opcodes(one, other)]


@settings(max_examples=1500, deadline=None)
@given(CODES, CODES, st.none() | st.integers(0, 20))
def test_the_measures_are_rapidfuzz_s(one: str, other: str, cutoff: int | None) -> None:
    assert lcs_length(one, other) == LCSseq.similarity(one, other)
    assert indel_distance(one, other, cutoff) == Indel.distance(one, other, score_cutoff=cutoff)
    assert indel_opcodes(one, other) == _rapidfuzz_opcodes(one, other)


@given(CODES)
def test_a_text_against_itself_and_nothing(text: str) -> None:
    assert indel_opcodes(text, text) == _rapidfuzz_opcodes(text, text)
    assert indel_opcodes(text, "") == _rapidfuzz_opcodes(text, "")
    assert indel_opcodes("", text) == _rapidfuzz_opcodes("", text)


def test_long_paragraphs() -> None:
    """Past 64 characters rapidfuzz works in blocks of 64 bits: the answers stay the same."""
    one = ("abcdefgh" * 40)[:300]
    other = one[:70] + "xyz" + one[75:200] + one[210:] + "ab"
    assert indel_opcodes(one, other) == _rapidfuzz_opcodes(one, other)
    assert lcs_length(one, other) == LCSseq.similarity(one, other)


def test_rapidfuzz_takes_over_after_the_python_comparisons() -> None:
    measures = Measures(python_comparisons=3)
    for _ in range(2):
        assert measures.lcs_length("abc", "abd") == 2
    assert measures._similarity is lcs_length
    assert measures.indel_distance("abc", "abd") == 2  # the third: rapidfuzz is imported now
    assert measures._similarity is LCSseq.similarity
    assert measures.indel_opcodes("abc", "abd") == _rapidfuzz_opcodes("abc", "abd")
    # In a fresh process, the Python comparisons import nothing.
    probe = ("import sys; from certlint.analysis.form.measures import Measures; "
             "m = Measures(python_comparisons=5); m.lcs_length('ab', 'b'); "
             "m.indel_opcodes('ab', 'ba'); print('rapidfuzz' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
