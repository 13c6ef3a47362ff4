"""The values the form rules share: the compiled versions of a pack (`FormSet`) and one
certification's alignment (`FormAlignment`). Apart from `certlint.checks.form`, so that the
document analysis (`certlint.checks.form_document`, imported on first use) needs no import of it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from msgspec import Struct

if TYPE_CHECKING:
    from certlint.analysis.form.align import Analysis
    from certlint.analysis.form.spec import Version
    from certlint.analysis.form.words import Deviation
    from certlint.analysis.form.written import Certification


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
