"""Give blocks their roles: title, dateline, highlights, body. Shared by both parsers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from linter.document import Block, BlockKind, HeadingStyle, Role
from linter.lazypatterns import lazy

#: Section names that introduce an article's highlights (matched without case or punctuation).
DEFAULT_HIGHLIGHTS_HEADINGS = (
    "highlights",
    "key points",
    "key takeaways",
    "takeaways",
    "at a glance",
    "in brief",
    "summary",
    "tl;dr",
    "tldr",
    "what we know",
    "key facts",
)

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
_DATELINE = lazy(
    globals(),
    "_DATELINE",
    rf"^(?:(?:first\s+)?published|updated|last\s+updated|posted|filed|dated?)\b"
    rf"|^by\s+\S"
    rf"|^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?{_DATE}\b",
    re.IGNORECASE,
)
_LABEL_CHARS = lazy(globals(), "_LABEL_CHARS", r"[\s*_#:.\-–—]+")


@dataclass(frozen=True)
class ArticleOptions:
    """How to recognise the parts of an article."""

    highlights_headings: tuple[str, ...] = DEFAULT_HIGHLIGHTS_HEADINGS


def label_key(text: str) -> str:
    """A heading's text reduced for comparison: no case, markup or edge punctuation."""
    return _LABEL_CHARS.sub(" ", text).strip().casefold()


def is_dateline(text: str) -> bool:
    return len(text) <= 160 and "\n" not in text.strip() and bool(_DATELINE.match(text.strip()))


def _is_title_shaped(block: Block) -> bool:
    if block.kind is BlockKind.HEADING:
        return True
    if block.kind is not BlockKind.PARAGRAPH:
        return False
    text = block.text.strip()
    return (
        "\n" not in text
        and len(text.split()) <= 25
        and not text.endswith((".", "!", "?", ":", ";", ","))
    )


def _introduces_title(out: list[Block], text_indices: list[int]) -> bool:
    """Whether the first text block is one line ending with a colon that introduces the
    title after it: a level-1 heading (Markdown) after a paragraph, or a title-shaped line
    with a dateline right after it. A byline, a date or a section heading after such a line
    is no title ("From our correspondent in Lisbon:" then a name)."""
    if len(text_indices) < 2:
        return False
    first, second = out[text_indices[0]], out[text_indices[1]]
    text = first.text.strip()
    if not text.endswith(":") or "\n" in text or first.kind is BlockKind.LIST_ITEM:
        return False
    if not _is_title_shaped(second):
        return False
    if (
        first.kind is BlockKind.PARAGRAPH
        and second.kind is BlockKind.HEADING
        and second.style != HeadingStyle.INFERRED
        and second.level == 1
    ):
        return True
    return (
        len(text_indices) > 2
        and out[text_indices[2]].kind is not BlockKind.LIST_ITEM
        and is_dateline(out[text_indices[2]].text)
    )


def assign_roles(blocks: Sequence[Block], options: ArticleOptions) -> list[Block]:
    """Return the blocks with roles set; inferred headings that are datelines become text."""
    out = list(blocks)
    text_indices = [i for i, b in enumerate(out) if b.has_text and not b.quoted]
    cursor = 0  # position in text_indices of the next block to consider

    for i, b in enumerate(out):
        if b.kind is BlockKind.FRONT_MATTER:
            out[i] = replace(b, role=Role.FRONT_MATTER)

    # Title: the first text block, if it is shaped like one. A first line that ends with a
    # colon and introduces what follows ("Here is the rewritten article:") is passed over
    # when what follows is plainly a title: a level-1 heading after a paragraph, or a line
    # with a dateline under it.
    if _introduces_title(out, text_indices):
        cursor = 1
    if cursor < len(text_indices) and _is_title_shaped(out[text_indices[cursor]]):
        i = text_indices[cursor]
        block = out[i]
        if block.kind is BlockKind.HEADING and block.style == HeadingStyle.INFERRED:
            block = replace(block, level=1)
        out[i] = replace(block, role=Role.TITLE)
        cursor += 1

    # Dateline: up to two short lines after the title (a byline and a date).
    for _ in range(2):
        if cursor < len(text_indices):
            i = text_indices[cursor]
            block = out[i]
            if block.kind is not BlockKind.LIST_ITEM and is_dateline(block.text):
                if block.kind is BlockKind.HEADING and block.style == HeadingStyle.INFERRED:
                    block = replace(block, kind=BlockKind.PARAGRAPH, level=0, style="")
                out[i] = replace(block, role=Role.DATELINE)
                cursor += 1

    # Highlights: a section with a highlights name, or a list straight after title/dateline.
    names = {label_key(n) for n in options.highlights_headings}
    start = None
    for pos in range(cursor, len(text_indices)):
        i = text_indices[pos]
        if out[i].is_heading and label_key(out[i].text) in names:
            start = i
            break
    if start is None and cursor < len(text_indices):
        first = text_indices[cursor]
        if out[first].kind is BlockKind.LIST_ITEM:
            start = first
    if start is not None:
        _mark_highlights(out, start)
    return out


def _mark_highlights(out: list[Block], start: int) -> None:
    """Mark the highlights heading (if any) and the list that follows it."""
    i = start
    if out[i].is_heading:
        out[i] = replace(out[i], role=Role.HIGHLIGHTS)
        i += 1
    seen_item = False
    while i < len(out):
        block = out[i]
        if block.kind is BlockKind.LIST_ITEM:
            out[i] = replace(block, role=Role.HIGHLIGHTS)
            seen_item = True
        elif block.kind is BlockKind.BLANK or block.kind is BlockKind.HTML_COMMENT:
            pass
        elif block.kind is BlockKind.PARAGRAPH and block.quoted is False and not seen_item:
            # A summary written as a paragraph straight under the heading.
            out[i] = replace(block, role=Role.HIGHLIGHTS)
            seen_item = True
            if i + 1 < len(out) and out[i + 1].kind is not BlockKind.LIST_ITEM:
                break
        else:
            break
        i += 1
