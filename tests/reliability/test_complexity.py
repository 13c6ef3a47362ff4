"""Complexity: inputs that cost quadratic time or memory. Each runs in a child process with a
deadline far above its linear cost (a few seconds), so a regression fails instead of hanging.
`benchmarks/scaling.py` measures the scaling itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from certlint.checks.title_support import split_titles
from tests.conftest import ROOT

# Peak memory by tracemalloc: a child's ru_maxrss would include the test process's own (Linux
# keeps the maximum across exec).
CHILD = """
import sys, tracemalloc, certlint
text = open(sys.argv[1], encoding="utf-8").read()
tracemalloc.start()
certlint.lint_text(text, "long.txt")
print(tracemalloc.get_traced_memory()[1] // 2**20)
"""


def test_17_html_nested_twenty_thousand_levels(tmp_path: Path) -> None:
    # Each block end asked the whole stack of open elements what the block was: quadratic.
    depth = 20_000  # 84 s before, 1.5 s after, on the machine this was written on
    html = ("<html><body>" + "<div>" * depth + "<p>I, Jane Doe, certify that:</p>" + "</div>" * depth
            + "</body></html>")
    (tmp_path / "long.txt").write_text(html, encoding="utf-8")
    code = CHILD.replace('"long.txt"', '"deep.htm"')
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "long.txt")], capture_output=True,
                   text=True, timeout=30, check=True, env={"PYTHONPATH": str(ROOT)})


def test_17_nesting_still_read_right() -> None:
    from certlint.document import read_documents

    html = "<div><h2>Heading <div>inside</div></h2><table><tr><td><div>cell</div></td></tr></table><p>body</p></div>"
    doc = read_documents("x.htm", text=html)[0]
    kinds = [(doc.prose.text[b.start:b.end].strip(), b.kind) for b in doc.prose.blocks]
    assert [k for k in kinds if k[0]] == [("Heading", "heading"), ("inside", "heading"), ("cell", "table_cell"),
                                          ("body", "paragraph")]


def test_18_one_very_long_paragraph(tmp_path: Path) -> None:
    # 100 KB of title words joined by "and", after "BY ... AS": every "and" was a place to split
    # the titles, each tried on the whole text (minutes, and every prefix kept in a cache).
    unit = "chief executive officer and principal financial officer and "
    text = "BY JANE DOE AND JOHN ROE AS " + unit * (100_000 // len(unit)) + "chief officer\n"
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "long.txt")], capture_output=True,
                          text=True, timeout=90, check=True, env={"PYTHONPATH": str(ROOT)})
    assert int(done.stdout) < 100, f"peak memory {done.stdout.strip()} MB"


def test_18_titles_still_split_where_unambiguous() -> None:
    text = "Chief Executive Officer and Chief Financial Officer"
    first, second = split_titles(text, 2, 10)
    assert first is not None and second is not None
    assert (first.text, second.text, second.start) == ("Chief Executive Officer", "Chief Financial Officer", 38)
    assert split_titles("President and Treasurer and Secretary", 2, 0) == [None, None]  # two places
    assert split_titles(text, 3, 0) == [None, None, None]


def test_20_findings_on_one_long_line_share_its_text(tmp_path: Path) -> None:
    import tracemalloc

    import certlint

    pack = tmp_path / "zz.yaml"
    pack.write_text("pack: zz\nrules:\n  - {code: ZZ101, kind: forbidden, message: m, phrase: zzz}\n",
                    encoding="utf-8")
    line = ("zzz " + "word " * 19) * 2_000  # 200 KB, 2,000 findings: 400 MB as copies of the line
    tracemalloc.start()
    try:
        found = [d for d in certlint.lint_text(line + "\n", "one-line.txt", rules=[pack], all_documents=True) if d.code == "ZZ101"]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(found) == 2_000
    assert all(d.source_line is found[0].source_line for d in found) and found[0].source_line == line
    assert peak < 100 * 2**20, f"peak {peak / 2**20:.0f} MB"


def test_a_long_run_of_capitalised_words_without_a_company_suffix(tmp_path: Path) -> None:
    # The company-name pattern scanned the whole run from every word when no suffix ended it:
    # 0.25 MB of such words took over 120 s before it was bounded to twelve words.
    words = " ".join(["Alpha"] * 50_000)  # 0.3 MB
    text = f"I, Jane Doe, certify that: 1. I have reviewed this annual report of {words} of Example Corp.;\n"
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "long.txt")], capture_output=True,
                   text=True, timeout=60, check=True, env={"PYTHONPATH": str(ROOT)})


def test_company_names_are_still_found_whole() -> None:
    from certlint.checks.consistency import _COMPANY

    found = [m.group() for m in _COMPANY.finditer("provided to Innovo Group, Inc. and Example Holdings Corp.")]
    assert found == ["Innovo Group, Inc.", "Example Holdings Corp."]


def test_19_many_signatures_and_dates(tmp_path: Path) -> None:
    # Each signature walked every line of the document (its continuation, a date on its row),
    # each date was checked against all the earlier ones, and each block lookup rebuilt the
    # list of block starts: 0.7 MB of signature blocks took minutes, now a few seconds.
    block = ("/s/ Jane Doe\nJane Doe\nChief Executive Officer\nDate: March 29, 2004\n\n"
             "/s/ John Roe\nJohn Roe\nChief Financial Officer\nDated: March 30, 2004\n\n")
    text = (ROOT / "examples" / "innovo-group-10-K-A-ex32.txt").read_text(encoding="utf-8") + block * 5_000
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    code = "import sys, certlint; assert len(certlint.lint(sys.argv[1])) > 9_000"  # no tracemalloc: it is slow
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "long.txt")], capture_output=True,
                   text=True, timeout=45, check=True, env={"PYTHONPATH": str(ROOT)})


def test_19_signatures_still_read_whole() -> None:
    from certlint.analysis.dates.extract import find_dates
    from certlint.analysis.signatures import signatures
    from certlint.document import read_documents

    block = "/s/ Jane Doe\nJane Doe\nChief Executive Officer\nDate: March 29, 2004\n\n"
    doc = read_documents("x.txt", text="I, Jane Doe, certify that:\n\n" + block * 3)[0]
    found = signatures(doc)
    assert len(found) == 3
    assert all((s.conformed_text, s.name and s.name.text, s.title_text, s.date and s.date.text)
               == ("Jane Doe", "Jane Doe", "Chief Executive Officer", "Date: March 29, 2004") for s in found)
    # Overlapping candidates keep the first found: the named date, not the slashed one inside it.
    dates = find_dates("on 3/29/2004 and March 29, 2004 and the 29th day of March, 2004 and 2004-03-29")
    assert [d.text for d in dates] == ["3/29/2004", "March 29, 2004", "29th day of March, 2004", "2004-03-29"]
