"""The README's install snippets, pasted: a path install of this checkout gives a working certlint."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_install_snippets_name_only_what_exists() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Installing\n", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^pip install (\S+)", section, re.M)
    assert commands == ["/path/to/certlint", '"certlint', '"/path/to/certlint[docx,lsp]"']
    # Nothing suggests a PyPI release, a tag or a placeholder host that does not exist.
    assert "example.invalid" not in text and "rev: v0.1.0" not in text
    assert not re.search(r"pip install '?certlint(\[|\s|$)", text, re.M)


def test_a_path_install_lints_the_examples(tmp_path: Path) -> None:
    """`pip install /path/to/certlint`, the dependencies being those of this environment."""
    target = tmp_path / "site"
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                                "--target", str(target), str(ROOT)], capture_output=True, text=True,
                               check=False)
    assert installed.returncode == 0, installed.stderr
    assert (target / "certlint" / "rules" / "sox302.yaml").is_file()  # the packs are in the wheel
    env = {**os.environ, "PYTHONPATH": str(target)}
    # Run outside the checkout, so that its own source tree is not what Python imports.
    run = subprocess.run([sys.executable, "-m", "certlint", "--isolated", str(ROOT / "examples")], cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert run.returncode == 1, run.stderr
    assert "innovo-group-10-K-A-ex32.txt:7:41: CL301" in run.stdout
    where = subprocess.run([sys.executable, "-c", "import certlint; print(certlint.__file__)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(target))
