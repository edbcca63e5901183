"""``--format json``: the machine-readable contract (see docs/output.md)."""

from __future__ import annotations

from typing import Any, TextIO

from linter import __version__
from linter.engine import Diagnostic
from linter.reporters import Summary
from linter.reporters.base import BaseReporter, json_text
from linter.runner import FileReport


def diagnostic_record(d: Diagnostic) -> dict[str, Any]:
    return {
        "path": d.path,
        "rule": d.rule,
        "severity": d.severity.value,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "message": d.message,
        "fixable": d.fixable,
        "related": [
            {"path": r.path, "line": r.line, "column": r.column, "message": r.message}
            for r in d.related
        ],
    }


class JsonReporter(BaseReporter):
    """The JSON contract: one document at the end, its own summary included."""

    def __init__(self, out: TextIO, err: TextIO, **options: Any) -> None:
        super().__init__(out, err, **options)
        self.records: list[dict[str, Any]] = []

    def file(self, report: FileReport) -> None:
        self.records.extend(diagnostic_record(d) for d in report.diagnostics)

    def finish(self, summary: Summary) -> None:
        document = {
            "version": __version__,
            "diagnostics": self.records,
            "summary": {
                "files": summary.files,
                "errors": summary.errors,
                "warnings": summary.warnings,
                "infos": summary.infos,
                "fixable": summary.fixable,
            },
        }
        self.out.write(json_text(document) + "\n")
