"""The comparisons of a certification's paragraphs with units of the form, each made once.

A certification is held to every version of the form its dates allow, and when it deviates, to
the others too (does it follow one its dates rule out?). The versions share most paragraphs word
for word, as one `Unit` object each (`spec.make_unit`), so a paragraph's word alignment with a
unit and the deviations read from it are computed once per certification, whichever version asks.
"""

from __future__ import annotations

from certlint.analysis.form.codes import vocabulary, written_codes
from certlint.analysis.form.segment import Certification, DocUnit
from certlint.analysis.form.spec import Unit
from certlint.analysis.form.words import Deviation, WordAlignment, align_words, deviations_of, similarity
from certlint.analysis.memo import per_document


class Comparisons:
    """The paragraphs' words as characters, and their word alignments by unit and paragraph.

    Entries are keyed by identity and keep their objects, so that a key cannot outlive them.
    """

    __slots__ = ("_codes", "_words")

    def __init__(self) -> None:
        self._codes: dict[int, tuple[DocUnit, int, str]] = {}
        self._words: dict[tuple[int, int, str | None],
                          tuple[Unit, DocUnit, WordAlignment, tuple[Deviation, ...]]] = {}

    def codes(self, written: DocUnit) -> str:
        """The paragraph's keys as characters (again when a form compiled since has new words)."""
        entry = self._codes.get(id(written))
        if entry is None or entry[0] is not written or entry[1] != vocabulary():
            entry = self._codes[id(written)] = (written, vocabulary(), written_codes(written.keys))
        return entry[2]

    def similarity(self, unit: Unit, written: DocUnit) -> float:
        """`words.similarity` of the unit and the paragraph (not kept: a score of strings costs
        less than looking it up)."""
        return similarity(unit, self.codes(written))

    def words(self, unit: Unit, written: DocUnit,
              company: str | None) -> tuple[WordAlignment, tuple[Deviation, ...]]:
        """The paragraph's word alignment with the unit, and the deviations read from it."""
        key = (id(unit), id(written), company)
        entry = self._words.get(key)
        if entry is None or entry[0] is not unit or entry[1] is not written:
            aligned = align_words(unit, written, self.codes(written))
            entry = self._words[key] = (unit, written, aligned, tuple(deviations_of(aligned, company)))
        return entry[2], entry[3]


@per_document()
def comparisons(cert: Certification) -> Comparisons:
    """The comparisons made so far of this certification's paragraphs."""
    return Comparisons()
