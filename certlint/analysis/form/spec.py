"""A prescribed form, parsed once: units (opening, paragraphs, sub-paragraphs) of form tokens.

Form text syntax (one unit per line): an optional marker ("1.", "(a)") that gives the unit its
label; `{name}` is a placeholder that stands for any words, the filer's to fill in (the
certifier's name, the report, the registrant); `[[...]]` is an optional passage, one that this
version lets a filer leave out (a whole unit in `[[...]]` is an optional unit).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from msgspec import Struct
from msgspec.structs import replace

from certlint.analysis.form.codes import form_codes
from certlint.analysis.form.tokens import has_token, join_tokens, tokenize

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
    #: The whole unit is an optional passage: set once, as the alignment asks for every unit
    #: of every version a certification is held to.
    optional: bool = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "optional", bool(self.tokens) and all(t.passage >= 0 for t in self.tokens))

    @property
    def where(self) -> str:
        return "opening" if self.label == "opening" else f"paragraph {self.label}"

    def excerpt(self, limit: int = 12) -> str:
        words = [t.text if t.placeholder is None else f"[{t.placeholder}]" for t in self.tokens]
        text = join_tokens(words[:limit])
        return text + (" ..." if len(words) > limit else "")


class Deferred:
    """A version's units, made on first use: a pack has a dozen versions and a certification
    is compared with the few its dates allow, so tokenising every version's text at start-up
    would cost a one-file run more than its lint. Equal when the units are equal (a version
    compares by its units, as when they were made at once)."""

    __slots__ = ("_make", "_units")

    def __init__(self, make: Callable[[], tuple[Unit, ...]]) -> None:
        self._make: Callable[[], tuple[Unit, ...]] | None = make
        self._units: tuple[Unit, ...] = ()

    def get(self) -> tuple[Unit, ...]:
        if self._make is not None:
            self._units, self._make = self._make(), None
        return self._units

    def __eq__(self, other: object) -> bool:
        if other is self:
            return True
        return self.get() == (other.get() if isinstance(other, Deferred) else other)

    def __hash__(self) -> int:
        return hash(self.get())

    def __repr__(self) -> str:
        return f"Deferred({self.get()!r})"


class Version(Struct, frozen=True):
    """A version of the form and the dates for which it is the prescribed one."""

    name: str
    label: str
    #: Its units (`units`), or a `Deferred` that makes them when first read.
    parts: tuple[Unit, ...] | Deferred
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

    @property
    def units(self) -> tuple[Unit, ...]:
        parts = self.parts
        return parts if isinstance(parts, tuple) else parts.get()


def parse_units(text: str) -> tuple[Unit, ...]:
    """The units of a form text (see the module docstring for the syntax)."""
    return _make_units(_lines(text))


def deferred_units(text: str) -> Deferred:
    """`parse_units(text)`, made on first use; the syntax is checked now, so that a pack with a
    malformed form text is refused when it is compiled, as before."""
    lines = _lines(text)
    return Deferred(lambda: _make_units(lines))


#: A unit's line of form text, checked: its label, its marker and its pieces (`_pieces`).
_Line = tuple[str, str, list[tuple[str, int]]]


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    number = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        match = _MARKER.match(line)
        if match is None:
            if lines:
                raise FormSyntaxError(f"a form line after the opening needs a marker: {line[:40]!r}")
            label, marker, body = "opening", "", line
        else:
            marker = match.group("label")
            body = line[match.end():]
            if marker.isdigit():
                number, label = marker, marker
            else:
                label = f"{number}({marker})"
        lines.append((label, marker, _pieces(body)))
    if not lines:
        raise FormSyntaxError("the form text is empty")
    return lines


def _make_units(lines: list[_Line]) -> tuple[Unit, ...]:
    return tuple(make_unit(label, _form_tokens(pieces), marker) for label, marker, pieces in lines)


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


def _pieces(body: str) -> list[tuple[str, int]]:
    """A unit's text and placeholders, each with the index of the optional passage holding it
    (or -1), the syntax checked without tokenising (`has_token`)."""
    pieces: list[tuple[str, int]] = []
    passage, passages = -1, 0
    has_text = False
    for piece in _PIECE.split(body):
        if piece == "[[":
            if passage >= 0:
                raise FormSyntaxError("nested [[ in a form text")
            passage, passages = passages, passages + 1
        elif piece == "]]":
            if passage < 0:
                raise FormSyntaxError("]] without [[ in a form text")
            passage = -1
        else:
            pieces.append((piece, passage))
            has_text = has_text or _is_placeholder(piece) or has_token(piece)
    if passage >= 0:
        raise FormSyntaxError("[[ without ]] in a form text")
    if not has_text:
        raise FormSyntaxError("a form unit without text")
    return pieces


def _is_placeholder(piece: str) -> bool:
    return piece.startswith("{") and piece.endswith("}")


def _form_tokens(pieces: list[tuple[str, int]]) -> tuple[FormToken, ...]:
    tokens: list[FormToken] = []
    for piece, passage in pieces:
        if _is_placeholder(piece):
            tokens.append(FormToken(piece, piece, passage, piece[1:-1]))
        else:
            tokens.extend(FormToken(t.text, t.key, passage) for t in tokenize(piece))
    return tuple(tokens)


_SMALL_BUSINESS = {"registrant": ("small", "business", "issuer"),
                   "registrant's": ("small", "business", "issuer's")}


def small_business(version: Version) -> Version:
    """The Regulation S-B wording of a version: "small business issuer" for "registrant" (its
    units made when first read, as the version's)."""
    return replace(version, parts=Deferred(lambda: _small_business_units(version)),
                   label=version.label + ", small business issuer")


def _small_business_units(version: Version) -> tuple[Unit, ...]:
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
    return tuple(units)
