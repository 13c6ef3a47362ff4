"""A version's units are made when a certification is first held to it, not when the pack is
compiled: the deferred units equal the ones made at once, and a malformed form text is still
refused when the pack is compiled."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from certlint.analysis.form import spec
from certlint.analysis.form.spec import Deferred, FormSyntaxError, Version, deferred_units, parse_units
from certlint.analysis.form.tokens import has_token, tokenize
from certlint.checks.base import OptionError
from certlint.checks.form import compile as compile_form

_PACK = Path(__file__).parents[2] / "rules" / "sox302.yaml"


def _form_rule_options() -> dict[str, Any]:
    rules = yaml.safe_load(_PACK.read_text(encoding="utf-8"))["rules"]
    found: dict[str, Any] = next(r for r in rules if r.get("kind") == "form")
    return found


_PIECES = ["I", "certify", "a", ",", ";", "&nbsp;", "&amp", "<b>", "<", "**", "#", "|", "\\", "`",
           "_", "é", "\u00a0", "*a", "&#160;x"]
_SPACES = ["", " ", "\n", "\t"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SPACES), st.sampled_from(_PIECES)), max_size=8).map(
    lambda parts: "".join(space + piece for space, piece in parts)))
def test_has_token_says_whether_tokenize_finds_one(text: str) -> None:
    assert has_token(text) == bool(tokenize(text))


def test_the_pack_versions_deferred_equal_the_ones_made_at_once() -> None:
    for raw in _form_rule_options()["versions"]:
        text = str(raw["text"])
        deferred = deferred_units(text)
        assert deferred.get() == parse_units(text)
        assert deferred.get() is deferred.get()


@pytest.mark.parametrize(("text", "message"), [
    ("", "the form text is empty"),
    ("I certify:\nno marker here", "a form line after the opening needs a marker"),
    ("I, [[{certifier}, certify", "[[ without ]] in a form text"),
    ("I ]] certify", "]] without [[ in a form text"),
    ("I [[a [[b]] ]]", "nested [[ in a form text"),
    ("I certify\n1. &nbsp; ** <b>", "a form unit without text"),
    ("I certify\n1. [[ ]]", "a form unit without text"),
])
def test_a_malformed_text_is_refused_before_its_units_are_made(text: str, message: str) -> None:
    with pytest.raises(FormSyntaxError, match=message.replace("[", r"\[")):
        deferred_units(text)
    with pytest.raises(FormSyntaxError, match=message.replace("[", r"\[")):
        parse_units(text)


def test_a_placeholder_alone_is_text() -> None:
    assert [t.placeholder for t in deferred_units("I certify\n1. {report}").get()[1].tokens] == ["report"]


def test_compiling_the_pack_makes_no_units(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the one-line passages allowed after the last paragraph (`after`) are made at once."""
    made: list[int] = []
    real = spec._make_units

    def counted(lines: list[Any]) -> tuple[spec.Unit, ...]:
        made.append(len(lines))
        return real(lines)

    monkeypatch.setattr(spec, "_make_units", counted)
    options = dict(_form_rule_options())
    options["report"] = ["wording"]
    options["versions"] = [{**v, "label": "unmade " + str(v.get("label"))}  # not in the compile cache
                           for v in options["versions"]]
    after = sum(len(v.get("after") or ()) for v in options["versions"])
    checker = compile_form(options)
    assert made == [1] * after
    first = checker.forms.versions[0]
    assert len(first.units) > 5 and made == [1] * after + [len(first.units)]
    assert checker.forms.small_business[0].units[0].label == "opening"


def test_a_bad_text_in_the_pack_is_an_option_error() -> None:
    options = dict(_form_rule_options())
    options["versions"] = [{"name": "house", "text": "I, [[{certifier}, certify that:"}]
    with pytest.raises(OptionError, match=r"version 'house': \[\[ without \]\]"):
        compile_form(options)


def test_versions_compare_by_their_units() -> None:
    text = "I, {certifier}, certify that:\n1. I have reviewed this {report};"
    eager = Version("v", "v form", parse_units(text))
    lazy = Version("v", "v form", Deferred(lambda: parse_units(text)))
    other = Version("v", "v form", deferred_units(text + " and more"))
    assert eager == lazy and lazy == Version("v", "v form", deferred_units(text))
    assert lazy != other and hash(lazy) == hash(eager)
