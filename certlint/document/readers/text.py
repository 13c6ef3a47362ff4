"""Reader for plain-text exhibits."""

from __future__ import annotations

from certlint.document import Document
from certlint.document.decode import Decoded
from certlint.document.lines import LineIndex
from certlint.document.readers.plain import text_prose


def read(path: str, decoded: Decoded, lines: LineIndex) -> list[Document]:
    prose = text_prose(decoded.text)
    return [Document(path, decoded.text, lines, prose, "text", decoded.encoding, decoded.bom)]
