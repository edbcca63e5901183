"""empty-item: a list marker with nothing after it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from linter.document import Block, BlockKind, Document, Role, Span
from linter.findings import Finding, Fix
from linter.kinds.base import Kind
from linter.kinds.common import remove_lines


@dataclass(frozen=True)
class EmptyItemOptions:
    """Options of an ``empty-item`` rule."""

    #: Bullet markers that count; numbered items (``1.``) count when ``numbered`` is on.
    markers: tuple[str, ...] = ("-", "*", "+", "•")
    numbered: bool = True
    #: Where to look: everywhere, or only in the highlights.
    scope: Literal["anywhere", "highlights"] = "anywhere"
    #: Dashes that no parser reads as a bullet, counted as an empty one in a plain-text
    #: article only when a line holds nothing else and list items stand on both sides.
    lone_dashes: tuple[str, ...] = ("–", "—")


class EmptyItem(Kind):
    name = "empty-item"
    options_type = EmptyItemOptions
    fields = {"marker": "the list marker, such as '-'"}
    description = (
        "Finds list items whose marker has no text after it, in plain text (a line that is "
        "only '-', '*' or '•') and in Markdown (an empty list item). In plain text, a line "
        "that is only an en or em dash ('lone-dashes') counts between two list items."
    )

    def check(self, doc: Document, options: EmptyItemOptions) -> Iterator[Finding]:
        dashes = options.lone_dashes if doc.format == "text" else ()
        for i, block in enumerate(doc.blocks):
            if block.kind is BlockKind.PARAGRAPH and dashes:
                finding = _lone_dash(doc, i, dashes, options.scope)
                if finding is not None:
                    yield finding
                continue
            if block.kind is not BlockKind.LIST_ITEM or block.text.strip():
                continue
            if options.scope == "highlights" and block.role is not Role.HIGHLIGHTS:
                continue
            marker = block.style
            numbered = marker[:1].isdigit()
            if (numbered and not options.numbered) or (
                not numbered and marker not in options.markers
            ):
                continue
            line = doc.slice(block.span)
            start = block.span.start + (len(line) - len(line.lstrip()))
            yield _finding(doc, block, Span(start, start + len(marker)), marker)


def _finding(doc: Document, block: Block, span: Span, marker: str) -> Finding:
    fix = Fix((remove_lines(doc, block.span),), safe=True, description="Remove the empty bullet")
    return Finding(span, {"marker": marker}, fix=fix)


def _lone_dash(doc: Document, index: int, dashes: tuple[str, ...], scope: str) -> Finding | None:
    """A plain-text paragraph that is only one of ``dashes`` with a list item just above or
    below it, as an empty bullet; otherwise None."""
    block = doc.blocks[index]
    marker = block.text.strip()
    if marker not in dashes:
        return None
    # A dash may be a section break, after a list as between paragraphs: only a dash with a
    # list item on both sides is plainly a bullet.
    near = [doc.blocks[j] for j in (index - 1, index + 1) if 0 <= j < len(doc.blocks)]
    items = [b for b in near if b.kind is BlockKind.LIST_ITEM]
    if len(items) < 2 or (
        scope == "highlights" and all(b.role is not Role.HIGHLIGHTS for b in items)
    ):
        return None
    start = block.text_span.start
    return _finding(doc, block, Span(start, start + len(marker)), marker)
