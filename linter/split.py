"""One large document's rules shared between processes.

Files are the unit of parallel work (see :mod:`linter.parallel`), so a run over one very large
article would use a single core. When such a document is linted in the calling process and
more than one job is allowed, its rules are dealt into groups of about equal cost and all but
one group run in forked copies of this process, which inherit the parsed document for free
(copy-on-write) and send back their diagnostics. Each group's diagnostics are exactly what
running its rules here would give; if a copy fails in any way, its rules are run here instead.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Documents shorter than this (in characters) are linted in one process: below it, starting a
#: copy costs about what it saves.
MIN_CHARS = 1_000_000


def can_fork() -> bool:
    """Whether this platform forks safely: Linux only (macOS may not survive a fork of a
    process that has loaded system frameworks; Windows has no fork)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def deal(items: Sequence[T], cost: Callable[[T], float], bins: int) -> list[list[int]]:
    """Indexes of ``items`` dealt into at most ``bins`` groups of about equal total cost.

    Costliest first, each to the lightest group so far (ties to the lowest group); items in a
    group keep their original order. Groups that would be empty are left out.
    """
    groups: list[list[int]] = [[] for _ in range(max(1, bins))]
    loads = [0.0] * len(groups)
    order = sorted(range(len(items)), key=lambda i: (-cost(items[i]), i))
    for i in order:
        g = min(range(len(groups)), key=lambda k: (loads[k], k))
        groups[g].append(i)
        loads[g] += cost(items[i])
    return [sorted(g) for g in groups if g]


def run_groups(groups: Sequence[Callable[[], R]]) -> list[R]:
    """Each group's result, in order: the first runs here, the others in forked copies.

    A copy that exits badly, is killed or sends back nothing usable has its group run here
    after the others, so the result never depends on whether a copy worked.
    """
    if len(groups) <= 1 or not can_fork():
        return [g() for g in groups]
    waiting: list[_Copy | None] = []
    try:
        for group in groups[1:]:
            try:
                waiting.append(_start(group))
            except OSError:  # no process or pipe to be had (a limit, memory): run it here
                waiting.append(None)
        results: list[R] = [groups[0]()]
        for group, copy in zip(groups[1:], waiting, strict=True):
            got = copy() if copy is not None else None
            results.append(got[0] if got is not None else group())  # type: ignore[arg-type]
    finally:
        for copy in waiting:
            if copy is not None:
                copy.abandon()
    return results


class _Copy:
    """A forked copy of this process computing one value, and how to collect it."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid = pid
        self.fd = fd
        self.done = False

    def __call__(self) -> tuple[object] | None:
        """(value,) from the copy, or None when it failed."""
        import pickle

        chunks = []
        try:
            with os.fdopen(self.fd, "rb", closefd=True) as pipe:
                self.fd = -1
                while chunk := pipe.read(1 << 20):
                    chunks.append(chunk)
        except OSError:
            pass
        status = self._wait()
        if status != 0 or not chunks:
            return None
        try:
            value = pickle.loads(b"".join(chunks))
        except Exception:  # a truncated or foreign payload: run the group here instead
            return None
        return (value,)

    def _wait(self) -> int:
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:
            status = -1
        self.done = True  # only once reaped: an interrupted wait leaves it to abandon()
        return status

    def abandon(self) -> None:
        """Stop and reap the copy if it was never collected (the run is failing)."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        if not self.done:
            import signal

            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self._wait()


def _start(group: Callable[[], object]) -> _Copy:
    """Fork a copy that computes ``group()`` and writes it, pickled, to a pipe."""
    import pickle
    import signal

    read, write = os.pipe()
    # Ctrl-C is held back across the fork: delivered in the copy before its own handling
    # starts, it would run the caller's code (and its output) twice.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        raise
    if pid == 0:  # the copy: never returns into the caller's code
        code = 1  # any failure means "run the group in the parent"
        try:
            # The parent's handler stays: Ctrl-C in the copy ends it here, through the
            # BaseException below, never in the caller's code.
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            os.close(read)
            data = pickle.dumps(group(), protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(data)
            while view:
                view = view[os.write(write, view) :]
            code = 0
        except BaseException:
            pass
        finally:
            # No atexit handlers, no flushing of the parent's buffered output.
            os._exit(code)
    signal.pthread_sigmask(signal.SIG_SETMASK, held)
    os.close(write)
    return _Copy(pid, read)
