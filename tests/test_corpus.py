"""Replay tests/corpus/: every input that ever broke copydesk (or was found by fuzzing) stays
handled. Add a file here for each new bug; its name says what it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from linter.config import Config, load_config
from linter.engine import lint
from linter.errors import UserError
from linter.parse import DecodeError, format_for, parse_bytes
from linter.rulebook import Rule, load_rule_file
from tests.invariants import FORMATS, check_diagnostic, check_document, every_rule

CORPUS = Path(__file__).resolve().parent / "corpus"


def _files(folder: str) -> list[Path]:
    return sorted(p for p in (CORPUS / folder).iterdir() if p.suffix != ".expect")


@pytest.mark.parametrize("path", _files("articles"), ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", FORMATS)
def test_article(path: Path, fmt: str) -> None:
    try:
        doc = parse_bytes(path.read_bytes(), path.name, fmt)
    except DecodeError as exc:
        assert exc.offset is not None
        return
    check_document(doc)
    found = lint(doc, every_rule())
    for d in found:
        check_diagnostic(doc, d)
    # An article may pin its findings in its own format: "line:column rule-id", one a line.
    expect = path.with_name(path.name + ".expect")
    if expect.exists() and fmt == format_for(path.name):
        wanted = expect.read_text(encoding="utf-8").splitlines()
        assert [f"{d.line}:{d.column} {d.rule}" for d in found] == wanted


@pytest.mark.parametrize("path", _files("configs"), ids=lambda p: p.name)
def test_config(path: Path, tmp_path: Path) -> None:
    config = tmp_path / ".copydesk.yaml"
    shutil.copy(path, config)
    try:
        result: Config | UserError = load_config(config, cwd=tmp_path)
    except UserError as exc:
        assert str(exc).startswith(".copydesk.yaml:")
        result = exc
    assert isinstance(result, Config | UserError)


@pytest.mark.parametrize("path", _files("rules"), ids=lambda p: p.name)
def test_rule(path: Path) -> None:
    try:
        result: Rule | UserError = load_rule_file(path, display=f"house/{path.name}")
    except UserError as exc:
        assert str(exc).startswith(f"house/{path.name}:")
        result = exc
    assert isinstance(result, Rule | UserError)


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("#\n" * 3000, "text"),  # blocks without words all "matched" each other
        ("...!\n" * 3000, "text"),
        ("# Harbour\n" * 3000, "markdown"),  # a headings-only repeat was retried from each block
        ("Harbour Reopens\n" * 3000, "text"),
    ],
    ids=["no-words", "punctuation", "md-headings", "text-headings"],
)
def test_duplicate_search_stays_linear(text: str, fmt: str, monkeypatch) -> None:
    from linter.kinds import duplicate_blocks

    calls = 0
    score = duplicate_blocks._Matcher.score

    def counted(self, a: int, b: int) -> float:
        nonlocal calls
        calls += 1
        return score(self, a, b)

    monkeypatch.setattr(duplicate_blocks._Matcher, "score", counted)
    lines = text.count("\n")
    lint(parse_bytes(text.encode(), f"a.{'md' if fmt == 'markdown' else 'txt'}"), every_rule())
    assert calls <= 20 * lines  # was over 1000 per line (quadratic) before the fix
