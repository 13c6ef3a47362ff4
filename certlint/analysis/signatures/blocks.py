"""Reading a signature block's fields: conformed signature, typed name, titles, roles, date.

A line is read by what it is, not where it sits: "/s/" (also "/S/", "/ S /", "\\s\\"), a
label ("Name:", "Title:", "By:", "Date:") with its value beside it or on the next line or
cell, a name, a title (its company left out: "... of Acme Foods, Inc."), a name and title on
one line, a role in parentheses, a date. Without any "/s/", a name typed over a title below
the certifying statement is a signature (Regulation S-T Rule 302(a)), marked `typed`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from msgspec.structs import replace

from certlint.analysis.dates.extract import is_date_line
from certlint.analysis.memo import per_document
from certlint.analysis.signatures.layout import Continuations, Line, read_lines, same_column
from certlint.analysis.signatures.model import Signature, Span
from certlint.analysis.signatures.words import is_name, name_then_title, squash, title_part

if TYPE_CHECKING:
    from certlint.document import Document

# "/s/", "/S/", "/ S /" (small capitals once tags are dropped), "\\s\\" (typed by mistake).
_CONFORMED = re.compile(r"^(?:(?:by|signature|signed)\s*:?\s*)?(?:/\s?s\s?/|\\s\\)(?:\s|&nbsp;?)*",
                        re.IGNORECASE)
_CERTIFIES = re.compile(r"\bcertif(?:y|ies)\b", re.IGNORECASE)
_LABEL = re.compile(r"^(name|title|its|by|company|date|dated)\s*:\s*", re.IGNORECASE)
_TITLE_LABEL = re.compile(r"(?:title|its)\s*:", re.IGNORECASE)
# "/s/ John Roe, as attorney-in-fact for": the name ends where the capacity begins.
_CAPACITY = re.compile(r",?\s+(?=(?:as|by|for|on behalf of)\b)|,\s+(?=[a-z])")
_GOES_ON = re.compile(r"(?:\bof|\band|,)$")
_DIGIT = re.compile(r"\d")
_ROLE_AT_END = re.compile(r"\s*(\([^()]+\))\s*$")


@per_document()
def signatures(doc: Document) -> tuple[Signature, ...]:
    """Every signature block of the document, in order (parsed once per document)."""
    return _parse(doc)


def _parse(doc: Document) -> tuple[Signature, ...]:
    lines = read_lines(doc)
    markers = {i: m.end() for i, line in enumerate(lines) if (m := _CONFORMED.match(line.text))}
    if not markers:
        markers = _typed(lines)
    found: list[Signature] = []
    previous = -1
    continuations = Continuations(lines, markers, paragraphs=doc.format == "docx")
    dated_rows = _DatedRows(lines)
    used = -1  # the last line the signature before read
    for index, name_at in markers.items():
        sig, last = _signature(lines, index, name_at, continuations.of(index), dated_rows)
        if not sig.titles:
            sig = _title_above(lines, index, used, sig)
        used = last
        # Joint blocks share one date ("Date: ..." above the first of two signatures), unless
        # prose (another statement) stands between them.
        if sig.date is None and found and found[-1].date is not None \
                and all(len(line.text) <= 80 for line in lines[previous + 1:index]):
            sig = replace(sig, date=found[-1].date)
        found.append(sig)
        previous = index
    return tuple(found)


def _typed(lines: list[Line]) -> dict[int, int]:
    """Signatures typed without "/s/" (Regulation S-T Rule 302(a): a signature "in typed form"):
    a name line that ends the prose above it, under a title line or a "Title:" label."""
    found: dict[int, int] = {}
    # Only below a statement that certifies: a name over a title elsewhere is not a signature.
    body = next((i for i, line in enumerate(lines) if _CERTIFIES.search(line.text)), len(lines))
    for i in range(body + 1, len(lines) - 1):
        text = lines[i].text
        before, after = lines[i - 1].text, lines[i + 1].text
        if len(text.split()) < 2 or not is_name(text.rstrip(",")):
            continue
        if len(before) > 80 and not before.rstrip().endswith((".", ":", ";")):
            continue  # a line inside a paragraph
        if title_part(after) or _TITLE_LABEL.match(after):
            found[i] = 0
    return found


def _signature(lines: list[Line], index: int, name_at: int, rest: list[int],
               dated_rows: _DatedRows) -> tuple[Signature, int]:
    """The signature whose mark is on line `index`, and the last line it reads."""
    line = lines[index]
    marker = Span(line.start, line.start + name_at, line.text[:name_at])
    conformed: list[Span] = []
    if name_at < len(line.text):
        text = _CAPACITY.split(line.text[name_at:], maxsplit=1)[0]
        conformed.append(Span(line.start + name_at, line.start + name_at + len(text), text))
    elif rest and is_name(lines[rest[0]].text):
        first = lines[rest.pop(0)]
        conformed.append(Span(first.start, first.end, first.text))
    # A small-caps name split by tag stripping ("/s/ S" "TEVEN" "P. J" "OBS"): the pieces join
    # into the typed name that follows them, ignoring spaces. The pieces are capitals: once one
    # is not, no longer run of them can be (and the names need not be joined and compared).
    for count in range(1, 5):
        if len(rest) <= count or lines[rest[count - 1]].text.upper() != lines[rest[count - 1]].text:
            break
        pieces = [lines[i] for i in rest[:count]]
        joined = squash(" ".join([*(s.text for s in conformed), *(p.text for p in pieces)]))
        if joined and joined == squash(lines[rest[count]].text):
            conformed.extend(Span(p.start, p.end, p.text) for p in pieces)
            del rest[:count]
            break
    name: Span | None = None
    titles: list[Span] = []
    roles: list[Span] = []
    below: Span | None = None
    previous_was_date = False
    last = index
    if conformed and not is_name(conformed[0].text) and title_part(conformed[0].text) \
            and name_then_title(conformed[0]) is None:
        titles, conformed = [_title_span(conformed[0])], []  # "/s/" + spaces + the title: no name
    if conformed:
        conformed, titles = _peel_title(conformed[-1], conformed[:-1])
    pending = ""  # a label whose value is on the next line or in the next cell ("Name:" | "Jane Doe")
    for i in rest:
        text = lines[i].text
        label = _LABEL.match(text)
        key = label.group(1).lower() if label else ""
        if _CONFORMED.match(text):
            break
        if is_date_line(text) or key in ("date", "dated"):
            # A date beside or below the signature wins over one above; "Date:" + "May 2," + "2025".
            if below is None:
                below = Span(lines[i].start, lines[i].end, text)
            elif previous_was_date and i == last + 1:
                below = Span(below.start, lines[i].end, below.text + " " + text)
            previous_was_date = True
            pending = ""
            last = i
            continue
        previous_was_date = False
        here = Span(lines[i].start, lines[i].end, text)
        if label:
            value = Span(here.start + label.end(), here.end, text[label.end():])
            if key == "by":
                pending = ""
            elif key == "name" and name is None and not titles:
                name, pending = (value, "") if value.text else (None, "name")
            elif key in ("title", "its"):
                if value.text:
                    titles.append(_title_span(value))
                pending = "title"
            else:
                break
        elif pending == "name" and is_name(text.rstrip(",")):
            name, pending = _name_span(here), ""
        elif text.startswith("(") and text.endswith(")") and (titles or name is not None):
            roles.append(here)
        elif name is None and not titles and (split := name_then_title(here)) is not None:
            name, title = split
            titles.append(title)
        elif title_part(text):
            titles.append(_title_span(here))
        elif titles and _GOES_ON.search(titles[-1].text):
            pass  # the title goes on: "... of the General Partner of" + "Pipeline Partners, L.P."
        elif name is None and not titles and is_name(text.rstrip(",")):
            name = _name_span(here)
        else:
            break
        last = i
    if below is not None and not _DIGIT.search(below.text):
        below = None  # a "Date:" label whose date is elsewhere
    if below is None and last + 1 < len(lines) and is_date_line(lines[last + 1].text) \
            and _DIGIT.search(lines[last + 1].text):  # a bare "Date:" label is no date
        below = Span(lines[last + 1].start, lines[last + 1].end, lines[last + 1].text)
    titles, roles = _split_roles(titles, roles)
    date = below if below is not None else _date_above(lines, index, dated_rows)
    blank = _blank_date(lines, index, last) if date is None else None
    return Signature(marker, tuple(conformed), name, tuple(titles), tuple(roles), date, blank), last


def _title_above(lines: list[Line], index: int, used: int, sig: Signature) -> Signature:
    """A signature with no title below it, whose title stands above the "/s/" ("Chief Executive
    Officer" over "/s/ Jane Doe"): the title and role lines just above it, in its column and
    below what the signature before read, and a date over them."""
    titles: list[Span] = []
    roles: list[Span] = []
    i = index - 1
    while i > used and i >= index - 4 and same_column(lines[index], lines[i]):
        text = lines[i].text
        if text.startswith("(") and text.endswith(")"):
            roles.insert(0, Span(lines[i].start, lines[i].end, text))
        elif title_part(text) and not is_name(text):
            titles.insert(0, _title_span(Span(lines[i].start, lines[i].end, text)))
        else:
            break
        i -= 1
    if not titles:
        return sig
    titles, roles = _split_roles(titles, [*roles, *sig.roles])
    date = sig.date
    if date is None and i > used and is_date_line(lines[i].text) and _DIGIT.search(lines[i].text):
        date = Span(lines[i].start, lines[i].end, lines[i].text)
    blank = sig.blank_date
    if date is None and blank is None and i > used:
        blank = _blank_date(lines, i + 3, i - 1)  # a "Date:" left blank over the title
    return replace(sig, titles=tuple(titles), roles=tuple(roles), date=date,
                   blank_date=None if date is not None else blank)


def unsigned_area(doc: Document, start: int, end: int) -> Span | None:
    """Where a certification with no signature would be signed: the first title, label or date
    line after its last paragraph, between prose offsets `start` and `end` (None if there is
    none: the statement simply ends)."""
    lines = [line for line in read_lines(doc) if start <= line.start < end]
    prose = max((i for i, line in enumerate(lines) if _CERTIFIES.search(line.text)
                 or (len(line.text) > 80 and not title_part(line.text))), default=-1)
    for line in lines[prose + 1:]:
        if title_part(line.text) or _LABEL.match(line.text) or is_date_line(line.text):
            return Span(line.start, line.end, line.text)
    return None


def _blank_date(lines: list[Line], index: int, last: int) -> Span | None:
    """A "Date:" label left blank ("Date:", "Date: ______") above, beside or below the block."""
    for line in lines[max(0, index - 3):last + 2]:
        label = _LABEL.match(line.text)
        if label and label.group(1).lower() in ("date", "dated") and not line.text[label.end():].strip(" _"):
            return Span(line.start, line.start + label.end(), line.text[:label.end()].rstrip())
    return None


def _name_span(span: Span) -> Span:
    """A typed-name line without the comma that may end it ("Jane Doe," over the title)."""
    text = span.text.rstrip(",")
    return Span(span.start, span.start + len(text), text)


def _title_span(span: Span) -> Span:
    """The title part of a title line, without the company it is of ("... of Acme Foods, Inc.")."""
    part = title_part(span.text) or span.text
    return Span(span.start, span.start + len(part), part)


def _peel_title(span: Span, before: list[Span]) -> tuple[list[Span], list[Span]]:
    """ "/s/ Jane Doe, Chief Executive Officer": the conformed name, then the title."""
    split = name_then_title(span)
    if split is None:
        return [*before, span], []
    return [*before, split[0]], [split[1]]


def _split_roles(titles: list[Span], roles: list[Span]) -> tuple[list[Span], list[Span]]:
    """A role in parentheses on a title line ("Chief Executive Officer (Principal ...)")."""
    out: list[Span] = []
    for span in titles:
        match = _ROLE_AT_END.search(span.text)
        if match and match.start() > 0:
            out.append(Span(span.start, span.start + match.start(), span.text[:match.start()]))
            roles = [*roles, Span(span.start + match.start(1), span.start + match.end(1), match.group(1))]
        else:
            out.append(span)
    return out, sorted(roles, key=lambda s: s.start)


class _DatedRows:
    """The lines holding a date (with a digit) in each row, in order: a signature looks up its
    own row rather than reading every line of the document. A row's lines are tested for a
    date when a signature there asks: a document has many lines and few signatures."""

    def __init__(self, lines: list[Line]) -> None:
        self._lines = lines
        self._rows: dict[int, list[int]] = {}
        for i, line in enumerate(lines):
            self._rows.setdefault(line.row, []).append(i)
        self._dated: dict[int, list[int]] = {}

    def get(self, row: int) -> list[int]:
        dated = self._dated.get(row)
        if dated is None:
            texts = [(i, self._lines[i].text) for i in self._rows.get(row, ())]
            dated = self._dated[row] = [i for i, text in texts if is_date_line(text) and _DIGIT.search(text)]
        return dated


def _date_above(lines: list[Line], index: int, dated_rows: _DatedRows) -> Span | None:
    """A date beside the signature (same row) or just above it (before a "By:" line, say)."""
    for i in dated_rows.get(lines[index].row)[:2]:
        if i != index:
            other = lines[i]
            return Span(other.start, other.end, other.text)
    for i in range(index - 1, max(-1, index - 4), -1):
        text = lines[i].text
        if is_date_line(text) and _DIGIT.search(text):
            first = i - 1 if i > 0 and is_date_line(lines[i - 1].text) else i
            return Span(lines[first].start, lines[i].end,
                        " ".join(line.text for line in lines[first:i + 1]))
        if not (_LABEL.match(text) or is_date_line(text)):
            return None
    return None
