"""The parties of a certification: who the body names, and the statements a document holds.

"I, [name], certify that" (302), "we, X and Y, hereby certify", "X, Chief Executive Officer of
the Company, does hereby certify" and "Each of the undersigned hereby certifies" (906) name the
certifying officers in different ways; `statements(doc)` cuts a document at each intro (Costco
puts two 302 certifications, Tesla two 906 statements, in one exhibit) and gives each its
parties (names with the title beside them) and the signature blocks that follow it.

API:
- `statements(doc) -> tuple[Statement, ...]`;
- `certification_kind(doc, exhibit) -> "302" | "906" | "abs" | None`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import TYPE_CHECKING

from msgspec import Struct

from certlint.analysis.dates.windows import matches_in
from certlint.analysis.memo import per_document
from certlint.analysis.signatures import (
    CONNECTIVES,
    SUFFIXES,
    TITLE_WORDS,
    Signature,
    Span,
    is_title_text,
    lower_words,
    name_tokens,
    signatures,
)
from certlint.analysis.verb_windows import verb_windows
from certlint.analysis.views import lowered, may_contain, odd_letters

if TYPE_CHECKING:
    from certlint.document import Document
    from certlint.document.prose import Prose

#: The lookahead `(?=[iw])` only repeats what `who` needs (case aside, as `who` reads it): a
#: character class first is a cheaper test at each place than the lookbehind.
_INTRO = re.compile(
    r"(?=[iw])(?<![\w'])(?P<who>I|We)(?P<comma>,?)\s+(?P<rest>[^\n]{1,400}?)\s*,?\s*"
    r"(?:(?:do|does)\s+)?(?:hereby\s+)?(?:each\s+)?certif(?:y|ies)\b", re.IGNORECASE)
#: How far before its "certif" an `_INTRO` match can start, a run of whitespace counting as one
#: character: "We," (3), a run, the middle part (400), a run, a comma, a run, "does " (5),
#: "hereby " (7), "each " (5).
_INTRO_REACH = 3 + 1 + 400 + 3 + 5 + 7 + 5
#: A 906 that cites neither 18 U.S.C. 1350 nor Section 906 is still known by what it certifies.
_STATEMENT_906 = re.compile(r"fully compl(?:ies|y),? with (?:all )?the requirements of|"
                            r"fairly presents?,? in all material respects", re.IGNORECASE)
_UNDERSIGNED = re.compile(r"\bundersigned\b", re.IGNORECASE)
_THIRD_PERSON_VERB = re.compile(r"\b(?:each\s+)?(?:(?:do|does)\s+)?hereby\s+certif(?:y|ies)\b|"
                                r"\b(?:each\s+)?certifies\b", re.IGNORECASE)
_THIRD_PERSON_REACH = len("each does hereby ")  # before "certif", a run of whitespace as one
_NAME = re.compile(
    r"(?:[A-Z][\w'-]*\.?|[A-Z]\.)(?: +(?:[A-Z][\w'-]*\.?|[A-Z]\.|(?:de|van|von|der|la|le)\b))*"
    r"(?:,? +(?:Jr|Sr|II|III|IV)\b\.?)?")
_NAME_THEN_TITLE = re.compile(
    r"(?P<name>" + _NAME.pattern + r"),\s+"
    r"(?P<after>(?:the\s+|its\s+)?[A-Z][^,()]*?(?:\([^()]*\))?[^,()]*?)(?=,|\s*\()")
_LEADING = re.compile(r"^[\s,]+")
# "..., and I, John Roe, ...": the statement goes on with the next officer.
_AND_NEXT = re.compile(r"[\s,]+and\s+(?:I|we)\b[\s,]*$")
_TRAILING_AND = re.compile(r"[\s,]+(?:and)?[\s,]*$")
_ARTICLE = re.compile(r"^(?:as\s+)?(?:(?:the|our|its)\s+)?", re.IGNORECASE)
_OF_WORD = re.compile(r"\s+of\s+(?:the\s+)?([A-Za-z]+)")
_AND = re.compile(r"\s+and\s+")
_SENTENCE_END = re.compile(r"\b[A-Za-z]{3,}\.\s+")
_COMPANY_WORDS = frozenset({"inc", "corp", "corporation", "company", "llc", "ltd", "plc", "co",
                            "incorporated", "trust", "lp", "l.p", "n.a", "bancorp", "holdings"})


class Party(Struct, frozen=True):
    """A person the body names, with the title given beside the name, if any."""

    name: Span
    title: Span | None = None


class Statement(Struct, frozen=True):
    """A certification within a document: its intro (if any), parties and signatures."""

    start: int
    end: int
    intro: Span | None
    #: "I", "we", "third" (named in the third person), "undersigned" (named nowhere), or ""
    person: str
    parties: tuple[Party, ...]
    signatures: tuple[Signature, ...]
    comma_after_pronoun: bool = True


_REVIEWED = re.compile(r"I have reviewed this", re.IGNORECASE)
_CITES_906 = re.compile(r"1350|Section 906", re.IGNORECASE)


def certification_kind(doc: Document, exhibit: str | None = None) -> str | None:
    """"302", "906" or "abs" (asset-backed 302): by the exhibit number when known, else content."""
    if _asset_backed(doc):
        return "abs"
    if exhibit:
        number = exhibit.upper().removeprefix("EX-").removeprefix("EXHIBIT").strip()
        if number.startswith("31"):
            return "302"
        if number.startswith("32"):
            return "906"
    return _kind_by_content(doc)


# Many rules ask for the kind of each document: its searches run once per document.
@per_document()
def _asset_backed(doc: Document) -> bool:
    """Whether the text names Form 10-D or Rule 13a-14(d) / 15d-14(d): three literals, written
    in one case, which substring tests find without a regex scan."""
    text = doc.prose.text
    return "Form 10-D" in text or "13a-14(d)" in text or "15d-14(d)" in text


@per_document()
def _kind_by_content(doc: Document) -> str | None:
    """The kind by what the text says; each case-insensitive search runs only where its literal
    can be (`may_contain`): most documents hold the words of one kind only."""
    prose = doc.prose
    text = prose.text
    lower = lowered(prose)
    if lower is not None and not odd_letters(prose):
        # `_REVIEWED` is a literal: where case is all lowercasing changes, a substring test says it.
        if "i have reviewed this" in lower:
            return "302"
    elif _REVIEWED.search(text):
        return "302"
    if (may_contain(prose, "1350") or may_contain(prose, "section 906")) and _CITES_906.search(text):
        return "906"
    if (may_contain(prose, "fully compl") or may_contain(prose, "fairly present")) \
            and _STATEMENT_906.search(text):
        return "906"
    return None


@per_document()
def statements(doc: Document) -> tuple[Statement, ...]:
    """The certifications of a document, cut at each intro that names or counts its signers."""
    return _statements(doc)


def _statements(doc: Document) -> tuple[Statement, ...]:
    prose = doc.prose
    text = prose.text
    intros = [m for m in matches_in(_INTRO, text, verb_windows(prose, _INTRO_REACH)) if _plausible_intro(m)]
    sigs = signatures(doc)
    if not intros:
        if may_contain(prose, "undersigned") and _UNDERSIGNED.search(text):
            return (Statement(0, len(text), None, "undersigned", (), sigs),)
        named = _named_with_titles(prose, sigs)
        if named:
            return (Statement(0, len(text), None, "third", named, sigs),)
        return (Statement(0, len(text), None, "", _third_person_parties(text, sigs), sigs),)
    cuts = [*(m.start() for m in intros[1:]), len(text)]
    out: list[Statement] = []
    # Each statement's signatures by bisection when they come in document order (they do):
    # filtering all of them for each of many statements was quadratic.
    starts = [s.marker.start for s in sigs]
    ordered = all(a <= b for a, b in itertools.pairwise(starts))
    for match, end in zip(intros, cuts, strict=True):
        start = 0 if not out else match.start()
        if ordered:
            mine = tuple(sigs[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)])
        else:
            mine = tuple(s for s in sigs if start <= s.marker.start < end)
        who = match.group("who").lower()
        parties = _parties(match.group("rest"), match.start("rest"))
        intro = Span(match.start(), match.end(), match.group())
        out.append(Statement(start, end, intro, "I" if who == "i" else "we", parties, mine,
                             bool(match.group("comma"))))
    return tuple(out)


def _plausible_intro(match: re.Match[str]) -> bool:
    rest = match.group("rest")
    return match.group("who") in ("I", "We", "we") and bool(_NAME.match(rest.lstrip(", ")))


def _parties(rest: str, offset: int) -> tuple[Party, ...]:
    """Names in an intro's middle part, each with the title text that follows it."""
    names: list[re.Match[str]] = []
    for match in _NAME.finditer(rest):
        words = lower_words(match.group())
        if len(words) < 2 and not (len(words) == 1 and not names):
            continue
        if any(w in _COMPANY_WORDS for w in words) or rest[max(0, match.start() - 3):match.start()] == "of ":
            continue
        if sum(1 for w in words if w in TITLE_WORDS or w in CONNECTIVES) * 2 >= len(words):
            continue
        names.append(match)
    parties = []
    for index, match in enumerate(names):
        stop = names[index + 1].start() if index + 1 < len(names) else len(rest)
        between = rest[match.end():stop]
        title = _title_after(between)
        name = Span(offset + match.start(), offset + match.end(), match.group())
        if title is None:
            parties.append(Party(name))
        else:
            t_start = offset + match.end() + between.find(title)
            parties.append(Party(name, Span(t_start, t_start + len(title), title)))
    return tuple(parties)


def _title_after(between: str) -> str | None:
    """The title in ", Chief Executive Officer of the Company, and " (None when there is none)."""
    text = _LEADING.sub("", between)
    text = _AND_NEXT.sub("", text)
    text = _TRAILING_AND.sub("", text)
    text = _ARTICLE.sub("", text)
    # "... of the Company", "... of Gilead Sciences, Inc." end the title; "of the Board" does not.
    for match in _OF_WORD.finditer(text):
        if match.group(1).lower() not in TITLE_WORDS:
            text = text[:match.start()]
            break
    text = text.strip(" ,")
    return text if text and is_title_text(text) else None


def _named_with_titles(prose: Prose, sigs: tuple[Signature, ...]) -> tuple[Party, ...]:
    """Officers a third-person body names with their titles, in the sentence that certifies:
    "Satya Nadella, Chief Executive Officer of the Company, does hereby certify"."""
    text = prose.text
    body_end = min((s.marker.start for s in sigs), default=len(text))
    verb = _third_person_verb(prose, body_end)
    if verb is None:
        return ()
    sentence_start = max(text.rfind("\n", 0, verb.start()) + 1, 0)
    parties = []
    position = sentence_start
    while (match := _NAME_THEN_TITLE.search(text, position, verb.start())) is not None:
        after, after_start = match.group("after"), match.start("after")
        # "X, Chief Executive Officer of the Company and Y, Chief Financial Officer": the title
        # of X ends where the next person is named.
        position = match.end()
        for joint in _AND.finditer(after):
            follower = _NAME.match(after, joint.end())
            comma = after_start + follower.end() if follower else -1
            if follower and text[comma:comma + 1] == "," and not any(
                    w in TITLE_WORDS for w in lower_words(follower.group())):
                after, position = after[:joint.start()], after_start + joint.end()
                break
        title = _title_after(after)
        name = match.group("name")
        words = lower_words(_sentence_tail(name))
        if title is None or len(words) < 2 or any(w in _COMPANY_WORDS for w in words):
            continue
        start = match.start("name") + len(name) - len(_sentence_tail(name))
        t_start = after_start + after.find(title)
        parties.append(Party(Span(start, match.end("name"), _sentence_tail(name)),
                             Span(t_start, t_start + len(title), title)))
    return tuple(parties)


def _third_person_verb(prose: Prose, body_end: int) -> re.Match[str] | None:
    """The first "hereby certify" or "certifies" before `body_end` (where the signatures start)."""
    windows = [(start, min(end, body_end)) for start, end in verb_windows(prose, _THIRD_PERSON_REACH)
               if start < body_end]
    return next(matches_in(_THIRD_PERSON_VERB, prose.text, windows), None)


def _sentence_tail(name: str) -> str:
    """ "United States Code. Kenji Watanabe" is "Kenji Watanabe": a word of three letters or
    more ending in a period ends a sentence, not a name (initials and "Jr." do not)."""
    cut = 0
    for match in _SENTENCE_END.finditer(name):
        if match.group().lower().strip(". ") not in SUFFIXES:
            cut = match.end()
    return name[cut:]


def _third_person_parties(text: str, sigs: tuple[Signature, ...]) -> tuple[Party, ...]:
    """Signers named in a third-person body ("Satya Nadella, Chief Executive Officer of ...")."""
    parties = []
    body_end = min((s.marker.start for s in sigs), default=len(text))
    for sig in sigs:
        tokens = name_tokens([sig.name] if sig.name else list(sig.conformed))
        if not tokens:
            continue
        words = [t.text.rstrip(".") for t in tokens if t.text.lower().strip(".") not in SUFFIXES]
        surname = re.escape(words[-1]) if words else ""
        if not surname:
            continue
        named = re.compile(rf"\b{surname}\b", re.IGNORECASE)  # once per signature, not per name
        for match in _NAME.finditer(text, 0, body_end):
            if named.search(match.group()):
                tail = _sentence_tail(match.group())
                parties.append(Party(Span(match.end() - len(tail), match.end(), tail)))
                break
    return tuple(parties)
