"""A prescribed form, parsed once: units (opening, paragraphs, sub-paragraphs) of form tokens.

Form text syntax (one unit per line): an optional marker ("1.", "(a)") that gives the unit its
label; `{name}` is a placeholder that stands for any words, the filer's to fill in (the
certifier's name, the report, the registrant); `[[...]]` is an optional passage, one that this
version lets a filer leave out (a whole unit in `[[...]]` is an optional unit).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date

from msgspec import Struct
from msgspec.structs import replace

from certlint.analysis.form.codes import form_codes
from certlint.analysis.form.tokens import join_tokens, tokenize

#: Deviation classes; each form rule reports some of them (its `report` option).
CLASSES = ("wording", "structure", "punctuation", "substitution", "variant")

_MARKER = re.compile(r"^\(?(?P<label>[0-9]+|[a-z])[.)]\s+")
_PIECE = re.compile(r"(\[\[|\]\]|\{[a-z_]+\})")


class FormSyntaxError(ValueError):
    """A form text that cannot be parsed (unbalanced [[ ]], a unit without text)."""


class FormToken(Struct, frozen=True):
    text: str
    key: str
    #: Index of the optional passage holding it in its unit, or -1.
    passage: int = -1
    #: The placeholder's name for a placeholder token, else None.
    placeholder: str | None = None


class Variant(Struct, frozen=True):
    """A unit's tokens with some of its optional passages left out, and their keys as
    characters (`codes`), computed once: every paragraph of every document is compared with them."""

    tokens: tuple[FormToken, ...]
    codes: str


@dataclass(frozen=True, slots=True)
class Unit:
    """One paragraph of the form: "opening", "1", "4", "4(a)"..."""

    label: str
    tokens: tuple[FormToken, ...]
    #: The letter or number its marker carries ("a", "4"); "" for the opening.
    marker: str
    #: The keys of its literal tokens, and how many placeholders it has (for quick matching).
    literal: tuple[str, ...] = ()
    fills: int = 0
    #: How many literal tokens are not optional.
    required: int = 0
    #: What a paragraph is compared with: the whole unit first, then the unit with each
    #: combination of its optional passages left out (fewest first).
    variants: tuple[Variant, ...] = field(default=(), compare=False)
    #: `literal` as characters (`codes`).
    coded: str = field(default="", compare=False)

    @property
    def optional(self) -> bool:
        return bool(self.tokens) and all(t.passage >= 0 for t in self.tokens)

    @property
    def where(self) -> str:
        return "opening" if self.label == "opening" else f"paragraph {self.label}"

    def excerpt(self, limit: int = 12) -> str:
        words = [t.text if t.placeholder is None else f"[{t.placeholder}]" for t in self.tokens]
        text = join_tokens(words[:limit])
        return text + (" ..." if len(words) > limit else "")


class Version(Struct, frozen=True):
    """A version of the form and the dates for which it is the prescribed one."""

    name: str
    label: str
    units: tuple[Unit, ...]
    #: Valid only for reports filed on or after / before these dates.
    filed_from: date | None = None
    filed_before: date | None = None
    #: Valid only for periods ending before this date (the ICFR compliance date).
    period_before: date | None = None
    #: The same cut-off for accelerated filers (facts: accelerated-filer: true).
    period_before_accelerated: date | None = None
    #: The report forms this version is prescribed for, case-folded ("20-f", "n-csr"); empty for
    #: the general form, which applies to any report no version names.
    forms: tuple[str, ...] = ()
    #: Unnumbered passages the form allows after its last paragraph (the asset-backed form's
    #: reliance paragraph); anything else there is added text.
    after: tuple[Unit, ...] = ()
    #: Where this version is set out ("Item 601(b)(31)(i) of Regulation S-K"), for a redline.
    source: str = ""


def parse_units(text: str) -> tuple[Unit, ...]:
    """The units of a form text (see the module docstring for the syntax)."""
    units: list[Unit] = []
    number = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        match = _MARKER.match(line)
        if match is None:
            if units:
                raise FormSyntaxError(f"a form line after the opening needs a marker: {line[:40]!r}")
            label, marker, body = "opening", "", line
        else:
            marker = match.group("label")
            body = line[match.end():]
            if marker.isdigit():
                number, label = marker, marker
            else:
                label = f"{number}({marker})"
        units.append(make_unit(label, _form_tokens(body), marker))
    if not units:
        raise FormSyntaxError("the form text is empty")
    return tuple(units)


#: Every unit made, by content: the versions of a form share most paragraphs word for word, and
#: one object for each lets the comparisons of a certification be shared between versions.
_UNITS: dict[Unit, Unit] = {}


def make_unit(label: str, tokens: tuple[FormToken, ...], marker: str) -> Unit:
    literal = tuple(t.key for t in tokens if t.placeholder is None)
    required = sum(1 for t in tokens if t.placeholder is None and t.passage < 0)
    unit = Unit(label, tokens, marker, literal, len(tokens) - len(literal), required, _variants(tokens),
                form_codes(literal))
    return _UNITS.setdefault(unit, unit)


def _variants(tokens: tuple[FormToken, ...]) -> tuple[Variant, ...]:
    passages = sorted({t.passage for t in tokens if t.passage >= 0})
    left_outs = [set(combination) for size in range(1, len(passages) + 1)
                 for combination in itertools.combinations(passages, size)]
    kept = [tokens, *(tuple(t for t in tokens if t.passage < 0 or t.passage not in out) for out in left_outs)]
    return tuple(Variant(form, form_codes(t.key for t in form)) for form in kept)


def _form_tokens(body: str) -> tuple[FormToken, ...]:
    tokens: list[FormToken] = []
    passage, passages = -1, 0
    for piece in _PIECE.split(body):
        if piece == "[[":
            if passage >= 0:
                raise FormSyntaxError("nested [[ in a form text")
            passage, passages = passages, passages + 1
        elif piece == "]]":
            if passage < 0:
                raise FormSyntaxError("]] without [[ in a form text")
            passage = -1
        elif piece.startswith("{") and piece.endswith("}"):
            tokens.append(FormToken(piece, piece, passage, piece[1:-1]))
        else:
            tokens.extend(FormToken(t.text, t.key, passage) for t in tokenize(piece))
    if passage >= 0:
        raise FormSyntaxError("[[ without ]] in a form text")
    if not tokens:
        raise FormSyntaxError("a form unit without text")
    return tuple(tokens)


_SMALL_BUSINESS = {"registrant": ("small", "business", "issuer"),
                   "registrant's": ("small", "business", "issuer's")}


def small_business(version: Version) -> Version:
    """The Regulation S-B wording of a version: "small business issuer" for "registrant"."""
    units = []
    for unit in version.units:
        tokens: list[FormToken] = []
        for token in unit.tokens:
            words = _SMALL_BUSINESS.get(token.key)
            if words is None:
                tokens.append(token)
            else:
                tokens.extend(FormToken(w, w, token.passage) for w in words)
        units.append(make_unit(unit.label, tuple(tokens), unit.marker))
    return replace(version, units=tuple(units), label=version.label + ", small business issuer")
