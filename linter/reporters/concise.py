"""``--format concise``: one line per finding, ``path:line:col: severity: message [rule]``.

The shape compilers use, so editors' and CI systems' problem matchers read it as it is.
"""

from __future__ import annotations

from linter.engine import Diagnostic
from linter.reporters.base import BaseReporter
from linter.reporters.text import safe_text
from linter.runner import FileReport


def concise_line(d: Diagnostic) -> str:
    # One line, whatever the message holds, and no control character (an escape sequence
    # quoted from the article would act on the terminal).
    message = safe_text(" ".join(d.message.split()))
    path = d.path if d.path.isprintable() else safe_text(d.path)  # a file named with a newline
    return f"{path}:{d.line}:{d.column}: {d.severity.value}: {message} [{d.rule}]\n"


class ConciseReporter(BaseReporter):
    def file(self, report: FileReport) -> None:
        for d in report.diagnostics:
            self.out.write(concise_line(d))
