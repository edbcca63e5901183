"""``--format gitlab``: GitLab Code Quality JSON (a ``codequality`` report artifact).

Each issue's fingerprint is stable across edits: the path, the rule and a fingerprint of the
flagged text (never its line), plus a counter for identical findings in one file, so GitLab
can tell new issues from old ones in a merge request.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

from linter.engine import Diagnostic
from linter.findings import Severity
from linter.reporters import Summary
from linter.reporters.base import BaseReporter, json_text, last_line
from linter.runner import FileReport

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issue_fingerprint(d: Diagnostic, occurrence: int) -> str:
    identity = d.text_fingerprint or f"{d.line}:{d.column}:{d.message}"
    key = "\0".join((d.path, d.rule, identity, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class GitlabReporter(BaseReporter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.issues: list[dict[str, Any]] = []

    def file(self, report: FileReport) -> None:
        seen: Counter[tuple[str, str]] = Counter()
        for d in report.diagnostics:
            seen[(d.rule, d.text_fingerprint)] += 1
            self.issues.append(
                {
                    "type": "issue",
                    "check_name": d.rule,
                    "description": d.message,
                    "categories": ["Style"],
                    "severity": _SEVERITY[d.severity],
                    "fingerprint": issue_fingerprint(d, seen[(d.rule, d.text_fingerprint)]),
                    "location": {"path": d.path, "lines": {"begin": d.line, "end": last_line(d)}},
                }
            )

    def finish(self, summary: Summary) -> None:
        self.out.write(json_text(self.issues) + "\n")
        super().finish(summary)
