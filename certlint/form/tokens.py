"""Word tokens of the prose view, with their prose offsets, for word-by-word alignment."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word keeps its apostrophe, inner hyphens and rule suffixes whole: "registrant's",
# "13a-15(e)", "officer(s)". Anything else that is not space is a one-character token.
# HTML entities left in derived text ("&nbsp;"), tags and Markdown emphasis/table rules are noise.
_TOKEN = re.compile(
    r"(?P<noise>&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);|</?[A-Za-z][^<>\n]{0,80}>|[*_|#`\\]+)"
    r"|(?P<word>[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*(?:\([A-Za-z0-9]{1,3}\))*'?)"
    r"|(?P<punct>[^\sA-Za-z0-9])"
)

PUNCTUATION_NO_SPACE_BEFORE = frozenset(",;:.)]?!")
PUNCTUATION_NO_SPACE_AFTER = frozenset("([")


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark: its text, case-folded key and [start, end) in the prose."""

    text: str
    key: str
    start: int
    end: int
    #: Whitespace precedes it in the prose (a line break counts).
    spaced: bool
    #: A line (block) starts right before it.
    line_start: bool

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of text[start:end], offsets in `text`."""
    stop = len(text) if end is None else end
    tokens: list[Token] = []
    previous_end = start
    noise_gap = False
    for match in _TOKEN.finditer(text, start, stop):
        if match.lastgroup == "noise":
            noise_gap = True
            continue
        gap = text[previous_end : match.start()]
        spaced = noise_gap or bool(gap) or match.start() == start
        line_start = "\n" in gap or match.start() == 0 or text[match.start() - 1] == "\n"
        if not tokens and match.start() == start and (start == 0 or text[start - 1] == "\n"):
            line_start = True
        word = match.group()
        tokens.append(Token(word, fold_key(word), match.start(), match.end(), spaced, line_start))
        previous_end = match.end()
        noise_gap = False
    return tokens


def fold_key(word: str) -> str:
    """The comparison key of a token: case-folded, with a trailing bare apostrophe kept."""
    return word.casefold()


def join_tokens(words: list[str]) -> str:
    """Words back into text with ordinary spacing around punctuation."""
    out = ""
    for word in words:
        if out and not (word in PUNCTUATION_NO_SPACE_BEFORE or out[-1] in PUNCTUATION_NO_SPACE_AFTER):
            out += " "
        out += word
    return out
