"""The words before a date that make it the period end ("for the fiscal year ended") or the
certification date ("Date:", "Signed this"), and where those words are looked for.

Each label pattern runs in a short stretch before its date, and only from where one of its
literals first stands there (`windows.first_place`; a period label's "ended" or "as of" just
before the date): most dates have none of a label's words before them, and a pattern tried at
every place of a stretch costs many times a literal test.
"""

from __future__ import annotations

import bisect
import re

from msgspec import Struct

from certlint.analysis.dates.extract import DateMention, Span
from certlint.analysis.dates.windows import first_place
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
# A match ends where its date starts (or before a line break there): with "ended" or "ending",
# perhaps " on", ",", a space, its "end" in the last _END_TAIL characters ("ending on, " and
# the break), at most _BEFORE_END after the match's start ("financial fifty-three weeks then ");
# or with "as of", perhaps ",", a space, its "of" in the last _OF_TAIL, 3 after the start.
# Neither literal has a letter whose other matches (`views.ALSO_MATCHES`) a lowercase test misses.
_END_TAIL, _BEFORE_END, _OF_TAIL = 12, 33, 5

# "Date:", "Dated:", "Date", "Dated as of", "| Date: |" before a certification date.
_DATE_LABEL = re.compile(r"(?P<label>\b(?:dated?|date\ssigned)(?:\sas\sof)?)\s?(?P<colon>:)?[\s|*_.]*$", re.I)
# "Signed this 29th day of", "Executed on"
_SIGNED = re.compile(r"\b(?:signed|executed)(?:\s(?:on|this|as\sof))?\s?:?\s?$", re.I)
# A match of each starts with one of these words.
_DATE_LITERALS = (("date", 0),)
_SIGNED_LITERALS = (("signed", 0), ("executed", 0))
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


class PeriodEnd(Struct, frozen=True):
    """A date stated as the end of the period the report covers."""

    mention: DateMention
    label: Span
    #: ANNUAL, QUARTERLY, TRANSITION, or None for "period ended" / "as of".
    kind: str | None
    #: False for "as of <date>", which is used only when no explicit "ended" date is given.
    explicit: bool


def period_kind(what: str) -> str | None:
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


def is_certification_date(prose: Prose, mention: DateMention, heads: dict[int, tuple[int, int]],
                           low: str | None, odd: str) -> bool:
    """Whether a date is labelled as the certification's ("Date:", "Signed this") or stands on
    a line of its own (`low` and `odd`: the prose's `views.lowered` and `views.odd_letters`)."""
    text = prose.text
    begin = mention.begin
    block = prose.block_at(begin)
    block_start = block.start if block else 0
    line_start, line_end = _line_bounds(prose, begin, mention.end)
    first_visible, alone_until = _line_head(text, line_start, line_end, heads)
    before_start = max(block_start, begin - 40)
    before = text[before_start:begin]
    signed = first_place(low, odd, _SIGNED_LITERALS, before_start, begin)
    if signed is not None and _SIGNED.search(before, signed - before_start):
        return True
    dated = first_place(low, odd, _DATE_LITERALS, before_start, begin)
    label = None if dated is None else _DATE_LABEL.search(before, dated - before_start)
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


def period_end(prose: Prose, mention: DateMention, visible: dict[int, int],
               low: str | None) -> PeriodEnd | None:
    """The date as a period end, with the label before it, or None (`low`: `views.lowered`)."""
    index = prose.block_index_at(mention.start)
    block = prose.blocks[index] if index >= 0 else None
    end = mention.begin
    lo = max(block.start if block else 0, end - _LABEL_REACH)
    match = _period_label(prose.text, low, lo, end)
    # A heading split into blocks: "FOR THE FISCAL YEAR ENDED" / "DECEMBER 31, 2003".
    if match is None and block is not None and index > 0 \
            and _first_visible(prose.text, block, visible) >= end:
        previous = prose.blocks[index - 1]
        stop = previous.end
        while stop > previous.start and prose.text[stop - 1] in " |*_":
            stop -= 1
        match = _period_label(prose.text, low, max(previous.start, stop - _LABEL_REACH), stop)
    if match is None:
        return None
    if match.group("asof"):
        return PeriodEnd(mention, Span(match.start("label"), match.end("label")), None, False)
    return PeriodEnd(mention, Span(match.start("label"), match.end("label")),
                     period_kind(match.group("what")), True)


def _period_label(text: str, low: str | None, start: int, end: int) -> re.Match[str] | None:
    """`_PERIOD_LABEL.search(text, start, end)`, from where a match can first start (`low`:
    `views.lowered`); None at once when the text before `end` ends with neither literal."""
    if low is not None:
        ended = low.find("end", max(start, end - _END_TAIL), end)
        of = low.find("of", max(start, end - _OF_TAIL), end)
        if ended < 0 and of < 0:
            return None
        first = min(ended - _BEFORE_END if ended >= 0 else end, of - 3 if of >= 0 else end)
        start = max(start, first)
    return _PERIOD_LABEL.search(text, start, end)
