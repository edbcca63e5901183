"""The validated built-in rulebook is kept compiled between runs, and never trusted stale."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from linter import rulebook
from linter.errors import UserError
from tests.conftest import ROOT


def _summary(rules: dict[str, rulebook.Rule]) -> list[tuple[str, ...]]:
    """What a run depends on, comparable across loads (patterns compare by identity)."""
    return [
        (r.id, r.kind, r.severity.value, r.message, repr(r.options), r.source)
        for r in rules.values()
    ]


@pytest.fixture
def rules_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private copy of the built-in rules, read afresh by every ``builtin_rules()`` call."""
    folder = tmp_path / "rules"
    folder.mkdir()
    for file in (ROOT / "rules").glob("*.yaml"):
        shutil.copy(file, folder / file.name)
    monkeypatch.setattr(rulebook, "_builtin_folder", lambda: folder)
    monkeypatch.setattr(rulebook, "_builtin", None)
    monkeypatch.setattr("sys.dont_write_bytecode", False)  # as a default Python runs
    yield folder
    rulebook._builtin = None


def _fresh() -> dict[str, rulebook.Rule]:
    rulebook._builtin = None
    return rulebook.builtin_rules()


def test_the_compiled_rulebook_is_written_and_gives_the_same_rules(rules_folder: Path) -> None:
    first = _fresh()
    compiled = rules_folder / "__pycache__" / rulebook.COMPILED_NAME
    assert compiled.is_file()
    second = _fresh()
    assert second is not first
    assert _summary(second) == _summary(first)
    assert list(second) == sorted(second)


def test_a_changed_rule_file_is_read_again(rules_folder: Path) -> None:
    before = _fresh()["empty-bullet"].summary
    rule = rules_folder / "empty-bullet.yaml"
    text = rule.read_text(encoding="utf-8")
    rule.write_text(text.replace(f"summary: {before}", "summary: Changed."), encoding="utf-8")
    assert _fresh()["empty-bullet"].summary == "Changed."


def test_a_broken_rule_file_is_an_error_even_after_a_good_compile(rules_folder: Path) -> None:
    _fresh()
    (rules_folder / "empty-bullet.yaml").write_text("kind: [\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        _fresh()
    assert caught.value.path == "rules/empty-bullet.yaml"


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_corrupt_compiled_file_is_ignored_and_rewritten(
    rules_folder: Path, content: bytes
) -> None:
    expected = _summary(_fresh())
    compiled = rules_folder / "__pycache__" / rulebook.COMPILED_NAME
    compiled.write_bytes(content)
    assert _summary(_fresh()) == expected
    assert compiled.read_bytes() != content


def test_a_compiled_file_for_other_code_is_not_used(
    rules_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fresh()
    compiled = rules_folder / "__pycache__" / rulebook.COMPILED_NAME
    stale = compiled.read_bytes()
    monkeypatch.setattr(rulebook, "COMPILED_LAYOUT", rulebook.COMPILED_LAYOUT + 1)
    _fresh()
    assert compiled.read_bytes() != stale


def test_a_compiled_file_from_another_regex_engine_is_not_read_on(
    rules_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Patterns are stored as the engine's compiled code, which it would take back unchecked.
    _fresh()
    monkeypatch.setattr(rulebook, "_pattern_engine", lambda: "another version")
    built: list[str] = []
    real = rulebook._rule_from_text

    def counted(text: str, rule_id: str, shown: str, *, builtin: bool = False) -> rulebook.Rule:
        built.append(rule_id)
        return real(text, rule_id, shown, builtin=builtin)

    monkeypatch.setattr(rulebook, "_rule_from_text", counted)
    _fresh()
    assert "empty-bullet" in built  # read from the rule files, not from the compiled file
    built.clear()
    _fresh()
    assert built == []  # rewritten for this engine, and used from then on


def test_nothing_is_written_where_bytecode_may_not_be(
    rules_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.dont_write_bytecode", True)
    assert "empty-bullet" in _fresh()
    assert not (rules_folder / "__pycache__").exists()


def test_an_unwritable_folder_only_costs_time(rules_folder: Path) -> None:
    (rules_folder / "__pycache__").write_text("a file where the folder would go")
    assert "empty-bullet" in _fresh()


def _compile_many(folder: str) -> None:
    rulebook._builtin_folder = lambda: Path(folder)  # in this child process only
    for _ in range(5):
        rulebook._builtin = None
        rulebook.builtin_rules()


def test_concurrent_writers_leave_a_usable_file(rules_folder: Path) -> None:
    import multiprocessing

    context = multiprocessing.get_context("fork")
    children = [context.Process(target=_compile_many, args=(str(rules_folder),)) for _ in range(4)]
    for child in children:
        child.start()
    for child in children:
        child.join()
    assert all(child.exitcode == 0 for child in children)
    compiled = rules_folder / "__pycache__"
    assert [p.name for p in compiled.iterdir()] == [rulebook.COMPILED_NAME]  # no leftovers
    key = rulebook._compiled_key(
        [(f.name, f.read_bytes()) for f in sorted(rules_folder.glob("*.yaml"))]
    )
    assert rulebook._load_compiled(compiled / rulebook.COMPILED_NAME, key) is not None


def test_existence_rules_come_back_with_their_searches_compiled(rules_folder: Path) -> None:
    from linter.kinds import existence

    _fresh()  # writes the compiled file
    existence._adopted.clear()
    rules = _fresh()  # reads it
    for rid in ("assistant-residue", "placeholder-text"):
        options = rules[rid].options
        adopted = existence._adopted[options]
        assert existence._matcher(options) is adopted  # nothing compiled again
        fresh = existence._compile_matcher.__wrapped__(options)
        assert [(p.pattern, p.flags, s) for p, s in adopted.searches] == [
            (p.pattern, p.flags, s) for p, s in fresh.searches
        ]
        assert adopted.exceptions == fresh.exceptions
        assert adopted.token_words == fresh.token_words


def test_the_code_stamp_lists_every_module_with_its_size_and_time() -> None:
    from linter.stamp import code_stamp

    package = ROOT / "linter"
    expected = sorted(
        f"{p.relative_to(package).as_posix()}:{p.stat().st_size}:{p.stat().st_mtime_ns}"
        for p in package.rglob("*.py")
        if "__pycache__" not in p.parts
    )
    code_stamp.cache_clear()
    assert code_stamp().split("\n") == expected


def test_the_engines_patterns_come_back_compiled_with_the_rules(
    rules_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import re

    from linter import lazypatterns as patterns

    monkeypatch.setattr(patterns, "_registered", dict(patterns._registered))
    monkeypatch.setattr(patterns, "_stored", {})
    lazy_one = patterns.LazyPattern({}, "_P", r"(?P<n>\d+) (?i:boats?)", 0)
    _fresh()  # writes the compiled file, with every registered pattern's form
    assert patterns._stored == {}
    _fresh()  # reads it
    assert sorted(patterns._stored) == sorted(patterns._registered)

    def refused(*args: object) -> None:
        raise AssertionError("compiled although the compiled rulebook had its form")

    monkeypatch.setattr(re, "compile", refused)
    built = lazy_one.compiled()
    assert built.search("12 Boats")["n"] == "12"  # type: ignore[index]


def test_the_engines_pattern_texts_come_back_with_the_rules(
    rules_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linter import lazypatterns as patterns

    monkeypatch.setattr(patterns, "_built", dict(patterns._built))
    monkeypatch.setattr(patterns, "_stored_texts", {})
    patterns.built(("test", "a", "b"), lambda: "a|b")
    _fresh()  # writes the compiled file, with every text made so far
    assert patterns._stored_texts == {}
    _fresh()  # reads it
    assert patterns._stored_texts == patterns._built
    assert ("test", "a", "b") in patterns._stored_texts

    def refused() -> str:
        raise AssertionError("built although the compiled rulebook had the text")

    assert patterns.built(("test", "a", "b"), refused) == "a|b"
