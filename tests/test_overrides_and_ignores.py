"""Per-path overrides, .gitignore, exclude globs and --force-exclude."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import main

BAD = "Bridge Opens in Lunde\nPublished 1 July 2026\nRewritten Article\nThe bridge opened.\n-\n"


def check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", "--format", "concise", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("news/a.txt", "drafts/b.txt", "archive/old/c.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(BAD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def rules_by_file(out: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in out.splitlines():
        found.setdefault(line.split(":")[0], []).append(line.rsplit("[", 1)[1].rstrip("]"))
    return found


def test_overrides_change_rules_for_matching_paths(tree: Path) -> None:
    (tree / ".copydesk.yaml").write_text(
        "rules:\n"
        "  empty-bullet: warning\n"
        "overrides:\n"
        "  - paths: ['drafts/']\n"
        "    rules:\n"
        "      scaffold-heading: off\n"
        "  - paths: ['archive/**/*.txt']\n"
        "    rules:\n"
        "      empty-bullet: off\n",
        encoding="utf-8",
    )
    _, out, _ = check(".")
    assert rules_by_file(out) == {
        "archive/old/c.txt": ["scaffold-heading"],
        "drafts/b.txt": ["empty-bullet"],
        "news/a.txt": ["scaffold-heading", "empty-bullet"],
    }
    assert "warning: Empty bullet" in out


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ("overrides: {paths: [a]}\n", "'overrides' must be a list"),
        ("overrides:\n  - paths: [a]\n", "an override needs both 'paths' and 'rules'"),
        ("overrides:\n  - paths: [a]\n    rule: {}\n", "unknown key 'rule' in an override"),
        ("overrides:\n  - paths: [a]\n    rules: {empty-bulet: off}\n", "unknown rule"),
    ],
)
def test_bad_overrides_are_config_errors(tree: Path, overrides: str, message: str) -> None:
    (tree / ".copydesk.yaml").write_text(overrides, encoding="utf-8")
    code, _, err = check(".")
    assert code == 2
    assert message in err and ".copydesk.yaml" in err


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_gitignore_is_respected_when_walking_folders(tree: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=tree, check=True)
    (tree / ".gitignore").write_text("drafts/\n*.tmp.txt\n", encoding="utf-8")
    (tree / "news" / "d.tmp.txt").write_text(BAD, encoding="utf-8")
    _, out, _ = check(".")
    assert set(rules_by_file(out)) == {"archive/old/c.txt", "news/a.txt"}

    # Named explicitly, an ignored file is still checked, unless --force-exclude.
    _, out, _ = check("drafts/b.txt")
    assert set(rules_by_file(out)) == {"drafts/b.txt"}
    _, out, _ = check("--force-exclude", "drafts/b.txt", "news/a.txt")
    assert set(rules_by_file(out)) == {"news/a.txt"}
    _, out, _ = check("--force-exclude", "drafts/b.txt", "news", "drafts/b.txt")
    assert set(rules_by_file(out)) == {"news/a.txt"}
    code, out, err = check("drafts")  # named, but every article in it is ignored
    assert (code, out) == (0, "") and "All checks passed (0 files)." in err

    (tree / ".copydesk.yaml").write_text("respect-gitignore: false\n", encoding="utf-8")
    _, out, _ = check(".")
    assert set(rules_by_file(out)) == {
        "archive/old/c.txt",
        "drafts/b.txt",
        "news/a.txt",
        "news/d.tmp.txt",
    }


def test_force_exclude_applies_exclude_globs_to_named_files(tree: Path) -> None:
    (tree / ".copydesk.yaml").write_text("exclude: ['archive/']\n", encoding="utf-8")
    _, out, _ = check("archive/old/c.txt")
    assert set(rules_by_file(out)) == {"archive/old/c.txt"}
    code, out, err = check("--force-exclude", "archive/old/c.txt")
    assert (code, out) == (0, "")
    assert "All checks passed (0 files)." in err


def test_respect_gitignore_must_be_a_boolean(tree: Path) -> None:
    (tree / ".copydesk.yaml").write_text("respect-gitignore: maybe\n", encoding="utf-8")
    code, _, err = check(".")
    assert code == 2 and "'respect-gitignore' must be true or false" in err
