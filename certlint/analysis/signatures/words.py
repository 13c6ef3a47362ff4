"""The words of names and officer titles: what tells a name line from a title line.

Shared by the signature blocks, the parties a body names, and the name checks, which compare
names with `squash` and `name_tokens`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from certlint.analysis.edits import neighbourhood
from certlint.analysis.signatures.model import Span

#: Words officer titles are made of; used to tell a title line from a name line.
TITLE_WORDS = frozenset("""
chief executive financial accounting operating officer officers principal president vice senior
chairman chairwoman chair chairperson board treasurer controller comptroller secretary interim
acting managing general partner manager trustee administrator director directors corporate
global group co ceo cfo coo cao peo pfo pao evp svp vp executive-vice counsel finance operations
administration worldwide international human resources legal technology strategy strategic sales
marketing development business investor relations risk compliance lead independent emeritus
deputy assistant associate division regional north america americas officer's
""".split())  # noqa: SIM905
_TITLE_WORD_LIST = tuple(sorted(TITLE_WORDS))
CONNECTIVES = frozenset({"and", "of", "the", "&", "for", "to", "in", "on", "at", "a"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})
#: Honorifics and degrees left out when names are compared ("Dr. Jane Doe" is "Jane Doe, M.D.").
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "md", "phd", "cpa", "esq"})
# A Markdown source may keep "&nbsp;" as text (the HTML reader decodes it).
_NBSP = re.compile(r"&nbsp;?", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'.-]*")
#: Lower-case particles of surnames ("de la Cruz", "van der Berg", "bin Salman").
PARTICLES = frozenset({"de", "la", "le", "del", "della", "der", "den", "di", "da", "das", "do", "dos",
                       "du", "van", "von", "ten", "ter", "y", "bin", "al", "el", "st"})
#: Words a title opens with, when it follows a name on the same line without a comma.
_TITLE_OPENERS = frozenset({"chief", "president", "vice", "senior", "executive", "interim", "acting",
                            "principal", "chairman", "chairwoman", "chair", "chairperson", "treasurer",
                            "controller", "comptroller", "secretary", "co", "ceo", "cfo", "general",
                            "evp", "svp", "vp",
                            "managing", "corporate", "group", "global", "deputy", "assistant",
                            "director", "trustee", "manager"})
_OPENER_LIST = tuple(sorted(_TITLE_OPENERS))
# "(the "Company")", "("Acme")": a defined term after a title, not a role designation.
_DEFINED_TERM = re.compile(r"\s*\((?:the\s+)?\"[^()]*\"\)\s*$", re.IGNORECASE)
_COMMA = re.compile(r",\s*")
_SPACES = re.compile(r"\s+")
_PARENTHESES_AT_END = re.compile(r"\([^()]*\)\s*$")
_OF_WORD = re.compile(r"\s+of\s+(?:the\s+)?([^\W\d_]+)")


@lru_cache(maxsize=2048)
def squash(text: str) -> str:
    """A name reduced for comparison: letters and digits only, lower case, accents dropped
    (memoised: the same names and lines are squashed by several readers and checks)."""
    text = _NBSP.sub(" ", text)
    return "".join(filter(str.isalnum, unicodedata.normalize("NFKD", text.lower())))


def name_tokens(spans: tuple[Span, ...] | list[Span]) -> list[Span]:
    """The words of a name with their prose spans (commas dropped, periods kept)."""
    return [Span(span.start + at, span.start + at + len(word), word)
            for span in spans for at, word in _name_words(span.text)]


@lru_cache(maxsize=4096)
def _name_words(text: str) -> tuple[tuple[int, str], ...]:
    """`name_tokens` of one text: each word and where it starts. Memoised: a filing's officers'
    names are the same in each of its documents, and several checks read each name."""
    words = []
    for match in _WORD.finditer(text):
        word = match.group().rstrip(",")
        if word.lower() == "nbsp" and match.start() > 0 and text[match.start() - 1] == "&":
            continue
        words.append((match.start(), word))
    return tuple(words)


def lower_words(text: str) -> list[str]:
    """The words of a text, lower case, without surrounding periods, commas or quotes."""
    return [w.lower().strip(".,'") for w in _WORD.findall(_NBSP.sub(" ", text))]


@lru_cache(maxsize=4096)
def is_title_text(text: str) -> bool:
    """Mostly title words (one typo per word tolerated), at least one of them."""
    # "Co-Chief", "Executive-Vice": the parts of a hyphenated title word are title words.
    words = [part for w in lower_words(text) for part in (w.split("-") if "-" in w[1:] else [w])
             if part and part not in CONNECTIVES]
    if not words or any(ch.isdigit() for ch in text) or len(words) > 16:
        return False
    hits = sum(1 for w in words if w in TITLE_WORDS or _near_title_word(w))
    return hits >= 1 and hits * 2 >= len(words)


@lru_cache(maxsize=8192)
def _near_title_word(word: str) -> bool:
    if len(word) < 5 or not neighbourhood(_TITLE_WORD_LIST, 1).may_be_near(word):
        return False
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    return process.extractOne(word, _TITLE_WORD_LIST, scorer=OSA.distance, score_cutoff=1) is not None


@lru_cache(maxsize=4096)
def is_name(text: str) -> bool:
    """A line that reads as a person's name: a few capitalised words, no digits, not a title
    (memoised: a signature's lines are asked about by several readers, titles by every filing)."""
    text = _NBSP.sub(" ", text)
    words = _WORD.findall(text)
    if not 1 <= len(words) <= 7 or ":" in text or any(map(str.isdigit, text)):
        return False
    if is_title_text(text):
        return False
    return all(w[0].isupper() or w.lower().strip(".") in SUFFIXES | HONORIFICS
               or w.lower() in PARTICLES
               for w in words)


def name_then_title(span: Span) -> tuple[Span, Span] | None:
    """ "Jane Doe, Chief Executive Officer" on one line: the name, then the title.

    Without a comma (the two were apart in the layout, by a run of spaces or `&nbsp;`), the
    title must open with a word titles open with ("Chief", "President", "Senior"...)."""
    split = _name_then_title(span.text)
    if split is None:
        return None
    head, at, title, to_end = split
    return (Span(span.start, span.start + len(head), head),
            Span(span.start + at, span.end if to_end else span.start + at + len(title), title))


@lru_cache(maxsize=4096)
def _name_then_title(text: str) -> tuple[str, int, str, bool] | None:
    """`name_then_title` of a line's text: the name, where the title starts, the title, and
    whether it runs to the span's end. Memoised: a filing's officers sign all its documents."""
    for match in _COMMA.finditer(text):
        head, tail = text[:match.start()], text[match.end():]
        first = lower_words(tail)[:1]
        if not first or first[0] in SUFFIXES:
            continue
        part = title_part(tail)
        # "Jane Doe Vice Prsident, Controller": a title word in the head is a title begun there.
        if is_name(head) and part and not any(w in TITLE_WORDS for w in lower_words(head)):
            return head, match.end(), part, False
    for match in _SPACES.finditer(text):
        tail = text[match.end():]
        if not tail[:1].isupper():
            continue  # (the quick test first: a title opens with a capital)
        head = text[:match.start()].rstrip(",")
        words = lower_words(_PARENTHESES_AT_END.sub("", tail))
        if words and _opens_title(words[0].split("-")[0]) and is_name(head) and is_title_text(tail):
            return head, match.end(), tail, True
    return None


@lru_cache(maxsize=4096)
def _opens_title(word: str) -> bool:
    """A word titles open with, or a typo of one ("Prsident")."""
    if word in _TITLE_OPENERS:
        return True
    if len(word) < 5 or not neighbourhood(_OPENER_LIST, 1).may_be_near(word):
        return False
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    return process.extractOne(word, _OPENER_LIST, scorer=OSA.distance, score_cutoff=1) is not None


@lru_cache(maxsize=4096)
def title_part(text: str) -> str:
    """The title a line opens with, "" if it does not: "Chief Executive Officer of Acme Foods,
    Inc. (the "Company")" is "Chief Executive Officer" ("of the Board", "of the General
    Partner" stay part of the title). Memoised: officers' titles are the same in every filing."""
    text = _DEFINED_TERM.sub("", text)
    for match in _OF_WORD.finditer(text):
        if match.group(1).lower() not in TITLE_WORDS:
            text = text[:match.start()].rstrip(" ,")
            break
    return text if is_title_text(text) else ""
