"""Views of a document's prose computed once and shared by every rule: the lowercase text and
its set of lowercase words.

A rule that looks for a word or phrase asks these first (a substring test is many times faster
than a case-insensitive regex over the whole text) and runs its regex only where the literal can
be. Lowercasing may change a text's length (a few characters, such as "İ", lowercase to two), so
`lowered` gives None for such a text: offsets in it would not be the prose's offsets, and a rule
then searches the prose itself.
"""

from __future__ import annotations

import re

from certlint.analysis.memo import per_document
from certlint.document.prose import Prose

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
#: What is not a letter or an apostrophe, as a space: an ASCII text's words are then its runs of
#: letters and apostrophes, split at C speed (`str.translate` maps ASCII to ASCII in one pass),
#: which takes a third of the time `_WORD.findall` takes over an exhibit.
_NOT_LETTERS = str.maketrans({chr(code): " " for code in range(128)
                              if not (chr(code).isalpha() or chr(code) == "'")})
#: `_WORD` within such a run: its few runs with an apostrophe ("officer's", "o'", "'tis") are cut
#: as `_WORD` cuts them.
_ASCII_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")


@per_document()
def lowered(prose: Prose) -> str | None:
    """The prose's text in lowercase, offset for offset; None when lowercasing moves offsets."""
    text = prose.text.lower()
    return text if len(text) == len(prose.text) else None


@per_document()
def ascii_but_sections(text: str) -> bool:
    """Whether the text's only character past ASCII, if any, is the section sign: so in nearly
    half the exhibits of the benchmark set ("§ 1350"). The sign is no letter, digit or space
    and has no case, so what holds of an ASCII text's words and matches holds of this one too
    (`lower_words`, the phrase rules' `re` twins). Asked once per text."""
    return text.isascii() or text.replace("\u00a7", "").isascii()


@per_document()
def lower_words(prose: Prose) -> frozenset[str]:
    """Every word of the prose in lowercase (letters, inner apostrophes): a rule whose words
    are all absent can skip the document."""
    text = lowered(prose)
    if text is None:
        text = prose.text.lower()
    if not ascii_but_sections(text):
        return frozenset(_WORD.findall(text))
    # The section sign is no letter: a space in its place leaves the words as they are.
    words = set(text.replace("\u00a7", " ").translate(_NOT_LETTERS).split())
    cut = [word for word in words if "'" in word]
    if cut:
        words.difference_update(cut)
        words.update(part for word in cut for part in _ASCII_WORD.findall(word))
    return frozenset(words)


#: Characters other than its lowercase that `re.IGNORECASE` (and `regex`) match to an ASCII
#: letter: the dotless "ı" for "i", the long "ſ" for "s" (tests/test_literals.py checks every
#: character). A literal test cannot rule out a match of such a letter in a text holding one.
ALSO_MATCHES = {"i": "\u0131", "s": "\u017f"}


def odd_letters_in(text: str) -> str:
    """The ASCII letters whose other matches (`ALSO_MATCHES`) `text` holds."""
    if text.isascii():
        return ""
    return "".join(letter for letter, other in ALSO_MATCHES.items() if other in text)


@per_document()
def odd_letters(prose: Prose) -> str:
    """`odd_letters_in` of the prose, once per document."""
    return odd_letters_in(prose.text)


@per_document()
def _literal_view(prose: Prose) -> tuple[str | None, str]:
    """`lowered` and `odd_letters` of the prose in one: `may_contain` is asked tens of times per
    document, one memo lookup each."""
    return lowered(prose), odd_letters(prose)


def may_contain(prose: Prose, literal: str) -> bool:
    """Whether the lowercase `literal` can occur in the prose, ignoring case: False only when it
    certainly does not (a quick test before a case-insensitive regex)."""
    text, odd = _literal_view(prose)
    return text is None or literal in text or (bool(odd) and any(letter in literal for letter in odd))
