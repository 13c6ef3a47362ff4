"""Check kinds: the literal registry. One module per kind; see `checks.base` for the contract.

A kind module exposes `NAME`, `SCHEMA` (JSON Schema `properties` and `required` for its own
rule keys) and `compile(options) -> Checker`, which validates and compiles the options once
(raising `OptionError` naming the offending key) and returns an object whose `check` yields
`Finding`s in the document's prose view. A kind knows nothing of codes, severities, positions
or output: the runner adds those. Adding a kind = one module + one line here.
"""

from __future__ import annotations

from certlint.checks import consistency, date, facts, filing, forbidden, form, required, spelling, title
from certlint.checks.base import CheckContext, Checker, CheckKind, OptionError

__all__ = ["KINDS", "CheckContext", "CheckKind", "Checker", "OptionError"]

KINDS: dict[str, CheckKind] = {
    required.NAME: required,
    forbidden.NAME: forbidden,
    spelling.NAME: spelling,
    date.NAME: date,
    filing.NAME: filing,
    title.NAME: title,
    consistency.NAME: consistency,
    form.NAME: form,
    facts.NAME: facts,
}
