"""User-written regular expressions: compiled with ``regex`` and run under a time bound.

A rulebook is data an editor wrote, so its patterns are untrusted input: a pattern such as
``(a+)+$`` backtracks for ever on a long run of ``a``. Every search here runs against a
per-file deadline; a pattern that blows it raises :class:`RuleTimeout`, which the engine turns
into a ``rule-timeout`` finding naming the rule and the pattern instead of hanging the run.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

#: Seconds one rule may spend matching its patterns in one file.
FILE_BUDGET_SECONDS = 1.0

Pattern = regex.Pattern


class RuleTimeout(Exception):
    """A user pattern ran past the time bound on one file."""

    def __init__(self, pattern: str, seconds: float) -> None:
        super().__init__(f"pattern {pattern!r} took longer than {seconds:g}s")
        self.pattern = pattern
        self.seconds = seconds


def compile_user_pattern(source: str, *, ignore_case: bool = False) -> Pattern:
    """Compile an editor's pattern (``^``/``$`` match at line ends); raises ``regex.error``."""
    flags = regex.MULTILINE | regex.VERSION0
    if ignore_case:
        flags |= regex.IGNORECASE
    return regex.compile(source, flags)


@dataclass
class Budget:
    """The time left for one rule on one file, shared by every search it makes."""

    # Read at creation, not import, so that tests can shorten the bound.
    seconds: float = field(default_factory=lambda: FILE_BUDGET_SECONDS)
    deadline: float = field(init=False)

    def __post_init__(self) -> None:
        self.deadline = time.monotonic() + self.seconds

    def finditer(self, pattern: Pattern, text: str, start: int, end: int) -> Iterator[regex.Match]:
        """Matches of ``pattern`` in ``text[start:end]``; raises :class:`RuleTimeout`."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise RuleTimeout(pattern.pattern, self.seconds)
        try:
            # Materialised so that a timeout surfaces here, not in the caller's loop.
            yield from list(pattern.finditer(text, start, end, timeout=left))
        except TimeoutError:
            raise RuleTimeout(pattern.pattern, self.seconds) from None
