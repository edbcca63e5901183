"""A progress line on stderr for long runs: files done, findings so far, files per second.

Shown only when stderr is a terminal and the run is not in CI, and only once the run has
taken more than a moment; cleared before any finding is printed and at the end, so it never
mixes with the output.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from typing import TextIO

from linter.runner import FileReport

DELAY = 0.5  # seconds before the line first appears
EVERY = 0.1  # seconds between redraws


def wanted(stream: TextIO) -> bool:
    """Whether a progress line belongs on ``stream``: a terminal, outside CI."""
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Progress:
    """Counts reports as they pass and redraws one line on ``stream``."""

    def __init__(self, stream: TextIO, out: TextIO | None = None) -> None:
        self.stream = stream
        self.out = out
        #: Findings go to the same terminal: the line must make way for each of them.
        self.shared = bool(out is not None and getattr(out, "isatty", lambda: False)())
        self.files = 0
        self.findings = 0
        self.started = time.perf_counter()
        self.drawn_at = 0.0
        self.shown = False

    def track(self, reports: Iterable[FileReport]) -> Iterator[FileReport]:
        """Pass ``reports`` through, keeping the line up to date between them."""
        try:
            for report in reports:
                self.files += 1
                self.findings += len(report.diagnostics)
                if report.diagnostics and self.shared:
                    self.clear()
                yield report
                self._maybe_draw()
        finally:
            self.clear()

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        files = f"{self.files:,} file" + ("" if self.files == 1 else "s")
        found = f"{self.findings:,} finding" + ("" if self.findings == 1 else "s")
        return f"copydesk: {files} checked, {found}, {self.files / elapsed:,.0f} files/s"

    def _maybe_draw(self) -> None:
        now = time.perf_counter()
        if now - self.started < DELAY or now - self.drawn_at < EVERY:
            return
        if self.out is not None:
            self.out.flush()  # findings already written go out before the line is drawn
        self.stream.write("\r\x1b[K" + self.line(now))
        self.stream.flush()
        self.drawn_at = now
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
