"""The built-in packs' parsed YAML, cached: a warm run imports no yaml and compiles rules lazily.

The cache is one JSON file (reading it runs no code) under the user's cache folder:
`$CERTLINT_CACHE_DIR` (empty: no cache), else `$XDG_CACHE_HOME/certlint`, else
`~/.cache/certlint`; never inside a repository. Its name holds a key hashing the certlint
version, this format and every built-in pack file's name and bytes, and its payload carries its
own hash. Both hashes are the one Python checks hash-based .pyc files with (64-bit SipHash,
`importlib.util.source_hash`): `hashlib` would load OpenSSL, milliseconds of every start-up.
A file that cannot be read, is not that key's, does not match its hash or holds a shape the
loader does not expect is ignored and rewritten (atomically) from the YAML, so a broken cache
costs one cold load, never a crash or a different result.

What is cached is the data the YAML parses to, not compiled checkers: compiling stays the
current code's work (a rule is compiled the first time a run uses it), so a cache written by one
checkout can never hand another its objects.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from importlib.util import source_hash
from pathlib import Path
from typing import Any

from certlint.checks import KINDS, Checker
from certlint.diagnostic import Severity
from certlint.regex_cache import cache_folder
from certlint.ruleset.loader import load_pack, pack_from_data, read_pack, rule_from_data
from certlint.ruleset.model import Pack

#: Bump when what is cached, or how it is read, changes.
FORMAT = 2
_CODE = re.compile(r"[A-Z]{1,5}[0-9]{2,4}")
_SEVERITIES = frozenset(severity.value for severity in Severity)


def cache_dir() -> Path | None:
    """The folder of the cache, or None when `CERTLINT_CACHE_DIR` is set empty (no cache): the
    one folder the regular-expression cache uses too (`certlint.regex_cache`)."""
    return cache_folder()


def cache_key(sources: Sequence[tuple[str, bytes]]) -> str:
    """The packs' content, the certlint version and this format, hashed."""
    # The root package, which holds the version, is imported before any of its modules; it is
    # read, not imported, because the root re-exports the upper layers (an import would be a cycle).
    version = getattr(sys.modules.get("certlint"), "__version__", "")
    parts = [f"certlint {version} packs {FORMAT}\n".encode()]
    for name, content in sources:
        parts += [f"{name}\n{len(content)}\n".encode(), content]
    return _digest(b"".join(parts))


def _digest(blob: bytes) -> str:
    """A cache of another checkout's packs, or cut short on disk, is told apart (not a defence
    against a hostile writer, who could as well edit the packs)."""
    return source_hash(blob).hex()


def load_builtin_packs(files: Sequence[Path]) -> list[Pack]:
    """The built-in packs from `files`: from the cache when it holds them, else from the YAML
    (compiled at once, as a user pack is) and then cached."""
    try:
        sources = [(path.name, path.read_bytes()) for path in files]
    except OSError:  # loading the file reports it, at its name
        return [load_pack(path, builtin=True, display=_display(path)) for path in files]
    key = cache_key(sources)
    folder = cache_dir()
    target = None if folder is None else folder / f"packs-{key[:32]}.json"
    cached = None if target is None else _read(target, key)
    if cached is not None:
        packs = _from_data(cached, files)
        if packs is not None:
            return packs
    packs, datas = [], []
    for path, (_, content) in zip(files, sources, strict=True):
        text = io.TextIOWrapper(io.BytesIO(content), encoding="utf-8").read()  # as read_text reads
        pack, data = read_pack(path, builtin=True, display=_display(path), text=text)
        packs.append(pack)
        datas.append(data)
    if target is not None:
        _write(target, key, datas)
    return packs


def _display(path: Path) -> str:
    return f"<builtin>/{path.name}"


def _read(target: Path, key: str) -> list[Any] | None:
    try:
        header, _, payload = target.read_bytes().partition(b"\n")
        meta = json.loads(header)
        if not isinstance(meta, dict) or meta.get("key") != key or meta.get("format") != FORMAT \
                or meta.get("hash") != _digest(payload):
            return None
        data = json.loads(payload)
    except (OSError, ValueError, RecursionError):  # missing, unreadable, not JSON (or too deep)
        return None
    return data if isinstance(data, list) else None


def _write(target: Path, key: str, datas: list[Any]) -> None:
    """Write the cache atomically (a reader sees the old file or the new, never half of one);
    data JSON cannot hold exactly (a date, a number key) is not cached."""
    try:
        payload = json.dumps(datas, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return
    if json.loads(payload) != datas:
        return
    body = payload.encode()
    header = json.dumps({"key": key, "format": FORMAT, "hash": _digest(body)})
    import tempfile  # only when writing: most runs read the cache

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".packs-", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(header.encode() + b"\n" + body)
            os.replace(temporary, target)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:  # a read-only home, a full disk: the run goes on uncached
        return


def _from_data(datas: list[Any], files: Sequence[Path]) -> list[Pack] | None:
    """Packs from cached data, each rule compiled on first use; None for a shape the loader
    never writes (the cache is then rebuilt)."""
    if len(datas) != len(files) or not all(_well_formed(data) for data in datas):
        return None
    packs = []
    for path, data in zip(files, datas, strict=True):
        name = str(data["pack"])
        rules = [rule_from_data(raw, name, _lazy(raw, path, index))
                 for index, raw in enumerate(data["rules"])]
        packs.append(pack_from_data(data, _display(path), rules, builtin=True))
    return packs


def _well_formed(data: Any) -> bool:
    if not isinstance(data, dict) or not isinstance(data.get("pack"), str) \
            or not isinstance(data.get("rules"), list) or not isinstance(data.get("description", ""), str):
        return False
    applies = data.get("applies_to") or {}
    if not isinstance(applies, dict) or not all(
            isinstance(value, list) and all(isinstance(item, str) for item in value)
            for value in applies.values()):
        return False
    codes = [raw.get("code") for raw in data["rules"] if isinstance(raw, dict)]
    return len(codes) == len(data["rules"]) and len(set(codes)) == len(codes) and all(
        isinstance(code, str) and _CODE.fullmatch(code) for code in codes) and all(_rule_ok(raw)
                                                                              for raw in data["rules"])


def _rule_ok(raw: dict[str, Any]) -> bool:
    texts = ("name", "message", "description", "source")
    return raw.get("kind") in KINDS and isinstance(raw.get("message"), str) \
        and all(isinstance(raw.get(key, ""), str) for key in texts) \
        and raw.get("severity", "error") in _SEVERITIES and isinstance(raw.get("enabled", True), bool)


def _lazy(raw: dict[str, Any], path: Path, index: int) -> Callable[[], Checker]:
    def build() -> Checker:
        try:
            return KINDS[raw["kind"]].compile(raw)
        except Exception:
            # What the cache holds does not compile with this code: the pack file decides, and
            # reports its own error at its line.
            return load_pack(path, builtin=True, display=_display(path)).rules[index].checker
    return build
