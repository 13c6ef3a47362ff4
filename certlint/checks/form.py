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
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from msgspec import Struct

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
from certlint.checks.form_model import FormAlignment as FormAlignment
from certlint.checks.form_model import FormSet as FormSet
from certlint.checks.form_schema import SCHEMA as SCHEMA
from certlint.diagnostic import Finding

if TYPE_CHECKING:
    from certlint.analysis.form.words import Deviation
    from certlint.checks.base import CheckContext
    from certlint.document import Document

NAME = "form"

_SMALL_BUSINESS_FORMS = ("10-KSB", "10-QSB")


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
    # Imported on first use: start-up stays lean when no certification is checked.
    from certlint.checks.form_document import analyse_document

    found = list(analyse_document(forms, doc, context))
    _CACHE[key] = (doc, context, found)
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return found
