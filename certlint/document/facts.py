"""Facts about a document that checks compare against (company, form, period, fiscal year).

Facts are typed where they enter (front matter, a submission header, the config): dates are
`datetime.date`, flags are bool, so no check reads a date from a string again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class Facts:
    """What is known about a document from outside its prose.

    Sources, highest precedence first: the document's own metadata (Markdown front matter, an
    EDGAR submission header), then the project configuration for the document's path. Every
    field is optional; a check that needs a missing fact stays silent or infers it.
    `extra` keeps facts that no typed field holds (a submission's CIK and accession number).
    """

    company: str | None = None
    form: str | None = None
    period_end: dt.date | None = None
    #: As written ("12-31", "last saturday of september"): the date analysis reads the rule, so
    #: that a spelling it cannot read in a document's own metadata is reported at the document.
    fiscal_year_end: str | None = None
    fiscal_year_naming: str | None = None
    filed: dt.date | None = None
    exhibit: str | None = None
    signers: tuple[str, ...] = ()
    #: The filing the document belongs to, when it is not simply its folder.
    filing: str | None = None
    #: The filer is an accelerated filer: its ICFR compliance date comes earlier.
    accelerated_filer: bool | None = None
    #: A newly public filer that may still use the transition form.
    icfr_transition: bool | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def merged_over(self, base: Facts) -> Facts:
        """These facts, falling back to `base` for each one not set here."""
        updates: dict[str, Any] = {}
        for name in _OPTIONAL:
            if getattr(self, name) is None and getattr(base, name) is not None:
                updates[name] = getattr(base, name)
        if not self.signers and base.signers:
            updates["signers"] = base.signers
        if base.extra:
            updates["extra"] = {**base.extra, **self.extra}
        return replace(self, **updates) if updates else self


#: Facts a config may set by these names (the ones its error messages list).
FACT_KEYS = ("company", "form", "period_end", "fiscal_year_end", "fiscal_year_naming", "filed",
             "exhibit", "signers", "filing")
#: Facts a config may also set, true or false. The form kind reads them: the filer's ICFR
#: compliance date comes earlier for accelerated filers, and a newly public filer may keep the
#: transition form.
FLAG_FACT_KEYS = ("accelerated_filer", "icfr_transition")
DATE_FACT_KEYS = ("period_end", "filed")
_OPTIONAL = tuple(name for name in (*FACT_KEYS, *FLAG_FACT_KEYS) if name != "signers")


class FactError(ValueError):
    """A fact value that cannot be read; the message names the key."""


def read_date(key: str, value: Any) -> dt.date:
    """A date fact: a YAML or TOML date as is, else ISO text ("2003-12-31")."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise FactError(f"{key} must be a date YYYY-MM-DD, not {value!r}") from None


def read_flag(value: Any) -> bool:
    """A true/false fact: YAML and TOML booleans, or the words "true", "yes", "1"."""
    return value is True or str(value).strip().lower() in ("true", "yes", "1")


def facts_from_mapping(values: Mapping[str, Any]) -> Facts:
    """Build Facts from a mapping (config); keys use '-' or '_'.

    Raises FactError for a date that cannot be read.
    """
    known: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in values.items():
        name = key.replace("-", "_")
        if name == "signers":
            known[name] = tuple(str(v) for v in (value or ()))
        elif value is None and name in (*FACT_KEYS, *FLAG_FACT_KEYS):
            known[name] = None
        elif name in DATE_FACT_KEYS:
            known[name] = read_date(key, value)
        elif name in FLAG_FACT_KEYS:
            known[name] = read_flag(value)
        elif name in FACT_KEYS:
            known[name] = str(value)
        else:
            extra[name] = value
    return Facts(**known, extra=extra)
