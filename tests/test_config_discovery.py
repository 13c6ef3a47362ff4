"""Config discovery reads pyproject.toml as TOML: any valid spelling is found, a broken one is an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from certlint.engine.config import ConfigError
from certlint.engine.config_file import discover, load_config
from tests.conftest import ROOT, run_cli

DEFECTIVE = (ROOT / "examples" / "innovo-group-10-K-A-ex32.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("toml", [
    "[tool.certlint]\nignore = ['CL301']\n",
    "[tool]\ncertlint.ignore = ['CL301']\n",
    "[tool]\ncertlint = { ignore = ['CL301'] }\n",
    "tool.certlint.ignore = ['CL301']\n",
    "[tool . 'certlint']\nignore = ['CL301']\n",
    "[project]\nname = 'x'\n\n[tool.certlint.per-file-ignores]\n'*.txt' = ['CL301']\n",
])
def test_every_toml_spelling_of_the_table_is_found(tmp_path: Path, toml: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(toml)
    sub = tmp_path / "filings"
    sub.mkdir()
    (sub / "ex32.txt").write_text(DEFECTIVE)
    assert discover(sub) == tmp_path / "pyproject.toml"
    monkeypatch.chdir(sub)
    _, out, err = run_cli(["ex32.txt"])
    assert "CL301" not in out and err == ""
    assert "CL301" in run_cli(["--isolated", "ex32.txt"])[1]


def test_a_pyproject_without_the_table_is_passed_by(tmp_path: Path) -> None:
    (tmp_path / ".certlint.yaml").write_text("ignore: [CL301]\n")
    sub = tmp_path / "pkg"
    sub.mkdir()
    (sub / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n# [tool.certlint] not here\n")
    assert discover(sub) == tmp_path / ".certlint.yaml"
    (sub / "pyproject.toml").write_text("[tool.black\nline-length = 100\n")  # broken, but not ours
    assert discover(sub) == tmp_path / ".certlint.yaml"


@pytest.mark.parametrize(("toml", "where"), [
    ("[project]\nname = 'x'\n\n[tool.certlint\nselect = ['CL']\n", ":4: invalid TOML: Expected ']' at the end of a table declaration (column 15)"),
    ("[tool.certlint]\nselect = ['CL',\n", ":2: invalid TOML: "),
    ("[tool.certlint]\nselect = 1\nselect = 2\n", ":3: invalid TOML: Cannot overwrite a value"),
    ("tool.certlint.select = [\n", ":1: invalid TOML: "),
])
def test_a_broken_pyproject_that_configures_certlint_is_an_error(tmp_path: Path, toml: str, where: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError) as raised:
        discover(tmp_path)
    assert str(raised.value).startswith(f"{path}{where}")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ex32.txt").write_text(DEFECTIVE)
    code, out, err = run_cli(["ex32.txt"])
    assert (code, out) == (2, "")
    assert err.startswith(f"certlint: error: {path}{where}") and err.count("\n") == 1


def test_an_explicit_broken_pyproject_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.certlint]\nfail-on = 'error'\nignore = [\n")
    with pytest.raises(ConfigError, match=r"pyproject\.toml:3: invalid TOML"):
        load_config(path)


def test_tool_certlint_that_is_not_a_table_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("[project]\nname = 'x'\n[tool]\ncertlint = 'yes'\n")
    assert discover(tmp_path) == path
    with pytest.raises(ConfigError, match=r"pyproject\.toml:4: 'tool.certlint' must be a table"):
        load_config(path)


def test_keys_under_a_tool_table_are_located(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("[project]\nname = 'x'\n[tool]\ncertlint.fail-on = 'error'\ncertlint.bogus = 1\n")
    with pytest.raises(ConfigError, match=r"pyproject\.toml:5: unknown config key 'bogus'"):
        load_config(path)
    path.write_text("[tool]\ncertlint.fail-on = 'error'\n")
    assert load_config(path).origins["fail-on"] == f"{path}:2"
