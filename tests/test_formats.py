"""Every output format, produced for the same findings and pinned by a golden file.

Regenerate the golden files after an intended change with
``COPYDESK_UPDATE_GOLDEN=1 pytest tests/test_formats.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from linter.cli import CHECK_FORMATS, main
from linter.reporters import FORMATS
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
SCHEMAS = ROOT / "tests" / "schemas"
FIXTURES = "tests/fixtures/formats"
#: Pinned so that rules added later do not change these outputs.
RULES = "duplicate-section,empty-bullet,empty-section,repeated-title,scaffold-heading," + (
    "trailing-blank-lines"
)
EXTENSIONS = {
    "text": "txt",
    "concise": "txt",
    "json": "json",
    "sarif": "sarif",
    "github": "txt",
    "junit": "xml",
    "gitlab": "json",
    "html": "html",
}


def run(monkeypatch: pytest.MonkeyPatch, *args: str, cwd: Path = ROOT) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(main, ["check", "--isolated", "--select", RULES, *args])
    return result.exit_code, result.stdout, result.stderr


def test_every_format_is_registered_and_offered() -> None:
    assert list(FORMATS) == CHECK_FORMATS
    assert set(EXTENSIONS) == set(FORMATS)


@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_format_matches_its_golden_file(monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    code, out, err = run(monkeypatch, "--format", fmt, FIXTURES)
    assert code == 1, err
    if fmt != "json":  # the JSON document carries its own summary
        assert err.endswith("Found 9 problems (5 errors, 4 warnings) in 3 files.\n")
    golden = GOLDEN / f"formats.{fmt}.{EXTENSIONS[fmt]}"
    if os.environ.get("COPYDESK_UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8", newline="\n")
    assert out == golden.read_text(encoding="utf-8")


def test_every_format_reports_the_same_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run(monkeypatch, "--format", "json", FIXTURES)
    expected = [(d["path"], d["line"], d["rule"]) for d in json.loads(out)["diagnostics"]]
    assert len(expected) == 9

    _, out, _ = run(monkeypatch, "--format", "sarif", FIXTURES)
    results = json.loads(out)["runs"][0]["results"]
    sarif = [
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["ruleId"],
        )
        for r in results
    ]
    assert sarif == expected

    _, out, _ = run(monkeypatch, "--format", "gitlab", FIXTURES)
    gitlab = [
        (i["location"]["path"], i["location"]["lines"]["begin"], i["check_name"])
        for i in (json.loads(out))
    ]
    assert gitlab == expected

    _, out, _ = run(monkeypatch, "--format", "concise", FIXTURES)
    concise = [
        (line.split(":")[0], int(line.split(":")[1]), line.rsplit("[", 1)[1].rstrip("]"))
        for line in out.splitlines()
    ]
    assert concise == expected

    _, out, _ = run(monkeypatch, "--format", "github", FIXTURES)
    github = []
    for line in out.splitlines():
        props = dict(p.split("=", 1) for p in line.split(" ", 1)[1].split("::")[0].split(","))
        github.append((props["file"], int(props["line"]), props["title"]))
    assert github == expected


def test_sarif_validates_against_the_2_1_0_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run(monkeypatch, "--format", "sarif", FIXTURES)
    log = json.loads(out)
    schema = json.loads((SCHEMAS / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)

    run_ = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run_["columnKind"] == "unicodeCodePoints"
    rules = run_["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == [*RULES.split(","), "unused-suppression"]
    for result in run_["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
        assert result["partialFingerprints"]["copydesk/v1"]
    bullet = rules[ids.index("empty-bullet")]
    assert bullet["shortDescription"]["text"] == "A bullet with no text."
    assert "copydesk explain empty-bullet" in bullet["help"]["markdown"]
    duplicate = next(r for r in run_["results"] if r["ruleId"] == "duplicate-section")
    assert duplicate["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 14


def test_sarif_with_no_findings_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(monkeypatch, "--format", "sarif", f"{FIXTURES}/clean-note.md")
    assert code == 0
    log = json.loads(out)
    schema = json.loads((SCHEMAS / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)
    assert log["runs"][0]["results"] == []


def test_junit_parses_with_the_right_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run(monkeypatch, "--format", "junit", FIXTURES)
    root = ET.fromstring(out.encode("utf-8"))
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "2", "0")
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert set(cases) == {
        f"{FIXTURES}/{n}" for n in ("clean-note.md", "council-vote.txt", "flood-report.md")
    }
    assert cases[f"{FIXTURES}/clean-note.md"].find("failure") is None
    failure = cases[f"{FIXTURES}/flood-report.md"].find("failure")
    assert failure is not None and failure.get("message") == "6 problems"
    assert len((failure.text or "").splitlines()) == 6


def test_github_format_is_chosen_in_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = run(monkeypatch, f"{FIXTURES}/council-vote.txt")
    assert out.splitlines()[0] == (
        f"::error file={FIXTURES}/council-vote.txt,line=3,col=1,endLine=3,endColumn=13,"
        'title=scaffold-heading::Template label "Article Text" left in the article'
    )
    _, out, _ = run(monkeypatch, "--format", "concise", f"{FIXTURES}/council-vote.txt")
    assert not out.startswith("::")


def test_github_escapes_what_workflow_commands_reserve() -> None:
    from linter.reporters.github import _data, _property

    assert _data("50% done\nnext") == "50%25 done%0Anext"
    assert _property("a,b:c") == "a%2Cb%3Ac"


def test_gitlab_fingerprints_are_unique_and_survive_inserted_lines(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("flood-report.md", "council-vote.txt"):
        shutil.copy(ROOT / FIXTURES / name, tmp_path / name)
    _, out, _ = run(monkeypatch, "--format", "gitlab", ".", cwd=tmp_path)
    before = {i["fingerprint"]: i["check_name"] for i in json.loads(out)}
    assert len(before) == 9

    article = tmp_path / "council-vote.txt"
    lines = article.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3:3] = ["The vote followed a debate that lasted into the night.\n"] * 3
    article.write_text("".join(lines), encoding="utf-8")
    _, out, _ = run(monkeypatch, "--format", "gitlab", ".", cwd=tmp_path)
    after = {i["fingerprint"]: i["check_name"] for i in json.loads(out)}
    assert after == before


def test_output_option_writes_the_report_to_a_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "report.sarif"
    code, out, _ = run(monkeypatch, "--format", "sarif", "-o", str(target), FIXTURES)
    assert code == 1 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_sarif_uris_are_relative_to_srcroot_or_absolute_file_uris() -> None:
    from linter.reporters.sarif import _artifact

    assert _artifact("news/a b.md") == {"uri": "news/a%20b.md", "uriBaseId": "%SRCROOT%"}
    assert _artifact("/srv/news/ø.md") == {"uri": "file:///srv/news/%C3%B8.md"}


def test_html_escapes_article_text(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text(
        "# Tags <b>Left</b> in Kelso\n\n*Published 1 May 2026*\n\n"
        "- A <script>alert('x')</script> & more\n-\n",
        encoding="utf-8",
    )
    _, out, _ = run(monkeypatch, "--format", "html", "x.md", cwd=tmp_path)
    assert "<script>alert" not in out and "<b>Left" not in out
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in out
    assert '<mark class="finding sev-error" data-f="f1">-</mark>' in out


def test_text_output_replaces_each_control_character_with_one_replacement_character() -> None:
    from linter.reporters.text import safe_text

    controls = {*range(0x00, 0x09), *range(0x0A, 0x20), *range(0x7F, 0xA0)}
    text = "".join(chr(i) for i in range(0x300)) + "\tend é \x1b[31m"
    expected = "".join("\ufffd" if ord(c) in controls else c for c in text)
    assert safe_text(text) == expected
    assert safe_text("plain text") == "plain text"


def test_text_marker_sits_under_wide_and_combining_characters(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Two cells for each CJK character and the emoji, none for the combining accent: the
    # marker lands under "[Insert date]" in a terminal (the heading's column counts characters).
    (tmp_path / "x.txt").write_text(
        "Harbour Reopens\n\nThe 港口 ferry 🚢 cafe\u0301 [Insert date] sailed.\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["check", "--isolated", "--select", "placeholder-text", "x.txt"]
    )
    assert result.stdout == (
        'x.txt:3:22: placeholder-text Placeholder "[Insert date]" left in the text\n'
        "  |\n"
        "3 | The 港口 ferry 🚢 cafe\u0301 [Insert date] sailed.\n"
        "  |                        ^^^^^^^^^^^^^\n"
        "\n"
    )


def test_concise_keeps_one_line_per_finding_for_a_path_with_a_newline(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "new\nline.txt").write_text("Harbour Reopens\n-\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "concise", "."])
    assert result.stdout == (
        'new\ufffdline.txt:2:1: error: Empty bullet: "-" with no text after it [empty-bullet]\n'
    )


def test_sarif_percent_encodes_a_file_name_that_is_not_utf8(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / os.fsdecode(b"x\xff.md")).write_bytes(b"# T\n\n-\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "sarif", "."])
    assert result.exit_code == 1
    assert '"uri": "x%FF.md"' in result.stdout
