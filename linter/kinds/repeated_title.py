"""repeated-title: the title line written again further down the article."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from linter.document import BlockKind, Document, Role, Span
from linter.findings import Finding, Fix, Related
from linter.kinds.base import Kind
from linter.kinds.common import block_keys, compare_key, quote, remove_lines
from linter.kinds.similarity import PAIR_NS, letter_bag, python_first, ratio_may_reach
from linter.options import option


@dataclass(frozen=True)
class RepeatedTitleOptions:
    """Options of a ``repeated-title`` rule."""

    similarity: int = option(
        95,
        "Similarity (0-100, rapidfuzz ratio) at which a line counts as the title; 100 = exact.",
        minimum=0,
        maximum=100,
    )
    front_matter_key: str = option(
        "title", "Use the front matter's ``title`` when the text has no title line."
    )


#: About what adding one character to a letter bag costs (see :func:`python_first`).
LETTER_NS = 100


class _Title:
    """The title's comparison key, and its letters for ruling lines out without rapidfuzz."""

    def __init__(self, key: str) -> None:
        self.key = key
        self._bits: dict[tuple[str, int], int] = {}
        self._bag = letter_bag(key, self._bits)

    def similar(self, other: str, similarity: int) -> bool:
        """Whether line key ``other`` reaches the title's ``similarity`` (rapidfuzz ratio)."""
        key = self.key
        if python_first(PAIR_NS + LETTER_NS * len(other)):
            # An article's lines are seldom that close to its title: rapidfuzz stays unimported.
            common = (letter_bag(other, self._bits) & self._bag).bit_count()
            if not ratio_may_reach(common, len(other), len(key), similarity):
                return False
        from rapidfuzz import fuzz  # imported by the runs that need it

        return bool(fuzz.ratio(other, key, score_cutoff=similarity))


def _quoted(text: str) -> bool:
    """Whether ``text`` opens with a quotation mark."""
    return text.lstrip()[:1] in _OPENING_QUOTES


_OPENING_QUOTES = frozenset("\"“‘'«„")


class RepeatedTitle(Kind):
    name = "repeated-title"
    options_type = RepeatedTitleOptions
    fields = {
        "title": "the title, shortened to one line",
        "first": "the title's line (or 'front matter')",
        "where": "where the title is, in words: 'title at line 1' or 'title in the front matter'",
    }
    description = (
        "Finds a heading or one-line paragraph that repeats the article's title (its first "
        "line, or the front matter's title). Comparison ignores case, markup and punctuation."
    )

    def check(self, doc: Document, options: RepeatedTitleOptions) -> Iterator[Finding]:
        title = doc.title
        title_text: str | None = title.text if title is not None else None
        first: Span | str = title.span if title is not None else "front matter"
        where = (
            f"title at line {doc.line_of(title.span.start)}"
            if title is not None
            else "title in the front matter"
        )
        if title_text is None and doc.front_matter:
            value = doc.front_matter.get(options.front_matter_key)
            title_text = value if isinstance(value, str) else None
        if not title_text:
            return
        key = compare_key(title_text)
        if not key:
            return
        keys = block_keys(doc)  # a block without text has the empty key, skipped below
        compared = _Title(key)
        # With the title in the front matter only, the first heading of the body, if of level
        # 1, is the article's own title line (a line before it kept it from being taken as
        # the title): showing it is no repeat, and removing it would lose the headline.
        own_title = None
        if title is None:
            first_heading = next((b for b in doc.blocks if b.is_heading), None)
            if first_heading is not None and first_heading.level == 1:
                own_title = first_heading
        for i, block in enumerate(doc.blocks):
            if block is title or block is own_title:
                continue
            if block.role in (Role.FRONT_MATTER, Role.DATELINE):
                continue
            if block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH) or "\n" in block.text:
                continue
            if block.quoted or (_quoted(block.text) and not _quoted(title_text)):
                continue  # a pull quote of the words a title quotes is no second headline
            other = keys[i]
            if not other or abs(len(other) - len(key)) > max(3, len(key) // 10):
                continue
            exact = other == key
            if not exact and (
                options.similarity >= 100 or not compared.similar(other, options.similarity)
            ):
                continue
            fix = Fix(
                (remove_lines(doc, block.span),),
                safe=exact,
                description="Remove the repeated title",
            )
            related = (Related(title.span, "title"),) if title is not None else ()
            yield Finding(
                block.span,
                {"title": quote(title_text), "first": first, "where": where},
                related=related,
                fix=fix,
            )
