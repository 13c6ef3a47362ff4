"""A real pre-commit run with the README's recommended configuration prints each finding once."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.test_precommit_hook import git, git_commit, snapshot_of_checkout

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CLEAN = ROOT / "tests" / "fixtures" / "filings" / "clean"


def readme_hooks(section: str) -> list[dict[str, object]]:
    """The hooks of the first pre-commit YAML block of a README section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    body = text.split(f"\n{section}\n", 1)[1]
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", body, re.S) if "repos:" in b)
    [repo] = yaml.safe_load(block)["repos"]
    hooks: list[dict[str, object]] = repo["hooks"]
    return hooks


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    """(snapshot of this checkout, its commit, a PRE_COMMIT_HOME shared so it is installed once)."""
    base = tmp_path_factory.mktemp("readme-hooks")
    repo = base / "hook-repo"
    repo.mkdir()
    return repo, snapshot_of_checkout(repo), base / "cache"


@pytest.mark.parametrize("section", ["## pre-commit", "## A filing as a unit: repository mode"])
def test_recommended_hooks_print_each_finding_once(tmp_path: Path, section: str,
                                                    hook_repo: tuple[Path, str, Path]) -> None:
    repo, rev, cache = hook_repo
    work = tmp_path / "work"
    work.mkdir()
    git(work, "init", "-q")
    config = {"repos": [{"repo": str(repo), "rev": rev, "hooks": readme_hooks(section)}]}
    (work / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    env = {**os.environ, "PRE_COMMIT_HOME": str(cache)}
    installed = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=work, env=env,
                               capture_output=True, text=True, check=False)
    assert installed.returncode == 0, installed.stderr
    filing = work / "2025-10-K"
    shutil.copytree(CLEAN, filing)
    statement = filing / "ex32-1.md"
    statement.write_text(statement.read_text().replace("Chief Executive Officer", "Chief Exectuive Officer", 1))
    git(work, "add", ".")
    refused = git_commit(work, env, "filing with a misspelled title")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    findings = [line for line in output.splitlines() if ": CL301 " in line]
    assert len(findings) == 1, output
    assert findings[0].startswith("2025-10-K/ex32-1.md:")
