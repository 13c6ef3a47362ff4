"""The HTML scanner against HTMLParser: same events (or a declined document), same prose."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.document.readers import html_tokens
from certlint.document.readers.html import html_prose
from tests.conftest import FIXTURES, SHARED

CORPORA = [SHARED / "corpus" / "real", SHARED / "corpus" / "real2"]
HTML_SUFFIXES = (".htm", ".html", ".xhtml")


def _html_files(*roots: Path) -> list[Path]:
    return sorted(p for root in roots for p in root.rglob("*") if p.suffix.lower() in HTML_SUFFIXES)


def assert_same(source: str) -> bool:
    """The scanner's events and prose are HTMLParser's, or it declined; True if it read it."""
    fast = html_tokens.events_of(source, fast=True)
    try:
        reference = html_tokens.events_of(source, fast=False)
    except AssertionError:  # html.parser gives up on some "<![" sections: the reader does too
        assert fast is None
        with pytest.raises(AssertionError):
            html_prose(source)
        return False
    if fast is not None:
        assert fast == reference
    assert html_prose(source) == html_prose(source, fast=False)
    return fast is not None


def test_this_python_agrees_with_the_scanner() -> None:
    """Else every document silently takes the slow path (a new Python changed html.parser)."""
    assert html_tokens.scanner_agrees()


def test_corpus_html_is_scanned_as_htmlparser_reads_it() -> None:
    roots = [root for root in CORPORA if root.is_dir()]
    if not roots:
        pytest.skip(f"the shared corpora are not beside this checkout ({SHARED / 'corpus'})")
    files = _html_files(*roots)
    scanned = [assert_same(path.read_text(encoding="utf-8", errors="replace")) for path in files]
    assert len(files) >= 60
    assert all(scanned)  # the real exhibits hold no markup the scanner declines


def test_fixture_html_is_scanned_as_htmlparser_reads_it() -> None:
    files = _html_files(FIXTURES)
    assert len(files) >= 20
    for path in files:
        assert_same(path.read_text(encoding="utf-8", errors="replace"))


def test_a_region_of_a_larger_file() -> None:
    """A submission's exhibit: offsets are into the whole file."""
    source = "<TEXT>\n<html><p>One &amp; <b>two</b></p></html>\n</TEXT>"
    start, end = source.index("<html>"), source.index("\n</TEXT>")
    assert html_prose(source, start, end) == html_prose(source, start, end, fast=False)
    assert html_prose(source, start, end).text == "One & two\n"


@pytest.mark.parametrize("source", [
    '<p class="unterminated>text</p>', "<p>an entity cut off at the end &amp", "<!-- open comment",
    "</ p>", "<p a='b'c='d'>x</p>", "<![foo[x]]>", "&#12ab;", "<script>no end", "<p a= >x</p>",
    "<p\xa0class=x>y</p>", "</p junk>x", "<a href=x'y>z</a>", "x&#65",
])
def test_declined_markup_is_read_by_htmlparser(source: str) -> None:
    assert html_tokens.events_of(source, fast=True) is None
    assert not assert_same(source)


@pytest.mark.parametrize("source", [
    "<br clear=all/>x", "<img src=a/b.png/>y", '<img src="a.png"/>z', "<P CLASS=X STYLE='a:b'>t</P>",
    "<input checked/>", "a < b & c", "<", "&", "x&#65 ", "AT&T;", "&nbsp\n", "<?xml x?>", "<!x>y",
    "<style>a</ style></STYLE >b", "<![CDATA[<p>]]>t", "<!--->x-->y", "<p title='a>b'>c</p>",
])
def test_edge_markup_the_scanner_takes(source: str) -> None:
    assert assert_same(source)


_NAMES = st.sampled_from(["p", "P", "div", "font", "b", "br", "td", "tr", "table", "li", "ol", "ul",
                          "span", "h1", "pre", "head", "body", "title", "style", "script", "ix:header",
                          "img", "hr", "dt", "dd", "x-y", "a1"])
_VALUES = st.sampled_from(['"a"', "'b c'", "x", '""', "''", "a/b", "a/", '"a>b"', "'&amp;'",
                           '"display:none"', "'padding-left:4pt'", "3", "i", '"x&#65;y"', "a=b",
                           "'", '"', "`x`", "x<y"])
_SPACE = st.sampled_from([" ", "  ", "\n", "\t", "\r\n", "\f", "\xa0", "", "/"])


@st.composite
def _tags(draw: st.DrawFn) -> str:
    name = draw(_NAMES)
    attrs = ""
    for _ in range(draw(st.integers(0, 3))):
        attr = draw(st.sampled_from(["style", "STYLE", "class", "start", "type", "id", "data-x", "_a:b"]))
        if draw(st.booleans()):
            attr += draw(st.sampled_from(["", " "])) + "=" + draw(st.sampled_from(["", " "])) + draw(_VALUES)
        attrs += draw(_SPACE) + attr
    closing = draw(st.sampled_from([">", "/>", " >", " />", "", "/ >"]))
    if draw(st.integers(0, 3)) == 0:
        return f"</{name}{draw(st.sampled_from(['', ' ', '  x', chr(10)]))}>"
    return f"<{name}{attrs}{closing}"


_PIECES = st.one_of(
    _tags(), _tags(), _tags(),
    st.text(st.sampled_from("ab .,\n\r\t\xa0\u2019-1;#x"), max_size=8),
    st.sampled_from(["&nbsp;", "&nbsp", "&amp;", "&amp", "&#160;", "&#160", "&#xA0;", "&#x41g",
                     "&#12a;", "&T ", "AT&T", "& ", "&", "&;", "&#;", "&c.", "<", "< ", "<3",
                     "<!-- c -->", "<!--", "-->", "<!---->", "<!-- a --!> b -->", "<!-->",
                     "<!DOCTYPE html>", "<!doctype", "<![if !supportLists]>", "<![endif]>",
                     "<![CDATA[x]]>", "<![", "<?xml v?>", "<?", "<!x>", "</>", "</ p>", "</3>",
                     "<script>x<b>y</script>", "<style>", "</style >", "1.", "(a)", "\u2022"]),
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECES, max_size=25))
def test_generated_markup(pieces: list[str]) -> None:
    assert_same("".join(pieces))


_CLEAN_PIECES = st.one_of(
    st.sampled_from(["<p>", "</p>", "<td>", "</td>", "<tr>", "<br>", "<br/>", "<ol start=3 type=a>",
                     "</ol>", "<li>", '<font style="padding-left:2pt">', "</font>", "<pre>", "</pre>",
                     "<div style='display:none'>", "</div>", "<h2>", "</h2>", "<head><title>",
                     "</title>", "<body>", "<!-- c -->", "&nbsp;", "&#8217;", "&amp;", " & ", "a < b"]),
    st.text(st.sampled_from("ab .,\n\r\t\xa0-1"), min_size=1, max_size=8),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_CLEAN_PIECES, max_size=30))
def test_generated_well_formed_markup_is_scanned(pieces: list[str]) -> None:
    """The scanner is not a way of declining everything: plain markup it reads itself."""
    assert assert_same("".join(pieces))
