"""Configuration for adoption: per-file-ignores, excludes, packs, errors at file:line,
and `certlint config`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

TYPO = "Principal Exeuctive Officer\n"
HOMOPHONE = "Principle Executive Officer\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for folder in ("exhibits/2003", "exhibits/2025", "archive/old"):
        Path(folder).mkdir(parents=True)
        Path(folder, "ex31.txt").write_text(TYPO + HOMOPHONE)
    return tmp_path


def _codes(out: str) -> list[str]:
    return [" ".join(line.split(" ")[:2]) for line in out.splitlines()]


@pytest.mark.parametrize(("name", "text", "line"), [
    ("pyproject.toml", '[project]\nname = "x"\n\n[tool.certlint]\nselect = ["CL"]\nselekt = ["CL3"]\n', 6),
    (".certlint.yaml", "select: [CL]\n\nselekt: [CL3]\n", 3),
])
def test_unknown_top_level_key(repo: Path, name: str, text: str, line: int) -> None:
    Path(name).write_text(text)
    code, out, err = run_cli(["--all-documents", "exhibits"])
    assert (code, out) == (2, "")
    assert err.startswith(f"certlint: error: {Path(name).resolve()}:{line}: unknown config key 'selekt' ")


@pytest.mark.parametrize(("name", "text", "line"), [
    ("pyproject.toml", '[tool.certlint]\nfail-on = "error"\n\n[tool.certlint.facts."exhibits/*"]\n'
                       'company = "Example Corp."\ncompnay = "typo"\n', 6),
    ("pyproject.toml", '[tool.certlint.facts]\n"exhibits/*" = { compnay = "typo" }\n', 2),
    (".certlint.yaml", "facts:\n  exhibits/*:\n    company: Example Corp.\n    compnay: typo\n", 4),
])
def test_unknown_nested_fact_key_points_at_its_line(repo: Path, name: str, text: str, line: int) -> None:
    Path(name).write_text(text)
    code, _, err = run_cli(["--all-documents", "exhibits"])
    assert code == 2
    assert err.startswith(f"certlint: error: {Path(name).resolve()}:{line}: unknown fact 'compnay' "
                          "for 'exhibits/*'"), err
    assert err.count("\n") == 1


def test_per_file_ignores_by_glob_folder_and_code_string(repo: Path) -> None:
    Path(".certlint.yaml").write_text(
        "per-file-ignores:\n"
        "  exhibits/2003/*: [CL301]\n"       # a glob, a list
        "  archive/: 'cl301, CL302'\n")     # a folder, a comma-separated string
    code, out, _ = run_cli(["--all-documents", "exhibits", "archive"])
    assert code == 1
    assert _codes(out) == ["exhibits/2003/ex31.txt:2:1: CL302", "exhibits/2025/ex31.txt:1:11: CL301",
                           "exhibits/2025/ex31.txt:2:1: CL302"]


def test_per_file_ignores_bad_codes_point_at_the_glob(repo: Path) -> None:
    Path("pyproject.toml").write_text('[tool.certlint.per-file-ignores]\n"a/*" = ["CL1"]\n"b/*" = 3\n')
    assert run_cli(["--all-documents", "exhibits"]) == (
        2, "", f"certlint: error: {Path('pyproject.toml').resolve()}:3: codes for 'b/*' must be a list "
               "of strings\n")


def test_exclude_by_name_and_by_path(repo: Path) -> None:
    Path(".certlint.yaml").write_text("extend-exclude: [archive, exhibits/2003]\n")
    code, out, _ = run_cli(["--all-documents", "."])
    assert code == 1
    assert {line.split(":")[0] for line in out.splitlines()} == {"exhibits/2025/ex31.txt"}
    # A file named on the command line is linted anyway...
    assert run_cli(["--all-documents", "archive/old/ex31.txt"])[0] == 1
    # ... unless force-exclude (pre-commit names every staged file).
    Path(".certlint.yaml").write_text("extend-exclude: [archive, exhibits/2003]\nforce-exclude: true\n")
    assert run_cli(["--all-documents", "archive/old/ex31.txt", "exhibits/2003/ex31.txt"]) == (0, "", "")
    assert run_cli(["--all-documents", "exhibits/2025/ex31.txt"])[0] == 1


def test_exclude_replaces_the_defaults(repo: Path) -> None:
    Path("build").mkdir()
    Path("build", "ex.txt").write_text(TYPO)
    assert "build/ex.txt" not in run_cli(["--all-documents", "."])[1]
    Path(".certlint.yaml").write_text("exclude: [exhibits, archive]\n")
    assert _codes(run_cli(["--all-documents", "."])[1]) == ["build/ex.txt:1:11: CL301"]


def test_packs_enable_and_disable(repo: Path) -> None:
    Path("pyproject.toml").write_text('[tool.certlint]\ndisable-packs = ["officer-titles"]\n')
    assert run_cli(["--all-documents", "exhibits"]) == (0, "", "")
    Path("pyproject.toml").write_text('[tool.certlint]\ndisable-packs = ["officer-titles"]\n\n'
                                      '[tool.certlint.packs]\nofficer-titles = true\n')
    assert run_cli(["--all-documents", "exhibits"])[0] == 1
    Path("pyproject.toml").write_text('[tool.certlint.packs]\nofficer-titles = false\nsox906 = true\n')
    assert run_cli(["--all-documents", "exhibits"]) == (0, "", "")


def test_user_pack_disabled_by_name(repo: Path) -> None:
    Path("house.yaml").write_text(
        "pack: house-style\nrules:\n  - code: HS101\n    kind: forbidden\n    message: house style\n"
        "    phrase: Principal\n")
    Path(".certlint.yaml").write_text("rules: [house.yaml]\nselect: [HS]\n")
    assert run_cli(["--all-documents", "exhibits/2025"])[0] == 1
    Path(".certlint.yaml").write_text("rules: [house.yaml]\nselect: [HS]\npacks:\n  house-style: false\n")
    assert run_cli(["--all-documents", "exhibits/2025"]) == (0, "", "")


def _builtin_pack_names() -> str:
    from certlint.ruleset import load_ruleset

    return ", ".join(sorted(pack.name for pack in load_ruleset().packs))


@pytest.mark.parametrize(("text", "line", "message"), [
    ('[tool.certlint.packs]\nsox906 = false\nofficer-tiltes = false\n', 3,
     "unknown pack 'officer-tiltes' (known: {known})"),
    ('[tool.certlint]\ndisable-packs = ["sox960"]\n', 2, "unknown pack 'sox960' (known: {known})"),
    ('[tool.certlint.packs]\nsox906 = "off"\n', 2, "pack 'sox906' must be true or false"),
])
def test_bad_pack_names_and_values(repo: Path, text: str, line: int, message: str) -> None:
    Path("pyproject.toml").write_text(text)
    message = message.format(known=_builtin_pack_names())
    assert "officer-titles, sox302, sox906" in message or "known" not in message
    assert run_cli(["--all-documents", "exhibits"]) == (
        2, "", f"certlint: error: {Path('pyproject.toml').resolve()}:{line}: {message}\n")


CONFIG = """\
[project]
name = "exhibits"

[tool.certlint]
ignore = ["CL302"]
extend-exclude = ["archive"]

[tool.certlint.packs]
sox906 = false

[tool.certlint.per-file-ignores]
"exhibits/2003/*" = ["CL301"]

[tool.certlint.facts."exhibits/innovo/*"]
company = "Innovo Group Inc."
fiscal-year-end = "saturday nearest november 30"
"""


def test_config_command_shows_values_and_origins(repo: Path) -> None:
    Path("pyproject.toml").write_text(CONFIG)
    code, out, err = run_cli(["config", "--select", "CL", "--ignore", "CL1"])
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == 'config = "pyproject.toml"                 # found from the current folder'
    assert 'select = ["CL"]                           # command line' in lines
    assert 'extend-select = []                        # default' in lines
    assert 'ignore = ["CL302", "CL1"]                 # pyproject.toml:5, command line' in lines
    assert 'fail-on = "info"                          # default' in lines
    assert lines[7].startswith('exclude = [".git", ') and lines[7].endswith(
        '"archive"]  # default + extend-exclude at pyproject.toml:6')
    assert 'disable-packs = ["sox906"]                # default + packs at pyproject.toml:8' in lines
    packs, rest = out.split("\n\n", 2)[1:]
    assert packs.splitlines()[0] == "[packs]"
    assert "officer-titles = true  # default; built-in" in packs.splitlines()
    assert "sox302 = true  # default; built-in" in packs.splitlines()
    assert "sox906 = false  # pyproject.toml:9; built-in" in packs.splitlines()
    assert rest == (
        "[per-file-ignores]\n"
        '"exhibits/2003/*" = ["CL301"]  # pyproject.toml:12\n'
        '\n[facts."exhibits/innovo/*"]  # pyproject.toml:14\n'
        'company = "Innovo Group Inc."\n'
        'fiscal-year-end = "saturday nearest november 30"\n')


def test_config_command_defaults_and_errors(repo: Path) -> None:
    code, out, _ = run_cli(["config", "--isolated", "--fail-on", "error"])
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "config = (none)                           # command line (--isolated)"
    assert lines[1].startswith(f'root = "{repo.resolve()}"') and lines[1].endswith("# the current folder")
    assert lines[2] == "select = (every enabled rule)             # default"
    assert 'fail-on = "error"                         # command line' in out.splitlines()
    Path(".certlint.yaml").write_text("fail-on: loud\n")
    code, out, err = run_cli(["config"])
    assert (code, out) == (2, "")
    assert err == (f"certlint: error: {Path('.certlint.yaml').resolve()}:1: 'fail-on' must be one of "
                   "error, warning, info\n")
