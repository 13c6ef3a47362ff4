"""Where each key of a TOML text was written: tomllib keeps no positions, and a config error
must name its line."""

from __future__ import annotations

import re

KEY = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
DOTTED = rf"{KEY}(?:\s*\.\s*{KEY})*"
HEADER = re.compile(rf"^\s*\[\[?\s*({DOTTED})\s*\]")
ASSIGN = re.compile(rf"^\s*({DOTTED})\s*=")


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The line of every table header and `key =` of a TOML text, by full key path.

    tomllib keeps no positions; this scan finds where a key was written so that errors can
    point at it. A key inside a one-line inline table is placed at its table's line.
    """
    found: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), 1):
        header = HEADER.match(line)
        if header:
            table = split_key(header.group(1))
            found.setdefault(table, number)
            continue
        assign = ASSIGN.match(line)
        if assign:
            found.setdefault((*table, *split_key(assign.group(1))), number)
    return found


def split_key(dotted: str) -> tuple[str, ...]:
    import json

    parts = re.findall(KEY, dotted)
    return tuple(json.loads(p) if p.startswith('"') else p.strip("'") for p in parts)
