"""Small helpers that several kinds share: quoting text, keys for comparison, line removal."""

from __future__ import annotations

from linter.document import Document, Span
from linter.findings import Edit
from linter.lazypatterns import lazy

_MARKUP = lazy(globals(), "_MARKUP", r"[*_`#>\[\]]+|\]\([^)]*\)")
_NON_WORD = lazy(globals(), "_NON_WORD", r"[^\w%$€£]+")


def quote(text: str, limit: int = 60) -> str:
    """Text for a message: one line, shortened with an ellipsis past ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


#: For ASCII text, the same reduction as the two patterns above as one byte table: letters and
#: digits, ``%`` and ``$`` stay, every other byte becomes a space (several times faster).
_ASCII_KEEP = bytes(
    c if c < 128 and (chr(c).isalnum() or chr(c) in "%$") else 32 for c in range(256)
)


def compare_key(text: str) -> str:
    """Text reduced for comparing two blocks: no case, markup, punctuation or spacing."""
    if text.isascii():
        return " ".join(text.encode("ascii").translate(_ASCII_KEEP).decode("ascii").lower().split())
    return " ".join(_NON_WORD.sub(" ", _MARKUP.sub(" ", text)).casefold().split())


def block_keys(doc: Document) -> tuple[str, ...]:
    """:func:`compare_key` of every block's text ("" for blocks without text), once per
    document: the rules that compare blocks share them."""
    return doc.memo(
        "compare-keys",
        lambda d: tuple(compare_key(b.text) if b.has_text else "" for b in d.blocks),
    )


def remove_lines(doc: Document, span: Span) -> Edit:
    """An edit deleting the whole lines ``span`` touches, with the newline that ends them."""
    text = doc.text
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", max(span.end, span.start + 1) - 1)
    if end == -1:
        # The last line has no newline: take the newline before it instead, if there is one.
        end = len(text)
        if start > 0:
            start -= 1
    else:
        end += 1
    return Edit(Span(start, end), "")
