"""What each date of a certification is: the period end, the certification date, or neither.

Also the fiscal-year labels ("fiscal 2003") and the form the document names ("Form 10-K/A").
Everything is read from the prose view with exact spans; `analyse` runs once per document.
"""

from __future__ import annotations

import re

from msgspec import Struct

from certlint.analysis.dates.extract import DateMention, find_dates
from certlint.analysis.dates.labels import ANNUAL as ANNUAL
from certlint.analysis.dates.labels import QUARTERLY as QUARTERLY
from certlint.analysis.dates.labels import TRANSITION as TRANSITION
from certlint.analysis.dates.labels import PeriodEnd as PeriodEnd
from certlint.analysis.dates.labels import is_certification_date, period_end
from certlint.analysis.dates.windows import WORD, WORD_OR_DASH, around_word, matches_in, merge
from certlint.analysis.memo import per_document
from certlint.analysis.views import lowered, odd_letters
from certlint.document.prose import Prose

# "fiscal 2003", "fiscal year 2003", "FY2003", "FY 2003", "fiscal-year 2003": a label starts with
# "fiscal" or "FY" and is at most 16 or 7 characters long ("fiscal-year 2003", "FY 2003").
_FISCAL_LABEL = re.compile(r"(?<![\w-])(?:fiscal(?:[\s-]year)?\s?|FY\s?)(?P<year>(?:19|20|21)\d\d)(?![\w-])",
                           re.I)
_FISCAL_LENGTH, _FY_LENGTH = 16, 7

_FORM = re.compile(r"\bForm\s?(?P<form>10-?K(?:SB|T|405)?|10-?Q(?:SB|T)?|11-K|20-F|40-F)"
                   r"(?P<amended>\s?/\s?A)?\b", re.I)
_REPORT_WORDS = re.compile(r"\b(?:this|the)\s(?P<kind>annual|quarterly|transition)\sreport\b", re.I)
_AMENDMENT = re.compile(r"\bAmendment\sNo\b|\bamended\s(?:annual|quarterly)\sreport\b|\b10-?[KQ]\s?/\s?A\b",
                        re.I)
# The longest matches, for the windows around "form", "amend" and "10" (`windows.around_word`):
# "Form 10-K405 / A", "amended quarterly report" and "10-K / A".
_FORM_LENGTH, _AMEND_LENGTH, _AMENDED_FORM_LENGTH = 16, 24, 8


class FiscalLabel(Struct, frozen=True):
    """A fiscal-year label and the year it names."""

    start: int
    end: int
    year: int


class FormMention(Struct, frozen=True):
    """What the document says about its form: kind of report and whether it is an amendment."""

    kind: str | None
    amendment: bool
    name: str | None


class Analysis(Struct, frozen=True):
    """The dates of one document, each with its role."""

    dates: tuple[DateMention, ...]
    period_ends: tuple[PeriodEnd, ...]
    certification_dates: tuple[DateMention, ...]
    labels: tuple[FiscalLabel, ...]
    form: FormMention


def form_kind(form: str) -> str | None:
    """ANNUAL, QUARTERLY or TRANSITION for a form name ("10-K/A", "10-QSB", "10-KT"), else None."""
    name = form.upper().replace(" ", "").removeprefix("FORM")
    name = name.removesuffix("/A")
    if name in ("10-KT", "10KT", "10-QT", "10QT"):
        return TRANSITION
    if name.startswith(("10-K", "10K", "11-K", "20-F", "40-F")):
        return ANNUAL
    if name.startswith(("10-Q", "10Q")):
        return QUARTERLY
    return None


def deadline_kind(form: str | None) -> str | None:
    """ANNUAL or QUARTERLY for the forms the 90/45-day deadlines govern (10-K, 10-KSB, 10-Q,
    10-QSB), else None: an 11-K is due in 180 days, a 20-F in four months, a 10-KT otherwise."""
    if not form:
        return None
    name = form.upper().replace(" ", "").removeprefix("FORM").removesuffix("/A").replace("10K", "10-K")
    name = name.replace("10Q", "10-Q")
    if name in ("10-K", "10-KSB", "10-K405"):
        return ANNUAL
    if name in ("10-Q", "10-QSB"):
        return QUARTERLY
    return None


def is_amendment(form: str) -> bool:
    return form.upper().replace(" ", "").endswith("/A")


def _form(text: str, low: str | None) -> FormMention:
    """The form the text names (`low`: its lowercase view, or None, for the literal tests)."""
    kinds = set()
    names = []
    amendment = _amended(text, low)
    for match in matches_in(_FORM, text, around_word(text, low, "form", _FORM_LENGTH, WORD)):
        kind = form_kind(match.group("form"))
        if kind is not None:
            kinds.add(kind)
            names.append(match.group("form").upper())
    if not kinds and (low is None or "report" in low):
        kinds = {match.group("kind").lower() for match in _REPORT_WORDS.finditer(text)}
    kind = next(iter(kinds)) if len(kinds) == 1 else None
    name = names[0] if names and kind is not None else None
    return FormMention(kind, amendment, name)


def _amended(text: str, low: str | None) -> bool:
    """Whether `_AMENDMENT` matches, looked for where a word opens with "amend" or "10"."""
    if low is None:
        return _AMENDMENT.search(text) is not None
    windows = merge(around_word(text, low, "amend", _AMEND_LENGTH, WORD)
                    + around_word(text, text, "10", _AMENDED_FORM_LENGTH, WORD), len(text))
    return next(matches_in(_AMENDMENT, text, windows), None) is not None


def analyse(prose: Prose) -> Analysis:
    """Find the dates of a document and give each its role."""
    text = prose.text
    low, odd = lowered(prose), odd_letters(prose)
    dates = find_dates(text)
    period_ends = []
    certification = []
    heads: dict[int, tuple[int, int]] = {}  # per line and per block: many dates share one
    visible: dict[int, int] = {}
    for mention in dates:
        if mention.value is None:
            continue
        period = period_end(prose, mention, visible, low)
        if period is not None:
            period_ends.append(period)
        elif is_certification_date(prose, mention, heads, low, odd):
            certification.append(mention)
    return Analysis(tuple(dates), tuple(period_ends), tuple(certification), fiscal_labels(text, low, odd),
                    _form(text, low))


def fiscal_labels(text: str, low: str | None, odd: str) -> tuple[FiscalLabel, ...]:
    """The fiscal-year labels, looked for where "fiscal" or "fy" stands in `low` (`views.lowered`;
    `odd`: `views.odd_letters`, any of which may stand for a letter of "fiscal")."""
    size = len(text)
    windows = merge(around_word(text, None if odd else low, "fiscal", _FISCAL_LENGTH, WORD_OR_DASH)
                    + around_word(text, low, "fy", _FY_LENGTH, WORD_OR_DASH), size)
    return tuple(FiscalLabel(m.start(), m.end(), int(m.group("year")))
                 for m in matches_in(_FISCAL_LABEL, text, windows))


@per_document()
def analysis_of(prose: Prose) -> Analysis:
    """`analyse`, cached per document (every date rule, and the filing rules, ask for it)."""
    return analyse(prose)
