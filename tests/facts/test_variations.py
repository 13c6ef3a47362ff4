"""Generated certifications: every kind of report against every form, registrants, amendments.

The oracle is the table of rules/facts.yaml read independently of the check (kind -> forms), so
a change of the check's reading of the words, not of the table, makes these fail."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.api import lint_text
from tests.facts.certs import ROOT, as_html, as_markdown, cert_302, cert_906

PACK = yaml.safe_load((ROOT / "rules" / "facts.yaml").read_text(encoding="utf-8"))
KINDS: dict[str, list[str]] = next(r for r in PACK["rules"] if r["code"] == "CL701")["kinds"]
FORMS = sorted({form for forms in KINDS.values() for form in forms})
WORDS = {"annual": ["annual", "Annual", "ANNUAL"], "quarterly": ["quarterly", "Quarterly"],
         "transition": ["transition", "Transition"], "semi-annual": ["semi-annual", "Semi-Annual", "semiannual"]}
NAMES = st.sampled_from(["Acme Corp.", "Example Holdings plc", "Gadget, Inc.", "The Widget Company",
                         "Example Funds Trust", "Apple Inc."])


def codes(text: str, name: str, select: str = "CL70") -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.code) for d in lint_text(text, name) if d.code.startswith(select)]


def kind_column(text: str, word: str) -> tuple[int, int]:
    offset = text.index(f"this {word} report") + len("this ")
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@settings(max_examples=60, deadline=None)
@given(kind=st.sampled_from(sorted(KINDS)), form=st.sampled_from(FORMS), registrant=NAMES,
       data=st.data())
def test_kind_against_form_in_paragraph_1(kind: str, form: str, registrant: str, data: st.DataObject) -> None:
    word = data.draw(st.sampled_from(WORDS[kind]))
    text = cert_302(f"{word} report on Form {form}", registrant)
    found = codes(text, "ex31.txt", "CL701")
    if form in KINDS[kind]:
        assert found == []
    else:
        assert found == [(*kind_column(text, word), "CL701")]


@settings(max_examples=30, deadline=None)
@given(form=st.sampled_from(["10-K", "10-Q", "20-F"]), registrant=NAMES,
       suffix=st.sampled_from(["htm", "md"]))
def test_the_wrong_kind_is_reported_at_its_words_in_html_and_markdown(form: str, registrant: str,
                                                                       suffix: str) -> None:
    wrong = "quarterly" if form != "10-Q" else "annual"
    text = cert_302(f"{wrong} report on Form {form}", registrant)
    document = as_html(text) if suffix == "htm" else as_markdown(text, exhibit="31.1")
    [(line, column, code)] = codes(document, f"ex31.{suffix}", "CL701")
    assert code == "CL701"
    source_line = document.splitlines()[line - 1]
    assert source_line[column - 1:].startswith(f"{wrong} report on Form {form}")


@settings(max_examples=40, deadline=None)
@given(kind=st.sampled_from(["annual", "quarterly"]), registrant=NAMES, fmt=st.sampled_from(["txt", "htm"]))
def test_906_report_kind_and_registrant_read(kind: str, registrant: str, fmt: str) -> None:
    form = "10-K" if kind == "annual" else "10-Q"
    other = "10-Q" if kind == "annual" else "10-K"
    right = cert_906(f"{kind.title()} Report on Form {form}", registrant)
    wrong = cert_906(f"{kind.title()} Report on Form {other}", registrant)
    convert = as_html if fmt == "htm" else str
    assert codes(convert(right), f"ex32.{fmt}") == []
    assert [c for _, _, c in codes(convert(wrong), f"ex32.{fmt}")] == ["CL701"]


@settings(max_examples=30, deadline=None)
@given(number=st.integers(min_value=1, max_value=4), registrant=NAMES,
       wording=st.sampled_from(["Amendment No. {n} to the annual report on Form 10-K/A",
                                "Amendment No. {n} to the annual report on Form 10-K",
                                "annual report on Form 10-K/A (Amendment No. {n})",
                                "annual report on Form 10-K/A"]))
def test_amendment_wordings_are_accepted_and_the_original_is_not(number: int, registrant: str,
                                                                 wording: str) -> None:
    text = as_markdown(cert_302(wording.format(n=number), registrant), form="10-K/A")
    assert codes(text, "ex31.md") == []
    original = as_markdown(cert_302("annual report on Form 10-K", registrant), form="10-K/A")
    assert [c for _, _, c in codes(original, "ex31.md")] == ["CL702"]


@settings(max_examples=30, deadline=None)
@given(registrant=NAMES, form=st.sampled_from(["10-K", "10-Q", "20-F"]))
def test_registrant_named_or_not(registrant: str, form: str) -> None:
    report = f"{'quarterly' if form == '10-Q' else 'annual'} report on Form {form}"
    assert codes(cert_302(report, registrant), "ex31.txt", "CL703") == []
    assert [c for _, _, c in codes(cert_302(report, None), "ex31.txt", "CL703")] == ["CL703"]


def test_the_text_alone_never_judges_a_form_the_table_does_not_know() -> None:
    assert codes(cert_302("annual report on Form 8-K"), "ex31.txt") == []
    assert Path(ROOT / "rules" / "facts.yaml").is_file()


def test_a_906_naming_the_original_as_amended_is_not_the_original() -> None:
    period = "for the fiscal year ended December 31, 2024, as amended by Amendment No. 1 on Form 10-K/A"
    assert codes(cert_906("Annual Report on Form 10-K", period=period), "ex32.txt") == []
    plain = cert_906("Annual Report on Form 10-K", heading="Exhibit 32.1 to Form 10-K/A")
    assert [c for _, _, c in codes(plain, "ex32.txt")] == ["CL702"]


def test_n_csrs_is_the_submission_type_of_a_report_on_form_n_csr() -> None:
    text = as_markdown(cert_302("report on Form N-CSR", "Example Funds Trust"), form="N-CSRS")
    assert codes(text, "ex31.md") == []
    wrong = as_markdown(cert_302("report on Form 10-Q", "Example Funds Trust"), form="N-CSRS")
    assert [c for _, _, c in codes(wrong, "ex31.md")] == ["CL701"]


def test_certlint_facts_names_front_matter_and_text_positions() -> None:
    from tests.conftest import FIXTURES, run_cli

    path = FIXTURES / "facts" / "10-Q-from-10-K-template-302.md"
    code, out, err = run_cli(["facts", "--isolated", str(path)])
    assert (code, err) == (0, "")
    assert "  form           10-Q  (front matter)\n" in out
    assert "  report kind    quarterly  (front matter)\n" in out
    assert "  period end     2025-03-31  (front matter)\n" in out
    assert "  registrant     Acme Corp.  (text 11:55)\n" in out
    assert "  certifier      Jane Doe, Chief Executive Officer  (text 36:1)\n" in out
    assert "  date           2025-05-02  (text 33:7)\n" in out
    assert "  exhibit        31.1  (text 5:9)\n" in out


def test_a_kind_word_is_read_with_its_own_report_only() -> None:
    text = cert_906("quarterly report on Form 10-Q", period="for the quarter ended March 31, 2025")
    text = text.replace("the quarterly report", "the annual report of Acme for 2024, and the quarterly report")
    assert "annual report of Acme for 2024, and the quarterly report on Form 10-Q" in text
    assert codes(text, "ex32.txt") == []
