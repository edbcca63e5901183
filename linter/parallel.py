"""Linting many files: in worker processes, through the cache, in a deterministic order.

A handful of files is linted in the calling process (starting workers would cost more than it
saves). More are sent to a pool in small chunks, with only a few chunks in flight at a time:
reports come back in the order the files were found and are handed on at once, so memory stays
flat however many files there are. Each worker receives the validated configuration once, when
it starts.
"""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter.config import Config
from linter.parse import format_for
from linter.runner import FileReport, lint_file

if TYPE_CHECKING:
    from linter.cache import Cache

#: (display path, file, problem), as :func:`linter.runner.collect` yields them.
Entry = tuple[str, "Path | None", "str | None"]

#: Up to this many files are linted in the calling process.
IN_PROCESS_MAX = 8
#: Files per task sent to a worker: large enough to make the round trip cheap, small enough
#: to keep both workers busy to the end.
CHUNK = 16
#: Chunks in flight per worker.
WINDOW = 4

_config: Config | None = None
_cache: Cache | None = None


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def lint_one(shown: str, file: Path, config: Config, cache: Cache | None) -> FileReport:
    """One file's report, from the cache when its bytes and the configuration are unchanged."""
    if cache is None:
        return lint_file(file, shown, config)
    try:
        data = file.read_bytes()
    except OSError:
        return lint_file(file, shown, config)  # which reports the read error
    key = cache.key(data, format_for(shown))
    report = cache.load(key, shown)
    if report is None:
        report = lint_file(file, shown, config)
        cache.store(key, report)
    return report


def lint_entries(
    entries: Iterable[Entry],
    config: Config,
    other: Callable[[Entry], FileReport],
    *,
    jobs: int,
    cache: Cache | None = None,
) -> Iterator[FileReport]:
    """Reports for ``entries`` in order: files are linted here, the rest go to ``other``.

    ``other`` handles entries that are not readable files (stdin, missing paths) and always
    runs in this process.
    """
    stream = iter(entries)
    head = list(islice(stream, IN_PROCESS_MAX + 1))
    if jobs <= 1 or len(head) <= IN_PROCESS_MAX:
        for entry in chain(head, stream):
            shown, file, problem = entry
            if file is not None and problem is None:
                yield lint_one(shown, file, config, cache)
            else:
                yield other(entry)
        return
    yield from _pooled(chain(head, stream), config, other, jobs, cache)


def _pooled(
    entries: Iterator[Entry],
    config: Config,
    other: Callable[[Entry], FileReport],
    jobs: int,
    cache: Cache | None,
) -> Iterator[FileReport]:
    import multiprocessing

    # fork shares the parent's imported modules and validated rules at no cost; elsewhere (and
    # on macOS, where forking is unsafe) workers start fresh and receive the config pickled.
    method = "fork" if sys.platform.startswith("linux") else None
    context = multiprocessing.get_context(method)
    pool = context.Pool(jobs, initializer=_init_worker, initargs=(config, cache))
    try:
        pending: deque[Any] = deque()
        chunk: list[tuple[str, str]] = []

        def drain_one() -> Iterator[FileReport]:
            item = pending.popleft()
            if isinstance(item, tuple):
                yield other(item)
            else:
                yield from item.get()

        for entry in entries:
            shown, file, problem = entry
            if file is not None and problem is None:
                chunk.append((shown, os.fspath(file)))
                if len(chunk) < CHUNK:
                    continue
                pending.append(pool.apply_async(_work, (chunk,)))
                chunk = []
            else:
                if chunk:
                    pending.append(pool.apply_async(_work, (chunk,)))
                    chunk = []
                pending.append(entry)
            while len(pending) >= jobs * WINDOW:
                yield from drain_one()
        if chunk:
            pending.append(pool.apply_async(_work, (chunk,)))
        while pending:
            yield from drain_one()
        pool.close()
        pool.join()
    finally:
        pool.terminate()


def _init_worker(config: Config, cache: Cache | None) -> None:
    global _config, _cache
    # The parent handles Ctrl-C and stops the pool; workers must not print tracebacks for it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _config = config
    _cache = cache


def _work(chunk: list[tuple[str, str]]) -> list[FileReport]:
    assert _config is not None
    return [lint_one(shown, Path(file), _config, _cache) for shown, file in chunk]
