"""The fix engine's parts: choosing edits, tidying blank lines, verifying, mapping, writing."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from linter.config import load_config
from linter.document import Span
from linter.engine import ActiveRule, Diagnostic
from linter.findings import Edit, Fix, FixSafety, Severity
from linter.fixes import (
    FixFailure,
    VerificationError,
    _Composition,
    apply_edits,
    encode_like,
    fix_bytes,
    fix_text,
    raw_edits,
    select_edits,
    tidy_blank_lines,
    unified_diff,
    verify,
    write_atomic,
)
from linter.kinds.heading_phrase import HeadingPhrase
from linter.parse import parse

CONFIG = load_config(None, isolated=True)


def diag(rule: str, start: int, end: int, *edits: Edit, safe: bool = True) -> Diagnostic:
    fix = Fix(tuple(edits), safe=safe) if edits else None
    return Diagnostic("a.txt", rule, Severity.ERROR, "m", 1, 1, 1, 1, Span(start, end), fix=fix)


def cut(start: int, end: int, replacement: str = "") -> Edit:
    return Edit(Span(start, end), replacement)


# -- choosing edits --------------------------------------------------------------------------------


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    first = diag("empty-bullet", 0, 5, cut(0, 5))
    overlapping = diag("scaffold-heading", 3, 9, cut(3, 9))
    later = diag("repeated-title", 9, 12, cut(9, 12))
    edits, chosen = select_edits([later, overlapping, first], CONFIG.known, unsafe=False)
    assert edits == [cut(0, 5), cut(9, 12)]
    assert [d.rule for d in chosen] == ["empty-bullet", "repeated-title"]


def test_two_insertions_at_one_point_conflict() -> None:
    a = diag("scaffold-heading", 4, 4, cut(4, 4, "x"))
    b = diag("repeated-title", 4, 4, cut(4, 4, "y"))
    edits, _ = select_edits([a, b], CONFIG.known, unsafe=True)
    assert len(edits) == 1


def test_unsafe_fixes_only_on_request() -> None:
    unsafe = diag("duplicate-section", 0, 5, cut(0, 5), safe=False)
    assert select_edits([unsafe], CONFIG.known, unsafe=False) == ([], [])
    assert select_edits([unsafe], CONFIG.known, unsafe=True)[0] == [cut(0, 5)]


def test_a_rule_marked_unsafe_makes_its_fixes_unsafe() -> None:
    known = dict(CONFIG.known)
    known["empty-bullet"] = replace(known["empty-bullet"], fixable=FixSafety.UNSAFE)
    safe_by_kind = diag("empty-bullet", 0, 5, cut(0, 5))
    assert select_edits([safe_by_kind], known, unsafe=False) == ([], [])


# -- blank lines -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "removed", "expected"),
    [
        ("A\n\nLabel\n\nB\n", "Label\n", "A\n\nB\n"),
        ("Label\n\nB\n", "Label\n", "B\n"),
        ("A\n\nLabel\n", "Label\n", "A\n"),
        ("A\nLabel\nB\n", "Label\n", "A\nB\n"),
        ("A\n\nLabel\n\n\nB\n", "Label\n", "A\n\n\nB\n"),  # a double blank it did not make stays
    ],
)
def test_a_removal_leaves_no_doubled_blank_line(text: str, removed: str, expected: str) -> None:
    start = text.index(removed)
    edits = tidy_blank_lines(text, [cut(start, start + len(removed))])
    assert apply_edits(text, edits) == expected


def test_removals_joined_by_a_blank_line_are_tidied_as_one() -> None:
    text = "# T\n\n## Label\n\n## T\n\nBody\n"
    label, title = text.index("## Label"), text.index("## T\n")
    edits = tidy_blank_lines(text, [cut(label, label + 9), cut(title, title + 5)])
    assert apply_edits(text, edits) == "# T\n\nBody\n"


def test_a_blank_line_another_edit_touches_is_never_taken() -> None:
    text = "A\n\nLabel\n\nB\n"
    start = text.index("Label")
    blank = start + 6
    edits = tidy_blank_lines(text, [cut(start, start + 6), cut(blank, blank + 1, "x\n")])
    assert edits == [cut(start, start + 6), cut(blank, blank + 1, "x\n")]


# -- verification and composition ------------------------------------------------------------------


def test_verify_accepts_exactly_the_edits() -> None:
    verify("abcdef", "aXdf", [cut(1, 3, "X"), cut(4, 5)])


@pytest.mark.parametrize("new", ["aXdfg", "aXef", "adf", "aXdf "])
def test_verify_rejects_any_other_change(new: str) -> None:
    with pytest.raises(VerificationError):
        verify("abcdef", new, [cut(1, 3, "X"), cut(4, 5)])


def test_composed_passes_are_one_set_of_edits_on_the_original() -> None:
    original = "one\ntwo\nthree\nfour\n"
    composition = _Composition(len(original))
    first = [cut(4, 8)]  # "two\n"
    text = apply_edits(original, first)
    composition.apply(first, len(original))
    second = [cut(0, 3, "ONE"), cut(10, 15)]  # on "one\nthree\nfour\n"
    final = apply_edits(text, second)
    composition.apply(second, len(text))
    edits = composition.edits(len(original))
    assert edits == [cut(0, 3, "ONE"), cut(4, 8), cut(14, 19)]
    verify(original, final, edits)


def test_spans_of_later_passes_map_back_to_the_original() -> None:
    original = "one\ntwo\nthree\n"
    composition = _Composition(len(original))
    composition.apply([cut(0, 4, "1\n")], len(original))  # now "1\ntwo\nthree\n"
    assert composition.to_original(Span(2, 5)) == Span(4, 7)  # "two"
    assert composition.to_original(Span(0, 1)) == Span(0, 0)  # inside the replacement


# -- back to the file's bytes ----------------------------------------------------------------------


def test_edits_map_onto_crlf_text() -> None:
    raw = "A\r\nB\r\nC\r\n"
    edits = raw_edits(raw, "\r\n", [cut(2, 4)])  # "B\n" in the normalised text
    assert apply_edits(raw, edits) == "A\r\nC\r\n"


def test_a_replacement_with_a_newline_takes_the_files_newline() -> None:
    assert raw_edits("A\r\nB\r\n", "\r\n", [cut(0, 1, "X\nY")]) == [cut(0, 1, "X\r\nY")]


def test_a_new_line_break_in_a_mixed_file_is_refused() -> None:
    with pytest.raises(FixFailure, match="mixes line endings"):
        raw_edits("A\r\nB\n", "mixed", [cut(0, 1, "X\nY")])


def test_utf16_big_endian_is_written_back_big_endian() -> None:
    original = b"\xfe\xff" + "A\n".encode("utf-16-be")
    assert encode_like("B\n", original) == b"\xfe\xff" + "B\n".encode("utf-16-be")


def test_fix_bytes_of_a_clean_file_returns_the_same_bytes() -> None:
    data = b"Harbour Reopens\r\nFerries sailed again on Monday.\r\n"
    outcome = fix_bytes(data, "a.txt", CONFIG)
    assert not outcome.changed and outcome.new is data and outcome.fixed == ()


def test_fix_text_reports_remaining_findings_in_the_fixed_text() -> None:
    text = "Harbour Reopens\n-\nScenario Analysis\nTrade could recover by spring.\n\n\n"
    result = fix_text(text, "a.txt", CONFIG)
    assert result.text == "Harbour Reopens\nTrade could recover by spring.\n"
    assert result.fixed == ("empty-bullet", "scaffold-heading", "trailing-blank-lines")
    assert result.diagnostics == ()


# -- renaming labels -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ("H\nScenario Analysis\nx\n", "a.txt", "H\nWhat this might mean\nx\n"),
        ("H\nscenario analysis:\nx\n", "a.txt", "H\nWhat this might mean:\nx\n"),
        (
            "# H\n\n## Scenario Analysis ##\n\nx\n",
            "a.md",
            "# H\n\n## What this might mean ##\n\nx\n",
        ),
        ("# H\n\n**Scenario Analysis**\n\nx\n", "a.md", "# H\n\n**What this might mean**\n\nx\n"),
    ],
)
def test_rename_replaces_the_words_and_keeps_the_markup(
    text: str, path: str, expected: str
) -> None:
    rule = CONFIG.known["scaffold-heading"]
    options = replace(rule.options, rename={"Scenario Analysis": "What this might mean"})
    doc = parse(text, path)
    (finding,) = HeadingPhrase().check(doc, options)
    assert finding.fix is not None and not finding.fix.safe
    assert apply_edits(text, finding.fix.edits) == expected


def test_a_rename_that_only_changes_case_settles() -> None:
    rule = CONFIG.known["scaffold-heading"]
    options = replace(rule.options, rename={"Scenario Analysis": "Scenario analysis"})
    config = replace(CONFIG, rules=(ActiveRule(rule, rule.severity, options),))
    text = "Harbour Reopens\nSCENARIO ANALYSIS\nTrade could recover by spring.\n"
    result = fix_text(text, "a.txt", config, unsafe=True)
    assert result.text == "Harbour Reopens\nScenario analysis\nTrade could recover by spring.\n"
    assert result.diagnostics == ()


def test_duplicate_run_over_an_unmatched_code_block_is_only_an_unsafe_fix() -> None:
    para = "Ferries sailed again on Monday after a week of storms kept every boat in port today."
    other = "Engineers checked the sea wall overnight and found only minor cracks along its face."
    text = f"# H\n\n{para}\n\n{other}\n\n{para}\n\n```\nberth 4\n```\n\n{other}\n"
    result = fix_text(text, "a.md", CONFIG)
    assert result.text == text
    assert [d.rule for d in result.diagnostics] == ["duplicate-section"]
    assert result.unsafe_left == 1


# -- writing ---------------------------------------------------------------------------------------


def test_write_atomic_refuses_a_file_that_changed(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"new content\n")
    with pytest.raises(FixFailure, match="changed on disk"):
        write_atomic(path, b"fixed\n", b"old content\n")
    assert path.read_bytes() == b"new content\n"


def test_write_atomic_reports_an_unwritable_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "a.txt"
    path.write_bytes(b"old\n")
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):  # root ignores folder permissions
            pytest.skip("running with permissions that ignore a read-only folder")
        with pytest.raises(FixFailure, match="cannot write in the file's folder"):
            write_atomic(path, b"new\n", b"old\n")
    finally:
        folder.chmod(0o755)


def test_diff_marks_a_missing_final_newline() -> None:
    patch = unified_diff("a.txt", b"A\n-\nB", b"A\nB")
    assert patch == (
        "--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,2 @@\n A\n--\n B\n\\ No newline at end of file\n"
    )


@pytest.mark.parametrize(
    ("text", "safe_result"),
    [
        # An exact repeat of the title goes; a near one (a changed word) waits for --unsafe-fixes.
        ("Harbour Reopens After Storm\nHarbour Reopens After Storm\nFerries sailed.\n", True),
        (
            "Harbour Reopens After the Storm\nHarbour Reopens After The Storms\nFerries sailed.\n",
            False,
        ),
    ],
)
def test_repeated_title_fix_safety(text: str, safe_result: bool) -> None:
    safe = fix_text(text, "a.txt", CONFIG)
    unsafe = fix_text(text, "a.txt", CONFIG, unsafe=True)
    assert unsafe.text == text.split("\n", 1)[0] + "\nFerries sailed.\n"
    assert (safe.text == unsafe.text) is safe_result


def test_near_copy_of_a_run_is_removed_only_with_unsafe_fixes() -> None:
    para = (
        "Ferries sailed again on Monday after a week of storms kept every boat in port, the "
        "harbour master said on the quay as the first passengers queued in the rain."
    )
    near = para.replace("Monday", "Tuesday")
    text = f"Harbour Reopens\n{para}\n{near}\nMore news later.\n"
    assert fix_text(text, "a.txt", CONFIG).text == text
    assert fix_text(text, "a.txt", CONFIG, unsafe=True).text == (
        f"Harbour Reopens\n{para}\nMore news later.\n"
    )


def test_fixes_that_need_more_passes_than_allowed_are_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("linter.fixes.MAX_PASSES", 0)
    with pytest.raises(FixFailure, match="did not settle after 0 passes"):
        fix_text("Harbour Reopens\n-\nFerries sailed.\n", "a.txt", CONFIG)


def test_a_fix_never_leaves_a_markdown_article_starting_with_a_rule_line() -> None:
    # Removing the first line would make "---" open a front matter block that swallows the
    # article: that fix waits; the others are made.
    text = (
        "Here is the rewritten article:\n\n---\n\n# Harbour Reopens\n\n"
        "The harbour reopened on Monday.\n\n---\n\nI hope this helps!\n"
    )
    result = fix_text(text, "a.md", CONFIG)
    assert result.text == (
        "Here is the rewritten article:\n\n---\n\n# Harbour Reopens\n\n"
        "The harbour reopened on Monday.\n\n---\n"
    )
    assert [(d.line, d.rule) for d in result.diagnostics] == [(1, "assistant-residue")]


def test_a_whole_line_removed_from_an_underlined_heading_takes_the_underline() -> None:
    text = "# Harbour Reopens\n\nThe harbour reopened.\n\nI hope this helps!\n---\n\nMore.\n"
    result = fix_text(text, "a.md", CONFIG)
    assert result.text == "# Harbour Reopens\n\nThe harbour reopened.\n\nMore.\n"


def test_only_the_residue_line_goes_from_a_heading_with_other_text() -> None:
    text = "# Harbour Reopens\n\nThe harbour reopened.\nI hope this helps!\n===\n\nMore.\n"
    result = fix_text(text, "a.md", CONFIG)
    assert result.text == "# Harbour Reopens\n\nThe harbour reopened.\n===\n\nMore.\n"


def test_removing_a_preamble_puts_front_matter_under_it_at_the_top() -> None:
    text = (
        "Here is the rewritten article:\n\n---\ntitle: Harbour Reopens\ndate: 2026-03-01\n---\n"
        "\n# Harbour Reopens\n\nThe harbour reopened on Monday.\n"
    )
    result = fix_text(text, "a.md", CONFIG)
    assert result.text == text.removeprefix("Here is the rewritten article:\n\n")
    assert result.diagnostics == ()
