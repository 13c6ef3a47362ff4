"""Bytes to text: BOMs first, then UTF-8, then the legacy single-byte encodings EDGAR text uses."""

from __future__ import annotations

import codecs
import itertools
import re

from msgspec import Struct

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never occur in text; a NUL is the classic sign of a binary file.
_BINARY = bytes([*range(0x00, 0x09), *range(0x0e, 0x1a), *range(0x1c, 0x20)])
#: Every other byte: deleting these from a sample leaves its control bytes, if any (in C; a
#: regular-expression search of the 8 KB sample took longer than decoding the whole file).
_NOT_BINARY = bytes(byte for byte in range(256) if byte not in _BINARY)


class BinaryFileError(ValueError):
    """The bytes are not text; the caller skips the file with a message."""


class Decoded(Struct, frozen=True):
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
    if data[:8192].translate(None, _NOT_BINARY):
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise BinaryFileError("binary file")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError as exc:
        first_non_utf8 = exc.start
    return Decoded(*_decode_legacy(data, first_non_utf8), False)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text saved without a byte-order mark (some Windows tools do): mostly NUL high
    bytes on one side of each pair, and control-free text once decoded. Else None (binary)."""
    head = data[:8192 - 8192 % 2]
    if len(data) % 2 or len(head) < 4:
        return None
    pairs = len(head) // 2
    for encoding, high in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        low = head[0::2] if encoding == "utf-16-le" else head[1::2]
        if high.count(0) >= 0.7 * pairs and low.count(0) <= 0.05 * pairs:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return None if _CONTROL.search(text, 0, 8192) else Decoded(text, encoding, False)
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x19\x1c-\x1f]")


def _decode_legacy(data: bytes, first: int = 0) -> tuple[str, str]:
    """Not UTF-8: let charset-normalizer choose, preferring cp1252 when it fits as well.

    EDGAR text is ASCII or Latin-1/cp1252 (smart quotes as 0x92-0x94); on such short, mostly
    ASCII text charset-normalizer ranks several single-byte code pages equal (cp1250, cp852)
    and may pick any, so among the matches as good as the best, cp1252 wins. Text in another
    code page (cp1251 Cyrillic, Shift-JIS) has no cp1252 match that good and keeps its own.
    Cost: about 2 ms for a 5 KB exhibit, 0.2 s for a 50 MB submission (sampled); UTF-8 files
    never get here.
    """
    from charset_normalizer import from_bytes  # deferred: only legacy files pay for it

    matches = from_bytes(_sample(data, first))
    best = matches.best()
    if best is None:
        return data.decode("latin-1"), "latin-1"
    near_best = [m for m in matches if m.chaos <= best.chaos + _CHAOS_MARGIN]
    candidates = ["cp1252"] if any("cp1252" in m.could_be_from_charset for m in near_best) else []
    for encoding in [*candidates, best.encoding, "latin-1"]:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):  # cp1252 leaves five bytes undefined
            continue
    raise AssertionError("latin-1 decodes any bytes")


def _sample(data: bytes, first: int) -> bytes:
    """What charset-normalizer looks at: all of a small file; of a large one (a 50 MB submission
    of uuencoded graphics), the lines around its first non-ASCII bytes (from `first`, where UTF-8
    failed), where the code page shows.
    """
    if len(data) <= _SAMPLE_LIMIT:
        return data
    pieces = []
    window = _NON_ASCII.finditer(data, max(0, first - 4), first + _SAMPLE_LIMIT * 16)
    for match in itertools.islice(window, 400):
        start = data.rfind(b"\n", 0, match.start()) + 1
        end = data.find(b"\n", match.end())
        pieces.append(data[start : end if end >= 0 else len(data)][:2048])
    return b"\n".join(dict.fromkeys(pieces))[:_SAMPLE_LIMIT]


_SAMPLE_LIMIT = 256 * 1024
_NON_ASCII = re.compile(rb"[\x80-\xff]+")


#: How much more "chaos" (charset-normalizer's measure of implausible text) than the best match
#: a cp1252 reading may have and still be preferred.
_CHAOS_MARGIN = 0.01
