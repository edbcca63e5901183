"""The example articles in examples/ give exactly the findings they are there to show."""

from __future__ import annotations

import json

from click.testing import CliRunner

from linter.cli import main
from tests.conftest import ROOT

EXPECTED = {
    "examples/clean-article.txt": [],
    "examples/clean-article.md": [],
    "examples/pipeline-residue.txt": [
        "9:1 empty-bullet",
        "10:1 scaffold-heading",
        "11:1 repeated-title",
        "21:1 empty-bullet",
        "22:1 scaffold-heading",
        "24:1 duplicate-section",
        "35:1 trailing-blank-lines",
    ],
    "examples/markdown-residue.md": [
        "13:1 empty-bullet",
        "17:1 scaffold-heading",
    ],
    "examples/figures-disagree.txt": [
        "4:14 figure-mismatch",
        "5:18 figure-arithmetic",
        "5:67 figure-mismatch",
        "6:29 figure-unsupported",
    ],
    "examples/assistant-leftovers.txt": [
        "2:11 dateline-format",
        "5:25 placeholder-text",
        "6:1 assistant-residue",
        "8:1 placeholder-text",
        "10:1 assistant-residue",
    ],
    "examples/broken-front-matter.md": [
        "4:1 front-matter-invalid",
    ],
    "examples/empty-section.md": [
        "12:1 empty-section",
    ],
    "examples/name-drift.txt": [
        "10:49 name-drift",
    ],
}


def _findings(monkeypatch) -> dict[str, list[str]]:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", "examples"])
    data = json.loads(result.stdout)
    found: dict[str, list[str]] = {}
    for d in data["diagnostics"]:
        found.setdefault(d["path"], []).append(f"{d['line']}:{d['column']} {d['rule']}")
    return found


def test_every_example_gives_exactly_its_findings(monkeypatch) -> None:
    found = _findings(monkeypatch)
    for path, expected in EXPECTED.items():
        assert found.get(path, []) == expected, path
    assert set(found) <= set(EXPECTED), "an example not listed here has findings"


def test_every_example_file_is_listed() -> None:
    on_disk = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "examples").iterdir()
        if p.suffix in (".txt", ".md", ".markdown")
    }
    assert on_disk == set(EXPECTED)


def test_duplicate_points_back_to_the_first_copy(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(
        main, ["check", "--isolated", "--format", "json", "examples/pipeline-residue.txt"]
    )
    data = json.loads(result.stdout)
    (dup,) = [d for d in data["diagnostics"] if d["rule"] == "duplicate-section"]
    assert (dup["line"], dup["end_line"]) == (24, 34)
    assert dup["related"] == [
        {"path": "examples/pipeline-residue.txt", "line": 12, "column": 1, "message": "first copy"}
    ]
    assert dup["message"].startswith("Lines 24-34 repeat lines 12-23 (exact copy)")


def test_name_drift_quotes_both_spellings_and_both_places(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(
        main, ["check", "--isolated", "--format", "json", "examples/name-drift.txt"]
    )
    (drift,) = json.loads(result.stdout)["diagnostics"]
    assert drift["message"] == (
        'Name spelled "Oskar Lindquist" on line 10 but "Oskar Lindqvist" on line 4'
    )
    assert (drift["line"], drift["column"], drift["end_column"]) == (10, 49, 58)
    assert drift["related"] == [
        {
            "path": "examples/name-drift.txt",
            "line": 4,
            "column": 24,
            "message": 'spelled "Oskar Lindqvist" here',
        }
    ]


def test_every_rule_has_an_example_article_and_two_are_clean() -> None:
    from linter.rulebook import builtin_rules

    shown = {entry.split()[-1] for found in EXPECTED.values() for entry in found}
    assert set(builtin_rules()) <= shown
    assert sum(1 for found in EXPECTED.values() if not found) >= 2
