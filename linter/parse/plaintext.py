"""Plain-text articles: structure inferred from the shape of each line.

- ``-``, ``*`` and ``•`` (and ``1.``) start bullets; a marker alone is an empty bullet;
- three or more ``-``, ``*``, ``_`` or ``=`` alone on a line are a thematic break;
- a short line without final sentence punctuation that introduces following text is a heading;
- other lines are paragraphs; a long line that stops mid-sentence continues onto the next
  (hard-wrapped text), so wrapped paragraphs stay one block.
"""

from __future__ import annotations

from linter.document import Block, BlockKind, HeadingStyle, Span
from linter.lazypatterns import lazy

_BULLET = lazy(
    globals(), "_BULLET", r"^([ \t]*)(?:([-*•‣◦▪])|(\d{1,3}[.)]))(?:[ \t]+|$)|^([ \t]*)(•)(?=\S)"
)
_BREAK = lazy(globals(), "_BREAK", r"^[ \t]*([-*_=])(?:[ \t]*\1){2,}[ \t]*$")
_SENTENCE_END = (".", "!", "?", ";", ",", "…", '"', "”", "'", "’", ")", "]")
_WRAP_MIN = 40  # a line shorter than this ended its paragraph, whatever follows
_WRAP_MAX = 100  # a file whose lines all fit in this width may be hard-wrapped

#: Most words a heading line may have.
HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 100


def looks_like_heading(line: str) -> bool:
    """A short line without final sentence punctuation, starting like a title."""
    stripped = line.strip()
    if not stripped or len(stripped) > HEADING_MAX_CHARS:
        return False
    if len(stripped.split()) > HEADING_MAX_WORDS or stripped.endswith(_SENTENCE_END):
        return False
    first = next((c for c in stripped if c.isalnum()), "")
    return bool(first) and not first.islower()


def parse_lines(text: str) -> list[Block]:
    """Blocks of a plain-text article, roles not yet assigned."""
    blocks: list[Block] = []
    if not text:
        return blocks
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()  # the final newline ends the last line; it does not start another
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1

    wrap_width = _wrap_width(lines)
    # pending paragraph: [start_line, end_line] (inclusive)
    para: list[int] | None = None
    para_kind = BlockKind.PARAGRAPH
    item: Block | None = None

    def line_span(first: int, last: int) -> Span:
        return Span(offsets[first], offsets[last] + len(lines[last]))

    def flush() -> None:
        nonlocal para, item
        if item is not None:
            blocks.append(item)
            item = None
        if para is not None:
            first, last = para
            span = line_span(first, last)
            lead = len(lines[first]) - len(lines[first].lstrip())
            tspan = Span(span.start + lead, offsets[last] + len(lines[last].rstrip()))
            blocks.append(Block(para_kind, span, tspan, text[tspan.start : tspan.end]))
            para = None

    blank_start: int | None = None
    for n, line in enumerate(lines):
        if not line.strip():
            flush()
            if blank_start is None:
                blank_start = n
            continue
        if blank_start is not None:
            span = line_span(blank_start, n - 1)
            blocks.append(Block(BlockKind.BLANK, span, span, ""))
            blank_start = None

        if _BREAK.match(line) and line.strip() not in ("-", "*"):
            flush()
            span = line_span(n, n)
            blocks.append(Block(BlockKind.THEMATIC_BREAK, span, span, ""))
            continue
        m = _BULLET.match(line)
        if m:
            flush()
            marker = m.group(2) or m.group(3) or m.group(5)
            indent = len(m.group(1) if m.group(1) is not None else m.group(4))
            start = offsets[n] + m.end()
            end = offsets[n] + len(line.rstrip())
            end = max(end, start)
            span = line_span(n, n)
            item = Block(
                BlockKind.LIST_ITEM,
                span,
                Span(start, end),
                text[start:end],
                level=1 + indent // 2,
                style=marker,
            )
            continue
        if item is not None and line[:1] in (" ", "\t") and item.text:
            # An indented line under a bullet continues the bullet's text.
            span = Span(item.span.start, offsets[n] + len(line))
            tspan = Span(item.text_span.start, offsets[n] + len(line.rstrip()))
            item = Block(
                BlockKind.LIST_ITEM,
                span,
                tspan,
                text[tspan.start : tspan.end],
                level=item.level,
                style=item.style,
            )
            continue
        if para is not None and _continues(lines[para[1]].rstrip(), line, wrap_width):
            para[1] = n
            continue
        flush()
        para = [n, n]
    flush()
    if blank_start is not None:
        span = line_span(blank_start, len(lines) - 1)
        blocks.append(Block(BlockKind.BLANK, span, span, ""))
    return _infer_headings(blocks)


def _wrap_width(lines: list[str]) -> int:
    """The width a hard-wrapped file was wrapped at, or 0 if it does not look wrapped."""
    widest = 0
    stops = 0
    for line in lines:
        size = len(line.rstrip())
        widest = max(widest, size)
        if widest > _WRAP_MAX:
            return 0
        if size >= 50 and not line.rstrip().endswith(_SENTENCE_END):
            stops += 1
    return widest if stops >= 2 else 0


def _continues(previous: str, line: str, wrap_width: int) -> bool:
    """Whether ``line`` carries on the paragraph that ``previous`` ended mid-sentence."""
    if not previous or previous.endswith((*_SENTENCE_END, ":")):
        return False
    first = line.lstrip()[:1]
    if first.islower() and len(previous) >= _WRAP_MIN:
        return True
    # A wrapped line fills most of the width; a title or a label stops well short of it.
    return wrap_width > 0 and len(previous) >= wrap_width * 3 // 4


def _infer_headings(blocks: list[Block]) -> list[Block]:
    """Turn one-line paragraphs shaped like headings into inferred headings."""
    out = list(blocks)
    # The index of the next block that carries text, for "introduces following text".
    next_text = [-1] * len(out)
    following = -1
    for i in range(len(out) - 1, -1, -1):
        next_text[i] = following
        if out[i].kind is not BlockKind.BLANK:
            following = i
    for i, block in enumerate(out):
        if block.kind is not BlockKind.PARAGRAPH or "\n" in block.text:
            continue
        if next_text[i] == -1 or not looks_like_heading(block.text):
            continue
        out[i] = Block(
            BlockKind.HEADING,
            block.span,
            block.text_span,
            block.text,
            level=2,
            style=HeadingStyle.INFERRED,
        )
    return out
