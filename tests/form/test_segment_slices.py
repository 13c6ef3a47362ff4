"""`segment._cut` adds the tokens between possible unit starts as slices: it cuts generated
certifications into the units the token-by-token loop it replaced gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.analysis.form import segment
from certlint.analysis.form.segment import _MARKER_STARTS, _ROMAN, Certification, DocUnit
from certlint.analysis.form.tokens import Token, tokenize


def _old_cut(tokens: list[Token], opening_end: int | None) -> Certification:
    cert = Certification()
    position = 0
    if opening_end is not None:
        cert.units.append(DocUnit("opening", tokens[:opening_end], tokens[0]))
        position = opening_end
    tail = position + segment._tail_start(tokens[position:])
    body, cert.tail = tokens[:tail], tokens[tail:]
    current: DocUnit | None = None
    number = ""
    i = position
    while i < tail:
        token = body[i]
        marker = segment._marker_at(body, position, i) if token.key in _MARKER_STARTS else None
        if marker is not None:
            label, length = marker
            if label.isdigit():
                number = label
            elif length == 1 and token.key[:1].isdigit():
                number = token.key[0]
            current = DocUnit(_ROMAN.get(label, label), [], token, number)
            cert.units.append(current)
            i += length
            continue
        if current is None or (token.line_start and segment._ends_paragraph(current.tokens)):
            current = DocUnit(None, [], token, number)
            cert.units.append(current)
        current.tokens.append(token)
        i += 1
    for unit in cert.units:
        unit.keys = tuple([t.key for t in unit.tokens])
    return cert


_PIECES = ["I", "have", "reviewed", "this", "report", "1.", "2.", "(a)", "b)", "4(c)", "(ii)", "•", ";",
           ":", ".", "and", "or", "no", "a", "c", "Date", ":", "/s/", "Jo", "May", "5", ",", "(", ")"]
_SPACES = ["", " ", "\n", "\n\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SPACES), st.sampled_from(_PIECES)), min_size=1, max_size=40),
       st.integers(0, 6), st.booleans())
def test_it_cuts_what_the_token_by_token_loop_cuts(parts: list[tuple[str, str]], opening: int,
                                                   with_opening: bool) -> None:
    tokens = tokenize("".join(space + piece for space, piece in parts))
    if not tokens:
        return
    end = min(opening, len(tokens)) or 1 if with_opening else None
    assert segment._cut(tokens, end) == _old_cut(tokens, end)
