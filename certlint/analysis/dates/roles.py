"""What each date of a certification is: the period end, the certification date, or neither.

Also the fiscal-year labels ("fiscal 2003") and the form the document names ("Form 10-K/A").
Everything is read from the prose view with exact spans; `analyse` runs once per document.
"""

from __future__ import annotations

import bisect
import re

from msgspec import Struct

from certlint.analysis.dates.extract import DateMention, Span, find_dates
from certlint.analysis.dates.windows import Windows, around, matches_in
from certlint.analysis.memo import per_document
from certlint.analysis.views import lowered, may_contain
from certlint.document.prose import Block, Prose

#: Report kinds: what a form or a period label says the report covers.
ANNUAL, QUARTERLY, TRANSITION = "annual", "quarterly", "transition"

# The words before a period-end date: "for the fiscal year ended", "for the quarterly period
# ending", "for the annual period ended", "for the three months ended", "as of".
_PERIOD_LABEL = re.compile(
    r"(?P<label>(?P<what>(?:(?:fiscal|financial)\s)?(?:year|annual\speriod|quarterly\speriod|"
    r"quarter|fiscal\squarter|transition\speriod|fiscal\speriod|period|"
    r"(?:three|six|nine|twelve|3|6|9|12)\smonths?|(?:thirteen|twenty-six|thirty-nine|fifty-two|"
    r"fifty-three|13|26|39|52|53|\d\d)\sweeks?))\s(?:then\s)?end(?:ed|ing)(?:\son)?|"
    r"(?<!dated\s)(?<!date\s)(?P<asof>as\sof))"
    r",?\s?$",
    re.I)
_LABEL_REACH = 70

# "Date:", "Dated:", "Date", "Dated as of", "| Date: |" before a certification date.
_DATE_LABEL = re.compile(r"(?P<label>\b(?:dated?|date\ssigned)(?:\sas\sof)?)\s?(?P<colon>:)?[\s|*_.]*$", re.I)
# "Signed this 29th day of", "Executed on"
_SIGNED = re.compile(r"\b(?:signed|executed)(?:\s(?:on|this|as\sof))?\s?:?\s?$", re.I)
# "the Evaluation Date:", "the record date:" are terms, not the date of a signature. A term is
# one word and a quote, so it is looked for in the last _TERM_REACH characters before the label:
# a line of many dates must not cost the whole line for each of them.
_TERM_BEFORE = re.compile(r"\b(?:evaluation|effective|record|filing|closing|due|maturity|expiration|the|this|"
                          r"such|that|any|a|an|report|period|its)\s?[\"']?\s?$", re.I)
_TERM_REACH = 16
# What may stand around a date that has a line of its own ("March 29, 2004" under the text):
# filler, then perhaps "Dated as of:", then filler (_line_head finds that stretch once a line).
_FILLER = re.compile(r"[\s|*_]*")
_QUARTERS = re.compile(r"(?:three|six|nine|3|6|9)\smonth|(?:thirteen|twenty-six|thirty-nine|13|26|39)\sweek")
_A_YEAR = re.compile(r"(?:twelve|12)\smonth|(?:fifty|52|53)")  # a period as long as that
_BLANK = re.compile(r"[ |*_]*")  # what a label may follow at the start of a line or cell
_DATED = re.compile(r"dated?(?:\sas\sof)?\s?[:.]?", re.I)
_ALONE_AFTER = re.compile(r"[\s|*_.]*")

# "fiscal 2003", "fiscal year 2003", "FY2003", "FY 2003", "fiscal-year 2003": a label ends with a
# year of four digits, at most 12 characters after its start ("fiscal-year "), so it is looked
# for in the date windows around such years (`Windows.years` reaches 40 before them).
_FISCAL_LABEL = re.compile(r"(?<![\w-])(?:fiscal(?:[\s-]year)?\s?|FY\s?)(?P<year>(?:19|20|21)\d\d)(?![\w-])",
                           re.I)

_FORM = re.compile(r"\bForm\s?(?P<form>10-?K(?:SB|T|405)?|10-?Q(?:SB|T)?|11-K|20-F|40-F)"
                   r"(?P<amended>\s?/\s?A)?\b", re.I)
_REPORT_WORDS = re.compile(r"\b(?:this|the)\s(?P<kind>annual|quarterly|transition)\sreport\b", re.I)
_AMENDMENT = re.compile(r"\bAmendment\sNo\b|\bamended\s(?:annual|quarterly)\sreport\b|\b10-?[KQ]\s?/\s?A\b",
                        re.I)
# The longest matches, for the windows around "form" and "10" (`windows.around`): "Form 10-K405 / A"
# and "10-K / A".
_FORM_LENGTH, _AMENDED_FORM_LENGTH = 16, 8


class PeriodEnd(Struct, frozen=True):
    """A date stated as the end of the period the report covers."""

    mention: DateMention
    label: Span
    #: ANNUAL, QUARTERLY, TRANSITION, or None for "period ended" / "as of".
    kind: str | None
    #: False for "as of <date>", which is used only when no explicit "ended" date is given.
    explicit: bool


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


def _period_kind(what: str) -> str | None:
    lower = what.lower()
    if "transition" in lower:
        return TRANSITION
    if "quarter" in lower or _QUARTERS.match(lower):
        return QUARTERLY
    if "year" in lower or "annual" in lower or _A_YEAR.match(lower):
        return ANNUAL
    return None


def _line_bounds(prose: Prose, start: int, end: int) -> tuple[int, int]:
    """The prose span of the source line(s) holding [start, end), inside its block."""
    block = prose.block_at(start)
    lo = block.start if block else 0
    hi = block.end if block else len(prose.text)
    index = bisect.bisect_right(prose.breaks, start) - 1
    if index >= 0 and prose.breaks[index] > lo:
        lo = prose.breaks[index]
    index = bisect.bisect_left(prose.breaks, end)
    if index < len(prose.breaks) and prose.breaks[index] < hi:
        hi = prose.breaks[index]
    return lo, hi


def _is_certification_date(prose: Prose, mention: DateMention, heads: dict[int, tuple[int, int]]) -> bool:
    text = prose.text
    begin = mention.begin
    block = prose.block_at(begin)
    block_start = block.start if block else 0
    line_start, line_end = _line_bounds(prose, begin, mention.end)
    first_visible, alone_until = _line_head(text, line_start, line_end, heads)
    before_start = max(block_start, begin - 40)
    before = text[before_start:begin]
    if _SIGNED.search(before):
        return True
    label = _DATE_LABEL.search(before)
    if label is not None:
        head_start, head_end = line_start, before_start + label.start("label")  # (line_start >= block_start)
        # The label opens a line or a cell ("Date: ..."), or follows a signature on its line
        # ("/s/ Jane Doe   Date: ..."); it is not a term in a sentence ("the Evaluation Date").
        if first_visible >= head_end or _last_visible(text, head_start, head_end) in "|)":
            return True
        if label.group("colon") and not _TERM_BEFORE.search(text, max(head_start, head_end - _TERM_REACH),
                                                            head_end):
            return True
    # A date on a line (or in a cell) of its own: the dated signature block.
    after = _ALONE_AFTER.fullmatch(text, mention.end, max(mention.end, line_end))
    return begin <= alone_until and after is not None


def _line_head(text: str, start: int, end: int, heads: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """Of the line [start, end), once per line: where its first character other than " |*_"
    is, and how far it holds only filler (spaces, "|*_"), an optional "Dated as of:" and filler."""
    found = heads.get(start)
    if found is None:
        dated = _DATED.match(text, _skip(_FILLER, text, start, end), end)
        until = _skip(_FILLER, text, dated.end(), end) if dated else _skip(_FILLER, text, start, end)
        found = heads[start] = (_skip(_BLANK, text, start, end), until)
    return found


def _first_visible(text: str, block: Block, visible: dict[int, int]) -> int:
    """Where the first character of a block other than " |*_" is; once per block."""
    found = visible.get(block.start)
    if found is None:
        found = visible[block.start] = _skip(_BLANK, text, block.start, block.end)
    return found


def _skip(pattern: re.Pattern[str], text: str, start: int, end: int) -> int:
    """Where a run of `pattern` (which matches "" too) that starts at `start` ends."""
    run = pattern.match(text, start, end)
    return run.end() if run else start


def _last_visible(text: str, start: int, end: int) -> str:
    """The last character of text[start:end] that is not a space ("\\0" for none), without a
    copy: the run of spaces before one date's label is not the run before another's."""
    index = end - 1
    while index >= start and text[index].isspace():
        index -= 1
    return text[index] if index >= start else "\0"


def _period_end(prose: Prose, mention: DateMention, visible: dict[int, int]) -> PeriodEnd | None:
    index = prose.block_index_at(mention.start)
    block = prose.blocks[index] if index >= 0 else None
    end = mention.begin
    lo = max(block.start if block else 0, end - _LABEL_REACH)
    match = _PERIOD_LABEL.search(prose.text, lo, end)
    # A heading split into blocks: "FOR THE FISCAL YEAR ENDED" / "DECEMBER 31, 2003".
    if match is None and block is not None and index > 0 \
            and _first_visible(prose.text, block, visible) >= end:
        previous = prose.blocks[index - 1]
        stop = previous.end
        while stop > previous.start and prose.text[stop - 1] in " |*_":
            stop -= 1
        match = _PERIOD_LABEL.search(prose.text, max(previous.start, stop - _LABEL_REACH), stop)
    if match is None:
        return None
    if match.group("asof"):
        return PeriodEnd(mention, Span(match.start("label"), match.end("label")), None, False)
    return PeriodEnd(mention, Span(match.start("label"), match.end("label")),
                     _period_kind(match.group("what")), True)


def _form(text: str, low: str | None) -> FormMention:
    """The form the text names (`low`: its lowercase view, or None, for the literal tests)."""
    kinds = set()
    names = []
    amendment = _amended(text, low)
    for match in matches_in(_FORM, text, around(low, "form", _FORM_LENGTH, len(text))):
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
    """Whether `_AMENDMENT` matches: without "amend" only its "10-K/A" can, where a "10" stands."""
    if low is None or "amend" in low:
        return _AMENDMENT.search(text) is not None
    return next(matches_in(_AMENDMENT, text, around(text, "10", _AMENDED_FORM_LENGTH, len(text))), None) \
        is not None


def analyse(prose: Prose) -> Analysis:
    """Find the dates of a document and give each its role."""
    text = prose.text
    windows = Windows(text, lowered(prose))
    dates = find_dates(text, windows)
    period_ends = []
    certification = []
    heads: dict[int, tuple[int, int]] = {}  # per line and per block: many dates share one
    visible: dict[int, int] = {}
    for mention in dates:
        if mention.value is None:
            continue
        period = _period_end(prose, mention, visible)
        if period is not None:
            period_ends.append(period)
        elif _is_certification_date(prose, mention, heads):
            certification.append(mention)
    labelled = may_contain(prose, "fiscal") or may_contain(prose, "fy")  # a label's words
    labels = tuple(FiscalLabel(m.start(), m.end(), int(m.group("year")))
                   for m in matches_in(_FISCAL_LABEL, text, windows.years if labelled else []))
    return Analysis(tuple(dates), tuple(period_ends), tuple(certification), labels,
                    _form(text, lowered(prose)))


@per_document()
def analysis_of(prose: Prose) -> Analysis:
    """`analyse`, cached per document (every date rule, and the filing rules, ask for it)."""
    return analyse(prose)
