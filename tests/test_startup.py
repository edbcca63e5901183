"""Start-up imports only what the run needs (checked in a fresh interpreter, not timed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

PROBE = """
import sys
own, args = sys.argv[1] == "own", sys.argv[2:]
try:
    if own:  # as the console script runs it
        from linter import console
        sys.argv = ["copydesk", *args]
        console.run()
    else:  # as a program calling copydesk would
        from linter import cli
        cli.main(args, standalone_mode=False)
except SystemExit:
    pass
heavy = ("markdown_it", "rapidfuzz", "linter.reporters.json", "linter.reporters.text",
         "multiprocessing", "traceback", "tomllib", "yaml", "linter.engine", "linter.kinds.base",
         "concurrent.futures", "signal", "pickle", "json", "hashlib", "tempfile", "linter.cache",
         "linter.baseline", "linter.fixes", "linter.gitdiff", "difflib", "linter.suppressions",
         "click", "linter.cli")
loaded = sorted(m for m in heavy if m in sys.modules)
import gc, json  # only now, so that the list above is the run's own
frozen = ["(heap frozen)"] if gc.get_freeze_count() else []
sys.stderr.write(json.dumps(loaded + frozen))
"""


def _loaded(*args: str, own: bool = True) -> list[str]:
    where = "own" if own else "library"
    # As a default Python runs: the compiled rulebook is kept only where bytecode may be.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, where, "check", "--isolated", "--no-cache", *args],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    return json.loads(result.stderr.splitlines()[-1])


def test_a_plain_text_file_needs_no_markdown_parser_and_one_reporter() -> None:
    loaded = _loaded("examples/clean-article.txt")
    assert "markdown_it" not in loaded
    assert "linter.reporters.json" not in loaded
    assert "multiprocessing" not in loaded  # one file stays in-process
    assert "traceback" not in loaded and "tomllib" not in loaded


def test_rapidfuzz_only_for_rules_that_compare_text(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert "rapidfuzz" not in _loaded("--select", "empty-bullet", "examples/clean-article.txt")
    # duplicate-section imports it at its first comparison: an article without repeats
    # never gets there, one with a near copy does.
    assert "rapidfuzz" not in _loaded("--select", "duplicate-section", "examples/clean-article.txt")
    said = "after a week of storms kept every boat in port, the harbour master said on the quay."
    near = tmp_path / "near.txt"
    near.write_text(
        f"Harbour Reopens\nFerries sailed on Monday {said}\nFerries sailed on Tuesday {said}\n"
    )
    assert "rapidfuzz" in _loaded("--select", "duplicate-section", str(near))


def test_every_rule_on_a_usual_article_needs_no_rapidfuzz() -> None:
    # The kinds that compare text rule unlike pairs out in Python (linter/kinds/similarity.py).
    assert "rapidfuzz" not in _loaded("examples/clean-article.txt")
    assert "rapidfuzz" not in _loaded("examples/clean-article.md")
    # A name spelled two ways is a pair only rapidfuzz can score.
    assert "rapidfuzz" in _loaded("examples/name-drift.txt")


def test_markdown_and_json_when_asked_for() -> None:
    loaded = _loaded("--format", "json", "examples/clean-article.md")
    assert "markdown_it" in loaded and "linter.reporters.json" in loaded
    assert "linter.reporters.text" not in loaded


def test_no_yaml_parser_once_the_rulebook_is_compiled() -> None:
    _loaded("examples/clean-article.txt")  # compiles the built-in rulebook if it is not yet
    assert "yaml" not in _loaded("examples/clean-article.txt")
    # Front matter is YAML: a Markdown article still gets the parser when it needs it.
    assert "yaml" in _loaded("examples/broken-front-matter.md")


def test_a_finished_check_freezes_the_heap_before_exit() -> None:
    # The interpreter's final collections then skip the modules and rules (see commands._exit).
    assert "(heap frozen)" in _loaded("examples/clean-article.txt")


def test_a_program_that_calls_copydesk_keeps_its_heap_collectable() -> None:
    # Frozen objects are never collected: a caller's garbage must not be frozen with ours.
    assert "(heap frozen)" not in _loaded("examples/clean-article.txt", own=False)


def test_a_single_uncached_file_needs_no_pool_cache_pickle_module_or_json() -> None:
    _loaded("examples/clean-article.txt")  # compiles the built-in rulebook if it is not yet
    loaded = _loaded("examples/clean-article.txt")
    for module in (
        "concurrent.futures",  # one file is linted in this process
        "signal",  # only pool workers set a handler
        "pickle",  # the compiled rulebook is read by the C unpickler alone
        "tempfile",  # only writing the compiled rulebook needs it
        "json",
        "hashlib",
        "linter.cache",  # --no-cache
        "linter.baseline",  # no --baseline, and fingerprints only for findings
        "linter.fixes",
        "linter.gitdiff",
        "difflib",
        "linter.suppressions",  # a plain-text file holds no suppression comments
    ):
        assert module not in loaded, module


def test_a_plain_check_needs_no_click() -> None:
    # The console script reads a plain `check` command line itself (linter.console).
    for args in (
        ["examples/clean-article.txt"],
        ["--format", "json", "examples/pipeline-residue.txt"],
        ["--force-exclude", "-q", "examples/clean-article.md", "examples/name-drift.txt"],
    ):
        loaded = _loaded(*args)
        assert "click" not in loaded and "linter.cli" not in loaded, args


def test_colour_needs_no_click(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "click" not in _loaded("examples/pipeline-residue.txt")


def test_anything_else_goes_to_click() -> None:
    assert "click" in _loaded("--select", "empty-bullet", "examples/clean-article.txt")
    assert "click" in _loaded("examples/clean-article.txt", own=False)


def test_a_finding_needs_no_baseline_module_hashlib_or_json() -> None:
    # Every diagnostic gets fingerprints (linter.fingerprints): SHA-256 without hashlib.
    loaded = _loaded("examples/pipeline-residue.txt")
    for module in ("linter.baseline", "hashlib", "json", "rapidfuzz"):
        assert module not in loaded, module


def test_only_records_nothing_compares_leave_out_value_equality() -> None:
    # eq=False saves creating __eq__ and __hash__ at import; options and public records are
    # compared and hashed (cache keys, adopted options), so they keep both.
    from linter.document import Block, Document, Span
    from linter.engine import Diagnostic
    from linter.figures.analysis import Figure, FigureAnalysis
    from linter.findings import Finding
    from linter.kinds.existence import ExistenceOptions, _Matcher
    from linter.kinds.name_variants import NameVariantsOptions, _Occurrence
    from linter.patterns import Budget
    from linter.reporters import Summary

    for compared in (Span, Block, Document, Diagnostic, Finding, ExistenceOptions):
        assert "__eq__" in vars(compared), compared
    assert NameVariantsOptions() == NameVariantsOptions()
    assert hash(NameVariantsOptions()) == hash(NameVariantsOptions())
    for private in (Figure, FigureAnalysis, _Matcher, _Occurrence, Budget, Summary):
        assert "__eq__" not in vars(private), private


def test_records_made_once_a_run_are_created_without_slots() -> None:
    # slots=True builds each class twice; it pays only for records made per article.
    from linter.document import Block, Span
    from linter.engine import Diagnostic
    from linter.kinds.existence import ExistenceOptions
    from linter.kinds.name_variants import NameVariantsOptions
    from linter.parse.roles import ArticleOptions
    from linter.reporters import Summary

    for once in (ExistenceOptions, NameVariantsOptions, ArticleOptions, Summary):
        assert "__slots__" not in vars(once), once
    for many in (Span, Block, Diagnostic):
        assert "__slots__" in vars(many), many


def test_error_records_survive_pickling_and_copying() -> None:
    # Frozen exceptions keep their fields in slots: without them, unpickling or copying one
    # would set its __dict__ through the frozen __setattr__ and fail.
    import copy
    import pickle

    from linter.parse import DecodeError
    from linter.yamlsource import YamlError

    for error in (DecodeError("not valid UTF-8 at byte 3", 3), YamlError("a.md", 2, "bad")):
        for again in (pickle.loads(pickle.dumps(error)), copy.copy(error)):
            assert type(again) is type(error)
            assert again == error
            assert str(again) == str(error)
