"""The title kind's readings remembered per distinct text: the same answers as reading afresh,
each caller its own copy, and a memo that stays bounded over a run."""

from __future__ import annotations

import pytest

from certlint.checks import title_memo
from certlint.checks.title import TitleCheck
from certlint.ruleset import load_ruleset

TEXTS = ["Chief Executive Officer", "Cheif Financial Officer", "(Principal Executive Officer)",
         "President and Chief Executive Officer", "Chief Financial and Administrative Officer",
         "Principle Accounting Officer", "Vice President, Finance", "(Principal Executive and Financial Officer)",
         "CEO", ""]


def _title_checks() -> list[TitleCheck]:
    return [rule.checker for rule in load_ruleset().rules if isinstance(rule.checker, TitleCheck)]


def test_remembered_readings_are_the_fresh_ones() -> None:
    checks = _title_checks()
    assert checks
    for check in checks:
        for _ in range(2):  # the second round is answered from the memo
            for text in TEXTS:
                assert check.roles_of(text) == TitleCheck.roles_of.__wrapped__(check, text)  # type: ignore[attr-defined]
                assert check._corrected(text) == TitleCheck._corrected.__wrapped__(check, text)  # type: ignore[attr-defined]
                assert check._take_designations(text) == TitleCheck._take_designations.__wrapped__(check, text)  # type: ignore[attr-defined]
                assert check._title_words(text) == TitleCheck._title_words.__wrapped__(check, text)  # type: ignore[attr-defined]
    assert any(check.memo.answers for check in checks)


def test_each_caller_gets_its_own_roles() -> None:
    check = next(c for c in _title_checks() if c.role_titles)
    roles = check.roles_of("Chief Executive Officer")
    assert roles
    roles.add("changed")
    assert "changed" not in check.roles_of("Chief Executive Officer")
    _, designated = check._take_designations("(Principal Executive Officer)")
    designated.add("changed")
    assert "changed" not in check._take_designations("(Principal Executive Officer)")[1]


def test_the_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    check = next(c for c in _title_checks() if c.role_titles)
    monkeypatch.setattr(title_memo, "MOST_REMEMBERED", 5)
    for index in range(40):
        check.roles_of(f"Officer number {index}")
        assert len(check.memo.answers) <= 5


def test_memos_do_not_make_checks_differ() -> None:
    assert title_memo.TextMemo() == title_memo.TextMemo()
