"""Autofix: apply the safe suggestions of a run to the files, or show them as a unified diff.

Safe means the suggestion of a `spelling` rule (a title word) or of a `forbidden` rule with
`suggest` (a declared substitution), and a source span that is plain text: a span holding markup
(`<`, `>`) or an entity (`&`) is left for a person. Only words are replaced: the span's own
spacing and line breaks are kept when the suggestion has as many words, and a span over a line
break whose words do not pair up with the suggestion's is refused, so a fix never changes a
file's line breaks or markup. Overlapping fixes: the first wins, the rest wait for the
next run. Only the fixed words change: the file is re-encoded with the encoding, byte-order mark
and line endings it was read with, and refused when that would not give back its bytes. Writing
is atomic (a temporary file in the same folder, then os.replace), and a file whose bytes changed
on disk since it was read is left alone.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from msgspec import Struct, field

from certlint.document.decode import Decoded, decode

if TYPE_CHECKING:
    from certlint.diagnostic import Diagnostic
    from certlint.ruleset.policy import ReportPolicy

#: Lints a file's (edited) text under its name: how a fix is checked before it is kept.
LintText = Callable[[str, str], "list[Diagnostic]"]

#: Rule kinds whose suggestions are applied.
SAFE_KINDS = frozenset({"spelling", "forbidden"})
_MARKUP = frozenset("<>&")
_BREAKS = frozenset("\r\n\x0b\x0c\x85\u2028\u2029")


class FileChangedError(OSError):
    """The file on disk is no longer what was read: it is not overwritten."""


class NoDiffError(ValueError):
    """The fixes of a file cannot be shown as a diff that patch applies."""


class NotWritableError(OSError):
    """Replacing the file would do more than change its words: it is left alone."""


def check_replaceable(path: Path, shown: str) -> os.stat_result:
    """The file's status, if replacing it keeps what a reader of it relies on. A read-only
    file is not rewritten (os.replace would, the folder being writable); a file with other hard
    links would be split from them; one owned by someone else would change hands."""
    status = path.stat()
    if not status.st_mode & 0o222:
        raise NotWritableError(f"{shown}: not fixed: read-only")
    if status.st_nlink > 1:
        raise NotWritableError(f"{shown}: not fixed: it has {status.st_nlink} hard links, which "
                               "replacing it would split")
    return status


class FilePlan(Struct, frozen=True):
    """The fixes for one file: its bytes as read, and the text and bytes after the fixes."""

    path: str
    original: bytes
    old_text: str
    new_text: str
    new_bytes: bytes
    fixed: int
    #: The encoding it was read in (the diff is written in it).
    encoding: str = "utf-8"


class FixOutcome(Struct):
    fixed: int = 0
    #: Diagnostics of the files that were fixed (or would be, with --diff), after the fixes.
    after: dict[str, list[Diagnostic]] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)


class Edit(Struct, frozen=True):
    """One fix: replace the code points [start, end) of the decoded text with `text`."""

    start: int
    end: int
    text: str


def is_fixable(diagnostic: Diagnostic, policy: ReportPolicy) -> bool:
    rule = policy.rule_for(diagnostic.code)
    return diagnostic.suggestion is not None and rule is not None and rule.kind in SAFE_KINDS


def edit_for(diagnostic: Diagnostic, source: str, policy: ReportPolicy) -> Edit | None:
    """The edit --fix makes for a diagnostic of `source` (the text it was linted from), or None
    where --fix refuses it. The one edit plan: --fix, --diff, the language server's quick fixes
    and SARIF `fixes` all take it from here, so an editor never offers what --fix refuses."""
    d = diagnostic
    if d.suggestion is None or not is_fixable(d, policy) or d.end_offset > len(source):
        return None
    span = source[d.offset : d.end_offset]
    replacement = replacement_for(span, d.suggestion)
    if replacement is None or replacement == span:
        return None
    return Edit(d.offset, d.end_offset, replacement)


def encode(text: str, decoded: Decoded, original: bytes) -> bytes:
    """`text` in the encoding (and byte-order mark) that `original` was decoded from."""
    encoding = decoded.encoding
    if decoded.bom and encoding in ("utf-16", "utf-32"):
        width = 2 if encoding == "utf-16" else 4
        bom = original[:width]
        little = bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF32_LE)
        return bom + text.encode(f"{encoding}-{'le' if little else 'be'}")
    return text.encode(encoding)


def plan(path: str, policy: ReportPolicy, lint: LintText) -> tuple[FilePlan | None, str | None]:
    """Read a file and work out its fixes: (plan or None, or a reason it cannot be fixed)."""
    original = Path(path).read_bytes()
    decoded = decode(original)
    try:
        exact = encode(decoded.text, decoded, original) == original
    except (UnicodeEncodeError, LookupError):
        exact = False
    if not exact:
        return None, f"{path}: not fixed: its {decoded.encoding} text would not re-encode to the same bytes"
    source = decoded.text
    edits: list[tuple[int, int, str]] = []
    for d in lint(path, source):
        edit = edit_for(d, source, policy)
        if edit is None or (edits and edit.start < edits[-1][1]):
            continue
        try:
            encode(edit.text, decoded, b"")
        except UnicodeEncodeError:
            continue
        edits.append((edit.start, edit.end, edit.text))
    if not edits:
        return None, None
    pieces, position = [], 0
    for start, end, replacement in edits:
        pieces += [source[position:start], replacement]
        position = end
    new_text = "".join([*pieces, source[position:]])
    return FilePlan(path, original, source, new_text, encode(new_text, decoded, original), len(edits),
                    decoded.encoding), None


def replacement_for(span: str, suggestion: str) -> str | None:
    """The text to put in place of `span`, or None when the fix is not safe.

    When the span and the suggestion have as many words, only the words change and the span's
    own spacing and line breaks stay ("result of  operations" -> "results of  operations"). A
    span over a line break is fixed only that way; markup or an entity in the span refuses it.
    """
    if not span or _MARKUP.intersection(span):
        return None
    pieces = re.split(r"(\s+)", span)
    words = suggestion.split()
    if pieces[0] and pieces[-1] and len(pieces[0::2]) == len(words):
        pieces[0::2] = words
        return "".join(pieces)
    return None if _BREAKS.intersection(span) else suggestion


def before_write(path: str) -> None:
    """Called between reading a file and replacing it (a seam for tests)."""


def write_atomic(file_plan: FilePlan) -> None:
    """Replace the file with the fixed bytes, unless it changed on disk since it was read."""
    path = Path(os.path.realpath(file_plan.path))  # through a symlink: replace its target
    before_write(file_plan.path)
    if path.read_bytes() != file_plan.original:
        raise FileChangedError(f"{file_plan.path}: changed on disk since it was read; not fixed")
    status = check_replaceable(path, file_plan.path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".certlint-tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(file_plan.new_bytes)
            stream.flush()
            os.fsync(stream.fileno())
        _keep_owner(temporary, status, file_plan.path)
        os.chmod(temporary, status.st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _keep_owner(temporary: str, status: os.stat_result, shown: str) -> None:
    """Give the new file the old one's owner and group, or refuse the fix."""
    if not hasattr(os, "chown"):
        return
    if (status.st_uid, status.st_gid) == (os.stat(temporary).st_uid, os.stat(temporary).st_gid):
        return
    try:
        os.chown(temporary, status.st_uid, status.st_gid)
    except PermissionError:
        raise NotWritableError(f"{shown}: not fixed: owned by another user or group, which "
                               "replacing it would change") from None


def unified_diff(file_plan: FilePlan) -> bytes:
    """The fixes of a file as a unified diff of its bytes: the lines as on disk, in the file's
    encoding, byte-order mark and line ends, so that `patch -p0` and `git apply` give exactly
    the bytes --fix writes. Lines end at LF only (as patch reads them: a CR stays in its line).
    A UTF-16 or UTF-32 file is refused: neither tool reads a diff in those encodings."""
    encoding = file_plan.encoding
    if encoding.startswith(("utf-16", "utf-32")):
        raise NoDiffError(f"{file_plan.path}: no diff shown: a {encoding.upper()} file, which patch and "
                          "git apply cannot read (--fix rewrites it in its encoding)")
    name = file_plan.path.encode("utf-8", "surrogateescape")
    lines = difflib.diff_bytes(difflib.unified_diff, _lf_lines(file_plan.original),
                               _lf_lines(file_plan.new_bytes), fromfile=name, tofile=name)
    out = []
    for line in lines:
        out.append(line if line.endswith(b"\n") else line + b"\n\\ No newline at end of file\n")
    return b"".join(out)


def _lf_lines(data: bytes) -> list[bytes]:
    lines = data.split(b"\n")
    return [line + b"\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def write_diff(stream: TextIO, diff: bytes, encoding: str) -> None:
    """Bytes to a text stream: to its binary buffer when it has one (the terminal, a pipe),
    so that a cp1252 line stays cp1252; else as text (an in-memory stream)."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None and not encoding.startswith("utf-8"):
        stream.flush()
        buffer.write(diff)
        buffer.flush()
    else:
        stream.write(diff.decode("utf-8" if encoding.startswith("utf-8") else encoding, "surrogateescape"))


def fix_files(diagnostics: Sequence[Diagnostic], policy: ReportPolicy, lint: LintText,
              frozen: Callable[[str], bool], diff: TextIO | None = None) -> FixOutcome:
    """Fix (or, with `diff`, print the fixes of) every file with a fixable diagnostic.

    `frozen(path)` is true for a file that must never be edited (one under a baseline entry).
    """
    outcome = FixOutcome()
    for path in _paths_to_fix(diagnostics, policy):
        if frozen(path):
            continue
        try:
            file_plan, reason = plan(path, policy, lint)
            if file_plan is None:
                if reason:
                    outcome.messages.append(reason)
                continue
            if diff is not None:
                write_diff(diff, unified_diff(file_plan), file_plan.encoding)
            else:
                write_atomic(file_plan)
        except (OSError, ValueError) as exc:
            mine = isinstance(exc, FileChangedError | NotWritableError | NoDiffError)
            outcome.messages.append(str(exc) if mine else f"{path}: not fixed: {exc}")
            continue
        outcome.fixed += file_plan.fixed
        outcome.after[path] = lint(path, file_plan.new_text)
    return outcome


def _paths_to_fix(diagnostics: Iterable[Diagnostic], policy: ReportPolicy) -> list[str]:
    return list(dict.fromkeys(d.path for d in diagnostics if is_fixable(d, policy)))
