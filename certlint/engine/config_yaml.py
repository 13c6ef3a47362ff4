"""Reading `.certlint.yaml`: composed first, so that `!!python/...` tags and alias bombs are
refused before anything is built, and each key's line is known for the errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from certlint.engine.config import ConfigError


def read_yaml(path: Path, text: str) -> tuple[Any, Any]:
    """The settings of a YAML config and a function giving the line of a key path."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise ConfigError(f"{path}:{line}: invalid YAML: {exc.problem}") from None
    except yaml.reader.ReaderError as exc:  # a character YAML refuses (NUL, other controls)
        line = text.count("\n", 0, exc.position) + 1
        raise ConfigError(f"{path}:{line}: invalid YAML: character U+{exc.character:04X} "
                          "is not allowed") from None
    except RecursionError:
        raise ConfigError(f"{path}:1: invalid YAML: nested too deeply") from None
    from certlint.document import safe_yaml

    try:
        safe_yaml.check_graph(root)  # `!!python/...` tags, alias bombs: refused before loading
        values = safe_yaml.construct(root) if root is not None else {}
    except safe_yaml.YamlProblem as exc:
        raise ConfigError(f"{path}:{exc.line}: {exc.message}") from None
    except ValueError as exc:  # a YAML date that does not exist: "period_end: 2023-02-30"
        raise ConfigError(f"{path}: invalid value: {exc}") from None
    if not isinstance(values, dict):
        raise ConfigError(f"{path}:1: the config is a mapping of keys to values")

    def locate_yaml(*keys: Any) -> int:
        node, line = root, 1
        for key in keys:
            if not isinstance(node, yaml.MappingNode):
                break
            match = next(((k, v) for k, v in node.value if k.value == str(key)), None)
            if match is None:
                break
            line, node = match[0].start_mark.line + 1, match[1]
        return line

    return values, locate_yaml
