"""The comparisons of a certification's paragraphs with units of the form, each made once.

A certification is held to every version of the form its dates allow, and when it deviates, to
the others too (does it follow one its dates rule out?). The versions share most paragraphs word
for word, as one `Unit` object each (`spec.make_unit`), so a paragraph's word alignment with a
unit and the deviations read from it are computed once per certification, whichever version asks.

The prescribed wording also repeats from one certification to the next (paragraphs 2 to 5 of a
302 certification are the same words in every filing): a process keeps its recent comparisons
keyed by what they read of a paragraph, and a paragraph written as an earlier one was is not
compared again. The memory this takes is bounded (`SHARED_SIZE` entries of about 1 KB).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from contextlib import suppress
from typing import Generic, TypeVar

from msgspec.structs import replace

from certlint.analysis.form.codes import vocabulary, written_codes
from certlint.analysis.form.spec import FormToken, Unit
from certlint.analysis.form.tokens import Token, Tokens
from certlint.analysis.form.words import (
    Deviation,
    Edit,
    WordAlignment,
    align_words,
    deviations_of,
    similarity,
)
from certlint.analysis.form.written import Certification, DocUnit
from certlint.analysis.memo import per_document

#: Comparisons a process keeps across documents, in each of the two tables below.
SHARED_SIZE = 2048

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Shared(Generic[K, V]):
    """A bounded table of the most recent comparisons of a process, oldest out first.

    A hit does not move its entry (that cost a hit half again): a comparison every document
    makes is dropped once in `size` new ones and made again by the next document.
    """

    __slots__ = ("_entries", "_size")

    def __init__(self, size: int = SHARED_SIZE) -> None:
        self._entries: OrderedDict[K, V] = OrderedDict()
        self._size = size

    def get(self, key: K) -> V | None:
        return self._entries.get(key)

    # The language server lints in threads: another may drop an entry between two steps here,
    # which only loses a comparison (each step alone is atomic).
    def put(self, key: K, value: V) -> None:
        self._entries[key] = value
        if len(self._entries) > self._size:
            with suppress(KeyError):
                self._entries.popitem(last=False)

    def clear(self) -> None:
        self._entries.clear()


#: A word comparison as it can be read back in another paragraph written the same way: each
#: deviation with the indexes of the tokens its start and end are read from (-1: none).
_Remembered = tuple[Unit, tuple[FormToken, ...], tuple[Edit, ...], tuple[tuple[Deviation, int, int], ...]]
#: By unit (held in the entry: interned for the process), registrant name, vocabulary, and the
#: paragraph's tokens' texts and spacing: all `align_words` and `deviations_of` read of it.
_WORDS: Shared[tuple[int, str | None, int, str, bytes], _Remembered] = Shared()
#: Paragraph matchings (`align._match_units`) by form units, where the matching starts and the
#: paragraphs' codes: a registrant's name is no word of the form, so paragraph 1 repeats as well.
_MATCHINGS: Shared[tuple[int, int, int, tuple[str, ...]],
                   tuple[tuple[Unit, ...], tuple[tuple[int, int], ...]]] = Shared()


class Comparisons:
    """The paragraphs' words as characters, and their word alignments by unit and paragraph.

    Entries are keyed by identity and keep their objects, so that a key cannot outlive them.
    """

    __slots__ = ("_words",)

    def __init__(self) -> None:
        self._words: dict[tuple[int, int, str | None],
                          tuple[Unit, DocUnit, WordAlignment, tuple[Deviation, ...]]] = {}

    def codes(self, written: DocUnit) -> str:
        """The paragraph's keys as characters: a slice of its document's, made in one pass (and
        again when a form compiled since has new words)."""
        return document_codes(written.source)[written.begin : written.end]

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
            aligned, deviations = _shared_words(unit, written, self.codes(written), company)
            entry = self._words[key] = (unit, written, aligned, deviations)
        return entry[2], entry[3]

    def matching(self, units: tuple[Unit, ...], doc: Sequence[DocUnit], f0: int, d0: int,
                 match: Callable[[Sequence[str]], list[tuple[int, int]]]) -> list[tuple[int, int]]:
        """`match(codes)`, the order-keeping matching of the form's units from `f0` to the
        paragraphs from `d0` (their codes), unless these paragraphs' codes were matched before."""
        codes = tuple([self.codes(written) for written in doc[d0:]])
        key = (id(units), f0, d0, codes)
        hit = _MATCHINGS.get(key)
        if hit is not None and hit[0] is units:
            return list(hit[1])
        pairs = match(codes)
        _MATCHINGS.put(key, (units, tuple(pairs)))
        return pairs


def document_codes(tokens: Tokens) -> str:
    """The keys of a document's tokens as characters, kept with them while the vocabulary of the
    forms compiled so far stays the same."""
    coded, now = tokens.coded, vocabulary()
    if coded is None or coded[0] != now:
        coded = tokens.coded = (now, written_codes(tokens.keys))
    return coded[1]


def _shared_words(unit: Unit, written: DocUnit, codes: str,
                  company: str | None) -> tuple[WordAlignment, tuple[Deviation, ...]]:
    # One string and one bytes object, not a tuple of the document's strings: an entry takes
    # a few hundred bytes.
    words, spaced = written.said
    key = (id(unit), company, vocabulary(), words, spaced)
    hit = _WORDS.get(key)
    if hit is not None and hit[0] is unit:
        # Each remembered deviation at the same tokens of this paragraph (by index in it).
        begin, ends, texts = written.begin, written.source.ends, written.source.texts
        return (WordAlignment(unit, written, hit[1], hit[2]),
                tuple([deviation if first < 0 else replace(
                    deviation, start=ends[begin + first] - len(texts[begin + first]), end=ends[begin + last])
                    for deviation, first, last in hit[3]]))
    aligned = align_words(unit, written, codes)
    deviations = tuple(deviations_of(aligned, company))
    indexed = _indexed(deviations, written.tokens)
    if indexed is not None:
        _WORDS.put(key, (unit, aligned.form, aligned.edits, indexed))
    return aligned, deviations


def _indexed(deviations: tuple[Deviation, ...],
             tokens: Sequence[Token]) -> tuple[tuple[Deviation, int, int], ...] | None:
    """Each deviation with the index of the token it starts at and of the one it ends with
    (None if one is read from elsewhere: then the comparison is not kept)."""
    if not deviations:
        return ()
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i for i, t in enumerate(tokens)}
    indexed = []
    for deviation in deviations:
        if deviation.start == -1 and deviation.end == -1:
            indexed.append((deviation, -1, -1))
            continue
        start, end = starts.get(deviation.start), ends.get(deviation.end)
        if start is None or end is None:
            return None
        indexed.append((deviation, start, end))
    return tuple(indexed)


def forget_shared() -> None:
    """Empty the process's tables of comparisons (tests compare with and without them)."""
    _WORDS.clear()
    _MATCHINGS.clear()


@per_document()
def comparisons(cert: Certification) -> Comparisons:
    """The comparisons made so far of this certification's paragraphs."""
    return Comparisons()
