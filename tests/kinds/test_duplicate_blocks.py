"""The duplicate-blocks kind: its message."""

from __future__ import annotations

from linter.engine import ActiveRule, Diagnostic, lint
from linter.parse import parse
from linter.rulebook import builtin_rules

RULE = builtin_rules()["duplicate-section"]


def check(text: str, name: str = "a.txt") -> list[Diagnostic]:
    """duplicate-section's diagnostics on ``text``."""
    return lint(parse(text, name), [ActiveRule(RULE, RULE.severity, RULE.options)])


def places(text: str, name: str = "a.txt") -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.rule) for d in check(text, name)]


EAST = (
    "In the east ward, 412 households answered the council's survey and 58% said the bus "
    "service had improved since the new timetable began in March, officials said."
)
REOPENS = "The pool reopens on Monday after a four-month refit of its roof and changing rooms."


# -- message ---------------------------------------------------------------------------------


def test_the_message_says_line_for_one_line_and_lines_for_a_range() -> None:
    one = f"Harbour Reopens\n{EAST}\n{EAST}\n"
    assert check(one)[0].message.startswith("Line 3 repeats line 2 (exact copy), starting")
    two = f"Harbour Reopens\n{EAST}\n{REOPENS}\nOutlook\n{EAST}\n{REOPENS}\n"
    assert check(two)[0].message.startswith("Lines 5-6 repeat lines 2-3 (exact copy), starting")
