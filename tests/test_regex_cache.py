"""Compiled regular expressions kept between runs (`certlint.regex_cache`): a preloaded pattern
is the pattern `re` compiles, and a cache that cannot be used is a miss, never an error."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from certlint import regex_cache

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "example-corp-10-K-ex31.1.txt"
SAMPLES = ["I, Jane Doe, certify that:", "December 31, 2024", "CHIEF EXECUTIVE OFFICER", "", "/s/ J. Doe",
           "Section 906 of the Sarbanes-Oxley Act of 2002", "(Principal Financial Officer)\n\tDate: 2/14/25"]


def _run(cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CERTLINT_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-m", "certlint", "--isolated", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, check=False)


def test_a_run_stores_its_patterns_and_the_next_gives_the_same_output(tmp_path: Path) -> None:
    first = _run(tmp_path, str(EXAMPLE))
    stored = regex_cache.cache_file(tmp_path)
    assert stored.is_file()
    written = stored.stat().st_mtime_ns
    second = _run(tmp_path, str(EXAMPLE))
    assert (second.returncode, second.stdout, second.stderr) == (first.returncode, first.stdout, first.stderr)
    assert stored.stat().st_mtime_ns == written  # nothing new compiled: not written again


def test_every_stored_program_is_the_pattern_re_compiles(tmp_path: Path) -> None:
    _run(tmp_path, str(EXAMPLE))
    version, _, blob = marshal.loads(regex_cache.cache_file(tmp_path).read_bytes())
    entries = marshal.loads(blob)
    assert version == sys.version and len(entries) > 100
    import _sre  # type: ignore[import-not-found]

    for (kind, pattern, flags), program in entries:
        if kind != "str":
            continue
        loaded = _sre.compile(pattern, *program)
        compiled = re._compiler.compile(pattern, flags)  # type: ignore[attr-defined]
        assert (loaded.pattern, loaded.flags, loaded.groups, loaded.groupindex) == (
            compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex)
        for sample in SAMPLES:
            found = [m.span() for m in loaded.finditer(sample)]
            assert found == [m.span() for m in compiled.finditer(sample)], pattern


def _file(entries: Any, version: str = sys.version, digest: str | None = None) -> bytes:
    blob = marshal.dumps(entries)
    return marshal.dumps((version, digest or regex_cache._digest(blob), blob))


#: A program `_sre` refuses (an opcode it does not have).
_REFUSED: tuple[object, ...] = (("str", "x", 0), (0, [999999], 0, {}, ()))
_FINE: tuple[object, ...] = (("str", "certlint-only-pattern", 0), (0, [1], 0, {}, ()))


@pytest.mark.parametrize("content", [
    b"", b"not marshal", marshal.dumps([1, 2, 3]), _file((_FINE,), version="0.0 another Python"),
    _file((_FINE,), digest="0" * 64), _file((_FINE, _REFUSED)), _file("not entries")])
def test_a_damaged_or_foreign_file_is_a_miss(tmp_path: Path, content: bytes) -> None:
    regex_cache.cache_file(tmp_path).write_bytes(content)
    assert regex_cache.preload(tmp_path) == 0
    assert (str, "certlint-only-pattern", 0) not in re._cache  # type: ignore[attr-defined]  # none in part
    result = _run(tmp_path, str(EXAMPLE))
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr


def test_no_cache_folder_no_file(tmp_path: Path) -> None:
    assert regex_cache.preload(None) == 0 and not regex_cache.save(None)
    env = {**os.environ, "CERTLINT_CACHE_DIR": ""}
    subprocess.run([sys.executable, "-m", "certlint", "--isolated", str(EXAMPLE)], env=env, cwd=tmp_path,
                   capture_output=True, check=False)
    assert list(tmp_path.iterdir()) == []


def test_a_full_file_keeps_what_the_run_compiles(tmp_path: Path) -> None:
    """A file filled to `MOST` by other runs' patterns: the run's own take the place of the
    oldest, and once a run has found them all the file is not rewritten again (a pattern the
    standard library compiles before `preload` stands first in `re`'s cache: cut by position,
    it was dropped, compiled and the file rewritten on every run)."""
    stale = [(("str", f"stale-{number}", 0), regex_cache._program(f"stale-{number}", 0))
             for number in range(regex_cache.MOST)]
    stored = regex_cache.cache_file(tmp_path)
    stored.write_bytes(_file(tuple(stale)))
    first = _run(tmp_path, str(EXAMPLE))
    _, _, blob = marshal.loads(stored.read_bytes())
    kept = [pattern for (_, pattern, _), _ in marshal.loads(blob)]
    assert len(kept) == regex_cache.MOST and "stale-0" not in kept
    writes = []
    for _ in range(3):
        written = stored.stat().st_mtime_ns
        again = _run(tmp_path, str(EXAMPLE))
        assert (again.returncode, again.stdout) == (first.returncode, first.stdout)
        writes.append(stored.stat().st_mtime_ns != written)
    assert writes[1:] == [False, False]
