"""What a certification says about the report it certifies: each mention of the report, with
exact prose spans for the kind words ("annual report"), the form ("Form 10-K/A") and the
amendment ("Amendment No. 1"), and the registrant paragraph 1 (or a 906 statement) names.

The contradictions between these (an "annual report on Form 10-Q") are judged by the `facts`
check kind; here they are only read, so that `certlint facts` shows exactly what the checks saw.
"""

from __future__ import annotations

import re
from functools import lru_cache

from msgspec import Struct

from certlint.analysis.dates.windows import WORD_OR_DASH, around_word, first_place, matches_in
from certlint.analysis.memo import per_document
from certlint.analysis.views import lowered, may_contain, odd_letters
from certlint.document.prose import Prose

#: Report kinds a certification's words can give.
ANNUAL, QUARTERLY, TRANSITION, SEMIANNUAL = "annual", "quarterly", "transition", "semi-annual"

_FORM = re.compile(
    r"(?<![\w-])Form\s?(?P<form>10-?K(?:SB|T|405)?|10-?Q(?:SB|T)?|11-K|20-F|40-F|N-CSRS?|N-Q|10-D)"
    r"(?P<amended>\s?/\s?A)?(?![\w-])", re.I)
_FORM_LENGTH = 16  # "Form 10-K405 / A": its matches are looked for where "form" stands
# The words before "Form X" that name the report: "this annual report on", "the Quarterly Report
# of the Company on", "Amendment No. 1 to the Annual Report on".
_KIND_BEFORE = re.compile(
    r"(?<![\w-])(?P<kind>semi-?\s?annual|annual|quarterly|transition)\s(?:report|statement)s?\s"
    r"(?:(?:of|for)\s(?P<of>(?:(?!report\b)[^;:\n]){1,120}?)\s)?(?:on|in|filed\son)\s(?:the\s)?$", re.I)
_REPORT_BEFORE = re.compile(r"(?<![\w-])report\s(?:on|in)\s$", re.I)
# What a match of each starts with, and how far from its start ("semi- annual"): see
# `windows.first_place`.
_KIND_LITERALS = (("annual", 6), ("quarterly", 0), ("transition", 0))
_REPORT_LITERALS = (("report", 0),)
_AMENDMENT_LITERALS = (("amend", 0),)
_AMENDMENT = re.compile(r"\bAmendment\sNo\.?\s?(?P<number>\d+)\b|\bamended\s(?:annual|quarterly)\sreport\b",
                        re.I)
_KIND_ONLY = re.compile(r"(?<![\w-])(?:this|the)\s(?P<kind>semi-?\s?annual|annual|quarterly|transition)"
                        r"\sreport\b", re.I)
_REVIEWED = re.compile(r"\bI\shave\sreviewed\s(?:this|the)\s", re.I)
# Where paragraph 1 ends, and where the registrant's name ends within it.
_CLAUSE_END = re.compile(r";|:|\n|\s\d\.\s")
_REGISTRANT_END = re.compile(r",?\s(?:as\sfiled|for\sthe|which)\b|\s?\((?:the\s)?[\"']|"
                             r"\s(?:on|in)\s(?:the\s)?Form\b", re.I)
# A 906 statement: "... Form 10-K of Acme Corp. (the "Company")".
_OF_COMPANY = re.compile(r"\s?(?:\([^)]{1,40}\)\s?)?,?\s?of\s(?P<name>[A-Z0-9][^();\n]{1,120}?)"
                         r"(?=\s?\((?:the\s)?[\"']|,?\sfor\sthe\s|,?\sas\sfiled\s|\s?;)")
_SPACE = re.compile(r"\s")
_SPACE_OR_DASH = re.compile(r"[\s-]")
# Where the registrant named inside the report words ends: "Acme Corp. (the "Company")", "Acme, a
# Delaware corporation".
_OF_NAME_END = re.compile(r",?\s\(|,\s(?:a|an)\s")
_OF = re.compile(r"\sof\s(?=\S)")


class Words(Struct, frozen=True):
    """A piece of prose: [start, end) and its text."""

    start: int
    end: int
    text: str


class ReportMention(Struct, frozen=True):
    """One place where the certification names its report."""

    #: The whole phrase, kind words to form and amendment ("annual report on Form 10-K/A").
    phrase: Words
    #: "annual", "quarterly", "transition", "semi-annual" as written before the form, or None.
    kind: Words | None
    #: The form as written ("Form 10-Q"), with `form` its canonical name ("10-Q", "10-K/A").
    form_words: Words | None
    form: str | None
    amendment: Words | None
    amendment_number: int | None
    #: The registrant named inside the phrase ("the Annual Report of Acme Corp. on Form 10-K").
    registrant: Words | None
    #: In paragraph 1 of a 302 ("I have reviewed this ..."), where the form prescribes the report.
    paragraph1: bool


class ReportReading(Struct, frozen=True):
    """Every mention of the report, and the registrant paragraph 1 (or a 906 intro) names."""

    mentions: tuple[ReportMention, ...]
    registrant: Words | None
    #: Paragraph 1 exists and names no registrant ("I have reviewed this annual report;").
    paragraph1_without_registrant: Words | None


@lru_cache(maxsize=256)
def canonical_form(name: str) -> str:
    """'10-K', '10-Q/A', 'N-CSRS' for a form as written ('10K', 'Form 10-q /A'); memoised: a run
    writes its forms a few ways, and every mention and check asks."""
    upper = _SPACE.sub("", name.upper()).removeprefix("FORM")
    amended = upper.endswith("/A")
    base = upper.removesuffix("/A")
    if base.startswith(("10K", "10Q")):
        base = "10-" + base[2:]
    return base + ("/A" if amended else "")


def normal_kind(word: str) -> str:
    lower = _SPACE_OR_DASH.sub("", word.lower())
    return SEMIANNUAL if lower == "semiannual" else lower


def _mention(text: str, form: re.Match[str], paragraph1_at: int | None, low: str | None,
             odd: str) -> ReportMention:
    """The mention around one form (`low`, `odd`: the prose's `views.lowered` and `odd_letters`)."""
    lo = max(0, form.start() - 160)
    before = text[lo:form.start()]
    kind_at = first_place(low, odd, _KIND_LITERALS, lo, form.start())
    kind_match = _search_from(_KIND_BEFORE, before, lo, kind_at)
    start = form.start()
    kind = registrant = None
    if kind_match is not None:
        kind = Words(lo + kind_match.start("kind"), lo + kind_match.end("kind"), kind_match.group("kind"))
        start = kind.start
        if kind_match.group("of"):
            name = _OF_NAME_END.split(kind_match.group("of"), maxsplit=1)[0].rstrip(" ,")
            at = lo + kind_match.start("of")
            registrant = Words(at, at + len(name), name) if name[:1].isupper() else None
    elif (report := _search_from(_REPORT_BEFORE, before, lo,
                                 first_place(low, odd, _REPORT_LITERALS, lo, form.start()))) is not None:
        start = lo + report.start()
    # "Amendment No. 1 to the Annual Report on Form 10-K", "Form 10-K/A (Amendment No. 1)".
    near_start = max(0, start - 40)
    line_start = text.rfind("\n", 0, start) + 1
    window_start = max(near_start, line_start)
    after_end = text.find("\n", form.end())
    window_end = min(form.end() + 40, after_end if after_end >= 0 else len(text))
    window = text[window_start:window_end]
    amendment = _search_from(_AMENDMENT, window, window_start,
                             first_place(low, odd, _AMENDMENT_LITERALS, window_start, window_end))
    amendment_words = None
    number = None
    if amendment is not None:
        a_start = window_start + amendment.start()
        amendment_words = Words(a_start, window_start + amendment.end(), amendment.group())
        number = int(amendment.group("number")) if amendment.group("number") else None
        start = min(start, a_start)
    end = max(form.end(), amendment_words.end if amendment_words else 0)
    name = canonical_form(form.group("form") + (form.group("amended") or ""))
    paragraph1 = paragraph1_at is not None and paragraph1_at <= start <= paragraph1_at + 200
    return ReportMention(Words(start, end, text[start:end]), kind,
                         Words(form.start(), form.end(), form.group()), name, amendment_words, number,
                         registrant, paragraph1)


def _search_from(pattern: re.Pattern[str], piece: str, offset: int, at: int | None) -> re.Match[str] | None:
    """`pattern.search(piece)`, `piece` being the text from `offset`, begun at `at` in the text
    (`windows.first_place`: where a match can first start, None for nowhere)."""
    return None if at is None else pattern.search(piece, at - offset)


def _paragraph1(text: str) -> tuple[ReportMention | None, Words | None, Words | None, int | None]:
    """Paragraph 1 of a 302: its report words (when it names no form), registrant, or the gap."""
    reviewed = _REVIEWED.search(text)
    if reviewed is None:
        return None, None, None, None
    clause_end = _CLAUSE_END.search(text, reviewed.end())
    stop = clause_end.start() if clause_end else len(text)
    clause = text[reviewed.end():stop]
    form = _FORM.search(clause)
    after = form.end() if form is not None else 0  # "of" inside the report words is not the registrant's
    of = _OF.search(clause[after:])
    if of is None and form is not None:  # "this quarterly report of Acme Corp. on Form 10-Q"
        after = 0
        of = _OF.search(clause[:form.start()])
    base = reviewed.end()
    registrant = gap = None
    if of is not None:
        name_start = base + after + of.end()
        end = _REGISTRANT_END.search(text, name_start, stop)
        name = text[name_start:end.start() if end else stop].rstrip(" ,")
        if name:
            registrant = Words(name_start, name_start + len(name), name)
    elif clause.strip():
        end_at = base + len(clause.rstrip(" .,"))
        gap = Words(end_at, end_at, "")
    mention = None
    if form is None:
        kind = _KIND_ONLY.search(text, reviewed.start(), stop)
        if kind is not None:
            words = Words(kind.start("kind"), kind.end("kind"), kind.group("kind"))
            phrase = Words(words.start, kind.end(), text[words.start:kind.end()])
            mention = ReportMention(phrase, words, None, None, None, None, None, True)
    return mention, registrant, gap, reviewed.start()


def _registrant_906(text: str, mentions: tuple[ReportMention, ...]) -> Words | None:
    for mention in mentions:
        if mention.registrant is not None:
            return mention.registrant
        match = _OF_COMPANY.match(text, mention.phrase.end, min(len(text), mention.phrase.end + 200))
        if match is not None:
            name = match.group("name").rstrip(" ,")
            return Words(match.start("name"), match.start("name") + len(name), name)
    return None


def read_report(prose: Prose) -> ReportReading:
    """The report mentions of a document and the registrant it names."""
    text = prose.text
    # Paragraph 1 opens with "I have reviewed": a document without the word has none.
    kind_mention, registrant, gap, paragraph1_at = _paragraph1(text) if may_contain(prose, "reviewed") \
        else (None, None, None, None)
    forms = matches_in(_FORM, text, around_word(text, lowered(prose), "form", _FORM_LENGTH, WORD_OR_DASH))
    low, odd = lowered(prose), odd_letters(prose)
    mentions = [_mention(text, form, paragraph1_at, low, odd) for form in forms]
    if kind_mention is not None:
        mentions.append(kind_mention)
    mentions.sort(key=lambda m: m.phrase.start)
    found = tuple(mentions)
    if paragraph1_at is None:
        registrant = _registrant_906(text, found)
    return ReportReading(found, registrant, gap)


@per_document()
def report_of(prose: Prose) -> ReportReading:
    """`read_report`, once per document (the facts model and the `facts` checks both ask)."""
    return read_report(prose)
