"""Word tokens of the prose view, with their prose offsets, for word-by-word alignment."""

from __future__ import annotations

import itertools
import re
from functools import partial
from typing import NamedTuple

# A word keeps its apostrophe, inner hyphens and rule suffixes whole: "registrant's",
# "13a-15(e)", "officer(s)". Anything else that is not space is a one-character token.
# HTML entities left in derived text ("&nbsp;"), tags and Markdown emphasis/table rules are noise.
# One match is a token with the space and noise before it (atomic: noise is never read back as
# punctuation); the empty token at the end takes the trailing space and noise.
_TOKEN = re.compile(
    r"((?>(?:\s+|&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);|</?[A-Za-z][^<>\n]{0,80}>|[*_|#`\\]+)*))"
    r"(?:([A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*(?:\([A-Za-z0-9]{1,3}\))*'?)|([^\sA-Za-z0-9])|\Z)"
)

PUNCTUATION_NO_SPACE_BEFORE = frozenset(",;:.)]?!")
PUNCTUATION_NO_SPACE_AFTER = frozenset("([")


class Token(NamedTuple):
    """A word or punctuation mark: its text, case-folded key and [start, end) in the prose."""

    text: str
    key: str
    start: int
    end: int
    #: Whitespace (or noise) precedes it in the prose (a line break counts).
    spaced: bool
    #: A line (block) starts right before it.
    line_start: bool
    #: A word (not punctuation).
    is_word: bool


#: A Token from its fields in order: `tuple.__new__` without `Token._make`'s Python frame (a
#: document has hundreds of tokens).
_new_token = partial(tuple.__new__, Token)

#: Text is tokenized a chunk of about this many characters at a time, cut after a line break
#: (no token or noise spans one): each regex pass holds the interpreter only briefly, so a
#: language server answering requests beside the lint of a large buffer is not held up.
_CHUNK = 1 << 16


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of text[start:end], offsets in `text`."""
    stop = len(text) if end is None else end
    tokens: list[Token] = []
    begin = start
    while begin < stop:
        cut = text.find("\n", begin + _CHUNK, stop)
        finish = stop if cut < 0 else cut + 1
        tokens += _tokens(text, begin, finish, after_break=begin > start)
        begin = finish
    return tokens


def _tokens(text: str, start: int, stop: int, after_break: bool) -> list[Token]:
    """The tokens of text[start:stop]; `after_break`: a line break of the text precedes `start`.

    Built a column at a time (a document has hundreds of tokens and every certification is
    tokenized): the matches give each token's text and the gap before it, the offsets are the
    running sum of their lengths.
    """
    parts = _TOKEN.findall(text, start, stop)
    while parts and not (parts[-1][1] or parts[-1][2]):
        parts.pop()  # the trailing space and noise
    if not parts:
        return []
    gaps, words, marks = zip(*parts, strict=True)
    texts = [word or mark for word, mark in zip(words, marks, strict=True)]
    offsets = list(itertools.accumulate(
        itertools.chain.from_iterable(zip(map(len, gaps), map(len, texts), strict=True)), initial=start))
    begins = offsets[1::2]
    spaced = list(map(bool, gaps))
    spaced[0] = True  # the first token starts the text, or follows the line break before it
    line_starts = ["\n" in gap for gap in gaps]
    line_starts[0] = after_break or line_starts[0] or begins[0] == 0 or text[begins[0] - 1] == "\n"
    columns = zip(texts, map(str.casefold, texts), begins, offsets[2::2], spaced, line_starts,
                  map(bool, words), strict=True)
    return list(map(_new_token, columns))


def has_token(text: str) -> bool:
    """Whether `text` has a token (`tokenize` finds one): its first match, at the start, is
    the first token, or the end when there is none."""
    match = _TOKEN.match(text)
    return match is not None and bool(match[2] or match[3])


def join_tokens(words: list[str]) -> str:
    """Words back into text with ordinary spacing around punctuation."""
    out = ""
    for word in words:
        if out and not (word in PUNCTUATION_NO_SPACE_BEFORE or out[-1] in PUNCTUATION_NO_SPACE_AFTER):
            out += " "
        out += word
    return out


#: A straight quote that is not an apostrophe inside a word ("registrant's").
_STRAY_QUOTE = re.compile(r"(?<!\w)'|'(?!\w)")


def quote(text: str) -> str:
    """Text of the document or the form as a message cites it: in quotes, never an empty quote
    ("nothing"), and a stray straight quote of the text shown as the typographic one, so that
    the message's own quotes stay paired."""
    text = text.strip()
    if not text:
        return "nothing"

    def typographic(match: re.Match[str]) -> str:
        opening = match.end() < len(text) and text[match.end()].isalnum()
        return "\u2018" if opening else "\u2019"

    shown = _STRAY_QUOTE.sub(typographic, text)
    return f"'{shown}'"
