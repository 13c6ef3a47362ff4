"""The form rules on the real corpus give exactly the deviations read and
confirmed in `corpus.expected` (each one a real defect; see the corpus README), and nothing on
the other 302 certifications."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli

EXPECTED = Path(__file__).with_name("corpus.expected")


def test_form_rules_on_the_real_corpus(corpus: Path) -> None:
    code, out, err = run_cli(["--isolated", str(corpus)])
    assert err == ""
    prefix = f"{corpus}/"
    found = [line.removeprefix(prefix) for line in out.splitlines() if ": CL2" in line]
    assert found == EXPECTED.read_text(encoding="utf-8").splitlines()
    assert code == 1


def test_variants_are_off_by_default(corpus: Path) -> None:
    """Singular "officer" (Tesla, Gilead, Microsoft) and "Registrant" (Apple) are accepted."""
    _, out, _ = run_cli(["--isolated", str(corpus)])
    assert ": CL214 " not in out
