"""The walk's shortcuts give exactly what the general functions give."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from linter.config import load_config
from linter.paths import in_git_work_tree, name_matches
from linter.runner import collect, display_path
from linter.stamp import read_all


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    for folder in ("", "news", "news/2024", "opinion"):
        (root / folder).mkdir(parents=True, exist_ok=True)
        for name in ("a.md", "b.txt", "skip.rst"):
            (root / folder / name).write_text("Title\n\nBody.\n", encoding="utf-8")
    # A link to a file outside the walk: one to a file in it is that file's second name.
    (tmp_path / "outside.md").write_text("Title\n\nBody.\n", encoding="utf-8")
    (root / "news" / "link.md").symlink_to(tmp_path / "outside.md")
    (root / "news" / "broken.md").symlink_to(root / "news" / "gone.md")
    return root


@pytest.mark.parametrize("where", ["site", "site/news", ".", "elsewhere"])
@pytest.mark.parametrize("given", ["absolute", "relative"])
def test_walked_files_are_shown_as_display_path_shows_them(
    tree: Path, where: str, given: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cwd = tree.parent / where
    cwd.mkdir(exist_ok=True)
    monkeypatch.chdir(cwd)
    config = load_config(None, cwd=cwd, isolated=True)
    target = str(tree) if given == "absolute" else os.path.relpath(tree, cwd)
    entries = list(collect([target], config, cwd))
    assert len(entries) == 10  # a.md and b.txt in four folders, and two links
    for shown, file, problem in entries:
        assert file is not None
        assert shown == display_path(file, cwd)
        if file.name == "broken.md":
            assert problem is not None and "broken symbolic link" in problem
        else:
            assert problem is None, (shown, problem)


def test_several_globs_match_as_each_does() -> None:
    globs = ("*.md", "*.markdown", "notes-?.txt", "[ab]*.rst")
    for name in ("a.md", "x.markdown", "notes-1.txt", "notes-12.txt", "b.rst", "c.rst", "md"):
        assert name_matches(name, globs) == any(name_matches(name, [g]) for g in globs)
    assert not name_matches("a.md", ())


def test_git_is_asked_only_inside_a_work_tree(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "sub").mkdir(parents=True)
    (repo / ".git").write_text("gitdir: elsewhere\n")  # a worktree's .git is a file
    assert in_git_work_tree(repo / "sub")
    outside = tmp_path / "plain"
    outside.mkdir()
    if any((p / ".git").exists() for p in outside.parents):
        pytest.skip("the temporary folder is itself inside a git work tree")
    assert not in_git_work_tree(outside)


def test_read_all_reads_whole_files(tmp_path: Path) -> None:
    data = bytes(range(256)) * 1000  # several of its read chunks
    (tmp_path / "f").write_bytes(data)
    (tmp_path / "empty").write_bytes(b"")
    assert read_all(tmp_path / "f") == data
    assert read_all(str(tmp_path / "empty")) == b""
    with pytest.raises(OSError):
        read_all(tmp_path / "missing")
    with pytest.raises(OSError):
        read_all(tmp_path)


def test_git_told_where_the_repository_is_is_always_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "elsewhere.git"))
    assert in_git_work_tree(tmp_path)


def test_a_folder_reached_through_a_link_is_shown_by_where_it_is(tmp_path: Path) -> None:
    # cwd/sub is also reachable as ../link (outside cwd): its files are shown as cwd/sub's,
    # exactly as naming each file would show it.
    cwd = tmp_path / "c"
    (cwd / "sub").mkdir(parents=True)
    (cwd / "sub" / "a.txt").write_text("Title\n\nBody.\n", encoding="utf-8")
    (tmp_path / "link").symlink_to(cwd / "sub")
    config = load_config(None, cwd=cwd, isolated=True)
    walked = [shown for shown, _, _ in collect([str(tmp_path / "link")], config, cwd)]
    assert walked == ["sub/a.txt"] == [display_path(tmp_path / "link" / "a.txt", cwd)]


def test_a_link_to_a_file_of_the_folder_is_passed_over_and_the_order_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "ord"
    (folder / "sub").mkdir(parents=True)
    for name in ("z.md", "sub/m.md"):
        (folder / name).write_text("Title\n\nBody.\n", encoding="utf-8")
    (tmp_path / "outside.md").write_text("Title\n\nBody.\n", encoding="utf-8")
    (folder / "a-link.md").symlink_to(tmp_path / "outside.md")
    (folder / "b-link.md").symlink_to(folder / "z.md")
    monkeypatch.chdir(tmp_path)
    found = [shown for shown, *_ in collect(["ord"], load_config(isolated=True), tmp_path)]
    assert found == ["ord/a-link.md", "ord/z.md", "ord/sub/m.md"]
