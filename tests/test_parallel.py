"""Worker processes: the same output as one process, in order, streamed, with flat memory."""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.corpus import Defects, write_corpus
from linter import parallel
from linter.cli import main
from linter.config import load_config
from linter.parallel import Entry, lint_entries
from linter.runner import FileReport, lint_file, read_error
from tests.conftest import ROOT


def _check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", *args])
    return result.exit_code, result.stdout


def test_workers_print_exactly_what_one_process_prints(tmp_path, monkeypatch) -> None:
    write_corpus(tmp_path / "a", 30, seed=5, defects=Defects(pasted_body=0.3))
    write_corpus(tmp_path / "b", 12, seed=6)
    monkeypatch.chdir(tmp_path)
    # A missing path between two folders keeps its place in the output.
    args = ("a", "missing.txt", "b")
    one = _check("--jobs", "1", *args)
    two = _check("--jobs", "2", *args)
    json_one = _check("--jobs", "1", "--format", "json", *args)
    json_two = _check("--jobs", "2", "--format", "json", *args)
    assert one == two
    assert json_one == json_two
    assert one[0] == 2  # the missing path is a read error
    last_a = max(i for i, line in enumerate(one[1].splitlines()) if line.startswith("a/"))
    missing = next(i for i, line in enumerate(one[1].splitlines()) if "missing.txt" in line)
    assert last_a < missing
    assert one[1].index("missing.txt") < one[1].index("b/000/")


def test_diagnostics_cross_the_process_boundary() -> None:
    config = load_config(isolated=True)
    report = lint_file(ROOT / "examples" / "pipeline-residue.txt", "p.txt", config)
    assert any(d.fix for d in report.diagnostics) and any(d.related for d in report.diagnostics)
    assert report.lines
    assert pickle.loads(pickle.dumps(report)) == report
    # Rules hold compiled patterns, which compare by identity: compare what they find.
    copied = pickle.loads(pickle.dumps(config))
    assert [(a.id, a.severity) for a in copied.rules] == [(a.id, a.severity) for a in config.rules]
    again = lint_file(ROOT / "examples" / "pipeline-residue.txt", "p.txt", copied)
    assert again == report


def _entries(folder: Path) -> list[Entry]:
    return [(p.name, p, None) for p in sorted(folder.rglob("*.txt"))]


def _other(entry: Entry) -> FileReport:
    return FileReport(entry[0], (read_error(entry[0], "x"),), {})


def test_a_handful_of_files_stays_in_process(tmp_path, monkeypatch) -> None:
    write_corpus(tmp_path, parallel.IN_PROCESS_MAX * 2, seed=2)

    def no_pool(*args: object) -> Iterator[FileReport]:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(parallel, "_pooled", no_pool)
    config = load_config(isolated=True)
    entries = _entries(tmp_path)
    assert 1 <= len(entries) <= parallel.IN_PROCESS_MAX
    reports = list(lint_entries(entries, config, _other, jobs=2))
    assert [r.path for r in reports] == [e[0] for e in entries]


def test_results_stream_while_files_are_still_being_found(tmp_path) -> None:
    write_corpus(tmp_path, 300, seed=3)
    entries = _entries(tmp_path) + [(p.name, p, None) for p in sorted(tmp_path.rglob("*.md"))]
    pulled = 0

    def found() -> Iterator[Entry]:
        nonlocal pulled
        for entry in entries:
            pulled += 1
            yield entry

    config = load_config(isolated=True)
    reports = lint_entries(found(), config, _other, jobs=2)
    first = next(reports)
    assert first.path == entries[0][0]
    # Only a bounded window is in flight: nothing holds the whole run.
    bound = 2 * parallel.WINDOW * parallel.CHUNK + parallel.CHUNK + parallel.IN_PROCESS_MAX + 1
    assert pulled <= bound < len(entries)
    rest = list(reports)
    assert [r.path for r in [first, *rest]] == [e[0] for e in entries]


def test_unchanged_files_are_answered_without_workers(tmp_path, monkeypatch) -> None:
    from linter.cache import Cache

    write_corpus(tmp_path / "articles", 40, seed=8)
    config = load_config(isolated=True)
    cache = Cache(tmp_path / "cache", config)
    entries = sorted(
        ((p.name, p, None) for p in (tmp_path / "articles").rglob("*.*")), key=lambda e: e[0]
    )
    cold = list(lint_entries(entries, config, _other, jobs=2, cache=cache))

    def no_pool(*args: object) -> None:
        raise AssertionError("workers were started for unchanged files")

    monkeypatch.setattr(parallel, "_start_pool", no_pool)
    assert list(lint_entries(entries, config, _other, jobs=2, cache=cache)) == cold
    # A changed file is linted again (here, in this process: one file needs no workers).
    changed = entries[5][1]
    changed.write_bytes((ROOT / "examples" / "pipeline-residue.txt").read_bytes())
    monkeypatch.setattr(parallel, "IN_PROCESS_MAX", 100)
    again = list(lint_entries(entries, config, _other, jobs=2, cache=cache))
    assert [r.path for r in again] == [r.path for r in cold]
    assert again[5] == lint_file(changed, entries[5][0], config) != cold[5]
    assert again[:5] == cold[:5] and again[6:] == cold[6:]


def test_a_file_linted_in_this_process_is_read_once(tmp_path, monkeypatch) -> None:
    from linter.cache import Cache

    write_corpus(tmp_path / "articles", 6, seed=4)
    config = load_config(isolated=True)
    cache = Cache(tmp_path / "cache", config)
    entries = _entries(tmp_path / "articles")
    reads: list[str] = []
    real = parallel.read_all

    def counted(path: object) -> bytes:
        reads.append(str(path))
        return real(path)  # type: ignore[arg-type]

    def no_second_read(*args: object, **kwargs: object) -> FileReport:
        raise AssertionError("the file was read again to be linted")

    real_bytes = Path.read_bytes

    def counted_bytes(self: Path) -> bytes:
        reads.append(str(self))
        return real_bytes(self)

    monkeypatch.setattr(parallel, "read_all", counted)
    monkeypatch.setattr(Path, "read_bytes", counted_bytes)
    monkeypatch.setattr(parallel, "lint_file", no_second_read)
    cold = list(lint_entries(entries, config, _other, jobs=2, cache=cache))  # misses
    assert sorted(reads) == sorted(str(e[1]) for e in entries)
    monkeypatch.undo()
    assert cold == [lint_file(e[1], e[0], config) for e in entries]
    assert list(lint_entries(entries, config, _other, jobs=2, cache=cache)) == cold  # hits


def test_a_worker_that_dies_stops_the_run_instead_of_hanging(tmp_path, monkeypatch) -> None:
    write_corpus(tmp_path, 40, seed=4)
    real = parallel.lint_and_store

    def crash_on_one(shown, file, config, cache):
        if shown == "article-00020.txt":
            os._exit(1)  # as a segfault in a C extension or the OOM killer would
        return real(shown, file, config, cache)

    monkeypatch.setattr(parallel, "lint_and_store", crash_on_one)
    config = load_config(isolated=True)
    with pytest.raises(BrokenProcessPool):
        list(lint_entries(_entries(tmp_path), config, _other, jobs=2))


def test_jobs_are_cut_to_a_few_for_each_cpu(tmp_path, monkeypatch) -> None:
    import linter.parallel

    write_corpus(tmp_path / "a", 30, seed=5)
    monkeypatch.chdir(tmp_path)
    asked: list[int] = []
    real = linter.parallel.lint_entries

    def spy(*args, jobs, **kwargs):
        asked.append(jobs)
        return real(*args, jobs=jobs, **kwargs)

    monkeypatch.setattr(linter.parallel, "lint_entries", spy)
    monkeypatch.setattr(linter.parallel, "default_jobs", lambda: 2)
    many, three = _check("--jobs", "1000", "a"), _check("--jobs", "3", "a")
    assert many == three and many[0] in (0, 1)
    assert asked == [8, 3]


def test_an_absurd_number_of_jobs_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["check", "--jobs", "99999999999", "."])
    assert result.exit_code == 2
    assert "'-j' / '--jobs': 99999999999 is not in the range 1<=x<=1024" in result.stderr
    assert "Traceback" not in result.stderr
