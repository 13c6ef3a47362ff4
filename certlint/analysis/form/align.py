"""Aligns a certification to a version of the form and lists its deviations.

Two levels: units (paragraphs) are matched to the form's units by word overlap, in order (so a
missing, added, moved or duplicated paragraph is one deviation), then the words of each matched
pair are compared (`words`). The same change repeated in one certification is reported once,
with a count.
"""

from __future__ import annotations

from collections.abc import Sequence

from msgspec import Struct, field

from certlint.analysis.form.compare import Comparisons, comparisons
from certlint.analysis.form.spec import Unit, Version
from certlint.analysis.form.tokens import Token, join_tokens, quote
from certlint.analysis.form.words import Deviation, WordAlignment, clip, similarity, text_of
from certlint.analysis.form.written import Certification, DocUnit

MATCH_THRESHOLD = 0.5
#: Paragraphs in the form's order that all match this well need no search.
SURE_MATCH = 0.8
#: Paragraphs an amendment may leave out whole.
_AMENDMENT_OMISSIBLE = ("3", "4", "5")
#: A paragraph that only says it is left out: "[Omitted]", "(b) Intentionally omitted.", "Reserved",
#: "[Paragraph omitted in accordance with SEC Release 33-8238]" (the transition period's note).
_OMISSION_WORDS = frozenset({"omitted", "intentionally", "reserved", "not", "applicable", "paragraph",
                             "[", "]", "(", ")", ".", ";", ":", ",", "and", "-", "n/a", "in",
                             "accordance", "with", "pursuant", "to", "as", "permitted", "by", "under",
                             "the", "sec", "securities", "exchange", "commission", "release",
                             "releases", "no", "nos", "33-8238", "34-47986", "rule", "rules",
                             "13a-14(a)", "15d-14(a)", "of", "section", "302"})


class Analysis(Struct):
    """The deviations from one version, and their total weight (to choose between versions)."""

    version: Version
    deviations: list[Deviation] = field(default_factory=list)
    cost: int = 0
    #: The word alignment of each matched pair of paragraphs, in the form's order: what the
    #: deviations were read from (a redline shows it).
    alignment: list[WordAlignment] = field(default_factory=list)
    #: Form units an amendment leaves out whole, as it may (indexes into the version's units).
    excused: set[int] = field(default_factory=set)


def analyse(cert: Certification, version: Version, others: Sequence[Version] = (),
            company: str | None = None, amendment: bool = False) -> Analysis:
    """The deviations of one certification from one version of the form.

    For an amendment (10-K/A, 10-Q/A) paragraphs 3, 4 and 5 may be left out whole: staff
    practice for amendments without financial statements or controls disclosure.
    """
    result = Analysis(version)
    memo = comparisons(cert)
    # Paragraphs far beyond the form's length are the rest of a larger document, not the form's.
    units, doc = version.units, cert.units[: 3 * len(version.units)]
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
    pairs.extend(_match_units(memo, units, doc, f0, d0))
    matched_f = {f for f, _ in pairs}
    matched_d = {d for _, d in pairs}
    for f, d in pairs:
        aligned, deviations = memo.words(units[f], doc[d], company)
        result.alignment.append(aligned)
        for deviation in deviations:
            result.deviations.append(deviation)
            result.cost += deviation.cost
    if amendment:
        for number in _AMENDMENT_OMISSIBLE:
            whole = [f for f, unit in enumerate(units) if unit.label.split("(")[0] == number]
            if whole and not matched_f.intersection(whole):
                matched_f.update(whole)  # left out whole: allowed
                result.excused.update(whole)
    _unmatched(memo, result, version, doc, pairs, matched_f, matched_d, others)
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


def _match_units(memo: Comparisons, units: tuple[Unit, ...], doc: Sequence[DocUnit], f0: int,
                 d0: int) -> list[tuple[int, int]]:
    """Order-keeping matching of form units to written units that maximises total similarity."""
    return memo.matching(units, doc, f0, d0, lambda codes: _matching(units, codes, f0, d0))


def _matching(units: Sequence[Unit], codes: Sequence[str], f0: int, d0: int) -> list[tuple[int, int]]:
    n, m = len(units) - f0, len(codes)
    # The usual case: paragraph for paragraph, each close to its unit.
    if n == m and all(similarity(units[f0 + i], codes[i]) >= SURE_MATCH for i in range(n)):
        return [(f0 + i, d0 + i) for i in range(n)]
    score = [[similarity(units[f0 + i], codes[j]) for j in range(m)] for i in range(n)]
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


def _unmatched(memo: Comparisons, result: Analysis, version: Version, doc: Sequence[DocUnit],
               pairs: list[tuple[int, int]], matched_f: set[int], matched_d: set[int],
               others: Sequence[Version]) -> None:
    units = version.units
    missing = [f for f in range(len(units)) if f not in matched_f and units[f].optional is False
               and not (f == 0 and units[f].label == "opening")]
    last = max(matched_d, default=-1)
    # After the form's last paragraph: one more numbered paragraph is an added one (a 2002
    # paragraph 6); the rest is the signature block or the text that follows the certification.
    extra = [d for d in range(len(doc)) if d not in matched_d and doc[d].marker != "opening"
             and (d <= last or (d == last + 1 and doc[d].marker)) and not _omission_note(doc[d])]
    moved: set[int] = set()
    for d in extra:
        written = doc[d]
        label = written.label
        mover = _most_similar(memo, [f for f in missing if f not in moved], units, written)
        if mover is not None:
            moved.add(mover)
            after = doc[d - 1].label if d > 0 and doc[d - 1].marker != "opening" else "the opening"
            _add(result, "structure", units[mover].where,
                 f"out of order: found after {after}", written.first, cost=len(units[mover].tokens))
            continue
        twin = _most_similar(memo, sorted(matched_f), units, written)
        if twin is not None:
            what = "repeated" if label == units[twin].where else f"repeats {units[twin].where}"
            _add(result, "structure", label, what, written.first, cost=len(written))
            continue
        if not len(written) and written.marker is None:
            continue
        origin = _other_version(memo, written, others)
        nearest = _replaced(missing, moved, pairs, d)
        if nearest is not None:
            moved.add(nearest)
            unit = units[nearest]
            what = (f"replaced by {quote(clip(join_tokens(written.texts)))}{origin}; "
                    f"the form says {quote(unit.excerpt())}")
            _add(result, "wording", unit.where, what, written.first, cost=len(unit.tokens))
            continue
        shown = quote(clip(join_tokens(written.texts))) if len(written) else "a marker without text"
        _add(result, "structure", label, f"not in the form: {shown}{origin}",
             written.first, cost=len(written))
    _added_after(memo, result, version, doc, pairs, last)
    runs: list[list[int]] = []
    for f in missing:
        if f in moved:
            continue
        if runs and all(units[g].optional and g not in matched_f for g in range(runs[-1][-1] + 1, f)):
            runs[-1].append(f)
        else:
            runs.append([f])
    for run in runs:  # consecutive missing paragraphs are missing from one place: one deviation
        place = _next_written(pairs, run[0], doc)
        cost = sum(_missing_cost(units[f]) for f in run)
        if len(run) == 1:
            what = f"missing: {quote(units[run[0]].excerpt())}"
            _add(result, "structure", units[run[0]].where, what, place, cost=cost)
        else:
            labels = ", ".join(units[f].label for f in run)
            _add(result, "structure", f"paragraphs {labels}", "missing", place, cost=cost)


def _added_after(memo: Comparisons, result: Analysis, version: Version, doc: Sequence[DocUnit],
                 pairs: list[tuple[int, int]], last: int) -> None:
    """Text between the form's last paragraph and the signature block ("This certification is
    furnished, not filed.", a reliance sentence) is not the form's: one added passage."""
    units = version.units
    if last < 0 or not any(d == last and f == len(units) - 1 for f, d in pairs):
        return
    added = [u for u in doc[last + 1 :] if u.marker is None and len(u) and not _omission_note(u)
             and not any(memo.similarity(allowed, u) >= SURE_MATCH for allowed in version.after)]
    # A signature block without labels (a name, a title, a date) is written in capitals; a
    # sentence has lower-case words (a word starting a-z), counted before any token is made.
    if sum(1 for u in added for text in u.texts if "a" <= text[:1] <= "z") < 4:
        return
    words = [t for u in added for t in u.tokens]
    what = f"text added after the form's last paragraph: {quote(clip(text_of(words)))}"
    _add(result, "structure", units[-1].where, what, words[0], words[-1], cost=len(words))


def _missing_cost(unit: Unit) -> int:
    """What a missing paragraph weighs when versions are compared: less than its words, so that
    a version is chosen by what the certification says rather than by what it leaves out."""
    return max(3, len(unit.tokens) // 4)


def _omission_note(written: DocUnit) -> bool:
    # A marker the segmenter left in the words ("(b) [Paragraph omitted ...]") is no word of its own.
    keys = {k for k in written.keys if not (len(k) == 1 and k.isalnum())}
    return bool(keys) and keys <= _OMISSION_WORDS and bool(keys & {"omitted", "reserved", "applicable"})


def _most_similar(memo: Comparisons, candidates: list[int], units: Sequence[Unit],
                  written: DocUnit) -> int | None:
    scored = [(memo.similarity(units[f], written), f) for f in candidates]
    best = max(scored, default=(0.0, -1))
    return best[1] if best[0] >= MATCH_THRESHOLD else None


def _other_version(memo: Comparisons, written: DocUnit, others: Sequence[Version]) -> str:
    for version in others:
        for unit in version.units:
            if memo.similarity(unit, written) >= 0.8:
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
        return last.last
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
        # "the Company" for "the registrant" and "the Company's" for "the registrant's" are one
        # substitution, as are capitalised "Registrant" and "Registrant's".
        what = deviation.what.replace("'s'", "'") if deviation.kind in ("substitution", "variant") \
            else deviation.what
        key = (deviation.kind, what)
        if key in seen and deviation.kind != "structure":
            first = merged[seen[key]]
            merged[seen[key]] = Deviation(first.kind, first.where, first.what, first.start, first.end,
                                          first.cost, first.count + 1)
            continue
        seen[key] = len(merged)
        merged.append(deviation)
    return merged
