"""empty-item, repeated-title and heading-phrase: exact places, messages and fixes."""

from __future__ import annotations

from typing import Any

from linter.engine import render_message
from linter.kinds import get_kind
from linter.options import parse_options
from linter.parse import parse
from linter.rulebook import builtin_rules


def _builtin(rule_id: str) -> Any:
    return builtin_rules()[rule_id]


def findings(rule_id: str, text: str, path: str = "a.txt") -> list[tuple[int, int, str, str]]:
    """(line, column, flagged text, message) of each finding of a built-in rule."""
    rule = _builtin(rule_id)
    doc = parse(text, path)
    out = []
    for f in get_kind(rule.kind).check(doc, rule.options):
        line, column = doc.position(f.span.start)
        out.append((line, column, doc.slice(f.span), render_message(rule.message, doc, f.fields)))
    return out


def fixed(rule_id: str, text: str, path: str = "a.txt", **options: Any) -> str:
    """The text with every finding's fix applied, last first."""
    rule = _builtin(rule_id)
    opts = rule.options
    if options:
        kind = get_kind(rule.kind)
        opts = parse_options(kind.options_type, options, path="test", line=1)
    doc = parse(text, path)
    edits = [e for f in get_kind(rule.kind).check(doc, opts) if f.fix for e in f.fix.edits]
    for edit in sorted(edits, key=lambda e: e.span.start, reverse=True):
        text = text[: edit.span.start] + edit.replacement + text[edit.span.end :]
    return text


# -- empty-item: lone en and em dashes -----------------------------------------------------------


def test_a_lone_en_dash_in_a_plain_text_list_is_an_empty_bullet() -> None:
    text = "Market Day\nStalls\n- Bread.\n–\n- Fish.\n"
    assert findings("empty-bullet", text) == [
        (4, 1, "–", 'Empty bullet: "–" with no text after it')
    ]
    assert fixed("empty-bullet", text) == "Market Day\nStalls\n- Bread.\n- Fish.\n"


def test_lone_dashes_keep_document_order_with_other_empty_bullets() -> None:
    text = "Market Day\nStalls\n- Bread.\n—\n- Fish.\n-\n"
    assert [(line, col, flagged) for line, col, flagged, _ in findings("empty-bullet", text)] == [
        (4, 1, "—"),
        (6, 1, "-"),
    ]


def test_a_lone_dash_without_a_list_beside_it_stays_quiet() -> None:
    assert findings("empty-bullet", "Market Day\nStalls opened.\n–\nFish sold out.\n") == []
    # A blank line between the list and the dash: it is no longer part of the list.
    assert findings("empty-bullet", "Market Day\n- Bread.\n\n–\n\nFish sold out.\n") == []


def test_a_lone_en_dash_in_markdown_stays_quiet() -> None:
    # In Markdown the dash continues the list item's paragraph: it is text, not a marker.
    assert findings("empty-bullet", "# Market Day\n\n- Bread.\n–\n- Fish.\n", "a.md") == []


def test_lone_dashes_can_be_turned_off() -> None:
    text = "Market Day\nStalls\n- Bread.\n–\n- Fish.\n"
    assert fixed("empty-bullet", text, **{"lone-dashes": []}) == text


# -- repeated-title: where the title is ----------------------------------------------------------


def test_a_front_matter_title_is_named_as_such() -> None:
    text = "---\ntitle: Mill Reopens\n---\n\nThe mill reopened.\n\n## Mill Reopens\n\nMore.\n"
    assert findings("repeated-title", text, "a.md") == [
        (7, 1, "## Mill Reopens", 'Title "Mill Reopens" repeated (title in the front matter)')
    ]


def test_a_title_line_is_named_by_its_number() -> None:
    text = "---\ntitle: Mill Reopens\n---\n\n# Mill Reopens\n\n## Mill Reopens\n\nMore.\n"
    assert findings("repeated-title", text, "a.md") == [
        (7, 1, "## Mill Reopens", 'Title "Mill Reopens" repeated (title at line 5)')
    ]
