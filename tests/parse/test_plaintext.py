"""Plain-text structure inferred from line shapes, on articles in the pipeline's shape."""

from __future__ import annotations

from linter.document import BlockKind, HeadingStyle, Role
from linter.parse import parse
from tests.conftest import ROOT


def _shape(text: str) -> list[tuple[int, str, str, str]]:
    doc = parse(text, "a.txt")
    return [(doc.line_of(b.span.start), b.kind.value, b.role.value, b.text) for b in doc.blocks]


def test_pipeline_article_structure() -> None:
    text = (ROOT / "examples" / "pipeline-residue.txt").read_text(encoding="utf-8")
    doc = parse(text, "a.txt")
    by_line = {doc.line_of(b.span.start): b for b in doc.blocks}
    assert by_line[1].role is Role.TITLE and by_line[1].kind is BlockKind.HEADING
    assert by_line[2].role is Role.DATELINE and by_line[2].kind is BlockKind.PARAGRAPH
    assert by_line[3].role is Role.HIGHLIGHTS and by_line[3].is_heading
    assert [by_line[n].kind for n in range(4, 10)] == [BlockKind.LIST_ITEM] * 6
    assert by_line[9].text == "" and by_line[9].role is Role.HIGHLIGHTS
    assert by_line[10].is_heading and by_line[10].style == HeadingStyle.INFERRED
    assert by_line[10].role is Role.BODY
    assert by_line[12].kind is BlockKind.PARAGRAPH
    assert by_line[13].is_heading and by_line[13].text == "Roads and Bridges Cut"
    assert by_line[21].kind is BlockKind.LIST_ITEM and by_line[21].text == ""
    assert by_line[35].kind is BlockKind.BLANK
    assert doc.blocks[-1].kind is BlockKind.BLANK


def test_bullet_markers_and_text_spans() -> None:
    doc = parse("Title Line\n- one\n* two\n• three\n•four\n1. five\n-\n", "a.txt")
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [(b.style, b.text) for b in items] == [
        ("-", "one"),
        ("*", "two"),
        ("•", "three"),
        ("•", "four"),
        ("1.", "five"),
        ("-", ""),
    ]
    assert doc.slice(items[0].text_span) == "one"
    assert doc.position(items[0].text_span.start) == (2, 3)


def test_thematic_breaks_are_not_bullets() -> None:
    shape = _shape("Title Line\nText here.\n---\n***\n- - -\n___\nMore text.\n")
    assert [k for _, k, _, _ in shape] == [
        "heading",
        "paragraph",
        "thematic-break",
        "thematic-break",
        "thematic-break",
        "thematic-break",
        "paragraph",
    ]


def test_dash_inside_text_is_not_a_bullet() -> None:
    shape = _shape("Title Line\n-5 degrees overnight.\nA pier - closed - reopened.\n")
    assert [k for _, k, _, _ in shape] == ["heading", "paragraph", "paragraph"]


def test_heading_shape() -> None:
    shape = _shape(
        "A Title\nShort Heading\nA sentence that ends with a full stop.\n"
        "lowercase start line\nA sentence.\nQuestion heading?\nText after it.\nLast line\n"
    )
    kinds = {line: kind for line, kind, _, _ in shape}
    assert kinds[2] == "heading"
    assert kinds[3] == "paragraph"
    assert kinds[6] == "paragraph"  # final punctuation: not a heading
    assert kinds[8] == "paragraph"  # nothing follows: a sign-off, not a heading


def test_hard_wrapped_paragraph_is_one_block() -> None:
    text = (
        "Harbour Reopens After the Storm\n\n"
        "Ferries sailed again on Monday after a week of storms had kept every\n"
        "boat in port, and the harbour master said the sea wall had held up\n"
        "better than the engineers expected.\n\n"
        "Repairs\n\n"
        "Engineers will fill the cracks in the outer face of the wall this week.\n"
    )
    doc = parse(text, "a.txt")
    paragraphs = [b for b in doc.blocks if b.kind is BlockKind.PARAGRAPH]
    assert len(paragraphs) == 2
    assert paragraphs[0].text.count("\n") == 2
    assert [b.text for b in doc.blocks if b.is_heading] == [
        "Harbour Reopens After the Storm",
        "Repairs",
    ]


def test_dateline_variants() -> None:
    for line in (
        "Published 3 March 2026",
        "Updated: March 3, 2026",
        "By Ana Lind",
        "2026-03-03",
        "Tuesday, 3 March 2026",
    ):
        doc = parse(f"Harbour Reopens\n{line}\nFerries sailed again.\n", "a.txt")
        assert doc.dateline is not None and doc.dateline.text == line, line


def test_highlights_without_a_heading() -> None:
    doc = parse(
        "Harbour Reopens\nPublished 3 March 2026\n- One.\n- Two.\nBody text here.\n", "a.txt"
    )
    assert [b.text for b in doc.highlights] == ["One.", "Two."]


def test_crlf_and_bom_are_normalised_and_noted() -> None:
    doc = parse("\ufeffTitle Line\r\n- one\r\n", "a.txt")
    assert doc.text == "Title Line\n- one\n"
    assert doc.source.bom and doc.source.newline == "\r\n"


def test_empty_and_blank_files() -> None:
    assert parse("", "a.txt").blocks == ()
    doc = parse("\n\n  \n", "a.txt")
    assert [b.kind for b in doc.blocks] == [BlockKind.BLANK]


def test_a_first_line_ending_in_a_colon_introduces_the_title() -> None:
    # "Certainly! Here is the rewritten article:" is no title: the line after it is, and the
    # dateline after that is read as one.
    roles = [
        (line, role)
        for line, _, role, _ in _shape(
            "Certainly! Here is the rewritten article:\nPort Vote\nPublished 3 May 2026\n"
            "Dockers voted for the new contract.\n"
        )
    ]
    assert roles[:3] == [(1, "body"), (2, "title"), (3, "dateline")]
    # A title and dateline as usual are unchanged.
    assert [role for _, _, role, _ in _shape("Port Vote\nPublished 3 May 2026\nDockers voted.\n")][
        :2
    ] == ["title", "dateline"]


def test_a_colon_line_before_a_byline_or_a_date_keeps_them_out_of_the_title() -> None:
    # Only a line with a dateline under it is plainly the title after a colon line.
    for text in (
        "From our correspondent in Lisbon:\nAna Ferreira\nTram Fares Freeze Until Spring\n"
        "Fares stay at 3 euros.\n",
        "Updated:\n12 March 2026\nTram Fares Freeze Until Spring\nFares stay at 3 euros.\n",
    ):
        assert next(role for _, _, role, _ in _shape(text)) == "title", text
