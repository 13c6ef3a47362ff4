"""The comparisons of a certification's paragraphs with units of the form, each made once.

A certification is held to every version of the form its dates allow, and when it deviates, to
the others too (does it follow one its dates rule out?). The versions share most paragraphs word
for word, as one `Unit` object each (`spec.make_unit`), so a paragraph's score against a unit and
its word alignment with it are computed once per certification, whichever version asks.
"""

from __future__ import annotations

from certlint.analysis.form.segment import Certification, DocUnit
from certlint.analysis.form.spec import Unit
from certlint.analysis.form.words import Deviation, WordAlignment, align_words, deviations_of, similarity
from certlint.analysis.memo import per_document


class Comparisons:
    """Scores and word alignments of one certification's paragraphs, by unit and paragraph.

    Entries are keyed by identity and keep the unit, so that a key cannot outlive its objects
    (the paragraphs are the certification's, which the memo of `comparisons` keeps alive).
    """

    __slots__ = ("_scores", "_words")

    def __init__(self) -> None:
        self._scores: dict[tuple[int, int], tuple[Unit, float]] = {}
        self._words: dict[tuple[int, int, str | None],
                          tuple[Unit, WordAlignment, tuple[Deviation, ...]]] = {}

    def similarity(self, unit: Unit, written: DocUnit) -> float:
        """`words.similarity` of the unit and the paragraph."""
        key = (id(unit), id(written))
        entry = self._scores.get(key)
        if entry is None or entry[0] is not unit:
            entry = self._scores[key] = (unit, similarity(unit, written.keys))
        return entry[1]

    def words(self, unit: Unit, written: DocUnit,
              company: str | None) -> tuple[WordAlignment, tuple[Deviation, ...]]:
        """The paragraph's word alignment with the unit, and the deviations read from it."""
        key = (id(unit), id(written), company)
        entry = self._words.get(key)
        if entry is None or entry[0] is not unit:
            aligned = align_words(unit, written)
            entry = self._words[key] = (unit, aligned, tuple(deviations_of(aligned, company)))
        return entry[1], entry[2]


@per_document()
def comparisons(cert: Certification) -> Comparisons:
    """The comparisons made so far of this certification's paragraphs."""
    return Comparisons()
