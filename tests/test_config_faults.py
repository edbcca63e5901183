"""Every mistake in a config or a rulebook stops the run with exit 2, the file, the line, the
bad value and a suggestion: never a traceback, never a clean pass."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import main
from linter.errors import UserError
from linter.kinds.existence import ExistenceOptions
from linter.options import parse_options

RULE = (
    "severity: warning\n"
    "summary: A bullet with no text.\n"
    "rationale: House style says an empty bullet is a broken list, so it is always flagged.\n"
    'message: "Empty bullet: {marker}"\n'
    "examples:\n"
    "  - name: a filled list\n"
    '    text: "Harbour Reopens\\n- Ferries sailed.\\n"\n'
    "    expect: []\n"
)
BOOK = "rulebooks: [house]\n"
#: Every built-in rule but empty-section, which the override case turns off for every file.
ALL_BUT_EMPTY_SECTION = (
    "assistant-residue",
    "dateline-format",
    "duplicate-section",
    "empty-bullet",
    "figure-arithmetic",
    "figure-mismatch",
    "figure-unsupported",
    "front-matter-invalid",
    "name-drift",
    "placeholder-text",
    "repeated-title",
    "scaffold-heading",
    "trailing-blank-lines",
)

#: (case id, {file: text}, the exact error line)
CASES = [
    (
        "yaml-syntax",
        {".copydesk.yaml": "rules:\n  empty-bullet: [warning\n"},
        ".copydesk.yaml:3: invalid YAML: while parsing a flow sequence expected ',' or ']', "
        "but got '<stream end>'",
    ),
    (
        "not-a-mapping",
        {".copydesk.yaml": "- empty-bullet\n"},
        ".copydesk.yaml:1: the config must be a mapping of keys to values",
    ),
    (
        "unknown-key",
        {".copydesk.yaml": "fail-on: warning\nexlude: [drafts]\n"},
        ".copydesk.yaml:2: unknown key 'exlude' (did you mean 'exclude'?)",
    ),
    (
        "wrong-type-fail-on",
        {".copydesk.yaml": "fail-on: 3\n"},
        ".copydesk.yaml:1: fail-on must be error, warning or info, not 3 "
        "(expected one of: error, info, warning)",
    ),
    (
        "misspelt-fail-on",
        {".copydesk.yaml": "\nfail-on: warnings\n"},
        ".copydesk.yaml:2: fail-on must be error, warning or info, not 'warnings' "
        "(did you mean 'warning'?)",
    ),
    (
        "wrong-type-include",
        {".copydesk.yaml": "include: 5\n"},
        ".copydesk.yaml:1: 'include' must be a list of text, not 5",
    ),
    (
        "wrong-type-rules",
        {".copydesk.yaml": "rules: [empty-bullet]\n"},
        ".copydesk.yaml:1: 'rules' must be a mapping of rule ids to settings, not ['empty-bullet']",
    ),
    (
        "unknown-rule",
        {".copydesk.yaml": "rules:\n  empty-bulet: off\n"},
        ".copydesk.yaml:2: unknown rule 'empty-bulet' (did you mean 'empty-bullet'?)",
    ),
    (
        "misspelt-severity",
        {".copydesk.yaml": "rules:\n  empty-bullet: warn\n"},
        ".copydesk.yaml:2: rule 'empty-bullet': expected off, on, error, warning or info, "
        "not 'warn' (did you mean 'warning'?)",
    ),
    (
        "misspelt-severity-key",
        {".copydesk.yaml": "rules:\n  empty-bullet:\n    severity: eror\n"},
        ".copydesk.yaml:3: rule 'empty-bullet': severity must be error, warning or info, "
        "not 'eror' (did you mean 'error'?)",
    ),
    (
        "wrong-type-rule-setting",
        {".copydesk.yaml": "rules:\n  empty-bullet: 3\n"},
        ".copydesk.yaml:2: rule 'empty-bullet': expected a severity, 'off' or a mapping of "
        "settings, not 3",
    ),
    (
        "unknown-option",
        {".copydesk.yaml": "rules:\n  empty-bullet:\n    marker: ['-']\n"},
        ".copydesk.yaml:3: rule 'empty-bullet': unknown option 'marker' (did you mean "
        "'markers'?; rule settings: severity, off or an option)",
    ),
    (
        "wrong-type-option",
        {".copydesk.yaml": "rules:\n  empty-bullet:\n    numbered: 'yes'\n"},
        ".copydesk.yaml:3: rule 'empty-bullet': option 'numbered' must be true/false, not 'yes'",
    ),
    (
        "misspelt-choice-option",
        {".copydesk.yaml": "rules:\n  empty-bullet:\n    scope: hilights\n"},
        ".copydesk.yaml:3: rule 'empty-bullet': option 'scope' must be 'anywhere' | "
        "'highlights', not 'hilights' (did you mean 'highlights'?)",
    ),
    (
        "missing-rulebook-folder",
        {".copydesk.yaml": "fail-on: error\nrulebooks: [houses]\n", "house/.keep": ""},
        ".copydesk.yaml:2: rulebook folder 'houses' does not exist (did you mean 'house'?)",
    ),
    (
        "rulebook-yaml-syntax",
        {".copydesk.yaml": BOOK, "house/house-bullet.yaml": "kind: empty-item\n" + RULE + "]"},
        "house/house-bullet.yaml:10: invalid YAML: while parsing a block mapping expected "
        "<block end>, but found ']'",
    ),
    (
        "rulebook-unknown-kind",
        {".copydesk.yaml": BOOK, "house/house-bullet.yaml": "kind: empty-itme\n" + RULE},
        "house/house-bullet.yaml:1: unknown kind 'empty-itme' (did you mean 'empty-item'?)",
    ),
    (
        "rulebook-wrong-type-kind",
        {".copydesk.yaml": BOOK, "house/house-bullet.yaml": "kind: [empty-item]\n" + RULE},
        "house/house-bullet.yaml:1: unknown kind ['empty-item'] (did you mean 'empty-item'?)",
    ),
    (
        "rulebook-unknown-key",
        {".copydesk.yaml": BOOK, "house/house-bullet.yaml": "kind: empty-item\nfixabel: safe\n"},
        "house/house-bullet.yaml:2: unknown key 'fixabel' (did you mean 'fixable'?)",
    ),
    (
        "rulebook-unknown-option",
        {
            ".copydesk.yaml": BOOK,
            "house/house-bullet.yaml": "kind: empty-item\n" + RULE + "options:\n  numberd: no\n",
        },
        "house/house-bullet.yaml:11: unknown option 'numberd' (did you mean 'numbered'?)",
    ),
    (
        "rulebook-wrong-type-severity",
        {
            ".copydesk.yaml": BOOK,
            "house/house-bullet.yaml": "kind: empty-item\n" + RULE.replace("warning", "warnin"),
        },
        "house/house-bullet.yaml:2: 'severity' must be one of error, warning, info, not "
        "'warnin' (did you mean 'warning'?)",
    ),
    (
        "rulebook-unknown-message-field",
        {
            ".copydesk.yaml": BOOK,
            "house/house-bullet.yaml": "kind: empty-item\n" + RULE.replace("{marker}", "{mark}"),
        },
        "house/house-bullet.yaml:5: message uses unknown field {mark} (did you mean 'marker'?)",
    ),
    (
        "duplicate-of-a-builtin-rule",
        {".copydesk.yaml": BOOK, "house/empty-bullet.yaml": "kind: empty-item\n" + RULE},
        "house/empty-bullet.yaml:1: rule id 'empty-bullet' is already taken by a built-in or "
        "earlier rulebook rule (rename the file; to change a built-in rule, set its options "
        "under 'rules')",
    ),
    (
        "duplicate-in-the-rulebook",
        {
            ".copydesk.yaml": BOOK,
            "house/house-bullet.yaml": "kind: empty-item\n" + RULE,
            "house/house-bullet.yml": "kind: empty-item\n" + RULE,
        },
        "house/house-bullet.yml:1: duplicate rule id 'house-bullet': house/house-bullet.yaml "
        "has the same name (rename one of the files)",
    ),
    (
        "config-name-is-a-folder",
        {".copydesk.yaml/.keep": ""},
        ".copydesk.yaml: this is a folder, not a config file (rename it, or name a config file "
        "with --config)",
    ),
    (
        "two-config-files-in-one-folder",
        {".copydesk.yaml": "fail-on: error\n", "copydesk.yaml": "fail-on: warning\n"},
        ".copydesk.yaml: two config files in one folder: '.copydesk.yaml' and 'copydesk.yaml' "
        "(keep one of them, or name the one to use with --config)",
    ),
    (
        "config-file-and-pyproject-table-in-one-folder",
        {".copydesk.yaml": "fail-on: error\n", "pyproject.toml": "[tool.copydesk]\n"},
        ".copydesk.yaml: two config files in one folder: '.copydesk.yaml' and 'pyproject.toml' "
        "(keep one of them, or name the one to use with --config)",
    ),
    (
        "pyproject-tool-copydesk-is-a-string",
        {"pyproject.toml": '[tool]\ncopydesk = "strict"\n'},
        "pyproject.toml: [tool.copydesk] must be a table of settings, not 'strict'",
    ),
    (
        "pyproject-tool-copydesk-as-a-dotted-key",
        {"pyproject.toml": 'tool . "copydesk" = 5\n'},
        "pyproject.toml: [tool.copydesk] must be a table of settings, not 5",
    ),
    (
        "pyproject-tool-copydesk-in-an-inline-table",
        {"pyproject.toml": 'tool = { copydesk = { fail-on = "eror" } }\n'},
        "pyproject.toml: fail-on must be error, warning or info, not 'eror' "
        "(did you mean 'error'?)",
    ),
    (
        "pyproject-that-is-not-toml",
        {"pyproject.toml": "[tool]\ncopydesk = {\n"},
        "pyproject.toml: invalid TOML: Invalid initial character for a key part (at line 2, "
        "column 13)",
    ),
    (
        "similarity-below-0",
        {".copydesk.yaml": "rules:\n  duplicate-section:\n    similarity: -3\n"},
        ".copydesk.yaml:3: rule 'duplicate-section': option 'similarity' must be a whole number "
        "from 0 to 100, not -3",
    ),
    (
        "similarity-above-100",
        {".copydesk.yaml": "rules:\n  scaffold-heading:\n    similarity: 500\n"},
        ".copydesk.yaml:3: rule 'scaffold-heading': option 'similarity' must be a whole number "
        "from 0 to 100, not 500",
    ),
    (
        "negative-min-chars",
        {".copydesk.yaml": "rules:\n  duplicate-section:\n    min-chars: -5\n"},
        ".copydesk.yaml:3: rule 'duplicate-section': option 'min-chars' must be a whole number "
        "of at least 0, not -5",
    ),
    (
        "negative-max-gap",
        {".copydesk.yaml": "rules:\n  duplicate-section:\n    max-gap: -1\n"},
        ".copydesk.yaml:3: rule 'duplicate-section': option 'max-gap' must be a whole number "
        "of at least 0, not -1",
    ),
    (
        "min-blocks-below-1",
        {".copydesk.yaml": "rules:\n  duplicate-section:\n    min-blocks: -1\n"},
        ".copydesk.yaml:3: rule 'duplicate-section': option 'min-blocks' must be a whole number "
        "of at least 1, not -1",
    ),
    (
        "negative-trailing-blank-lines",
        {".copydesk.yaml": "rules:\n  trailing-blank-lines:\n    allowed: -2\n"},
        ".copydesk.yaml:3: rule 'trailing-blank-lines': option 'allowed' must be a whole number "
        "of at least 0, not -2",
    ),
    (
        "tolerance-above-1",
        {".copydesk.yaml": "rules:\n  figure-mismatch:\n    approximate-tolerance: 1.5\n"},
        ".copydesk.yaml:3: rule 'figure-mismatch': option 'approximate-tolerance' must be a "
        "number from 0 to 1, not 1.5",
    ),
    (
        "name-drift-min-length-0",
        {".copydesk.yaml": "rules:\n  name-drift:\n    min-length: 0\n"},
        ".copydesk.yaml:3: rule 'name-drift': option 'min-length' must be a whole number "
        "of at least 1, not 0",
    ),
    (
        "repeated-title-similarity-above-100",
        {".copydesk.yaml": "rules:\n  repeated-title:\n    similarity: 101\n"},
        ".copydesk.yaml:3: rule 'repeated-title': option 'similarity' must be a whole number "
        "from 0 to 100, not 101",
    ),
    (
        "rename-to-empty-text",
        {
            ".copydesk.yaml": "rules:\n  scaffold-heading:\n    rename:\n"
            '      Rewritten Article: ""\n'
        },
        ".copydesk.yaml:3: rule 'scaffold-heading': option 'rename' maps 'Rewritten Article' to "
        "empty text ''",
    ),
    (
        "rename-to-spaces",
        {".copydesk.yaml": "rules:\n  scaffold-heading:\n    rename: {Output: '  '}\n"},
        ".copydesk.yaml:3: rule 'scaffold-heading': option 'rename' maps 'Output' to empty "
        "text '  '",
    ),
    (
        "empty-extra-phrase",
        {".copydesk.yaml": "rules:\n  scaffold-heading:\n    extra-phrases: [Draft, '']\n"},
        ".copydesk.yaml:3: rule 'scaffold-heading': option 'extra-phrases' has an empty entry ''",
    ),
    (
        "glob-that-cannot-be-read",
        {".copydesk.yaml": "exclude: ['drafts/', '[z-a]']\n"},
        ".copydesk.yaml:1: 'exclude': cannot read the glob '[z-a]': bad character range z-a",
    ),
    (
        "override-glob-that-cannot-be-read",
        {".copydesk.yaml": "overrides:\n  - paths: ['[z-a]']\n    rules: {empty-bullet: off}\n"},
        ".copydesk.yaml:2: 'paths': cannot read the glob '[z-a]': bad character range z-a",
    ),
    (
        "override-that-turns-every-rule-off",
        {
            ".copydesk.yaml": "rules:\n  empty-section: off\noverrides:\n"
            "  - paths: ['*.txt']\n    rules:\n"
            + "".join(f"      {r}: off\n" for r in ALL_BUT_EMPTY_SECTION)
        },
        ".copydesk.yaml:4: the override for ['*.txt'] leaves no rule enabled, so those files "
        "would pass unchecked (to skip files, list them under 'exclude')",
    ),
    (
        "rulebook-message-format-spec",
        {
            ".copydesk.yaml": BOOK,
            "house/house-bullet.yaml": "kind: empty-item\n"
            + RULE.replace("{marker}", "{marker:d}"),
        },
        "house/house-bullet.yaml:5: message field {marker:d} must be written {marker}: "
        "attribute access, indexing, conversions and format specs are not allowed",
    ),
    (
        "rulebook-message-attribute",
        {
            ".copydesk.yaml": BOOK,
            "house/house-bullet.yaml": "kind: empty-item\n"
            + RULE.replace("{marker}", "{marker.__class__.__mro__}"),
        },
        "house/house-bullet.yaml:5: message field {marker.__class__.__mro__} must be written "
        "{marker}: attribute access, indexing, conversions and format specs are not allowed",
    ),
    (
        "rulebook-message-index",
        {
            ".copydesk.yaml": BOOK,
            "house/house-bullet.yaml": "kind: empty-item\n"
            + RULE.replace("{marker}", "{marker[99]}"),
        },
        "house/house-bullet.yaml:5: message field {marker[99]} must be written {marker}: "
        "attribute access, indexing, conversions and format specs are not allowed",
    ),
    (
        "rulebook-message-conversion",
        {
            ".copydesk.yaml": BOOK,
            "house/house-bullet.yaml": "kind: empty-item\n"
            + RULE.replace("{marker}", "{marker!r}"),
        },
        "house/house-bullet.yaml:5: message field {marker!r} must be written {marker}: "
        "attribute access, indexing, conversions and format specs are not allowed",
    ),
    (
        "rulebook-empty-pattern",
        {
            ".copydesk.yaml": BOOK,
            "house/house-word.yaml": "kind: existence\n"
            + RULE.replace("{marker}", "{match}")
            + "options:\n  patterns: ['']\n",
        },
        "house/house-word.yaml:11: option 'patterns': the regular expression '' can only match "
        "an empty string, so it would never flag anything",
    ),
    (
        "rulebook-zero-width-pattern",
        {
            ".copydesk.yaml": BOOK,
            "house/house-word.yaml": "kind: existence\n"
            + RULE.replace("{marker}", "{match}")
            + "options:\n  patterns: [harbour, '^(?=TK)|\\b']\n",
        },
        "house/house-word.yaml:11: option 'patterns': the regular expression '^(?=TK)|\\\\b' can "
        "only match an empty string, so it would never flag anything",
    ),
    (
        "rulebook-empty-token",
        {
            ".copydesk.yaml": BOOK,
            "house/house-word.yaml": "kind: existence\n"
            + RULE.replace("{marker}", "{match}")
            + "options:\n  tokens: [harbour, ' ']\n",
        },
        "house/house-word.yaml:11: option 'tokens' has an empty entry ' '",
    ),
    (
        "code-in-yaml-is-refused",
        {".copydesk.yaml": "!!python/object/apply:os.system ['echo hacked']\n"},
        ".copydesk.yaml:1: invalid YAML: could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/object/apply:os.system'",
    ),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_config_fault(
    files: dict[str, str], expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "article.txt").write_text("Harbour Reopens\n- Ferries sailed.\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "article.txt"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"copydesk: error: {expected}\n"


def test_a_missing_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--config", "copydesk.yml", "."])
    assert result.exit_code == 2
    assert result.stderr == "copydesk: error: copydesk.yml: config file does not exist\n"


def test_a_pyproject_that_is_not_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b'[tool.copydesk]\nfail-on = "\xe9ror"\n')
    (tmp_path / "article.txt").write_text("Harbour Reopens\n- Ferries sailed.\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "article.txt"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "copydesk: error: pyproject.toml: config is not valid UTF-8\n"


def test_a_pyproject_that_only_names_copydesk_is_no_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\ndependencies = ["copydesk"]\n\n[project.scripts]\n'
        'copydesk = "linter.console:run"\n\n[tool.ruff]\nline-length = 99\n'
    )
    (tmp_path / "article.txt").write_text("Harbour Reopens\n\nFerries sailed.\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "article.txt"])
    assert (result.exit_code, result.stderr) == (0, "All checks passed (1 file).\n")


def test_a_broken_link_named_like_a_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "copydesk.yaml").symlink_to("gone.yaml")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "."])
    assert result.exit_code == 2
    assert result.stderr == (
        "copydesk: error: copydesk.yaml: broken symbolic link: its target 'gone.yaml' does not "
        "exist (rename it, or name a config file with --config)\n"
    )


def test_config_option_naming_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "settings").mkdir()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--config", "settings", "."])
    assert result.exit_code == 2
    assert result.stderr == (
        "copydesk: error: settings: this is a folder, not a config file (name a config file "
        "such as .copydesk.yaml)\n"
    )


def test_config_option_naming_a_toml_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "copydesk.toml").write_text('fail-on = "warning"\n[rules]\nempty-bulet = "off"\n')
    (tmp_path / "article.txt").write_text("Harbour Reopens\n- Ferries sailed.\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--config", "copydesk.toml", "article.txt"])
    assert result.exit_code == 2
    assert result.stderr == (
        "copydesk: error: copydesk.toml: unknown rule 'empty-bulet' (did you mean "
        "'empty-bullet'?)\n"
    )
    (tmp_path / "copydesk.toml").write_text('fail-on = "warning"\n[rules]\nempty-bullet = "off"\n')
    result = CliRunner().invoke(main, ["check", "--config", "copydesk.toml", "article.txt"])
    assert (result.exit_code, result.stderr) == (0, "All checks passed (1 file).\n")


def test_test_rules_reports_a_bad_message_field_as_a_rulebook_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "house-bullet.yaml").write_text(
        "kind: empty-item\n" + RULE.replace("{marker}", "{marker:d}")
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["test-rules", "house/"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "copydesk: error: house/house-bullet.yaml:5: message field {marker:d} must be written "
        "{marker}: attribute access, indexing, conversions and format specs are not allowed\n"
    )


def test_an_unknown_rule_on_the_command_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--isolated", "--select", "empty-bulets", "."])
    assert result.exit_code == 2
    assert result.stderr == (
        "copydesk: error: unknown rule 'empty-bulets' in --select/--ignore "
        "(did you mean 'empty-bullet'?)\n"
    )


@dataclass(frozen=True)
class _PatternOptions:
    pattern: re.Pattern[str]


def test_an_invalid_regular_expression() -> None:
    with pytest.raises(UserError) as info:
        parse_options(_PatternOptions, {"pattern": "(Harbour"}, path="house/a.yaml", line=7)
    assert str(info.value) == (
        "house/a.yaml:7: option 'pattern': invalid regular expression '(Harbour': "
        "missing ), unterminated subpattern at position 0"
    )


def test_a_pattern_in_regex_only_syntax_is_given_the_benefit_of_the_doubt() -> None:
    # The standard library's parser cannot read `\p{Lu}`, so its width is not known: kept.
    options = parse_options(ExistenceOptions, {"patterns": [r"\p{Lu}{3}"]}, path="a", line=1)
    assert [p.pattern for p in options.patterns] == [r"\p{Lu}{3}"]


def test_explain_shows_the_range_of_a_numeric_option() -> None:
    result = CliRunner().invoke(main, ["explain", "--kind", "duplicate-blocks"])
    assert result.exit_code == 0
    assert "\nsimilarity: whole number from 0 to 100 (default 90)\n" in result.stdout
    assert "\nmax-gap: whole number of at least 0 (default 2)\n" in result.stdout


def test_an_alias_bomb_gets_a_short_message(tmp_path: Path, monkeypatch) -> None:
    # Nine levels of nine aliases: a billion items if anything expanded or printed them all.
    levels = ["&x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"&x{n} [{', '.join([f'*x{n - 1}'] * 9)}]" for n in range(1, 9)]
    (tmp_path / ".copydesk.yaml").write_text(f"include: [{', '.join(levels)}]\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "."])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "copydesk: error: .copydesk.yaml:1: 'include' must be a list of text, not [['lol', "
    )
    assert len(result.stderr) < 300
