"""Compiled regular expressions kept from one run to the next.

certlint compiles about 170 patterns as it starts (its modules' and the packs'); Python's `re`
parses and compiles each in Python, about 35 ms of a one-file run that should start as fast as
a typo list. The compiled program of a pattern (what `re` hands to its C engine, `_sre`) depends
only on the pattern, its flags and the Python build, so a run stores the programs of the patterns
it compiled, and the next run puts them straight into `re`'s own cache: every `re.compile` of
certlint's modules then finds its pattern there, as it would the second time in one process.

This reaches into `re`'s internals (`re._cache`, `re._parser`, `re._compiler`, `_sre.compile`),
which differ between Python versions: the file is named by the Python build and `_sre.MAGIC`, and
anything unexpected (another version's layout, a damaged or foreign file) leaves `re` alone. It
never changes what a pattern matches: the program stored is the one `re` itself compiled.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any

#: Bump when what is stored changes.
FORMAT = 2
#: A run's patterns, at most: `re` keeps 512 and drops the oldest beyond that.
MOST = 400

_Key = tuple[str, Any, int]  # ("str" or "bytes", pattern, flags)
_loaded: set[_Key] = set()
#: The stored programs as read (marshal), to write again without recompiling them.
_stored: list[bytes] = []


def cache_folder() -> Path | None:
    """certlint's cache folder: `$CERTLINT_CACHE_DIR` (set empty: no cache), else
    `$XDG_CACHE_HOME/certlint`, else `~/.cache/certlint`. The compiled packs are kept there too."""
    override = os.environ.get("CERTLINT_CACHE_DIR")
    if override is not None:
        return Path(override) if override else None
    base = os.environ.get("XDG_CACHE_HOME", "")
    # The XDG spec ignores a relative path; so does certlint (it would land in the repository).
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return root / "certlint"


def cache_file(folder: Path) -> Path:
    """The file of this Python build's programs, in certlint's cache folder."""
    import _sre  # type: ignore[import-not-found]  # (no stubs: the C half of `re`)

    tag = sys.implementation.cache_tag or "python"
    return folder / f"regex-{tag}-{_sre.MAGIC}-{FORMAT}.marshal"


def _supported() -> bool:
    """Whether `re` has the internals this module relies on (CPython 3.11 to 3.13 do)."""
    return (isinstance(getattr(re, "_cache", None), dict) and hasattr(re, "_compiler")
            and hasattr(re, "_parser") and sys.implementation.name == "cpython")


def preload(folder: Path | None) -> int:
    """Put the programs stored by an earlier run into `re`'s cache; how many. Call it before the
    modules whose patterns it holds are imported."""
    if folder is None or not _supported():
        return 0
    import _sre

    try:
        version, digest, blob = marshal.loads(cache_file(folder).read_bytes())
        if version != sys.version or digest != _digest(blob):
            return 0
        compiled = {}
        for (kind, pattern, flags), program in marshal.loads(blob):
            key = (str if kind == "str" else bytes, pattern, flags)
            compiled[key] = _sre.compile(pattern, *program)
            _loaded.add((kind, pattern, flags))
    except Exception:  # a cache that cannot be read is a miss, whatever the cause
        _loaded.clear()
        return 0
    _stored[:] = [blob]
    cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
    for key, value in compiled.items():
        cache.setdefault(key, value)
    return len(compiled)


def _digest(blob: bytes) -> str:
    """A file cut short or damaged on disk is refused whole, not read in part. The hash is the
    one Python checks hash-based .pyc files with (64-bit SipHash): `hashlib` would load OpenSSL,
    several milliseconds of a start-up this file exists to shorten."""
    from importlib.util import source_hash

    return source_hash(blob).hex()


def save(folder: Path | None) -> bool:
    """Store the programs of the patterns in `re`'s cache, when the run compiled any that the
    file lacks; whether it wrote. Written whole to a temporary file, then renamed: a run that
    reads the file at the same moment sees the old one or the new one.

    When there are more than `MOST`, the ones this run compiled are kept and the oldest of the
    file make room (a pattern compiled before `preload`, by the standard library's own imports,
    stands first in `re`'s cache: cut by position, it was dropped and compiled again, and the
    file rewritten, on every run). The programs the file held are reused, not recompiled."""
    if folder is None or not _supported():
        return False
    cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
    keys = [(kind.__name__, pattern, flags) for kind, pattern, flags in list(cache)
            if kind in (str, bytes)]
    new = [key for key in keys if key not in _loaded]
    if not new:
        return False
    known = _stored_programs()
    entries = []
    for key in ([key for key in keys if key in _loaded] + new)[-MOST:]:
        program = known.get(key) or _program(key[1], key[2])
        if program is not None:
            entries.append((key, program))
    target = cache_file(folder)
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        blob = marshal.dumps(tuple(entries))
        temporary.write_bytes(marshal.dumps((sys.version, _digest(blob), blob)))
        os.replace(temporary, target)
    except (OSError, ValueError):
        temporary.unlink(missing_ok=True)
        return False
    _loaded.update(key for key, _ in entries)
    _stored[:] = [blob]
    return True


def _stored_programs() -> dict[_Key, Any]:
    """The programs of the file read (or last written), by pattern."""
    if not _stored:
        return {}
    try:
        return {tuple(key): program for key, program in marshal.loads(_stored[0])}
    except Exception:  # (it was read whole once: kept only to spare recompiling)
        return {}


def _program(pattern: Any, flags: int) -> tuple[int, list[int], int, dict[str, int], tuple[Any, ...]] | None:
    """What `re._compiler.compile` gives `_sre.compile` for a pattern (the same steps)."""
    try:
        parsed = re._parser.parse(pattern, flags)  # type: ignore[attr-defined]
        code = re._compiler._code(parsed, flags)  # type: ignore[attr-defined]
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1,
                groupindex, tuple(indexgroup))
    except Exception:  # a pattern this module cannot redo is simply not stored
        return None
