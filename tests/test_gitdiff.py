"""``--diff-from REF``: only findings on lines changed since a git revision."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.cli import main
from linter.fixes import _diff_name
from linter.gitdiff import _unquoted
from tests.conftest import git

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ARTICLE = """\
Wind Farm Plan Divides Residents of Saltvik
Published 20 June 2026
Rewritten Article
A plan to build twelve turbines on the hills above Saltvik has split the town, with a petition against it gathering 900 signatures in a week.
Supporters say the turbines would bring jobs and cheaper power to a town that has lost its fish factory and half its young people.
The council will vote on the plan in September after a public hearing.
"""  # noqa: E501

PARAGRAPH = (
    "A plan to build twelve turbines on the hills above Saltvik has split the town, with a "
    "petition against it gathering 900 signatures in a week.\n"
    "Supporters say the turbines would bring jobs and cheaper power to a town that has lost its "
    "fish factory and half its young people."
)


def check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "concise", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "wind.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "other.txt").write_text(ARTICLE.replace("Saltvik", "Brekka"), encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def commit(repo: Path, text: str, message: str) -> None:
    (repo / "wind.txt").write_text(text, encoding="utf-8")
    git(repo, "commit", "-q", "-am", message)


def test_reports_the_new_scaffold_label_and_not_the_older_ones(repo: Path) -> None:
    commit(repo, ARTICLE.replace("The council will", "Scenario Analysis\nThe council will"), "add")
    code, out, _ = check(".")
    assert out.count("[scaffold-heading]") == 3  # two old labels, one new
    _, out, _ = check("--diff-from", "HEAD~1", ".")
    assert code == 1
    assert out == (
        'wind.txt:6:1: error: Template label "Scenario Analysis" left in the article '
        "[scaffold-heading]\n"
    )


def test_nothing_changed_reports_nothing(repo: Path) -> None:
    assert check("--diff-from", "HEAD", ".")[:2] == (0, "")


def test_uncommitted_changes_count(repo: Path) -> None:
    (repo / "wind.txt").write_text(ARTICLE + "-\n", encoding="utf-8")
    _, out, _ = check("--diff-from", "HEAD", ".")
    assert out == 'wind.txt:7:1: error: Empty bullet: "-" with no text after it [empty-bullet]\n'


def test_untracked_files_count_as_changed_throughout(repo: Path) -> None:
    (repo / "new.txt").write_text(ARTICLE, encoding="utf-8")
    _, out, _ = check("--diff-from", "HEAD", ".")
    assert out.splitlines() == [
        'new.txt:3:1: error: Template label "Rewritten Article" left in the article '
        "[scaffold-heading]"
    ]


def test_an_ignored_file_named_explicitly_counts_as_changed_throughout(repo: Path) -> None:
    (repo / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "new.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, _ = check("--diff-from", "HEAD", "drafts/new.txt")
    assert (code, out) == (
        1,
        'drafts/new.txt:3:1: error: Template label "Rewritten Article" left in the article '
        "[scaffold-heading]\n",
    )


@pytest.mark.parametrize("binary", ["utf-16", "-diff"])
def test_a_file_git_compares_as_binary_counts_as_changed_throughout(
    repo: Path, binary: str
) -> None:
    encoding = "utf-16" if binary == "utf-16" else "utf-8"
    if binary == "-diff":
        (repo / ".gitattributes").write_text("wind.txt -diff\n", encoding="utf-8")
    (repo / "wind.txt").write_bytes(ARTICLE.replace("Rewritten Article\n", "").encode(encoding))
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "binary")
    (repo / "wind.txt").write_bytes(ARTICLE.encode(encoding))
    code, out, _ = check("--diff-from", "HEAD", "wind.txt")
    assert (code, out) == (
        1,
        'wind.txt:3:1: error: Template label "Rewritten Article" left in the article '
        "[scaffold-heading]\n",
    )


def test_a_duplicate_counts_when_either_copy_is_touched(repo: Path) -> None:
    doubled = ARTICLE + PARAGRAPH + "\n"
    commit(repo, doubled, "paste")
    _, out, _ = check("--diff-from", "HEAD~1", ".")
    assert "wind.txt:7:1: error: Lines 7-8 repeat lines 4-5" in out  # the new copy is touched

    commit(repo, doubled.replace("The council will vote", "The council votes"), "edit")
    _, out, _ = check("--diff-from", "HEAD~1", ".")
    assert out == ""  # neither copy touched

    first = PARAGRAPH.replace("jobs", "work")
    commit(repo, doubled.replace(PARAGRAPH + "\nThe", first + "\nThe"), "first copy")
    _, out, _ = check("--diff-from", "HEAD~1", ".")
    assert "[duplicate-section]" in out  # only the first copy was touched


def test_unknown_revision_is_a_usage_error(repo: Path) -> None:
    code, _, err = check("--diff-from", "no-such-branch", ".")
    assert code == 2
    assert "'no-such-branch' is not a commit in this repository" in err


def test_outside_a_repository_is_a_usage_error(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path_factory.mktemp("plain")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(folder)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(folder.parent))
    code, _, err = check("--diff-from", "HEAD", ".")
    assert code == 2 and "Traceback" not in err


@pytest.mark.parametrize("name", ["sp ace.txt", 'quo"te.txt', "back\\slash.txt", "été 😀.txt"])
def test_a_changed_file_with_any_name_is_read_from_the_diff(repo: Path, name: str) -> None:
    (repo / name).write_text(ARTICLE.replace("Rewritten Article\n", ""), encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "add")
    (repo / name).write_text(ARTICLE, encoding="utf-8")
    code, out, _ = check("--diff-from", "HEAD", name)
    assert code == 1
    assert out == (
        f'{name}:3:1: error: Template label "Rewritten Article" left in the article '
        "[scaffold-heading]\n"
    )


def test_diff_prefixes_set_in_git_config_do_not_hide_changes(repo: Path) -> None:
    git(repo, "config", "diff.noprefix", "true")
    commit(repo, ARTICLE.replace("The council will", "Scenario Analysis\nThe council will"), "x")
    (repo / "wind.txt").write_text(ARTICLE.replace("Rewritten Article", "Scenario Analysis"))
    code, out, _ = check("--diff-from", "HEAD~1", "wind.txt")
    assert (code, out.count("[scaffold-heading]")) == (1, 1)


def test_files_outside_the_repository_and_standard_input_are_checked_whole(
    repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "wind.txt"
    outside.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = check("--diff-from", "HEAD", str(outside))
    assert (code, out.count("[scaffold-heading]")) == (1, 1)
    result = CliRunner().invoke(
        main,
        ["check", "--isolated", "--format", "concise", "--diff-from", "HEAD", "-"],
        input=ARTICLE,
    )
    assert (result.exit_code, result.stdout.count("[scaffold-heading]")) == (1, 1)


@settings(max_examples=500, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=20))
def test_a_name_as_diff_writes_it_is_read_back_whole(name: str) -> None:
    # --diff writes names the way --diff-from reads git's: each undoes the other.
    written = _diff_name("b/" + name)
    assert _unquoted(written.encode("utf-8")) == ("b/" + name).encode("utf-8")


def test_unchanged_files_of_a_submodule_are_not_reported(
    repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    sub = tmp_path_factory.mktemp("sub")
    git(sub, "init", "-q", "-b", "main")
    (sub / "wind.txt").write_text(ARTICLE, encoding="utf-8")
    git(sub, "add", ".")
    git(sub, "commit", "-q", "-m", "first")
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(sub), "vendored")
    git(repo, "commit", "-q", "-m", "submodule")
    assert check("vendored")[0] == 1  # its article has a template label
    assert check("--diff-from", "HEAD", ".") == (0, "", "All checks passed (3 files).\n")
