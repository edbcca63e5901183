"""`--fix` and `--diff` with `--baseline` or `--diff-from`: only the reported findings are fixed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import main
from tests.conftest import git

BEFORE = "Harbour Reopens\nPublished 2 May 2026\nBody text here.\n-\nMore text.\n"
#: Two new empty bullets (lines 7 and 9) under the old one (line 4).
AFTER = BEFORE + "Second para.\n- \nThird.\n-\n"
#: The new empty bullets removed, the old one kept.
FIXED = BEFORE + "Second para.\nThird.\n"
PATCH = (
    "--- a/a.txt\n+++ b/a.txt\n@@ -4,6 +4,4 @@\n -\n More text.\n Second para.\n-- \n Third.\n--\n"
)
REPORT = (
    'a.txt:7:1: error: Empty bullet: "-" with no text after it [empty-bullet]\n'
    'a.txt:9:1: error: Empty bullet: "-" with no text after it [empty-bullet]\n'
)


def check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "concise", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(params=["baseline", "diff-from"])
def filtered(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The options that leave the old empty bullet out of the report, in a folder where
    ``a.txt`` has gained two new ones."""
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(BEFORE, encoding="utf-8")
    if request.param == "baseline":
        assert check("--write-baseline", "baseline.json", "a.txt")[0] == 0
        options = ["--baseline", "baseline.json"]
    else:
        if shutil.which("git") is None:
            pytest.skip("git is not installed")
        git(tmp_path, "init", "-q", "-b", "main")
        git(tmp_path, "add", "a.txt")
        git(tmp_path, "commit", "-q", "-m", "first")
        options = ["--diff-from", "HEAD"]
    Path("a.txt").write_text(AFTER, encoding="utf-8")
    assert check(*options, "a.txt")[:2] == (1, REPORT)
    return options


def test_diff_shows_only_the_fixes_of_reported_findings(filtered: list[str]) -> None:
    assert check(*filtered, "--diff", "a.txt") == (1, PATCH, "Would fix 2 problems in 1 file.\n")
    assert Path("a.txt").read_text(encoding="utf-8") == AFTER


def test_fix_fixes_only_reported_findings(filtered: list[str]) -> None:
    code, out, err = check(*filtered, "--fix", "a.txt")
    assert (code, out) == (0, "")
    assert err == "All checks passed (1 file).\nFixed 2 problems in 1 file.\n"
    assert Path("a.txt").read_text(encoding="utf-8") == FIXED


def test_fix_stdin_fixes_only_reported_findings(filtered: list[str]) -> None:
    result = CliRunner().invoke(
        main,
        ["check", "--isolated", *filtered, "--fix", "-", "--stdin-filename", "a.txt"],
        input=AFTER,
    )
    assert (result.exit_code, result.stdout) == (0, FIXED)


def test_the_report_after_fixing_leaves_out_what_it_left_out_before(filtered: list[str]) -> None:
    # A finding with no fix stays; the unreported empty bullet stays unreported.
    Path("a.txt").write_text(AFTER + "TK\n", encoding="utf-8")
    code, out, err = check(*filtered, "--fix", "a.txt")
    assert code == 1
    # Lines are those of the file as fixed.
    assert out == 'a.txt:8:1: error: Placeholder "TK" left in the text [placeholder-text]\n'
    assert err == "Found 1 problem (1 error) in 1 file.\nFixed 2 problems in 1 file.\n"
    assert Path("a.txt").read_text(encoding="utf-8") == FIXED + "TK\n"
