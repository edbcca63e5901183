"""A rule that crashes on one file: an internal-error naming rule, file and cause; the rest of
the run completes; exit 3; the traceback only with --verbose."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter import kinds
from linter.cli import main
from linter.document import Document
from linter.findings import Finding
from linter.kinds.base import Kind


@dataclass(frozen=True)
class _NoOptions:
    pass


class BrokenKind(Kind):
    """Crashes on any article that mentions a storm; finds nothing elsewhere."""

    name = "broken-for-tests"
    options_type = _NoOptions

    def check(self, doc: Document, options: _NoOptions) -> Iterator[Finding]:
        if "Storm" in doc.text:
            raise ZeroDivisionError("division by zero\nsecond line of the cause")
        yield from ()


RULE = """kind: broken-for-tests
severity: error
summary: Crashes on purpose.
rationale: A deliberately broken rule, to prove one rule's bug cannot stop a run.
message: "Never shown"
examples:
  - name: quiet
    text: "Harbour Reopens\\n"
    expect: []
"""


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setitem(kinds.REGISTRY, "broken-for-tests", f"{__name__}:BrokenKind")
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "house-broken.yaml").write_text(RULE, encoding="utf-8")
    (tmp_path / ".copydesk.yaml").write_text("rulebooks: [house]\n", encoding="utf-8")
    (tmp_path / "a-storm.txt").write_text("Storm Closes Harbour\n-\n", encoding="utf-8")
    (tmp_path / "b-calm.txt").write_text("Harbour Reopens\n-\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_crash_is_a_finding_and_the_run_goes_on(broken: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--format", "json", "."])
    assert result.exit_code == 3
    found = [(d["path"], d["line"], d["rule"]) for d in json.loads(result.stdout)["diagnostics"]]
    assert found == [
        ("a-storm.txt", 1, "internal-error"),
        ("a-storm.txt", 2, "empty-bullet"),
        ("b-calm.txt", 2, "empty-bullet"),
    ]
    crash = json.loads(result.stdout)["diagnostics"][0]
    assert crash["message"] == (
        "Rule 'house-broken' crashed on a-storm.txt (ZeroDivisionError: division by zero); "
        "this is a bug in copydesk, please report it (--verbose shows the traceback)"
    )
    assert "Traceback" not in result.stdout + result.stderr


def test_verbose_prints_the_traceback(broken: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--verbose", "a-storm.txt"])
    assert result.exit_code == 3
    assert "Traceback (most recent call last)" in result.stderr
    assert 'raise ZeroDivisionError("division by zero' in result.stderr
    assert "a-storm.txt:1:1: internal-error Rule 'house-broken' crashed" in result.stdout


def test_a_parser_crash_costs_one_file(broken: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.parse import plaintext

    real = plaintext.parse_lines

    def fragile(text: str) -> list:
        if "Storm" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(text)

    monkeypatch.setattr(plaintext, "parse_lines", fragile)
    result = CliRunner().invoke(main, ["check", "--format", "json", "."])
    assert result.exit_code == 3
    diagnostics = json.loads(result.stdout)["diagnostics"]
    assert [(d["path"], d["rule"]) for d in diagnostics] == [
        ("a-storm.txt", "internal-error"),
        ("b-calm.txt", "empty-bullet"),
    ]
    assert diagnostics[0]["message"].startswith(
        "The text parser crashed on a-storm.txt (RecursionError: maximum recursion depth"
    )
