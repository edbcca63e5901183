"""The console script's own reading of plain `check` command lines (linter.console): which
lines it takes, and that a line it takes gives exactly what click gives for it."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest

from linter import commands
from linter.commands import CHECK_FORMATS, CheckOptions, echo_err
from linter.console import read_check
from linter.findings import Severity
from linter.reporters.text import _style
from tests.conftest import ROOT

ACCEPTED = [
    (["check"], CheckOptions()),
    (["check", "a.txt"], CheckOptions(paths=("a.txt",))),
    (
        ["check", "--isolated", "--no-cache", "a.txt"],
        CheckOptions(paths=("a.txt",), isolated=True, no_cache=True),
    ),
    (
        ["check", "--force-exclude", "a.txt", "b.md"],
        CheckOptions(paths=("a.txt", "b.md"), force_exclude=True),
    ),
    (["check", "-q", "-v"], CheckOptions(quiet=True, verbose=True)),
    (["check", "--quiet", "--verbose"], CheckOptions(quiet=True, verbose=True)),
    (
        ["check", "--fix", "--unsafe-fixes", "--diff", "folder"],
        CheckOptions(paths=("folder",), fix=True, unsafe_fixes=True, diff=True),
    ),
    (["check", "--format", "json", "a.txt"], CheckOptions(paths=("a.txt",), output_format="json")),
    (["check", "--format=sarif"], CheckOptions(output_format="sarif")),
    # click reads options among the arguments, and a flag given twice as given once.
    (
        ["check", "a.txt", "--isolated", "folder", "--isolated"],
        CheckOptions(paths=("a.txt", "folder"), isolated=True),
    ),
    (["check", "missing.txt"], CheckOptions(paths=("missing.txt",))),  # click does not look
    (["check", "check", "rules"], CheckOptions(paths=("check", "rules"))),
    (["check", ""], CheckOptions(paths=("",))),
]

DECLINED = [
    [],
    ["--help"],
    ["-h"],
    ["--version"],
    ["rules"],
    ["explain", "empty-bullet"],
    ["Check", "a.txt"],
    ["--isolated", "check", "a.txt"],
    ["check", "--help"],
    ["check", "-h", "a.txt"],
    ["check", "-"],
    ["check", "--fix", "-"],
    ["check", "--", "a.txt"],
    ["check", "-qv", "a.txt"],
    ["check", "-x"],
    ["check", "-a.txt"],
    ["check", "--isolate", "a.txt"],
    ["check", "--isolated=true", "a.txt"],
    ["check", "--format"],
    ["check", "--format="],
    ["check", "--format", "JSON", "a.txt"],
    ["check", "--format", "--isolated", "a.txt"],
    ["check", "--format", "json", "--format", "json", "a.txt"],
    ["check", "--format=json", "--format", "text"],
    ["check", "--select", "empty-bullet", "a.txt"],
    ["check", "--ignore=empty-bullet", "a.txt"],
    ["check", "--config", "c.yaml", "a.txt"],
    ["check", "-o", "report.html", "a.txt"],
    ["check", "-j", "1", "a.txt"],
    ["check", "-j1", "a.txt"],
    ["check", "--jobs=1", "a.txt"],
    ["check", "--stdin-filename", "a.md", "-"],
    ["check", "--baseline", "b.json", "a.txt"],
    ["check", "--diff-from", "HEAD", "a.txt"],
    ["check", "--cache-dir", "cache", "a.txt"],
    ["check", "--fail-on", "warning", "a.txt"],
]


@pytest.fixture
def in_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "a.txt").write_text("Title\n\nBody.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Title\n\nBody.\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("args", "options"), ACCEPTED)
def test_a_plain_check_is_read(in_folder: Path, args: list[str], options: CheckOptions) -> None:
    assert read_check(args, {}) == options


@pytest.mark.parametrize("args", DECLINED)
def test_anything_else_is_left_to_click(in_folder: Path, args: list[str]) -> None:
    assert read_check(args, {}) is None


def test_every_format_is_read(in_folder: Path) -> None:
    for name in CHECK_FORMATS:
        assert read_check(["check", "--format", name], {}) == CheckOptions(output_format=name)
        assert read_check(["check", f"--format={name}"], {}) == CheckOptions(output_format=name)


def test_a_shell_asking_for_completions_is_left_to_click(in_folder: Path) -> None:
    assert read_check(["check", "a.txt"], {"_COPYDESK_COMPLETE": "bash_source"}) is None
    assert read_check(["check", "a.txt"], {"_PYTHON__M_LINTER_COMPLETE": "zsh_complete"}) is None
    # click ignores the variable when it is empty, and so does the reader.
    assert read_check(["check", "a.txt"], {"_COPYDESK_COMPLETE": ""}) == CheckOptions(
        paths=("a.txt",)
    )


def test_an_unreadable_path_is_read_as_click_takes_it(
    in_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # click takes a path that exists but cannot be read (linting reports it as a read-error),
    # so the reader does too (as root every path can be read, so the check is replaced here).
    monkeypatch.setattr(os, "access", lambda path, mode: path != "a.txt")
    assert read_check(["check", "b.md", "a.txt"], {}) == CheckOptions(paths=("b.md", "a.txt"))
    assert read_check(["check", "b.md", "missing.txt"], {}) == CheckOptions(
        paths=("b.md", "missing.txt")
    )


# Running both ways: the console script (`python -m linter`) and click itself, in a process
# that declares itself the command's own as the console script does.
FAST = [sys.executable, "-m", "linter"]
CLICK = [
    sys.executable,
    "-c",
    "from linter import cli, commands; commands.own_process(); cli.main()",
]
CONFIG = "fail-on: warning\nexclude: [folder/ignored.txt]\nrules:\n  name-drift: off\n"

MATRIX = [
    ["check", "--isolated", "clean.txt"],
    ["check", "--isolated", "--no-cache", "findings.txt"],
    ["check", "--isolated", "missing.txt"],
    ["check", "--isolated", "clean.txt", "findings.txt", "page.md", "missing.md"],
    ["check", "--isolated", "folder"],
    ["check", "--isolated", "--no-cache", "folder", "findings.txt"],
    ["check", "--isolated", "empty"],
    ["check", "--isolated", "--no-cache", ""],
    ["check", "--no-cache"],
    ["check"],
    ["check", "folder", "findings.txt"],
    ["check", "--force-exclude", "folder/ignored.txt", "findings.txt"],
    ["check", "--isolated", "-q", "findings.txt"],
    ["check", "--isolated", "--quiet", "clean.txt"],
    ["check", "--isolated", "-v", "findings.txt"],
    ["check", "--isolated", "--verbose", "--quiet", "page.md"],
    ["check", "--isolated", "--fix", "findings.txt", "page.md", "clean.txt"],
    ["check", "--isolated", "--fix", "-q", "clean.txt"],
    ["check", "--isolated", "--unsafe-fixes", "folder"],
    ["check", "--isolated", "--diff", "findings.txt", "page.md"],
    ["check", "--isolated", "--diff", "--unsafe-fixes", "folder"],
    ["check", "--fix", "--force-exclude", "folder/ignored.txt", "page.md"],
    *(
        ["check", "--isolated", "--format", name, "findings.txt", "page.md"]
        for name in CHECK_FORMATS
    ),
    ["check", "--isolated", "--format=concise", "-q", "folder"],
    ["check", "--isolated", "--format=json", "clean.txt"],
    ["check", "--format", "github", "--fix", "findings.txt"],
]


#: Every case runs with no config and a plain environment; these again with a config file in
#: the folder, and these in each environment that changes what a report looks like.
WITH_CONFIG = [
    ["check"],
    ["check", "--no-cache"],
    ["check", "folder", "findings.txt"],
    ["check", "--force-exclude", "folder/ignored.txt", "findings.txt"],
    ["check", "--fix", "--force-exclude", "folder/ignored.txt", "page.md"],
    ["check", "--format", "github", "--fix", "findings.txt"],
]
ENVIRONMENTS = {
    "NO_COLOR": {"NO_COLOR": "1"},
    "FORCE_COLOR": {"FORCE_COLOR": "1"},
    "GITHUB_ACTIONS": {"GITHUB_ACTIONS": "true"},
    "GITHUB_ACTIONS, FORCE_COLOR": {"GITHUB_ACTIONS": "true", "FORCE_COLOR": "1"},
}
IN_EACH_ENVIRONMENT = [
    ["check", "--isolated", "clean.txt"],
    ["check", "--isolated", "missing.txt"],
    ["check", "--isolated", "findings.txt", "page.md"],
    ["check", "--isolated", "--format", "text", "folder"],
    ["check", "--isolated", "--fix", "findings.txt"],
]
CASES = [
    *(pytest.param(args, False, {}, id=" ".join(args)) for args in MATRIX),
    *(pytest.param(args, True, {}, id="config " + " ".join(args)) for args in WITH_CONFIG),
    *(
        pytest.param(args, False, extra, id=f"{name} " + " ".join(args))
        for name, extra in ENVIRONMENTS.items()
        for args in IN_EACH_ENVIRONMENT
    ),
]


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _run(
    command: list[str], args: list[str], work: Path, env: dict[str, str], config: bool
) -> tuple[int, bytes, bytes, dict[str, bytes]]:
    """Run ``command`` with ``args`` in a fresh ``work`` folder: its status, output and the
    folder's files afterwards."""
    if work.exists():
        shutil.rmtree(work)
    (work / "folder").mkdir(parents=True)
    (work / "empty").mkdir()
    shutil.copy(ROOT / "examples/clean-article.txt", work / "clean.txt")
    shutil.copy(ROOT / "examples/pipeline-residue.txt", work / "findings.txt")
    shutil.copy(ROOT / "examples/markdown-residue.md", work / "page.md")
    shutil.copy(ROOT / "examples/name-drift.txt", work / "folder/drift.txt")
    shutil.copy(ROOT / "examples/pipeline-residue.txt", work / "folder/residue.txt")
    shutil.copy(ROOT / "examples/empty-section.md", work / "folder/empty-section.md")
    shutil.copy(ROOT / "examples/pipeline-residue.txt", work / "folder/ignored.txt")
    (work / ".gitignore").write_text("folder/ignored.txt\n", encoding="utf-8")
    if config:
        (work / ".copydesk.yaml").write_text(CONFIG, encoding="utf-8")
    proc = subprocess.run([*command, *args], cwd=work, env=env, capture_output=True, check=False)
    return proc.returncode, proc.stdout, proc.stderr, _tree(work)


@pytest.mark.parametrize(("args", "config", "extra"), CASES)
def test_the_fast_path_gives_what_click_gives(
    tmp_path: Path, args: list[str], config: bool, extra: dict[str, str]
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(extra, PYTHONPATH=str(ROOT))
    work = tmp_path / "work"
    fast = _run(FAST, args, work, env, config)
    with contextlib.chdir(work):
        assert read_check(args, env) is not None  # the console script took it itself
    assert fast == _run(CLICK, args, work, env, config)


def test_the_matrix_covers_every_flag_the_reader_takes() -> None:
    from linter.console import FLAGS

    used = {word.split("=")[0] for args in MATRIX for word in args if word.startswith("-")}
    assert used == {*FLAGS, "--format"}


@pytest.mark.parametrize(
    "message", ["plain", "", "é and ✓", "two\nlines", "\x1b[31mred\x1b[0m", "bell \x07"]
)
@pytest.mark.parametrize("encoding", ["utf-8", "ascii", "latin-1"])
@pytest.mark.parametrize("tty", [False, True])
def test_echo_err_writes_what_click_echo_writes(
    monkeypatch: pytest.MonkeyPatch, message: str, encoding: str, tty: bool
) -> None:
    written = []
    for echo in (echo_err, lambda m: click.echo(m, err=True)):
        raw = io.BytesIO()
        stream = io.TextIOWrapper(raw, encoding=encoding, errors="backslashreplace")
        monkeypatch.setattr(stream, "isatty", lambda: tty, raising=False)
        monkeypatch.setattr(sys, "stderr", stream)
        echo(message)
        written.append(raw.getvalue())  # flushed by the echo itself
    assert written[0] == written[1]


def test_the_text_reporter_styles_as_click_does() -> None:
    for fg in (None, "red", "yellow", "blue"):
        for bold in (False, True):
            expected = click.style("x:1:1:", fg=fg, bold=bold or None)
            assert _style("x:1:1:", True, fg=fg, bold=bold) == expected
            assert _style("x:1:1:", False, fg=fg, bold=bold) == "x:1:1:"
    from linter.reporters.text import _COLORS

    assert set(_COLORS) == set(Severity) and set(_COLORS.values()) == {"red", "yellow", "blue"}


def test_the_console_script_declares_its_process_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(commands, "_own_process", False)
    commands.own_process()
    assert commands._own_process is True
