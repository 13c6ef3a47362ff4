"""Full EDGAR submissions (`<SEC-DOCUMENT>` .txt): one Document per certification exhibit.

Each `<DOCUMENT>` whose `<TYPE>` is EX-31*, EX-32* or EX-99* is read on its own, as HTML or as
EDGAR text according to its content, with positions in the whole file. The SEC header gives
every exhibit its facts (period, fiscal year end, company, form, filing date), so the date and
name checks work on a submission without configuration. The PEM envelope, the header, EDGAR's
text markup lines (`<PAGE>`, `<S>`, `<C>`...) and the envelope's dash-stuffing are not prose.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator

from msgspec import Struct
from msgspec.structs import replace

from certlint.document import Document
from certlint.document.decode import Decoded
from certlint.document.facts import Facts
from certlint.document.lines import LineIndex
from certlint.document.prose import Prose, ProseBuilder

#: Exhibit types linted as certifications (EX-99 held the 906 statement before EX-32 existed).
EXHIBIT_TYPES = re.compile(r"EX-(?:31|32|99)\b", re.IGNORECASE)

_DOCUMENT_START = re.compile(r"<DOCUMENT>|<document>")
_TYPE = re.compile(r"<TYPE>[ \t]*([^\r\n<]*)", re.IGNORECASE)
_FILENAME = re.compile(r"<FILENAME>[ \t]*([^\r\n<]*)", re.IGNORECASE)
_TEXT_START = re.compile(r"<TEXT>[ \t]*(?:\r\n|\r|\n)?", re.IGNORECASE)
_HTML_CONTENT = re.compile(r"<(?:!DOCTYPE\s+html|html|\?xml|body|p|div|font|br)\b", re.IGNORECASE)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# Lines of EDGAR's text markup (Regulation S-T, EDGAR Filer Manual 5.2): page breaks, tables.
_MARKUP_LINE = re.compile(r"\s*</?(?:PAGE|TABLE|CAPTION|S|C|FN|R|F\d*)>\s*", re.IGNORECASE)
_PEM = "-----BEGIN PRIVACY-ENHANCED MESSAGE-----"

# Header fields, in the submission's "KEY: value" form and the tagged (<KEY>value) form.
_HEADER_FIELDS = {
    "period_end": r"CONFORMED PERIOD OF REPORT:|<PERIOD>",
    "fiscal_year_end": r"FISCAL YEAR END:|<FISCAL-YEAR-END>",
    "company": r"COMPANY CONFORMED NAME:|<CONFORMED-NAME>",
    "form": r"CONFORMED SUBMISSION TYPE:|<TYPE>",
    "filed": r"FILED AS OF DATE:|<FILING-DATE>",
    "cik": r"CENTRAL INDEX KEY:|<CIK>",
    "accession": r"ACCESSION NUMBER:|<ACCESSION-NUMBER>",
}
_HEADER = {
    name: re.compile(rf"^[ \t]*(?:{label})[ \t]*([^\r\n]*?)[ \t]*$", re.MULTILINE | re.IGNORECASE)
    for name, label in _HEADER_FIELDS.items()
}


class Part(Struct, frozen=True):
    """One `<DOCUMENT>` of a submission: its type, file name and text region in the file."""

    type: str
    filename: str
    start: int
    end: int


def header_facts(header: str) -> Facts:
    """Facts from a submission header (the text before the first `<DOCUMENT>`)."""
    values: dict[str, str] = {}
    for name, pattern in _HEADER.items():
        match = pattern.search(header)
        if match and match.group(1):
            values[name] = match.group(1)
    extra: dict[str, str] = {name: values.pop(name) for name in ("cik", "accession") if name in values}
    form = values.get("form")
    return Facts(
        company=values.get("company"),
        form=re.sub(r"^10(?=[KQ])", "10-", form) if form else None,  # EDGAR's "10KSB" is Form 10-KSB
        period_end=_header_date(values.get("period_end")),
        fiscal_year_end=_month_day(values.get("fiscal_year_end")),
        filed=_header_date(values.get("filed")),
        extra=extra,
    )


def _header_date(value: str | None) -> dt.date | None:
    """A header date ("20031231"); one that does not exist is no fact to compare with."""
    if value and re.fullmatch(r"\d{8}", value):
        with contextlib.suppress(ValueError):
            return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    return None


def _month_day(value: str | None) -> str | None:
    if value and re.fullmatch(r"\d{4}", value):
        return f"{value[:2]}-{value[2:]}"
    return None


def iter_parts(source: str, types: re.Pattern[str] | None = None) -> Iterator[Part]:
    """The `<DOCUMENT>`s of a submission (those whose type matches `types`), with their `<TEXT>`.

    Plain searches, not one regex over the file: a submission can be 100 MB of uuencoded
    graphics and XBRL, of which only a few kilobytes are read.
    """
    starts = [match.end() for match in _DOCUMENT_START.finditer(source)]
    for index, body_start in enumerate(starts):
        next_start = starts[index + 1] - len("<DOCUMENT>") if index + 1 < len(starts) else len(source)
        type_match = _TYPE.search(source, body_start, min(next_start, body_start + 1024))
        if type_match is None:
            continue
        doc_type = type_match.group(1).strip().upper()
        if types is not None and not types.match(doc_type):
            continue
        body_end = _find_tag(source, "</DOCUMENT>", body_start, next_start)
        text_match = _TEXT_START.search(source, body_start, body_end)
        if text_match is None:
            continue
        text_end = _find_tag(source, "</TEXT>", text_match.end(), body_end)
        name_match = _FILENAME.search(source, body_start, text_match.start())
        filename = name_match.group(1).strip() if name_match else ""
        yield Part(doc_type, filename, text_match.end(), text_end)


def _find_tag(source: str, tag: str, start: int, end: int) -> int:
    """Offset of `tag` (as EDGAR writes it, upper case, or lower case) in [start, end), else end."""
    found = source.find(tag, start, end)
    if found < 0:
        found = source.find(tag.lower(), start, end)
    return found if found >= 0 else end


def is_html(source: str, part: Part) -> bool:
    """An exhibit is HTML by its file name, else by its first markup."""
    if part.filename.lower().endswith((".htm", ".html", ".xhtml")):
        return True
    if part.filename.lower().endswith(".txt"):
        return False
    return _HTML_CONTENT.search(source, part.start, min(part.end, part.start + 4096)) is not None


def edgar_text_prose(source: str, start: int, end: int, unstuff: bool = False) -> Prose:
    """Prose of an EDGAR text document: blank lines and markup lines (`<PAGE>`) end paragraphs.

    `unstuff` undoes the PEM envelope's dash-stuffing (RFC 934: a line starting with "-" was
    written as "- -"), so a signature rule reads as it was filed.
    """
    builder = ProseBuilder()
    for match in _LINE.finditer(source, start, end):
        if match.start() == match.end():
            break
        line = match.group().rstrip("\r\n")
        if not line.strip() or _MARKUP_LINE.fullmatch(line):
            builder.end_block()
            continue
        skip = 2 if unstuff and line.startswith("- -") else 0
        builder.add_source(source, match.start() + skip, match.end())
    return builder.build()


def read(path: str, decoded: Decoded, lines: LineIndex) -> list[Document]:
    source = decoded.text
    first = _DOCUMENT_START.search(source)
    facts = header_facts(source[: first.start() if first else len(source)])
    enveloped = source.lstrip()[: len(_PEM)] == _PEM
    documents = []
    for part in iter_parts(source, EXHIBIT_TYPES):
        if is_html(source, part):
            from certlint.document.readers.html import html_prose

            prose, fmt = html_prose(source, part.start, part.end), "html"
        else:
            prose, fmt = edgar_text_prose(source, part.start, part.end, unstuff=enveloped), "text"
        exhibit = part.type[3:] if part.type.startswith("EX-") else part.type
        documents.append(Document(path, source, lines, prose, fmt, decoded.encoding, decoded.bom,
                                  replace(facts, exhibit=exhibit), part.type))
    return documents
