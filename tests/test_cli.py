"""The command line: output bytes (golden files), exit codes, and every subcommand."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter import __version__
from linter.cli import main
from tests.conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"
ARTICLE = "examples/pipeline-residue.txt"


#: An article with one finding, and the finding as the concise format gives it (as x.md).
TODO_ARTICLE = "# Harbour\n\nFerries sail TODO.\n"
TODO_FINDING = 'x.md:3:14: error: Placeholder "TODO" left in the text [placeholder-text]\n'


def _run(args: list[str], cwd: Path = ROOT, stdin: str | None = None):
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, args, input=stdin, catch_exceptions=False)
    finally:
        os.chdir(old)


def _shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a shell command line (for what only a shell sets up: redirections, pipes)."""
    return subprocess.run(command, shell=True, cwd=cwd, capture_output=True, text=True, check=False)


def _golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def test_text_output(monkeypatch) -> None:
    result = _run(["check", "--isolated", ARTICLE])
    assert result.exit_code == 1
    _golden("cli-text.out", result.stdout)
    assert result.stderr == "Found 7 problems (6 errors, 1 warning) in 1 file.\n"


def test_json_output() -> None:
    result = _run(["check", "--isolated", "--format", "json", ARTICLE])
    assert result.exit_code == 1
    _golden("cli-json.out", result.stdout)
    assert result.stderr == ""


def test_clean_article_passes() -> None:
    result = _run(
        ["check", "--isolated", "examples/clean-article.txt", "examples/clean-article.md"]
    )
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "All checks passed (2 files).\n"


def test_stdin_with_a_file_name() -> None:
    text = (ROOT / ARTICLE).read_text(encoding="utf-8")
    result = _run(
        [
            "check",
            "--isolated",
            "--select",
            "empty-bullet",
            "--format",
            "json",
            "--stdin-filename",
            "draft.txt",
            "-",
        ],
        stdin=text,
    )
    assert result.exit_code == 1
    assert re.findall(r'"path": "([^"]+)"', result.stdout) == ["draft.txt", "draft.txt"]


def test_stdin_markdown_by_suffix() -> None:
    result = _run(
        ["check", "--isolated", "--select", "empty-bullet", "--stdin-filename", "draft.md", "-"],
        stdin="# T\n\nPort news\n-\n",
    )
    assert result.exit_code == 0  # a setext underline in Markdown, not an empty bullet


def test_missing_path_is_a_read_error_and_the_run_goes_on() -> None:
    result = _run(
        ["check", "--isolated", "--format", "json", "no/such/file.md", "examples/clean-article.txt"]
    )
    assert result.exit_code == 2
    assert '"rule": "read-error"' in result.stdout
    assert "no such file or folder" in result.stdout


def test_fail_on_levels(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Harbour Reopens\nFerries sailed again.\n\n\n", encoding="utf-8")
    assert _run(["check", "--isolated", str(article)]).exit_code == 0  # a warning only
    assert _run(["check", "--isolated", "--fail-on", "warning", str(article)]).exit_code == 1


def test_select_and_ignore() -> None:
    result = _run(
        [
            "check",
            "--isolated",
            "--format",
            "json",
            "--select",
            "empty-bullet,scaffold-heading",
            "--ignore",
            "scaffold-heading",
            ARTICLE,
        ]
    )
    assert set(re.findall(r'"rule": "([^"]+)"', result.stdout)) == {"empty-bullet"}


def test_bad_config_exits_2_without_traceback(tmp_path: Path) -> None:
    (tmp_path / ".copydesk.yaml").write_text("rules:\n  empty-bulet: off\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    result = _run(["check", "."], cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (
        "copydesk: error: .copydesk.yaml:2: unknown rule 'empty-bulet' "
        "(did you mean 'empty-bullet'?)\n"
    )


def test_unknown_select_exits_2() -> None:
    result = _run(["check", "--isolated", "--select", "empty-bulet", ARTICLE])
    assert result.exit_code == 2
    assert "did you mean 'empty-bullet'?" in result.stderr


def test_folder_without_articles_is_reported(tmp_path: Path) -> None:
    (tmp_path / "notes.rst").write_text("x\n", encoding="utf-8")
    result = _run(["check", "--isolated", str(tmp_path)])
    assert result.exit_code == 2
    assert "no files matching *.md, *.markdown, *.txt in this folder" in result.stdout


def test_rules_lists_every_rule() -> None:
    result = _run(["rules", "--isolated"])
    assert result.exit_code == 0
    ids = [line.split()[0] for line in result.stdout.splitlines()]
    assert ids == sorted(ids) and "duplicate-section" in ids


def test_explain_shows_options_and_examples() -> None:
    result = _run(["explain", "--isolated", "scaffold-heading"])
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("scaffold-heading\n================\n")
    assert "extra-phrases: []" in out and "    type: list of text" in out
    assert "Stays quiet on" in out and "-> 4:1 scaffold-heading" in out


def test_explain_unknown_rule() -> None:
    result = _run(["explain", "--isolated", "scafold-heading"])
    assert result.exit_code == 2
    assert result.stderr == (
        "copydesk: error: unknown rule 'scafold-heading' (did you mean 'scaffold-heading'?)\n"
    )


def test_init_writes_a_valid_config_once(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    assert _run(["init"], cwd=tmp_path).exit_code == 0
    assert _run(["check", "."], cwd=tmp_path).exit_code == 2  # no articles, but config is valid
    again = _run(["init"], cwd=tmp_path)
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_version() -> None:
    assert _run(["--version"]).stdout == f"copydesk, version {__version__}\n"


@pytest.mark.parametrize("entry", [["-m", "linter"], ["-c", "from linter.cli import main; main()"]])
def test_module_entry_points(entry: list[str]) -> None:
    proc = subprocess.run(
        [sys.executable, *entry, "check", "--isolated", "examples/clean-article.txt"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (proc.returncode, proc.stderr) == (0, "All checks passed (1 file).\n")


def test_a_closed_pipe_ends_the_run_quietly(tmp_path: Path) -> None:
    article = (ROOT / ARTICLE).read_text(encoding="utf-8")
    for n in range(200):  # far more output than a pipe holds, so writing must hit the close
        (tmp_path / f"a{n:03d}.txt").write_text(article, encoding="utf-8")
    proc = _shell(
        f"{sys.executable} -m linter check --isolated --no-cache --jobs 1 . | head -1",
        tmp_path,
    )
    assert proc.stdout.count("\n") == 1
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr


def test_init_over_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / ".copydesk.yaml").mkdir()
    for args in (["init"], ["init", "--force"]):
        result = _run(args, cwd=tmp_path)
        assert result.exit_code == 2
        assert result.stderr == (
            "copydesk: error: '.copydesk.yaml' is a folder, not a file; not overwritten "
            "(move or remove the folder first)\n"
        )
    assert (tmp_path / ".copydesk.yaml").is_dir()


def test_init_refuses_a_symbolic_link_and_a_file_with_other_hard_links(tmp_path: Path) -> None:
    config = tmp_path / ".copydesk.yaml"
    config.symlink_to(tmp_path / "elsewhere.yaml")  # dangling: writing would make the file
    for args in (["init"], ["init", "--force"]):
        result = _run(args, cwd=tmp_path)
        assert (result.exit_code, result.stderr) == (
            2,
            "copydesk: error: '.copydesk.yaml' is a symbolic link; not written (remove the link "
            "first, or edit the file it leads to)\n",
        )
    assert not (tmp_path / "elsewhere.yaml").exists()
    config.unlink()
    (tmp_path / "shared.yaml").write_text("kept\n", encoding="utf-8")
    os.link(tmp_path / "shared.yaml", config)
    result = _run(["init", "--force"], cwd=tmp_path)
    assert (result.exit_code, result.stderr) == (
        2,
        "copydesk: error: '.copydesk.yaml' has other hard links, which overwriting it would "
        "change too; not overwritten (remove it first)\n",
    )
    assert (tmp_path / "shared.yaml").read_text(encoding="utf-8") == "kept\n"


@pytest.mark.parametrize(
    ("output_id", "summary"),
    [
        ("read-error", "A file that could not be read or decoded."),
        ("internal-error", "A rule or a parser crashed on a file: a bug in copydesk."),
        ("rule-timeout", "A rule's regular expression ran past its time bound on a file."),
        (
            "unused-suppression",
            "A copydesk-disable comment that names an unknown rule or suppresses nothing.",
        ),
        ("write-error", "A file --fix could not write back."),
        ("fix-error", "A file --fix could not fix safely."),
    ],
)
def test_explain_an_id_reports_use_that_is_not_a_rule(output_id: str, summary: str) -> None:
    result = _run(["explain", "--isolated", output_id])
    assert result.exit_code == 0
    rule = "=" * len(output_id)
    assert result.stdout.startswith(f"{output_id}\n{rule}\n\n{summary}\n\n")
    assert result.stdout.endswith(
        "\n\nThis is not a rule: copydesk reports it about the run itself, and no config turns it "
        "on\nor off.\n"
    )


def test_explain_suggests_an_id_reports_use() -> None:
    result = _run(["explain", "--isolated", "read-eror"])
    assert result.exit_code == 2
    assert result.stderr == (
        "copydesk: error: unknown rule 'read-eror' (did you mean 'read-error'?)\n"
    )


def test_stdin_filename_without_stdin_is_a_usage_error() -> None:
    result = _run(["check", "--isolated", "--stdin-filename", "draft.md", ARTICLE])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "copydesk: error: --stdin-filename 'draft.md' names the text read from standard input, "
        "but '-' is not among the paths (add '-' to read the article from standard input)\n"
    )


@pytest.mark.parametrize("fix", [[], ["--fix"], ["--diff"]])
def test_stdin_given_twice_is_a_usage_error(fix: list[str]) -> None:
    result = _run(["check", "--isolated", *fix, "-", "-"], stdin="Harbour Reopens\n-\n")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "copydesk: error: '-' (standard input) is given 2 times; standard input can be read "
        "only once\n"
    )


def test_a_folder_without_articles_names_where_include_is_set(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pictures").mkdir()
    result = _run(["check", "--isolated", "--format", "concise", "pictures"], cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stdout == (
        "pictures:1:1: error: nothing to check: no files matching *.md, *.markdown, *.txt in "
        "this folder (set 'include' in a config file to check other names) [read-error]\n"
    )
    (tmp_path / ".copydesk.yaml").write_text('include: ["*.md"]\n', encoding="utf-8")
    result = _run(["check", "--format", "concise", "pictures"], cwd=tmp_path)
    assert result.stdout == (
        "pictures:1:1: error: nothing to check: no files matching *.md in this folder "
        "(set 'include' in .copydesk.yaml to check other names) [read-error]\n"
    )


def test_paths_that_name_no_file_are_not_counted_as_files(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pictures").mkdir()
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "story.txt").write_text("Harbour Reopens\n\nShips came back.\n", "utf-8")
    empty = _run(["check", "--isolated", "pictures", "missing.txt"], cwd=tmp_path)
    assert empty.exit_code == 2
    assert empty.stderr.splitlines()[-1] == "Found 2 problems (2 errors); no file was checked."
    both = _run(["check", "--isolated", "pictures", "desk"], cwd=tmp_path)
    assert both.exit_code == 2
    assert both.stderr.splitlines()[-1] == "Found 1 problem (1 error) in 1 file."
    data = _run(["check", "--isolated", "--format", "json", "pictures", "desk"], cwd=tmp_path)
    assert '"files": 1,' in data.stdout
    diff = _run(["check", "--isolated", "--diff", "-o", "r.txt", "pictures", "desk"], cwd=tmp_path)
    assert diff.exit_code == 2
    assert diff.stderr.splitlines()[-2:] == [
        "Found 1 problem (1 error) in 1 file.",
        "No fixes applied.",
    ]


def test_a_file_named_twice_is_checked_once(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.md").write_text(TODO_ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["check", "--isolated", "--format", "concise", "a", "a/x.md", "./a/x.md"]
    )
    assert result.exit_code == 1
    assert result.stdout == ("a/" + TODO_FINDING)
    assert result.stderr == "Found 1 problem (1 error) in 1 file.\n"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("copydesk.yaml", "fail-on: warning\n"),
        (".copydesk.yml", "fail-on: warning\n"),
        ("pyproject.toml", "[tool.copydesk]\nfail-on = 'warning'\n"),
    ],
)
def test_init_beside_another_config_is_a_usage_error(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / name).write_text(text, encoding="utf-8")
    for args in (["init"], ["init", "--force"]):
        result = _run(args, cwd=tmp_path)
        assert result.exit_code == 2
        assert result.stderr == (
            f"copydesk: error: this folder already has a config file: {name!r}; not written "
            "(edit that one, or remove it first)\n"
        )
    assert not (tmp_path / ".copydesk.yaml").exists()


def test_isolated_and_config_together_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "my.yaml").write_text("fail-on: warning\n", encoding="utf-8")
    for command in (["check"], ["rules"], ["explain", "empty-bullet"]):
        result = _run([*command, "--isolated", "--config", "my.yaml"], cwd=tmp_path)
        assert (result.exit_code, result.stderr) == (
            2,
            "copydesk: error: use either --config or --isolated, not both\n",
        )


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout")
def test_o_dev_stdout_with_the_output_sent_to_a_file_appends_to_it(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text(TODO_ARTICLE, encoding="utf-8")
    (tmp_path / "report.txt").write_text("kept\n", encoding="utf-8")
    proc = _shell(
        f"{sys.executable} -m linter check --isolated --format concise -o /dev/stdout x.md"
        " >> report.txt",
        tmp_path,
    )
    assert (proc.returncode, proc.stderr) == (1, "Found 1 problem (1 error) in 1 file.\n")
    assert (tmp_path / "report.txt").read_text(encoding="utf-8") == ("kept\n" + TODO_FINDING)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("fmt", ["concise", "json"])
def test_output_that_cannot_be_written_is_a_clear_error(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "x.md").write_text(TODO_ARTICLE, encoding="utf-8")
    proc = _shell(
        f"{sys.executable} -m linter check --isolated --format {fmt} x.md > /dev/full",
        tmp_path,
    )
    assert proc.returncode == 2
    assert proc.stderr.endswith(
        "copydesk: error: cannot write the output: No space left on device\n"
    )
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr


def test_standard_input_closed_is_a_read_error(tmp_path: Path) -> None:
    proc = _shell(
        f"{sys.executable} -m linter check --isolated --format concise - <&-",
        tmp_path,
    )
    assert (proc.returncode, proc.stdout) == (
        2,
        "<stdin>:1:1: error: standard input is closed: nothing to read [read-error]\n",
    )


@pytest.mark.parametrize("flag", ["--fix", "--diff"])
def test_fixing_standard_input_closed_is_a_read_error(tmp_path: Path, flag: str) -> None:
    proc = _shell(f"{sys.executable} -m linter check --isolated {flag} - <&-", tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert "standard input is closed: nothing to read" in proc.stderr
    assert "internal error" not in proc.stderr


def test_standard_output_closed_is_a_usage_error_unless_the_report_goes_to_a_file(
    tmp_path: Path,
) -> None:
    (tmp_path / "x.md").write_text(TODO_ARTICLE, encoding="utf-8")
    command = f"{sys.executable} -m linter check --isolated --format concise"
    for args, hint in (("", " (write the report to a file with -o FILE)"), ("--diff", "")):
        proc = _shell(f"{command} {args} x.md >&-", tmp_path)
        assert (proc.returncode, proc.stderr) == (
            2,
            f"copydesk: error: standard output is closed: nowhere to write the output{hint}\n",
        )
    proc = _shell(f"{command} -o out.txt x.md >&-", tmp_path)
    assert (proc.returncode, proc.stderr) == (1, "Found 1 problem (1 error) in 1 file.\n")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == (TODO_FINDING)


@pytest.mark.skipif(not Path("/dev/stderr").exists(), reason="no /dev/stderr")
def test_o_dev_stderr_with_it_sent_to_a_file_writes_to_it(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text(TODO_ARTICLE, encoding="utf-8")
    proc = _shell(
        f"{sys.executable} -m linter check --isolated --format concise -o /dev/stderr x.md"
        " 2> err.txt",
        tmp_path,
    )
    assert (proc.returncode, proc.stdout) == (1, "")
    assert (tmp_path / "err.txt").read_text(encoding="utf-8") == (
        TODO_FINDING + "Found 1 problem (1 error) in 1 file.\n"
    )


@pytest.mark.parametrize("option", ["-o", "--config"])
def test_a_name_too_long_for_the_system_is_a_usage_error(tmp_path: Path, option: str) -> None:
    (tmp_path / "x.md").write_text("# Harbour\n\nFerries sail.\n", encoding="utf-8")
    long = "x" * 300
    result = _run(["check", option, long, "x.md"], cwd=tmp_path)
    what = "write the report" if option == "-o" else "read config"
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"copydesk: error: {long}: cannot {what}: File name too long\n"
