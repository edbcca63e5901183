"""The result cache: same output warm as cold, keyed by content and configuration, robust."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

from click.testing import CliRunner

from linter.cache import CACHE_DIR, Cache, decode_report, encode_report
from linter.cli import main
from linter.config import load_config
from linter.runner import FileReport, lint_file
from tests.conftest import ROOT

PIPELINE = ROOT / "examples" / "pipeline-residue.txt"


def _articles(folder: Path) -> None:
    for name in ("pipeline-residue.txt", "markdown-residue.md", "clean-article.md"):
        (folder / name).write_bytes((ROOT / "examples" / name).read_bytes())


def _check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--isolated", "--jobs", "1", *args])
    return result.exit_code, result.stdout


def _entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*/*") if not p.name.startswith("."))


def test_warm_run_prints_exactly_what_the_cold_run_printed(tmp_path, monkeypatch) -> None:
    _articles(tmp_path)
    monkeypatch.chdir(tmp_path)
    cold = _check("--no-cache", ".")
    assert not (tmp_path / CACHE_DIR).exists()
    first = _check(".")
    warm = _check(".")
    assert cold == first == warm
    assert cold[0] == 1
    assert (tmp_path / CACHE_DIR / ".gitignore").read_text().splitlines()[-1] == "*"
    assert len(_entries(tmp_path / CACHE_DIR)) == 3


def test_cache_dir_option_and_json_output(tmp_path, monkeypatch) -> None:
    _articles(tmp_path)
    monkeypatch.chdir(tmp_path)
    where = tmp_path / "elsewhere"
    cold = _check("--format", "json", "--no-cache", ".")
    warm = [_check("--format", "json", "--cache-dir", str(where), ".") for _ in range(2)]
    assert cold == warm[0] == warm[1]
    assert not (tmp_path / CACHE_DIR).exists()
    assert len(_entries(where)) == 3


def test_a_corrupt_entry_is_ignored_and_rewritten(tmp_path, monkeypatch) -> None:
    _articles(tmp_path)
    monkeypatch.chdir(tmp_path)
    expected = _check(".")
    entries = _entries(tmp_path / CACHE_DIR)
    damage = [
        b"[" * 100_000,  # nested too deep for the JSON reader
        b"{not json",
        json.dumps({"key": "0" * 40, "diagnostics": [], "lines": []}).encode(),  # another key
    ]
    for entry, bad in zip(entries, damage, strict=True):
        if bad == b"{not json":
            bad = entry.read_bytes()[:-7]  # truncated mid-write
        entry.write_bytes(bad)
    assert _check(".") == expected
    for entry in entries:
        data = json.loads(entry.read_bytes())
        assert data["key"] == entry.parent.name + entry.name


def test_a_wrongly_shaped_entry_is_not_trusted(tmp_path, monkeypatch) -> None:
    _articles(tmp_path)
    monkeypatch.chdir(tmp_path)
    expected = _check(".")
    for entry in _entries(tmp_path / CACHE_DIR):
        data = json.loads(entry.read_bytes())
        for d in data["diagnostics"]:
            d["line"] = "12"  # text where a number belongs
        data["diagnostics"].append({"rule": "made-up"})
        entry.write_text(json.dumps(data))
    assert _check(".") == expected


def test_configuration_is_part_of_the_key(tmp_path, monkeypatch) -> None:
    _articles(tmp_path)
    monkeypatch.chdir(tmp_path)
    _check(".")
    (tmp_path / ".copydesk.yaml").write_text("rules:\n  empty-bullet: warning\n")
    result = CliRunner().invoke(main, ["check", "--jobs", "1", "pipeline-residue.txt"])
    assert "empty-bullet" in result.stdout
    assert (
        result.stdout
        == CliRunner()
        .invoke(main, ["check", "--jobs", "1", "--no-cache", "pipeline-residue.txt"])
        .stdout
    )
    data = json.loads(
        CliRunner()
        .invoke(main, ["check", "--jobs", "1", "--format", "json", "pipeline-residue.txt"])
        .stdout
    )
    severities = {d["severity"] for d in data["diagnostics"] if d["rule"] == "empty-bullet"}
    assert severities == {"warning"}


def test_reports_survive_the_round_trip() -> None:
    config = load_config(isolated=True)
    report = lint_file(PIPELINE, "a/b.txt", config)
    assert any(d.fix is not None for d in report.diagnostics)
    assert any(d.related for d in report.diagnostics)
    encoded = json.loads(json.dumps(encode_report(report)))
    assert decode_report(encoded, "a/b.txt") == report
    # The same content under another name is reported under that name.
    moved = decode_report(encoded, "c.txt")
    assert {d.path for d in moved.diagnostics} == {"c.txt"}
    assert {r.path for d in moved.diagnostics for r in d.related} <= {"c.txt"}


def test_the_key_depends_on_content_and_format(tmp_path) -> None:
    cache = Cache(tmp_path, load_config(isolated=True))
    assert cache.key(b"abc", "text") == cache.key(b"abc", "text")
    assert cache.key(b"abc", "text") != cache.key(b"abd", "text")
    assert cache.key(b"abc", "text") != cache.key(b"abc", "markdown")


def _store_many(folder: str, seed: int) -> None:
    config = load_config(isolated=True)
    cache = Cache(Path(folder), config)
    report = lint_file(PIPELINE, "p.txt", config)
    key = cache.key(PIPELINE.read_bytes(), "text")
    for _ in range(40):
        cache.store(key, report)
        loaded = cache.load(key, "p.txt")
        assert loaded is None or loaded == report


def test_concurrent_writers_leave_a_valid_entry(tmp_path) -> None:
    workers = [
        multiprocessing.Process(target=_store_many, args=(str(tmp_path), i)) for i in range(4)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    entries = _entries(tmp_path)
    assert len(entries) == 1  # no temporary files left behind
    config = load_config(isolated=True)
    cache = Cache(tmp_path, config)
    key = cache.key(PIPELINE.read_bytes(), "text")
    assert cache.load(key, "p.txt") == lint_file(PIPELINE, "p.txt", config)


def test_an_unwritable_cache_does_not_stop_the_run(tmp_path, monkeypatch) -> None:
    _articles(tmp_path)
    monkeypatch.chdir(tmp_path)
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the cache folder should be\n")
    assert _check("--cache-dir", str(blocker / "cache"), ".") == _check("--no-cache", ".")


def test_an_entry_without_findings_is_read_by_its_bytes(tmp_path: Path) -> None:
    from linter.cache import empty_entry, entry_bytes

    config = load_config(isolated=True)
    cache = Cache(tmp_path, config)
    key = cache.key(b"Title\n\nBody.\n", "text")
    empty = FileReport("a.txt", (), {})
    assert entry_bytes({**encode_report(empty), "key": key}) == empty_entry(key)
    cache.store(key, empty)
    assert cache._path(key).read_bytes() == empty_entry(key)
    assert cache.load(key, "b.txt") == FileReport("b.txt", (), {})
    # An entry whose bytes differ in the least is read as JSON and checked as before.
    cache._path(key).write_bytes(empty_entry(key).replace(b"[]", b"[ ]", 1))
    assert cache.load(key, "b.txt") == FileReport("b.txt", (), {})
    cache._path(key).write_bytes(empty_entry("0" * 40))
    assert cache.load(key, "b.txt") is None


def test_an_entry_is_keyed_by_the_bytes_that_were_linted(tmp_path: Path) -> None:
    from linter.parallel import cached, lint_and_store

    config = load_config(isolated=True)
    cache = Cache(tmp_path / "cache", config)
    article = tmp_path / "a.txt"
    article.write_bytes(PIPELINE.read_bytes())
    assert cached("a.txt", article, cache)[0] is None
    report = lint_and_store("a.txt", article, config, cache)
    assert cached("a.txt", article, cache)[0] == report
    article.write_text("Harbour Reopens\n\nThe harbour reopened on Monday.\n", encoding="utf-8")
    assert cached("a.txt", article, cache)[0] is None  # new bytes, new key
