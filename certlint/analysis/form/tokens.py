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


@dataclass(slots=True)
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
    #: A word (not punctuation).
    is_word: bool


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of text[start:end], offsets in `text`."""
    stop = len(text) if end is None else end
    tokens: list[Token] = []
    append = tokens.append
    previous_end = start
    noise_gap = False
    for match in _TOKEN.finditer(text, start, stop):
        kind = match.lastgroup
        if kind == "noise":
            noise_gap = True
            continue
        begin, finish = match.span()
        gap = begin - previous_end
        if gap == 1 and not noise_gap and text[previous_end] == " ":  # the common case
            spaced, line_start = True, False
        else:
            spaced = noise_gap or gap > 0 or begin == start
            line_start = (begin == 0 or text[begin - 1] == "\n"
                          or (gap > 0 and "\n" in text[previous_end:begin]))
        word = match.group()
        append(Token(word, word.casefold(), begin, finish, spaced, line_start, kind == "word"))
        previous_end = finish
        noise_gap = False
    return tokens


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
