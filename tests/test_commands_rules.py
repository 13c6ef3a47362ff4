"""`certlint rules`: every rule of the active packs, one line each."""

from __future__ import annotations

from pathlib import Path

import pytest

from certlint.ruleset import load_ruleset
from tests.conftest import run_cli

PACK = """\
pack: house
rules:
  - code: HS101
    name: no-company
    kind: forbidden
    severity: warning
    enabled: false
    message: "say 'registrant'"
    description: House style.
    phrase: the Company's other certifying officer
"""


def test_lists_every_builtin_rule() -> None:
    code, out, err = run_cli(["rules", "--isolated"])
    assert (code, err) == (0, "")
    lines = out.splitlines()
    from certlint.ruleset.codes import META_RULES

    rules = sorted((*load_ruleset().rules, *META_RULES), key=lambda r: r.code)
    assert [line.split()[0] for line in lines] == [r.code for r in rules]
    assert lines[0].split()[:4] == ["CL001", "meta", "error", "certlint"]
    cl301 = next(line for line in lines if line.startswith("CL301"))
    assert cl301.split(None, 4) == ["CL301", "spelling", "error", "officer-titles",
                                    "misspelled title word '{word}': did you mean '{suggestion}'?"]


def test_user_packs_and_disabled_packs_from_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "house.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / ".certlint.yaml").write_text("rules: [house.yaml]\ndisable-packs: [sox906]\n",
                                              encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(["rules"])
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith("HS101"))
    assert line.split() == ["HS101", "forbidden", "warning", "house", "say", "'registrant'", "(off", "by",
                            "default)"]
    assert not any(line.startswith("CL1") for line in out.splitlines())
    code, out, _ = run_cli(["rules", "--isolated"])
    assert "HS101" not in out and "CL101" in out


def test_bad_pack_is_one_line_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    assert run_cli(["rules", "--isolated", "--rules", str(missing)]) == (
        2, "", f"certlint: error: {missing}: rule pack not found\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("pack: bad\nrules: 3\n", encoding="utf-8")
    code, out, err = run_cli(["rules", "--isolated", "--rules", str(bad)])
    assert (code, out) == (2, "")
    assert err.startswith(f"certlint: error: {bad}:") and err.count("\n") == 1
