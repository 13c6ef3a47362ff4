"""Facts about a document that checks compare against (company, form, period, fiscal year).

Facts are typed where they enter (front matter, a submission header, the config): dates are
`datetime.date`, flags are bool, so no check reads a date from a string again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from msgspec import Struct, field
from msgspec.structs import replace


class Facts(Struct, frozen=True):
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
    #: "large accelerated", "accelerated" or "non-accelerated" (as XBRL writes it, too): the
    #: filer's deadlines for its 10-K and 10-Q.
    filer_category: str | None = None
    #: The filer is an accelerated filer: its ICFR compliance date comes earlier.
    accelerated_filer: bool | None = None
    #: A newly public filer that may still use the transition form.
    icfr_transition: bool | None = None
    #: False for an amendment without financial statements: it may leave paragraphs 3-5 out of
    #: its certifications.
    financial_statements: bool | None = None
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
             "exhibit", "signers", "filing", "filer_category")
#: Facts a config may also set, true or false. The form kind reads them: the filer's ICFR
#: compliance date comes earlier for accelerated filers, and a newly public filer may keep the
#: transition form.
FLAG_FACT_KEYS = ("accelerated_filer", "icfr_transition", "financial_statements")
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


#: The named groups a `facts-from-path` regex may have.
PATH_GROUPS = ("company", "form", "period", "exhibit", "filing")
_AMENDED_FORM = re.compile(r"^(?P<base>10-?[KQ](?:SB|T|405)?|20-F|40-F|N-CSRS?)[-_]?A$", re.I)
_EXHIBIT_NUMBER = re.compile(r"^(?:ex(?:hibit)?[-_.]?)?(?P<major>\d{2})(?:[-_.](?P<minor>\d{1,2}))?$", re.I)


def facts_from_path(groups: Mapping[str, str | None]) -> Facts:
    """Facts from the named groups of a `facts-from-path` match on a file's path.

    `form` "10-K-A" or "10-QA" reads as an amendment ("10-K/A"); `period` is a date (2024-12-31
    or 20241231); `exhibit` "ex31-1" reads as "31.1". A file name is a slug, not the charter name,
    so `company` is kept for display ("path_company") and never compared with the text. Each fact
    says in `extra` that it came from the path. Raises FactError for a period that is no date.
    """
    known: dict[str, Any] = {}
    form = (groups.get("form") or "").strip()
    if form:
        amended = _AMENDED_FORM.match(form)
        known["form"] = f"{amended.group('base')}/A" if amended else form
    period = (groups.get("period") or "").strip()
    if period:
        if re.fullmatch(r"\d{8}", period):
            period = f"{period[:4]}-{period[4:6]}-{period[6:]}"
        known["period_end"] = read_date("period", period)
    exhibit = (groups.get("exhibit") or "").strip()
    if exhibit:
        number = _EXHIBIT_NUMBER.match(exhibit)
        if number is not None:
            exhibit = number.group("major") + (f".{number.group('minor')}" if number.group("minor") else "")
        known["exhibit"] = exhibit
    if groups.get("filing"):
        known["filing"] = str(groups["filing"])
    extra: dict[str, Any] = {f"origin.{name}": "path" for name in known}
    if groups.get("company"):
        extra["path_company"] = str(groups["company"])
    return Facts(**known, extra=extra)


def path_facts_under(path: Facts, configured: Facts) -> Facts:
    """Path facts without the origin notes of the facts `configured` sets itself (those win)."""
    shadowed = {f"origin.{name}" for name in (*FACT_KEYS, *FLAG_FACT_KEYS) if getattr(configured, name)}
    if not shadowed & set(path.extra):
        return path
    return replace(path, extra={k: v for k, v in path.extra.items() if k not in shadowed})
