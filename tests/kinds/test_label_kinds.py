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


# -- heading-phrase: label words, inline labels, notes in brackets -----------------------------


def test_label_words_are_flagged_only_with_a_colon() -> None:
    text = "Steel Output Slips\nMills made less.\nOutput\nSteel output fell 2%.\nOutput:\nMore.\n"
    assert findings("scaffold-heading", text) == [
        (5, 1, "Output:", 'Template label "Output:" left in the article')
    ]


def test_an_inline_label_is_flagged_and_removed_with_its_colon() -> None:
    text = "# Port Vote\n\nRewritten Article: Dockers Back Contract\n\nThe vote was close.\n"
    assert findings("scaffold-heading", text, "a.md") == [
        (3, 1, "Rewritten Article:", 'Template label "Rewritten Article:" left in the article')
    ]
    assert fixed("scaffold-heading", text, "a.md") == (
        "# Port Vote\n\nDockers Back Contract\n\nThe vote was close.\n"
    )


def test_an_inline_label_in_a_heading_keeps_the_heading_markup() -> None:
    text = "# Port Vote\n\n## Scenario Analysis: What Comes Next\n\nTalks start in May.\n"
    assert [f[:3] for f in findings("scaffold-heading", text, "a.md")] == [
        (3, 4, "Scenario Analysis:")
    ]
    assert fixed("scaffold-heading", text, "a.md") == (
        "# Port Vote\n\n## What Comes Next\n\nTalks start in May.\n"
    )


def test_a_bold_inline_label_goes_with_its_emphasis() -> None:
    text = "# Port Vote\n\n**Headline:** Dockers Back Contract\n\nThe vote was close.\n"
    assert [f[:3] for f in findings("scaffold-heading", text, "a.md")] == [(3, 1, "**Headline:**")]
    assert fixed("scaffold-heading", text, "a.md") == (
        "# Port Vote\n\nDockers Back Contract\n\nThe vote was close.\n"
    )


def test_emphasis_around_label_and_text_stays_around_the_text() -> None:
    # A bold-only line is a heading: the label is cut inside the emphasis, which stays.
    text = "# Port Vote\n\n**Headline: Dockers Back Contract**\n\nThe vote was close.\n"
    assert [f[:3] for f in findings("scaffold-heading", text, "a.md")] == [(3, 3, "Headline:")]
    assert fixed("scaffold-heading", text, "a.md") == (
        "# Port Vote\n\n**Dockers Back Contract**\n\nThe vote was close.\n"
    )
    # In plain text the line is a paragraph: the same cut, the emphasis kept around the text.
    plain = "Port Vote\n**Headline: Dockers Back Contract**\nThe vote was close.\n"
    assert [f[:3] for f in findings("scaffold-heading", plain)] == [(2, 3, "Headline:")]
    assert fixed("scaffold-heading", plain) == (
        "Port Vote\n**Dockers Back Contract**\nThe vote was close.\n"
    )
    # Emphasis closed right after the colon is the label's, and goes with it.
    own = "Port Vote\n**Headline:** _Dockers Back Contract_\nThe vote was close.\n"
    assert [f[:3] for f in findings("scaffold-heading", own)] == [(2, 1, "**Headline:**")]
    assert fixed("scaffold-heading", own) == (
        "Port Vote\n_Dockers Back Contract_\nThe vote was close.\n"
    )
    # Emphasis closed that does not match the one opened: which is the label's is unclear.
    odd = "Port Vote\n**Headline:_ Dockers Back Contract\nThe vote was close.\n"
    assert findings("scaffold-heading", odd) == []


def test_one_word_labels_inline_only_first_and_not_in_a_list_of_details() -> None:
    review = "# Salt Road\n\n**Title:** The Salt Road\n\n**Author:** Ann Reed\n\nA fine book.\n"
    assert findings("scaffold-heading", review, "a.md") == []
    later = "# Port Vote\n\nThe vote was close.\n\nHeadline: Dockers Back Contract\n"
    assert findings("scaffold-heading", later, "a.md") == []


def test_a_sentence_after_a_label_needs_the_label_as_listed_and_its_fix_is_unsafe() -> None:
    text = "Port Vote\nThe vote was close.\nScenario Analysis: the union expects no strike.\n"
    rule = builtin_rules()["scaffold-heading"]
    doc = parse(text, "a.txt")
    (finding,) = get_kind(rule.kind).check(doc, rule.options)
    assert doc.position(finding.span.start) == (3, 1)
    assert finding.fix is not None and not finding.fix.safe
    assert fixed("scaffold-heading", text) == (
        "Port Vote\nThe vote was close.\nThe union expects no strike.\n"
    )
    lowered = text.replace("Scenario Analysis:", "Scenario analysis:")
    assert findings("scaffold-heading", lowered) == []


def test_a_letter_whose_capital_is_two_letters_is_left_as_it_is() -> None:
    text = "Port Vote\nThe vote was close.\nScenario Analysis: ßtrasse traffic will fall.\n"
    assert fixed("scaffold-heading", text) == (
        "Port Vote\nThe vote was close.\nßtrasse traffic will fall.\n"
    )
    text = text.replace("ßtrasse", "ﬁnancial")
    assert fixed("scaffold-heading", text).endswith("\nﬁnancial traffic will fall.\n")


def test_a_note_in_brackets_after_a_label_is_part_of_it() -> None:
    text = "# Port Vote\n\n## Rewritten article (plain style)\n\nDockers voted.\n"
    assert [f[:3] for f in findings("scaffold-heading", text, "a.md")] == [
        (3, 1, "## Rewritten article (plain style)")
    ]
    # The whole line goes (the engine's fix then tidies the blank lines left around it).
    assert fixed("scaffold-heading", text, "a.md") == "# Port Vote\n\n\nDockers voted.\n"


def test_inline_labels_can_be_turned_off() -> None:
    text = "# Port Vote\n\nRewritten Article: Dockers Back Contract\n\nThe vote was close.\n"
    assert fixed("scaffold-heading", text, "a.md", **{"inline-labels": False}) == text
