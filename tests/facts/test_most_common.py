"""The form a document names most often is chosen as `Counter.most_common(1)` chooses it: the
highest count, and of those tied, the first seen."""

from __future__ import annotations

from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from certlint.analysis.facts import _most_common


@settings(max_examples=2000, deadline=None)
@given(items=st.lists(st.sampled_from(["10-K", "10-Q", "10-K/A", "20-F", "8-K", ""]), min_size=1, max_size=12))
@example(items=["10-Q", "10-K", "10-K", "10-Q"])
@example(items=["10-K"])
def test_the_choice_is_the_counters(items: list[str]) -> None:
    assert _most_common(iter(items)) == Counter(items).most_common(1)[0][0]


def test_a_tie_goes_to_the_first_seen() -> None:
    assert _most_common(["10-Q", "10-K", "10-K", "10-Q"]) == "10-Q"
    assert _most_common(["20-F", "10-K", "10-K"]) == "10-K"
