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
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from certlint.diagnostic import Finding

if TYPE_CHECKING:
    from certlint.checks.base import CheckContext
    from certlint.document import Document

NAME = "spelling"
SCHEMA: Mapping[str, Any] = {
    "properties": {
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
    known: frozenset[str]
    homophones: Mapping[str, str]
    max_distance: int
    min_length: int
    window: int

    def check(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        text = doc.prose.text
        tokens = list(_TOKEN.finditer(text))
        lowered = [token.group().lower() for token in tokens]
        vocabulary = self._vocabulary_lower()
        anchors = [i for i, word in enumerate(lowered) if word in vocabulary]
        if not anchors:
            return
        for index in self._candidates(tokens, lowered, anchors, text):
            token, word = tokens[index], lowered[index]
            suggestion = self._homophone(index, lowered, vocabulary) or self._closest(word)
            if suggestion is None:
                continue
            cased = match_case(token.group(), suggestion)
            yield Finding(token.start(), token.end(), {"word": token.group(), "suggestion": cased},
                          suggestion=cased)

    def _vocabulary_lower(self) -> frozenset[str]:
        return frozenset(word.lower() for word in self.vocabulary)

    def _candidates(self, tokens: list[re.Match[str]], lowered: list[str], anchors: list[int],
                    text: str) -> Iterator[int]:
        near: set[int] = set()
        if self.window == 0:
            near = set(range(len(tokens)))
        else:
            for anchor in anchors:
                for index in range(max(0, anchor - self.window), min(len(tokens), anchor + self.window + 1)):
                    if "\n" not in text[min(tokens[index].start(), tokens[anchor].start()):
                                        max(tokens[index].end(), tokens[anchor].end())]:
                        near.add(index)
        for index in sorted(near):
            word = lowered[index]
            if word in self.known:
                continue
            if len(word) >= self.min_length or word in self.homophones:
                yield index

    def _homophone(self, index: int, lowered: list[str], vocabulary: frozenset[str]) -> str | None:
        right = self.homophones.get(lowered[index])
        if right is not None and index + 1 < len(lowered) and lowered[index + 1] in vocabulary:
            return right
        return None

    def _closest(self, word: str) -> str | None:
        if word in self.homophones or self.max_distance == 0:
            return None
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        best = process.extractOne(word, self.vocabulary, scorer=OSA.distance,
                                  processor=str.lower, score_cutoff=self.max_distance)
        return None if best is None else str(best[0])


def compile(options: Mapping[str, Any]) -> TitleSpelling:
    vocabulary = tuple(dict.fromkeys(str(word) for word in options["vocabulary"]))
    allow = {str(word).lower() for word in options.get("allow", ())}
    # A vocabulary word's plural is a word too ("Officers").
    known = {w.lower() for w in vocabulary} | {w.lower() + "s" for w in vocabulary} | allow
    homophones = {str(k).lower(): str(v) for k, v in dict(options.get("homophones", {})).items()}
    return TitleSpelling(vocabulary, frozenset(known), homophones,
                         int(options.get("max_distance", 1)), int(options.get("min_length", 5)),
                         int(options.get("window", 2)))
