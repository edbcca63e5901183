"""Markdown through markdown-it-py: the block model, spans and the CommonMark traps."""

from __future__ import annotations

from linter.document import BlockKind, HeadingStyle, Role
from linter.parse import parse

ARTICLE = """---
title: Night Trains Return
tags: [rail]
---

# Night Trains Return

## Highlights

* Services resume in December.
*${SPACE}

---

**Rewritten Article**

Paragraph one
continues here.

> A quoted line.

<!-- a comment -->

```
code here
```

- item
  - nested item

Setext Title
============
"""


def _doc():
    return parse(ARTICLE.replace("${SPACE}", " "), "a.md")


def test_block_sequence() -> None:
    doc = _doc()
    shape = [
        (doc.line_of(b.span.start), b.kind.value)
        for b in doc.blocks
        if b.kind is not BlockKind.BLANK
    ]
    assert shape == [
        (1, "front-matter"),
        (6, "heading"),
        (8, "heading"),
        (10, "list-item"),
        (11, "list-item"),
        (13, "thematic-break"),
        (15, "heading"),
        (17, "paragraph"),
        (20, "paragraph"),
        (22, "html-comment"),
        (24, "code"),
        (28, "list-item"),
        (29, "list-item"),
        (31, "heading"),
    ]


def test_front_matter_is_read_and_not_a_bullet_or_break() -> None:
    doc = _doc()
    assert doc.front_matter == {"title": "Night Trains Return", "tags": ["rail"]}
    assert doc.blocks[0].role is Role.FRONT_MATTER
    assert doc.front_matter_error is None


def test_headings_of_every_style() -> None:
    doc = _doc()
    headings = [(b.text, b.level, b.style) for b in doc.blocks if b.is_heading]
    assert headings == [
        ("Night Trains Return", 1, HeadingStyle.ATX),
        ("Highlights", 2, HeadingStyle.ATX),
        ("Rewritten Article", 6, HeadingStyle.BOLD),
        ("Setext Title", 1, HeadingStyle.SETEXT),
    ]
    bold = next(b for b in doc.blocks if b.style == HeadingStyle.BOLD)
    assert doc.slice(bold.span) == "**Rewritten Article**"


def test_list_items_text_and_empty_item() -> None:
    doc = _doc()
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [(b.style, b.text, b.level) for b in items] == [
        ("*", "Services resume in December.", 1),
        ("*", "", 1),
        ("-", "item", 1),
        ("-", "nested item", 2),
    ]
    assert items[0].role is Role.HIGHLIGHTS and items[1].role is Role.HIGHLIGHTS


def test_roles() -> None:
    doc = _doc()
    assert doc.title is not None and doc.title.text == "Night Trains Return"
    assert [b.text for b in doc.highlights] == ["Highlights", "Services resume in December.", ""]


def test_lone_dash_under_paragraph_is_a_setext_heading() -> None:
    doc = parse("# T\n\nPort news\n-\n\nText.\n", "a.md")
    heading = [b for b in doc.blocks if b.is_heading][1]
    assert (heading.text, heading.style, heading.level) == ("Port news", HeadingStyle.SETEXT, 2)
    assert not any(b.kind is BlockKind.LIST_ITEM for b in doc.blocks)


def test_lone_dash_under_list_item_is_an_empty_item() -> None:
    doc = parse("# T\n\n- one\n-\n", "a.md")
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [b.text for b in items] == ["one", ""]


def test_paragraph_spans_and_quotes() -> None:
    doc = _doc()
    para = next(b for b in doc.blocks if b.kind is BlockKind.PARAGRAPH and not b.quoted)
    assert para.text == "Paragraph one\ncontinues here."
    quote = next(b for b in doc.blocks if b.quoted)
    assert quote.text == "A quoted line."


def test_invalid_front_matter_is_recorded_not_raised() -> None:
    doc = parse("---\ntitle: [unclosed\n---\n# T\n", "a.md")
    assert doc.front_matter is None
    assert doc.front_matter_error is not None
    assert doc.title is not None and doc.title.text == "T"


def test_a_date_that_cannot_exist_is_read_as_written() -> None:
    import datetime as dt

    doc = parse("---\ndate: 2026-02-30\nupdated: 2026-13-01\nmade: 2026-02-28\n---\n# T\n", "a.md")
    assert doc.front_matter == {
        "date": "2026-02-30",
        "updated": "2026-13-01",
        "made": dt.date(2026, 2, 28),
    }
    assert doc.front_matter_error is None


def test_a_time_that_cannot_exist_is_read_as_written() -> None:
    # A timestamp with an hour of 99 passes pyyaml's pattern but not datetime's check.
    doc = parse("---\nat: 2026-02-28 99:00:00\n---\n# T\n", "a.md")
    assert doc.front_matter == {"at": "2026-02-28 99:00:00"}


def test_a_timestamp_tag_on_text_that_is_none_is_read_as_written() -> None:
    doc = parse("---\ndate: !!timestamp x\n---\n# T\n", "a.md")
    assert doc.front_matter == {"date": "x"}


def test_front_matter_under_a_preamble_is_misplaced_not_text() -> None:
    from linter.document import FRONT_MATTER_MISPLACED

    text = "Sure! Here it is:\n\n---\ntitle: Rents Rise\ndate: 2026-04-09\n---\n\n# Rents Rise\n"
    doc = parse(text, "a.md")
    assert doc.front_matter is None  # publishing systems do not read it: neither do rules
    assert doc.front_matter_error is not None
    reason, span = doc.front_matter_error
    assert reason == FRONT_MATTER_MISPLACED and doc.slice(span) == "---"
    assert doc.position(span.start) == (3, 1)
    kinds = [(doc.position(b.span.start)[0], b.kind.value) for b in doc.blocks]
    assert (3, "front-matter") in kinds and (8, "heading") in kinds


def test_rules_around_a_note_or_a_single_key_are_not_front_matter() -> None:
    from linter.parse.markdown import misplaced_front_matter

    assert misplaced_front_matter("Lead.\n\n---\nUpdate: voted.\nSource: office\n---\n") is None
    assert misplaced_front_matter("Lead.\n---\ntitle: T\n---\n") is None
    assert misplaced_front_matter("# T\n---\ntitle: T\ndate: 2026-01-02\n---\n") is None
    assert misplaced_front_matter("a\nb\nc\n---\ntitle: T\ndate: 2026-01-02\n---\n") is None
    assert misplaced_front_matter("Intro:\n---\ntitle: T\ntags:\n  - a\n---\n") == (1, 5)


def test_atx_closing_hashes_are_not_text() -> None:
    doc = parse("## Outlook ##\n", "a.md")
    assert doc.blocks[0].text == "Outlook"


def test_empty_file_has_no_blocks() -> None:
    assert parse("", "a.md").blocks == ()


def test_a_line_ending_in_a_colon_before_the_heading_leaves_it_the_title() -> None:
    doc = parse(
        "---\ntitle: Harbour Reopens\n---\n\nSure thing! Here is your article, rewritten:\n\n"
        "# Harbour Reopens\n\nThe harbour reopened on Monday.\n",
        "a.md",
    )
    (title,) = [b for b in doc.blocks if b.role is Role.TITLE]
    assert (doc.line_of(title.span.start), title.text) == (7, "Harbour Reopens")
