"""The built-in pack cache: same rules and results as the YAML, and a broken cache is only slower."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from certlint.checks import KINDS
from certlint.diagnostic import Diagnostic
from certlint.engine.setup import SetupOptions, build_linter
from certlint.ruleset import load_ruleset
from certlint.ruleset.cache import cache_dir, load_builtin_packs
from certlint.ruleset.loader import builtin_pack_dir, pack_files

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _lint_examples() -> list[Diagnostic]:
    return build_linter(SetupOptions(isolated=True)).lint_paths([str(EXAMPLES)]).diagnostics


def _cache_file(folder: Path) -> Path:
    files = sorted(folder.glob("packs-*.json"))
    assert len(files) == 1, files
    return files[0]


@pytest.fixture
def uncached(monkeypatch: pytest.MonkeyPatch) -> list[Diagnostic]:
    """The examples' diagnostics with no cache at all (the YAML read every time)."""
    monkeypatch.setenv("CERTLINT_CACHE_DIR", "")
    return _lint_examples()


def _signature(diagnostics: list[Diagnostic]) -> list[tuple[object, ...]]:
    return [(d.path, d.line, d.column, d.end_line, d.end_column, d.code, d.severity, d.message,
             d.suggestion, d.source_line) for d in diagnostics]


def test_a_warm_run_reports_what_the_yaml_does(uncached: list[Diagnostic], tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CERTLINT_CACHE_DIR", str(tmp_path))
    cold = _lint_examples()  # writes the cache
    _cache_file(tmp_path)
    warm = _lint_examples()  # reads it
    assert uncached  # the examples have findings, so the comparison means something
    assert _signature(cold) == _signature(uncached)
    assert _signature(warm) == _signature(uncached)


def test_warm_rules_equal_the_yaml_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def described() -> list[tuple[object, ...]]:
        return [(r.code, r.name, r.kind, r.severity, r.message, r.pack, r.description, r.example,
                 r.example_pass, r.source, r.enabled, type(r.checker).__name__, p.applies_to, p.path)
                for p in load_ruleset().packs for r in p.rules]

    monkeypatch.setenv("CERTLINT_CACHE_DIR", "")
    from_yaml = described()
    monkeypatch.setenv("CERTLINT_CACHE_DIR", str(tmp_path))
    described()
    assert described() == from_yaml


@pytest.mark.parametrize("content", [
    b"",
    b"not json at all\n\x00\xff",
    b'{"key": "0", "format": 2, "hash": "0"}\n[]',
    b"[1, 2",
], ids=["empty", "garbage", "another-key", "truncated"])
def test_an_unreadable_cache_is_rebuilt(content: bytes, uncached: list[Diagnostic], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CERTLINT_CACHE_DIR", str(tmp_path))
    _lint_examples()
    target = _cache_file(tmp_path)
    good = target.read_bytes()
    target.write_bytes(content)
    assert _signature(_lint_examples()) == _signature(uncached)
    assert target.read_bytes() == good  # rewritten from the YAML


def _rewrite(target: Path, change: object) -> None:
    """Replace the payload, with a header whose hash matches it (as a hostile writer could)."""
    from importlib.util import source_hash

    header = json.loads(target.read_bytes().partition(b"\n")[0])
    body = json.dumps(change).encode()
    header["hash"] = source_hash(body).hex()
    target.write_bytes(json.dumps(header).encode() + b"\n" + body)


def test_a_payload_that_does_not_match_its_hash_is_ignored(uncached: list[Diagnostic], tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CERTLINT_CACHE_DIR", str(tmp_path))
    _lint_examples()
    target = _cache_file(tmp_path)
    header, _, body = target.read_bytes().partition(b"\n")
    data = json.loads(body)
    data[0]["rules"][0]["message"] = "changed"  # the hash is left as it was
    target.write_bytes(header + b"\n" + json.dumps(data).encode())
    assert _signature(_lint_examples()) == _signature(uncached)


@pytest.mark.parametrize("spoil", ["code-not-text", "unknown-kind", "rules-not-list", "fewer-packs", "deep"])
def test_a_cache_of_the_wrong_shape_is_ignored(spoil: str, uncached: list[Diagnostic], tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CERTLINT_CACHE_DIR", str(tmp_path))
    _lint_examples()
    target = _cache_file(tmp_path)
    data = json.loads(target.read_bytes().partition(b"\n")[2])
    if spoil == "code-not-text":
        data[0]["rules"][0]["code"] = 101
    elif spoil == "unknown-kind":
        data[0]["rules"][0]["kind"] = "no-such-kind"
    elif spoil == "rules-not-list":
        data[0]["rules"] = {"a": 1}
    elif spoil == "fewer-packs":
        data = data[1:]
    else:
        data = [[[[[]]]] for _ in data]
    _rewrite(target, data)
    assert _signature(_lint_examples()) == _signature(uncached)


def test_options_that_do_not_compile_fall_back_to_the_pack_file(uncached: list[Diagnostic], tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CERTLINT_CACHE_DIR", str(tmp_path))
    _lint_examples()
    target = _cache_file(tmp_path)
    data = json.loads(target.read_bytes().partition(b"\n")[2])
    for pack in data:
        for rule in pack["rules"]:
            if rule["kind"] in ("forbidden", "required"):
                rule.pop("phrase", None)
                rule["pattern"] = "("  # not a regex: the kind refuses it
    _rewrite(target, data)
    assert _signature(_lint_examples()) == _signature(uncached)


def test_a_changed_pack_file_is_not_read_from_the_old_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CERTLINT_CACHE_DIR", str(tmp_path / "cache"))
    packs = tmp_path / "packs"
    packs.mkdir()
    for path in pack_files([builtin_pack_dir()]):
        (packs / path.name).write_bytes(path.read_bytes())
    files = pack_files([packs])
    load_builtin_packs(files)
    first = files[0]
    text = first.read_text(encoding="utf-8")
    assert text.startswith("pack: citations\ndescription: >\n  ")
    first.write_text(text.replace("description: >\n  ", "description: >\n  Changed. ", 1), encoding="utf-8")
    assert load_builtin_packs(files)[0].description.startswith("Changed. ")
    assert len(list((tmp_path / "cache").glob("packs-*.json"))) == 2


def test_the_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CERTLINT_CACHE_DIR", str(tmp_path))
    assert cache_dir() == tmp_path
    monkeypatch.setenv("CERTLINT_CACHE_DIR", "")
    assert cache_dir() is None
    monkeypatch.delenv("CERTLINT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "certlint"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # the XDG spec ignores it; so does certlint
    assert cache_dir() == Path.home() / ".cache" / "certlint"


def test_no_cache_writes_no_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CERTLINT_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    load_ruleset()
    assert list(tmp_path.rglob("*")) == []


def test_an_unwritable_cache_folder_is_not_an_error(uncached: list[Diagnostic], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CERTLINT_CACHE_DIR", str(blocker / "cache"))
    assert _signature(_lint_examples()) == _signature(uncached)


def test_every_kind_module_is_registered_under_its_name() -> None:
    assert sorted(KINDS) == sorted(KINDS[name].NAME for name in KINDS)
    assert len(KINDS) == 9


@pytest.mark.slow
def test_a_warm_run_imports_no_yaml_and_only_the_kinds_it_runs(tmp_path: Path) -> None:
    env = {**os.environ, "CERTLINT_CACHE_DIR": str(tmp_path)}
    code = ("import sys\n"
            "from certlint.ruleset import load_ruleset\n"
            "rules = load_ruleset().rules\n"
            "kinds = {'certlint.checks.' + name for name in " + repr(sorted(KINDS)) + "}\n"
            "before = sorted(m for m in sys.modules if m == 'yaml' or m in kinds)\n"
            "next(r for r in rules if r.kind == 'form').checker\n"
            "print(before, 'certlint.checks.form' in sys.modules)\n")
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)  # writes it
    shown = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True,
                           text=True).stdout.strip()
    assert shown == "[] True"
