"""The active rules: built-in packs plus user packs, with code lookup and code selection."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from msgspec import Struct

from certlint.ruleset.loader import PackError, builtin_pack_dir, load_pack, pack_files
from certlint.ruleset.model import AppliesTo, Pack, Rule
from certlint.ruleset.selection import Selection

__all__ = ["AppliesTo", "Pack", "PackError", "Rule", "RuleSet", "Selection", "load_ruleset"]


class RuleSet(Struct, frozen=True):
    packs: tuple[Pack, ...]

    @property
    def rules(self) -> tuple[Rule, ...]:
        return tuple(rule for pack in self.packs for rule in pack.rules)

    def get(self, code: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.code == code), None)

    def codes(self) -> frozenset[str]:
        return frozenset(rule.code for rule in self.rules)


def load_ruleset(extra: Sequence[Path] = (), *, builtin: bool = True,
                 disabled_packs: Iterable[str] = ()) -> RuleSet:
    """Load the built-in packs and the user's; a code used twice is an error at its second use."""
    disabled = set(disabled_packs)
    packs: list[Pack] = []
    if builtin:
        from certlint.ruleset.cache import load_builtin_packs

        packs.extend(load_builtin_packs(pack_files([builtin_pack_dir()])))
    builtin_names = {pack.name for pack in packs}
    for path in pack_files(extra):
        pack = load_pack(path)
        if pack.name in builtin_names:  # `packs: {name: false}` could not tell the two apart
            line, column = _position(pack, ["pack"])
            raise PackError(pack.path, line, column, f"pack name '{pack.name}' is a built-in pack's; "
                            "give the pack a name of its own")
        packs.append(pack)
    packs = [pack for pack in packs if pack.name not in disabled]
    owners: dict[str, Pack] = {}
    for pack in packs:
        for index, rule in enumerate(pack.rules):
            if rule.code in owners:
                raise _duplicate(pack, index, rule, owners[rule.code])
            owners[rule.code] = pack
    return RuleSet(tuple(packs))


def _duplicate(pack: Pack, index: int, rule: Rule, owner: Pack) -> PackError:
    line, column = _position(pack, ["rules", index, "code"])
    return PackError(pack.path, line, column, f"duplicate code {rule.code} (already in pack "
                     f"'{owner.name}', {owner.path})")


def _position(pack: Pack, path: list[str | int]) -> tuple[int, int]:
    """Line and column of the value at `path` in a (loaded, so valid) pack file."""
    import yaml

    try:
        root = yaml.compose(Path(pack.path).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        from certlint.ruleset.loader import _Located

        if root is None:
            raise OSError("empty pack")
        return _Located(pack.path, root).position(path, value=True)
    except (OSError, yaml.YAMLError):
        return 1, 1
