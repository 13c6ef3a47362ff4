"""YAML front matter of a Markdown draft: the document's facts, validated key by key.

Errors name the file line of the offending key or value, because a draft's author fixes them
by hand: `front matter line 3: unknown key 'compnay'`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from certlint.document import DocumentError
from certlint.document.facts import DATE_FACT_KEYS, Facts

#: Front matter key -> Facts field. `period` is what authors write; `period-end` is accepted too.
KEYS = {
    "company": "company",
    "form": "form",
    "period": "period_end",
    "period-end": "period_end",
    "fiscal-year-end": "fiscal_year_end",
    "fiscal-year-naming": "fiscal_year_naming",
    "filed": "filed",
    "exhibit": "exhibit",
    "signers": "signers",
}
_DATES = frozenset(DATE_FACT_KEYS)


def parse_front_matter(text: str, first_line: int) -> Facts:
    """Facts from front matter `text` whose first line is line `first_line` of the file.

    Raises DocumentError naming the line for invalid YAML, an unknown key or a wrong type.
    """
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DocumentError(f"front matter line {line}: invalid YAML: {problem}") from None
    if root is None:
        return Facts()
    if not isinstance(root, yaml.MappingNode):
        raise DocumentError(f"front matter line {first_line + root.start_mark.line}: "
                            "expected a mapping of keys to values")
    values: dict[str, Any] = {}
    for key_node, value_node in root.value:
        line = first_line + key_node.start_mark.line
        key = str(key_node.value).replace("_", "-")
        field = KEYS.get(key)
        if field is None:
            known = ", ".join(sorted(KEYS))
            raise DocumentError(f"front matter line {line}: unknown key '{key_node.value}' (known: {known})")
        if field in values:
            raise DocumentError(f"front matter line {line}: '{key_node.value}' repeats an earlier key")
        value_line = first_line + value_node.start_mark.line
        values[field] = _value(field, key_node.value, value_node, value_line)
    signers = values.pop("signers", ())
    return Facts(**values, signers=signers)


def _value(field: str, key: str, node: Any, line: int) -> Any:
    import yaml

    if field == "signers":
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str"):
            return (node.value,)
        if not isinstance(node, yaml.SequenceNode) or not all(
                isinstance(item, yaml.ScalarNode) for item in node.value):
            raise DocumentError(f"front matter line {line}: '{key}' must be a list of names")
        return tuple(str(item.value) for item in node.value)
    if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(":null"):
        raise DocumentError(f"front matter line {line}: '{key}' must be a single value")
    # Take the scalar as written: "exhibit: 31.10" must not become the number 31.1.
    text = str(node.value).strip()
    if field in _DATES:
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise DocumentError(f"front matter line {line}: '{key}' must be a date (YYYY-MM-DD), "
                                f"not '{text}'") from None
    if not text:
        raise DocumentError(f"front matter line {line}: '{key}' is empty")
    return text
