"""A document's text as the report shows it: paragraphs of runs, a certification as a redline.

A certification is drawn from the word alignment the form rules read their deviations from
(`FormChecker.alignments`): form words the certification lacks are deleted runs, its own words
added runs, the filer's fill-ins for placeholders fill runs. Text outside a certification is
plain. Each atom keeps its span in the source, where the report places the diagnostics.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from msgspec import Struct, field

from certlint.analysis.form.tokens import (
    PUNCTUATION_NO_SPACE_AFTER,
    PUNCTUATION_NO_SPACE_BEFORE,
    Token,
    tokenize,
)

if TYPE_CHECKING:
    from certlint.analysis.form.spec import FormToken, Unit
    from certlint.analysis.form.words import WordAlignment
    from certlint.checks.form import FormAlignment
    from certlint.document import Document
    from certlint.document.prose import Prose

_SPACE = re.compile(r"\s+")


class Atom(Struct):
    """One word or mark: what it is in the redline, its text, and its span in the source
    (-1 for a form word the certification does not have)."""

    kind: str
    text: str
    start: int = -1
    end: int = -1
    placeholder: str = ""
    notes: list[int] = field(default_factory=list)
    anchors: list[int] = field(default_factory=list)


class Run(Struct, frozen=True):
    """Consecutive atoms alike: kind (same, added, deleted, fill, marker, plain), text, the
    numbers of the diagnostics covering it and of those whose place starts here."""

    kind: str
    text: str
    placeholder: str
    notes: tuple[int, ...]
    anchors: tuple[int, ...]


class Paragraph(Struct):
    """A paragraph: of the form (kind form, added, deleted, optional, excused), outside the
    form's comparison (outside), or plain text around a certification (plain)."""

    kind: str
    label: str
    atoms: list[Atom] = field(default_factory=list)

    @property
    def runs(self) -> list[Run]:
        runs: list[Run] = []
        for atom in self.atoms:
            key = (atom.kind, atom.placeholder, tuple(atom.notes))
            if runs and not atom.anchors and (runs[-1].kind, runs[-1].placeholder, runs[-1].notes) == key:
                last = runs[-1]
                runs[-1] = Run(last.kind, last.text + atom.text, last.placeholder, last.notes, last.anchors)
            else:
                runs.append(Run(atom.kind, atom.text, atom.placeholder, key[2], tuple(atom.anchors)))
        return runs

    @property
    def anchored(self) -> list[int]:
        """The diagnostics whose place is in this paragraph, in order."""
        return [n for atom in self.atoms for n in atom.anchors]


class Certification(Struct):
    """A certification's redline and what the filer filled in ({registrant}: "Example Corp.")."""

    version: str
    paragraphs: list[Paragraph]
    fills: dict[str, str]
    #: Where the version is set out, when the pack says (else the form rule's source).
    source: str = ""


#: A document's body: plain paragraphs and certifications, in the order of the text.
Block = Paragraph | Certification


def document_body(doc: Document, alignments: Sequence[FormAlignment]) -> list[Block]:
    """The document's text: each certification as a redline, the rest as plain paragraphs."""
    prose = doc.prose
    blocks: list[Block] = []
    position = 0
    for aligned in alignments:
        cert = aligned.certification
        if not cert.units:
            continue
        begin = cert.units[0].first.start
        blocks.extend(plain(prose, tokenize(prose.text, position, begin)))
        blocks.append(redline(prose, aligned))
        blocks.extend(plain(prose, cert.tail))
        last = cert.units[-1]
        position = cert.tail[-1].end if cert.tail else (last.tokens[-1] if last.tokens else last.first).end
    blocks.extend(plain(prose, tokenize(prose.text, position)))
    return blocks


def plain(prose: Prose, tokens: Sequence[Token]) -> list[Paragraph]:
    """Tokens as plain paragraphs, one per line of the source (a signature block keeps its
    lines); a line's text from its start to its end, so that nothing around its words is lost."""
    text, breaks = prose.text, prose.breaks
    paragraphs: list[Paragraph] = []
    since = tokens[0].start if tokens else 0
    for index, token in enumerate(tokens):
        last_break = bisect.bisect_left(breaks, token.start) - 1
        wrapped = last_break >= 0 and breaks[last_break] >= since
        if token.line_start or wrapped or not paragraphs:
            if paragraphs:
                _trail(paragraphs[-1], text[since : breaks[last_break] if wrapped else token.start])
            paragraphs.append(Paragraph("plain", ""))
            since = max(since, text.rfind("\n", 0, token.start) + 1,
                        breaks[last_break] + 1 if wrapped else 0)
        paragraphs[-1].atoms.append(_written("plain", prose, token, since))
        since = token.end
        if index == len(tokens) - 1:
            _trail(paragraphs[-1], text[since:])
    return paragraphs


def _trail(paragraph: Paragraph, rest: str) -> None:
    """What follows a paragraph's last word on its line (a closing tag left in text) ends it."""
    rest = rest.split("\n", 1)[0]
    if rest.strip() and paragraph.atoms:
        paragraph.atoms[-1].text += _SPACE.sub(" ", rest).rstrip()


def _written(kind: str, prose: Prose, token: Token, since: int, placeholder: str = "") -> Atom:
    """An atom for a written token: its text from `since` (the end of the word before it), so
    that what lies between words is shown too; whitespace as one space."""
    shown = _SPACE.sub(" ", prose.text[min(since, token.start) : token.end])
    return Atom(kind, shown, prose.to_source(token.start), prose.to_source_end(token.end), placeholder)


def _deleted(token: FormToken, before: str | None) -> Atom:
    """A form word the certification lacks, spaced after `before` (the text it follows; None
    at the start of a paragraph) as the form spaces it."""
    shown = f"[{token.placeholder}]" if token.placeholder is not None else token.text
    glued = (before is None or shown in PUNCTUATION_NO_SPACE_BEFORE
             or before[-1:] in PUNCTUATION_NO_SPACE_AFTER)
    return Atom("deleted", ("" if glued else " ") + shown)


def redline(prose: Prose, aligned: FormAlignment) -> Certification:
    """A certification against the version it was held to, paragraph by paragraph in the
    certification's order; a form paragraph it lacks is shown where the form puts it.

    A written paragraph matched to no form unit is added when the analysis reported it (not
    in the form, repeated, out of order, replacing one), else outside the comparison (what
    follows the form's last paragraph)."""
    analysis, cert = aligned.analysis, aligned.certification
    units = analysis.version.units
    index_of = {id(unit): i for i, unit in enumerate(units)}
    by_written = {id(a.written): a for a in analysis.alignment}
    matched = {index_of[id(a.unit)] for a in analysis.alignment}
    reported = {d.start for d in analysis.deviations if d.kind in ("structure", "wording")}
    unwritten = [i for i in range(len(units)) if i not in matched]
    kinds = {i: "optional" if units[i].optional else "excused" if i in analysis.excused else "deleted"
             for i in unwritten}
    paragraphs: list[Paragraph] = []
    fills: dict[str, str] = {}
    after_last = 0
    starts = [u.first.start for u in cert.units[1:]] + [cert.tail[0].start if cert.tail else len(prose.text)]
    for written, stop in zip(cert.units, starts, strict=True):
        pair = by_written.get(id(written))
        if pair is None:
            kind = "added" if written.first.start in reported else "outside"
            paragraph = Paragraph(kind, written.label if written.marker else "")
            since = _marker(prose, paragraph, written.first, written.tokens)
            for token in written.tokens:
                paragraph.atoms.append(_written(kind, prose, token, since))
                since = token.end
        else:
            f = index_of[id(pair.unit)]
            while unwritten and unwritten[0] < f:
                paragraphs.append(_unwritten(units[unwritten[0]], kinds[unwritten.pop(0)]))
            paragraph = _aligned(prose, pair, fills)
        if written.tokens:
            _trail(paragraph, prose.text[written.tokens[-1].end : stop])
        paragraphs.append(paragraph)
        if pair is not None:
            after_last = len(paragraphs)
    paragraphs[after_last:after_last] = [_unwritten(units[i], kinds[i]) for i in unwritten]
    return Certification(aligned.version, paragraphs, fills, aligned.analysis.version.source)


def _unwritten(unit: Unit, kind: str) -> Paragraph:
    """A form unit the certification lacks: optional in this version, left out as an amendment
    may (excused), or deleted; its words struck, placeholders as [name]."""
    paragraph = Paragraph(kind, unit.where)
    for token in unit.tokens:
        paragraph.atoms.append(_deleted(token, paragraph.atoms[-1].text if paragraph.atoms else None))
    return paragraph


def _marker(prose: Prose, paragraph: Paragraph, first: Token, tokens: Sequence[Token]) -> int:
    """The paragraph's marker as written ("4.", "(c)"), which lettering diagnostics point at;
    returns where the text after it starts."""
    if not tokens or first is tokens[0]:
        return tokens[0].start if tokens else first.start
    marker = prose.text[first.start : tokens[0].start].rstrip()
    end = first.start + len(marker)
    paragraph.atoms.append(Atom("marker", _SPACE.sub(" ", marker), prose.to_source(first.start),
                                prose.to_source_end(end)))
    return end


def _aligned(prose: Prose, pair: WordAlignment, fills: dict[str, str]) -> Paragraph:
    """A written paragraph against its form unit, edit by edit: equal words as they are
    written, a run of edits as the form's words struck and the written ones added, or, where
    the form has a placeholder, the written words as its fill."""
    written, form = pair.written, pair.form
    doc = written.tokens
    paragraph = Paragraph("form", pair.unit.where)
    since = _marker(prose, paragraph, written.first, doc)
    atoms = paragraph.atoms

    def add(kind: str, tokens: Sequence[Token], placeholder: str = "") -> None:
        nonlocal since
        for token in tokens:
            atoms.append(_written(kind, prose, token, since, placeholder))
            since = token.end

    def strike(tokens: Sequence[FormToken]) -> None:
        for token in tokens:
            atoms.append(_deleted(token, atoms[-1].text if atoms else None))

    edits = list(pair.edits)
    i = 0
    while i < len(edits):
        tag, f1, f2, d1, d2 = edits[i]
        if tag == "equal":
            add("same", doc[d1:d2])
            i += 1
            continue
        while i + 1 < len(edits) and edits[i + 1][0] != "equal":  # one run of edits
            i += 1
            f2, d2 = edits[i][2], edits[i][4]
        i += 1
        expected, found = form[f1:f2], doc[d1:d2]
        holes = [k for k, t in enumerate(expected) if t.placeholder is not None]
        if holes and found:
            name = ", ".join(str(expected[k].placeholder) for k in holes)
            strike(expected[: holes[0]])
            begin = len(atoms)
            add("fill", found, name)
            fills.setdefault(name, "".join(a.text for a in atoms[begin:]).strip())
            strike([t for t in expected[holes[0]:] if t.placeholder is None])
        else:
            strike(expected)
            add("added", found)
    return paragraph
