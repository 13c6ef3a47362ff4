"""YAML written by someone else (rule packs, config files): plain data only, and bounded.

PyYAML's SafeLoader refuses `!!python/...` tags only when it constructs the data, with its own
ConstructorError; and aliases let a few lines stand for an exponentially large tree (the
"billion laughs"): any walk that follows them (a duplicate-key check, schema validation, `str()`
of the loaded value) never ends. `check_graph` looks at each node once, before anything walks
the tree, and refuses other tags, recursive aliases and a document that aliases would expand
past `MAX_EXPANDED_NODES` (go-yaml refuses excessive aliasing the same way).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

#: Nodes a document may stand for once its aliases are expanded. The largest built-in pack has
#: about 3,000; a pack or config a hundred times that is not written by hand.
MAX_EXPANDED_NODES = 500_000

_CORE = "tag:yaml.org,2002:"
#: The tags SafeLoader builds plain Python data from.
SAFE_TAGS = frozenset(_CORE + name for name in (
    "null", "bool", "int", "float", "str", "binary", "timestamp", "seq", "map", "set", "omap",
    "pairs", "merge", "value"))


class YamlProblem(ValueError):
    """A document refused before it is loaded, at its 1-based line and column."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


def display_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag


def children(node: yaml.Node) -> Iterator[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key
            yield value
    elif isinstance(node, yaml.SequenceNode):
        yield from node.value


def nodes(root: yaml.Node) -> Iterator[yaml.Node]:
    """Every node of a checked document once, in document order: an aliased node is visited
    where it is defined, not again at each alias."""
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        stack.extend(reversed(list(children(node))))


def check_graph(root: yaml.Node | None) -> None:
    """Refuse unsafe tags, recursion and alias bombs; each node is visited once."""
    if root is None:
        return
    expanded: dict[int, int] = {}  # node id -> size of its tree with aliases expanded
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        ident = id(node)
        if done:
            open_nodes.discard(ident)
            size = 1 + sum(expanded[id(child)] for child in children(node))
            if size > MAX_EXPANDED_NODES:
                raise _at(node, f"aliases expand this document past {MAX_EXPANDED_NODES:,} nodes "
                                "(a \"billion laughs\" document?)")
            expanded[ident] = size
            continue
        if ident in expanded:
            continue
        if ident in open_nodes:
            raise _at(node, "an alias refers to a node that contains it (recursive data)")
        if node.tag not in SAFE_TAGS:
            raise _at(node, f"YAML tag '{display_tag(node.tag)}' is not allowed: only plain data "
                            "(strings, numbers, booleans, dates, lists and mappings)")
        open_nodes.add(ident)
        stack.append((node, True))
        stack.extend((child, False) for child in children(node) if id(child) not in expanded)


def construct(root: yaml.Node, loader: Any = yaml.SafeLoader) -> Any:
    """The data of a checked document; a value SafeLoader cannot build is a YamlProblem."""
    try:
        return loader("").construct_document(root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        raise YamlProblem(line, column, f"invalid value: {exc.problem or exc}") from None
    except ValueError as exc:  # a date that does not exist, "2023-02-30": PyYAML gives no line
        raise _bad_scalar(root, loader) or YamlProblem(1, 1, f"invalid value: {exc}") from None


def _bad_scalar(root: yaml.Node, loader: Any) -> YamlProblem | None:
    """The first scalar SafeLoader cannot build, at its line (the document is already checked)."""
    for node in nodes(root):
        if isinstance(node, yaml.ScalarNode):
            try:
                loader("").construct_object(node)
            except ValueError as exc:
                kind = "date" if node.tag.endswith(":timestamp") else "value"
                return _at(node, f"invalid {kind} '{node.value}': {exc}")
    return None


def _at(node: yaml.Node, message: str) -> YamlProblem:
    return YamlProblem(node.start_mark.line + 1, node.start_mark.column + 1, message)
