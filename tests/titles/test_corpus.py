"""The title and name rules on the Innovo Group exhibit and the real corpus."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, run_cli

INNOVO = ROOT / "examples" / "innovo-group-10-K-A-ex32.txt"

#: Every name and title diagnostic on the real corpus, each a real defect of the filing.
REAL_DEFECTS = {
    "24holdings_10-KSB_2007-12-31_31.2.txt:6:1: CL504",  # "I Kirk M. Warshaw, certify"
    "derived/dxp-enterprises_10-Q_2024-09-30_32.1.md:7:129: CL506",  # undersigned ... my knowledge
    "derived/dxp-enterprises_10-Q_2024-09-30_32.2.md:7:129: CL506",
    "innovo-group_10-K-A_2003-11-29_32.txt:7:41: CL301",  # PRINCIPAL EXEUCTIVE OFFICER
}


def test_innovo_clean_for_names_and_titles_except_the_misspelling() -> None:
    code, out, err = run_cli(["--isolated", "--select", "CL3,CL5", str(INNOVO)])
    assert (code, err) == (1, "")
    assert [line.split(" ", 2)[:2] for line in out.splitlines()] == [[f"{INNOVO}:7:41:", "CL301"]]


def test_configured_company_spelled_differently(tmp_path: Path) -> None:
    config = tmp_path / ".certlint.yaml"
    config.write_text("facts:\n  '*.txt':\n    company: 'Innovo Group, Inc.'\n")
    target = tmp_path / "innovo.txt"
    target.write_bytes(INNOVO.read_bytes())
    code, out, _ = run_cli(["--config", str(config), "--select", "CL508", str(target)])
    assert code == 1
    positions = [line.removeprefix(f"{target}:").split(" ")[0] for line in out.splitlines()]
    assert positions == ["11:70:", "13:23:", "14:42:", "23:1:", "26:18:"]
    assert "registrant name 'Innovo Group Inc.' differs from 'Innovo Group, Inc.'" in out


def test_real_corpus_has_only_real_defects(corpus: Path) -> None:
    code, out, err = run_cli(["--isolated", "--select", "CL3,CL5", str(corpus)])
    assert (code, err) == (1, "")
    found = {line.removeprefix(f"{corpus}/").split(" ", 2)[0] + " " + line.split(" ", 2)[1]
             for line in out.splitlines()}
    assert found == REAL_DEFECTS
