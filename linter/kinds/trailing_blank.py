"""trailing-blank: blank lines after the last line of text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from linter.document import Document, Span
from linter.findings import Edit, Finding, Fix
from linter.kinds.base import Kind
from linter.options import option


@dataclass(frozen=True)
class TrailingBlankOptions:
    """Options of a ``trailing-blank`` rule."""

    allowed: int = option(
        0,
        "Blank lines allowed at the end (0: the file ends with its last line's newline).",
        minimum=0,
    )


class TrailingBlank(Kind):
    name = "trailing-blank"
    options_type = TrailingBlankOptions
    fields = {
        "count": "how many blank lines there are",
        "lines": "'line' or 'lines', to agree with the count",
    }
    description = (
        "Finds blank (empty or whitespace-only) lines at the end of the file, after its last "
        "line of text. The fix removes them and keeps one final newline."
    )

    def check(self, doc: Document, options: TrailingBlankOptions) -> Iterator[Finding]:
        text = doc.text
        body_end = len(text.rstrip())
        if body_end == 0:
            return  # an empty or all-blank file is not "trailing" anything
        newline = text.find("\n", body_end)
        if newline == -1:
            return
        start = newline + 1  # the first blank line
        tail = text[start:]
        if not tail:
            return
        count = tail.count("\n") + (0 if tail.endswith("\n") else 1)
        if count <= options.allowed:
            return
        span = Span(start, len(text))
        fix = Fix((Edit(span, ""),), safe=True, description="Remove the trailing blank lines")
        yield Finding(span, {"count": count, "lines": "line" if count == 1 else "lines"}, fix=fix)
