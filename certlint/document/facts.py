"""Facts about a document that checks compare against (company, form, period, fiscal year)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class Facts:
    """What is known about a document from outside its prose.

    Sources, highest precedence first: the document's own metadata (Markdown front matter, an
    EDGAR submission header), then the project configuration for the document's path. Every
    field is optional; a check that needs a missing fact stays silent or infers it.
    `extra` keeps facts that no typed field holds yet, for kinds that add their own.
    """

    company: str | None = None
    form: str | None = None
    period_end: str | None = None
    fiscal_year_end: str | None = None
    fiscal_year_naming: str | None = None
    filed: str | None = None
    exhibit: str | None = None
    signers: tuple[str, ...] = ()
    #: The filing the document belongs to, when it is not simply its folder (issue 9).
    filing: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def merged_over(self, base: Facts) -> Facts:
        """These facts, falling back to `base` for each one not set here."""
        updates: dict[str, Any] = {}
        for name in ("company", "form", "period_end", "fiscal_year_end", "fiscal_year_naming",
                     "filed", "exhibit", "filing"):
            if getattr(self, name) is None and getattr(base, name) is not None:
                updates[name] = getattr(base, name)
        if not self.signers and base.signers:
            updates["signers"] = base.signers
        if base.extra:
            updates["extra"] = {**base.extra, **self.extra}
        return replace(self, **updates) if updates else self


FACT_KEYS = ("company", "form", "period_end", "fiscal_year_end", "fiscal_year_naming", "filed",
             "exhibit", "signers", "filing")


def facts_from_mapping(values: Mapping[str, Any]) -> Facts:
    """Build Facts from a validated mapping (config or front matter); keys use '-' or '_'."""
    known: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in values.items():
        name = key.replace("-", "_")
        if name == "signers":
            known[name] = tuple(str(v) for v in (value or ()))
        elif name in FACT_KEYS:
            known[name] = None if value is None else str(value)
        else:
            extra[name] = value
    return Facts(**known, extra=extra)


#: Facts a config may set that no typed field holds; they go to `Facts.extra`. The form kind
#: reads them: the filer's ICFR compliance date comes earlier for accelerated filers, and a newly
#: public filer may keep the transition form, and an amendment without financial statements
#: (`financial-statements: false`) may leave paragraphs 3-5 out of its certification.
EXTRA_FACT_KEYS = ("accelerated_filer", "icfr_transition", "financial_statements")
