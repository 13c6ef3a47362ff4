"""Which prescribed form a certification is held to, by the report form it names, and the date
the ICFR transition of a quarterly report is judged by.

Form 20-F, Form 40-F, Form N-CSR and the asset-backed 10-K each prescribe their own text; a
version that lists `forms` applies to certifications whose paragraph 1 (or the facts) name one
of them, the versions without `forms` to every other report (10-K, 10-Q, 10-KSB ...).
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from certlint.analysis.dates.fiscal import parse_fiscal_year_end
from certlint.analysis.form.spec import Version
from certlint.analysis.form.tokens import Token
from certlint.analysis.form.words import Deviation


def named_forms(paragraph1: Sequence[Token], facts_form: str | None) -> set[str]:
    """The report forms a certification names: "Form 20-F" in paragraph 1, and the facts' form."""
    keys = [t.key for t in paragraph1]
    named = {keys[i + 1] for i in range(len(keys) - 1) if keys[i] == "form"}
    # Text converted from HTML sometimes loses the space: "Form10-K".
    named.update(k[4:] for k in keys if k.startswith("form") and k[4:5].isdigit())
    if facts_form:
        named.add(facts_form.casefold().removesuffix("/a"))
    return named


def family(versions: Sequence[Version], named: set[str]) -> list[bool]:
    """For each version, whether it is prescribed for a report naming these forms."""
    special = {form for version in versions for form in version.forms}
    hit = named & special
    chosen = [bool(hit.intersection(v.forms)) if hit else not v.forms for v in versions]
    return chosen if any(chosen) else [True] * len(versions)


def is_quarterly(paragraph1: Sequence[Token], facts_form: str | None) -> bool:
    """A 10-Q (or 10-QSB) certification: by the facts, else by paragraph 1's report."""
    if facts_form:
        return facts_form.upper().startswith("10-Q")
    keys = {t.key for t in paragraph1}
    return bool(keys & {"10-q", "10-qsb", "quarterly", "form10-q"})


#: A fiscal quarter ends at most this long after the fiscal year before it ended (its third
#: quarter, nine months on): the earliest that year end can be when no fiscal year end is known.
_THIRD_QUARTER = timedelta(days=276)


def icfr_reference(period: date, fiscal_year_end: str | None) -> date:
    """The date Rule 13a-14(a)'s ICFR transition is judged by for a quarter ending on `period`.

    The transition ends with the issuer's first annual report that must include management's
    ICFR report, so the 10-Qs of the fiscal year that report covers may still use the transition
    form: what counts is whether the fiscal year *before* the quarter ended before the compliance
    date. With a fiscal year end among the facts it is exact, else the lenient earliest date.
    """
    if fiscal_year_end:
        with contextlib.suppress(ValueError):
            previous, _ = parse_fiscal_year_end(fiscal_year_end).year_containing(period)
            return previous
    return period - _THIRD_QUARTER


def is_amendment(form: str | None, paragraph1: Sequence[Token]) -> bool:
    """A 10-K/A or 10-Q/A: by the facts, else by paragraph 1 ("Amendment No. 1 to ...", "10-K/A")."""
    if form is not None:
        return form.upper().endswith("/A")
    keys = [t.key for t in paragraph1]
    return "amendment" in keys or any(keys[i : i + 2] == ["/", "a"] for i in range(1, len(keys) - 1))


def without_financial_statements(fact: bool | None, text: str, phrases: Sequence[str]) -> bool:
    """Whether an amendment carries no financial statements: the fact `financial-statements:
    false`, else one of the rule's phrases in the document ("contains no financial statements")."""
    if fact is not None:
        return not fact
    folded = " ".join(text.split()).casefold()
    return any(" ".join(p.split()).casefold() in folded for p in phrases)


def registrant(paragraph1: Sequence[Token]) -> str | None:
    """The registrant's name as paragraph 1 gives it ("... on Form 10-K of Apple Inc.;")."""
    keys = [t.key for t in paragraph1]
    start = keys.index("form") if "form" in keys else 0
    if "of" not in keys[start:]:
        return None
    first = keys.index("of", start) + 1
    words = []
    for token in paragraph1[first:]:
        if token.key in (";", "(", "for", "as"):
            break
        words.append(token.text)
    return " ".join(words) or None


def obsolete_form(paragraph1: Sequence[Token], facts_form: str | None, period: date | None,
                  filed: date | None, limits: Mapping[str, Mapping[str, str]]) -> Deviation | None:
    """A report on a form no longer in use for its dates (a 10-KSB filed after Regulation S-B
    ended): `limits` maps a form to `period_after` or `filed_after` and the form that replaced it."""
    for i, token in enumerate(paragraph1):
        form = facts_form.casefold() if facts_form else token.key
        limit = limits.get(form.upper())
        if limit is None or (facts_form is None and (i == 0 or paragraph1[i - 1].key != "form")):
            continue
        day, cutoff = (period, limit.get("period_after")) if "period_after" in limit else (
            filed, limit.get("filed_after"))
        if day is None or cutoff is None or day <= date.fromisoformat(cutoff):
            return None
        when = f"for periods ending after {cutoff}" if "period_after" in limit else f"after {cutoff}"
        what = f"Form {form.upper()} is not available {when} (the report is on Form {limit.get('instead')})"
        return Deviation("substitution", "paragraph 1", what, token.start, token.end, 1)
    return None
