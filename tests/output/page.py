"""A small DOM of the report page (stdlib html.parser), to test what it shows rather than its bytes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from tests.conftest import run_cli

_VOID = frozenset({"meta", "br", "hr", "img", "input", "link"})


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str, **attrs: str) -> list[Node]:
        """Elements with the tag whose attributes hold each given word (class="para deleted")."""
        return [node for node in self.iter() if node.tag == tag and all(
            word in node.attrs.get(key.rstrip("_"), "").split() for key, word in attrs.items())]

    def by_id(self, ident: str) -> Node:
        return next(node for node in self.iter() if node.attrs.get("id") == ident)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def report(*args: str) -> tuple[str, Node]:
    """`certlint report --isolated ARGS` to standard output: the page and its DOM."""
    code, out, err = run_cli(["report", "--isolated", "--today", "2026-11-28", *args])
    assert code == 0, err
    return out, parse(out)
