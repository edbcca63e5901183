"""Baselines: findings are matched by path, rule and fingerprint, never by line number."""

from __future__ import annotations

import errno
import hashlib
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.cli import main
from linter.document import Span
from linter.fingerprints import _digest, fingerprints
from linter.parse import parse

ARTICLE = """\
# Ferry Service to Holm Island Resumes After Repairs

*Published 9 May 2026*

## Highlights

- The ferry to Holm Island sailed again on Friday after six weeks in dry dock.
-
- Islanders had relied on a small fishing boat for post and medicine.

## Rewritten Article

The ferry Solvind left the mainland pier at seven on Friday morning with forty passengers and a lorry of building supplies, the operator said.

Harbour master Edda Rask said the repairs to the hull had cost more than planned but that the boat was now fit for winter crossings.

Islanders said the weeks without a ferry had shown how much the island depends on one boat.
"""  # noqa: E501

FRONT_MATTER = "".join(["---\n", *(f"key{i}: value {i}\n" for i in range(8)), "---\n"])  # ten lines


def check(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "concise", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ferry.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def test_write_baseline_records_findings_and_exits_clean(repo: Path) -> None:
    code, _, err = check(repo, "--write-baseline", "baseline.json", ".")
    assert code == 0
    assert "Recorded 2 findings in baseline.json" in err
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert data["copydesk-baseline"] == 1
    assert [(f["path"], f["rule"], f["line"]) for f in data["findings"]] == [
        ("ferry.md", "empty-bullet", 8),
        ("ferry.md", "scaffold-heading", 11),
    ]
    assert all(len(f["fingerprint"]) == 16 and len(f["context"]) == 16 for f in data["findings"])


def test_baseline_survives_inserted_lines_and_edits_and_reports_new_findings(repo: Path) -> None:
    check(repo, "--write-baseline", "baseline.json", ".")
    assert check(repo, "--baseline", "baseline.json", ".")[:2] == (0, "")

    text = FRONT_MATTER + ARTICLE
    text = text.replace("Harbour master Edda Rask said", "Harbour master Edda Rask told reporters")
    text = text.replace(
        "on one boat.\n", "on one boat.\n\n- Post arrives on Tuesdays.\n-\n- Medicine by air.\n"
    )
    (repo / "ferry.md").write_text(text, encoding="utf-8")

    code, out, err = check(repo, "--isolated", ".")
    assert out.count("[empty-bullet]") == 2 and "[scaffold-heading]" in out

    code, out, err = check(repo, "--baseline", "baseline.json", ".")
    assert code == 1
    assert out == 'ferry.md:30:1: error: Empty bullet: "-" with no text after it [empty-bullet]\n'
    assert "fixed since baseline" not in err


def test_a_new_copy_before_the_old_one_does_not_take_its_place(repo: Path) -> None:
    check(repo, "--write-baseline", "baseline.json", ".")
    text = ARTICLE.replace("## Highlights\n\n", "## Highlights\n\n-\n")
    (repo / "ferry.md").write_text(text, encoding="utf-8")
    code, out, _ = check(repo, "--baseline", "baseline.json", ".")
    assert code == 1
    assert out == 'ferry.md:7:1: error: Empty bullet: "-" with no text after it [empty-bullet]\n'


def test_fixed_findings_are_reported_as_fixed_since_baseline(repo: Path) -> None:
    check(repo, "--write-baseline", "baseline.json", ".")
    (repo / "ferry.md").write_text(ARTICLE.replace("## Rewritten Article\n\n", ""), "utf-8")
    code, out, err = check(repo, "--baseline", "baseline.json", ".")
    assert (code, out) == (0, "")
    assert "1 finding fixed since baseline:" in err
    assert "ferry.md: scaffold-heading (was line 11)" in err


def test_baseline_paths_are_relative_to_the_baseline_file(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "ci").mkdir()
    check(repo, "--write-baseline", "ci/baseline.json", "ferry.md")
    data = json.loads((repo / "ci" / "baseline.json").read_text(encoding="utf-8"))
    assert {f["path"] for f in data["findings"]} == {"../ferry.md"}
    assert check(repo, "--baseline", "ci/baseline.json", "ferry.md")[:2] == (0, "")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline file does not exist"),
        ("{", "the baseline is not valid JSON"),
        ('{"findings": []}', "not a copydesk baseline"),
        ('{"copydesk-baseline": true, "findings": []}', "not a copydesk baseline"),
        ('{"copydesk-baseline": 1}', "the baseline has no list of findings"),
        ('{"copydesk-baseline": 1, "findings": null}', "the baseline has no list of findings"),
        ('{"copydesk-baseline": 1, "findings": {}}', "the baseline has no list of findings"),
        ('{"copydesk-baseline": 1, "findings": [5]}', "a baseline entry lacks"),
        (
            '{"copydesk-baseline": 1, "findings": [{"path": "a.md", "rule": "r", '
            '"fingerprint": "f", "context": "c", "line": 1e400}]}',
            "a baseline entry lacks",
        ),
        ("[" * 100_000 + "]" * 100_000, "the baseline is not valid JSON"),
    ],
)
def test_bad_baseline_files_are_usage_errors(repo: Path, content: str | None, message: str) -> None:
    if content is not None:
        (repo / "baseline.json").write_text(content, encoding="utf-8")
    code, _, err = check(repo, "--baseline", "baseline.json", ".")
    assert code == 2
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("ferry.md", "--write-baseline names an article this run checks"),
        (".copydesk.yaml", "--write-baseline names a baseline or config file this run reads"),
        ("link.json", "--write-baseline names a symbolic link"),
    ],
)
def test_write_baseline_refuses_to_overwrite_what_the_run_reads(
    repo: Path, target: str, message: str
) -> None:
    (repo / ".copydesk.yaml").write_text("rules: {}\n", encoding="utf-8")
    (repo / "link.json").symlink_to("ferry.md")
    before = {p.name: p.read_bytes() for p in repo.iterdir() if p.is_file()}
    result = CliRunner().invoke(
        main, ["check", "--format", "concise", "--write-baseline", target, "ferry.md"]
    )
    assert result.exit_code == 2
    assert result.stderr == f"copydesk: error: {target}: {message}" + (
        "; write the baseline to a plain file\n"
        if "symbolic" in message
        else "; write the baseline to another file\n"
    )
    assert {p.name: p.read_bytes() for p in repo.iterdir() if p.is_file()} == before


def test_a_baseline_of_a_name_that_is_not_utf8_is_written_and_read_back(repo: Path) -> None:
    name = b"caf\xe9.md"
    try:
        (repo / os.fsdecode(name)).write_text(ARTICLE, encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system does not take names that are not UTF-8")
    (repo / "ferry.md").unlink()
    (repo / "baseline.json").write_text("old\n", encoding="utf-8")
    # JSON on standard output: a test's stream takes no undecoded bytes, a terminal's does.
    args = ["check", "--isolated", "--format", "json", "-q", "--write-baseline", "baseline.json"]
    result = CliRunner().invoke(main, [*args, "."])
    assert (result.exit_code, result.stderr) == (0, "Recorded 2 findings in baseline.json\n")
    data = json.loads((repo / "baseline.json").read_bytes().decode("utf-8"))
    assert {os.fsencode(f["path"]) for f in data["findings"]} == {name}
    passed = (0, "", "All checks passed (1 file).\n")
    assert check(repo, "--baseline", "baseline.json", ".") == passed


def test_a_baseline_that_cannot_be_written_leaves_the_old_one_whole(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "baseline.json").write_text("old\n", encoding="utf-8")

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    code, _, err = check(repo, "--no-cache", "--write-baseline", "baseline.json", ".")
    assert (code, err) == (
        2,
        "Found 2 problems (2 errors) in 1 file.\n"
        "copydesk: error: baseline.json: cannot write the baseline: No space left on device\n",
    )
    assert sorted(p.name for p in repo.iterdir()) == ["baseline.json", "ferry.md"]
    assert (repo / "baseline.json").read_text(encoding="utf-8") == "old\n"


@pytest.mark.parametrize("name", ["bl.md", "notes.txt", "sub/bl.markdown"])
def test_write_baseline_refuses_a_name_runs_check_as_an_article(repo: Path, name: str) -> None:
    (repo / "sub").mkdir()
    code, _, err = check(repo, "--write-baseline", name, ".")
    assert (code, err) == (
        2,
        f"copydesk: error: {name}: --write-baseline names a file that runs check as an article "
        "(it matches 'include': *.md, *.markdown, *.txt) (name the baseline baseline.json, say)\n",
    )
    assert not (repo / name).exists()


def test_baseline_and_write_baseline_together_is_a_usage_error(repo: Path) -> None:
    code, _, err = check(repo, "--baseline", "a.json", "--write-baseline", "b.json", ".")
    assert code == 2 and "not both" in err


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(st.characters(exclude_categories=()), max_size=30), max_size=4))
def test_fingerprint_digest_is_hashlib_sha256(parts: list[str]) -> None:
    # linter.fingerprints uses the interpreter's own SHA-256 module (not OpenSSL's): the
    # same digest, so baselines, reports and cache entries keep their fingerprints.
    expected = hashlib.sha256(
        b"".join(p.encode("utf-8", "surrogatepass") + b"\0" for p in parts)
    ).hexdigest()[:16]
    assert _digest(*parts) == expected


def test_fingerprints_of_a_finding() -> None:
    doc = parse("Title\n\nFirst line\n-\nLast  line\n", "a.md")
    span = Span(doc.text.index("-"), doc.text.index("-") + 1)
    assert fingerprints(doc, span) == (
        hashlib.sha256(b"-\0").hexdigest()[:16],
        hashlib.sha256(b"First line\0-\0Last line\0").hexdigest()[:16],
    )


def test_a_baseline_written_again_keeps_its_mode(repo: Path) -> None:
    (repo / "baseline.json").write_text("old\n", encoding="utf-8")
    (repo / "baseline.json").chmod(0o664)
    umask = os.umask(0o077)
    try:
        code, _, _ = check(repo, "--no-cache", "--write-baseline", "baseline.json", ".")
    finally:
        os.umask(umask)
    assert code == 0
    assert (repo / "baseline.json").stat().st_mode & 0o777 == 0o664
    assert sorted(p.name for p in repo.iterdir()) == ["baseline.json", "ferry.md"]


def test_write_baseline_takes_an_article_name_that_exclude_leaves_out(repo: Path) -> None:
    (repo / ".copydesk.yaml").write_text("exclude: ['baselines/**']\n", encoding="utf-8")
    (repo / "baselines").mkdir()
    code, _, err = check_configured(repo, "--write-baseline", "baselines/base.txt", ".")
    assert (code, err) == (0, "Recorded 2 findings in baselines/base.txt\n")
    assert check_configured(repo, "--baseline", "baselines/base.txt", ".")[:2] == (0, "")


def test_write_baseline_to_a_folder_is_refused_before_the_run(repo: Path) -> None:
    code, out, err = check(repo, "--write-baseline", "", ".")
    assert (code, out) == (2, "")
    assert err == (
        "copydesk: error: .: --write-baseline names a folder; write the baseline to a file in "
        "it (baseline.json, say)\n"
    )


def check_configured(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    """``check`` with the folder's config file read (not ``--isolated``)."""
    result = CliRunner().invoke(main, ["check", "--format", "concise", "-q", *args])
    return result.exit_code, result.stdout, result.stderr
