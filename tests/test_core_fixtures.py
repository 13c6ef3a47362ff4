"""Each core rule kind against fixture documents, compared with `.expected` sidecars.

A sidecar holds the exact lines certlint prints (`name:line:col: CODE message`) for the document
of the same stem, linted with `core-pack.yaml` only. The positions were checked by hand against
the files: wrapped phrases, CRLF, cp1252 with curly quotes, an NFKC ligature, a BOM with NBSP
and tab, and required phrases that are missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run_cli

CORE = FIXTURES / "core"
CASES = sorted(p for p in CORE.iterdir() if p.suffix in (".txt", ".md", ".htm"))


@pytest.mark.parametrize("document", CASES, ids=[p.name for p in CASES])
def test_fixture(document: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORE)
    expected = (CORE / f"{document.stem}.expected").read_text(encoding="utf-8")
    code, out, err = run_cli(["--isolated", "--rules", "core-pack.yaml", "--select", "TC", document.name])
    assert err == ""
    assert out == expected
    assert code == (1 if expected else 0)


def test_every_fixture_has_a_sidecar() -> None:
    stems = {p.stem for p in CASES}
    sidecars = {p.stem for p in CORE.glob("*.expected")}
    assert stems == sidecars


def test_each_kind_is_exercised() -> None:
    """The fixtures report every rule of the core pack at least once."""
    reported = set()
    for sidecar in CORE.glob("*.expected"):
        reported |= {line.split(": ", 1)[1].split(" ", 1)[0] for line in sidecar.read_text().splitlines()}
    assert reported == {"TC101", "TC102", "TC103", "TC104", "TC105", "TC106"}
