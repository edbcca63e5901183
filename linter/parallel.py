"""Linting many files: in worker processes, through the cache, in a deterministic order.

A handful of files is linted in the calling process (starting workers would cost more than it
saves). More are sent to a pool in small chunks, with only a few chunks in flight at a time:
reports come back in the order the files were found and are handed on at once, so memory stays
flat however many files there are. Each worker receives the validated configuration once, when
it starts.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter.config import Config
from linter.parse import format_for
from linter.runner import FileReport, lint_data, lint_file
from linter.stamp import read_all

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


#: ``--jobs`` is cut to so many workers for each CPU.
MAX_JOBS_PER_CPU = 4


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def cached(shown: str, file: Path, cache: Cache) -> tuple[FileReport | None, str | None]:
    """The cached report for a file if there is one, and the file's cache key."""
    try:
        data = read_all(file)
    except OSError:
        return None, None  # linting it reports the read error
    key = _key(cache, data, shown)
    return cache.load(key, shown), key


def _key(cache: Cache, data: bytes, shown: str) -> str:
    """The cache key of these bytes, as the file ``shown`` under this run's configuration."""
    return cache.key(data, format_for(shown), cache.overrides_for(shown))


def lint_and_store(shown: str, file: Path, config: Config, cache: Cache | None) -> FileReport:
    """Lint a file and keep its report under the key of the very bytes that were linted
    (what a worker does with a file the parent found no entry for)."""
    if cache is None:
        return lint_file(file, shown, config)
    try:
        data = file.read_bytes()  # as lint_file reads it: only a miss gets here
    except OSError:
        return lint_file(file, shown, config)  # which reports why it cannot be read
    # One read for both the key and the lint: an entry always describes the bytes it is keyed
    # by, even when the file changes during the run.
    report = lint_data(data, shown, config)
    cache.store(_key(cache, data, shown), report)
    return report


def lint_one(
    shown: str, file: Path, config: Config, cache: Cache | None, processes: int = 1
) -> FileReport:
    """One file's report, from the cache when its bytes and the configuration are unchanged.

    A large file's rules may be shared between up to ``processes`` processes.
    """
    if cache is None:
        return lint_file(file, shown, config, processes=processes)
    try:
        data = read_all(file)
    except OSError:
        return lint_file(file, shown, config)  # which reports why it cannot be read
    # One read for the key, the lookup and, on a miss, the lint.
    key = _key(cache, data, shown)
    report = cache.load(key, shown)
    if report is None:
        report = lint_data(data, shown, config, processes=processes)
        cache.store(key, report)
    return report


def lint_entries(
    entries: Iterable[Entry],
    config: Config,
    other: Callable[[Entry], FileReport | None],
    *,
    jobs: int,
    cache: Cache | None = None,
) -> Iterator[FileReport]:
    """Reports for ``entries`` in order: files are linted here, the rest go to ``other``.

    ``other`` handles entries that are not readable files (stdin, missing paths) and always
    runs in this process; an entry it returns None for gives no report. With a cache, this
    process answers unchanged files itself (reading an entry is cheaper than a round trip to
    a worker); only the others go to workers, which start at the first file to lint.
    """
    stream = iter(entries)
    head = list(islice(stream, IN_PROCESS_MAX + 1))
    if jobs <= 1 or len(head) <= IN_PROCESS_MAX:
        for entry in chain(head, stream):
            shown, file, problem = entry
            if file is not None and problem is None:
                # A few files, linted here one after another: a large one may use the other
                # jobs for its own rules.
                yield lint_one(shown, file, config, cache, jobs)
            else:
                report = other(entry)
                if report is not None:
                    yield report
        return
    yield from _pooled(chain(head, stream), config, other, jobs, cache)


def _pooled(
    entries: Iterator[Entry],
    config: Config,
    other: Callable[[Entry], FileReport | None],
    jobs: int,
    cache: Cache | None,
) -> Iterator[FileReport]:
    pool = None
    try:
        # Each item: (number of files, a finished report, an entry for ``other`` or a worker's
        # pending chunk). At most ``limit`` files are in flight at once.
        pending: deque[tuple[int, Any]] = deque()
        chunk: list[tuple[str, str]] = []
        in_flight = 0
        limit = jobs * WINDOW * CHUNK

        def add(count: int, item: Any) -> None:
            nonlocal in_flight
            pending.append((count, item))
            in_flight += count

        def drain_one() -> Iterator[FileReport]:
            nonlocal in_flight
            count, item = pending.popleft()
            in_flight -= count
            if isinstance(item, FileReport):
                yield item
            elif isinstance(item, tuple):
                report = other(item)
                if report is not None:
                    yield report
            else:
                yield from item.result()

        def submit() -> None:
            nonlocal pool, chunk
            if pool is None:
                pool = _start_pool(config, cache, jobs)
            add(len(chunk), pool.submit(_work, chunk))
            chunk = []

        for entry in entries:
            shown, file, problem = entry
            if file is not None and problem is None:
                if cache is not None:
                    report, _ = cached(shown, file, cache)
                    if report is not None:
                        if chunk:
                            submit()
                        add(1, report)
                        continue
                chunk.append((shown, os.fspath(file)))
                if len(chunk) >= CHUNK:
                    submit()
            else:
                if chunk:
                    submit()
                add(1, entry)
            while in_flight >= limit or (pending and not _waiting(pending[0][1])):
                yield from drain_one()
        if chunk:
            submit()
        while pending:
            yield from drain_one()
        if pool is not None:
            pool.shutdown(wait=True)
            pool = None
    finally:
        if pool is not None:  # stopped early: an error, or the reader went away
            pool.shutdown(wait=False, cancel_futures=True)


def _waiting(item: Any) -> bool:
    """Whether ``item`` is a worker's chunk that is not finished yet."""
    return not isinstance(item, FileReport | tuple) and not item.done()


def _start_pool(config: Config, cache: Cache | None, jobs: int) -> Any:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the parent's imported modules and validated rules at no cost; elsewhere (and
    # on macOS, where forking is unsafe) workers start fresh and receive the config pickled.
    # An executor, not multiprocessing.Pool: if a worker dies (a crash in a C extension, the
    # OOM killer) the run stops with an error instead of waiting forever for its results.
    method = "fork" if sys.platform.startswith("linux") else None
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context(method),
        initializer=_init_worker,
        initargs=(config, cache),
    )


def _init_worker(config: Config, cache: Cache | None) -> None:
    import signal  # only workers need it: a run of a few files starts none

    global _config, _cache
    # The parent handles Ctrl-C and stops the pool; workers must not print tracebacks for it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _config = config
    _cache = cache


def _work(chunk: list[tuple[str, str]]) -> list[FileReport]:
    assert _config is not None
    return [lint_and_store(shown, Path(file), _config, _cache) for shown, file in chunk]
