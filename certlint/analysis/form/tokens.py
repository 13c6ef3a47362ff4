"""Word tokens of the prose view, with their prose offsets, for word-by-word alignment."""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Callable, Iterable
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


#: A Token from its fields in order: `tuple.__new__` without `Token._make`'s Python frame.
_new_token = partial(tuple.__new__, Token)

#: The first character of a word (a punctuation token is one character that is none of these).
_WORD_START = re.compile(r"[A-Za-z0-9]")
#: The characters noise starts with or holds ("&", "<" and Markdown's): a text without any is
#: tokenized by `_PLAIN_TOKEN`, the same matches without noise alternatives to try at every gap.
_NOISE_CHARACTERS = "&<*_|#`\\"
#: `_TOKEN` without noise and without groups: a match is the space before a token and the token
#: (a list of strings, no tuple per token to make and collect); possessive, as no match of it
#: backtracks (all that follows a word's stem is optional).
_PLAIN_TOKEN = re.compile(
    r"\s*+(?:[A-Za-z0-9]++(?:['-][A-Za-z0-9]++)*+(?:\([A-Za-z0-9]{1,3}\))*+'?|[^\sA-Za-z0-9]|\Z)"
)

#: Text is tokenized a chunk of about this many characters at a time, cut after a line break
#: (no token or noise spans one): each regex pass holds the interpreter only briefly, so a
#: language server answering requests beside the lint of a large buffer is not held up.
_CHUNK = 1 << 16


class _Made(dict[str, str]):
    """A string made from another (`make`), once: the same few hundred words fill every
    certification, and a document's columns that share their strings are cheaper to fill and
    to free than ones holding a new string per token. Emptied when it holds `_MADE_SIZE`, so
    that a long run's memory does not grow with what it reads."""

    __slots__ = ("_make",)

    def __init__(self, make: Callable[[str], str]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, raw: str) -> str:
        made = self[raw] = self._make(raw)
        return made


_MADE_SIZE = 1 << 15
#: A match of `_PLAIN_TOKEN` (the token and the space before it) -> the token's text.
_TEXTS = _Made(str.lstrip)
#: A token's text -> its key.
_KEYS = _Made(str.casefold)


class Tokens:
    """A text's tokens as parallel lists (columns), a `Token` made only when one is asked for.

    A document has hundreds of tokens, and most are only looked at by key (segmentation, word
    codes) or by text (the shared comparisons): one object per token would be made, kept and
    freed for nothing.
    """

    __slots__ = ("coded", "ends", "keys", "line_starts", "spaced", "texts")

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.keys: list[str] = []
        #: Where each token ends in the text (it starts its text's length before).
        self.ends: list[int] = []
        #: Whitespace (or noise) precedes it in the prose (a line break counts).
        self.spaced: list[bool] = []
        #: A line (block) starts right before it.
        self.line_starts: list[bool] = []
        #: (vocabulary, the keys as word codes): `certlint.analysis.form.compare` keeps it here.
        self.coded: tuple[int, str] | None = None

    @classmethod
    def of(cls, tokens: Iterable[Token]) -> Tokens:
        """Columns of tokens made elsewhere (each starts its text's length before its end, as
        `tokenize` makes them)."""
        made = cls()
        for token in tokens:
            made.texts.append(token.text)
            made.keys.append(token.key)
            made.ends.append(token.end)
            made.spaced.append(token.spaced)
            made.line_starts.append(token.line_start)
        return made

    def __len__(self) -> int:
        return len(self.texts)

    def start(self, index: int) -> int:
        return self.ends[index] - len(self.texts[index])

    def is_word(self, index: int) -> bool:
        return _WORD_START.match(self.texts[index]) is not None

    def token(self, index: int) -> Token:
        text, end = self.texts[index], self.ends[index]
        return Token(text, self.keys[index], end - len(text), end, self.spaced[index],
                     self.line_starts[index], _WORD_START.match(text) is not None)

    def tokens(self, begin: int = 0, end: int | None = None) -> list[Token]:
        """The tokens from `begin` to `end` as objects."""
        texts, ends = self.texts[begin:end], self.ends[begin:end]
        columns = zip(texts, self.keys[begin:end], map(operator.sub, ends, map(len, texts)), ends,
                      self.spaced[begin:end], self.line_starts[begin:end],
                      [match is not None for match in map(_WORD_START.match, texts)], strict=True)
        return list(map(_new_token, columns))


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of text[start:end], offsets in `text`."""
    return columns(text, start, end).tokens()


def columns(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """The tokens of text[start:end] as columns, offsets in `text`."""
    stop = len(text) if end is None else end
    found = Tokens()
    begin = start
    while begin < stop:
        cut = text.find("\n", begin + _CHUNK, stop)
        finish = stop if cut < 0 else cut + 1
        _add_tokens(found, text, begin, finish, after_break=begin > start)
        begin = finish
    return found


def _add_tokens(found: Tokens, text: str, start: int, stop: int, after_break: bool) -> None:
    """Add the tokens of text[start:stop]; `after_break`: a line break of the text precedes `start`.

    Built a column at a time, without a Python step per token: a match of `_PLAIN_TOKEN` is a
    token with the space before it (no token starts with a space, so stripping it leaves the
    token), the offsets are the running sum of the matches' lengths.
    """
    if len(_TEXTS) > _MADE_SIZE or len(_KEYS) > _MADE_SIZE:
        _TEXTS.clear()
        _KEYS.clear()
    if any(text.find(character, start, stop) >= 0 for character in _NOISE_CHARACTERS):
        ends, texts, spaced, line_starts = _noisy_columns(text, start, stop)
    else:
        matches = _PLAIN_TOKEN.findall(text, start, stop)
        while matches and not matches[-1].lstrip():
            matches.pop()  # the trailing space
        texts = list(map(_TEXTS.__getitem__, matches))
        ends = list(itertools.accumulate(map(len, matches), initial=start))
        del ends[0]
        spaced = list(map(operator.ne, matches, texts))  # the match holds a space before it
        line_starts = list(map(operator.contains, matches, itertools.repeat("\n")))
    if not texts:
        return
    spaced[0] = True  # the first token starts the text, or follows the line break before it
    first = ends[0] - len(texts[0])
    line_starts[0] = after_break or line_starts[0] or first == 0 or text[first - 1] == "\n"
    if not found.texts:  # the first chunk (most texts are one)
        found.texts, found.ends, found.spaced, found.line_starts = texts, ends, spaced, line_starts
        found.keys = list(map(_KEYS.__getitem__, texts))
        return
    found.texts += texts
    found.keys += map(_KEYS.__getitem__, texts)
    found.ends += ends
    found.spaced += spaced
    found.line_starts += line_starts


def _noisy_columns(text: str, start: int, stop: int) -> tuple[list[int], list[str], list[bool], list[bool]]:
    """The ends, texts, spacing and line starts of the tokens of text[start:stop], noise and all."""
    parts = _TOKEN.findall(text, start, stop)
    while parts and not (parts[-1][1] or parts[-1][2]):
        parts.pop()  # the trailing space and noise
    gaps = [gap for gap, _, _ in parts]
    texts = [word or mark for _, word, mark in parts]
    ends = list(itertools.accumulate(map(operator.add, map(len, gaps), map(len, texts)), initial=start))
    del ends[0]
    return ends, texts, list(map(bool, gaps)), ["\n" in gap for gap in gaps]


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
