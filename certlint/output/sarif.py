"""`--format sarif`: SARIF 2.1.0 (OASIS), for GitHub code scanning and other SARIF viewers.

One run: `tool.driver` names certlint and lists every active rule (`id` = code, `name`,
`shortDescription`, `fullDescription` from the pack's `description:`, `help` = the text of
`certlint explain`, `defaultConfiguration.level`, `properties` pack/kind); `columnKind` is
`unicodeCodePoints`. Each result has `ruleId`, `ruleIndex`, `level` (error / warning / note),
`message.text`, one physical location (relative paths as relative URI references) with
`startLine`, `startColumn`, `endLine`, `endColumn` and a snippet (a relative path has
`uriBaseId: %SRCROOT%`, which the run's `originalUriBaseIds` maps to the folder certlint ran
in, so viewers can resolve it), `partialFingerprints`
{"certlintFingerprint/v1": hash of path, code, matched text and its line's text -- not the
line number}, and, for a diagnostic --fix fixes, a `fixes` entry replacing the region with what
--fix writes there (`options.fixes`; none where --fix refuses, as for a span holding markup).
certlint has no public site: `tool.driver.informationUri`, each rule's `helpUri` and a Markdown
`help` linking there are written only when a `docs-url` is configured, never a made-up URL.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from certlint import __version__
from certlint.diagnostic import Diagnostic, Severity
from certlint.output.support import docs_home, docs_link, fingerprints, rule_help, summary

if TYPE_CHECKING:
    from certlint.output import OutputOptions, RuleInfo

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "certlintFingerprint/v1"


#: The base of relative artifact URIs: the folder certlint ran in, which relative paths are from.
SRCROOT = "%SRCROOT%"


def artifact_uri(path: str) -> str:
    """A URI reference for a path: a file URI when absolute, else a relative reference."""
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri()
    return quote(candidate.as_posix(), errors="surrogateescape")  # a non-UTF-8 name: its bytes


def artifact_location(path: str) -> dict[str, str]:
    """An artifactLocation: a relative path is resolved against %SRCROOT% (GitHub's convention)."""
    uri = artifact_uri(path)
    return {"uri": uri} if Path(path).is_absolute() else {"uri": uri, "uriBaseId": SRCROOT}


def rule_descriptor(rule: RuleInfo, docs_url: str | None = None) -> dict[str, Any]:
    """A reportingDescriptor; with a `docs-url`, `helpUri` and a Markdown help linking to it."""
    help_text = rule_help(rule)
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary(rule)},
        "fullDescription": {"text": " ".join(rule.description.split()) or rule.message},
        "help": {"text": help_text},
    }
    link = docs_link(docs_url, rule.code)
    if link is not None:
        descriptor["help"]["markdown"] = f"{help_text}\n\n[{rule.code} {rule.name}]({link})"
        descriptor["helpUri"] = link
    descriptor.update({"defaultConfiguration": {"level": LEVELS[rule.severity]},
                       "properties": {"pack": rule.pack, "kind": rule.kind}})
    return descriptor


def _result(d: Diagnostic, index: int | None, fingerprint: str, fix: str | None) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": d.line, "startColumn": d.column,
        "endLine": d.end_line, "endColumn": d.end_column,
    }
    if d.source_line:
        region["snippet"] = {"text": d.source_line}
    location = {"physicalLocation": {"artifactLocation": artifact_location(d.path), "region": region}}
    result: dict[str, Any] = {"ruleId": d.code}
    if index is not None:
        result["ruleIndex"] = index
    result.update({
        "level": LEVELS[d.severity],
        "message": {"text": d.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    })
    if fix is not None:
        deleted = {key: region[key] for key in ("startLine", "startColumn", "endLine", "endColumn")}
        result["fixes"] = [{
            "description": {"text": f"Replace with '{d.suggestion}'"},
            "artifactChanges": [{
                "artifactLocation": artifact_location(d.path),
                "replacements": [{"deletedRegion": deleted, "insertedContent": {"text": fix}}],
            }],
        }]
    return result


def document(diagnostics: Sequence[Diagnostic], options: OutputOptions) -> dict[str, Any]:
    """The SARIF log as a JSON-ready mapping."""
    rules = [options.rules[code] for code in sorted(options.rules)]
    indexes = {rule.code: index for index, rule in enumerate(rules)}
    results = [_result(d, indexes.get(d.code), f, options.fixes.get(d))
               for d, f in zip(diagnostics, fingerprints(diagnostics), strict=True)]
    driver = {
        "name": "certlint",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [rule_descriptor(rule, options.docs_url) for rule in rules],
    }
    if options.docs_url is not None:
        driver["informationUri"] = docs_home(options.docs_url)
    run: dict[str, Any] = {"tool": {"driver": driver}}
    if any(not Path(d.path).is_absolute() for d in diagnostics):
        run["originalUriBaseIds"] = {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}}
    run.update({"columnKind": "unicodeCodePoints", "results": results})
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def write(diagnostics: Sequence[Diagnostic], stream: TextIO, options: OutputOptions) -> None:
    json.dump(document(diagnostics, options), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
