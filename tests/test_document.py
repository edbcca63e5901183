"""The document model: offsets to positions, sections, prose runs."""

from __future__ import annotations

from linter.document import Span
from linter.parse import parse


def test_positions_count_characters() -> None:
    doc = parse("Tïtle 🚆 here\nsecond line\n", "a.txt")
    assert doc.position(0) == (1, 1)
    assert doc.position(doc.text.index("here")) == (1, 9)
    assert doc.position(doc.text.index("second")) == (2, 1)
    assert doc.position(len(doc.text)) == (3, 1)
    assert doc.line_text(2) == "second line"
    assert doc.line_count == 3


def test_sections_nest_by_rank() -> None:
    doc = parse("# T\n\n## A\n\ntext\n\n### A1\n\ntext\n\n## B\n\ntext\n", "a.md")
    headings = [doc.blocks[s.heading].text for s in doc.sections]
    assert headings == ["T", "A", "A1", "B"]
    ends = {doc.blocks[s.heading].text: s.end for s in doc.sections}
    b_index = next(i for i, b in enumerate(doc.blocks) if b.text == "B")
    assert ends["A"] == b_index and ends["A1"] == b_index
    assert ends["T"] == len(doc.blocks) and ends["B"] == len(doc.blocks)


def test_prose_skips_code_urls_and_front_matter() -> None:
    text = (
        "---\ntitle: X\n---\n# Head\n\n"
        "See https://example.org/a now and `code` here.\n\n```\nno\n```\n"
    )
    doc = parse(text, "a.md")
    runs = [doc.slice(s) for s in doc.prose()]
    assert runs == ["Head", "See ", " now and ", " here."]


def test_span_helpers() -> None:
    assert len(Span(2, 5)) == 3
    assert Span(0, 10).contains(Span(2, 5)) and not Span(2, 5).contains(Span(0, 10))
    assert Span(0, 3).overlaps(Span(2, 4)) and not Span(0, 2).overlaps(Span(2, 4))


def test_memo_computes_once() -> None:
    doc = parse("Title\n", "a.txt")
    calls = []
    assert doc.memo("k", lambda d: calls.append(1) or 42) == 42
    assert doc.memo("k", lambda d: calls.append(1) or 43) == 42
    assert calls == [1]
