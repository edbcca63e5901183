"""User rulebooks end to end: a house `style/` folder checked, tested, and broken on purpose."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter import patterns
from linter.cli import main
from tests.conftest import FIXTURES

HOUSE = FIXTURES / "house"


@pytest.fixture
def house(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the test repository (a config, a style/ rulebook, two articles)."""
    repo = tmp_path / "repo"
    shutil.copytree(HOUSE, repo)
    (repo / ".git").mkdir()  # the config search stops at the repository root
    monkeypatch.chdir(repo)
    return repo


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def write_rule(repo: Path, name: str, text: str) -> None:
    (repo / "style" / name).write_text(text, encoding="utf-8")


def test_check_gives_the_house_rules_findings(house: Path) -> None:
    code, out, _ = run("check", "--format", "json", "articles")
    found = [
        (d["path"], d["line"], d["column"], d["rule"], d["message"], d["fixable"])
        for d in json.loads(out)["diagnostics"]
    ]
    assert found == [
        ("articles/ferry.txt", 3, 1, "highlight-count",
         "Highlights have 2 bullets; use at least 3", False),
        ("articles/ferry.txt", 6, 1, "banned-phrases", 'Banned phrase "In the wake of"', False),
        ("articles/ferry.txt", 6, 72, "house-spelling", 'Write "email", not "e-mail"', True),
        ("articles/ferry.txt", 7, 14, "house-spelling", 'Write "toward", not "towards"', True),
        ("articles/ferry.txt", 7, 55, "house-spelling", 'Write "percent", not "per cent"',
         True),
        ("articles/market.md", 1, 1, "article-parts", "The dateline is missing", False),
    ]  # fmt: skip
    assert code == 1


def test_test_rules_passes_on_the_house_rulebook(house: Path) -> None:
    code, out, _ = run("test-rules", "style/")
    assert code == 0
    assert (
        out.splitlines()[0] == "PASS  style/article-parts.yaml:11  a complete article stays quiet"
    )
    assert out.endswith("\n8 example(s) in 4 rule(s): 8 passed, 0 failed\n")


def test_test_rules_without_a_folder_tests_the_configured_rulebooks(house: Path) -> None:
    code, out, _ = run("test-rules", "--quiet")
    assert (code, out) == (0, "8 example(s) in 4 rule(s): 8 passed, 0 failed\n")


def test_a_broken_example_fails_with_a_readable_report(house: Path) -> None:
    rule = house / "style" / "house-spelling.yaml"
    rule.write_text(
        rule.read_text(encoding="utf-8").replace('"2:18 house-spelling"', '"2:22 house-spelling"'),
        encoding="utf-8",
    )
    code, out, _ = run("test-rules", "--quiet", "style/")
    assert code == 1
    assert out == (
        "FAIL  style/house-spelling.yaml:18  two swaps\n"
        "      should give 2:1 house-spelling, 2:22 house-spelling\n"
        "      missing:    2:22 house-spelling\n"
        '      unexpected: 2:18 house-spelling  Write "percent", not "per cent"\n'
        "      text (text):\n"
        "      1 | Harbour Reopens\n"
        "      2 | Towards noon, 12 per cent more ships arrived.\n"
        "\n"
        "8 example(s) in 4 rule(s): 7 passed, 1 failed\n"
    )


def test_a_good_example_that_fires_is_reported_with_the_message(house: Path) -> None:
    write_rule(
        house,
        "no-very.yaml",
        "kind: existence\nseverity: warning\nsummary: Very.\nrationale: Say it plainly.\n"
        'message: "Avoid \\"{match}\\""\noptions:\n  tokens: [very]\nexamples:\n'
        '  - name: quiet?\n    text: "A very long day.\\n"\n    expect: []\n',
    )
    code, out, _ = run("test-rules", "--quiet", "style/")
    assert code == 1
    assert out.startswith(
        "FAIL  style/no-very.yaml:9  quiet?\n"
        "      should stay quiet\n"
        '      unexpected: 1:3 no-very  Avoid "very"\n'
        "      text (text):\n"
        "      1 | A very long day.\n"
    )


BASE_RULE = (
    "kind: existence\nseverity: warning\nsummary: Words to avoid.\nrationale: Plain words.\n"
    'message: "Avoid \\"{match}\\""\noptions:\n  tokens: [very]\n'
    'examples:\n  - name: quiet\n    text: "A long day.\\n"\n    expect: []\n'
)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        pytest.param(
            BASE_RULE.replace("kind: existence", "kind: existance"),
            "style/avoid.yaml:1: unknown kind 'existance' (did you mean 'existence'?)",
            id="unknown kind",
        ),
        pytest.param(
            BASE_RULE.replace("  tokens: [very]", "  tokens: [very]\n  ignore-cse: true"),
            "style/avoid.yaml:8: unknown option 'ignore-cse' (did you mean 'ignore-case'?)",
            id="unknown option",
        ),
        pytest.param(
            BASE_RULE.replace("  tokens: [very]", "  tokens: [very]\n  patterns: ['(very']"),
            "style/avoid.yaml:8: option 'patterns': invalid regular expression '(very': "
            "missing ) at position 5",
            id="invalid pattern",
        ),
        pytest.param(
            BASE_RULE.replace("    expect: []", '    expect: ["1:3 other-rule"]'),
            "style/avoid.yaml:9: example 'quiet' expects '1:3 other-rule', but a rule's "
            "examples list only its own findings ('avoid')",
            id="example names another rule",
        ),
        pytest.param(
            BASE_RULE.replace("  tokens: [very]", "  tokens: []"),
            "style/avoid.yaml:6: options of kind 'existence': give at least one of 'tokens' or "
            "'patterns'",
            id="a rule that could never fire",
        ),
        pytest.param(
            BASE_RULE.replace("kind: existence", "kind: metric")
            .replace("{match}", "{value}")
            .replace("  tokens: [very]", "  measure: title-words\n  min: 9\n  max: 3"),
            "style/avoid.yaml:6: options of kind 'metric': 'min' (9) is greater than 'max' (3)",
            id="limits that cannot both hold",
        ),
        pytest.param(
            BASE_RULE.replace("    expect: []", "    expect: []\n    config: {tokenz: [x]}"),
            "style/avoid.yaml:12: unknown option 'tokenz' (did you mean 'tokens'?)",
            id="bad example config",
        ),
    ],
)
def test_a_broken_rule_file_exits_2_naming_file_and_line(house: Path, text: str, error: str):
    write_rule(house, "avoid.yaml", text)
    for args in (("check", "articles"), ("test-rules", "style/")):
        code, out, err = run(*args)
        assert (code, out, err) == (2, "", f"copydesk: error: {error}\n"), args


def test_rulebook_folder_problems_name_the_config_line(house: Path) -> None:
    (house / ".copydesk.yaml").write_text("extends: minimal\nrulebooks: [styles/]\n")
    code, _, err = run("check", "articles")
    assert (code, err) == (
        2,
        "copydesk: error: .copydesk.yaml:2: rulebook folder 'styles' does not exist "
        "(did you mean 'style'?)\n",
    )
    (house / "empty").mkdir()
    (house / ".copydesk.yaml").write_text("rulebooks:\n  - empty\n")
    code, _, err = run("check", "articles")
    assert (code, err) == (
        2,
        "copydesk: error: .copydesk.yaml:1: rulebook folder 'empty' has no rule files (*.yaml)\n",
    )


def test_a_rule_cannot_take_a_built_in_id(house: Path) -> None:
    write_rule(house, "empty-bullet.yaml", BASE_RULE)
    code, _, err = run("check", "articles")
    assert code == 2
    assert err.startswith(
        "copydesk: error: style/empty-bullet.yaml:1: rule id 'empty-bullet' is already taken"
    )


def test_a_runaway_pattern_is_reported_not_a_hang(
    house: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(patterns, "FILE_BUDGET_SECONDS", 0.2)
    write_rule(
        house, "runaway.yaml", BASE_RULE.replace("  tokens: [very]", "  patterns: ['(a+)+$']")
    )
    (house / "articles" / "long.txt").write_text("Title\n" + "a" * 5000 + "b\n")
    code, out, _ = run("check", "--format", "json", "--select", "runaway", "articles/long.txt")
    (finding,) = json.loads(out)["diagnostics"]
    assert finding["rule"] == "rule-timeout"
    assert finding["message"] == (
        "Rule 'runaway' gave up on this file: its pattern '(a+)+$' ran longer than 0.2s "
        "(rewrite it so it cannot backtrack without end)"
    )
    assert code == 1


def test_test_rules_with_no_rulebook_says_so(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    code, out, err = run("test-rules")
    assert (code, out) == (2, "")
    assert err == (
        "copydesk: error: no rulebook to test (give a rulebook folder, or list folders under "
        "'rulebooks' in the config)\n"
    )


def test_a_rule_without_a_bad_example_fails_test_rules(house: Path) -> None:
    write_rule(house, "avoid.yaml", BASE_RULE)
    code, out, _ = run("test-rules", "--quiet", "style/")
    assert code == 1
    assert out == (
        "FAIL  style/avoid.yaml  avoid has no example that must fire\n"
        "\n"
        "9 example(s) in 5 rule(s): 9 passed, 0 failed; 1 rule(s) lack a good or a bad example\n"
    )
