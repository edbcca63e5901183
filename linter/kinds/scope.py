"""Where a wording rule looks: the text runs of an article that a ``scope`` option names."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import Literal

from linter.document import BlockKind, Document, Role, Span
from linter.patterns import SpanSet

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
    return iter(doc.memo("prose-by-block", _prose_by_block))


def _prose_by_block(doc: Document) -> tuple[tuple[int, Span], ...]:
    blocks = doc.blocks
    starts = [b.text_span.start for b in blocks]
    out = []
    for span in doc.prose_spans:
        index = bisect_right(starts, span.start) - 1
        # A prose run lies inside its block's text span; the latest block starting at or
        # before it is that block (blocks never nest).
        while index > 0 and not blocks[index].text_span.contains(span):
            index -= 1
        out.append((index, span))
    return tuple(out)


def _scope_spans(doc: Document, wanted: frozenset[str]) -> tuple[Span, ...]:
    out = []
    for index, span in prose_by_block(doc):
        block = doc.blocks[index]
        if _wanted(block.kind, block.role, wanted):
            out.append(span)
    if "front-matter" in wanted:
        for block in doc.blocks:
            if block.kind is BlockKind.FRONT_MATTER:
                out.append(block.span)
    return tuple(out)


def scope_spans(doc: Document, scopes: tuple[str, ...]) -> Iterator[Span]:
    """Text runs in the given scopes, in document order.

    Every scope but ``front-matter`` reads prose only (no code, URLs or markup, see
    :meth:`Document.prose`); ``front-matter`` reads the front matter block as written.
    """
    wanted = frozenset(scopes)
    # Rules of one rulebook share a few scopes: each is worked out once per document.
    key = "scope:" + ",".join(sorted(wanted))
    return iter(doc.memo(key, lambda d: _scope_spans(d, wanted)))


def scope_span_set(doc: Document, scopes: tuple[str, ...]) -> SpanSet:
    """:func:`scope_spans` sorted for searches limited to them, worked out once per document."""
    key = "scope-set:" + ",".join(sorted(frozenset(scopes)))
    return doc.memo(key, lambda d: SpanSet.of(scope_spans(d, scopes)))
