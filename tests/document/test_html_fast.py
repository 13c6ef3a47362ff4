"""The HTML reader's fused loop (html_fast) against the path it replaced: the prose events fed by
the scanner's events, into the builder as it was before its fast paths (tests/document/
reference_prose.py). Same text, blocks, breaks and offset markers, on every corpus and fixture
HTML file and on generated markup."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.document.prose import Prose, ProseBuilder
from certlint.document.readers import html_fast, html_tokens
from certlint.document.readers.html import html_prose
from certlint.document.readers.html_events import _LIST_MARKER, ProseEvents
from certlint.document.readers.html_fast import _MARKER_LENGTH
from tests.conftest import FIXTURES, SHARED
from tests.document.reference_prose import ReferenceBuilder
from tests.document.test_html_tokens import _CLEAN_PIECES, _PIECES

CORPORA = [SHARED / "corpus" / "real", SHARED / "corpus" / "real2"]


def _reference(source: str, start: int = 0, end: int | None = None) -> Prose:
    """The prose as the scanner's events and the old builder made it (HTMLParser's events where
    the scanner declines)."""
    end = len(source) if end is None else end
    events = ProseEvents(source)
    events.builder = cast(ProseBuilder, ReferenceBuilder())  # the same methods, the old bodies
    if not (html_tokens.scanner_agrees() and html_tokens.scan(source[start:end], start, events)):
        events = ProseEvents(source)
        events.builder = cast(ProseBuilder, ReferenceBuilder())
        html_tokens.parse(source, start, end, events)
    return events.builder.build()


def _assert_same(source: str) -> None:
    try:
        reference = _reference(source)
    except AssertionError:  # html.parser gives up on some "<![" sections: the reader does too
        with pytest.raises(AssertionError):
            html_prose(source)
        return
    prose = html_prose(source)
    assert (prose.text, prose.blocks, prose.breaks) == (reference.text, reference.blocks, reference.breaks)
    assert (prose._marks_prose, prose._marks_source) == (reference._marks_prose, reference._marks_source)


def _html_files(*roots: Path) -> list[Path]:
    return sorted(p for root in roots for p in root.rglob("*")
                  if p.suffix.lower() in (".htm", ".html", ".xhtml"))


def test_corpus_html_reads_as_before() -> None:
    roots = [root for root in CORPORA if root.is_dir()]
    if not roots:
        pytest.skip(f"the shared corpora are not beside this checkout ({SHARED / 'corpus'})")
    files = _html_files(*roots)
    assert len(files) >= 60
    for path in files:
        _assert_same(path.read_text(encoding="utf-8", errors="replace"))


def test_fixture_html_reads_as_before() -> None:
    files = _html_files(FIXTURES)
    assert len(files) >= 20
    for path in files:
        _assert_same(path.read_text(encoding="utf-8", errors="replace"))


def test_a_region_of_a_larger_file_reads_as_before() -> None:
    source = "<TEXT>\n<html><p>One &amp; <b>two</b> <style>p{}</style></p></html>\n</TEXT>"
    start, end = source.index("<html>"), source.index("\n</TEXT>")
    assert html_prose(source, start, end) == _reference(source, start, end)
    assert html_prose(source, start, end).text == "One & two\n"


@pytest.mark.parametrize("source", [
    "<p>1.</p><p>Text</p>", "<td>(a)</td><td>the report</td>", "<ol start=3><li>x<li>y</ol>",
    "<pre>a\n\n b</pre>c", "<div style='display:none'>x<img></div>y", "<br/>a<br clear=all/>b",
    "<head><title>t</title><body>x", "<font style='padding-left:3pt'>a</font><b>b</b>",
    "<font style='margin-right:1pt'><b>a</font>b", "<p>a<b>b</p>c</b>d", "A&nbsp-x &#65xyz; AT&T",
    "<script>a</script>b<style>c</style>d", "<h2>Head</h2><td>cell</td>", "</p>stray</td>",
    "x<span style=\"display:none\"/>y", "<p>Sarbanes-<br>Oxley</p>", "<P><FONT SIZE=2>a\nb</FONT></P>",
    "a < b <p>c</p>", "<p title='a>b'>c</p>d", "<!-- a > b -->c<p>d", "x&#160<p>y&nbsp", "&nbsp;<b>&amp;</b>",
    "<title>AT&#;T</title>x", "<head><title>a&amp;b</title></head>c", "<p>a&b<c</p>", "<3 >x<p>y",
    "<p>&nbsp;&#146;s &T; &#65xyz;</p>", "<DIV>x</DIV><!x>y<?p q?>z<![if !x]>w<![endif]>",
])
def test_edge_markup_reads_as_before(source: str) -> None:
    _assert_same(source)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECES, max_size=25))
def test_generated_markup_reads_as_before(pieces: list[str]) -> None:
    _assert_same("".join(pieces))


@settings(max_examples=1000, deadline=None)
@given(st.lists(_CLEAN_PIECES, max_size=40))
def test_generated_well_formed_markup_reads_as_before(pieces: list[str]) -> None:
    _assert_same("".join(pieces))


@settings(max_examples=1000, deadline=None)
@given(st.text(st.sampled_from("ivxIVXab12().\u2022 "), max_size=9))
def test_no_list_marker_is_longer_than_the_bound(text: str) -> None:
    """A block whose last piece is longer than `_MARKER_LENGTH` skips the marker check."""
    if _LIST_MARKER.fullmatch(text):
        assert len(text) <= _MARKER_LENGTH
    assert _LIST_MARKER.fullmatch("(viii)") and len("(viii)") == _MARKER_LENGTH


def test_the_corpus_is_read_without_the_scanner(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast path is not a way of handing everything to the scanner: real exhibits (no `<style>`,
    no "<" in their text) are read by the split alone."""
    roots = [root for root in CORPORA if root.is_dir()]
    if not roots:
        pytest.skip(f"the shared corpora are not beside this checkout ({SHARED / 'corpus'})")
    handed_over: list[int] = []

    def scan(text: str, base: int, events: html_tokens.Events) -> bool:
        handed_over.append(base)
        return True

    monkeypatch.setattr(html_fast, "scan", scan)
    files = _html_files(*roots)
    for path in files:
        source = path.read_text(encoding="utf-8", errors="replace")
        assert html_fast.FastProse(source).scan(0, len(source))
    assert len(handed_over) <= len(files) // 10


_ENTITY_TEXT = st.lists(st.sampled_from([
    "&nbsp;", "&#146;", "&#160;", "&amp;", "&#x41;", "&#65xyz;", "&#x41g", "&1;", "&T;", "&a-b;",
    "&a.b;", "AT&T", "&", "& ", "&#", "&#;", "&nbsp", "word", "s", " ", "\n", "\xa0", "1.", "-",
]), max_size=12).map("".join)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(_ENTITY_TEXT, st.sampled_from(["<p>", "</p>", "<b>", "</b>", "<title>",
                                                         "</title>", "<td>", "<br>"])), max_size=8))
def test_text_with_entities_reads_as_before(pieces: list[str]) -> None:
    """Text pieces split at their entities: whole ones in one step, anything else ("AT&T",
    `&#65xyz;`, `&1;`) by the scanner's tokens from there, inside hidden content too."""
    _assert_same("".join(pieces))


def test_the_tables_stay_bounded() -> None:
    """A run reads many distinct documents: the tags and entities kept stay few and short."""
    html_prose("".join(f"<p class=c{n}>x</p>" for n in range(html_fast._TABLE_LIMIT + 10)))
    assert 0 < len(html_fast._TAGS) <= html_fast._TABLE_LIMIT
    long_tag = f"<p title='{'x' * html_fast._KEY_LIMIT}'>"
    assert html_prose(long_tag + "y</p>").text == "y\n"
    assert long_tag not in html_fast._TAGS
