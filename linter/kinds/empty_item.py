"""empty-item: a list marker with nothing after it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from linter.document import BlockKind, Document, Role, Span
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


class EmptyItem(Kind):
    name = "empty-item"
    options_type = EmptyItemOptions
    fields = {"marker": "the list marker, such as '-'"}
    description = (
        "Finds list items whose marker has no text after it, in plain text (a line that is "
        "only '-', '*' or '•') and in Markdown (an empty list item)."
    )

    def check(self, doc: Document, options: EmptyItemOptions) -> Iterator[Finding]:
        for block in doc.blocks:
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
            span = Span(start, start + len(marker))
            fix = Fix(
                (remove_lines(doc, block.span),), safe=True, description="Remove the empty bullet"
            )
            yield Finding(span, {"marker": marker}, fix=fix)
