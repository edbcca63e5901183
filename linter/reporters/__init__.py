"""Output formats. Each reporter module is imported only when its format is asked for."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Protocol, TextIO

from linter.findings import Severity
from linter.runner import FileReport

if TYPE_CHECKING:
    from linter.rulebook import Rule

#: format name -> "module:Class"
FORMATS: dict[str, str] = {
    "text": "linter.reporters.text:TextReporter",
    "concise": "linter.reporters.concise:ConciseReporter",
    "json": "linter.reporters.json:JsonReporter",
    "sarif": "linter.reporters.sarif:SarifReporter",
    "github": "linter.reporters.github:GithubReporter",
    "junit": "linter.reporters.junit:JunitReporter",
    "gitlab": "linter.reporters.gitlab:GitlabReporter",
    "html": "linter.reporters.html:HtmlReporter",
}


@dataclass(eq=False)
class Summary:
    """Counts over a whole run."""

    files: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    fixable: int = 0
    rules: dict[str, int] = field(default_factory=dict)

    def add(self, report: FileReport) -> None:
        if report.is_file:
            self.files += 1
        for d in report.diagnostics:
            if d.severity is Severity.ERROR:
                self.errors += 1
            elif d.severity is Severity.WARNING:
                self.warnings += 1
            else:
                self.infos += 1
            if d.fixable:
                self.fixable += 1
            self.rules[d.rule] = self.rules.get(d.rule, 0) + 1

    @property
    def total(self) -> int:
        return self.errors + self.warnings + self.infos


class Reporter(Protocol):
    def file(self, report: FileReport) -> None:
        """Called once per file, in order, as soon as the file is done."""

    def finish(self, summary: Summary) -> None:
        """Called once at the end of the run."""


def make_reporter(
    name: str,
    out: TextIO,
    err: TextIO,
    *,
    color: bool = False,
    quiet: bool = False,
    rules: Mapping[str, Rule] | None = None,
) -> Reporter:
    """A reporter for format ``name``; ``rules`` (every known rule) is for formats that
    describe the rules too (SARIF, HTML)."""
    module_name, _, class_name = FORMATS[name].partition(":")
    cls = getattr(import_module(module_name), class_name)
    return cls(out, err, color=color, quiet=quiet, rules=rules or {})  # type: ignore[no-any-return]


def summary_line(summary: Summary) -> str:
    """ "Found 3 problems (2 errors, 1 warning) in 4 files." or "All checks passed (4 files)." """
    files = f"{summary.files} file" + ("" if summary.files == 1 else "s")
    if not summary.total:
        return f"All checks passed ({files})."
    parts = [
        f"{n} {word}{'' if n == 1 else 's'}"
        for n, word in (
            (summary.errors, "error"),
            (summary.warnings, "warning"),
            (summary.infos, "info"),
        )
        if n
    ]
    noun = "problem" if summary.total == 1 else "problems"
    if not summary.files:  # every path named was missing, empty or not a file
        return f"Found {summary.total} {noun} ({', '.join(parts)}); no file was checked."
    return f"Found {summary.total} {noun} ({', '.join(parts)}) in {files}."
