"""Issue 4, acceptance 2: each fixture document gives exactly the `line:col: CODE message` lines of
its `.expected` sidecar (an empty sidecar: the document is clean)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run_cli

CASES = sorted(p for p in (FIXTURES / "titles").iterdir() if p.suffix in (".txt", ".htm", ".md"))


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_fixture(path: Path) -> None:
    expected = path.with_suffix(".expected").read_text()
    code, out, err = run_cli(["--isolated", str(path)])
    assert err == ""
    got = "".join(line.removeprefix(f"{path}:") + "\n" for line in out.splitlines())
    assert got == expected
    assert code == (1 if expected else 0)


def test_every_issue_case_has_a_fixture() -> None:
    """The cases acceptance 2 lists, each with the code it must report."""
    wanted = {
        "middle-initial": "66:10: CL501",
        "surname-misspelled": "66:13: CL501",
        "two-signers-302": "71:1: CL502",
        "title-in-intro": "5:17: CL503",
        "unknown-role": "69:1: CL306",
        "heading-title": "4:4: CL307",
        "power-of-attorney": "66:18: CL507",
        "company-variant": "18:66: CL508",
        "joint-906-missing-signer": "28:1: CL505",
        "typed-signature": "65:1: CL510",
        "blank-date": "64:1: CL511",
        "nickname": "65:5: CL509",
    }
    for name, prefix in wanted.items():
        lines = (FIXTURES / "titles" / f"{name}.expected").read_text().splitlines()
        assert any(line.startswith(prefix) for line in lines), (name, lines)
