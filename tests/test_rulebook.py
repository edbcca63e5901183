"""User rulebooks: rule files are validated with file, line and a suggestion."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.config import load_config
from linter.errors import UserError

GOOD = """kind: heading-phrase
severity: warning
summary: A draft label left in.
rationale: >
  Draft labels are notes to editors and must not reach readers of the published article.
message: "Draft label \\"{label}\\""
options:
  phrases: [Draft Notes]
examples:
  - name: quiet
    text: "Title Here\\nBody text.\\n"
    expect: []
  - name: fires
    text: "Title Here\\nDraft Notes\\nBody text.\\n"
    expect: ["2:1 draft-label"]
"""


def _load(tmp_path: Path, text: str, name: str = "draft-label.yaml") -> UserError | None:
    style = tmp_path / "style"
    style.mkdir(exist_ok=True)
    (style / name).write_text(text, encoding="utf-8")
    (tmp_path / ".copydesk.yaml").write_text("rulebooks: [style/]\n", encoding="utf-8")
    try:
        load_config(tmp_path / ".copydesk.yaml", cwd=tmp_path)
    except UserError as exc:
        return exc
    return None


def test_a_valid_user_rule_loads(tmp_path: Path) -> None:
    assert _load(tmp_path, GOOD) is None
    config = load_config(tmp_path / ".copydesk.yaml", cwd=tmp_path)
    assert "draft-label" in config.known
    assert config.known["draft-label"].builtin is False


@pytest.mark.parametrize(
    ("old", "new", "line", "message", "hint"),
    [
        (
            "kind: heading-phrase",
            "kind: heading-phrases",
            1,
            "unknown kind 'heading-phrases'",
            "did you mean 'heading-phrase'?",
        ),
        (
            "  phrases: [Draft Notes]",
            "  phrase: [Draft Notes]",
            8,
            "unknown option 'phrase'",
            "did you mean 'phrases'?",
        ),
        (
            "severity: warning",
            "severity: warn",
            2,
            "'severity' must be one of error, warning, info, not 'warn'",
            "did you mean 'warning'?",
        ),
        (
            'message: "Draft label \\"{label}\\""',
            'message: "Draft label {lable}"',
            6,
            "message uses unknown field {lable}",
            "did you mean 'label'?",
        ),
        ("examples:", "exampels:", 9, "unknown key 'exampels'", "did you mean 'examples'?"),
    ],
)
def test_rule_file_errors(
    tmp_path: Path, old: str, new: str, line: int, message: str, hint: str
) -> None:
    assert old in GOOD
    err = _load(tmp_path, GOOD.replace(old, new))
    assert err is not None
    assert (err.path, err.line, err.message, err.hint) == (
        "style/draft-label.yaml",
        line,
        message,
        hint,
    )


def test_rule_id_must_be_kebab_case(tmp_path: Path) -> None:
    err = _load(tmp_path, GOOD, name="Draft_Label.yaml")
    assert err is not None and "kebab-case" in err.message


def test_duplicate_rule_id_with_a_builtin(tmp_path: Path) -> None:
    err = _load(tmp_path, GOOD.replace("draft-label", "empty-bullet"), name="empty-bullet.yaml")
    assert err is not None and "rule id 'empty-bullet' is already taken" in err.message


def test_bad_expectation_format(tmp_path: Path) -> None:
    err = _load(tmp_path, GOOD.replace('["2:1 draft-label"]', '["line 2"]'))
    assert err is not None and err.line == 15 and "line:column rule-id" in err.message
