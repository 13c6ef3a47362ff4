"""Every consistency check but `registrant-name` (which reads the whole document, not its
statements) has its method in the table the rule runs it from."""

from __future__ import annotations

from certlint.checks.consistency import _RUNS, CHECKS, Consistency


def test_every_statement_check_has_its_method() -> None:
    assert set(_RUNS) == set(CHECKS) - {"registrant-name"}
    for name, run in _RUNS.items():
        assert run is getattr(Consistency, "_" + name.replace("-", "_"))
