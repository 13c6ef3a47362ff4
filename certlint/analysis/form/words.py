"""Word-level comparison of one written paragraph with its unit of the form.

The words are aligned with rapidfuzz's LCS edit operations (this module and `align` are imported
only when the form kind first checks a document, and rapidfuzz only once a process has compared
enough paragraphs to pay for its import: see `measures`). Neighbouring edits a few words apart are one
deviation ("a material fact" -> "material facts"), each classified: wording, punctuation (and
articles), substitution (the registrant's name), variant (officer(s), capitalisation).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from msgspec import Struct

from certlint.analysis.form import measures
from certlint.analysis.form.codes import written_codes
from certlint.analysis.form.spec import FormToken, Unit
from certlint.analysis.form.tokens import Token, join_tokens, quote
from certlint.analysis.form.written import DocUnit

#: Edits at most this many equal words apart are one deviation.
MERGE_GAP = 3
#: A matched paragraph this different from the form is reported once, as reworded.
REWORDED_BELOW = 0.7
#: Words a placeholder is expected to hold at most (a name, "annual report on Form 10-K").
FILL_ALLOWANCE = 12
#: Words whose addition or loss alone is minor drift (the "punctuation" class): articles, the
#: "and" that ends a sub-paragraph, "hereby certify".
_MINOR_WORDS = frozenset({"the", "a", "an", "and", "hereby"})
_OFFICER = frozenset({"officer", "officers", "officer(s)"})
# "registrant" in the 302 form, "company" in Form 20-F's, "issuer" in Form 40-F's.
_REGISTRANT = frozenset({"registrant", "registrant's", "small", "business", "issuer", "issuer's",
                         "company", "company's", "the"})


class Deviation(Struct, frozen=True):
    """One difference from the form, at [start, end) in the prose."""

    kind: str
    where: str
    what: str
    start: int
    end: int
    cost: int = 1
    count: int = 1


def similarity(unit: Unit, written: str) -> float:
    """How much of a form unit a written paragraph (its token keys as `codes`) holds, 0..1."""
    form = unit.coded
    if not form or not written:
        return 0.0
    common = len(form) if written == form else MEASURES.lcs_length(form, written)
    denominator = max(unit.required, len(written) - FILL_ALLOWANCE * unit.fills, 1)
    score = min(1.0, float(common) / denominator)
    if unit.fills and written[0] != form[0]:  # a short unit with fill-ins is recognised by its first word
        score /= 2
    return score


#: One edit operation between a unit's form tokens and a paragraph's tokens:
#: (tag, form start, form end, written start, written end); tag is equal, insert, delete or replace.
Edit = measures.Edit
#: The process's measures (rapidfuzz's once it has compared enough paragraphs).
MEASURES = measures.Measures()


class WordAlignment(Struct, frozen=True):
    """How the words of a written paragraph line up with its unit of the form: the deviations
    are read from it, and a redline shows it, so that both say the same."""

    unit: Unit
    written: DocUnit
    #: The unit's tokens without the optional passages the paragraph leaves out.
    form: tuple[FormToken, ...]
    edits: tuple[Edit, ...]


def align_words(unit: Unit, written: DocUnit, codes: str | None = None) -> WordAlignment:
    """The word alignment of a written paragraph with its unit (optional passages that the
    paragraph leaves out are taken out of the form first: leaving them out is no deviation).

    `codes` are the paragraph's keys as characters (`certlint.analysis.form.codes`).
    """
    coded = written_codes(written.keys) if codes is None else codes
    whole, *shorter = unit.variants
    if coded == whole.codes and coded:  # the prescribed words copied exactly (usual): nothing to search
        return WordAlignment(unit, written, whole.tokens, (("equal", 0, len(coded), 0, len(coded)),))
    form, best = whole, MEASURES.indel_distance(whole.codes, coded)
    for variant in shorter:
        if best == 0:
            break
        # With the cutoff a distance no better than the best so far comes back as `best`.
        distance = MEASURES.indel_distance(variant.codes, coded, score_cutoff=best - 1)
        if distance < best:
            best, form = distance, variant
    return WordAlignment(unit, written, form.tokens, tuple(MEASURES.indel_opcodes(form.codes, coded)))


def deviations_of(aligned: WordAlignment, company: str | None) -> list[Deviation]:
    """The deviations of a written paragraph from its unit of the form, read from their alignment."""
    unit, written, form, ops = aligned.unit, aligned.written, list(aligned.form), list(aligned.edits)
    doc = written.tokens
    if len(ops) == 1 and ops[0][0] == "equal":  # the form's words exactly: only their case and spacing
        return _case_and_spacing(unit, form, doc, ops)
    holes = {i for i, t in enumerate(form) if t.placeholder is not None}
    groups = _groups(ops, holes)
    found: list[Deviation] = []
    for f1, f2, d1, d2 in groups:
        deviation = _describe(unit, form, doc, f1, f2, d1, d2, company)
        if deviation is not None:
            found.append(deviation)
    found.extend(_case_and_spacing(unit, form, doc, ops))
    serious = [d for d in found if d.kind == "wording"]
    if len(serious) >= 3 and similarity(unit, written_codes(written.keys)) < REWORDED_BELOW and doc:
        what = f"reworded: the form says {quote(unit.excerpt())}"
        found = [Deviation("wording", unit.where, what, doc[0].start, doc[-1].end, len(unit.literal))]
    return found


def _groups(ops: list[tuple[str, int, int, int, int]], holes: set[int]) -> list[tuple[int, int, int, int]]:
    """Runs of edits, joined across equal stretches of at most MERGE_GAP words.

    An edit at a placeholder (the filer's fill-in) is joined only to edits right beside it.
    """
    groups: list[list[int]] = []  # f1, f2, d1, d2, touches a placeholder
    gap: int | None = None  # length of the equal run since the last edit
    for tag, f1, f2, d1, d2 in ops:
        if tag == "equal":
            gap = f2 - f1
            continue
        hole = int(any(f1 <= h < f2 for h in holes))
        if groups and (gap is None or (gap <= MERGE_GAP and not hole and not groups[-1][4])):
            groups[-1][1], groups[-1][3] = f2, d2
            groups[-1][4] |= hole
        else:
            groups.append([f1, f2, d1, d2, hole])
        gap = None
    return [(g[0], g[1], g[2], g[3]) for g in groups]


def _describe(unit: Unit, form: list[FormToken], doc: list[Token], f1: int, f2: int, d1: int,
              d2: int, company: str | None) -> Deviation | None:
    """One run of edits as a deviation (None when it is only the filer's fill-in)."""
    expected = form[f1:f2]
    holes = [i for i, t in enumerate(expected) if t.placeholder is not None]
    if holes:  # the filer's fill-in: literals around it must still be there
        before, after = expected[: holes[0]], expected[holes[-1] + 1 :]
        written = doc[d1:d2]
        if [t.key for t in written[: len(before)]] == [t.key for t in before]:
            d1, before = d1 + len(before), []
        if after and [t.key for t in written[-len(after):]] == [t.key for t in after]:
            d2, after = d2 - len(after), []
        if not before and not after:
            return None  # a title in the opening line is the names pack's (CL503)
        if (unit.label == "opening" and [t.key for t in before] == [","] and d1 > 0
                and doc[d1 - 1].text == "I"):
            return None  # "I Jane Doe, certify": the names pack's intro-comma rule (CL504)
        missing = before or after
        at = d1 if before else d2
        return _missing_or_changed(unit, missing, doc, at, at, _punctuation_only(missing))
    removed = [t.key for t in expected]
    added = [t.key for t in doc[d1:d2]]
    if removed == added:
        return None
    kind = _classify(removed, added, doc[d1:d2], company)
    return _missing_or_changed(unit, expected, doc, d1, d2, kind == "punctuation", kind)


def _punctuation_only(tokens: Sequence[FormToken]) -> bool:
    return all(not t.text[:1].isalnum() for t in tokens)


def _classify(removed: list[str], added: list[str], written: Sequence[Token], company: str | None) -> str:
    """The class of a change, which decides the rule (and so the severity) that reports it."""
    if len(removed) == 1 and len(added) == 1 and removed[0] in _OFFICER and added[0] in _OFFICER:
        return "variant"
    if len(removed) == len(added) and all(r == a or _plural_of(r, a) or _plural_of(a, r)
                                          for r, a in zip(removed, added, strict=True)):
        return "punctuation"  # number drift ("function" for "functions"): the meaning stands
    changed = [k for k in removed if k not in added] + [k for k in added if k not in removed]
    if all(not k[:1].isalnum() or k in _MINOR_WORDS for k in changed):
        return "punctuation"
    if _letters(removed) == _letters(added):  # "13a - 15(e)" for "13a-15(e)": spacing, hyphens
        return "punctuation"
    if removed and added and set(removed) <= _REGISTRANT and (
            set(added) <= _REGISTRANT or _names_registrant(written, company)):
        return "substitution"
    return "wording"


def _plural_of(singular: str, plural: str) -> bool:
    return singular[:1].isalpha() and plural in (singular + "s", singular + "es")


def _letters(keys: Sequence[str]) -> str:
    return "".join(filter(str.isalnum, "".join(keys)))


def _names_registrant(written: Sequence[Token], company: str | None) -> bool:
    """The words stand for the registrant: "the Company", "small business issuer", its name."""
    keys = [t.key for t in written]
    if {"company", "company's", "corporation", "corporation's"} & set(keys):
        return True
    if "issuer" in keys or "issuer's" in keys:
        return True
    if company and any(t.key.removesuffix("'s") in company.casefold().split() for t in written if t.is_word):
        return True
    words = [t for t in written if t.is_word and t.key not in ("the", "'s")]
    return bool(words) and all(t.text[:1].isupper() for t in words)


def _missing_or_changed(unit: Unit, expected: Sequence[FormToken], doc: list[Token], d1: int, d2: int,
                        minor: bool, kind: str | None = None) -> Deviation:
    kind = kind or ("punctuation" if minor else "wording")
    exp_words = [t.text for t in expected if t.placeholder is None]
    found = doc[d1:d2]
    cost = max(len(exp_words), len(found))
    if found and exp_words:
        what = f"expected {quote(clip(join_tokens(exp_words)))}, found {quote(clip(text_of(found)))}"
        return Deviation(kind, unit.where, what, found[0].start, found[-1].end, cost)
    short = len(exp_words) + len(found) <= 2 or minor
    before = doc[d1 - 1] if d1 > 0 else None
    after = doc[d2] if d2 < len(doc) else None
    if not found:  # something of the form is missing here
        place = after or before
        if short:
            context = [t.text for t in (before,) if t] + exp_words + [t.text for t in (after,) if t]
            written = [t for t in (before, after) if t]
            what = f"expected {quote(join_tokens(context))}, found {quote(text_of(written))}"
        else:
            what = f"missing {quote(clip(join_tokens(exp_words), 160))}"
        start = place.start if place else -1
        return Deviation(kind, unit.where, what, start, place.end if place else -1, cost)
    if short:
        context_before = [before] if before else []
        context_after = [after] if after else []
        expected_text = join_tokens([t.text for t in context_before + context_after])
        written_text = text_of(context_before + found + context_after)
        what = f"expected {quote(expected_text)}, found {quote(written_text)}"
    else:
        what = f"added {quote(clip(text_of(found)))}"
    return Deviation(kind, unit.where, what, found[0].start, found[-1].end, cost)


def _case_and_spacing(unit: Unit, form: list[FormToken], doc: list[Token],
                      ops: Iterable[Edit]) -> list[Deviation]:
    """Differences inside words the alignment calls equal: capitalisation, a missing space.

    Where a run's words are the form's letter for letter (usual) only a word without a space
    before it can differ, so only those are looked at.
    """
    found = []
    opening = unit.label == "opening"
    for tag, f1, f2, d1, _ in ops:
        if tag != "equal":
            continue
        d2 = d1 + f2 - f1
        if [t.text for t in form[f1:f2]] != [t.text for t in doc[d1:d2]]:
            indexes: Iterable[int] = range(d1, d2)
        elif opening:
            continue
        else:
            indexes = [i for i in range(d1, d2) if not doc[i].spaced]
        for index in indexes:
            dtok = doc[index]
            if not dtok.is_word:
                continue
            k = f1 + index - d1
            ftok = form[k]
            if not dtok.spaced and index > 0 and not opening and doc[index - 1].text in ",;:)":
                first = index - 2 if index > 1 and not doc[index - 1].spaced else index - 1
                glued = "".join(t.text for t in doc[first : index + 1])
                found.append(Deviation("punctuation", unit.where, f"missing space: {quote(glued)}",
                                       doc[index - 1].start, dtok.end))
            elif dtok.text != ftok.text and not _sentence_start(form, k):
                what = f"capitalisation: expected {quote(ftok.text)}, found {quote(dtok.text)}"
                found.append(Deviation("variant", unit.where, what, dtok.start, dtok.end, 0))
    return found


def _sentence_start(form: list[FormToken], index: int) -> bool:
    return index == 0 or form[index - 1].text in (".", ":")


def text_of(tokens: Sequence[Token]) -> str:
    return join_tokens([t.text for t in tokens])


def clip(text: str, limit: int = 100) -> str:
    """Long quotes are cut at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 4)
    return text[: cut if cut > 0 else limit - 4].rstrip(" ,;") + " ..."
