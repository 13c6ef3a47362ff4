"""CL404 names where the period end it compares with came from: the config, the file's path
(facts-from-path), the front matter."""

from __future__ import annotations

from tests import harness

TEXT = ("In connection with the Annual Report on Form 10-K of Acme Corp. for the fiscal year ended "
        "December 30, 2024, I certify that the Report fully complies.\n\nDate: February 20, 2025\n")


def test_a_period_end_from_the_front_matter_is_named_so() -> None:
    result = harness.run("---\nperiod-end: 2024-12-31\n---\n" + TEXT, "CL404", name="ex32.md")
    assert result.lines == ["4:91: CL404 period end December 30, 2024 disagrees with the period end "
                            "December 31, 2024 from the front matter"]


def test_a_period_end_from_the_config_is_the_configured_one() -> None:
    result = harness.run(TEXT, "CL404", name="ex32.txt", config={"facts": {"*": {"period-end": "2024-12-31"}}})
    assert result.lines == ["1:91: CL404 period end December 30, 2024 disagrees with the configured "
                            "period end December 31, 2024"]


def test_a_period_end_from_the_path_is_named_so() -> None:
    config = {"facts-from-path": r"(?P<form>10-[KQ])_(?P<period>\d{4}-\d\d-\d\d)"}
    result = harness.run(TEXT, "CL404", name="acme_10-K_2024-12-31_ex32.txt", config=config)
    assert result.lines == ["1:91: CL404 period end December 30, 2024 disagrees with the period end "
                            "December 31, 2024 from the file's path"]
