"""Markdown articles: CommonMark via markdown-it-py, plus YAML front matter.

markdown-it gives each block its source lines; this module turns them into character spans
and the shared block model. A list item becomes one block for its marker and first paragraph;
anything nested under it (more paragraphs, sub-lists) follows as blocks of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from markdown_it import MarkdownIt

from linter.document import FRONT_MATTER_MISPLACED, Block, BlockKind, HeadingStyle, Span
from linter.yamlsource import YamlError, load_yaml

_md = MarkdownIt("commonmark")
# Inline parsing is only needed to tell a bold-only label from a paragraph, and only for the
# few paragraphs that start and end with emphasis markers: run it on those alone.
_md.disable("inline")
_ATX_OPEN = re.compile(r"^[ \t]*#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"(?:[ \t]+#+)?[ \t]*$")
_QUOTE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*")
_FRONT_OPEN = "---"
_FRONT_CLOSE = ("---", "...")
#: Level given to a bold-only line used as a heading: below every explicit heading.
BOLD_HEADING_LEVEL = 6
#: Most lines of other text above a misplaced front matter block (an assistant's preamble).
MISPLACED_MAX_ABOVE = 2
_KEY_LINE = re.compile(r"([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]|$)")
#: Keys of which a misplaced block must hold one (with another key) to be taken for front
#: matter: a "Note: ..." line between two rules is text.
_FRONT_KEYS = frozenset(
    [
        "title",
        "date",
        "author",
        "authors",
        "tags",
        "categories",
        "layout",
        "slug",
        "description",
        "summary",
        "draft",
        "published",
        "updated",
        "lastmod",
        "byline",
        "headline",
    ]
)


class _Lines:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        i = text.find("\n")
        while i != -1:
            self.starts.append(i + 1)
            i = text.find("\n", i + 1)

    def start(self, line: int) -> int:
        return self.starts[line]

    def end(self, line: int) -> int:
        """Offset of the end of a 0-based line, newline excluded."""
        if line + 1 < len(self.starts):
            return self.starts[line + 1] - 1
        return len(self.text)

    def get(self, line: int) -> str:
        return self.text[self.start(line) : self.end(line)]

    def span(self, first: int, last: int) -> Span:
        """Span of 0-based lines first..last inclusive."""
        return Span(self.start(first), self.end(last))


def split_front_matter(text: str) -> tuple[int, int] | None:
    """0-based (first, last) lines of a YAML front matter block at the top, if any."""
    if not text.startswith(_FRONT_OPEN):
        return None
    first_line, _, rest = text.partition("\n")
    if first_line.rstrip() != _FRONT_OPEN:
        return None
    for n, line in enumerate(rest.split("\n"), start=1):
        if line.rstrip() in _FRONT_CLOSE:
            return (0, n)
    return None


def misplaced_front_matter(text: str) -> tuple[int, int] | None:
    """0-based (first, last) lines of a front matter block that does not start the file: a
    ``---`` line under at most :data:`MISPLACED_MAX_ABOVE` lines of other text (no heading),
    then ``key: value`` lines (and their indented or listed continuations) up to a closing
    ``---`` or ``...``, two keys at least, one of them a usual front matter key (``title``,
    ``date``, ...). Publishing systems read front matter only on the first line."""
    lines = text.split("\n", 64)[:64]
    above = 0
    first = -1
    for n, line in enumerate(lines[: MISPLACED_MAX_ABOVE + 8]):
        stripped = line.rstrip()
        if stripped == _FRONT_OPEN:
            first = n
            break
        if not stripped:
            continue
        if stripped.lstrip().startswith("#") or above == MISPLACED_MAX_ABOVE:
            return None
        above += 1
    if first <= 0:
        return None
    keys: list[str] = []
    for m in range(first + 1, len(lines)):
        line = lines[m]
        if line.rstrip() in _FRONT_CLOSE:
            known = any(k.lower() in _FRONT_KEYS for k in keys)
            return (first, m) if len(keys) >= 2 and known else None
        key = _KEY_LINE.match(line)
        if key is not None:
            keys.append(key.group(1))
        elif line.strip() and line[0] not in " \t-":
            return None
    return None


def parse_markdown(
    text: str, path: str
) -> tuple[list[Block], dict[str, Any] | None, tuple[str, Span] | None]:
    """Blocks (roles not yet assigned), front matter data, and a front matter error if any."""
    lines = _Lines(text)
    blocks: list[Block] = []
    front: dict[str, Any] | None = None
    front_error: tuple[str, Span] | None = None
    source = text
    fm = split_front_matter(text)
    misplaced = False
    if fm is None:
        fm = misplaced_front_matter(text)
        misplaced = fm is not None
    if fm is not None:
        first, last = fm
        span = lines.span(first, last)
        inner = (
            Span(lines.start(first + 1), lines.start(last))
            if last > first + 1
            else Span(span.end, span.end)
        )
        blocks.append(Block(BlockKind.FRONT_MATTER, span, inner, text[inner.start : inner.end]))
        try:
            data = load_yaml(text[inner.start : inner.end], path)
        except YamlError as exc:
            line_offset = lines.start(min(first + exc.line, last))
            front_error = (exc.reason, Span(line_offset, lines.end(min(first + exc.line, last))))
        else:
            if isinstance(data, dict):
                front = dict(data)
            elif data is not None:
                where = lines.span(first + 1, first + 1) if last > first + 1 else span
                front_error = ("a mapping of keys to values was expected", where)
        if misplaced:
            # Publishing systems do not read it, so neither do the rules; its lines are not
            # article text either.
            front = None
            front_error = (FRONT_MATTER_MISPLACED, lines.span(first, first))
        # Keep line numbers: hand markdown-it blank lines where the front matter was.
        source = (
            text[: lines.start(first)]
            + "\n" * (last - first + 1)
            + text[lines.start(last + 1) if last + 1 < len(lines.starts) else len(text) :]
        )

    tokens = _md.parse(source)
    _walk(tokens, text, lines, blocks)
    blocks.sort(key=lambda b: (b.span.start, b.span.end))
    return _add_blank_runs(blocks, text, lines), front, front_error


def _walk(tokens: list[Any], text: str, lines: _Lines, blocks: list[Block]) -> None:
    quote_depth = 0
    list_depth = 0
    # For each open list item: [marker, first line, whether its first paragraph was taken]
    items: list[list[Any]] = []
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        kind = tok.type
        if kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "list_item_open":
            marker = tok.markup if not tok.info else f"{tok.info}{tok.markup}"
            items.append([marker, tok.map[0], False])
            if i + 1 < n and tokens[i + 1].type == "list_item_close":
                # An empty item, or one nested past markdown-it's depth limit, whose content
                # it leaves unparsed: take the item's first line as its text.
                line = tok.map[0]
                span = Span(lines.start(line), lines.end(line))
                raw = lines.get(line)
                after = raw.find(marker) + len(marker) if marker in raw else len(raw)
                rest = raw[after:]
                start = lines.start(line) + after + len(rest) - len(rest.lstrip())
                end = start + len(rest.strip())
                blocks.append(
                    Block(
                        BlockKind.LIST_ITEM,
                        span,
                        Span(start, end),
                        text[start:end],
                        level=list_depth,
                        style=marker,
                        quoted=quote_depth > 0,
                    )
                )
        elif kind == "list_item_close":
            items.pop()
        elif kind == "heading_open":
            first, stop = tok.map
            span = lines.span(first, stop - 1)
            if tok.markup.startswith("#"):
                raw = lines.get(first)
                open_m = _ATX_OPEN.match(raw)
                body_start = open_m.end() if open_m else 0
                body = raw[body_start:]
                close_m = _ATX_CLOSE.search(body)
                body_end = body_start + (close_m.start() if close_m else len(body))
                tspan = Span(lines.start(first) + body_start, lines.start(first) + body_end)
                style = HeadingStyle.ATX
            else:
                tspan = _content_span(lines, first, stop - 2)
                style = HeadingStyle.SETEXT
            blocks.append(
                Block(
                    BlockKind.HEADING,
                    span,
                    tspan,
                    text[tspan.start : tspan.end],
                    level=int(tok.tag[1]),
                    style=style,
                    quoted=quote_depth > 0,
                )
            )
        elif kind == "paragraph_open":
            first, stop = tok.map
            inline = tokens[i + 1]
            if items and not items[-1][2] and items[-1][1] == first:
                marker = items[-1][0]
                items[-1][2] = True
                raw = lines.get(first)
                pos = raw.find(marker)
                after = pos + len(marker) if pos >= 0 else 0
                lead = len(raw[after:]) - len(raw[after:].lstrip())
                start = lines.start(first) + after + lead
                end = start + len(text[start : lines.end(stop - 1)].rstrip())
                blocks.append(
                    Block(
                        BlockKind.LIST_ITEM,
                        Span(lines.start(first), lines.end(stop - 1)),
                        Span(start, end),
                        text[start:end],
                        level=list_depth,
                        style=marker,
                        quoted=quote_depth > 0,
                    )
                )
            else:
                tspan = _content_span(lines, first, stop - 1)
                span = lines.span(first, stop - 1)
                bold = _bold_only(inline) and first == stop - 1
                if bold:
                    inner = text[tspan.start : tspan.end]
                    strip = len(inner) - len(inner.lstrip("*_"))
                    rstrip = len(inner) - len(inner.rstrip("*_"))
                    tspan = Span(tspan.start + strip, tspan.end - rstrip)
                    blocks.append(
                        Block(
                            BlockKind.HEADING,
                            span,
                            tspan,
                            text[tspan.start : tspan.end],
                            level=BOLD_HEADING_LEVEL,
                            style=HeadingStyle.BOLD,
                            quoted=quote_depth > 0,
                        )
                    )
                else:
                    blocks.append(
                        Block(
                            BlockKind.PARAGRAPH,
                            span,
                            tspan,
                            text[tspan.start : tspan.end],
                            quoted=quote_depth > 0,
                        )
                    )
        elif kind == "hr":
            span = lines.span(tok.map[0], tok.map[1] - 1)
            blocks.append(Block(BlockKind.THEMATIC_BREAK, span, span, ""))
        elif kind in ("fence", "code_block"):
            span = lines.span(tok.map[0], max(tok.map[0], tok.map[1] - 1))
            blocks.append(
                Block(
                    BlockKind.CODE,
                    span,
                    span,
                    text[span.start : span.end],
                    style=tok.markup,
                    quoted=quote_depth > 0,
                )
            )
        elif kind == "html_block":
            span = lines.span(tok.map[0], max(tok.map[0], tok.map[1] - 1))
            raw = text[span.start : span.end]
            is_comment = raw.lstrip().startswith("<!--")
            blocks.append(
                Block(
                    BlockKind.HTML_COMMENT if is_comment else BlockKind.HTML,
                    span,
                    span,
                    raw,
                    quoted=quote_depth > 0,
                )
            )
        i += 1


def _content_span(lines: _Lines, first: int, last: int) -> Span:
    """From the first non-space character after any quote markers to the last line's end."""
    raw = lines.get(first)
    lead = _QUOTE_PREFIX.match(raw)
    start = lines.start(first) + (lead.end() if lead else 0)
    end = lines.end(last)
    while end > start and lines.text[end - 1] in " \t":
        end -= 1
    return Span(start, max(start, end))


def _bold_only(inline: Any) -> bool:
    """Whether a paragraph is nothing but one strong span (``**Label**``)."""
    content = inline.content.strip()
    if content[:2] not in ("**", "__") or content[-2:] not in ("**", "__"):
        return False
    parsed: list[Any] = []
    _md.inline.parse(inline.content, _md, {}, parsed)
    children = [c for c in parsed if not (c.type == "text" and not c.content.strip())]
    return (
        len(children) >= 3
        and children[0].type == "strong_open"
        and children[-1].type == "strong_close"
        and all(c.type not in ("strong_open", "strong_close") for c in children[1:-1])
    )


def _add_blank_runs(blocks: list[Block], text: str, lines: _Lines) -> list[Block]:
    """Insert a BLANK block for each run of whitespace-only lines between blocks."""
    covered = bytearray(len(lines.starts))
    for b in blocks:
        first = _line_index(lines, b.span.start)
        last = _line_index(lines, b.span.end)
        for ln in range(first, last + 1):
            covered[ln] = 1
    count = len(lines.starts)
    if not text or text.endswith("\n"):
        count -= 1  # the empty string after the final newline is not a line
    out: list[Block] = []
    runs: list[Block] = []
    n = 0
    while n < count:
        if not covered[n] and not lines.get(n).strip():
            start = n
            while n + 1 < count and not covered[n + 1] and not lines.get(n + 1).strip():
                n += 1
            span = lines.span(start, n)
            runs.append(Block(BlockKind.BLANK, span, span, ""))
        n += 1
    # Merge two sorted lists.
    i = j = 0
    while i < len(blocks) or j < len(runs):
        if j >= len(runs) or (i < len(blocks) and blocks[i].span.start <= runs[j].span.start):
            out.append(blocks[i])
            i += 1
        else:
            out.append(runs[j])
            j += 1
    return out


def _line_index(lines: _Lines, offset: int) -> int:
    return bisect_right(lines.starts, offset) - 1
