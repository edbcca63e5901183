"""empty-section: a heading with nothing under it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from linter.document import Block, BlockKind, Document, HeadingStyle, Role
from linter.findings import Finding
from linter.kinds.base import Kind
from linter.kinds.common import quote

_NOT_CONTENT = (BlockKind.BLANK, BlockKind.HTML_COMMENT, BlockKind.THEMATIC_BREAK)


@dataclass(frozen=True)
class EmptySectionOptions:
    """Options of an ``empty-section`` rule."""

    #: Check headings inferred from plain-text line shapes. Their rank is a guess, so they
    #: are only reported when a thematic break, an empty bullet or the end of the file follows.
    inferred: bool = True


def _has_content(block: Block) -> bool:
    if block.kind in _NOT_CONTENT:
        return False
    if block.kind is BlockKind.LIST_ITEM:
        return bool(block.text.strip())
    return not block.is_heading


class EmptySection(Kind):
    name = "empty-section"
    options_type = EmptySectionOptions
    fields = {"heading": "the heading's text, shortened to one line"}
    description = (
        "Finds headings with no text under them before the next heading of the same or "
        "higher rank. A sub-heading with text counts as content of the heading above it."
    )

    def check(self, doc: Document, options: EmptySectionOptions) -> Iterator[Finding]:
        blocks = doc.blocks
        for section in doc.sections:
            heading = blocks[section.heading]
            if heading.role in (Role.TITLE, Role.FRONT_MATTER) or heading.quoted:
                continue
            inner = blocks[section.heading + 1 : section.end]
            if heading.style == HeadingStyle.INFERRED:
                if not options.inferred:
                    continue
                follower = next((b for b in inner if b.kind is not BlockKind.BLANK), None)
                # Plain text has no ranks: another heading line may be a sub-heading. Only a
                # separator or the end of the file shows the heading introduces nothing.
                ends = (
                    follower is None
                    or follower.kind is BlockKind.THEMATIC_BREAK
                    or (follower.kind is BlockKind.LIST_ITEM and not follower.text.strip())
                )
                if section.end < len(blocks) and follower is None:
                    follower = blocks[section.end]
                    ends = follower.kind is BlockKind.THEMATIC_BREAK
                if not ends:
                    continue
            elif any(_has_content(b) for b in inner):
                continue
            yield Finding(heading.span, {"heading": quote(heading.text)})
