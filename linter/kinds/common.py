"""Small helpers that several kinds share: quoting text, keys for comparison, line removal."""

from __future__ import annotations

import re

from linter.document import Document, Span
from linter.findings import Edit

_MARKUP = re.compile(r"[*_`#>\[\]]+|\]\([^)]*\)")
_NON_WORD = re.compile(r"[^\w%$€£]+")


def quote(text: str, limit: int = 60) -> str:
    """Text for a message: one line, shortened with an ellipsis past ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def compare_key(text: str) -> str:
    """Text reduced for comparing two blocks: no case, markup, punctuation or spacing."""
    return " ".join(_NON_WORD.sub(" ", _MARKUP.sub(" ", text)).casefold().split())


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
