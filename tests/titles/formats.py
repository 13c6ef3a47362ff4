"""Writing a signature area (rows of cells of lines) as a filing agent would: plain text laid
out in columns, HTML paragraphs or tables (Workiva's grid with padding cells and colspans),
Markdown pipe tables, Word paragraphs or tables."""

from __future__ import annotations

import html

#: A line of a cell; "\x01" is a source line break inside the line (a space in HTML), "\x02" a
#: run of non-breaking spaces between two parts of a line; a line opening with "\x03" is a
#: conformed signature in small capitals.
Cell = tuple[str, ...]
Row = tuple[Cell, ...]


def _caps(name: str) -> str:
    """Small capitals as text tools render them: "/ S / J ANE Q. D OE"."""
    out = []
    for word in name.upper().split():
        out.append(word if len(word) <= 2 or not word[1:].isalpha() else f"{word[0]} {word[1:]}")
    return " ".join(out)


def text_rows(rows: tuple[Row, ...]) -> str:
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


def markdown_rows(rows: tuple[Row, ...]) -> str:
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


def html_rows(rows: tuple[Row, ...], grid: bool = False) -> str:
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


def docx_bytes(body: list[str], rows: tuple[Row, ...]) -> bytes:
    """A Word document of `body`'s paragraphs and the signature area `rows`."""
    import io

    import docx

    document = docx.Document()
    for paragraph in body:
        document.add_paragraph(paragraph)

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
