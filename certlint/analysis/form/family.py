"""Which prescribed form a certification is held to, by the report form it names.

Form 20-F, Form 40-F, Form N-CSR and the asset-backed 10-K each prescribe their own text; a
version that lists `forms` applies to certifications whose paragraph 1 (or the facts) name one
of them, the versions without `forms` to every other report (10-K, 10-Q, 10-KSB ...).
"""

from __future__ import annotations

from collections.abc import Sequence

from certlint.analysis.form.spec import Version
from certlint.analysis.form.tokens import Token


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
