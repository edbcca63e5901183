"""User-written regular expressions: compiled with ``regex`` and run under a time bound.

A rulebook is data an editor wrote, so its patterns are untrusted input: a pattern such as
``(a+)+$`` backtracks for ever on a long run of ``a``. Every search here runs against a
per-file deadline; a pattern that blows it raises :class:`RuleTimeout`, which the engine turns
into a ``rule-timeout`` finding naming the rule and the pattern instead of hanging the run.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from operator import lt

import regex

from linter.document import Span

#: Seconds one rule may spend matching its patterns in one file (per started megabyte).
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


@dataclass(frozen=True, slots=True, eq=False)
class SpanSet:
    """Disjoint spans in order, sorted once for several searches limited to them."""

    spans: tuple[Span, ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, spans: Iterable[Span]) -> SpanSet:
        # Scope spans are disjoint runs of text (prose of blocks, the front matter block).
        given = tuple(spans)
        starts = tuple(s.start for s in given)
        if all(map(lt, starts, starts[1:])):
            return cls(given, starts)  # already in order, no two alike: the usual case
        ordered = tuple(sorted(set(given), key=lambda s: (s.start, s.end)))
        return cls(ordered, tuple(s.start for s in ordered))

    @property
    def start(self) -> int:
        """Where the stretch the spans cover starts (the spans must not be empty)."""
        return self.spans[0].start

    @property
    def end(self) -> int:
        """Where the stretch the spans cover ends."""
        return self.spans[-1].end


@dataclass(eq=False)
class Budget:
    """The time left for one rule on one file, shared by every search it makes."""

    # Read at creation, not import, so that tests can shorten the bound.
    seconds: float = field(default_factory=lambda: FILE_BUDGET_SECONDS)
    deadline: float = field(init=False)

    def __post_init__(self) -> None:
        self.deadline = time.monotonic() + self.seconds

    def scaled(self, size: int) -> Budget:
        """This budget grown for a text of ``size`` characters: a bound on runaway patterns,
        not on the honest work a long file needs."""
        extra = self.seconds * (size // 1_000_000)
        self.seconds += extra
        self.deadline += extra
        return self

    def finditer_within(
        self, pattern: Pattern, text: str, spans: Iterable[Span] | SpanSet
    ) -> Iterator[regex.Match]:
        """Matches of ``pattern`` that lie wholly inside one of ``spans``.

        One search over the stretch the spans cover, not one per span: a rule's patterns then
        cost a few calls per file however many blocks it has.
        """
        ordered = spans if isinstance(spans, SpanSet) else SpanSet.of(spans)
        if not ordered.spans:
            return
        starts, runs = ordered.starts, ordered.spans
        for match in self.finditer(pattern, text, ordered.start, ordered.end):
            i = bisect_right(starts, match.start()) - 1
            if i >= 0 and match.end() <= runs[i].end:
                yield match

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
