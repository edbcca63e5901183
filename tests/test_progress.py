"""The progress line: on a terminal only, never in CI or in piped output, never in the way."""

from __future__ import annotations

import io

from click.testing import CliRunner

from linter import progress
from linter.cli import main
from linter.progress import Progress, wanted
from linter.runner import FileReport, read_error
from tests.conftest import ROOT


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _reports(count: int) -> list[FileReport]:
    return [
        FileReport(f"f{i}.txt", (read_error(f"f{i}.txt", "x"),) if i % 3 == 0 else (), {})
        for i in range(count)
    ]


def test_wanted_only_on_a_terminal_outside_ci(monkeypatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    assert wanted(_Terminal())
    assert not wanted(io.StringIO())
    monkeypatch.setenv("CI", "true")
    assert not wanted(_Terminal())


def test_the_line_counts_files_findings_and_rate(monkeypatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "EVERY", 0.0)
    err = _Terminal()
    seen = list(Progress(err).track(_reports(7)))
    assert [r.path for r in seen] == [f"f{i}.txt" for i in range(7)]
    text = err.getvalue()
    assert "copydesk: 7 files checked, 3 findings, " in text
    assert "files/s" in text
    assert text.endswith("\r\x1b[K")  # cleared at the end


def test_the_line_makes_way_for_findings_on_the_same_terminal(monkeypatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "EVERY", 0.0)
    err = _Terminal()
    tracker = Progress(err, _Terminal())
    shown = []
    for report in tracker.track(_reports(4)):
        if report.diagnostics:
            shown.append(tracker.shown)
    assert shown == [False, False]  # cleared before each report with findings is printed
    err = _Terminal()
    tracker = Progress(err, io.StringIO())  # findings piped elsewhere: no need to clear
    drawn = [tracker.shown for report in tracker.track(_reports(4)) if report.diagnostics]
    assert drawn == [False, True]


def test_nothing_is_drawn_for_a_quick_run() -> None:
    err = _Terminal()
    list(Progress(err).track(_reports(3)))
    assert err.getvalue() == ""


def test_piped_output_has_no_progress_line(monkeypatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "examples"])
    assert "\x1b[K" not in result.stderr and "\r" not in result.stderr
    assert "files checked" not in result.stdout + result.stderr
