"""Configuration: discovery, per-rule settings, and errors that name file, line and a fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.config import find_config, load_config
from linter.errors import UserError
from linter.findings import Severity


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _error(tmp_path: Path, text: str, name: str = ".copydesk.yaml") -> UserError:
    path = _write(tmp_path, name, text)
    with pytest.raises(UserError) as info:
        load_config(path, cwd=tmp_path)
    return info.value


def test_discovery_walks_up_to_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    _write(tmp_path, ".copydesk.yaml", "fail-on: warning\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / ".copydesk.yaml"
    assert load_config(cwd=deep).fail_on is Severity.WARNING


def test_discovery_stops_at_the_repository_root(tmp_path: Path) -> None:
    _write(tmp_path, ".copydesk.yaml", "fail-on: warning\n")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert find_config(repo) is None


def test_pyproject_table(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    _write(
        tmp_path,
        "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.copydesk]\nfail-on = "info"\n'
        '[tool.copydesk.rules]\nempty-section = "off"\n',
    )
    config = load_config(cwd=tmp_path)
    assert config.fail_on is Severity.INFO
    assert "empty-section" not in {a.id for a in config.rules}


def test_rule_settings(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        ".copydesk.yaml",
        (
            "rules:\n"
            "  empty-section: off\n"
            "  trailing-blank-lines: error\n"
            "  scaffold-heading:\n"
            "    severity: warning\n"
            "    extra-phrases: [Editor Notes]\n"
        ),
    )
    config = load_config(path, cwd=tmp_path)
    rules = {a.id: a for a in config.rules}
    assert "empty-section" not in rules
    assert rules["trailing-blank-lines"].severity is Severity.ERROR
    assert rules["scaffold-heading"].severity is Severity.WARNING
    assert rules["scaffold-heading"].options.extra_phrases == ("Editor Notes",)
    assert "Rewritten Article" in rules["scaffold-heading"].options.phrases


def test_unknown_top_level_key(tmp_path: Path) -> None:
    err = _error(tmp_path, "fail-on: error\nrulez:\n  empty-section: off\n")
    assert str(err) == ".copydesk.yaml:2: unknown key 'rulez' (did you mean 'rules'?)"


def test_unknown_rule(tmp_path: Path) -> None:
    err = _error(tmp_path, "rules:\n  empty-bulet: off\n")
    assert str(err) == ".copydesk.yaml:2: unknown rule 'empty-bulet' (did you mean 'empty-bullet'?)"


def test_unknown_option(tmp_path: Path) -> None:
    err = _error(tmp_path, "rules:\n  duplicate-section:\n    min-char: 10\n")
    assert err.path == ".copydesk.yaml" and err.line == 3
    assert "unknown option 'min-char'" in err.message
    assert "did you mean 'min-chars'?" in (err.hint or "")


def test_wrong_option_type(tmp_path: Path) -> None:
    err = _error(tmp_path, "rules:\n  duplicate-section:\n    min-chars: many\n")
    assert (err.line, err.message) == (
        3,
        "rule 'duplicate-section': option 'min-chars' must be whole number, not 'many'",
    )


def test_bad_severity(tmp_path: Path) -> None:
    err = _error(tmp_path, "rules:\n  empty-bullet: errror\n")
    assert err.line == 2 and err.hint == "did you mean 'error'?"


def test_yaml_syntax_error(tmp_path: Path) -> None:
    err = _error(tmp_path, "rules:\n  empty-bullet: [off\n")
    assert err.path == ".copydesk.yaml" and err.line == 3
    assert err.message.startswith("invalid YAML")


def test_no_rule_left_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no rule is enabled"):
        load_config(
            cwd=tmp_path,
            isolated=True,
            ignore=[
                "empty-bullet",
                "scaffold-heading",
                "duplicate-section",
                "repeated-title",
                "trailing-blank-lines",
                "empty-section",
                *_other_rules(),
            ],
        )


def _other_rules() -> list[str]:
    from linter.rulebook import builtin_rules

    core = {
        "empty-bullet",
        "scaffold-heading",
        "duplicate-section",
        "repeated-title",
        "trailing-blank-lines",
        "empty-section",
    }
    return [r for r in builtin_rules() if r not in core]


def test_select_unknown_rule(tmp_path: Path) -> None:
    with pytest.raises(UserError) as info:
        load_config(cwd=tmp_path, isolated=True, select=["scafold-heading"])
    assert info.value.hint == "did you mean 'scaffold-heading'?"


def test_select_restricts_rules(tmp_path: Path) -> None:
    config = load_config(cwd=tmp_path, isolated=True, select=["empty-bullet"])
    assert [a.id for a in config.rules] == ["empty-bullet"]


def test_missing_rulebook_folder(tmp_path: Path) -> None:
    err = _error(tmp_path, "rulebooks: [style/]\n")
    assert str(err) == ".copydesk.yaml:1: rulebook folder 'style' does not exist"


def test_config_that_is_not_a_mapping(tmp_path: Path) -> None:
    err = _error(tmp_path, "- just\n- a list\n")
    assert err.line == 1 and "mapping" in err.message


@pytest.mark.parametrize("name", [".copydesk.yml", "copydesk.yml"])
def test_a_config_named_yml_is_found(tmp_path: Path, name: str) -> None:
    (tmp_path / ".git").mkdir()
    _write(tmp_path, name, "fail-on: warning\n")
    assert find_config(tmp_path) == tmp_path / name
    assert load_config(cwd=tmp_path).fail_on is Severity.WARNING
    _write(tmp_path, ".copydesk.yaml", "fail-on: error\n")
    with pytest.raises(UserError, match="two config files in one folder"):
        find_config(tmp_path)
