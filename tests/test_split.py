"""One large document's rules shared between forked copies: the same diagnostics as one
process, whatever happens to the copies."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter import split
from linter.cli import main
from linter.config import load_config
from linter.runner import lint_file
from tests.conftest import ROOT

forks = pytest.mark.skipif(
    not split.can_fork(), reason="documents are split only where fork is safe"
)

ARTICLES = sorted((ROOT / "examples").iterdir()) + sorted((ROOT / "tests" / "corpus").rglob("*.*"))


def test_deal_gives_the_costliest_first_to_the_lightest_group() -> None:
    costs = [1.0, 15.0, 9.0, 2.0, 1.0, 1.0, 1.0]
    groups = split.deal(costs, lambda c: c, 2)
    assert groups == [[1], [0, 2, 3, 4, 5, 6]]
    assert split.deal(costs, lambda c: c, 3) == [[1], [2], [0, 3, 4, 5, 6]]


def test_deal_leaves_out_groups_with_nothing_in_them() -> None:
    assert split.deal(["only"], lambda _: 1.0, 4) == [[0]]
    assert split.deal([], lambda _: 1.0, 2) == []


@forks
def test_the_first_group_runs_here_and_the_others_in_copies() -> None:
    here = os.getpid()
    pids = split.run_groups([os.getpid, os.getpid, os.getpid])
    assert pids[0] == here
    assert pids[1] != here and pids[2] != here and pids[1] != pids[2]


def _fails_in_a_copy(how: str):
    parent = os.getpid()

    def group() -> str:
        if os.getpid() != parent:
            if how == "raise":
                raise RuntimeError("broken copy")
            if how == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            if how == "exit":
                os._exit(0)  # exits "well" but sends nothing back
        return f"made by the parent ({how})"

    return group


@forks
@pytest.mark.parametrize("how", ["raise", "kill", "exit"])
def test_a_copy_that_fails_has_its_group_run_here(how: str) -> None:
    assert split.run_groups([lambda: "first", _fails_in_a_copy(how)]) == [
        "first",
        f"made by the parent ({how})",
    ]


def test_without_fork_every_group_runs_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(split, "can_fork", lambda: False)
    here = os.getpid()
    assert split.run_groups([os.getpid, os.getpid]) == [here, here]


@forks
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_a_split_document_gets_exactly_one_process_s_diagnostics(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = load_config(isolated=True)
    alone = lint_file(path, path.name, config)
    calls: list[int] = []
    real = split.run_groups

    def counted(groups):  # type: ignore[no-untyped-def]
        calls.append(len(groups))
        return real(groups)

    monkeypatch.setattr(split, "MIN_CHARS", 0)
    monkeypatch.setattr(split, "run_groups", counted)
    assert lint_file(path, path.name, config, processes=2) == alone
    # Files that do not decode are never parsed, so never split.
    assert calls == ([] if any(d.rule == "read-error" for d in alone.diagnostics) else [2])


def test_small_documents_and_one_job_are_never_split(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(groups):  # type: ignore[no-untyped-def]
        raise AssertionError("split")

    monkeypatch.setattr(split, "run_groups", refuse)
    config = load_config(isolated=True)
    article = ROOT / "examples" / "pipeline-residue.txt"
    assert lint_file(article, "p.txt", config, processes=2).diagnostics
    monkeypatch.setattr(split, "MIN_CHARS", 0)
    assert lint_file(article, "p.txt", config, processes=1).diagnostics


@forks
def test_one_large_file_prints_the_same_with_one_job_or_two(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every example article, one after another, is a long article with findings of every
    # kind; the threshold is lowered so that the test needs no megabytes.
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("examples/*.txt")))
    (tmp_path / "long.txt").write_text(text * 3, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(split, "MIN_CHARS", 1000)
    runs = {}
    for jobs in ("1", "2"):
        result = CliRunner().invoke(
            main, ["check", "--isolated", "--no-cache", "--format", "json", "-j", jobs, "long.txt"]
        )
        runs[jobs] = (result.exit_code, result.stdout)
    assert runs["1"] == runs["2"]
    assert runs["1"][0] == 1
    rules = {line.split('"')[3] for line in runs["1"][1].splitlines() if '"rule":' in line}
    assert len(rules) >= 6 and "duplicate-section" in rules


@forks
@pytest.mark.parametrize("failing", [1, 2])
def test_a_fork_that_fails_has_its_group_run_here(
    failing: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fork = os.fork
    calls = []

    def fork() -> int:
        calls.append(1)
        if len(calls) == failing:
            raise BlockingIOError("no more processes")
        return real_fork()

    monkeypatch.setattr(os, "fork", fork)
    here = os.getpid()
    pids = split.run_groups([os.getpid, os.getpid, os.getpid])
    assert len(calls) == 2
    # The group whose fork failed ran here; the other ran in a copy.
    assert pids[0] == here and pids[failing] == here and pids[3 - failing] != here
