"""What every reporter shares: its constructor, and a summary line on standard error."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TextIO

from linter.engine import Diagnostic
from linter.reporters import Summary, summary_line
from linter.rulebook import Rule
from linter.runner import FileReport


class BaseReporter:
    """Collects nothing; subclasses write findings in :meth:`file` or at :meth:`finish`.

    Machine formats own standard output, so the human summary goes to standard error
    (``--quiet`` drops it).
    """

    def __init__(
        self,
        out: TextIO,
        err: TextIO,
        *,
        color: bool = False,
        quiet: bool = False,
        rules: Mapping[str, Rule] | None = None,
    ) -> None:
        self.out = out
        self.err = err
        self.color = color
        self.quiet = quiet
        self.rules: Mapping[str, Rule] = rules or {}

    def file(self, report: FileReport) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        if not self.quiet:
            self.err.write(summary_line(summary) + "\n")


def last_line(d: Diagnostic) -> int:
    """The last line a finding covers (a span that ends just after a newline ends at column 1
    of the next line, which it does not cover)."""
    return d.end_line - 1 if d.end_column == 1 and d.end_line > d.line else d.end_line
