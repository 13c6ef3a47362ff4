"""Which command a command line runs: `check`, the subcommands, `help`, and words that are both."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from certlint.cli.catalog import SUBCOMMANDS
from tests.conftest import ROOT, run_cli

DEFECTIVE = ROOT / "examples" / "innovo-group-10-K-A-ex32.txt"
FINDING = "ex32.txt:7:41: CL301 misspelled title word 'EXEUCTIVE': did you mean 'EXECUTIVE'?"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def folder_named(here: Path, name: str) -> None:
    (here / name).mkdir()
    shutil.copy(DEFECTIVE, here / name / "ex32.txt")


@pytest.mark.parametrize("name", sorted(set(SUBCOMMANDS) - {"check"}))
def test_a_command_name_that_is_a_folder_is_an_error(here: Path, name: str) -> None:
    folder_named(here, name)
    code, out, err = run_cli([name, "--isolated"] if name != "help" else [name])
    assert (code, out) == (2, "")
    assert err == (f"certlint: error: '{name}' is both a command and a folder here; to lint the folder: "
                   f"certlint check {name}; to run the command: certlint {name} --\n")


@pytest.mark.parametrize("name", sorted(SUBCOMMANDS))
def test_check_lints_a_folder_named_like_a_command(here: Path, name: str) -> None:
    folder_named(here, name)
    for argv in (["check", "--isolated", name], ["--isolated", "--", name], ["--isolated", f"./{name}"]):
        code, out, err = run_cli(argv)
        assert code == 1, (argv, err)
        assert out.splitlines()[0] == f"{name}/{FINDING}"


def test_check_is_always_the_lint_command(here: Path) -> None:
    """Either reading of `check` lints: `certlint check` with a folder `check/` lints `.`, with it."""
    folder_named(here, "check")
    shutil.copy(DEFECTIVE, here / "ex32.txt")
    code, out, _ = run_cli(["check", "--isolated"])
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines() if "CL301" in line] == ["check/ex32.txt", "ex32.txt"]


def test_a_file_named_like_a_command_is_an_error_too(here: Path) -> None:
    shutil.copy(DEFECTIVE, here / "rules")
    code, out, err = run_cli(["rules"])
    assert (code, out) == (2, "")
    assert "'rules' is both a command and a file here; to lint the file: certlint check rules" in err
    assert run_cli(["check", "--isolated", "rules"])[0] == 1


def test_a_folder_with_nothing_to_lint_leaves_the_command_alone(here: Path) -> None:
    """A `rules/` of YAML packs would lint nothing: `certlint rules` lists the rules there."""
    (here / "rules").mkdir()
    (here / "rules" / "pack.yaml").write_text("pack: mine\n")
    (here / "rules" / "notes.txt.orig").write_text("certify that\n")
    code, out, err = run_cli(["rules", "--isolated"])
    assert (code, err) == (0, "") and "CL301" in out
    (here / "rules" / "EX31.TXT").write_text("certify that\n")
    assert run_cli(["rules", "--isolated"])[0] == 2


def test_double_dash_after_the_word_runs_the_command(here: Path) -> None:
    for name in ("rules", "explain", "config", "filings"):
        folder_named(here, name)
    code, out, _ = run_cli(["rules", "--"])
    assert code == 0 and "CL301" in out and "title-spelling" in out.replace("misspelled", "title-spelling")
    code, out, _ = run_cli(["explain", "--", "CL301"])
    assert code == 0 and out.startswith("CL301 ")
    code, out, _ = run_cli(["config", "--", "--isolated"])
    assert code == 0 and out.startswith("config = (none)")
    code, out, _ = run_cli(["filings", "--", "--isolated", "filings"])
    assert code == 0 and out.startswith("filings: 1 document(s)\n")


def test_the_commands_run_where_no_path_shares_their_name(here: Path) -> None:
    assert run_cli(["explain", "CL301"])[1].startswith("CL301 ")
    shutil.copy(DEFECTIVE, here / "ex32.txt")
    code, out, _ = run_cli(["check", "--isolated", "ex32.txt"])
    assert (code, out.splitlines()[0]) == (1, FINDING)
    assert run_cli(["check", "--isolated"])[1] == run_cli(["--isolated"])[1] == run_cli(["--isolated", "."])[1]


def test_help_lists_every_command(here: Path) -> None:
    code, out, err = run_cli(["--help"])
    assert (code, err) == (0, "")
    assert out.startswith("usage: certlint [check] [options] [PATH ...]\n       certlint COMMAND [options]\n")
    listed = out.split("\ncommands:\n", 1)[1]
    for name, (_, summary) in SUBCOMMANDS.items():
        assert f"  {name}" in listed and summary in listed
    assert run_cli(["help"]) == (0, out, "")
    assert run_cli(["check", "--help"]) == (0, out, "")


@pytest.mark.parametrize("name", sorted(set(SUBCOMMANDS) - {"check", "help"}))
def test_help_of_a_command_is_its_own(name: str) -> None:
    code, out, err = run_cli(["help", name])
    assert (code, err) == (0, "")
    assert out.startswith(f"usage: certlint {name} ")
    assert run_cli([name, "--help"]) == (0, out, "")


def test_help_of_check_help_and_unknown() -> None:
    assert run_cli(["help", "check"]) == run_cli(["--help"])
    assert run_cli(["help", "help"])[1].startswith("usage: certlint help [COMMAND]")
    code, out, err = run_cli(["help", "lnt"])
    assert (code, out) == (2, "")
    assert err == ("certlint: error: unknown command 'lnt' (commands: check, rules, explain, config, "
                   "filings, facts, report, lsp, help)\n")


def test_a_mistyped_option_gets_a_suggestion() -> None:
    code, out, err = run_cli(["--selct", "CL3", "x.txt"])
    assert (code, out) == (2, "")
    assert err.endswith("certlint: error: unrecognized arguments: --selct (did you mean --select?)\n")
    assert run_cli(["rules", "--isolatd"])[2].endswith(
        "certlint rules: error: unrecognized arguments: --isolatd (did you mean --isolated?)\n")
    assert "did you mean" not in run_cli(["--zzzzzz"])[2]


def test_abbreviated_options_are_not_accepted() -> None:
    """`--sel` must not mean `--select`: a later `--selection` would change old command lines."""
    code, _, err = run_cli(["--sel", "CL3", "--isolated", str(DEFECTIVE)])
    assert code == 2
    assert "unrecognized arguments: --sel (did you mean --select?)" in err
    assert run_cli(["explain", "--isol", "CL301"])[0] == 2
