"""Where quotations are open in an article's lines: what a rule that lets quoted words through
(``existence``'s ``skip-quoted``) asks."""

from __future__ import annotations

from bisect import bisect_right

import regex

from linter.document import Document


class Quotations:
    """Where quotations are open in a document's lines, each line read once, when asked."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        #: Per line start: where its quotation marks are, and whether one is open after each
        #: (one mark before the line, open, for a block quote).
        self._lines: dict[int, tuple[list[int], list[bool]]] = {}

    def inside(self, at: int) -> bool:
        """Whether ``at`` stands inside a quotation opened earlier on its line, or in a block
        quote."""
        starts = self.doc.line_starts
        line_start = starts[bisect_right(starts, at) - 1]
        marks = self._lines.get(line_start)
        if marks is None:
            marks = self._lines[line_start] = _quotation_marks(self.doc.text, line_start)
        positions, open_after = marks
        k = bisect_right(positions, at - 1)
        return k > 0 and open_after[k - 1]


def _quotation_marks(text: str, start: int) -> tuple[list[int], list[bool]]:
    """Where the quotation marks of the line at ``start`` are, and whether a quotation is open
    after each.

    Straight double quotes open and close in turn, but for inch marks (12" screens); “ opens
    and ” closes. A single quote (' or ‘) opens after a space or an opening bracket or quote
    and before a word, when one that may close it follows; one (' or ’) closes after a word
    and before a space or punctuation. So the apostrophes of "don't", "it’s", "'98" and "'em"
    do neither. A line that opens with ``>`` is a block quote: quoted whole.
    """
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    if _BLOCK_QUOTE.match(text, start, end):
        return [start - 1], [True]
    positions: list[int] = []
    open_after: list[bool] = []
    marks = [
        (
            m.start(),
            m.group(),
            _opens(text, m.start(), start, end),
            _closes(text, m.start(), start, end),
        )
        for m in _QUOTATION_MARK.finditer(text, start, end)
    ]
    inches = _inch_marks([(at, o, c) for at, mark, o, c in marks if mark == '"'], text, start)
    # A single quote opens only with one after it that may close it: "'90s", "'til".
    last_closer = max((at for at, mark, _, c in marks if mark in "'’" and c), default=-1)
    straight = curly = single = False
    for at, mark, opens, closes in marks:
        if mark == '"':
            if at not in inches:
                straight = not straight
        elif mark in "“”":
            curly = mark == "“"
        elif not single and mark != "’" and opens and at < last_closer:
            single = True
        elif single and mark != "‘" and closes:
            single = False
        else:
            continue  # an apostrophe
        positions.append(at)
        open_after.append(straight or curly or single)
    return positions, open_after


def _opens(text: str, at: int, start: int, end: int) -> bool:
    """Whether the quotation mark at ``at`` may open a quotation: after the line's start, a
    space, an opening bracket or quotation mark or a dash, and before a letter or digit."""
    before = text[at - 1] if at > start else " "
    if before not in _OPENS_BEFORE or at + 1 >= end or not text[at + 1].isalnum():
        return False
    # A single quote before a year or a short word it stands for ('98, ‘90s, 'em, 'til) is an
    # apostrophe, not a quotation mark.
    return text[at] == '"' or _ELISION.match(text, at + 1, end) is None


def _closes(text: str, at: int, start: int, end: int) -> bool:
    """Whether the quotation mark at ``at`` may close a quotation: after no space (and not at
    the line's start), and before a space, punctuation or the line's end."""
    if at == start or text[at - 1].isspace():
        return False
    return at + 1 >= end or not text[at + 1].isalnum()


def _inch_marks(straight: list[tuple[int, bool, bool]], text: str, start: int) -> set[int]:
    """Which of a line's straight quotes (place, may open, may close) are inch marks: those
    right after a figure (12" screens, 2½" pipes), when the line's straight quotes do not pair
    up and the others do, each of those opening and closing in turn where it may."""
    after_figure = {at for at, _, _ in straight if at > start and text[at - 1].isnumeric()}
    if len(straight) % 2 == 0 or not after_figure:
        return set()
    others = [(o, c) for at, o, c in straight if at not in after_figure]
    if len(others) % 2 or not all(c if k % 2 else o for k, (o, c) in enumerate(others)):
        return set()
    return after_figure


_QUOTATION_MARK = regex.compile("[\"“”'‘’]")
_BLOCK_QUOTE = regex.compile(r"[ \t]{0,3}>")
_ELISION = regex.compile(r"(?i:\d\d(?:s|\b)|(?:em|til|tis|twas|cause|bout|round|n)\b)")
#: What a single quote that opens a quotation may follow: the line's start, a space, an
#: opening bracket or quotation mark, a dash.
_OPENS_BEFORE = frozenset(' \t\u00a0([{"“—–-')
