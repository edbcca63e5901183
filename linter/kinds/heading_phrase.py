"""heading-phrase: headings, bold-only lines and ``Label:`` lines from a banned list."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from linter.document import Block, BlockKind, Document, Role
from linter.findings import Finding, Fix
from linter.kinds.base import Kind
from linter.kinds.common import quote, remove_lines
from linter.parse.roles import label_key

#: Phrases shorter than this match only exactly: a fuzzy "Output" would catch "Outputs".
FUZZY_MIN_CHARS = 8
LABEL_MAX_WORDS = 8


@dataclass(frozen=True, slots=True)
class HeadingPhraseOptions:
    #: The banned labels; matching ignores case, markup and trailing punctuation.
    phrases: tuple[str, ...] = ()
    #: More labels on top of ``phrases`` (for a config that extends the list).
    extra_phrases: tuple[str, ...] = ()
    #: Labels never to flag, even when close to a banned one.
    allow: tuple[str, ...] = ()
    #: Similarity (0-100, rapidfuzz ratio) at which a variant counts as the label; 100 = exact.
    similarity: int = 90
    #: Also check one-line paragraphs that end with a colon (``Label:``).
    label_lines: bool = True
    #: Check the title too (a title that is a template label is rare but possible).
    include_title: bool = False


def _candidate(block: Block, options: HeadingPhraseOptions) -> bool:
    if block.kind is BlockKind.HEADING:
        return True
    if not options.label_lines or block.kind is not BlockKind.PARAGRAPH:
        return False
    text = block.text.strip()
    return "\n" not in text and text.endswith(":") and len(text.split()) <= LABEL_MAX_WORDS


class HeadingPhrase(Kind):
    name = "heading-phrase"
    options_type = HeadingPhraseOptions
    fields = {
        "label": "the flagged text as written, shortened to one line",
        "phrase": "the listed phrase it matched",
    }
    description = (
        "Compares every heading (Markdown '#' and setext headings, bold-only lines, plain-text "
        "heading lines) and every one-line 'Label:' paragraph with a list of phrases. Matching "
        "ignores case, markup and edge punctuation, and tolerates small variants of longer "
        "phrases (rapidfuzz ratio at or above 'similarity')."
    )

    def check(self, doc: Document, options: HeadingPhraseOptions) -> Iterator[Finding]:
        from rapidfuzz import fuzz, process  # imported by the runs that use this kind

        phrases = {label_key(p): p for p in options.phrases + options.extra_phrases}
        phrases = {k: v for k, v in phrases.items() if k}
        allowed = {label_key(a) for a in options.allow}
        fuzzy_keys = [k for k in phrases if len(k) >= FUZZY_MIN_CHARS]
        for block in doc.blocks:
            if not _candidate(block, options) or block.quoted:
                continue
            if block.role is Role.TITLE and not options.include_title:
                continue
            key = label_key(block.text)
            if not key or key in allowed:
                continue
            phrase = phrases.get(key)
            if phrase is None and options.similarity < 100 and len(key) >= FUZZY_MIN_CHARS:
                best = process.extractOne(
                    key, fuzzy_keys, scorer=fuzz.ratio, score_cutoff=options.similarity
                )
                if best is not None:
                    phrase = phrases[best[0]]
            if phrase is None:
                continue
            fix = Fix(
                (remove_lines(doc, block.span),), safe=True, description="Remove the template label"
            )
            yield Finding(block.span, {"label": quote(block.text), "phrase": phrase}, fix=fix)
