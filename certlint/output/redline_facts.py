"""What the report's summary says of each document, and a 906 statement's statutory elements.

Every value says where it came from: `facts` (front matter, an EDGAR submission header or the
configuration: what `certlint filings` lists as facts) or `text` (read from the certification
by the same analyses the rules use: the report it names, its period and date, its signature
blocks, and the registrant filled into the form).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from msgspec import Struct

from certlint.checks import CheckContext
from certlint.checks.required import RequiredPhrase
from certlint.output.redline_text import Block, Certification
from certlint.output.support import summary as rule_summary

if TYPE_CHECKING:
    from certlint.checks.crossdoc.model import Member
    from certlint.diagnostic import Diagnostic
    from certlint.document import Document
    from certlint.document.facts import Facts
    from certlint.engine.linter import Linter
    from certlint.ruleset import Rule

_REGISTRANT_END = re.compile(r"\s(?:for|as)\s|\s?\(|;")
#: The summary's columns, in order.
COLUMNS = ("Report", "Period", "Registrant", "Signers", "Date")


class Value(Struct, frozen=True):
    """A value and where it came from: "facts" or "text"."""

    text: str
    source: str


class Element(Struct, frozen=True):
    """A statutory element (a `required` rule of a pack applying to the document): present or
    missing, the words found, and the diagnostics reporting it."""

    code: str
    name: str
    text: str
    present: bool
    quote: str
    notes: tuple[int, ...]


def summary(doc: Document, facts: Facts, described: Mapping[str, str],
            body: Sequence[Block]) -> dict[str, list[Value]]:
    """The summary's values for one document, facts first, then what its text says."""
    from certlint.analysis.signatures import signatures

    fills = next((block.fills for block in body if isinstance(block, Certification)), {})
    values: dict[str, list[Value]] = {column: [] for column in COLUMNS}

    def add(column: str, text: str | None, source: str) -> None:
        if text:
            values[column].append(Value(text, source))

    add("Report", f"Form {described['form']}" if "form" in described else None, "facts")
    add("Report", described.get("names"), "text")
    add("Period", described.get("period-end"), "facts")
    add("Period", described.get("period"), "text")
    add("Registrant", described.get("company"), "facts")
    # The fill of "of {registrant};" may run on into the period ("Example Corp. for the fiscal
    # year ended ..."): the name ends where the form check's reading of paragraph 1 ends it.
    add("Registrant", _REGISTRANT_END.split(fills.get("registrant", ""), 1)[0].strip(), "text")
    signed = signatures(doc) if described.get("kind") in ("302", "906") else ()
    for signature in signed:
        roles = "; ".join(span.text.strip("() ") for span in signature.roles)
        parts = [signature.display_name, signature.title_text]
        add("Signers", ", ".join(p for p in parts if p) + (f" ({roles})" if roles else ""), "text")
    if not signed:
        for signer in facts.signers:
            add("Signers", signer, "facts")
    add("Date", f"filed {described['filed']}" if "filed" in described else None, "facts")
    add("Date", f"signed {described['dated']}" if "dated" in described else None, "text")
    return values


def elements(linter: Linter, member: Member, diagnostics: Sequence[tuple[int, Diagnostic]]) -> list[Element]:
    """The statutory elements of a 906 statement: each selected `required` rule of the packs
    applying to it, present when its check finds nothing to report (suppressions aside)."""
    doc = member.document
    relative = linter.config.relative(doc.path)
    context = CheckContext(member.facts, linter.today)
    found = []
    for pack, rules in linter.active_rules:
        if not pack.applies_to.matches(relative, doc.prose.text):
            continue
        for rule in rules:
            if rule.kind != "required":
                continue
            present = not any(True for _ in rule.checker.check(doc, context))
            quote = ""
            if present and isinstance(rule.checker, RequiredPhrase):
                match = rule.checker.pattern.search(doc.prose.text)
                quote = match.group() if match is not None else ""
            notes = tuple(n for n, d in diagnostics if d.code == rule.code)
            found.append(Element(rule.code, rule.name, _what_it_checks(rule), present, quote, notes))
    return found


def _what_it_checks(rule: Rule) -> str:
    """The "What it checks:" paragraph of a rule's description (whole: its first sentence may
    end at an "e.g."), else its one-line summary."""
    match = re.search(r"what it checks:\s*(.+?)(?:\n\s*\n|why it matters:|$)", rule.description, re.I | re.S)
    if match is None:
        return rule_summary(rule)
    text = re.sub(r"\s+", " ", match.group(1)).strip()
    return text[:1].upper() + text[1:]
