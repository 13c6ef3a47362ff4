"""Per-document memoisation (`certlint.analysis.memo.per_document`): one computation per
object, whichever order the rules ask in, and never another object's answer."""

from __future__ import annotations

from certlint.analysis.memo import per_document


class Doc:
    def __init__(self, name: str) -> None:
        self.name = name


def test_each_object_is_computed_once_whatever_the_order() -> None:
    calls: list[str] = []

    @per_document(size=4)
    def analyse(doc: Doc) -> str:
        calls.append(doc.name)
        return doc.name.upper()

    a, b = Doc("a"), Doc("b")
    assert [analyse(x) for x in (a, a, b, a, b, b, a)] == ["A", "A", "B", "A", "B", "B", "A"]
    assert calls == ["a", "b"]


def test_beyond_its_size_the_oldest_is_computed_again() -> None:
    calls: list[str] = []

    @per_document(size=2)
    def analyse(doc: Doc) -> str:
        calls.append(doc.name)
        return doc.name

    docs = [Doc(str(i)) for i in range(3)]
    for doc in docs:
        analyse(doc)
    analyse(docs[2])
    analyse(docs[0])  # evicted by the third
    assert calls == ["0", "1", "2", "0"]


def test_a_new_object_at_a_reused_address_is_not_given_the_old_answer() -> None:
    @per_document(size=2)
    def name_of(doc: Doc) -> str:
        return doc.name

    for i in range(200):  # objects freed at once: CPython reuses their addresses
        assert name_of(Doc(str(i))) == str(i)
