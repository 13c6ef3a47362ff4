"""Repository mode: filings grouped, cross-document rules reported where the documents disagree."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import harness
from tests.conftest import FIXTURES, run_cli

FILINGS = FIXTURES / "filings"


CASES = harness.fixtures(FILINGS, filings=True)


@pytest.mark.parametrize("filing", CASES, ids=[p.name for p in CASES])
def test_cross_document_diagnostics(filing: Path) -> None:
    harness.check_fixture(filing, "CL6", ["--filings"])


def test_every_filing_has_a_sidecar() -> None:
    assert len(CASES) == 10
    assert harness.sidecars_match(FILINGS, filings=True)


def test_a_finding_spans_an_html_and_a_text_exhibit() -> None:
    assert harness.expected_lines(FILINGS / "report-mismatch") == [
        "ex31-2.txt:7:25: CL601 report differs between the certifications of this filing: 'Form 10-Q' here, "
        "'Form 10-K' in report-mismatch/ex31-1.htm"]


def test_filing_rules_find_nothing_in_single_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    assert run_cli(["--isolated", "--select", "CL6", "filings"]) == (0, "", "")


def test_clean_filing_is_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    assert run_cli(["--isolated", "--filings", "--select", "CL6", "filings/clean"]) == (0, "", "")


def test_filings_command_shows_the_grouping(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    code, out, err = run_cli(["filings", "--", "--isolated", "filings/clean"])  # a folder filings/ is here
    assert (code, err) == (0, "")
    assert out == (
        "filings/clean: 3 document(s)\n"
        '  filings/clean/ex31-1.txt kind=302 names="Form 10-K" dated="February 27, 2026" '
        'signed-by="Jane Q. Doe (Chief Executive Officer)"\n'
        '  filings/clean/ex31-2.htm kind=302 names="Form 10-K" dated="February 27, 2026" '
        'signed-by="John R. Roe (Chief Financial Officer)"\n'
        '  filings/clean/ex32-1.md kind=906 names="Form 10-K" period="December 31, 2025" '
        'dated="February 27, 2026" signed-by="Jane Q. Doe (Chief Executive Officer); '
        'John R. Roe (Chief Financial Officer)"\n')


def test_each_cross_document_rule_has_a_fixture_filing() -> None:
    codes = {harness.problem_of(line).code for filing in CASES for line in harness.expected_lines(filing)}
    assert codes == {"CL601", "CL602", "CL603", "CL604", "CL605", "CL606"}


def test_fixture_filings_are_built_from_the_examples() -> None:
    """build.py regenerates every fixture filing exactly (so they never drift from examples/)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build", FILINGS / "build.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    for folder, files in build.FILINGS.items():
        assert sorted(p.name for p in (FILINGS / folder).iterdir()) == sorted(files)
        for name, text in files.items():
            assert (FILINGS / folder / name).read_text() == text, f"{folder}/{name}"


def test_role_table_is_the_title_rules_table() -> None:
    """CL606 reads roles with the same table as CL305 (YAML anchors cannot cross pack files)."""
    import yaml

    from tests.conftest import ROOT

    def rule(pack: str, code: str) -> dict[str, object]:
        data = yaml.safe_load((ROOT / "rules" / pack).read_text(encoding="utf-8"))
        return next(r for r in data["rules"] if r["code"] == code)

    titles, filing = rule("officer-titles.yaml", "CL305"), rule("filing.yaml", "CL606")
    for key in ("vocabulary", "homophones", "designations", "role_titles"):
        assert filing[key] == titles[key], key


def test_filing_named_by_config_regex_and_facts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("acme_2024_ex31.txt", "acme_2024_ex32.md", "acme_2025_ex31.txt"):
        (tmp_path / name).write_bytes((FILINGS / "clean" / ("ex31-1.txt" if "31" in name else "ex32-1.md")).read_bytes())
    (tmp_path / ".certlint.yaml").write_text(
        "filing-id: '^(acme_\\d{4})_'\nfacts:\n  'acme_2025_*':\n    filing: acme-2025-amended\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(["filings", "."])
    assert code == 0
    assert [line for line in out.splitlines() if not line.startswith(" ")] == [
        "acme-2025-amended: 1 document(s)", "acme_2024: 2 document(s)"]


def test_complete_corpus_filings_have_no_cross_document_false_positive(
        corpus: Path, tmp_path: Path) -> None:
    """INDEX.csv groups the corpus by company, form and period: so does this filing-id regex."""
    config = tmp_path / ".certlint.yaml"
    config.write_text("filing-id: '([^/]+_10-[A-Z-]+_\\d{4}-\\d{2}-\\d{2})_[^/]+$'\n")
    code, out, err = run_cli(["filings", "--config", str(config), str(corpus)])
    assert (code, err) == (0, "")
    assert sum(1 for line in out.splitlines() if not line.startswith(" ")) == 35
    code, out, err = run_cli(["--config", str(config), "--filings", "--select", "CL6", str(corpus)])
    # The one finding is real (corpus README: "Inconsistency between the two certifications of
    # one filing"): Air Products punctuates the CEO's title differently in 31.1 and 32.1.
    assert (code, err) == (1, "")
    assert out == (f"{corpus}/air-products_10-K_2018-09-30_32.1.htm:9:5724: CL605 title of Seifi Ghasemi is "
                   "'Chairman, President, and Chief Executive Officer' here, 'Chairman, President and "
                   f"Chief Executive Officer' in {corpus}/air-products_10-K_2018-09-30_31.1.htm\n")


def test_repository_mode_from_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    filing = tmp_path / "2025"
    filing.mkdir()
    for source in (FILINGS / "report-mismatch").iterdir():
        (filing / source.name).write_bytes(source.read_bytes())
    (tmp_path / ".certlint.yaml").write_text("filings: true\nselect: [CL6]\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(["."])
    assert code == 1 and out.startswith("2025/ex31-2.txt:7:25: CL601 report differs")
    (tmp_path / ".certlint.yaml").write_text("filings: yes please\n")
    code, out, err = run_cli(["."])
    assert (code, out) == (2, "")
    assert err == f"certlint: error: {tmp_path / '.certlint.yaml'}:1: 'filings' must be true or false\n"
