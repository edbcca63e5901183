"""`copydesk check --fix / --unsafe-fixes / --diff` on real files: exact bytes, modes, exits."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from linter.cli import main
from tests.conftest import FIXTURES, ROOT

SEED = ROOT / "examples" / "pipeline-residue.txt"
GOLDEN = FIXTURES / "fix"
RENAME = "rules:\n  scaffold-heading:\n    rename:\n      Scenario Analysis: What this might mean\n"


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, ["check", *args], input=stdin)


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    copy = tmp_path / "article.txt"
    shutil.copyfile(SEED, copy)
    return copy


@pytest.fixture
def rename_config(tmp_path: Path) -> Path:
    config = tmp_path / "rename.yaml"
    config.write_text(RENAME, encoding="utf-8")
    return config


def test_fix_leaves_the_article_once(seed: Path) -> None:
    result = run("--isolated", "--fix", str(seed))
    assert result.exit_code == 0, result.output
    assert seed.read_bytes() == (GOLDEN / "pipeline-residue.fixed.txt").read_bytes()
    assert result.stderr == "All checks passed (1 file).\nFixed 7 problems in 1 file.\n"


def test_the_fixed_seed_has_the_parts_the_issue_names(seed: Path) -> None:
    run("--isolated", "--fix", str(seed))
    lines = seed.read_text(encoding="utf-8").split("\n")
    assert lines[:3] == [
        "Landslides in Northern Valley Leave Dozens Dead",
        "Published 14 November 2026",
        "Highlights",
    ]
    assert [line[:2] for line in lines[3:8]] == ["- "] * 5
    headings = ["Roads and Bridges Cut", "Army Called In", "Blame and Denials", "A Valley at Risk"]
    assert [line for line in lines if line in headings] == headings
    assert sum(line.startswith("The disaster is likely") for line in lines) == 1
    assert sum(line.startswith("A chain of landslides") for line in lines) == 1
    assert lines[-1] == "" and lines[-2] != "", "a single final newline"
    assert "Rewritten Article" not in lines and "Scenario Analysis" not in lines


def test_unsafe_fixes_with_a_rename_map(seed: Path, rename_config: Path) -> None:
    result = run("--config", str(rename_config), "--fix", "--unsafe-fixes", str(seed))
    assert result.exit_code == 0, result.output
    assert seed.read_bytes() == (GOLDEN / "pipeline-residue.renamed.txt").read_bytes()
    assert seed.read_text(encoding="utf-8").count("What this might mean\n") == 1


def test_a_rename_is_not_applied_without_unsafe_fixes(seed: Path, rename_config: Path) -> None:
    result = run("--config", str(rename_config), "--format", "json", "--fix", str(seed))
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [(d["line"], d["rule"], d["fixable"]) for d in data["diagnostics"]] == [
        (18, "scaffold-heading", True)
    ]
    assert "1 more fixable with --unsafe-fixes" in result.stderr


@pytest.mark.parametrize(
    ("source", "golden", "args"),
    [
        ("harbour-residue.md", "harbour-residue.fixed.md", ("--isolated",)),
        (
            "harbour-residue.md",
            "harbour-residue.renamed.md",
            ("--config", "RENAME", "--unsafe-fixes"),
        ),
    ],
)
def test_own_markdown_article(
    tmp_path: Path, rename_config: Path, source: str, golden: str, args: tuple[str, ...]
) -> None:
    copy = tmp_path / "harbour.md"
    shutil.copyfile(GOLDEN / source, copy)
    args = tuple(str(rename_config) if a == "RENAME" else a for a in args)
    result = run("--fix", *args, str(copy))
    assert result.exit_code == 0, result.output
    assert copy.read_bytes() == (GOLDEN / golden).read_bytes()


def test_a_second_run_changes_nothing_and_keeps_the_mtime(seed: Path) -> None:
    run("--isolated", "--fix", str(seed))
    os.utime(seed, ns=(1_000_000_000, 1_000_000_000))
    before = seed.read_bytes()
    result = run("--isolated", "--fix", str(seed))
    assert result.exit_code == 0
    assert result.stderr.endswith("No fixes applied.\n")
    assert seed.read_bytes() == before
    assert seed.stat().st_mtime_ns == 1_000_000_000


def test_crlf_stays_crlf(seed: Path) -> None:
    seed.write_bytes(SEED.read_bytes().replace(b"\n", b"\r\n"))
    assert run("--isolated", "--fix", str(seed)).exit_code == 0
    expected = (GOLDEN / "pipeline-residue.fixed.txt").read_bytes().replace(b"\n", b"\r\n")
    assert seed.read_bytes() == expected


def test_mixed_line_endings_keep_each_line_its_own(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"Harbour Reopens\r\nHighlights\n- Ferries sailed.\r\n-\nMore text.\r\n")
    assert run("--isolated", "--fix", str(path)).exit_code == 0
    assert (
        path.read_bytes() == b"Harbour Reopens\r\nHighlights\n- Ferries sailed.\r\nMore text.\r\n"
    )


def test_utf8_bom_is_kept(seed: Path) -> None:
    seed.write_bytes(b"\xef\xbb\xbf" + SEED.read_bytes())
    assert run("--isolated", "--fix", str(seed)).exit_code == 0
    golden = (GOLDEN / "pipeline-residue.fixed.txt").read_bytes()
    assert seed.read_bytes() == b"\xef\xbb\xbf" + golden


def test_utf16_file_keeps_its_encoding(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(b"\xff\xfe" + "Harbour Reopens\n-\nFerries sailed.\n".encode("utf-16-le"))
    assert run("--isolated", "--fix", str(path)).exit_code == 0
    assert path.read_bytes() == b"\xff\xfe" + "Harbour Reopens\nFerries sailed.\n".encode(
        "utf-16-le"
    )


def test_no_final_newline_stays_without_one(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Harbour Reopens\nFerries sailed again.\n-")
    assert run("--isolated", "--fix", str(path)).exit_code == 0
    assert path.read_bytes() == b"Harbour Reopens\nFerries sailed again."


def test_file_mode_is_unchanged(seed: Path) -> None:
    seed.chmod(0o640)
    assert run("--isolated", "--fix", str(seed)).exit_code == 0
    assert stat.S_IMODE(seed.stat().st_mode) == 0o640
    assert seed.read_bytes() == (GOLDEN / "pipeline-residue.fixed.txt").read_bytes()


def test_read_only_file_is_reported_not_rewritten(seed: Path) -> None:
    seed.chmod(0o444)
    try:
        result = run("--isolated", "--format", "json", "--fix", str(seed))
    finally:
        seed.chmod(0o644)
    assert result.exit_code == 2
    d, *rest = json.loads(result.stdout)["diagnostics"]
    assert (d["rule"], d["line"], d["column"]) == ("write-error", 1, 1)
    assert d["message"] == "permission denied: the file is read-only; not fixed"
    # The file is as it was, so its own findings are still reported.
    assert [f"{r['line']} {r['rule']}" for r in rest] == [
        "9 empty-bullet",
        "10 scaffold-heading",
        "11 repeated-title",
        "21 empty-bullet",
        "22 scaffold-heading",
        "24 duplicate-section",
        "35 trailing-blank-lines",
    ]
    assert seed.read_bytes() == SEED.read_bytes()


def test_symlink_is_fixed_through(tmp_path: Path, seed: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(seed)
    assert run("--isolated", "--fix", str(link)).exit_code == 0
    assert link.is_symlink()
    assert seed.read_bytes() == (GOLDEN / "pipeline-residue.fixed.txt").read_bytes()


def test_no_temporary_file_is_left_behind(seed: Path) -> None:
    run("--isolated", "--fix", str(seed))
    assert sorted(p.name for p in seed.parent.iterdir()) == ["article.txt"]


def test_diff_writes_nothing_and_exits_1(seed: Path) -> None:
    result = run("--isolated", "--diff", str(seed))
    assert result.exit_code == 1
    assert seed.read_bytes() == SEED.read_bytes()
    name = seed.as_posix().lstrip("/")  # an absolute path is written relative to the root
    assert result.stdout.startswith(f"--- a/{name}\n+++ b/{name}\n@@ ")
    assert result.stderr == "Would fix 7 problems in 1 file.\n"


def test_diff_of_a_clean_file_is_empty_and_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "clean.txt"
    shutil.copyfile(ROOT / "examples" / "clean-article.txt", path)
    result = run("--isolated", "--diff", str(path))
    assert (result.exit_code, result.stdout) == (0, "")


def _apply(tool: str, repo: Path, patch: bytes) -> None:
    if tool == "git":
        subprocess.run(["git", "init", "-q", str(repo)], check=True)
        subprocess.run(["git", "apply", "-"], cwd=repo, input=patch, check=True)
    else:
        subprocess.run(["patch", "-s", "-p1"], cwd=repo, input=patch, check=True)


@pytest.mark.parametrize("tool", ["git", "patch"])
@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda b: b, id="lf"),
        pytest.param(lambda b: b.replace(b"\n", b"\r\n"), id="crlf"),
        pytest.param(lambda b: b"\xef\xbb\xbf" + b, id="bom"),
        pytest.param(lambda b: b.rstrip(b"\n"), id="no-final-newline"),
    ],
)
def test_diff_applies_and_gives_the_fix_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tool: str, variant
) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")
    original = variant(SEED.read_bytes())
    work, patched = tmp_path / "work", tmp_path / "patched"
    for folder in (work, patched):
        (folder / "news").mkdir(parents=True)
        (folder / "news" / "article.txt").write_bytes(original)
    monkeypatch.chdir(work)
    diff = CliRunner().invoke(main, ["check", "--isolated", "--diff", "news/article.txt"])
    assert diff.exit_code == 1
    assert run("--isolated", "--fix", "news/article.txt").exit_code == 0
    _apply(tool, patched, diff.stdout_bytes)
    assert (patched / "news" / "article.txt").read_bytes() == (
        work / "news" / "article.txt"
    ).read_bytes()


def test_fix_stdin_writes_the_fixed_text_to_stdout() -> None:
    result = run("--isolated", "--fix", "-", stdin=SEED.read_bytes())
    assert result.exit_code == 0
    assert result.stdout_bytes == (GOLDEN / "pipeline-residue.fixed.txt").read_bytes()
    assert result.stderr == "All checks passed (1 file).\nFixed 7 problems in 1 file.\n"


def test_fix_stdin_reports_what_remains_on_stderr(rename_config: Path) -> None:
    data = b"Harbour Reopens\nScenario Analysis\nTrade could recover by spring.\n"
    result = run(
        "--config", str(rename_config), "--fix", "-", "--stdin-filename", "a.txt", stdin=data
    )
    assert result.exit_code == 1
    assert result.stdout_bytes == data
    assert result.stderr.startswith("a.txt:2:1: scaffold-heading Template label")


def test_fix_stdin_that_cannot_be_decoded_is_passed_through() -> None:
    data = b"Harbour\n\xff\n"
    result = run("--isolated", "--fix", "-", stdin=data)
    assert result.exit_code == 2
    assert result.stdout_bytes == data
    assert "read-error cannot decode the file" in result.stderr


def test_fix_keeps_the_json_contract(seed: Path, rename_config: Path) -> None:
    result = run("--config", str(rename_config), "--format", "json", "--fix", str(seed))
    data = json.loads(result.stdout)
    assert set(data) == {"version", "diagnostics", "summary"}
    assert data["summary"] == {"files": 1, "errors": 1, "warnings": 0, "infos": 0, "fixable": 1}


def test_fix_that_does_not_settle_is_reported_and_writes_nothing(tmp_path: Path) -> None:
    config = tmp_path / "loop.yaml"
    config.write_text(
        "rules:\n  scaffold-heading:\n    rename:\n"
        "      Outlook: Forecast\n      Forecast: Outlook\n",
        encoding="utf-8",
    )
    path = tmp_path / "a.txt"
    data = b"Harbour Reopens\nOutlook\nTrade could recover by spring.\n"
    path.write_bytes(data)
    result = run("--config", str(config), "--format", "json", "--unsafe-fixes", str(path))
    assert result.exit_code == 2
    d = json.loads(result.stdout)["diagnostics"][0]
    assert d["rule"] == "fix-error"
    assert "undo each other" in d["message"]
    assert path.read_bytes() == data


def test_pre_commit_manifest_has_check_and_fix_hooks() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {h["id"]: h for h in hooks}
    assert by_id["copydesk"]["entry"] == "copydesk check --force-exclude"
    assert by_id["copydesk-fix"]["entry"] == "copydesk check --fix --force-exclude"
    assert by_id["copydesk-fix"]["files"] == by_id["copydesk"]["files"]


def test_file_changed_on_disk_while_fixing_is_left_alone(
    seed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import linter.fixes

    real = linter.fixes.fix_bytes
    edited = SEED.read_bytes() + b"An editor added this line meanwhile.\n"

    def racing(*args, **kwargs):
        outcome = real(*args, **kwargs)
        seed.write_bytes(edited)  # someone saves the file while copydesk is working
        return outcome

    monkeypatch.setattr(linter.fixes, "fix_bytes", racing)
    result = run("--isolated", "--format", "json", "--fix", str(seed))
    assert result.exit_code == 2
    d = json.loads(result.stdout)["diagnostics"][0]
    assert d["rule"] == "write-error"
    assert d["message"].startswith("the file changed on disk while it was being fixed")
    assert seed.read_bytes() == edited


def test_fix_writes_the_report_to_output(seed: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = run("--isolated", "--fix", "--format", "json", "-o", str(report), str(seed))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "Fixed 7 problems in 1 file.\n"
    assert seed.read_bytes() == (GOLDEN / "pipeline-residue.fixed.txt").read_bytes()
    assert json.loads(report.read_text(encoding="utf-8"))["summary"] == {
        "files": 1,
        "errors": 0,
        "warnings": 0,
        "infos": 0,
        "fixable": 0,
    }


def test_diff_prints_the_patch_and_writes_the_report_to_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = b"Harbour\n[Insert quote]\n-\n"
    Path("b.txt").write_bytes(data)
    result = run("--isolated", "--diff", "--format", "concise", "-o", "report.txt", "b.txt")
    assert result.exit_code == 1
    assert result.stdout == (
        "--- a/b.txt\n+++ b/b.txt\n@@ -1,3 +1,2 @@\n Harbour\n [Insert quote]\n--\n"
    )
    assert result.stderr == "Found 1 problem (1 error) in 1 file.\nWould fix 1 problem in 1 file.\n"
    assert Path("report.txt").read_text(encoding="utf-8") == (
        'b.txt:2:1: error: Placeholder "[Insert quote]" left in the text [placeholder-text]\n'
    )
    assert Path("b.txt").read_bytes() == data


def test_fix_stdin_writes_the_report_to_output(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    data = b"Harbour\n[Insert quote]\n-\n"
    result = run("--isolated", "--fix", "-", "--format", "concise", "-o", str(report), stdin=data)
    assert result.exit_code == 1
    assert result.stdout_bytes == b"Harbour\n[Insert quote]\n"
    assert result.stderr == "Found 1 problem (1 error) in 1 file.\nFixed 1 problem in 1 file.\n"
    assert report.read_text(encoding="utf-8") == (
        '<stdin>:2:1: error: Placeholder "[Insert quote]" left in the text [placeholder-text]\n'
    )


def test_an_output_that_cannot_be_written_stops_the_fix_before_any_change(seed: Path) -> None:
    result = run("--isolated", "--fix", "-o", str(seed.parent / "missing" / "r.txt"), str(seed))
    assert result.exit_code == 2
    assert result.stderr.startswith("copydesk: error: ")
    assert "cannot write the report: No such file or directory" in result.stderr
    assert seed.read_bytes() == SEED.read_bytes()


def test_diff_of_a_utf16_file_says_the_patch_will_not_apply(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The patch is UTF-8 text; git and patch take a UTF-16 file as binary.
    monkeypatch.chdir(tmp_path)
    data = b"\xff\xfe" + "Harbour Reopens\n-\nFerries sailed.\n".encode("utf-16-le")
    Path("a.txt").write_bytes(data)
    result = run("--isolated", "--diff", "a.txt")
    assert result.exit_code == 1
    assert result.stdout == (
        "--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,2 @@\n \ufeffHarbour Reopens\n--\n Ferries sailed.\n"
    )
    assert result.stderr == (
        "a.txt: the file is UTF-16; its patch shows the change as UTF-8 text, which git apply "
        "and patch cannot apply to it (use --fix)\nWould fix 1 problem in 1 file.\n"
    )
    assert Path("a.txt").read_bytes() == data


def test_a_hard_linked_file_is_fixed_under_every_name(tmp_path: Path, seed: Path) -> None:
    other = tmp_path / "other-name.txt"
    os.link(seed, other)
    inode = seed.stat().st_ino
    assert run("--isolated", "--fix", str(seed)).exit_code == 0
    assert seed.stat().st_ino == inode
    fixed = (GOLDEN / "pipeline-residue.fixed.txt").read_bytes()
    assert other.read_bytes() == seed.read_bytes() == fixed
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("how", [["--fix"], ["--diff"], []])
def test_output_that_names_an_article_being_checked_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: list[str]
) -> None:
    # Opening it for the report would empty the article before it is read.
    monkeypatch.chdir(tmp_path)
    data = b"# T\n\n- \n\nBody TK.\n"
    Path("b.md").write_bytes(data)
    Path("sub").mkdir()
    Path("sub/a.md").write_bytes(data)
    os.link("sub/a.md", "linked.md")
    for output, target, problem in (
        ("b.md", "b.md", "-o names an article this run checks; write the report to another file"),
        (
            "linked.md",
            "sub",
            "-o names a file with other hard links, which the report would overwrite too",
        ),
    ):
        result = run("--isolated", *how, "-o", output, target)
        assert result.exit_code == 2
        assert result.stderr == f"copydesk: error: {output}: {problem}\n"
    assert Path("b.md").read_bytes() == Path("sub/a.md").read_bytes() == data


@pytest.mark.parametrize("how", [["--fix"], ["--diff"], []])
def test_a_report_in_a_folder_being_checked_is_not_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("sub").mkdir()
    Path("sub/a.md").write_bytes(b"# T\n\n- \n\nBody TK.\n")
    # Under a name the run does not check, a report may be written again and again.
    args = ("--isolated", *how, "--format", "json", "-o", "sub/report.json", "sub")
    first, again = run(*args), run(*args)
    assert first.exit_code == again.exit_code == 1
    # Under a name it checks, a new report is passed over by the walk...
    fresh = run("--isolated", *how, "--format", "concise", "-o", "sub/report.txt", "sub")
    assert fresh.exit_code == 1 and "in 1 file" in fresh.stderr
    assert "report.txt" not in Path("sub/report.txt").read_text(encoding="utf-8")
    # ... but a file with text in it there may be an article: it is not overwritten.
    report = Path("sub/report.txt").read_bytes()
    again = run("--isolated", *how, "--format", "concise", "-o", "sub/report.txt", "sub")
    assert again.exit_code == 2
    assert again.stderr == (
        "copydesk: error: sub/report.txt: -o names a file this run checks as an article; write "
        "the report elsewhere, or under a name the run does not check (report.json, say)\n"
    )
    assert Path("sub/report.txt").read_bytes() == report


def test_output_is_not_refused_where_the_walk_does_not_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("sub/node_modules").mkdir(parents=True)
    Path("sub/a.md").write_bytes(b"# T\n\nBody TK.\n")
    Path("sub/node_modules/lint.txt").write_text("old report\n", encoding="utf-8")
    assert run("--isolated", "-o", "sub/node_modules/lint.txt", "sub").exit_code == 1


def test_output_that_is_a_new_path_named_as_an_article_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_bytes(b"# T\n\nBody.\n")
    result = run("--isolated", "-o", "rep.md", "a.md", "rep.md")
    assert result.exit_code == 2
    assert result.stderr == (
        "copydesk: error: rep.md: -o names a path given as an article; write the report to "
        "another file\n"
    )
    assert not Path("rep.md").exists()


def test_a_report_that_cannot_be_written_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"# T\n\nBody TK.\n")
    result = run("--isolated", "-o", "/dev/full", str(tmp_path / "a.md"))
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "copydesk: error: /dev/full: cannot write the report: No space left on device\n"
    )


def test_a_file_name_that_is_not_utf8_is_escaped_in_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("u").mkdir()
    Path(os.fsdecode(b"u/\xff.md")).write_bytes(b"# T\n\n- \n")
    assert run("--isolated", "--format", "concise", "-o", "r.txt", "u").exit_code == 1
    assert Path("r.txt").read_bytes() == (
        b'u/\\udcff.md:3:1: error: Empty bullet: "-" with no text after it [empty-bullet]\n'
    )


def test_output_that_is_a_link_to_a_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("d").mkdir()
    Path("ext").mkdir()
    Path("d/a.md").write_bytes(b"# T\n\n- \n")
    Path("ext/x.md").write_bytes(b"# X\n\nBody.\n")
    Path("d/link.md").symlink_to("../ext/x.md")
    result = run("--isolated", "-o", "d/link.md", "d")
    assert result.exit_code == 2
    assert result.stderr == (
        "copydesk: error: d/link.md: -o names a symbolic link; write the report to a plain file\n"
    )
    assert Path("ext/x.md").read_bytes() == b"# X\n\nBody.\n"


def test_output_beside_standard_input_alone_is_not_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No folder is walked: a file in the working folder is the report's to overwrite.
    monkeypatch.chdir(tmp_path)
    Path("notes.md").write_text("an old report\n", encoding="utf-8")
    result = run("--isolated", "--format", "concise", "-o", "notes.md", "-", stdin=b"T\n\nBody.\n")
    assert result.exit_code == 0
    assert Path("notes.md").read_text(encoding="utf-8") == ""


def test_a_new_output_named_as_an_article_through_a_link_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("d").mkdir()
    Path("d/a.md").write_bytes(b"# T\n\nBody.\n")
    Path("link").symlink_to("d")
    result = run("--isolated", "-o", "link/new.md", "d/a.md", "d/new.md")
    assert result.exit_code == 2
    assert not Path("d/new.md").exists()


def test_output_that_a_link_in_a_checked_folder_reaches_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The walk checks d/link.md, which is outside/a.md: the report must not overwrite it.
    monkeypatch.chdir(tmp_path)
    Path("d").mkdir()
    Path("outside").mkdir()
    Path("outside/a.md").write_bytes(b"# Article\n\nBody.\n")
    Path("d/link.md").symlink_to("../outside/a.md")
    result = run("--isolated", "-o", "outside/a.md", "d")
    assert result.exit_code == 2
    assert "-o names a file this run checks as an article" in result.stderr
    assert Path("outside/a.md").read_bytes() == b"# Article\n\nBody.\n"


def test_output_that_is_a_dangling_link_or_the_baseline_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("d").mkdir()
    Path("d/a.md").write_bytes(b"# T\n\n-\n")
    Path("out.txt").symlink_to("d/new.md")
    result = run("--isolated", "-o", "out.txt", "d/new.md")
    assert result.exit_code == 2
    assert not Path("d/new.md").exists()
    assert run("--isolated", "--write-baseline", "b.json", "d").exit_code == 0
    baseline = Path("b.json").read_bytes()
    result = run("--isolated", "--baseline", "b.json", "-o", "b.json", "d")
    assert result.exit_code == 2
    assert result.stderr == (
        "copydesk: error: b.json: -o names a baseline or config file this run reads; write the "
        "report to another file\n"
    )
    assert Path("b.json").read_bytes() == baseline


@pytest.mark.parametrize(
    ("files", "output"),
    [
        ({".copydesk.yaml": "fail-on: error\n"}, ".copydesk.yaml"),
        (
            {"pyproject.toml": '[project]\nname = "x"\n\n[tool.copydesk]\nfail-on = "error"\n'},
            "pyproject.toml",
        ),
        (
            {".copydesk.yaml": "extends: cfg/base.yaml\n", "cfg/base.yaml": "fail-on: error\n"},
            "cfg/base.yaml",
        ),
    ],
)
def test_output_that_names_a_config_file_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], output: str
) -> None:
    # Found by the run itself, not named with --config: still not the report's to overwrite.
    monkeypatch.chdir(tmp_path)
    for name, text in files.items():
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")
    Path("a.md").write_bytes(b"# T\n\nBody.\n")
    result = run("-o", output, ".")
    assert result.exit_code == 2
    assert "-o names a baseline or config file this run reads" in result.stderr
    assert Path(output).read_text(encoding="utf-8") == files[output]


def test_output_that_is_the_new_baseline_is_refused_and_a_stream_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_bytes(b"# T\n\n-\n")
    result = run("--isolated", "--write-baseline", "b.json", "-o", "b.json", "a.md")
    assert result.exit_code == 2
    assert result.stderr == (
        "copydesk: error: b.json: -o names the baseline this run writes; write the report to "
        "another file\n"
    )
    Path("out").symlink_to("/dev/null")  # a link to a stream, as /dev/stdout is
    assert run("--isolated", "-o", "out", "a.md").exit_code == 1


@pytest.mark.parametrize("tool", ["git", "patch"])
@pytest.mark.parametrize(
    "name",
    ["sp ace.txt", 'quo"te.txt', "back\\slash.txt", "tab\tname.txt", os.fsdecode(b"caf\xe9.txt")],
)
def test_diff_of_a_file_with_any_name_applies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tool: str, name: str
) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")
    work, patched = tmp_path / "work", tmp_path / "patched"
    for folder in (work, patched):
        (folder / "news").mkdir(parents=True)
        (folder / "news" / name).write_bytes(SEED.read_bytes())
    monkeypatch.chdir(work)
    diff = CliRunner().invoke(main, ["check", "--isolated", "--diff", f"news/{name}"])
    assert diff.exit_code == 1
    assert run("--isolated", "--fix", f"news/{name}").exit_code == 0
    _apply(tool, patched, diff.stdout_bytes)
    assert (patched / "news" / name).read_bytes() == (work / "news" / name).read_bytes()


def test_a_file_and_a_link_to_it_are_fixed_once_under_the_file_s_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("m.txt").write_bytes(SEED.read_bytes())
    Path("link.txt").symlink_to("m.txt")  # walked first: "link.txt" sorts before "m.txt"
    for args in (["."], ["m.txt", "link.txt"]):
        diff = run("--isolated", "--diff", *args)
        assert diff.exit_code == 1
        names = [line for line in diff.stdout.splitlines() if line.startswith(("---", "+++"))]
        assert names == ["--- a/m.txt", "+++ b/m.txt"]
    report = run("--isolated", "--format", "concise", "link.txt", "m.txt")
    assert {line.split(":")[0] for line in report.stdout.splitlines()} == {"link.txt"}
    assert report.stderr == "Found 7 problems (6 errors, 1 warning) in 1 file.\n"


def test_fix_or_diff_with_write_baseline_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_bytes(SEED.read_bytes())
    for flag in ("--fix", "--unsafe-fixes", "--diff"):
        result = run("--isolated", flag, "--write-baseline", "b.json", "a.txt")
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr == (
            f"copydesk: error: use either {flag} or --write-baseline, not both (fix the files "
            "first, then write the baseline in a run of its own)\n"
        )
        assert not Path("b.json").exists()
        assert Path("a.txt").read_bytes() == SEED.read_bytes()
