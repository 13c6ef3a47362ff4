"""SARIF locations viewers can resolve: relative URIs against %SRCROOT%, given in originalUriBaseIds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest

from tests.conftest import ROOT, run_cli
from tests.output.helpers import DEFECTS, SELECT


def sarif(*paths: str) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(run_cli(["--isolated", "--select", SELECT, "--format", "sarif", *paths])[1])
    return log


def test_relative_paths_resolve_against_the_folder_certlint_ran_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    [run] = sarif(DEFECTS)["runs"]
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == ROOT.as_uri() + "/"
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location == {"uri": DEFECTS, "uriBaseId": "%SRCROOT%"}
        assert urljoin(base, location["uri"]) == (ROOT / DEFECTS).as_uri()
        for fix in result.get("fixes", []):
            assert fix["artifactChanges"][0]["artifactLocation"] == location


def test_absolute_paths_need_no_base(tmp_path: Path) -> None:
    copy = tmp_path / "ex32 defects.txt"
    copy.write_text((ROOT / DEFECTS).read_text(encoding="utf-8"), encoding="utf-8")
    [run] = sarif(str(copy))["runs"]
    assert "originalUriBaseIds" not in run
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": copy.as_uri()}
