"""A generator of signature blocks: one certification, its signature area laid out as filings do.

Each family is a layout seen in real filings (the signature on the date line, labels with the
value in the next cell, name and title on one line, small capitals, titles that go on...). A
family gives the block as rows of cells of lines; `render` writes it as text, HTML or Markdown,
under the body of a 302 or 906 certification naming the same signer. The reading of every
rendering must be the same, and a clean one must draw no diagnostic from the signature rules.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from tests.titles.formats import Row, docx_bytes, html_rows, markdown_rows, text_rows

FORMATS = ("txt", "htm", "md")


@dataclass(frozen=True)
class Signer:
    first: str
    middle: str  # "" for none
    last: str
    suffix: str  # "" for none
    title: tuple[str, ...]  # the title's lines
    role: str  # "(Principal Executive Officer)" or ""
    date: str  # "February 27, 2026"
    #: What the signature says, when a test makes it differ from the name the body gives.
    signed: str = ""

    @property
    def conformed(self) -> str:
        return self.signed or self.name

    @property
    def name(self) -> str:
        parts = [self.first, *([self.middle] if self.middle else []), self.last]
        return " ".join(parts) + (f", {self.suffix}" if self.suffix else "")

    @property
    def title_text(self) -> str:
        return " ".join(self.title)


def _stacked(s: Signer) -> tuple[Row, ...]:
    rows: list[Row] = [((f"Date: {s.date}",),), ((f"/s/ {s.conformed}",),), ((s.name,),)]
    rows += [((line,),) for line in s.title]
    return (*rows, *((((s.role,),),) if s.role else ()))


def _date_line(s: Signer) -> tuple[Row, ...]:
    rows: list[Row] = [((f"Date: {s.date}",), (f"/s/ {s.conformed}",)), (("",), (s.name,))]
    rows += [(("",), (line,)) for line in s.title]
    return (*rows, *(((("",), (s.role,)),) if s.role else ()))


def _by_line(s: Signer) -> tuple[Row, ...]:
    rows: list[Row] = [((f"By: /S/ {s.conformed.upper()}",),), ((s.name,),)]
    rows += [((line,),) for line in s.title]
    return (*rows, *((((s.role,),),) if s.role else ()), ((f"Dated: {s.date}",),))


def _labels_inline(s: Signer) -> tuple[Row, ...]:
    title = s.title_text + (f" {s.role}" if s.role else "")
    return (((f"By: /s/ {s.conformed}",),), ((f"Name: {s.name}",),), ((f"Title: {title}",),),
            ((f"Date: {s.date}",),))


def _labels_next_cell(s: Signer) -> tuple[Row, ...]:
    title = s.title_text + (f" {s.role}" if s.role else "")
    return ((("By:",), (f"/s/ {s.conformed}",)), (("Name:",), (s.name,)), (("Title:",), (title,)),
            (("Date:",), (s.date,)))


def _labels_next_row(s: Signer) -> tuple[Row, ...]:
    title = s.title_text + (f" {s.role}" if s.role else "")
    return (((f"Date: {s.date}",),), (("By:",),), ((f"/s/ {s.conformed}",),), (("Name:",),), ((s.name,),),
            (("Title:",),), ((title,),))


def _name_comma_title(s: Signer) -> tuple[Row, ...]:
    title = s.title_text + (f" {s.role}" if s.role else "")
    return (((f"/s/ {s.conformed}",),), ((f"{s.name}, {title}",),), ((s.date,),))


def _name_nbsp_title(s: Signer) -> tuple[Row, ...]:
    title = s.title_text + (f" {s.role}" if s.role else "")
    return (((f"Date: {s.date}",),), ((f"/s/ {s.conformed}\x02{title}",),))


def _small_caps(s: Signer) -> tuple[Row, ...]:
    rows: list[Row] = [((f"\x03{s.conformed}",),), ((s.name,),)]
    rows += [((line,),) for line in s.title]
    return (*rows, *((((s.role,),),) if s.role else ()), ((s.date,),))


def _source_breaks(s: Signer) -> tuple[Row, ...]:
    first, _, rest = s.conformed.upper().partition(" ")
    cell = (f"/S/ {first}\x01{rest}", s.name, *s.title, *((s.role,) if s.role else ()))
    return (((f"Date: {s.date}",),), (cell,))


def _title_goes_on(s: Signer) -> tuple[Row, ...]:
    rows: list[Row] = [((f"/s/ {s.conformed}",),), ((s.name,),)]
    rows += [((line,),) for line in s.title[:-1]]
    rows.append(((f'{s.title[-1]} of Acme Foods, Inc. (the "Company")',),))
    return (*rows, *((((s.role,),),) if s.role else ()), ((f"Date: {s.date}",),))


def _date_cell_beside(s: Signer) -> tuple[Row, ...]:
    rows: list[Row] = [((s.date,), (f"/s/ {s.conformed}",)), (("",), (s.name,))]
    rows += [(("",), (line,)) for line in s.title]
    return (*rows, *(((("",), (s.role,)),) if s.role else ()))


def _backslash(s: Signer) -> tuple[Row, ...]:
    rows: list[Row] = [((f"Date: {s.date}",),), ((f"\\s\\ {s.conformed}",),), ((s.name,),)]
    return (*rows, *(((line,),) for line in s.title), *((((s.role,),),) if s.role else ()))


def _typed_only(s: Signer) -> tuple[Row, ...]:
    """A typed name in the signature position, no "/s/" (Regulation S-T Rule 302(a): a signature)."""
    rows: list[Row] = [((f"Date: {s.date}",),), ((s.conformed,),)]
    return (*rows, *(((line,),) for line in s.title), *((((s.role,),),) if s.role else ()))


def _title_above(s: Signer) -> tuple[Row, ...]:
    """The title (and role) over the "/s/" line, the typed name under it."""
    rows: list[Row] = [((f"Date: {s.date}",),), *(((line,),) for line in s.title)]
    return (*rows, *((((s.role,),),) if s.role else ()), ((f"/s/ {s.conformed}",),), ((s.name,),))


FAMILIES: dict[str, Callable[[Signer], tuple[Row, ...]]] = {
    "stacked": _stacked, "date-line": _date_line, "by-line": _by_line,
    "labels-inline": _labels_inline, "labels-next-cell": _labels_next_cell,
    "labels-next-row": _labels_next_row, "name-comma-title": _name_comma_title,
    "name-nbsp-title": _name_nbsp_title, "small-caps": _small_caps,
    "source-breaks": _source_breaks, "title-goes-on": _title_goes_on,
    "date-cell-beside": _date_cell_beside, "backslash": _backslash, "typed-only": _typed_only,
    "title-above": _title_above,
}


def _302_body(s: Signer) -> list[str]:
    return [
        "EXHIBIT 31.1", "CERTIFICATION", f"I, {s.name}, certify that:",
        "1. I have reviewed this annual report on Form 10-K of Example Corp.;",
        "2. Based on my knowledge, this report does not contain any untrue statement of a material "
        "fact or omit to state a material fact necessary to make the statements made, in light of "
        "the circumstances under which such statements were made, not misleading with respect to "
        "the period covered by this report;",
    ]


def _906_body(s: Signer) -> list[str]:
    return [
        "EXHIBIT 32.1", "CERTIFICATION PURSUANT TO 18 U.S.C. SECTION 1350",
        "In connection with the Annual Report on Form 10-K of Example Corp. (the \"Company\") for "
        f"the fiscal year ended December 31, 2025 (the \"Report\"), I, {s.name}, certify, pursuant "
        "to 18 U.S.C. Section 1350, that, to my knowledge: (1) the Report fully complies with the "
        "requirements of Section 13(a) or 15(d) of the Securities Exchange Act of 1934; and (2) the "
        "information contained in the Report fairly presents, in all material respects, the "
        "financial condition and results of operations of the Company.",
    ]


#: Defects a test injects into a rendered block: no signature at all (neither "/s/" nor a typed
#: name), a "/s/" with no name, no date anywhere, a "Date:" left blank.
DEFECTS = ("unsigned", "no-name", "undated", "blank-date")


def _defective(rows: tuple[Row, ...], s: Signer, defect: str) -> tuple[Row, ...]:
    """`rows` with `defect` injected, the rest of the block as it was."""
    name, first, _, rest = s.conformed, *s.conformed.upper().partition(" ")
    marks = [f"/s/ {name}", f"/S/ {name.upper()}", f"\\s\\ {name}", f"\x03{name}",
             f"/S/ {first}\x01{rest}"]

    def line(text: str) -> str:
        if defect in ("unsigned", "no-name"):
            for mark in marks:
                text = text.replace(mark, "/s/" if defect == "no-name" else "")
            if text.strip() in (name, s.name) or text.startswith(f"{s.name}, "):
                text = text[len(s.name):].lstrip(", ")  # the typed name (its title stays)
            text = text.replace(f"Name: {s.name}", "Name:").lstrip("\x02")
            return "By:" if text.startswith("By:") and not text[3:].strip() else text
        if s.date not in text:
            return text
        if defect == "blank-date":
            return "Date:" if text == s.date or text.endswith(f": {s.date}") else text.replace(s.date, "")
        return ""

    def row_of(row: Row) -> Row:
        if defect in ("undated", "blank-date") and (s.date,) in row \
                and (("Date:",) in row or ("Dated:",) in row):  # the date's own cell
            blank = ("Date:",) if defect == "undated" else (s.date,)  # undated: its label too
            return tuple(("",) if cell in (blank, (s.date,)) else cell for cell in row)
        return tuple(tuple(line(text) for text in cell) for cell in row)

    return tuple(row_of(row) for row in rows)


def render(family: str, fmt: str, signer: Signer, kind: str = "302", grid: bool = False,
           defect: str = "") -> str:
    """The certification with its signature area in `family`'s layout, in format `fmt`; with
    `grid`, HTML tables as Workiva writes them (padding cells, colspans, a wide first row);
    with `defect` (one of `DEFECTS`), that defect injected into the signature area."""
    body = _302_body(signer) if kind == "302" else _906_body(signer)
    rows = FAMILIES[family](signer)
    if defect:
        rows = _defective(rows, signer, defect)
    if fmt == "txt":
        return "\n\n".join(body) + "\n\n" + text_rows(rows)
    if fmt == "md":
        return "\n\n".join(body) + "\n\n" + markdown_rows(rows)
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in body)
    return f"<html><body>\n{paragraphs}{html_rows(rows, grid)}</body></html>\n"


def render_docx(family: str, signer: Signer, kind: str = "302", defect: str = "") -> bytes:
    """The certification as a Word document: body paragraphs, then the signature area as
    paragraphs (one cell a row) or a table (several cells a row)."""
    rows = FAMILIES[family](signer)
    if defect:
        rows = _defective(rows, signer, defect)
    return docx_bytes(_302_body(signer) if kind == "302" else _906_body(signer), rows)
