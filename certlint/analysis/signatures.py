"""Signature blocks of a certification, read from a Document's prose view.

Checks of names, titles, dates and (later) whole filings all need the same facts: who signs
(the conformed "/s/ Name"), under which typed name and title, with which role designation and
date, and whom the body names ("I, [name], certify that", "we, X and Y, hereby certify"). This
module finds them once, line by line (`Prose.block_lines`: a signature block is usually one
block of several source lines in text, separate paragraphs or table cells in HTML, pipe-table
cells in Markdown), and hands back frozen records whose spans are prose offsets.

API:
- `signatures(doc) -> tuple[Signature, ...]`, in document order;
- `is_title_text(text)`: whether a line reads as an officer title;
- `name_tokens(spans)`, `squash(text)`: helpers for comparing names.
The parties named in the body, and the cut of a document into statements, are in
`certlint.analysis.parties`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from certlint.analysis.dates.extract import is_date_line
from certlint.analysis.memo import per_document

if TYPE_CHECKING:
    from certlint.document import Document

#: Words officer titles are made of; used to tell a title line from a name line.
TITLE_WORDS = frozenset("""
chief executive financial accounting operating officer officers principal president vice senior
chairman chairwoman chair chairperson board treasurer controller comptroller secretary interim
acting managing general partner manager trustee administrator director directors corporate
global group co ceo cfo coo cao peo pfo pao executive-vice counsel finance operations
administration worldwide international human resources legal technology strategy strategic sales
marketing development business investor relations risk compliance lead independent emeritus
deputy assistant associate division regional north america americas officer's
""".split())  # noqa: SIM905
_TITLE_WORD_LIST = tuple(sorted(TITLE_WORDS))
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
CONNECTIVES = frozenset({"and", "of", "the", "&", "for", "to", "in", "on", "at", "a"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})
#: Honorifics and degrees left out when names are compared ("Dr. Jane Doe" is "Jane Doe, M.D.").
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "md", "phd", "cpa", "esq"})

_CONFORMED = re.compile(r"^(?:(?:by|signature|signed)\s*:?\s*)?/s/(?:\s|&nbsp;?)*", re.IGNORECASE)
# A Markdown source may keep "&nbsp;" as text (the HTML reader decodes it).
_NBSP = re.compile(r"&nbsp;?", re.IGNORECASE)
_BY_ONLY = re.compile(r"^by\s*:?$", re.IGNORECASE)
_LABEL = re.compile(r"^(name|title|its|by|company|date|dated)\s*:\s*", re.IGNORECASE)
_MARKUP_HEAD = re.compile(r"^(?:\s|\*|_|\||&nbsp;?|</?(?:u|b|i|strong|em)>|(?:- )?[-_=]{3,})+", re.IGNORECASE)
_MARKUP_TAIL = re.compile(r"(?:\s|\*|_|\||&nbsp;?|</?(?:u|b|i|strong|em)>)+$", re.IGNORECASE)
_CELL_SPLIT = re.compile(r"\||<br\s*/?>", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'.-]*")
_CELL_SLOT = 1000
_COLUMN_TOLERANCE = 8


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of prose: [start, end) and its text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Signature:
    """One signature block: conformed signature, typed name, title lines, roles and date."""

    marker: Span
    conformed: tuple[Span, ...]
    name: Span | None = None
    titles: tuple[Span, ...] = ()
    roles: tuple[Span, ...] = ()
    date: Span | None = None

    @property
    def conformed_text(self) -> str:
        return " ".join(span.text for span in self.conformed)

    @property
    def title_text(self) -> str:
        """The title lines joined ("Senior Vice President," + "Chief Financial Officer")."""
        return " ".join(span.text for span in self.titles)

    @property
    def display_name(self) -> str:
        return self.name.text if self.name is not None else self.conformed_text


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str
    #: Horizontal place: the source column of a piece of a text line laid out in columns, a
    #: multiple of _CELL_SLOT for a pipe-table cell, -1 for a line that goes with any column.
    column: int
    row: int = 0
    #: The prose block (paragraph, table cell) the line belongs to.
    block: int = 0


def squash(text: str) -> str:
    """A name reduced for comparison: letters and digits only, lower case, accents dropped."""
    import unicodedata

    text = _NBSP.sub(" ", text)
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if ch.isalnum())


def name_tokens(spans: tuple[Span, ...] | list[Span]) -> list[Span]:
    """The words of a name with their prose spans (commas dropped, periods kept)."""
    tokens = []
    for span in spans:
        for match in _WORD.finditer(span.text):
            word = match.group().rstrip(",")
            if word.lower() == "nbsp" and match.start() > 0 and span.text[match.start() - 1] == "&":
                continue
            tokens.append(Span(span.start + match.start(), span.start + match.start() + len(word), word))
    return tokens


def _trim(text: str, start: int) -> tuple[str, int]:
    head = _MARKUP_HEAD.match(text)
    cut = head.end() if head else 0
    tail = _MARKUP_TAIL.search(text, cut)
    end = tail.start() if tail else len(text)
    return text[cut:end], start + cut


def _lines(doc: Document) -> list[_Line]:
    """Source lines of every block, pipe-table rows split into cells, `<br>` into lines, and
    side-by-side text columns (three or more spaces in the source) into pieces."""
    prose = doc.prose
    seen: set[int] = set()
    lines: list[_Line] = []
    row = -1
    for block_index, block in enumerate(prose.blocks):
        for start, end in prose.block_lines(block):
            raw = prose.text[start:end]
            table = raw.startswith("|")
            pieces = _cells(raw) if table else _columns(doc, raw, start)
            row += 1
            for piece_start, piece_end, column in pieces:
                piece, offset = _trim(raw[piece_start:piece_end], start + piece_start)
                if not piece or set(piece) <= set("-: "):
                    continue
                source = prose.to_source(offset)
                if source in seen:  # a Markdown table row read once per cell
                    continue
                seen.add(source)
                if column == 0 and not table:  # a text column: where it starts in the source
                    column = doc.lines.position(source)[1]
                lines.append(_Line(offset, offset + len(piece), piece, column, row, block_index))
    return lines


def _cells(raw: str) -> list[tuple[int, int, int]]:
    """Pipe-table cells (column = cell index), each split at `<br>`."""
    out = []
    position = 0
    for match in [*_CELL_SPLIT.finditer(raw), None]:
        end = match.start() if match else len(raw)
        out.append((position, end, _CELL_SLOT * raw.count("|", 0, position)))
        position = match.end() if match else len(raw)
    return out


def _columns(doc: Document, raw: str, start: int) -> list[tuple[int, int, int]]:
    """A line split where the source has a run of 3+ spaces (text laid out in columns).

    A line that is not split gets column -1, which goes with any column.
    """
    cuts = []
    source = doc.source
    folded = doc.prose.to_source_end(start + len(raw)) - doc.prose.to_source(start) - len(raw)
    for index, char in enumerate(raw if folded >= 2 else ""):
        if char == " " and 0 < index < len(raw) - 1:
            left = doc.prose.to_source(start + index)
            right = doc.prose.to_source(start + index + 1)
            gap = source[left:right]
            after_marker = raw[:index].lower().endswith(("/s/", "by:"))
            if right - left >= 3 and gap.strip(" \t") == "" and not after_marker:
                cuts.append(index)
    if not cuts:
        pieces = [(0, len(raw), -1)]
        position = 0
        for match in _BR.finditer(raw):
            pieces.append((position, match.start(), -1))
            position = match.end()
        if position:
            pieces[0] = (position, len(raw), -1)
        return sorted(pieces)
    bounds = [0, *cuts, len(raw)]
    return [(bounds[i], bounds[i + 1], 0) for i in range(len(bounds) - 1)]


def lower_words(text: str) -> list[str]:
    """The words of a text, lower case, without surrounding periods, commas or quotes."""
    return [w.lower().strip(".,'") for w in _WORD.findall(_NBSP.sub(" ", text))]


@lru_cache(maxsize=4096)
def is_title_text(text: str) -> bool:
    """Mostly title words (one typo per word tolerated), at least one of them."""
    words = [w for w in lower_words(text) if w not in CONNECTIVES]
    if not words or any(ch.isdigit() for ch in text) or len(words) > 16:
        return False
    hits = sum(1 for w in words if w in TITLE_WORDS or _near_title_word(w))
    return hits >= 1 and hits * 2 >= len(words)


@lru_cache(maxsize=8192)
def _near_title_word(word: str) -> bool:
    if len(word) < 5:
        return False
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    return process.extractOne(word, _TITLE_WORD_LIST, scorer=OSA.distance, score_cutoff=1) is not None


def _is_name(text: str) -> bool:
    text = _NBSP.sub(" ", text)
    words = _WORD.findall(text)
    if not 1 <= len(words) <= 7 or ":" in text or any(ch.isdigit() for ch in text):
        return False
    if is_title_text(text):
        return False
    return all(w[0].isupper() or w.lower().strip(".") in SUFFIXES | HONORIFICS
               or w.lower() in ("de", "van", "von")
               for w in words)


@per_document()
def signatures(doc: Document) -> tuple[Signature, ...]:
    """Every signature block of the document, in order (parsed once per document)."""
    return _parse(doc)


def _parse(doc: Document) -> tuple[Signature, ...]:
    lines = _lines(doc)
    markers = {i: m.end() for i, line in enumerate(lines) if (m := _CONFORMED.match(line.text))}
    found: list[Signature] = []
    previous = -1
    for index, name_at in markers.items():
        sig = _signature(lines, index, name_at, _following(lines, index, markers))
        # Joint blocks share one date ("Date: ..." above the first of two signatures), unless
        # prose (another statement) stands between them.
        if sig.date is None and found and found[-1].date is not None \
                and all(len(line.text) <= 80 for line in lines[previous + 1:index]):
            sig = replace(sig, date=found[-1].date)
        found.append(sig)
        previous = index
    return tuple(found)


def _following(lines: list[_Line], index: int, markers: Mapping[int, int]) -> list[int]:
    """The lines that may continue a signature: its column, or its share of a side-by-side run.

    HTML signature tables laid out side by side give "/s/ A", "/s/ B", "A", "B", "Title A",
    "Title B" as consecutive cells (with "By:" cells between, perhaps): a run of k signatures
    takes every k-th cell after the run, with all the lines of that cell ("A<br>Title A").
    """
    column = lines[index].column
    # Signatures with a name on their own line, in one column, with only "By:" between them.
    steps = [i for i in range(len(lines)) if not _BY_ONLY.match(lines[i].text)]
    run = [i for i in steps if i in markers and markers[i] < len(lines[i].text)
           and lines[i].column == column]
    position = steps.index(index) if index in steps else -1
    start = end = position
    while start > 0 and steps[start - 1] in run:
        start -= 1
    while end + 1 < len(steps) and steps[end + 1] in run:
        end += 1
    size = end - start + 1
    if index in run and size > 1:
        after = steps[end + 1:end + 1 + 8 * size]
        cells = list(dict.fromkeys(lines[i].block for i in after))
        mine = set(cells[position - start::size])
        return [i for i in after if lines[i].block in mine]
    stop = min(len(lines), index + 40)
    return [i for i in range(index + 1, stop) if _same_column(column, lines[i].column)]


def _same_column(one: int, other: int) -> bool:
    return one == -1 or other == -1 or abs(one - other) <= _COLUMN_TOLERANCE


def _signature(lines: list[_Line], index: int, name_at: int, rest: list[int]) -> Signature:
    line = lines[index]
    marker = Span(line.start, line.start + name_at, line.text[:name_at])
    conformed: list[Span] = []
    if name_at < len(line.text):
        # "/s/ John Roe, as attorney-in-fact for": the name ends where the capacity begins.
        text = re.split(r",?\s+(?=(?:as|by|for|on behalf of)\b)|,\s+(?=[a-z])", line.text[name_at:])[0]
        conformed.append(Span(line.start + name_at, line.start + name_at + len(text), text))
    elif rest and _is_name(lines[rest[0]].text):
        first = lines[rest.pop(0)]
        conformed.append(Span(first.start, first.end, first.text))
    # A small-caps name split by tag stripping ("/s/ S" "TEVEN" "P. J" "OBS"): the pieces join
    # into the typed name that follows them, ignoring spaces.
    for count in range(1, 5):
        if len(rest) <= count:
            break
        pieces = [lines[i] for i in rest[:count]]
        joined = squash(" ".join([*(s.text for s in conformed), *(p.text for p in pieces)]))
        capitals = all(p.text.upper() == p.text for p in pieces)
        if joined and joined == squash(lines[rest[count]].text) and capitals:
            conformed.extend(Span(p.start, p.end, p.text) for p in pieces)
            del rest[:count]
            break
    name: Span | None = None
    titles: list[Span] = []
    roles: list[Span] = []
    below: Span | None = None
    previous_was_date = False
    last = index
    if conformed:
        conformed, titles = _peel_title(conformed[-1], conformed[:-1])
    for i in rest:
        text = lines[i].text
        label = _LABEL.match(text)
        if _CONFORMED.match(text):
            break
        if is_date_line(text) or (label and label.group(1).lower() in ("date", "dated")):
            # A date beside or below the signature wins over one above; "Date:" + "May 2," + "2025".
            if below is None:
                below = Span(lines[i].start, lines[i].end, text)
            elif previous_was_date and i == last + 1:
                below = Span(below.start, lines[i].end, below.text + " " + text)
            previous_was_date = True
            last = i
            continue
        previous_was_date = False
        here = Span(lines[i].start, lines[i].end, text)
        if label:
            key = label.group(1).lower()
            value = Span(here.start + label.end(), here.end, text[label.end():])
            if key == "by":
                pass
            elif key == "name" and name is None and not titles:
                name = value
            elif key in ("title", "its"):
                titles.append(value)
            else:
                break
        elif text.startswith("(") and text.endswith(")") and (titles or name is not None):
            roles.append(here)
        elif is_title_text(text):
            titles.append(here)
        elif name is None and not titles and _is_name(text.rstrip(",")):
            name = Span(here.start, here.end - (len(text) - len(text.rstrip(","))), text.rstrip(","))
        elif name is None and not titles and (split := _name_then_title(here)) is not None:
            name, title = split
            titles.append(title)
        else:
            break
        last = i
    if below is not None and not re.search(r"\d", below.text):
        below = None  # a "Date:" label whose date is elsewhere
    if below is None and last + 1 < len(lines) and is_date_line(lines[last + 1].text):
        below = Span(lines[last + 1].start, lines[last + 1].end, lines[last + 1].text)
    titles, roles = _split_roles(titles, roles)
    date = below if below is not None else _date_above(lines, index)
    return Signature(marker, tuple(conformed), name, tuple(titles), tuple(roles), date)


def _name_then_title(span: Span) -> tuple[Span, Span] | None:
    """ "Jane Doe, Chief Executive Officer" on one line: the name, then the title."""
    for match in re.finditer(r",\s*", span.text):
        head, tail = span.text[:match.start()], span.text[match.end():]
        if tail.lower().rstrip(".") in SUFFIXES or tail.lower().startswith(("jr", "sr")):
            continue
        if _is_name(head) and is_title_text(tail):
            return (Span(span.start, span.start + len(head), head),
                    Span(span.start + match.end(), span.end, tail))
    return None


def _peel_title(span: Span, before: list[Span]) -> tuple[list[Span], list[Span]]:
    """ "/s/ Jane Doe, Chief Executive Officer": the conformed name, then the title."""
    split = _name_then_title(span)
    if split is None:
        return [*before, span], []
    return [*before, split[0]], [split[1]]


def _split_roles(titles: list[Span], roles: list[Span]) -> tuple[list[Span], list[Span]]:
    """A role in parentheses on a title line ("Chief Executive Officer (Principal ...)")."""
    out: list[Span] = []
    for span in titles:
        match = re.search(r"\s*(\([^()]+\))\s*$", span.text)
        if match and match.start() > 0:
            out.append(Span(span.start, span.start + match.start(), span.text[:match.start()]))
            roles = [*roles, Span(span.start + match.start(1), span.start + match.end(1), match.group(1))]
        else:
            out.append(span)
    return out, sorted(roles, key=lambda s: s.start)


def _date_above(lines: list[_Line], index: int) -> Span | None:
    """A date beside the signature (same row) or just above it (before a "By:" line, say)."""
    for other in lines:
        if other.row == lines[index].row and other is not lines[index] and is_date_line(other.text) \
                and re.search(r"\d", other.text):
            return Span(other.start, other.end, other.text)
    for i in range(index - 1, max(-1, index - 4), -1):
        text = lines[i].text
        if is_date_line(text) and re.search(r"\d", text):
            first = i - 1 if i > 0 and is_date_line(lines[i - 1].text) else i
            return Span(lines[first].start, lines[i].end,
                        " ".join(line.text for line in lines[first:i + 1]))
        if not (_LABEL.match(text) or is_date_line(text)):
            return None
    return None
