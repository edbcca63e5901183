"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Rules carry their metadata and help from the rulebook YAML (summary, rationale, an example).
Columns count Unicode code points (``columnKind: unicodeCodePoints``), as in every other
format; paths are relative to ``%SRCROOT%``, the folder copydesk ran in.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from linter import __version__
from linter.engine import Diagnostic, Location
from linter.findings import Severity
from linter.reporters import Summary
from linter.reporters.base import BaseReporter
from linter.rulebook import Rule
from linter.runner import FileReport

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
#: Diagnostics about the run itself, which have no YAML.
BUILTIN = {
    "internal-error": ("A rule crashed on a file: a bug in copydesk.", Severity.ERROR),
    "read-error": ("A file could not be read or decoded.", Severity.ERROR),
    "unused-suppression": (
        "A copydesk-disable comment that names an unknown rule or suppresses nothing.",
        Severity.WARNING,
    ),
}


def _pascal(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.split("-"))


def _help_markdown(rule: Rule) -> str:
    parts = [f"**{rule.summary}**", "", rule.rationale]
    bad = next((e for e in rule.examples if e.expect), None)
    if bad is not None:
        fence = "markdown" if bad.format == "markdown" else "text"
        parts += ["", f"Flagged ({', '.join(bad.expect)}):", "", f"```{fence}", bad.text.rstrip()]
        parts.append("```")
    parts += ["", f"Run `copydesk explain {rule.id}` for the options and more examples."]
    return "\n".join(parts)


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": _pascal(rule.id),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": f"{rule.summary} {rule.rationale}", "markdown": _help_markdown(rule)},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": ["editorial"], "fixable": rule.fixable.value},
    }


def builtin_descriptor(rule_id: str) -> dict[str, Any]:
    text, severity = BUILTIN[rule_id]
    return {
        "id": rule_id,
        "name": _pascal(rule_id),
        "shortDescription": {"text": text},
        "defaultConfiguration": {"level": _LEVEL[severity]},
    }


def _artifact(path: str) -> dict[str, str]:
    # A file name that is not UTF-8 keeps its own bytes, percent-encoded ("%FF").
    uri = quote(path, errors="surrogateescape")
    if PurePosixPath(path).is_absolute():  # a file outside the folder copydesk ran in
        return {"uri": "file://" + uri}
    return {"uri": uri, "uriBaseId": "%SRCROOT%"}


def _physical(path: str, line: int, column: int, end_line: int, end_column: int) -> dict[str, Any]:
    return {
        "artifactLocation": _artifact(path),
        "region": {
            "startLine": line,
            "startColumn": column,
            "endLine": end_line,
            "endColumn": end_column,
        },
    }


def _related(index: int, r: Location) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": index,
        "physicalLocation": _physical(r.path, r.line, r.column, r.end_line, r.end_column),
    }
    if r.message:
        out["message"] = {"text": r.message}
    return out


class SarifReporter(BaseReporter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.diagnostics: list[Diagnostic] = []

    def file(self, report: FileReport) -> None:
        self.diagnostics.extend(report.diagnostics)

    def finish(self, summary: Summary) -> None:
        used = {d.rule for d in self.diagnostics}
        ids = sorted(self.rules) + sorted(r for r in BUILTIN if r in used and r not in self.rules)
        index = {rid: i for i, rid in enumerate(ids)}
        descriptors = [
            rule_descriptor(self.rules[rid]) if rid in self.rules else builtin_descriptor(rid)
            for rid in ids
        ]
        results = []
        seen: Counter[tuple[str, str, str]] = Counter()
        for d in self.diagnostics:
            key = (d.path, d.rule, d.text_fingerprint)
            seen[key] += 1
            result: dict[str, Any] = {
                "ruleId": d.rule,
                "level": _LEVEL[d.severity],
                "message": {"text": d.message},
                "locations": [
                    {
                        "physicalLocation": _physical(
                            d.path, d.line, d.column, d.end_line, d.end_column
                        )
                    }
                ],
            }
            if d.rule in index:
                result["ruleIndex"] = index[d.rule]
            if d.related:
                result["relatedLocations"] = [_related(i, r) for i, r in enumerate(d.related, 1)]
            if d.text_fingerprint:
                result["partialFingerprints"] = {
                    "copydesk/v1": f"{d.text_fingerprint}:{seen[key]}",
                }
            results.append(result)
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "copydesk",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "rules": descriptors,
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": results,
                }
            ],
        }
        self.out.write(json.dumps(log, indent=2, ensure_ascii=False) + "\n")
        super().finish(summary)
