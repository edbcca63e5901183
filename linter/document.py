"""The article model: one normalised text, and blocks and roles that point into it by offset.

Both parsers produce a :class:`Document`. Everything in it is located by character offsets into
``Document.text``; lines and columns are derived only when a finding is reported.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into a document's text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    THEMATIC_BREAK = "thematic-break"
    CODE = "code"
    FRONT_MATTER = "front-matter"
    HTML_COMMENT = "html-comment"
    HTML = "html"
    BLANK = "blank"


class HeadingStyle(StrEnum):
    ATX = "atx"  # "## Heading"
    SETEXT = "setext"  # "Heading" over "---" or "==="
    BOLD = "bold"  # a paragraph that is nothing but "**Heading**"
    INFERRED = "inferred"  # a plain-text line whose shape makes it a heading


class Role(StrEnum):
    FRONT_MATTER = "front-matter"
    TITLE = "title"
    DATELINE = "dateline"
    HIGHLIGHTS = "highlights"
    BODY = "body"


#: Blocks whose text is article wording (as opposed to markup, code or metadata).
TEXT_KINDS = frozenset({BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM})


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the article.

    ``span`` covers the block's source lines (markers included, final newline excluded);
    ``text_span`` covers its content: a heading's words without ``#`` or ``**``, a list item's
    text after the marker (empty for an empty bullet), a paragraph's text.
    """

    kind: BlockKind
    span: Span
    text_span: Span
    text: str
    role: Role = Role.BODY
    #: Heading level (1-6; bold-only and inferred headings are ranked by the parser), or a
    #: list item's nesting depth (1 = top level); 0 for other blocks.
    level: int = 0
    #: Heading style for headings; the marker (``-``, ``*``, ``•``, ``1.``) for list items;
    #: the fence for code; empty otherwise.
    style: str = ""
    #: Whether the block sits inside a block quote.
    quoted: bool = False

    @property
    def is_heading(self) -> bool:
        return self.kind is BlockKind.HEADING

    @property
    def has_text(self) -> bool:
        return self.kind in TEXT_KINDS and bool(self.text.strip())


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the blocks under it, up to the next heading of the same or higher rank."""

    heading: int  # index of the heading block
    end: int  # index one past the last block of the section
    level: int


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """How the file was written before normalisation, so a fix can write it back the same way."""

    bom: bool = False
    newline: str = "\n"  # "\n", "\r\n", "\r" or "mixed"
    final_newline: bool = True
    encoding: str = "utf-8"


_URL = re.compile(r"(?:https?://|www\.)\S+|<[^>\s]+@[^>\s]+>")
_INLINE_CODE = re.compile(r"`+[^`\n]*`+")


#: The front matter error of a block that would be front matter but does not start the file.
FRONT_MATTER_MISPLACED = "not at the top of the file"


@dataclass(frozen=True)
class Document:
    """A parsed article: normalised text, blocks in order, their roles, and position helpers."""

    path: str
    format: str  # "text" or "markdown"
    text: str
    blocks: tuple[Block, ...]
    source: SourceInfo = field(default_factory=SourceInfo)
    front_matter: dict[str, Any] | None = None
    #: Why the front matter could not be read, with its span, if it could not; or
    #: :data:`FRONT_MATTER_MISPLACED` for a block of keys and values under other text.
    front_matter_error: tuple[str, Span] | None = None

    # -- positions ---------------------------------------------------------------------------

    @cached_property
    def line_starts(self) -> tuple[int, ...]:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return tuple(starts)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an offset."""
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def line_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset) - 1 + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its newline."""
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[start:end]

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    # -- roles ---------------------------------------------------------------------------------

    @cached_property
    def title(self) -> Block | None:
        return next((b for b in self.blocks if b.role is Role.TITLE), None)

    @cached_property
    def dateline(self) -> Block | None:
        return next((b for b in self.blocks if b.role is Role.DATELINE), None)

    @cached_property
    def highlights(self) -> tuple[Block, ...]:
        """The highlights section's blocks (its heading, if any, and its items)."""
        return tuple(b for b in self.blocks if b.role is Role.HIGHLIGHTS)

    @cached_property
    def body(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.role is Role.BODY)

    @cached_property
    def content_blocks(self) -> tuple[int, ...]:
        """Indices of blocks that carry article text."""
        return tuple(i for i, b in enumerate(self.blocks) if b.has_text)

    # -- sections ------------------------------------------------------------------------------

    @cached_property
    def sections(self) -> tuple[Section, ...]:
        ends: dict[int, int] = {}
        open_headings: list[int] = []  # a stack of heading indices, ranks strictly rising
        for i, block in enumerate(self.blocks):
            if not block.is_heading:
                continue
            while open_headings and self.blocks[open_headings[-1]].level >= block.level:
                ends[open_headings.pop()] = i
            open_headings.append(i)
        for i in open_headings:
            ends[i] = len(self.blocks)
        return tuple(
            Section(heading=i, end=ends[i], level=self.blocks[i].level) for i in sorted(ends)
        )

    # -- prose -----------------------------------------------------------------------------------

    def prose(self) -> Iterator[Span]:
        """Text runs that rules about wording may read: no code, URLs, front matter or markup."""
        return iter(self.prose_spans)

    @cached_property
    def prose_spans(self) -> tuple[Span, ...]:
        """The runs :meth:`prose` yields, computed once: several rules read them."""
        text = self.text
        text_blocks = [b for b in self.blocks if b.kind in TEXT_KINDS and b.text]
        markdown = self.format == "markdown"
        # Every URL needs "://", "www." or "@", and inline code a backtick: without them in the
        # whole text, no block has a hole and each block's text is one run.
        no_url = "://" not in text and "www." not in text and "@" not in text
        if no_url and (not markdown or "`" not in text):
            return tuple(b.text_span for b in text_blocks if b.text_span.end > b.text_span.start)
        runs: list[Span] = []
        for block in text_blocks:
            start, end = block.text_span.start, block.text_span.end
            cut = start
            chunk = text[start:end]
            holes = [m.span() for m in _URL.finditer(chunk)]
            if markdown:
                holes += [m.span() for m in _INLINE_CODE.finditer(chunk)]
                holes.sort()
            for hole_start, hole_end in holes:
                if start + hole_start > cut:
                    runs.append(Span(cut, start + hole_start))
                cut = max(cut, start + hole_end)
            if cut < end:
                runs.append(Span(cut, end))
        return tuple(runs)

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def memo(self, key: str, factory: Callable[[Document], T]) -> T:
        """A value derived from this document, computed once and shared by every rule.

        Kinds keep no state between files; analyses that several rules read (figures, block
        keys) are kept here, with the document they describe.
        """
        cache = self.__dict__.setdefault("_memo", {})
        if key not in cache:
            cache[key] = factory(self)
        return cache[key]  # type: ignore[no-any-return]
