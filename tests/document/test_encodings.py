"""Encodings and line ends: the same certification in each gives the same line:col."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from certlint.document.decode import BinaryFileError, Decoded, decode
from tests.conftest import FIXTURES, run_cli

TEXT = (FIXTURES / "formats" / "cert-ex32.1.txt").read_text("utf-8")
# Typographic quotes, an accented name and a no-break space before the misspelled title on its
# line make the encodings differ from ASCII: columns count characters, not bytes.
# The name changes everywhere it is written (body and signature), so that the names still agree.
CERT = (TEXT.replace('"Company"', "\u201cCompany\u201d").replace("Jane", "Jos\u00e9")
        .replace("\nChief Excutive", "\n\u00a0Chief Excutive"))
EXPECTED = ["19:48: CL103", "27:8: CL301"]


def lint(tmp_path: Path, data: bytes) -> list[str]:
    path = tmp_path / "cert.txt"
    path.write_bytes(data)
    code, out, err = run_cli(["--isolated", str(path)])
    assert (code, err) == (1, "")
    return [line.removeprefix(f"{path}:").split(" ", 2)[0] + " " + line.split(" ")[1]
            for line in out.splitlines()]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_encodings_and_line_ends(tmp_path: Path, encoding: str, newline: str) -> None:
    data = CERT.replace("\n", newline).encode(encoding)
    assert lint(tmp_path, data) == EXPECTED


def test_mixed_line_ends(tmp_path: Path) -> None:
    lines = CERT.split("\n")
    ends = ["\r\n", "\r", "\n"]
    # A lone CR before an empty line ending in LF would read as one CRLF: not mixed, one line.
    mixed = "".join(line + (ends[n % 3] if ends[n % 3] != "\r" or lines[n + 1] else "\r\n")
                    for n, line in enumerate(lines[:-1]))
    assert "\r\n" in mixed and "\r" in mixed.replace("\r\n", "") and "\n" in mixed.replace("\r\n", "")
    assert lint(tmp_path, mixed.encode("cp1252")) == EXPECTED


def test_decode_reports_encoding_and_bom() -> None:
    assert decode("é".encode("utf-8-sig")) == Decoded("é", "utf-8-sig", True)
    assert decode("\u201cx\u201d é".encode("utf-16")) == Decoded("\u201cx\u201d é", "utf-16", True)
    assert decode("a\u2019s".encode()) == Decoded("a\u2019s", "utf-8", False)
    decoded = decode(b"the issuer\x92s \x93report\x94")
    assert (decoded.text, decoded.encoding) == ("the issuer\u2019s \u201creport\u201d", "cp1252")


def test_other_code_pages_are_detected() -> None:
    cyrillic = "Настоящим удостоверяю, что отчёт полностью соответствует требованиям. " * 10
    assert decode(cyrillic.encode("cp1251")).text == cyrillic


def test_binary_is_refused() -> None:
    with pytest.raises(BinaryFileError):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_legacy_detection_is_fast() -> None:
    """charset-normalizer runs only for non-UTF-8 files; a large cp1252 file stays well under 1 s."""
    data = (CERT.encode("cp1252") + b"\n\n") * 500  # ~570 KB
    start = time.perf_counter()
    assert decode(data).encoding == "cp1252"
    assert time.perf_counter() - start < 1.0
