"""An attacker's matrix beyond the numbered cases: odd inputs, options, configs and streams.

Every case must end in an exit status (0, 1 or 2) with at most error lines on stderr: never a
traceback, never a hang. Most run in-process (an escaping exception fails the test with its
traceback); the stream cases (closed stdout, a full disk, a reader that goes away) need a
real process.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from certlint.cli.faults import caused_by_ctrl_c, guarded
from tests.conftest import ROOT, run_cli
from tests.reliability.helpers import INNOVO, certlint_process

TEXT = INNOVO.read_text(encoding="utf-8")


def _zip(**members: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name.replace("__", "/"), data)
    return buffer.getvalue()


#: name -> (file name, content)
INPUTS: dict[str, tuple[str, bytes]] = {
    "empty": ("e.txt", b""),
    "binary": ("b.txt", bytes(range(256)) * 40),
    "nul": ("n.txt", b"\0" * 5000),
    "utf-16 without BOM": ("u.txt", TEXT.encode("utf-16-le")),
    "utf-16 with BOM": ("u.txt", TEXT.encode("utf-16")),
    "lone bytes": ("l.txt", b"\xff\xfe\x00" + b"\xc3" * 100),
    "surrogates": ("s.txt", b"\xed\xa0\x80" * 50 + TEXT.encode()),
    "CR only": ("c.txt", TEXT.replace("\n", "\r").encode()),
    "control characters": ("k.txt", "".join(map(chr, range(32))).encode() * 50 + TEXT.encode()),
    "docx not a zip": ("x.docx", b"hello"),
    "docx without document.xml": ("x.docx", _zip(other__x="hi")),
    "docx with broken XML": ("x.docx", _zip(word__document__xml="<not xml")),
    "docx encrypted (OLE)": ("x.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000),
    "docx truncated": ("x.docx", _zip(word__document__xml="<w:document/>" * 50)[:200]),
    "html unclosed tags": ("u.htm", ("<p>" + "<b><i><table><tr><td>" * 300 + TEXT).encode()),
    "html 20,000 attributes": ("a.htm", ("<p " + " ".join(f"a{i}=x" for i in range(20_000)) + ">" + TEXT
                                         + "</p>").encode()),
    "html one huge table cell": ("r.htm", ("<table><tr><td>" + "word " * 100_000 + "</td></tr></table><p>"
                                           + TEXT + "</p>").encode()),
    "html 20,000 cells in a row": ("w.htm", ("<table><tr>" + "<td>Chief Officer</td>" * 20_000
                                             + "</tr></table>").encode()),
    "html bad character references": ("e.htm", ("<p>&#xFFFFFFFF; &#0; &#55296; &bogus; " + TEXT
                                                + "</p>").encode()),
    "markdown fences and quotes": ("m.md", ("```\n" * 500 + "> " * 5000 + TEXT + "\n" + "|a|" * 5000
                                            + "\n").encode()),
    "front matter unclosed flow": ("f.md", ("---\n" + "[" * 20_000 + "\n---\n" + TEXT).encode()),
    "front matter python tag": ("f.md", ("---\nb: !!python/object:os.system x\n---\n" + TEXT).encode()),
    "many dates on one line": ("d.txt", (TEXT + "\n" + "Date: March 29, 2004 " * 3000 + "\n").encode()),
    "many intros": ("i.txt", ("I, John Doe, certify that " * 3000 + "\n").encode()),
    "submission headers only": ("s.txt", b"<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-31\n<TEXT>\n" * 2000),
    "one 1 MB line": ("o.txt", b"x" * 1_000_000),
}


def _assert_ended(status: int, err: str) -> None:
    assert "Traceback" not in err, err
    assert status in (0, 1, 2), (status, err)
    assert status != 2 or "certlint: error:" in err or "usage:" in err, err  # an exit 2 says why


@pytest.mark.parametrize("name", sorted(INPUTS))
@pytest.mark.parametrize("mode", [[], ["--fix"], ["--diff"], ["--format", "sarif"], ["--show-source"]])
def test_odd_inputs(tmp_path: Path, name: str, mode: list[str]) -> None:
    file_name, data = INPUTS[name]
    (tmp_path / file_name).write_bytes(data)
    started = time.monotonic()
    status, _, err = run_cli(["--isolated", *mode, str(tmp_path / file_name)])
    _assert_ended(status, err)
    assert time.monotonic() - started < 60, "a hostile input must not take minutes"


def _paths(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "ok.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "loop").symlink_to("loop")
    (tmp_path / "folder" / "up").symlink_to("..")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)))
    return {"file": str(tmp_path / "ok.txt"), "folder": str(tmp_path / "folder"), "loop": str(tmp_path / "loop"),
            "missing": str(tmp_path / "missing"), "binary": str(tmp_path / "bin.txt"), "nul": "\0",
            "huge": "x" * 5000, "not utf-8": os.fsdecode(b"\xff.txt"), "dash": "-", "option": "--bogus",
            "code": "CL301", "unknown code": "CL999"}


@pytest.mark.parametrize("command", ["check", "rules", "explain", "config", "filings", "facts", "report", "help"])
@pytest.mark.parametrize("what", ["file", "folder", "loop", "missing", "binary", "nul", "huge", "not utf-8",
                                  "option", "code", "unknown code"])
def test_subcommands_with_odd_arguments(tmp_path: Path, command: str, what: str) -> None:
    status, _, err = run_cli([command, _paths(tmp_path)[what]])
    _assert_ended(status, err)


ODD_VALUES = ["", ",", ",,", "\0", "x" * 10_000, "-1", "0", "nan", "*", "é", os.fsdecode(b"\xff")]


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select", "--fail-on", "--format", "--jobs",
                                    "--today", "--config", "--rules", "--baseline", "--write-baseline",
                                    "--output-file", "--stdin-filename"])
@pytest.mark.parametrize("value", ODD_VALUES, ids=lambda v: repr(v[:8]))
def test_options_with_odd_values(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str,
                                 value: str) -> None:
    (tmp_path / "ok.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # relative odd names land in the test's folder
    status, _, err = run_cli(["--isolated", option, value, "ok.txt"])
    _assert_ended(status, err)


CONFIGS = {
    "NUL character": "select: [CL301]\nexclude: ['\0']\n",
    "control character": "select: ['\x01']\n",
    "binary": "\0\1\2",
    "a list": "- a\n- b\n",
    "a string": "hello\n",
    "tabs": "select:\n\t- CL301\n",
    "BOM": "\ufeffselect: [CL301]\n",
    "duplicate keys": "select: [CL301]\nselect: [CL302]\n",
    "deep nesting": "select: " + "[" * 3000 + "]" * 3000 + "\n",
    "wrong types": "select: 5\nignore: {a: 1}\nfail-on: [1]\nrules: 7\nexclude: 3\ntoday: notadate\n",
    "bad date": "today: 2024-02-30\n",
    "huge integer": "jobs: 99999999999999999999999\n",
    "complex keys": "? [a, b]\n: 1\n1: 2\nnull: 3\n",
}


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_malformed_configs(tmp_path: Path, name: str) -> None:
    config = tmp_path / ".certlint.yaml"
    config.write_text(CONFIGS[name], encoding="utf-8")
    status, _, err = run_cli(["--config", str(config), str(INNOVO)])
    _assert_ended(status, err)


def test_a_nul_in_the_config_names_file_and_line(tmp_path: Path) -> None:
    config = tmp_path / ".certlint.yaml"
    config.write_text("fail-on: error\nexclude: ['\0']\n", encoding="utf-8")
    status, _, err = run_cli(["--config", str(config), str(INNOVO)])
    assert (status, err) == (2, f"certlint: error: {config}:2: invalid YAML: character U+0000 is not allowed\n")


PACKS = {
    "a list": "- 1\n",
    "rules a string": "pack: x\nrules: hi\n",
    "wrong types": "pack: x\nrules:\n  - code: 5\n    kind: [1]\n    message: {a: 1}\n",
    "unknown kind": "pack: x\nrules:\n  - code: XX101\n    kind: nosuch\n    message: m\n",
    "bad regex": "pack: x\nrules:\n  - code: XX101\n    kind: pattern\n    message: m\n    pattern: '(['\n",
    "deep nesting": "pack: x\nrules: " + "[" * 3000 + "]" * 3000 + "\n",
    "NUL": "pack: x\0\nrules: []\n",
    "BOM": "\ufeffpack: x\nrules: []\n",
    "tabs": "pack: x\nrules:\n\t- code: X\n",
}


@pytest.mark.parametrize("name", sorted(PACKS))
@pytest.mark.parametrize("command", [[], ["rules"]])
def test_malformed_packs(tmp_path: Path, name: str, command: list[str]) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(PACKS[name], encoding="utf-8")
    status, _, err = run_cli([*command, "--isolated", "--rules", str(pack), *([] if command else [str(INNOVO)])])
    _assert_ended(status, err)


def _shell(command: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(["sh", "-c", command], cwd=cwd, env=environment, capture_output=True, timeout=120,
                          check=False)


STREAMS = {
    "stdout closed": ("{certlint} --isolated ok.txt >&-", 2, "cannot write the output: standard output is closed"),
    "stdout and stderr closed": ("{certlint} --isolated ok.txt >&- 2>&-", 2, ""),
    "rules, stdout closed": ("{certlint} rules >&-", 2, "standard output is closed"),
    "explain, stdout closed": ("{certlint} explain CL301 >&-", 2, "standard output is closed"),
    "a full disk": ("{certlint} --isolated --show-source ok.txt >/dev/full", 2, "No space left on device"),
    "rules on a full disk": ("{certlint} rules >/dev/full", 2, "No space left on device"),
    "output file on a full disk": ("{certlint} --isolated --output-file /dev/full ok.txt", 2, "No space left"),
    "a reader that goes away": ("{certlint} --isolated big.txt | head -1", 0, ""),
    "rules to a reader that goes away": ("{certlint} rules | head -1", 0, ""),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(STREAMS))
def test_streams(tmp_path: Path, name: str) -> None:
    if not Path("/dev/full").exists() and "full" in name:
        pytest.skip("no /dev/full here")
    (tmp_path / "ok.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "big.txt").write_text(TEXT * 300, encoding="utf-8")
    command, status, needle = STREAMS[name]
    done = _shell(command.format(certlint=f"{sys.executable} -m certlint"), tmp_path)
    err = done.stderr.decode(errors="replace")
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert done.returncode == status, (done.returncode, err)
    assert needle in err


@pytest.mark.slow
@pytest.mark.parametrize("data", [b"", bytes(range(256)) * 100, TEXT.encode("utf-16"), b"\0" * 100_000],
                         ids=["empty", "binary", "utf-16", "nul"])
@pytest.mark.parametrize("flags", [[], ["--stdin-filename", "x.htm"], ["--stdin-filename", "x.docx"], ["--fix"],
                                   ["--diff"]], ids=["text", "html", "docx", "fix", "diff"])
def test_stdin(tmp_path: Path, data: bytes, flags: list[str]) -> None:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "certlint", "--isolated", *flags, "-"], input=data, cwd=tmp_path,
                          env=environment, capture_output=True, timeout=120, check=False)
    _assert_ended(done.returncode, done.stderr.decode(errors="replace"))


@pytest.mark.slow
def test_a_fifo_named_on_the_command_line_is_read_like_stdin(tmp_path: Path) -> None:
    """Named, it is read (`certlint <(cat exhibit)` names a pipe); walking a folder skips it."""
    fifo = tmp_path / "exhibit.txt"
    os.mkfifo(fifo)
    process = subprocess.Popen([sys.executable, "-m", "certlint", "--isolated", str(fifo)], cwd=tmp_path,
                               env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    fifo.write_bytes(INNOVO.read_bytes())
    out, err = process.communicate(timeout=120)
    assert (process.returncode, b"Traceback" in err) == (1, False), err
    assert b"CL301" in out
    walked = certlint_process(["--isolated", "."], tmp_path)
    assert walked.returncode == 0 and b"Traceback" not in walked.stderr, walked.stderr


class _SetName:
    """A descriptor whose `__set_name__` is where a Ctrl-C lands."""

    def __set_name__(self, owner: type, name: str) -> None:
        raise KeyboardInterrupt


def _class_with_an_interrupted_descriptor() -> int:
    type("Interrupted", (), {"field": _SetName()})
    return 0


def test_ctrl_c_wrapped_by_set_name_is_still_ctrl_c() -> None:
    # Python 3.11 wraps it in "RuntimeError: Error calling __set_name__"; 3.12 lets it through.
    err = io.StringIO()
    assert guarded(_class_with_an_interrupted_descriptor, err) == 130
    assert err.getvalue() == "certlint: interrupted\n"


def test_other_errors_are_not_taken_for_ctrl_c() -> None:
    boom: Callable[[], int] = lambda: int("x")  # noqa: E731
    with pytest.raises(ValueError):
        guarded(boom, io.StringIO())
    assert not caused_by_ctrl_c(RuntimeError("x"))
