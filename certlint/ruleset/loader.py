"""Rule packs from YAML: safe loading, schema validation, errors at the YAML line and column.

Built-in packs ship inside the wheel (the top-level `rules/` is mapped to `certlint/rules`) and
are validated by the test suite; user packs are validated against the JSON Schema on every load,
so jsonschema is imported only when a user pack is present.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from certlint.checks import KINDS, Checker, OptionError
from certlint.diagnostic import Severity
from certlint.document.prose import fold_text
from certlint.ruleset.model import AppliesTo, Pack, Rule

if TYPE_CHECKING:
    import yaml

_PathItem = str | int


class PackError(ValueError):
    """A rule pack that cannot be used, located at `path:line:col`."""

    def __init__(self, path: str, line: int, column: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path, self.line, self.column, self.message = path, line, column, message


def builtin_pack_dir() -> Path:
    """The built-in packs: inside the installed package, or the checkout's top-level rules/."""
    packaged = Path(__file__).resolve().parent.parent / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


def pack_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into their *.yaml / *.yml files, sorted (regular files only: a FIFO
    would block the run on its first read)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()))
        else:
            files.append(path)
    return files


def load_pack(path: Path, *, builtin: bool = False, display: str | None = None) -> Pack:
    """Load and validate one pack file."""
    return read_pack(path, builtin=builtin, display=display)[0]


def read_pack(path: Path, *, builtin: bool = False, display: str | None = None,
              text: str | None = None) -> tuple[Pack, Any]:
    """Load and validate one pack file (or its `text`, already read): the pack, with every rule
    compiled, and its YAML data (plain data, which the built-in pack cache keeps)."""
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8") if text is None else text
    except OSError as exc:
        raise PackError(name, 1, 1, f"cannot read rule pack: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise PackError(name, 1, 1, "rule pack is not UTF-8 text") from None
    from certlint.document import safe_yaml

    root = _compose(text, name)
    try:
        data = safe_yaml.construct(root, _yaml_loader())
    except safe_yaml.YamlProblem as exc:
        raise PackError(name, exc.line, exc.column, exc.message) from None
    located = _Located(name, root)
    if not isinstance(data, dict):
        raise PackError(name, 1, 1, "a rule pack is a mapping with 'pack' and 'rules'")
    if not builtin:
        from certlint.ruleset.schema import header_schema

        _validate(data, header_schema(), located, [])
    rules = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(data.get("rules") or []):
        rules.append(_build_rule(raw, index, str(data["pack"]), located, validate=not builtin))
        code = rules[-1].code
        if code in seen:
            line, column = located.position(["rules", index, "code"], value=True)
            raise PackError(name, line, column, f"duplicate code {code} (also rule {seen[code] + 1})")
        seen[code] = index
    return pack_from_data(data, name, rules, builtin), data


def pack_from_data(data: Mapping[str, Any], name: str, rules: Sequence[Rule], builtin: bool) -> Pack:
    return Pack(str(data["pack"]), name, _applies_to(data.get("applies_to") or {}),
                tuple(rules), str(data.get("description", "")), builtin)


def _yaml_loader() -> Any:
    """PyYAML's C loader when built with libyaml; yaml is imported only when a pack is parsed."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(text: str, name: str) -> yaml.Node:
    import yaml

    from certlint.document import safe_yaml

    try:
        root = yaml.compose(text, Loader=_yaml_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        problem = exc.problem or "invalid YAML"
        context = exc.context_mark
        if exc.context and context is not None and context is not mark:
            problem += f" ({exc.context} at line {context.line + 1}, column {context.column + 1})"
        raise PackError(name, line, column, f"YAML syntax error: {problem}") from None
    except yaml.YAMLError as exc:
        raise PackError(name, 1, 1, f"YAML error: {exc}") from None
    except RecursionError:  # PyYAML without libyaml composes recursively
        raise PackError(name, 1, 1, "YAML syntax error: nested too deeply") from None
    if root is None:
        raise PackError(name, 1, 1, "empty rule pack")
    try:
        safe_yaml.check_graph(root)  # before any walk: tags, recursion, alias bombs
    except safe_yaml.YamlProblem as exc:
        raise PackError(name, exc.line, exc.column, exc.message) from None
    _reject_duplicate_keys(root, name)
    return root


def _reject_duplicate_keys(root: yaml.Node, name: str) -> None:
    """Each node once: an aliased mapping is checked where it is defined, not at every alias."""
    import yaml

    from certlint.document import safe_yaml

    for node in safe_yaml.nodes(root):
        if isinstance(node, yaml.MappingNode):
            keys: set[Any] = set()
            for key, _ in node.value:
                if key.value in keys:
                    mark = key.start_mark
                    raise PackError(name, mark.line + 1, mark.column + 1, f"duplicate key '{key.value}'")
                keys.add(key.value)


class _Located:
    """Maps a path in the loaded data back to its YAML node's line and column."""

    def __init__(self, name: str, root: yaml.Node) -> None:
        self.name, self.root = name, root

    def position(self, path: Sequence[_PathItem], value: bool = False) -> tuple[int, int]:
        """Line and column of the node at `path`: of its key, or of its value with `value`."""
        import yaml

        node, key_node = self.root, None
        for item in path:
            if isinstance(node, yaml.MappingNode):
                match = next(((k, v) for k, v in node.value if k.value == item), None)
                if match is None:
                    break
                key_node, node = match
            elif isinstance(node, yaml.SequenceNode) and isinstance(item, int) and item < len(node.value):
                key_node, node = None, node.value[item]
            else:
                break
        target = node if value or key_node is None else key_node
        return target.start_mark.line + 1, target.start_mark.column + 1

    def error(self, path: Sequence[_PathItem], message: str, value: bool = False) -> PackError:
        line, column = self.position(path, value)
        return PackError(self.name, line, column, message)


def _validate(data: Any, schema: Mapping[str, Any], located: _Located, prefix: list[_PathItem]) -> None:
    from jsonschema import Draft202012Validator

    errors = list(Draft202012Validator(schema).iter_errors(data))
    if not errors:
        return
    placed = []
    for error in errors:
        path = prefix + list(error.absolute_path)
        message, path, at_value = _describe(error, path)
        placed.append((located.position(path, at_value), message))
    (line, column), message = min(placed)
    raise PackError(located.name, line, column, message)


def _describe(error: Any, path: list[_PathItem]) -> tuple[str, list[_PathItem], bool]:
    key = next((str(p) for p in reversed(path) if isinstance(p, str)), "value")
    instance = error.instance
    if error.validator == "required":
        missing = re.match(r"'([^']+)'", error.message)
        return f"missing field '{missing.group(1) if missing else error.message}'", path, True
    if error.validator == "additionalProperties" and isinstance(instance, dict):
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(k for k in instance if k not in allowed)
        if extra:
            return f"unknown key '{extra[0]}'", [*path, extra[0]], False
    if error.validator == "enum":
        options = ", ".join(str(v) for v in error.validator_value)
        return f"unknown {key} {instance!r} (expected one of: {options})", path, True
    if error.validator == "pattern" and key == "code":
        return f"bad code {instance!r}: expected capital letters then digits, e.g. CL101", path, True
    if error.validator == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        words = " or ".join(_TYPE_WORDS.get(f"{key}:{t}", _TYPE_WORDS.get(t, str(t))) for t in wanted)
        return f"'{key}' must be {words}, not {_what(instance)}", path, True
    if error.validator == "minLength":
        return f"'{key}' must not be empty", path, True
    return f"{key}: {error.message}", path, True


#: JSON Schema types in words, for pack errors ("'rules' must be a list of rules, not empty").
_TYPE_WORDS = {"array": "a list", "object": "a mapping", "string": "text", "boolean": "true or false",
               "integer": "a whole number", "number": "a number", "rules:array": "a list of rules",
               "applies_to:object": "a mapping of files, markers and unless"}


def _what(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true or false"
    kinds = {dict: "a mapping", list: "a list", str: "text", int: "a number", float: "a number"}
    return next((word for kind, word in kinds.items() if isinstance(value, kind)), type(value).__name__)


def _build_rule(raw: Any, index: int, pack: str, located: _Located, validate: bool) -> Rule:
    where: list[_PathItem] = ["rules", index]
    if not isinstance(raw, dict):
        raise located.error(where, "a rule is a mapping", value=True)
    kind = raw.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        raise located.error([*where, "kind"], f"unknown kind {kind!r} (expected one of: "
                            f"{', '.join(sorted(KINDS))})", value=True)
    if validate:
        from certlint.ruleset.schema import rule_schema

        _validate(raw, rule_schema(kind), located, where)
    try:
        checker = KINDS[kind].compile(raw)
    except OptionError as exc:
        raise located.error([*where, exc.key], exc.message, value=True) from None
    return rule_from_data(raw, pack, lambda: checker)


def rule_from_data(raw: Mapping[str, Any], pack: str, build: Callable[[], Checker]) -> Rule:
    """A rule from its (valid) YAML data; `build` compiles its checker when it is first used."""
    return Rule(
        code=str(raw["code"]),
        name=str(raw.get("name", raw["code"].lower())),
        kind=str(raw["kind"]),
        severity=Severity(raw.get("severity", "error")),
        message=str(raw["message"]),
        pack=pack,
        build=build,
        description=str(raw.get("description", "")),
        example=_example_text(raw.get("example")),
        example_pass=_example_text(raw.get("example_pass")),
        source=str(raw.get("source", "")),
        enabled=bool(raw.get("enabled", True)),
    )


def _example_text(value: Any) -> str:
    """An example as people read it (explain, SARIF help): a filing's files one after another,
    each indented under its name."""
    if isinstance(value, Mapping):
        return "\n".join(f"{name}:\n" + textwrap.indent(str(text).rstrip("\n"), "  ")
                         for name, text in value.items())
    return "" if value is None else str(value)


def _applies_to(raw: Mapping[str, Any]) -> AppliesTo:
    def alternation(phrases: Iterable[str]) -> re.Pattern[str] | None:
        from certlint.checks.phrases import phrase_regex

        sources = [phrase_regex(fold_text(p)) for p in phrases]
        return re.compile("|".join(sources), re.IGNORECASE) if sources else None

    def literals(phrases: Iterable[str]) -> tuple[str, ...]:
        return tuple(fold_text(fold_text(p)).lower() for p in phrases)

    markers, unless = raw.get("markers", ()), raw.get("unless", ())
    return AppliesTo(tuple(raw.get("files", ())), alternation(markers), alternation(unless),
                     literals(markers), literals(unless))
