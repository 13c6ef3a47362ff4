"""Bytes to text: BOMs first, then UTF-8, then the legacy single-byte encodings EDGAR text uses."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never occur in text; a NUL is the classic sign of a binary file.
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x19\x1c-\x1f]")


class BinaryFileError(ValueError):
    """The bytes are not text; the caller skips the file with a message."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    bom: bool


def decode(data: bytes) -> Decoded:
    """Decode file bytes; raise BinaryFileError for something that is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding, True)
            except UnicodeDecodeError as exc:
                raise BinaryFileError(f"invalid {encoding} after its byte-order mark") from exc
    if _BINARY_BYTES.search(data, 0, 8192):
        raise BinaryFileError("binary file")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    return Decoded(*_decode_legacy(data), False)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """cp1252 covers nearly all EDGAR text; charset-normalizer settles the rest."""
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # deferred: only legacy files pay for it

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    return data.decode("latin-1"), "latin-1"
