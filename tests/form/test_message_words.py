"""Messages show words: never a markup fragment, an entity, an empty or an unbalanced quote.

A certification (a 302 of each prescribed form, a 906) is rendered as HTML the way filing
software writes it: entities for apostrophes and spaces, tags inside words, empty spans,
line breaks; then a word dropped, changed or added. Whatever the form, 906 and citation rules
then say, their messages must read as words."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.api import lint_text
from tests.form.test_other_forms import SIGNED, render

SOX906 = (
    "CERTIFICATION PURSUANT TO 18 U.S.C. SECTION 1350, AS ADOPTED PURSUANT TO SECTION 906 OF THE "
    "SARBANES-OXLEY ACT OF 2002\n\n"
    "In connection with the Annual Report of Example Corp. (the \"Company\") on Form 10-K for the fiscal "
    "year ended December 31, 2024 (the \"Report\"), I, Jane Doe, certify, pursuant to 18 U.S.C. Section "
    "1350, as adopted pursuant to Section 906 of the Sarbanes-Oxley Act of 2002, that, to my knowledge:\n\n"
    "(1) The Report fully complies with the requirements of Section 13(a) or 15(d) of the Securities "
    "Exchange Act of 1934; and\n\n"
    "(2) The information contained in the Report fairly presents, in all material respects, the "
    "financial condition and results of operations of the Company.\n\n"
    "Date: February 20, 2025\n\n/s/ Jane Doe\nJane Doe\nChief Executive Officer\n")

#: How filing software writes a space, an apostrophe, a quote and an ampersand.
SPACES = [" ", "&nbsp;", "&#160;", " &nbsp;", "&#xa0;", "<span> </span>", " <br/>"]
APOSTROPHES = ["'", "&#8217;", "&rsquo;", "&#39;", "\u2019"]
QUOTES = ['"', "&#8220;", "&ldquo;", "&quot;", "\u201c"]
WRAPS = ["{}", "<b>{}</b>", "<span style=\"font-family:Times\">{}</span>", "<font size=\"2\">{}</font>"]

_WORD = re.compile(r"[A-Za-z0-9()'-]+|[^\sA-Za-z0-9]")


def texts() -> st.SearchStrategy[str]:
    """A 302 of any version (with its signature block) or a 906, as plain text."""
    return st.one_of(st.sampled_from(sorted(SIGNED)).flatmap(
        lambda name: st.integers(60, 160).map(lambda width: render(name, width))), st.just(SOX906))


@st.composite
def defective_html(draw: st.DrawFn) -> str:
    text = draw(texts())
    words = _WORD.findall(text.replace("\n\n", " \x00 "))
    # One defect: a word dropped, changed or added (or none: a clean rendering).
    if words:
        at = draw(st.integers(0, len(words) - 1))
        edit = draw(st.sampled_from(["none", "drop", "change", "add"]))
        junk = draw(st.sampled_from(["financcial", "hereby", "&nbsp;", "<i>not</i>", "''", "'"]))
        if edit == "drop" and words[at] != "\x00":
            del words[at]
        elif edit == "change" and words[at] != "\x00":
            words[at] = junk
        elif edit == "add":
            words.insert(at, junk)
    # The rendering's many small choices come from one seeded generator: few draws, a small
    # base example, and still every combination over the runs.
    rnd = random.Random(draw(st.integers(0, 2**32)))
    html_words = []
    for word in words:
        if word == "\x00":
            html_words.append("</p>\n<p>")
            continue
        markup = word == "&nbsp;" or word.startswith("<")
        if not markup:
            word = word.replace("&", "&amp;")
        cut = rnd.randrange(1, len(word)) if len(word) > 3 and not markup and rnd.randrange(10) == 0 else 0
        # A tag inside the word (never inside an entity: filing software splits text, not markup).
        pieces = [word[:cut], word[cut:]] if cut else [word]
        pieces = [p.replace("'", rnd.choice(APOSTROPHES)).replace('"', rnd.choice(QUOTES)) if not markup else p
                  for p in pieces]
        word = f"<span>{pieces[0]}</span>{pieces[1]}" if cut else pieces[0]
        html_words.append(rnd.choice(WRAPS).format(word))
    body = "".join(w + ("" if w.endswith("<p>") else rnd.choice(SPACES)) for w in html_words)
    return f"<html><body><p>{body}</p></body></html>"


def problems(message: str) -> list[str]:
    """What in a message is not words: markup, an entity, an empty or a lone quote."""
    found = [c for c in "&<>" if c in message]
    if "''" in message:
        found.append("''")
    # Quotes delimit what the message cites; an apostrophe inside a word is not one.
    delimiters = re.sub(r"(?<=\w)'(?=\w)", "", message).count("'")
    if delimiters % 2:
        found.append("lone quote")
    return found


@settings(max_examples=150, deadline=None)
@given(document=defective_html())
def test_messages_read_as_words(document: str) -> None:
    for d in lint_text(document, "ex.htm", isolated=True):
        if d.code.startswith(("CL1", "CL2", "CL8")):
            assert problems(d.message) == [], (d.code, d.message)


def test_the_check_sees_markup_and_empty_quotes() -> None:
    assert problems("paragraph 2: added '& n bsp;' (current form)") == ["&"]
    assert problems("paragraph 4: not in the form: '' (current form)") == ["''"]
    assert problems("paragraph 1: expected 'the registrant's', found 'the Company's' (current form)") == []
    assert problems("paragraph 1: expected 'of, found 'for' (current form)") == ["lone quote"]
