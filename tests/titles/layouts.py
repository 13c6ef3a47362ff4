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

#: A line of a cell; "\x01" is a source line break inside the line (a space in HTML), "\x02" a
#: run of non-breaking spaces between two parts of a line; a line opening with "\x03" is a
#: conformed signature in small capitals.
Cell = tuple[str, ...]
Row = tuple[Cell, ...]
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


def _caps(name: str) -> str:
    """Small capitals as text tools render them: "/ S / J ANE Q. D OE"."""
    out = []
    for word in name.upper().split():
        out.append(word if len(word) <= 2 or not word[1:].isalpha() else f"{word[0]} {word[1:]}")
    return " ".join(out)


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


FAMILIES: dict[str, Callable[[Signer], tuple[Row, ...]]] = {
    "stacked": _stacked, "date-line": _date_line, "by-line": _by_line,
    "labels-inline": _labels_inline, "labels-next-cell": _labels_next_cell,
    "labels-next-row": _labels_next_row, "name-comma-title": _name_comma_title,
    "name-nbsp-title": _name_nbsp_title, "small-caps": _small_caps,
    "source-breaks": _source_breaks, "title-goes-on": _title_goes_on,
    "date-cell-beside": _date_cell_beside, "backslash": _backslash, "typed-only": _typed_only,
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
        return "\n\n".join(body) + "\n\n" + _text(rows)
    if fmt == "md":
        return "\n\n".join(body) + "\n\n" + _markdown(rows)
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in body)
    return f"<html><body>\n{paragraphs}{_html(rows, grid)}</body></html>\n"


def _text(rows: tuple[Row, ...]) -> str:
    widths = [max((len(_plain(line)) for row in rows if len(row) > i for line in row[i]), default=0)
              for i in range(max(len(row) for row in rows))]
    out = []
    for row in rows:
        for depth in range(max(len(cell) for cell in row)):
            pieces = [(cell[depth] if depth < len(cell) else "") for cell in row]
            text = "".join(_plain(p).ljust(widths[i] + 6) if i < len(row) - 1 else _plain(p)
                           for i, p in enumerate(pieces))
            out.append(text.rstrip())
    return "\n".join(out) + "\n"


def _plain(line: str) -> str:
    if line.startswith("\x03"):
        return "/ S / " + _caps(line[1:])
    return line.replace("\x01", " ").replace("\x02", "      ")


def _markdown(rows: tuple[Row, ...]) -> str:
    if all(len(row) == 1 for row in rows):
        return "".join("\n".join(_plain(line) for line in row[0]) + "\n\n" for row in rows)
    width = max(len(row) for row in rows)
    lines = ["| " + " | ".join([""] * width) + " |", "|" + "---|" * width]
    for row in rows:
        cells = ["<br>".join(_plain(line) for line in cell) for cell in row]
        lines.append("| " + " | ".join([*cells, *[""] * (width - len(cells))]) + " |")
    return "\n".join(lines) + "\n"


def _html_line(line: str) -> str:
    if line.startswith("\x03"):  # small capitals: the first letter full size, the rest smaller
        small = '<font style="font-size:7pt">{}</font>'
        words = [small.format(w.upper()) if w.islower()
                 else w[0] + small.format(html.escape(w[1:].upper())) if w[1:].isalpha() else w.upper()
                 for w in line[1:].split()]
        return "/" + small.format("S") + "/&nbsp;" + " ".join(words)
    text = html.escape(line, quote=False)
    return text.replace("\x01", "\n").replace("\x02", "&nbsp;" * 6)


def _html(rows: tuple[Row, ...], grid: bool = False) -> str:
    if all(len(row) == 1 and len(row[0]) == 1 for row in rows) and not grid:
        return "".join(f"<p>{_html_line(row[0][0])}</p>\n" for row in rows)
    width = max(len(row) for row in rows)
    out = ["<table>"]
    if grid:  # a row of empty grid cells first, as Workiva sets the column widths
        out.append("<tr>" + '<td style="width:10%"></td>' * (width * 3 + 1) + "</tr>")
    for row in rows:
        cells = []
        for index, cell in enumerate(row):
            text = "<br>".join(_html_line(line) for line in cell)
            if grid:  # a padding cell, then the content over three grid columns
                span = 3 * (width - index) if index == len(row) - 1 else 3
                cells.append(f'<td style="padding:0 1pt"></td><td colspan="{span}">{text}</td>')
            else:
                cells.append(f"<td>{text}</td>")
        out.append(f"<tr>{''.join(cells)}</tr>")
    return "\n".join(out) + "\n</table>\n"


#: How a joint 906 statement names its signers.
INTROS: dict[str, Callable[[Signer, Signer], str]] = {
    "we": lambda a, b: f"we, {a.name} and {b.name}, certify",
    "each-I": lambda a, b: f"I, {a.name}, {a.title_text}, and I, {b.name}, {b.title_text}, each certify",
    "undersigned": lambda a, b: "each of the undersigned hereby certifies",
    "third": lambda a, b: f"{a.name}, {a.title_text} of the Company, and {b.name}, {b.title_text} "
                          "of the Company, each hereby certify",
}


def _joint_stacked(a: Signer, b: Signer) -> tuple[Row, ...]:
    rows: list[Row] = [((f"Dated: {a.date}",),)]
    for s in (a, b):
        rows += [((f"/s/ {s.conformed}",),), ((s.name,),), *(((line,),) for line in s.title)]
    return tuple(rows)


def _joint_side_by_side(a: Signer, b: Signer) -> tuple[Row, ...]:
    depth = max(len(a.title), len(b.title))
    titles = [((a.title[i] if i < len(a.title) else "",), (b.title[i] if i < len(b.title) else "",))
              for i in range(depth)]
    return (((f"Dated: {a.date}",), ("",)), ((f"/s/ {a.conformed}",), (f"/s/ {b.conformed}",)),
            ((a.name,), (b.name,)), *titles)


JOINT: dict[str, Callable[[Signer, Signer], tuple[Row, ...]]] = {
    "stacked": _joint_stacked, "side-by-side": _joint_side_by_side,
}


def render_joint(layout: str, fmt: str, intro: str, a: Signer, b: Signer) -> str:
    """A joint 906 statement of `a` and `b`, named by `intro`, signed in `layout`."""
    body = [
        "EXHIBIT 32", "CERTIFICATION PURSUANT TO 18 U.S.C. SECTION 1350",
        "In connection with the Annual Report on Form 10-K of Example Corp. (the \"Company\") for "
        f"the fiscal year ended December 31, 2025 (the \"Report\"), {INTROS[intro](a, b)}, pursuant "
        "to 18 U.S.C. Section 1350, that, to the best of their knowledge: (1) the Report fully "
        "complies with the requirements of Section 13(a) or 15(d) of the Securities Exchange Act of "
        "1934; and (2) the information contained in the Report fairly presents, in all material "
        "respects, the financial condition and results of operations of the Company.",
    ]
    rows = JOINT[layout](a, b)
    if fmt == "txt":
        return "\n\n".join(body) + "\n\n" + _text(rows)
    if fmt == "md":
        return "\n\n".join(body) + "\n\n" + _markdown(rows)
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in body)
    return f"<html><body>\n{paragraphs}{_html(rows)}</body></html>\n"


def render_docx(family: str, signer: Signer, kind: str = "302", defect: str = "") -> bytes:
    """The certification as a Word document: body paragraphs, then the signature area as
    paragraphs (one cell a row) or a table (several cells a row)."""
    import io

    import docx

    document = docx.Document()
    for paragraph in _302_body(signer) if kind == "302" else _906_body(signer):
        document.add_paragraph(paragraph)
    rows = FAMILIES[family](signer)
    if defect:
        rows = _defective(rows, signer, defect)

    def word(line: str) -> str:
        return _plain(line).replace("      ", "\u00a0" * 6) if "\x02" in line else _plain(line)

    if all(len(row) == 1 for row in rows):
        for row in rows:
            for line in row[0]:
                document.add_paragraph(word(line))
    else:
        table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                target = table.cell(r, c)
                target.paragraphs[0].text = word(cell[0])
                for line in cell[1:]:
                    target.add_paragraph(word(line))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
