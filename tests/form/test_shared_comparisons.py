"""The comparisons a process keeps across documents (`compare.Shared`) change nothing: a
certification aligned after others that share its paragraphs, at other offsets, gets exactly
the deviations and alignments it gets in a process that has seen nothing before."""

from __future__ import annotations

import random
from collections import OrderedDict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.analysis.form import compare
from certlint.checks import CheckContext
from certlint.checks.form import FormChecker
from certlint.document import Document, read_documents
from certlint.ruleset import load_ruleset
from tests.conftest import CORPUS, FIXTURES, ROOT

_SOURCES = sorted([*ROOT.glob("examples/*.txt"), *(FIXTURES / "form").glob("*.txt")])


def _checker() -> FormChecker:
    rule = next(r for r in load_ruleset([]).rules if r.code == "CL210")
    assert isinstance(rule.checker, FormChecker)
    return rule.checker


def _reading(doc: Document) -> list[tuple[object, ...]]:
    """Everything the form rules read of a document's alignments, offsets included (a paragraph
    by its place in the certification)."""
    out: list[tuple[object, ...]] = []
    for aligned in _checker().alignments(doc, CheckContext()):
        analysis = aligned.analysis
        place = {id(unit): i for i, unit in enumerate(aligned.certification.units)}
        out.append((aligned.version, analysis.version.name, analysis.cost, tuple(sorted(analysis.excused)),
                    tuple(analysis.deviations), tuple(aligned.extra)))
        out.extend((a.unit.label, place[id(a.written)], a.form, a.edits) for a in analysis.alignment)
    return out


def _read(name: str, data: str | bytes) -> list[list[tuple[object, ...]]]:
    """The readings of every document of a file (new objects on every call)."""
    docs = read_documents(name, text=data) if isinstance(data, str) else read_documents(name, data=data)
    return [_reading(doc) for doc in docs]


def _same_reading_after_others(texts: list[tuple[str, str | bytes]]) -> None:
    """Each document read after all the others (the tables warm) reads as in a fresh process."""
    fresh = []
    for name, text in texts:
        compare.forget_shared()
        fresh.append(_read(name, text))
    compare.forget_shared()
    for name, text in texts:
        _read(name, text)
    for (name, text), expected in zip(texts, fresh, strict=True):
        # A new object of the same text: the per-document caches cannot answer, the shared ones can.
        assert _read(name, text) == expected, name


def _mutate(text: str, seed: int) -> str:
    """The certification with a few of its words changed the way filers change them."""
    rng = random.Random(seed)
    words = text.split(" ")
    for _ in range(rng.randint(0, 4)):
        i = rng.randrange(len(words))
        change = rng.choice(["upper", "drop", "double", "glue", "swap"])
        if change == "upper":
            words[i] = words[i].upper()
        elif change == "drop" and len(words) > 1:
            del words[i]
        elif change == "double":
            words.insert(i, words[i])
        elif change == "glue" and i + 1 < len(words):
            words[i : i + 2] = [words[i] + words[i + 1]]
        elif change == "swap":
            words[i] = rng.choice(["Company", "registrant's", "officer(s)", "material", "fact,"])
    return " ".join(words)


@pytest.mark.parametrize("path", _SOURCES, ids=lambda p: p.name)
def test_fixture_reads_the_same_after_others(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    _same_reading_after_others([(path.name, pad + text)
                                for pad in ("", "Exhibit 31\n\n", "EXHIBIT 31.1 (continued)\n\n\n")])


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_SOURCES[:12]), st.lists(st.integers(0, 10**6), min_size=2, max_size=5),
       st.sampled_from(["", "\n", "Exhibit 31.2\n\n"]))
def test_variations_read_the_same_after_each_other(path: Path, seeds: list[int], pad: str) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    _same_reading_after_others([(path.name, pad * (i % 3) + _mutate(text, seed))
                                for i, seed in enumerate(seeds)])


@pytest.mark.parametrize("corpus_name", ["real", "real2"])
def test_corpus_reads_the_same_after_the_rest(corpus_name: str) -> None:
    folder = CORPUS.parent / corpus_name
    if not folder.is_dir():
        pytest.skip(f"the shared corpus is not beside this checkout ({folder})")
    paths = sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".htm", ".html", ".txt")
                   and p.name != "README.txt")
    _same_reading_after_others([(str(p), p.read_bytes()) for p in paths])


def test_the_tables_are_bounded() -> None:
    table: compare.Shared[int, int] = compare.Shared(size=3)
    for key in range(10):
        table.put(key, key)
    assert [table.get(k) for k in range(10)] == [None] * 7 + [7, 8, 9]


def test_the_oldest_entry_goes_first_even_when_just_read() -> None:
    table: compare.Shared[int, int] = compare.Shared(size=3)
    for key in range(3):
        table.put(key, key)
    assert table.get(0) == 0  # a hit does not move it
    table.put(3, 3)
    assert [table.get(k) for k in range(4)] == [None, 1, 2, 3]


class _Racing(OrderedDict[int, int]):
    """A table another thread empties just before it makes room."""

    def popitem(self, last: bool = True) -> tuple[int, int]:
        self.clear()
        return super().popitem(last)


def test_an_entry_dropped_by_another_thread_is_only_lost() -> None:
    table: compare.Shared[int, int] = compare.Shared(size=1)
    table._entries = _Racing()  # the table's own storage, raced
    table.put(1, 10)
    assert table.get(1) == 10  # found before the other thread dropped it
    table.put(2, 20)
    table.put(3, 30)  # making room finds the table emptied: nothing else to do
    assert table.get(1) is None
