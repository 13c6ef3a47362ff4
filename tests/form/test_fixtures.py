"""Issue 5, acceptance 2 and 3: each fixture's exact `line:col: CODE message` from the form rules.

Each `tests/fixtures/form/NAME` has a sidecar `NAME.expected` (empty for a clean document); the
lines are the CLI's output without the leading path.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run_cli

FORM_FIXTURES = FIXTURES / "form"
DOCUMENTS = sorted(p for p in FORM_FIXTURES.iterdir() if p.suffix in (".txt", ".htm", ".md"))


def lint(path: Path, *options: str) -> list[str]:
    code, out, err = run_cli(["--isolated", *options, str(path)])
    assert err == ""
    lines = out.splitlines()
    assert code == (1 if lines else 0)
    prefix = f"{path}:"
    assert all(line.startswith(prefix) for line in lines)
    return [line[len(prefix):] for line in lines]


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_fixture(path: Path) -> None:
    expected = path.with_name(path.name + ".expected").read_text(encoding="utf-8").splitlines()
    # The form packs' codes only: the fixtures are cut to show the form rules (some have no
    # signature block, or a title in the opening line, which the name and title rules report).
    assert lint(path, "--select", "CL1,CL2") == expected
