"""The document model: a file's decoded text, its line index, its prose view and its facts.

`read_documents` picks a reader by file suffix and content. A reader turns one file into one or
more `Document`s (a full EDGAR submission holds several exhibits), all sharing the file's text so
that every position is a position in the file on disk.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import PurePath

from msgspec import Struct, field

from certlint.document.decode import BinaryFileError, Decoded, decode
from certlint.document.facts import Facts
from certlint.document.lines import LineIndex
from certlint.document.prose import Prose

__all__ = ["BinaryFileError", "Document", "DocumentError", "read_documents"]


class DocumentError(ValueError):
    """A document that cannot be read as what it claims to be (bad front matter, say)."""


class Document(Struct, frozen=True):
    """One certification as the checks see it."""

    path: str
    source: str
    lines: LineIndex
    prose: Prose
    format: str = "text"
    encoding: str = "utf-8"
    bom: bool = False
    facts: Facts = field(default_factory=Facts)
    #: For a document inside a larger file (an exhibit in a submission): its name, e.g. "EX-31.1".
    part: str | None = None


#: A reader: (path, decoded text, line index) -> documents.
Reader = Callable[[str, Decoded, LineIndex], list[Document]]

#: Reader modules by format name; each exposes `read`. Imported only when a file needs it.
READER_MODULES: dict[str, str] = {
    "text": "certlint.document.readers.text",
    "markdown": "certlint.document.readers.markdown",
    "html": "certlint.document.readers.html",
    "submission": "certlint.document.readers.submission",
}

#: Formats that are not text (zip containers): read from bytes by the module's `read_bytes`, before
#: the binary check that would skip them.
BYTES_READER_MODULES: dict[str, str] = {
    ".docx": "certlint.document.readers.docx",
}

SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".htm": "html",
    ".html": "html",
    ".xhtml": "html",
}


_PEM_BEGIN = "-----BEGIN PRIVACY-ENHANCED MESSAGE-----"


def path_suffix(path: str) -> str:
    """`PurePath(path).suffix`, lowercase, without building a PurePath (read twice per file):
    the same rule on the path's last component, which is PurePath's name unless it is empty or
    "." (a path ending in a separator or "/."), left to PurePath."""
    name = path.rpartition(os.sep)[2]
    if os.altsep:
        name = name.rpartition(os.altsep)[2]
    if not name or name == ".":
        return PurePath(path).suffix.lower()
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


def detect_format(path: str, text: str) -> str:
    """The reader for a file: by suffix, refined by content (a .txt may be an EDGAR submission)."""
    head = text[:4096].lstrip().upper()
    if head.startswith(_PEM_BEGIN):  # a submission as EDGAR disseminated it, in its PEM envelope
        head = head[head.find("\n\n") + 2 :].lstrip() if "\n\n" in head else head
    if head.startswith(("<SEC-DOCUMENT>", "<IMS-DOCUMENT>", "<SUBMISSION>")):
        return "submission"
    fmt = SUFFIX_FORMATS.get(path_suffix(path))
    if fmt is not None:
        return fmt
    if head.startswith(("<HTML", "<!DOCTYPE HTML", "<?XML")):
        return "html"
    return "text"


def read_documents(path: str, data: bytes | None = None, text: str | None = None) -> list[Document]:
    """Read a file (or given bytes/text under that name) into documents.

    Raises BinaryFileError for a file that is not text, DocumentError for malformed metadata.
    """
    bytes_reader = BYTES_READER_MODULES.get(path_suffix(path))
    if text is not None:
        decoded = Decoded(text, "utf-8", False)
    else:
        if data is None:
            with open(path, "rb") as handle:
                data = handle.read()
        if bytes_reader is not None:
            read_bytes: Callable[[str, bytes], list[Document]]
            read_bytes = importlib.import_module(bytes_reader).read_bytes
            return read_bytes(path, data)
        decoded = decode(data)
    lines = LineIndex(decoded.text)
    fmt = detect_format(path, decoded.text)
    reader: Reader = importlib.import_module(READER_MODULES[fmt]).read
    return reader(path, decoded, lines)
