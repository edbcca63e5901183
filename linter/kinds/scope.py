"""Where a wording rule looks: the text runs of an article that a ``scope`` option names."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import Literal

from linter.document import BlockKind, Document, Role, Span

#: The parts of an article a wording rule can be limited to.
ScopeName = Literal["prose", "headings", "title", "dateline", "highlights", "body", "front-matter"]


def _wanted(kind: BlockKind, role: Role, scopes: frozenset[str]) -> bool:
    if "prose" in scopes:
        return True
    if "headings" in scopes and kind is BlockKind.HEADING:
        return True
    return role.value in scopes


def prose_by_block(doc: Document) -> Iterator[tuple[int, Span]]:
    """(block index, prose run) for every prose run of the document, in order."""
    blocks = doc.blocks
    starts = [b.text_span.start for b in blocks]
    for span in doc.prose():
        index = bisect_right(starts, span.start) - 1
        # A prose run lies inside its block's text span; the latest block starting at or
        # before it is that block (blocks never nest).
        while index > 0 and not blocks[index].text_span.contains(span):
            index -= 1
        yield index, span


def scope_spans(doc: Document, scopes: tuple[str, ...]) -> Iterator[Span]:
    """Text runs in the given scopes, in document order.

    Every scope but ``front-matter`` reads prose only (no code, URLs or markup, see
    :meth:`Document.prose`); ``front-matter`` reads the front matter block as written.
    """
    wanted = frozenset(scopes)
    for index, span in prose_by_block(doc):
        block = doc.blocks[index]
        if _wanted(block.kind, block.role, wanted):
            yield span
    if "front-matter" in wanted:
        for block in doc.blocks:
            if block.kind is BlockKind.FRONT_MATTER:
                yield block.span
