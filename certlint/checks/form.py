"""`form`: a certification must follow its prescribed form word for word (Item 601(b)(31), 20-F, N-CSR).

The rule gives the versions of the form as text (see `certlint.analysis.form.spec` for the syntax:
`{placeholder}`, `[[optional passage]]`, one unit per line) with the dates each applies to, and
`report`: the classes of deviation this rule reports (wording, structure, punctuation,
substitution, variant). Several rules may share one `versions` list (a YAML anchor): the
alignment is computed once per document and each rule reports its own classes.

    kind: form
    report: [wording]
    versions:
      - name: current
        label: current form
        text: |
          I, {certifier}, certify that:
          1. I have reviewed this {report} of {registrant};
          2. Based on my knowledge, this report does not contain any untrue statement of a material fact ...

Passes: "2. Based on my knowledge, this report does not contain any untrue statement of a
material fact ...". Fails: "... any untrue statement of material facts ..." (reported on
"material facts": expected 'a material fact').
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from msgspec import Struct
from msgspec.structs import replace

from certlint.analysis.form.spec import (
    CLASSES,
    FormSyntaxError,
    Version,
    deferred_units,
    parse_units,
    small_business,
)
from certlint.analysis.form.versions import parse_date
from certlint.checks.base import OptionError
from certlint.checks.form_schema import SCHEMA as SCHEMA
from certlint.diagnostic import Finding

if TYPE_CHECKING:
    from certlint.analysis.form.align import Analysis
    from certlint.analysis.form.tokens import Token, Tokens
    from certlint.analysis.form.words import Deviation
    from certlint.analysis.form.written import Certification
    from certlint.checks.base import CheckContext
    from certlint.document import Document

#: A certification's opening is at most this far before its paragraph 1 (a name and a title).
_OPENING_REACH = 600
#: When only its filing date is known, a quarter is taken to have ended this long before it.
_QUARTER_LAG = timedelta(days=40)

NAME = "form"

_SMALL_BUSINESS_FORMS = ("10-KSB", "10-QSB")


class FormSet(Struct, frozen=True):
    """The compiled versions (and their small-business wording), shared by the pack's rules."""

    versions: tuple[Version, ...]
    small_business: tuple[Version, ...]
    small_business_forms: tuple[str, ...]
    #: Phrases by which an amendment says it carries no financial statements.
    no_financial_statements: tuple[str, ...]
    #: Forms withdrawn after a date: {"10-KSB": {"filed_after": ..., "instead": "10-K"}}.
    obsolete_forms: Mapping[str, Mapping[str, str]]


class FormAlignment(Struct, frozen=True):
    """One certification, the version of the form it was held to and its analysis against it:
    the form rules report its deviations, a redline shows its word alignment."""

    certification: Certification
    analysis: Analysis
    #: The version's label as the messages give it ("current form").
    version: str
    #: Deviations found beside the alignment (a form no longer in use for the period).
    extra: tuple[Deviation, ...] = ()


class FormChecker(Struct, frozen=True):
    forms: FormSet
    report: frozenset[str]

    def check(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        for aligned in _analysis(self.forms, doc, context):
            for deviation in _in_order([*aligned.analysis.deviations, *aligned.extra]):
                if deviation.kind not in self.report:
                    continue
                what = deviation.what
                if deviation.count > 1:
                    what += f" ({deviation.count} times)"
                args = {"where": deviation.where, "what": what, "version": aligned.version}
                yield Finding(deviation.start, deviation.end, args)

    def alignments(self, doc: Document, context: CheckContext) -> list[FormAlignment]:
        """The certifications of a document as this rule's check aligns them (the same
        computation, shared by the rules of one versions list)."""
        return _analysis(self.forms, doc, context)


def _in_order(deviations: Sequence[Deviation]) -> list[Deviation]:
    return sorted(deviations, key=lambda d: d.start)


def compile(options: Mapping[str, Any]) -> FormChecker:
    raw_versions = options.get("versions")
    if not isinstance(raw_versions, list) or not raw_versions:
        raise OptionError("versions", "give 'versions': a list of versions of the form")
    report = options.get("report") or []
    unknown = [c for c in report if c not in CLASSES]
    if unknown:
        raise OptionError("report", f"unknown deviation class {unknown[0]!r} "
                                    f"(expected one of: {', '.join(CLASSES)})")
    forms_key = json.dumps([raw_versions, options.get("small_business_forms"),
                            options.get("no_financial_statements"), options.get("obsolete_forms")],
                           default=str,
                           sort_keys=True)
    return FormChecker(_compile_forms(forms_key), frozenset(report))


@lru_cache(maxsize=16)
def _compile_forms(key: str) -> FormSet:
    raw_versions, sb_forms, no_statements, obsolete = json.loads(key)
    versions = []
    for raw in raw_versions:
        try:
            # Tokenised when a certification is first held to it; its syntax is checked now.
            units = deferred_units(str(raw["text"]))
        except FormSyntaxError as exc:
            raise OptionError("versions", f"version {raw.get('name')!r}: {exc}") from None
        except (KeyError, TypeError):
            raise OptionError("versions", "a version needs 'name' and 'text'") from None
        dates: dict[str, date | None] = {}
        for field in ("filed_from", "filed_before", "period_before", "period_before_accelerated"):
            value = raw.get(field)
            dates[field] = parse_date(value)
            if value is not None and dates[field] is None:
                raise OptionError("versions", f"version {raw['name']!r}: {field} is not a date "
                                              f"(YYYY-MM-DD): {value!r}")
        named = tuple(str(f).casefold() for f in raw.get("forms") or ())
        after = tuple(unit for text in raw.get("after") or () for unit in parse_units(str(text)))
        versions.append(Version(str(raw["name"]), str(raw.get("label") or raw["name"]), units, **dates,
                                forms=named, after=after, source=str(raw.get("source") or "")))
    forms = tuple(sb_forms) if sb_forms else _SMALL_BUSINESS_FORMS
    return FormSet(tuple(versions), tuple(small_business(v) for v in versions), forms,
                   tuple(no_statements or ()), {str(k).upper(): v for k, v in (obsolete or {}).items()})


# One analysis per (document, form set, facts): the pack's form rules share it.
_CACHE: OrderedDict[tuple[int, int, int], tuple[Document, CheckContext, list[FormAlignment]]] = OrderedDict()
_CACHE_SIZE = 8


def _analysis(forms: FormSet, doc: Document, context: CheckContext) -> list[FormAlignment]:
    key = (id(doc), id(forms), id(context))
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is doc and hit[1] is context:
        return hit[2]
    found = list(_analyse_document(forms, doc, context))
    _CACHE[key] = (doc, context, found)
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return found


def _analyse_document(forms: FormSet, doc: Document, context: CheckContext) -> Iterator[FormAlignment]:
    # Imported on first use: start-up stays lean when no certification is checked.
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
    from certlint.analysis.form.tokens import columns
    from certlint.analysis.form.versions import candidates, document_dates, why_not

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
