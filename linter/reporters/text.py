"""The default, human format: each finding with its source line and a marker under the span."""

from __future__ import annotations

import re

from linter.engine import Diagnostic
from linter.findings import Severity
from linter.reporters.base import BaseReporter
from linter.runner import FileReport

WINDOW = 100  # characters of a long source line shown around the finding
_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


#: Control characters (C0 except tab, DEL, C1) shown as U+FFFD, one for one, so a file cannot
#: send escape sequences to the terminal and columns stay where they were.
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def safe_text(text: str) -> str:
    # A regular expression, not str.translate: the scan runs in C, and nearly every text has
    # nothing to replace (a warm run formats thousands of findings).
    return _CONTROLS.sub("\ufffd", text)


#: The ANSI codes of the foreground colours a finding may have.
_FOREGROUND = {"red": 31, "yellow": 33, "blue": 34}


def _style(text: str, color: bool, *, fg: str | None = None, bold: bool = False) -> str:
    """``text`` in a colour and/or bold when ``color`` is on: the bytes ``click.style`` gives."""
    if not color:
        return text
    codes = (f"\x1b[{_FOREGROUND[fg]}m" if fg else "") + ("\x1b[1m" if bold else "")
    return f"{codes}{text}\x1b[0m"


def excerpt(line: str, column: int, width: int) -> tuple[str, int, int]:
    """The part of ``line`` to show, and the 0-based marker start and length within it."""
    line = line.replace("\t", " ")  # one column per character, as columns are counted
    start = column - 1
    width = max(1, min(width, len(line) - start if len(line) > start else 1))
    if len(line) <= WINDOW:
        return line, start, width
    left = max(0, start - WINDOW // 3)
    shown = line[left : left + WINDOW]
    prefix = "…" if left else ""
    suffix = "…" if left + WINDOW < len(line) else ""
    width = min(width, WINDOW - (start - left))
    return prefix + shown + suffix, start - left + len(prefix), max(1, width)


def _cells(text: str) -> int:
    """How many terminal cells ``text`` takes."""
    from unicodedata import category, east_asian_width  # only lines beyond ASCII need it

    cells = 0
    for c in text:
        if c.isascii():
            cells += 1
        elif category(c) in ("Mn", "Me", "Cf"):
            continue
        else:
            cells += 2 if east_asian_width(c) in ("W", "F") else 1
    return cells


def format_diagnostic(d: Diagnostic, source: str | None, color: bool) -> str:
    head = (
        _style(safe_text(f"{d.path}:{d.line}:{d.column}:"), color, bold=True)
        + " "
        + _style(d.rule, color, fg=_COLORS[d.severity], bold=True)
        + " "
        + safe_text(d.message)
    )
    if source is None:
        return head + "\n"
    gutter = len(str(d.line))
    pad = " " * gutter
    width = d.end_column - d.column if d.end_line == d.line else len(source) - d.column + 1
    shown, start, length = excerpt(safe_text(source), d.column, width)
    if shown.isascii():
        marker = " " * start + "^" * length
    else:
        # Under what a terminal draws: a wide character takes two cells, a combining or
        # zero-width one none (columns in the heading still count characters).
        lead, span = _cells(shown[:start]), _cells(shown[start : start + length])
        marker = " " * lead + "^" * max(1, span)
    # An end at column 1 is the start of the line after the span's last newline.
    last = d.end_line - 1 if d.end_column == 1 else d.end_line
    if last > d.line:
        marker += f" (to line {last})"
    lines = [
        head,
        f"{pad} |",
        f"{d.line} | {shown}".rstrip(),
        f"{pad} | " + _style(marker, color, fg=_COLORS[d.severity]),
    ]
    lines += [f"{pad} = {r.message}: {r.path}:{r.line}:{r.column}" for r in d.related]
    return "\n".join(lines) + "\n\n"


class TextReporter(BaseReporter):
    """Each finding with its source line and a marker; the summary goes to standard error."""

    def file(self, report: FileReport) -> None:
        for d in report.diagnostics:
            self.out.write(format_diagnostic(d, report.lines.get(d.line), self.color))
