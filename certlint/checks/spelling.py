"""`spelling`: words of a vocabulary (officer titles) checked where they are used.

A token is checked when it stands within `window` tokens of a vocabulary word in the same
paragraph (so "PRINCIPAL EXEUCTIVE OFFICER" is checked, a person's name far from any title is
not). It is reported when it is within `max_distance` edits of a vocabulary word (optimal string
alignment: a transposition is one edit) and is neither a vocabulary word nor allowed. The
suggestion keeps the original's case: "EXEUCTIVE" -> "EXECUTIVE". `homophones` maps real words
misused before a title word ("Principle Executive Officer" -> "Principal").

    kind: spelling
    vocabulary: [Chief, Executive, Financial, Officer, Principal]
    allow: [Office]
    homophones: {principle: principal}
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from certlint.analysis.edits import neighbourhood
from certlint.analysis.memo import per_document
from certlint.analysis.views import lower_words, lowered
from certlint.checks.scope import SCOPE_PROPERTIES, Scope, compile_scope, region
from certlint.diagnostic import Finding

if TYPE_CHECKING:
    from certlint.checks.base import CheckContext
    from certlint.document import Document
    from certlint.document.prose import Prose

NAME = "spelling"
SCHEMA: Mapping[str, Any] = {
    "properties": {
        **SCOPE_PROPERTIES,
        "vocabulary": {"type": "array", "items": {"type": "string", "pattern": r"^[^\W\d_]+$"},
                       "minItems": 1, "description": "The correctly spelled words."},
        "allow": {"type": "array", "items": {"type": "string"}, "default": [],
                  "description": "Words never reported (real words close to a vocabulary word)."},
        "homophones": {"type": "object", "additionalProperties": {"type": "string"}, "default": {},
                       "description": "Real words that are wrong before a vocabulary word, "
                                      "mapped to the right one."},
        "max_distance": {"type": "integer", "minimum": 0, "maximum": 3, "default": 1,
                         "description": "Largest edit distance reported (0: homophones only)."},
        "min_length": {"type": "integer", "minimum": 2, "default": 5,
                       "description": "Shorter tokens are not checked."},
        "window": {"type": "integer", "minimum": 0, "default": 2,
                   "description": "A token is checked when a vocabulary word is this close; "
                                  "0 checks every token."},
    },
    "required": ["vocabulary"],
}

_TOKEN = re.compile(r"[^\W\d_]+")
#: The run-wide memos of words hold at most this many: a worker lints thousands of distinct
#: documents, and a word forgotten only costs working it out again.
MOST_REMEMBERED = 20_000


@per_document()
def token_words(prose: Prose) -> frozenset[str] | None:
    """Every token of the prose in lowercase: the shared word set, cut at apostrophes. None where
    that would not be exact (see `_plain_letters`)."""
    if not _plain_letters(prose):
        return None
    words = lower_words(prose)
    if "'" not in prose.text and "\u2019" not in prose.text:
        return words
    # Only the few words with an apostrophe are cut: the rest are tokens as they are.
    cut = [word for word in words if "'" in word or "\u2019" in word]
    return words.difference(cut).union(
        piece for word in cut for piece in word.replace("\u2019", "'").split("'"))


def _plain_letters(prose: Prose) -> bool:
    """Whether each token's lowercase is the lowercase text's letters at its place (no character
    whose lowercase is longer, no capital sigma, whose lowercase depends on what follows) and
    each cut of a token by `str.isalpha` is a cut of a word (no letter-like numeral, "Ⅻ")."""
    text = prose.text
    if text.isascii():
        return True
    return lowered(prose) is not None and "\u03a3" not in text and all(
        char.isalpha() or _TOKEN.match(char) is None for char in set(text) if not char.isascii())


def match_case(original: str, word: str) -> str:
    """`word` written in the case of `original`."""
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original.islower():
        return word.lower()
    if original[:1].isupper() and original[1:].islower():
        return word[:1].upper() + word[1:].lower()
    return word


@dataclass(frozen=True, slots=True)
class TitleSpelling:
    vocabulary: tuple[str, ...]
    vocabulary_lower: frozenset[str]
    anchor: re.Pattern[str]
    known: frozenset[str]
    homophones: Mapping[str, str]
    max_distance: int
    min_length: int
    window: int
    #: Closest vocabulary word per checked word, shared by every document of a run.
    _closest_cache: dict[str, str | None] = field(default_factory=dict, compare=False)
    scope: Scope | None = None
    #: Words seen that can never be reported (known, too short, far from every vocabulary word).
    _never: set[str] = field(default_factory=set, compare=False)
    #: `vocabulary` lowercased, in the same order.
    vocabulary_lowered: tuple[str, ...] = ()

    def check(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        text = doc.prose.text
        words = token_words(doc.prose)
        candidates = None if words is None else self._candidates(words)
        if candidates is not None and not candidates:
            return  # no word of the document can be reported
        span = region(self.scope, doc.prose)
        if span is None or self.anchor.search(text, *span) is None:
            return
        lower = lowered(doc.prose) if candidates is not None else None
        for block in doc.prose.blocks:
            if block.end <= span[0]:
                continue
            start = max(block.start, span[0])
            # Every token looked at is a whole word of the block (blocks end at a newline), so
            # a block whose lowercase text holds no candidate has nothing to report.
            if lower is not None and candidates is not None \
                    and not any(word in lower[start:block.end] for word in candidates):
                continue
            yield from self._check_block(text, start, block.end)

    def _candidates(self, words: frozenset[str]) -> frozenset[str]:
        """The words of a document `_check_token` may report: the rest need no token work."""
        found = set()
        if len(self._never) > MOST_REMEMBERED:
            self._never.clear()
        for word in words.difference(self._never):
            if self._may_report(word):
                found.add(word)
            else:
                self._never.add(word)
        return frozenset(found)

    def _may_report(self, word: str) -> bool:
        """Whether `_check_token` can report the lowercase word (before some vocabulary word)."""
        if word in self.known:
            return False
        if word in self.homophones:
            return True
        return len(word) >= self.min_length and self._closest(word) is not None

    def _check_block(self, text: str, start: int, end: int) -> Iterator[Finding]:
        if self.window == 0:
            tokens = list(_TOKEN.finditer(text, start, end))
            for index, token in enumerate(tokens):
                following = tokens[index + 1].group() if index + 1 < len(tokens) else ""
                yield from self._check_token(token, following)
            return
        # Only the few tokens around each vocabulary word are looked at: most paragraphs of a
        # certification hold a title word ("financial statements"), so tokenising whole
        # paragraphs would dominate the run.
        candidates: dict[int, tuple[re.Match[str], str]] = {}
        reach = 24 * self.window
        for anchor in self.anchor.finditer(text, start, end):
            lo = max(start, anchor.start() - reach)
            before = list(_TOKEN.finditer(text, lo, anchor.start()))
            if before and before[0].start() == lo and lo > start and text[lo - 1].isalpha():
                before = before[1:]  # cut in the middle by the slice
            hi = min(end, anchor.end() + reach)
            after = list(_TOKEN.finditer(text, anchor.end(), hi))
            if after and after[-1].end() == hi and hi < end and text[hi].isalpha():
                after = after[:-1]
            before, after = before[-self.window:], after[:self.window]
            for token in after:
                candidates.setdefault(token.start(), (token, ""))
            for position, token in enumerate(before):
                if position == len(before) - 1:  # right before a vocabulary word
                    candidates[token.start()] = (token, anchor.group())
                else:
                    candidates.setdefault(token.start(), (token, ""))
        for _, (token, following) in sorted(candidates.items()):
            yield from self._check_token(token, following)

    def _check_token(self, token: re.Match[str], following: str) -> Iterator[Finding]:
        """One token; `following` is the next word when that is a vocabulary word (homophones)."""
        original = token.group()
        word = original.lower()
        if word in self.known or (len(word) < self.min_length and word not in self.homophones):
            return
        suggestion = None
        if following.lower() in self.vocabulary_lower:
            suggestion = self.homophones.get(word)
        suggestion = suggestion or self._closest(word)
        if suggestion is None:
            return
        cased = match_case(original, suggestion)
        yield Finding(token.start(), token.end(), {"word": original, "suggestion": cased},
                      suggestion=cased)

    def _closest(self, word: str) -> str | None:
        """The vocabulary word within `max_distance` edits of the lowercase `word`, nearest first.
        rapidfuzz's loop runs in C: testing each pair in Python first, to spare its import, cost
        about 5 us a pair, 0.1 s for one document's words against the officer titles."""
        if word in self.homophones or self.max_distance == 0:
            return None
        if word not in self._closest_cache:
            if len(self._closest_cache) > MOST_REMEMBERED:
                self._closest_cache.clear()
            # Most words are told far from every vocabulary word without importing rapidfuzz.
            if not neighbourhood(self.vocabulary_lowered, self.max_distance).may_be_near(word):
                self._closest_cache[word] = None
                return None
            from rapidfuzz import process
            from rapidfuzz.distance import OSA

            # The vocabulary lowercased once (the word is lowercase already), in its order: the
            # same answer as lowercasing both at each comparison, ties included.
            best = process.extractOne(word, self.vocabulary_lowered, scorer=OSA.distance,
                                      score_cutoff=self.max_distance)
            self._closest_cache[word] = None if best is None else self.vocabulary[best[2]]
        return self._closest_cache[word]


def compile(options: Mapping[str, Any]) -> TitleSpelling:
    vocabulary = tuple(dict.fromkeys(str(word) for word in options["vocabulary"]))
    lower = frozenset(word.lower() for word in vocabulary)
    allow = {str(word).lower() for word in options.get("allow", ())}
    # A vocabulary word's plural is a word too ("Officers").
    known = lower | {word + "s" for word in lower} | allow
    homophones = {str(k).lower(): str(v) for k, v in dict(options.get("homophones", {})).items()}
    anchor = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(lower)) + r")\b", re.IGNORECASE)
    return TitleSpelling(vocabulary, lower, anchor, frozenset(known), homophones,
                         int(options.get("max_distance", 1)), int(options.get("min_length", 5)),
                         int(options.get("window", 2)), scope=compile_scope(options),
                         vocabulary_lowered=tuple(word.lower() for word in vocabulary))
