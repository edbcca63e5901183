"""The HTML report, opened in a real headless browser: every finding is highlighted in place.

Needs Debian's ``chromium`` (``.ci/run`` installs it). In CI (``CI=true``) a missing browser
fails the test; locally it skips with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import main
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed; .ci/run installs it with apt-get")
        pytest.skip("chromium is not installed (apt-get install chromium); CI runs this test")
    return found


class Page(HTMLParser):
    """The marks and notes of a rendered report, with the source row each mark sits in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.row: str | None = None
        self.marks: list[dict[str, str]] = []
        self.notes: dict[tuple[str, int, int, str], str] = {}
        self.open_mark: dict[str, str] | None = None
        self.ready = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "body" and a.get("data-ready") == "1":
            self.ready = True
        if tag == "tr" and a.get("id", "").startswith("file-"):
            self.row = a["id"]
        elif tag == "mark":
            self.open_mark = {**a, "row": self.row or "", "text": ""}
            self.marks.append(self.open_mark)
        elif tag == "div" and "note" in a.get("class", "").split() and "data-rule" in a:
            key = (a["data-path"], int(a["data-line"]), int(a["data-column"]), a["data-rule"])
            self.notes[key] = a["id"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.open_mark = None

    def handle_data(self, data: str) -> None:
        if self.open_mark is not None:
            self.open_mark["text"] += data


def test_every_finding_is_highlighted_at_its_place_in_the_rendered_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    browser = chromium()
    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    findings = json.loads(
        runner.invoke(main, ["check", "--isolated", "--format", "json", "examples"]).stdout
    )["diagnostics"]
    assert len(findings) >= 10
    report = tmp_path / "report.html"
    result = runner.invoke(
        main, ["check", "--isolated", "--format", "html", "-o", str(report), "examples"]
    )
    assert result.exit_code == 1
    html = report.read_text(encoding="utf-8")
    assert "http://" not in html and "https://" not in html  # self-contained: nothing to fetch

    dom = subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", report.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    page = Page()
    page.feed(dom)
    assert page.ready, "the page's script did not run"

    files = {}
    for number, path in enumerate(dict.fromkeys(d["path"] for d in findings), 1):
        files[path] = number
    sources = {p: (ROOT / p).read_text(encoding="utf-8").split("\n") for p in files}
    for d in findings:
        key = (d["path"], d["line"], d["column"], d["rule"])
        assert key in page.notes, f"no message shown for {key}"
        fid = page.notes[key]
        marks = [m for m in page.marks if fid in m.get("data-f", "").split()]
        marks = [m for m in marks if "finding" in m["class"].split()]
        assert marks, f"{key} is not highlighted"
        for m in marks:
            size, _, color = m["data-drawn"].partition(" ")
            width, height = (int(n) for n in size.split("x"))
            assert width > 0 and height > 0, f"{key}: highlight not drawn ({m['data-drawn']})"
            assert color not in ("rgba(0, 0, 0, 0)", "transparent", "rgb(255, 255, 255)")
        # The highlight on the finding's first line covers exactly the flagged text there.
        line = sources[d["path"]][d["line"] - 1]
        end = d["end_column"] - 1 if d["end_line"] == d["line"] else len(line)
        expected = line[d["column"] - 1 : end]
        anchor = f"file-{page_index(dom, d['path'])}-L{d['line']}"
        shown = "".join(m["text"] for m in marks if m["row"] == anchor)
        assert shown == expected, f"{key}: highlighted {shown!r}, flagged {expected!r}"


def page_index(dom: str, path: str) -> int:
    """The number the report gave the article (its section id is file-N)."""
    marker = "</a></td>"
    for row in dom.split("<tr>"):
        if f">{path}{marker}" in row:
            return int(row.split('href="#file-', 1)[1].split('"', 1)[0])
    raise AssertionError(f"{path} is not in the totals")


def test_related_places_link_to_each_other(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    html = (
        CliRunner()
        .invoke(main, ["check", "--isolated", "--format", "html", "examples/pipeline-residue.txt"])
        .stdout
    )
    assert '<a class="rel" href="#file-1-L12">first copy: line 12</a>' in html
    assert "first copy for <a href=" in html
