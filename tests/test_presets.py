"""`extends:` built-in presets and other config files, merged in order, errors with places."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.config import PRESETS, load_config
from linter.errors import UserError
from linter.findings import Severity


def config_in(tmp_path: Path, text: str, name: str = ".copydesk.yaml") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def enabled(config) -> dict[str, str]:
    return {a.id: a.severity.value for a in config.rules}


def test_default_preset_is_what_no_config_gives(tmp_path: Path) -> None:
    bare = load_config(isolated=True, cwd=tmp_path)
    preset = load_config(config_in(tmp_path, "extends: default\n"), cwd=tmp_path)
    assert enabled(preset) == enabled(bare)
    assert preset.fail_on is bare.fail_on is Severity.ERROR


def test_minimal_turns_off_style_and_structure_rules(tmp_path: Path) -> None:
    config = load_config(config_in(tmp_path, "extends: minimal\n"), cwd=tmp_path)
    on = enabled(config)
    assert "placeholder-text" in on and "scaffold-heading" in on
    assert not {"empty-section", "name-drift", "dateline-format"} & set(on)


def test_strict_fails_on_warnings_and_requires_a_date(tmp_path: Path) -> None:
    config = load_config(config_in(tmp_path, "extends: strict\n"), cwd=tmp_path)
    assert config.fail_on is Severity.WARNING
    (dateline,) = [a for a in config.rules if a.id == "dateline-format"]
    assert (dateline.severity, dateline.options.require) == (Severity.ERROR, "date")


def test_a_config_overrides_what_it_extends(tmp_path: Path) -> None:
    config = load_config(
        config_in(tmp_path, "extends: strict\nfail-on: error\nrules:\n  dateline-format: info\n"),
        cwd=tmp_path,
    )
    assert config.fail_on is Severity.ERROR
    (dateline,) = [a for a in config.rules if a.id == "dateline-format"]
    # The severity is this file's, the options are still the preset's.
    assert (dateline.severity, dateline.options.require) == (Severity.INFO, "date")


def test_extending_a_file_merges_rule_options_and_rulebooks(tmp_path: Path) -> None:
    shared = tmp_path / "house-style"
    config_in(
        shared,
        "extends: minimal\nrulebooks: [style]\nrules:\n"
        "  scaffold-heading:\n    severity: warning\n    extra-phrases: [Editor's Draft]\n",
        "base.yaml",
    )
    (shared / "style").mkdir()
    (shared / "style" / "no-very.yaml").write_text(
        "kind: existence\nseverity: info\nsummary: Very.\nrationale: Plain words.\n"
        'message: "Avoid \\"{match}\\""\noptions:\n  tokens: [very]\n'
        'examples:\n  - name: quiet\n    text: "A day.\\n"\n    expect: []\n',
        encoding="utf-8",
    )
    project = tmp_path / "project"
    config = load_config(
        config_in(
            project,
            "extends: ../house-style/base.yaml\nrules:\n  scaffold-heading:\n    similarity: 95\n",
        ),
        cwd=project,
    )
    (scaffold,) = [a for a in config.rules if a.id == "scaffold-heading"]
    assert scaffold.severity is Severity.WARNING
    assert (scaffold.options.extra_phrases, scaffold.options.similarity) == (
        ("Editor's Draft",),
        95,
    )
    assert config.known["no-very"].source == f"{shared.as_posix()}/style/no-very.yaml"
    assert "name-drift" not in enabled(config)


@pytest.mark.parametrize(
    ("files", "error"),
    [
        pytest.param(
            {".copydesk.yaml": "fail-on: error\nextends: strikt\n"},
            ".copydesk.yaml:2: extends: 'strikt' is neither a built-in preset nor a config file "
            "(did you mean 'strict'?)",
            id="misspelled preset",
        ),
        pytest.param(
            {".copydesk.yaml": "extends: configs/missing.yaml\n"},
            ".copydesk.yaml:1: extends: 'configs/missing.yaml' is neither a built-in preset nor "
            "a config file (built-in presets: default, minimal, strict)",
            id="missing file",
        ),
        pytest.param(
            {".copydesk.yaml": "extends: a.yaml\n", "a.yaml": "extends: .copydesk.yaml\n"},
            "a.yaml:1: extends makes a loop: .copydesk.yaml -> a.yaml -> .copydesk.yaml",
            id="loop",
        ),
        pytest.param(
            {".copydesk.yaml": "extends: a.yaml\n", "a.yaml": "rules:\n  no-such-rule: off\n"},
            "a.yaml:2: unknown rule 'no-such-rule'",
            id="error inside the extended file",
        ),
        pytest.param(
            {".copydesk.yaml": "extends: a.yaml\n", "a.yaml": "fail-on: never\n"},
            "a.yaml:1: fail-on must be error, warning or info, not 'never'",
            id="a bad value names the file that set it",
        ),
    ],
)
def test_extends_errors_name_file_and_line(tmp_path: Path, files: dict[str, str], error: str):
    for name, text in files.items():
        config_in(tmp_path, text, name)
    with pytest.raises(UserError) as caught:
        load_config(tmp_path / ".copydesk.yaml", cwd=tmp_path)
    assert str(caught.value).startswith(error)


def test_every_preset_loads() -> None:
    assert PRESETS == ("default", "minimal", "strict")
