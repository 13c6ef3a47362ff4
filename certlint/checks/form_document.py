"""The form rules' analysis of one document: its certifications, the version of the form each is
held to (by its dates, the report it names, small-business wording, amendment) and the analysis
against it. A module of its own, imported when a form rule first checks a document, so that the
machinery is imported once (not per document) and start-up stays lean without it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from msgspec.structs import replace

from certlint.analysis.form.align import analyse
from certlint.analysis.form.family import (
    family,
    icfr_reference,
    is_amendment,
    is_quarterly,
    named_forms,
    obsolete_form,
    registrant,
    without_financial_statements,
)
from certlint.analysis.form.segment import find_certifications
from certlint.analysis.form.tokens import Token, Tokens, columns
from certlint.analysis.form.versions import candidates, document_dates, why_not
from certlint.checks.form_model import FormAlignment, FormSet

if TYPE_CHECKING:
    from certlint.analysis.form.written import Certification
    from certlint.checks.base import CheckContext
    from certlint.document import Document

#: A certification's opening is at most this far before its paragraph 1 (a name and a title).
_OPENING_REACH = 600
#: When only its filing date is known, a quarter is taken to have ended this long before it.
_QUARTER_LAG = timedelta(days=40)


def analyse_document(forms: FormSet, doc: Document, context: CheckContext) -> Iterator[FormAlignment]:
    text = doc.prose.text
    first = text.find("I have reviewed")
    if first < 0:
        first = text.lower().find("reviewed")
    if first < 0:
        return
    start = text.rfind("\n", 0, max(0, first - _OPENING_REACH)) + 1
    tokens = columns(text, start)
    for cert in find_certifications(tokens):
        paragraph1 = _paragraph1(cert)
        facts = context.facts
        dates = document_dates(facts, doc.prose, paragraph1, cert.tail_span)
        period = dates.period_end or (dates.filed - _QUARTER_LAG if dates.filed else None)
        if period is not None and is_quarterly(paragraph1, facts.form):
            # A 10-Q is judged by the fiscal year it belongs to (Rule 13a-14(a)), not its quarter.
            dates = replace(dates, period_end=icfr_reference(period, facts.fiscal_year_end))
        versions = forms.versions
        if _is_small_business(forms, facts.form, paragraph1, tokens):
            versions = forms.small_business
        # Held to the form prescribed for the report it names (20-F, N-CSR, the asset-backed 10-K).
        mine = family(forms.versions, named_forms(paragraph1, facts.form))
        versions = tuple(v for v, keep in zip(versions, mine, strict=True) if keep)
        company = facts.company or registrant(paragraph1)
        amendment = is_amendment(facts.form, paragraph1) and (
            without_financial_statements(facts.financial_statements, text, forms.no_financial_statements))
        # Undated (no facts, no period, no date line): held to the current form, and told so.
        undated = dates.period_end is None and dates.filed is None
        chosen = list(versions[:1]) if undated else candidates(versions, dates)
        best = None
        for version in chosen:
            others = [v for v in versions if v is not version]
            result = analyse(cert, version, others, company, amendment)
            if best is None or result.cost < best.cost:
                best = result
            if best.cost == 0:
                break
        if best is None:
            continue
        label = best.version.label
        if any(d.kind in ("wording", "structure") for d in best.deviations):
            # Does it follow a version its dates rule out? Then each message says so.
            for version in versions:
                if version in chosen:
                    continue
                other = analyse(cert, version, [], company, amendment)
                if other.cost * 2 < best.cost:
                    label += (f": the certification is undated; it follows the {version.label}" if undated
                              else f": the {version.label} it follows is {why_not(version, dates)}")
                    break
        old = obsolete_form(paragraph1, facts.form, period, dates.filed, forms.obsolete_forms)
        yield FormAlignment(cert, best, label, (old,) if old else ())


def _paragraph1(cert: Certification) -> list[Token]:
    for unit in cert.units:
        if unit.marker not in ("opening",):
            return unit.tokens
    return []


def _is_small_business(forms: FormSet, form: str | None, paragraph1: Sequence[Token],
                       tokens: Tokens) -> bool:
    named = {f.casefold() for f in forms.small_business_forms}
    named_here = form.casefold() in named if form is not None else any(t.key in named for t in paragraph1)
    if not named_here:
        return False
    # "small business" anywhere in the document's tokens: each "small" found by `list.index`.
    keys = tokens.keys
    index = -1
    while True:
        try:
            index = keys.index("small", index + 1)
        except ValueError:
            return False
        if index + 1 < len(keys) and keys[index + 1] == "business":
            return True
