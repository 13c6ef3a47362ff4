"""Golden fixtures of the facts pack: each `X` in tests/fixtures/facts has `X.expected`
(`line:col: CODE message`, path left out) under the facts and date rules. The `ok-*` ones are
the correct counterparts of the defective ones and must be silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run_cli

FOLDER = FIXTURES / "facts"
DOCUMENTS = sorted(p for p in FOLDER.iterdir() if p.suffix in (".txt", ".htm", ".md"))


def lint(document: Path, select: str = "CL7,CL4") -> tuple[int, str]:
    code, out, err = run_cli(["--isolated", "--select", select, "--today", "2026-01-01", str(document)])
    assert err == ""
    return code, out.replace(f"{document}:", "")


@pytest.mark.parametrize("document", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_fixture(document: Path) -> None:
    code, out = lint(document)
    expected = Path(f"{document}.expected").read_text(encoding="utf-8")
    assert out == expected
    assert code == (1 if expected else 0)


def test_correct_counterparts_are_silent_and_defective_ones_are_not() -> None:
    correct = [p for p in DOCUMENTS if p.name.startswith("ok-")]
    defective = [p for p in DOCUMENTS if not p.name.startswith("ok-")]
    assert len(correct) >= 8 and len(defective) >= 8
    assert all(Path(f"{p}.expected").read_text(encoding="utf-8") == "" for p in correct)
    assert all(Path(f"{p}.expected").read_text(encoding="utf-8") != "" for p in defective)


def test_every_contradiction_is_covered_in_text_html_and_markdown() -> None:
    formats = {p.suffix for p in DOCUMENTS if not p.name.startswith("ok-")}
    assert formats == {".txt", ".htm", ".md"}
    codes = {line.split()[1] for p in DOCUMENTS for line in Path(f"{p}.expected").read_text().splitlines()}
    assert {"CL701", "CL702", "CL703", "CL704", "CL404"} <= codes


def test_period_off_the_calendar_is_reported_at_the_wrong_mention_whatever_the_order() -> None:
    for name in ("period-off-calendar-906.htm", "period-off-calendar-906.md"):
        _, out = lint(FOLDER / name, "CL404")
        assert out.count("CL404") == 1
        assert "period end September 27, 2017 disagrees with the period end September 30, 2017" in out
