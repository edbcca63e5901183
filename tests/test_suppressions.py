"""Inline suppression comments in Markdown, and the warnings about stale ones."""

from __future__ import annotations

from linter.config import load_config
from linter.runner import lint_text

ARTICLE = """\
# Storm Closes Mountain Pass Near Vettby

*Published 2 April 2026*

{a}
- Snow fell for two days on the pass above Vettby.
-
- Drivers were turned back at the toll gate.
{b}
## Rewritten Article

The pass will stay closed until ploughs clear the upper road, the roads office said on Monday.
{c}
-

More snow is forecast for the weekend.
"""


def findings(a: str = "", b: str = "", c: str = "", path: str = "a.md") -> list[str]:
    config = load_config(isolated=True)
    report = lint_text(ARTICLE.format(a=a, b=b, c=c), path, config)
    return [f"{d.line}:{d.column} {d.rule}" for d in report.diagnostics]


def messages(a: str = "", b: str = "", c: str = "") -> list[str]:
    config = load_config(isolated=True)
    report = lint_text(ARTICLE.format(a=a, b=b, c=c), "a.md", config)
    return [d.message for d in report.diagnostics if d.rule == "unused-suppression"]


def test_without_comments_everything_is_reported() -> None:
    assert findings() == ["7:1 empty-bullet", "10:1 scaffold-heading", "14:1 empty-bullet"]


def test_disable_next_line() -> None:
    got = findings(b="<!-- copydesk-disable-next-line scaffold-heading -->")
    assert got == ["7:1 empty-bullet", "14:1 empty-bullet"]


def test_disable_and_enable_cover_the_lines_between() -> None:
    got = findings(
        a="<!-- copydesk-disable empty-bullet -->", b="<!-- copydesk-enable empty-bullet -->"
    )
    assert got == ["10:1 scaffold-heading", "14:1 empty-bullet"]


def test_disable_without_enable_runs_to_the_end() -> None:
    got = findings(a="<!-- copydesk-disable empty-bullet, scaffold-heading -->")
    assert got == []


def test_disable_file_anywhere_covers_the_whole_file() -> None:
    assert findings(c="<!-- copydesk-disable-file empty-bullet -->") == ["10:1 scaffold-heading"]


def test_a_comment_naming_no_rule_covers_every_rule() -> None:
    assert findings(a="<!-- copydesk-disable-file -->") == []


def test_unknown_rule_is_reported() -> None:
    got = findings(b="<!-- copydesk-disable-next-line scaffold-heading empty-bulet -->")
    assert got == ["7:1 empty-bullet", "9:1 unused-suppression", "14:1 empty-bullet"]
    assert messages(b="<!-- copydesk-disable-next-line empty-bulet -->") == [
        "Unknown rule 'empty-bulet' in a copydesk-disable-next-line comment"
    ]


def test_suppression_that_suppresses_nothing_is_reported() -> None:
    got = findings(c="<!-- copydesk-disable-next-line scaffold-heading -->")
    assert "13:1 unused-suppression" in got
    assert messages(c="<!-- copydesk-disable-next-line scaffold-heading -->") == [
        "Suppression of 'scaffold-heading' (copydesk-disable-next-line) suppresses nothing"
    ]


def test_enable_without_disable_is_reported() -> None:
    assert messages(b="<!-- copydesk-enable empty-bullet -->") == [
        "Nothing to enable: 'empty-bullet' is not disabled by name above this comment"
    ]


def test_enable_without_rules_closes_every_open_disable() -> None:
    got = findings(a="<!-- copydesk-disable empty-bullet -->", b="<!-- copydesk-enable -->")
    assert got == ["10:1 scaffold-heading", "14:1 empty-bullet"]


def test_a_rule_not_enabled_in_this_run_is_not_called_unused() -> None:
    config = load_config(isolated=True, select=["scaffold-heading"])
    text = ARTICLE.format(a="<!-- copydesk-disable empty-bullet -->", b="", c="")
    report = lint_text(text, "a.md", config)
    assert [d.rule for d in report.diagnostics] == ["scaffold-heading"]


def test_comments_in_code_blocks_are_text_not_suppressions() -> None:
    fenced = "```\n<!-- copydesk-disable-file -->\n```"
    got = findings(a=fenced)
    assert got == ["9:1 empty-bullet", "12:1 scaffold-heading", "16:1 empty-bullet"]


def test_plain_text_files_have_no_comments() -> None:
    text = "Storm Closes Pass\nPublished 2 April 2026\n<!-- copydesk-disable-file -->\n-\n"
    report = lint_text(text, "a.txt", load_config(isolated=True))
    assert "empty-bullet" in [d.rule for d in report.diagnostics]


def test_a_mistyped_directive_suppresses_nothing_and_is_reported() -> None:
    # "disable-line" must not read as "disable" with a rule named "-line": that hid every
    # later finding of the rules it named.
    got = findings(a="<!-- copydesk-disable-line empty-bullet scaffold-heading -->")
    assert got == [
        "5:1 unused-suppression",
        "7:1 empty-bullet",
        "10:1 scaffold-heading",
        "14:1 empty-bullet",
    ]
    assert messages(a="<!-- copydesk-disable-line empty-bullet -->") == [
        "Unknown directive 'copydesk-disable-line' (did you mean "
        "'copydesk-disable-next-line'?); it suppresses nothing"
    ]
    assert messages(a="<!-- copydesk-disabel empty-bullet -->") == [
        "Unknown directive 'copydesk-disabel' (did you mean 'copydesk-disable'?); "
        "it suppresses nothing"
    ]
    assert messages(a="<!-- copydesk-foo -->") == [
        "Unknown directive 'copydesk-foo' (expected one of: copydesk-disable-next-line, "
        "copydesk-disable-file, copydesk-disable, copydesk-enable); it suppresses nothing"
    ]
    assert messages(a="<!-- copydesk- -->") == [
        "Unknown directive 'copydesk-' (expected one of: copydesk-disable-next-line, "
        "copydesk-disable-file, copydesk-disable, copydesk-enable); it suppresses nothing"
    ]


def test_a_directive_may_touch_the_comments_end() -> None:
    # "-->" straight after the directive ends it; it does not run on to the next comment.
    assert findings(a="<!-- copydesk-disable-->") == []
    got = findings(a="<!-- copydesk-disable-next-line--><!-- x -->")
    assert got == [
        "5:1 unused-suppression",  # line 6 has nothing to suppress
        "7:1 empty-bullet",
        "10:1 scaffold-heading",
        "14:1 empty-bullet",
    ]


def test_a_comma_may_follow_the_directive() -> None:
    assert findings(a="<!-- copydesk-disable,empty-bullet -->") == ["10:1 scaffold-heading"]
