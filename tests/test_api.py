"""The library API runs what the command line runs: same config discovery, walking and errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import certlint
from certlint.diagnostic import Diagnostic
from tests.conftest import ROOT, run_cli

DEFECTIVE = ROOT / "tests" / "fixtures" / "output" / "ex32-defects.txt"  # CL103, CL301, CL302
EXAMPLES = ROOT / "examples"


def as_cli(diagnostics: list[Diagnostic]) -> list[tuple[str, int, int, str]]:
    return [(d.path, d.line, d.column, d.code) for d in diagnostics]


def cli_json(*argv: str) -> list[tuple[str, int, int, str]]:
    out = run_cli([*argv, "--format", "json"])[1]
    return [(r["path"], r["line"], r["column"], r["code"]) for r in json.loads(out)]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose pyproject.toml ignores CL301, with a defective exhibit in filings/."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n\n[tool]\ncertlint.ignore = ['CL301']\n")
    (tmp_path / "filings").mkdir()
    shutil.copy(DEFECTIVE, tmp_path / "filings" / "ex32.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_lint_finds_the_projects_config_as_the_cli_does(project: Path) -> None:
    found = certlint.lint("filings/ex32.txt")
    assert found and "CL301" not in {d.code for d in found}
    assert as_cli(found) == cli_json("filings/ex32.txt")
    assert "CL301" in {d.code for d in certlint.lint("filings/ex32.txt", isolated=True)}


def test_config_may_be_a_path_a_config_or_none(project: Path) -> None:
    (project / "strict.yaml").write_text("select: [CL301]\n")
    for given in ("strict.yaml", project / "strict.yaml"):
        assert {d.code for d in certlint.lint("filings", config=given)} == {"CL301"}
    assert {d.code for d in certlint.lint("filings", config=certlint.Config(select=("CL301",)))} == {"CL301"}
    with pytest.raises(certlint.ConfigError, match="config file not found"):
        certlint.lint("filings", config="nope.yaml")


def test_lint_takes_many_paths_and_walks_folders_like_the_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    both = certlint.lint(["examples", Path("tests/fixtures/output")], today=None)
    assert as_cli(both) == cli_json("examples", "tests/fixtures/output")
    assert as_cli(certlint.lint("examples", select=["cl3"], ignore=["CL302"])) == \
        cli_json("examples", "--select", "CL3", "--ignore", "CL302")


def test_repository_mode_follows_the_config(project: Path) -> None:
    clean = ROOT / "tests" / "fixtures" / "filings" / "clean"
    shutil.copytree(clean, project / "filing")
    statement = project / "filing" / "ex32-1.md"
    statement.write_text(statement.read_text().replace("Form 10-K", "Form 10-Q"))
    assert "CL601" not in {d.code for d in certlint.lint("filing")}
    assert "CL601" in {d.code for d in certlint.lint("filing", filings=True)}
    (project / "pyproject.toml").write_text("[tool.certlint]\nfilings = true\n")
    assert as_cli(certlint.lint("filing")) == cli_json("filing")
    assert "CL601" in {d.code for d in certlint.lint("filing")}


def test_lint_text_finds_config_from_the_names_folder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = DEFECTIVE.read_text()
    (project / "filings" / ".certlint.yaml").write_text("select: [CL301]\n")
    monkeypatch.chdir(project.parent)
    assert {d.code for d in certlint.lint_text(text, str(project / "filings" / "new.txt"))} == {"CL301"}
    assert {d.code for d in certlint.lint_text(text, str(project / "new.txt"))} >= {"CL103"}
    assert "CL301" not in {d.code for d in certlint.lint_text(text, str(project / "new.txt"))}
    assert "CL301" in {d.code for d in certlint.lint_text(text, "new.txt", isolated=True)}


def test_errors_are_importable_from_certlint(tmp_path: Path) -> None:
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(certlint.BinaryFileError):
        certlint.lint(binary, isolated=True)
    assert certlint.lint(tmp_path, isolated=True) == []  # found by a walk: skipped, as the CLI does
    with pytest.raises(FileNotFoundError):
        certlint.lint(tmp_path / "missing.txt", isolated=True)
    with pytest.raises(certlint.PackError):
        certlint.lint(DEFECTIVE, isolated=True, rules=[ROOT / "tests" / "fixtures" / "bad_packs"])
    front = tmp_path / "front.md"
    front.write_text("---\nform: [\n---\ncertify that\n")
    with pytest.raises(certlint.DocumentError):
        certlint.lint(front, isolated=True)
    assert issubclass(certlint.ConfigError, ValueError) and issubclass(certlint.LintError, Exception)


def test_the_public_names() -> None:
    assert sorted(certlint.__all__) == sorted(
        ["BinaryFileError", "Config", "ConfigError", "Diagnostic", "DocumentError", "LintError",
         "PackError", "Severity", "__version__", "lint", "lint_text"])
    for name in certlint.__all__:
        assert getattr(certlint, name) is not None
    assert certlint.Diagnostic is Diagnostic
    with pytest.raises(AttributeError):
        _ = certlint.no_such_name
