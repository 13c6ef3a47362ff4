"""The alignment the form rules read their deviations from, as the checker exposes it (a redline
draws it): one per matched paragraph, covering every word, and the same the check reports from."""

from __future__ import annotations

from certlint.analysis.form.words import deviations_of
from certlint.checks import CheckContext
from certlint.checks.form import FormChecker
from certlint.document import read_documents
from certlint.ruleset import load_ruleset
from tests.conftest import ROOT

DEFECTIVE = ROOT / "examples" / "example-corp-10-K-ex31.2-defective.txt"


def _checker() -> FormChecker:
    rule = next(r for r in load_ruleset([]).rules if r.code == "CL210")
    assert isinstance(rule.checker, FormChecker)
    return rule.checker


def test_alignments_are_the_checks_own() -> None:
    checker, doc = _checker(), read_documents(str(DEFECTIVE))[0]
    context = CheckContext()
    aligned = checker.alignments(doc, context)
    findings = list(checker.check(doc, context))
    assert checker.alignments(doc, context) is aligned  # computed once, shared with the check
    assert [a.version for a in aligned] == ["current form"]
    wording = [d for d in aligned[0].analysis.deviations if d.kind == "wording"]
    assert [(f.start, f.end) for f in findings] == [(d.start, d.end) for d in wording]


def test_each_matched_paragraph_has_an_alignment_covering_its_words() -> None:
    aligned = _checker().alignments(read_documents(str(DEFECTIVE))[0], CheckContext())[0]
    analysis = aligned.analysis
    labels = [a.unit.label for a in analysis.alignment]
    assert "4(c)" not in labels and labels[:3] == ["opening", "1", "2"]  # 4(c) is missing
    assert {id(a.written) for a in analysis.alignment} <= {id(u) for u in aligned.certification.units}
    for pair in analysis.alignment:
        form_words = sum(f2 - f1 for _, f1, f2, _, _ in pair.edits)
        written_words = sum(d2 - d1 for *_, d1, d2 in pair.edits)
        assert (form_words, written_words) == (len(pair.form), len(pair.written.tokens))
    paragraph2 = analysis.alignment[2]
    removed = [t.text for tag, f1, f2, _, _ in paragraph2.edits if tag != "equal"
               for t in paragraph2.form[f1:f2]]
    added = [t.text for tag, _, _, d1, d2 in paragraph2.edits if tag != "equal"
             for t in paragraph2.written.tokens[d1:d2]]
    assert (removed, added) == (["a", "fact"], ["facts"])
    assert [d.what for d in deviations_of(paragraph2, None)] == ["expected 'a material fact', found 'material facts'"]
