"""``--format github``: GitHub Actions workflow commands, shown as annotations on the diff.

``::error file=a.md,line=3,col=1,endLine=3,endColumn=9,title=empty-bullet::message``. Chosen
automatically when ``GITHUB_ACTIONS=true`` and no ``--format`` is given.
"""

from __future__ import annotations

from linter.engine import Diagnostic
from linter.findings import Severity
from linter.reporters.base import BaseReporter, last_line
from linter.reporters.text import safe_text
from linter.runner import FileReport

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    # Other control characters, once "\r" and "\n" are encoded, become U+FFFD: an escape
    # sequence quoted from an article would act on the log's viewer.
    return safe_text(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(d: Diagnostic) -> str:
    props = [f"file={_property(d.path)}", f"line={d.line}", f"col={d.column}"]
    end = last_line(d)
    props.append(f"endLine={end}")
    if end == d.end_line:  # a span that ends after a newline has no end column on its line
        props.append(f"endColumn={d.end_column}")
    props.append(f"title={_property(d.rule)}")
    return f"::{_COMMAND[d.severity]} {','.join(props)}::{_data(d.message)}\n"


class GithubReporter(BaseReporter):
    def file(self, report: FileReport) -> None:
        for d in report.diagnostics:
            self.out.write(workflow_command(d))
