"""Aligns a certification to a version of the form and lists its deviations.

Two levels: units (paragraphs) are matched to the form's units by word overlap, in order (so a
missing, added, moved or duplicated paragraph is one deviation), then the words of each matched
pair are aligned with rapidfuzz's LCS edit operations (imported with this module, which the
form kind imports only when it first checks a document). Neighbouring edits a word or two apart
are one deviation ("a material fact" -> "material facts"); the same change repeated in one
certification is reported once, with a count.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Indel, LCSseq

from certlint.form.segment import Certification, DocUnit
from certlint.form.spec import FormToken, Unit, Version
from certlint.form.tokens import Token, join_tokens

MATCH_THRESHOLD = 0.5
#: Edits at most this many equal words apart are one deviation.
MERGE_GAP = 3
#: A matched paragraph this different from the form is reported once, as reworded.
REWORDED_BELOW = 0.7
#: Words a placeholder is expected to hold at most (a name, "annual report on Form 10-K").
FILL_ALLOWANCE = 12
#: Words whose addition or loss alone is minor drift (the "punctuation" class).
_ARTICLES = frozenset({"the", "a", "an", "hereby"})
_OFFICER = frozenset({"officer", "officers", "officer(s)"})
_REGISTRANT = frozenset({"registrant", "registrant's", "small", "business", "issuer", "issuer's",
                         "the"})
_TITLE_WORDS = frozenset({"chief", "officer", "president", "chairman", "treasurer", "director",
                          "principal", "secretary", "controller"})


@dataclass(frozen=True, slots=True)
class Deviation:
    """One difference from the form, at [start, end) in the prose."""

    kind: str
    where: str
    what: str
    start: int
    end: int
    cost: int = 1
    count: int = 1


@dataclass(slots=True)
class Analysis:
    version: Version
    deviations: list[Deviation] = field(default_factory=list)
    cost: int = 0
    #: Matched (form unit index, doc unit index) pairs.
    pairs: list[tuple[int, int]] = field(default_factory=list)


def analyse(cert: Certification, version: Version, others: Sequence[Version] = (),
            company: str | None = None) -> Analysis:
    """The deviations of one certification from one version of the form."""
    result = Analysis(version)
    units, doc = version.units, cert.units
    pairs: list[tuple[int, int]] = []
    f0 = d0 = 0
    if units[0].label == "opening":
        f0 = 1
        if cert.has_opening and doc and doc[0].marker == "opening":
            pairs.append((0, 0))
            d0 = 1
        else:
            _add(result, "structure", "opening", "missing: 'I, [certifying individual], certify that:'",
                 _first_token(doc), cost=len(units[0].tokens))
    pairs.extend(_match_units(units, doc, f0, d0))
    result.pairs = pairs
    matched_f = {f for f, _ in pairs}
    matched_d = {d for _, d in pairs}
    for f, d in pairs:
        _compare_unit(result, units[f], doc[d], company)
    _unmatched(result, units, doc, pairs, matched_f, matched_d, others)
    _lettering(result, units, doc, pairs)
    result.deviations.sort(key=lambda d: d.start)
    result.deviations = _merge_repeats(result.deviations)
    return result


def _first_token(doc: Sequence[DocUnit]) -> Token | None:
    return doc[0].first if doc else None


def _add(result: Analysis, kind: str, where: str, what: str, token: Token | None,
         end_token: Token | None = None, cost: int = 1) -> None:
    start = token.start if token is not None else -1
    end = (end_token or token).end if token is not None else -1
    result.deviations.append(Deviation(kind, where, what, start, end, cost))
    result.cost += cost


def similarity(unit: Unit, keys: Sequence[str]) -> float:
    """How much of a form unit a written paragraph (its token keys) holds, 0..1."""
    form = unit.literal
    if not form or not keys:
        return 0.0
    common = LCSseq.similarity(form, keys)
    denominator = max(unit.required, len(keys) - FILL_ALLOWANCE * unit.fills, 1)
    score = min(1.0, float(common) / denominator)
    if unit.fills and keys[0] != form[0]:  # a short unit with fill-ins is recognised by its first word
        score /= 2
    return score


def _match_units(units: Sequence[Unit], doc: Sequence[DocUnit], f0: int, d0: int) -> list[tuple[int, int]]:
    """Order-keeping matching of form units to written units that maximises total similarity."""
    n, m = len(units) - f0, len(doc) - d0
    score = [[similarity(units[f0 + i], doc[d0 + j].keys) for j in range(m)] for i in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = score[i][j] + best[i + 1][j + 1] if score[i][j] >= MATCH_THRESHOLD else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if score[i][j] >= MATCH_THRESHOLD and best[i][j] == score[i][j] + best[i + 1][j + 1]:
            pairs.append((f0 + i, d0 + j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _keys(tokens: Sequence[FormToken], skip: set[int]) -> list[FormToken]:
    return [t for t in tokens if t.passage < 0 or t.passage not in skip]


def _compare_unit(result: Analysis, unit: Unit, written: DocUnit, company: str | None) -> None:
    doc, keys = written.tokens, written.keys
    passages = sorted({t.passage for t in unit.tokens if t.passage >= 0})
    form, ops = list(unit.tokens), Indel.opcodes([t.key for t in unit.tokens], keys)
    best = Indel.distance([t.key for t in form], keys)
    for size in range(1, len(passages) + 1):  # an optional passage left out is no deviation
        for left_out in itertools.combinations(passages, size):
            trial = _keys(unit.tokens, set(left_out))
            distance = Indel.distance([t.key for t in trial], keys)
            if distance < best:
                best, form = distance, trial
                ops = Indel.opcodes([t.key for t in form], keys)
    holes = {i for i, t in enumerate(form) if t.placeholder is not None}
    groups = _groups([(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end) for op in ops], holes)
    found: list[Deviation] = []
    for f1, f2, d1, d2 in groups:
        deviation = _describe(unit, form, doc, f1, f2, d1, d2, company)
        if deviation is not None:
            found.append(deviation)
    found.extend(_case_and_spacing(unit, form, doc, ops))
    serious = [d for d in found if d.kind == "wording"]
    literal = [t for t in unit.tokens if t.placeholder is None]
    if len(serious) >= 3 and similarity(unit, written.keys) < REWORDED_BELOW and doc:
        what = f"reworded: the form says '{unit.excerpt()}'"
        found = [Deviation("wording", unit.where, what, doc[0].start, doc[-1].end, len(literal))]
    for deviation in found:
        result.deviations.append(deviation)
        result.cost += deviation.cost


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
    expected = form[f1:f2]
    holes = [i for i, t in enumerate(expected) if t.placeholder is not None]
    if holes:  # the filer's fill-in: literals around it must still be there
        before, after = expected[: holes[0]], expected[holes[-1] + 1 :]
        written = doc[d1:d2]
        if [t.key for t in written[: len(before)]] == [t.key for t in before]:
            d1, before = d1 + len(before), []
        if after and [t.key for t in written[-len(after):]] == [t.key for t in after]:
            d2, after = d2 - len(after), []
        fill = doc[d1:d2]
        if not before and not after:
            return _title_in_opening(unit, expected, fill)
        missing = before or after
        at = d1 if before else d2
        return _missing_or_changed(unit, missing, doc, at, at, punctuation_only(missing))
    removed = [t.key for t in expected]
    added = [t.key for t in doc[d1:d2]]
    if removed == added:
        return None
    kind = _classify(removed, added, doc[d1:d2], company)
    return _missing_or_changed(unit, expected, doc, d1, d2, kind == "punctuation", kind)


def punctuation_only(tokens: Sequence[FormToken]) -> bool:
    return all(not t.text[:1].isalnum() for t in tokens)


def _classify(removed: list[str], added: list[str], written: Sequence[Token], company: str | None) -> str:
    changed = [k for k in removed if k not in added] + [k for k in added if k not in removed]
    if all(not k[:1].isalnum() or k in _ARTICLES for k in changed):
        return "punctuation"
    if len(removed) == 1 and len(added) == 1 and removed[0] in _OFFICER and added[0] in _OFFICER:
        return "variant"
    if removed and added and set(removed) <= _REGISTRANT and (
            set(added) <= _REGISTRANT or _names_registrant(written, company)):
        return "substitution"
    return "wording"


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


def _title_in_opening(unit: Unit, expected: Sequence[FormToken], fill: Sequence[Token]) -> Deviation | None:
    if unit.label != "opening" or not fill:
        return None
    names = [t for t in expected if t.placeholder == "certifier"]
    if not names or not any(t.key in _TITLE_WORDS for t in fill):
        return None
    text = join_tokens([t.text for t in fill])
    return Deviation("substitution", unit.where, f"title in the opening line: 'I, {_clip(text)}': "
                     "the form names the certifying individual only", fill[0].start, fill[-1].end)


def _missing_or_changed(unit: Unit, expected: Sequence[FormToken], doc: list[Token], d1: int, d2: int,
                        minor: bool, kind: str | None = None) -> Deviation:
    kind = kind or ("punctuation" if minor else "wording")
    exp_words = [t.text for t in expected if t.placeholder is None]
    found = doc[d1:d2]
    cost = max(len(exp_words), len(found))
    if found and exp_words:
        what = f"expected '{_clip(join_tokens(exp_words))}', found '{_clip(_text(found))}'"
        return Deviation(kind, unit.where, what, found[0].start, found[-1].end, cost)
    short = len(exp_words) + len(found) <= 2 or minor
    before = doc[d1 - 1] if d1 > 0 else None
    after = doc[d2] if d2 < len(doc) else None
    if not found:  # something of the form is missing here
        place = after or before
        if short:
            context = [t.text for t in (before,) if t] + exp_words + [t.text for t in (after,) if t]
            written = [t for t in (before, after) if t]
            what = f"expected '{join_tokens(context)}', found '{_text(written)}'"
        else:
            what = f"missing '{_clip(join_tokens(exp_words), 160)}'"
        start = place.start if place else -1
        return Deviation(kind, unit.where, what, start, place.end if place else -1, cost)
    if short:
        context_before = [before] if before else []
        context_after = [after] if after else []
        expected_text = join_tokens([t.text for t in context_before + context_after])
        what = f"expected '{expected_text}', found '{_text(context_before + found + context_after)}'"
    else:
        what = f"added '{_clip(_text(found))}'"
    return Deviation(kind, unit.where, what, found[0].start, found[-1].end, cost)


def _case_and_spacing(unit: Unit, form: list[FormToken], doc: list[Token], ops: object) -> list[Deviation]:
    found = []
    for op in ops:  # type: ignore[attr-defined]
        if op.tag != "equal":
            continue
        for k in range(op.src_end - op.src_start):
            ftok, dtok = form[op.src_start + k], doc[op.dest_start + k]
            index = op.dest_start + k
            if (dtok.is_word and not dtok.spaced and index > 0 and unit.label != "opening"
                    and doc[index - 1].text in ",;:)"):
                first = index - 2 if index > 1 and not doc[index - 1].spaced else index - 1
                glued = "".join(t.text for t in doc[first : index + 1])
                found.append(Deviation("punctuation", unit.where, f"missing space: '{glued}'",
                                       doc[index - 1].start, dtok.end))
            elif dtok.text != ftok.text and dtok.is_word and not _sentence_start(form, op.src_start + k):
                what = f"capitalisation: expected '{ftok.text}', found '{dtok.text}'"
                found.append(Deviation("variant", unit.where, what, dtok.start, dtok.end, 0))
    return found


def _sentence_start(form: list[FormToken], index: int) -> bool:
    return index == 0 or form[index - 1].text in (".", ":")


def _unmatched(result: Analysis, units: Sequence[Unit], doc: Sequence[DocUnit],
               pairs: list[tuple[int, int]], matched_f: set[int], matched_d: set[int],
               others: Sequence[Version]) -> None:
    missing = [f for f in range(len(units)) if f not in matched_f and units[f].optional is False
               and not (f == 0 and units[f].label == "opening")]
    last = max(matched_d, default=-1)
    # An unmarked paragraph after the last one of the form is the signature's (a name, a title).
    extra = [d for d in range(len(doc)) if d not in matched_d and doc[d].marker != "opening"
             and not (d > last and doc[d].marker is None)]
    moved: set[int] = set()
    for d in extra:
        written = doc[d]
        label = written.label
        mover = _most_similar([f for f in missing if f not in moved], units, written)
        if mover is not None:
            moved.add(mover)
            after = doc[d - 1].label if d > 0 and doc[d - 1].marker != "opening" else "the opening"
            _add(result, "structure", units[mover].where,
                 f"out of order: found after {after}", written.first, cost=len(units[mover].tokens))
            continue
        twin = _most_similar(sorted(matched_f), units, written)
        if twin is not None:
            what = "repeated" if label == units[twin].where else f"repeats {units[twin].where}"
            _add(result, "structure", label, what, written.first, cost=len(written.tokens))
            continue
        if not written.tokens and written.marker is None:
            continue
        origin = _other_version(written, others)
        nearest = _replaced(missing, moved, pairs, d)
        if nearest is not None:
            moved.add(nearest)
            unit = units[nearest]
            what = f"replaced by '{_clip(_text(written.tokens))}'{origin}; the form says '{unit.excerpt()}'"
            _add(result, "wording", unit.where, what, written.first, cost=len(unit.tokens))
            continue
        _add(result, "structure", label, f"not in the form: '{_clip(_text(written.tokens))}'{origin}",
             written.first, cost=len(written.tokens))
    runs: list[list[int]] = []
    for f in missing:
        if f in moved:
            continue
        if runs and runs[-1][-1] == f - 1:
            runs[-1].append(f)
        else:
            runs.append([f])
    for run in runs:  # consecutive missing paragraphs are missing from one place: one deviation
        place = _next_written(pairs, run[0], doc)
        cost = sum(len(units[f].tokens) for f in run)
        if len(run) == 1:
            what = f"missing: '{units[run[0]].excerpt()}'"
            _add(result, "structure", units[run[0]].where, what, place, cost=cost)
        else:
            labels = ", ".join(units[f].label for f in run)
            _add(result, "structure", f"paragraphs {labels}", "missing", place, cost=cost)


def _most_similar(candidates: list[int], units: Sequence[Unit], written: DocUnit) -> int | None:
    scored = [(similarity(units[f], written.keys), f) for f in candidates]
    best = max(scored, default=(0.0, -1))
    return best[1] if best[0] >= MATCH_THRESHOLD else None


def _other_version(written: DocUnit, others: Sequence[Version]) -> str:
    for version in others:
        for unit in version.units:
            if similarity(unit, written.keys) >= 0.8:
                return f" (the {version.label}'s {unit.where})"
    return ""


def _replaced(missing: list[int], moved: set[int], pairs: list[tuple[int, int]], d: int) -> int | None:
    """A missing form unit in the same gap of the matching as written unit `d`."""
    before = max((f for f, dd in pairs if dd < d), default=-1)
    after = min((f for f, dd in pairs if dd > d), default=10**6)
    return next((f for f in missing if f not in moved and before < f < after), None)


def _next_written(pairs: list[tuple[int, int]], f: int, doc: Sequence[DocUnit]) -> Token | None:
    following = [d for ff, d in pairs if ff > f]
    if following:
        return doc[min(following)].first
    preceding = [d for ff, d in pairs if ff < f]
    if preceding:
        last = doc[max(preceding)]
        return last.tokens[-1] if last.tokens else last.first
    return doc[0].first if doc else None


def _lettering(result: Analysis, units: Sequence[Unit], doc: Sequence[DocUnit],
               pairs: list[tuple[int, int]]) -> None:
    form_of = {d: f for f, d in pairs}
    previous_number, previous_letter = "", ""
    for d, written in enumerate(doc):
        label = written.marker
        if not label or label == "opening":
            continue
        if label.isdigit():
            expected = str(int(previous_number) + 1) if previous_number else "1"
            previous_number, previous_letter = label, ""
        else:
            expected = chr(ord(previous_letter) + 1) if previous_letter else "a"
            previous_letter = label
        f = form_of.get(d)
        if label == expected or f is None or units[f].marker == label:
            continue
        shown = f"({label})" if label.isalpha() else f"{label}."
        want = f"({expected})" if expected.isalpha() else f"{expected}."
        _add(result, "structure", units[f].where, f"marked {shown} where {want} is expected",
             written.first)


def _merge_repeats(deviations: list[Deviation]) -> list[Deviation]:
    """The same change made several times in one certification is one deviation."""
    seen: dict[tuple[str, str], int] = {}
    merged: list[Deviation] = []
    for deviation in deviations:
        key = (deviation.kind, deviation.what)
        if key in seen and deviation.kind != "structure":
            first = merged[seen[key]]
            merged[seen[key]] = Deviation(first.kind, first.where, first.what, first.start, first.end,
                                          first.cost, first.count + 1)
            continue
        seen[key] = len(merged)
        merged.append(deviation)
    return merged


def _text(tokens: Sequence[Token]) -> str:
    return join_tokens([t.text for t in tokens])


def _clip(text: str, limit: int = 100) -> str:
    """Long quotes are cut at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 4)
    return text[: cut if cut > 0 else limit - 4].rstrip(" ,;") + " ..."
