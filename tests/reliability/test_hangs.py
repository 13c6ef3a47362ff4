"""Cases 6-8: inputs that used to hang a run (and a pre-commit hook with it).

Each fault runs in a child process with a deadline, so that a regression fails the test instead
of hanging the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import regex

from certlint.checks.phrases import BoundedPattern
from certlint.ruleset import load_ruleset
from tests.conftest import ROOT, run_cli
from tests.reliability.helpers import INNOVO, assert_one_line_error, certlint_process

CATASTROPHIC = [r"(\w|\w\w)+$", r"(a|aa)+$", r"(a+)+$", r"(\w+\s?)+$"]


def _slow_pack(folder: Path, pattern: str) -> Path:
    pack = folder / "slow.yaml"
    pack.write_text("pack: slow\nrules:\n  - code: SL101\n    kind: forbidden\n    message: slow\n"
                    f"    pattern: '{pattern}'\n", encoding="utf-8")
    return pack


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_06_catastrophic_user_regex_is_time_bounded(tmp_path: Path, pattern: str) -> None:
    pack = _slow_pack(tmp_path, pattern)
    long_line = tmp_path / "long.txt"
    long_line.write_text(("word " * 20 + "a" * 60 + "!") * 20 + "\n", encoding="utf-8")
    # A short bound for the test; the run is a real process, so a hang fails on the timeout.
    code = ("import sys; from certlint.checks import phrases; phrases.PATTERN_SECONDS = 0.5; "
            "from certlint.cli import main; sys.exit(main(sys.argv[1:]))")
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code, "--isolated", "--rules", str(pack), str(long_line),
                           str(INNOVO)], cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=60, check=False)
    assert time.monotonic() - started < 30
    assert "Traceback" not in done.stderr, done.stderr
    # The other file and the other rules are still reported.
    assert "CL301 misspelled title word 'EXEUCTIVE'" in done.stdout
    if done.returncode == 2:  # stopped by the bound, and said so, naming the rule
        assert f"{long_line}: rule SL101 (pack slow): its pattern ran over 0.5 s" in done.stderr
    else:  # or defused by the regex engine itself: finished, correctly
        assert done.returncode == 1 and done.stderr == ""


def test_06_the_bound_stops_a_pattern_that_backtracks() -> None:
    from certlint.checks import phrases

    bounded = BoundedPattern(r"(\w|\w\w)+$", regex.IGNORECASE)
    old, phrases.PATTERN_SECONDS = phrases.PATTERN_SECONDS, 0.2
    try:
        started = time.monotonic()
        with pytest.raises(phrases.PatternTimeout, match=r"ran over 0\.2 s"):
            list(bounded.finditer("a" * 60 + "!"))
        assert time.monotonic() - started < 5
    finally:
        phrases.PATTERN_SECONDS = old


ADVERSARIAL = [
    "a" * 20_000 + "!",
    "word " * 5_000 + "!",
    "fully comply with " * 2_000,
    "(a) " * 5_000,
    "Form 10-K for the " * 2_000 + "x",
    "in all material respects, " * 2_000,
    " " * 20_000 + "x",
]


def test_06_builtin_patterns_stay_far_from_the_bound() -> None:
    """Every built-in `pattern` and `anchor`, run on text built to make regexes backtrack."""
    patterns = []
    for rule in load_ruleset().rules:
        for name in ("pattern", "anchor"):
            value = getattr(rule.checker, name, None)
            if isinstance(value, BoundedPattern):
                patterns.append((rule.code, value))
    assert len(patterns) >= 10
    for code, pattern in patterns:
        for text in ADVERSARIAL:
            started = time.monotonic()
            list(pattern.compiled.finditer(text, timeout=2.0))  # raises TimeoutError past 2 s
            assert time.monotonic() - started < 0.5, (code, pattern.pattern, text[:30])


def _laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        name, prev = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    return "\n".join(lines) + "\n"


def test_07_billion_laughs_in_a_rule_pack(tmp_path: Path) -> None:
    pack = tmp_path / "laughs.yaml"
    pack.write_text("pack: laughs\nrules: []\n" + _laughs().replace("a: &a", "x-a: &a"), encoding="utf-8")
    started = time.monotonic()
    done = certlint_process(["--isolated", "--rules", str(pack), str(INNOVO)], tmp_path, timeout=60)
    assert time.monotonic() - started < 30
    assert_one_line_error(done.returncode, done.stderr.decode(), f"{pack}:", "aliases expand this document past")


def test_07_billion_laughs_in_the_config(tmp_path: Path) -> None:
    config = tmp_path / ".certlint.yaml"
    laughs = _laughs().replace("\n", "\n  ")
    config.write_text("facts:\n  '*':\n    company: Innovo\n  x:\n  " + laughs, encoding="utf-8")
    started = time.monotonic()
    done = certlint_process(["--config", str(config), str(INNOVO)], tmp_path, timeout=60)
    assert time.monotonic() - started < 30
    assert_one_line_error(done.returncode, done.stderr.decode(), f"{config}:", "aliases expand this document past")


def test_07_aliases_within_reason_still_load(tmp_path: Path) -> None:
    pack = tmp_path / "shared.yaml"
    pack.write_text("pack: shared\nrules:\n  - &rule {code: SH101, kind: forbidden, message: x, phrase: zzz}\n"
                    "  - {<<: *rule, code: SH102}\n", encoding="utf-8")
    status, _, err = run_cli(["--isolated", "--rules", str(pack), "--select", "SH", str(INNOVO)])
    assert (status, err) == (0, "")


def test_07_recursive_alias_refused(tmp_path: Path) -> None:
    pack = tmp_path / "loop.yaml"
    pack.write_text("pack: loop\nrules: &r\n  - *r\n", encoding="utf-8")
    status, _, err = run_cli(["--isolated", "--rules", str(pack), str(INNOVO)])
    assert_one_line_error(status, err, f"{pack}:", "recursive")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_08_fifo_met_while_walking_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "ex32.txt").write_bytes(INNOVO.read_bytes())
    os.mkfifo(tmp_path / "pipe.txt")  # nobody writes to it: opening it would block forever
    for extra in ([], ["--filings"], ["--jobs", "2"]):
        done = certlint_process(["--isolated", *extra, str(tmp_path)], tmp_path, timeout=60)
        err = done.stderr.decode()
        assert done.returncode == 1, err
        assert f"certlint: {tmp_path / 'pipe.txt'}: skipped (not a regular file: a FIFO)" in err
        assert b"CL301" in done.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_08_fifo_in_a_folder_of_rule_packs_is_not_opened(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "mine.yaml").write_text("pack: mine\nrules:\n  - {code: MI101, kind: forbidden, message: m, "
                                     "phrase: EXEUCTIVE}\n", encoding="utf-8")
    os.mkfifo(packs / "pipe.yaml")
    done = certlint_process(["--isolated", "--rules", str(packs), "--select", "MI", str(INNOVO)], tmp_path,
                            timeout=60)
    assert done.returncode == 1 and b"MI101" in done.stdout, done.stderr
