"""metric: limits on counts (highlight bullets, title length, sentence and paragraph length)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from linter.document import BlockKind, Document, Role, Span
from linter.findings import Finding
from linter.kinds.base import Kind
from linter.kinds.common import quote
from linter.options import option

Measure = Literal[
    "highlights-count",
    "title-words",
    "title-chars",
    "sentence-words",
    "paragraph-words",
    "paragraph-sentences",
    "article-words",
]
_NAMES = {
    "highlights-count": ("highlight bullets", "bullets"),
    "title-words": ("title length", "words"),
    "title-chars": ("title length", "characters"),
    "sentence-words": ("sentence length", "words"),
    "paragraph-words": ("paragraph length", "words"),
    "paragraph-sentences": ("paragraph length", "sentences"),
    "article-words": ("article length", "words"),
}
_WORD = re.compile(r"[^\W_](?:[\w'’.,-]*[^\W_])?")
#: A sentence ends at . ! or ? (and any closing quote or bracket) before a space and a
#: capital, digit or opening quote, or at the end of the text.
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9]|\s*$)")
#: Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "gen",
        "col",
        "lt",
        "sgt",
        "rev",
        "gov",
        "sen",
        "rep",
        "jr",
        "sr",
        "no",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
    ]
)


@dataclass(frozen=True)
class MetricOptions:
    """Options of a ``metric`` rule."""

    measure: Measure = option(doc="What to count.")
    min: int | None = option(None, "The smallest allowed value (none: no lower limit).", minimum=0)
    max: int | None = option(None, "The largest allowed value (none: no upper limit).", minimum=0)


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def sentences(text: str, start: int) -> Iterator[Span]:
    """Sentence spans of ``text`` (which begins at offset ``start``), trimmed of spaces."""
    cut = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[cut : match.start()].rsplit(None, 1)
        last_word = before[-1].casefold().lstrip("(\"'“‘") if before else ""
        if match.group().startswith(".") and (
            last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha())
        ):
            continue  # "Dr. Varnholt", "J. Smith": not the end of a sentence
        yield from _trimmed(text, cut, match.end(), start)
        cut = match.end()
    yield from _trimmed(text, cut, len(text), start)


def _trimmed(text: str, a: int, b: int, offset: int) -> Iterator[Span]:
    chunk = text[a:b]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        yield Span(offset + a + lead, offset + a + lead + len(stripped))


class Metric(Kind):
    name = "metric"
    options_type = MetricOptions
    fields = {
        "measure": "what was measured, in words ('sentence length')",
        "value": "the measured value",
        "unit": "what was counted ('words', 'bullets', 'characters')",
        "limit": "the broken limit ('at most 6', 'at least 3')",
        "text": "the measured text, shortened to one line",
    }
    description = (
        "Counts one thing and reports values outside 'min'..'max'. Measures: highlights-count "
        "(non-empty bullets in the highlights), title-words, title-chars, sentence-words (each "
        "sentence of paragraphs and bullets), paragraph-words, paragraph-sentences, "
        "article-words (all article text). Words are runs of letters and digits; sentences end "
        "at . ! or ? before a capital, except after common abbreviations and initials. Missing "
        "parts (no title, no highlights) are left to required-sections."
    )

    def validate(self, options: MetricOptions) -> str | None:
        if options.min is None and options.max is None:
            return "give 'min', 'max' or both"
        if options.min is not None and options.max is not None and options.min > options.max:
            return f"'min' ({options.min}) is greater than 'max' ({options.max})"
        return None

    def check(self, doc: Document, options: MetricOptions) -> Iterator[Finding]:
        for span, value in self._measure(doc, options.measure):
            limit = None
            if options.min is not None and value < options.min:
                limit = f"at least {options.min}"
            elif options.max is not None and value > options.max:
                limit = f"at most {options.max}"
            if limit is None:
                continue
            measure, unit = _NAMES[options.measure]
            yield Finding(
                span,
                {
                    "measure": measure,
                    "value": value,
                    "unit": unit,
                    "limit": limit,
                    "text": quote(doc.slice(span)),
                },
            )

    def _measure(self, doc: Document, measure: str) -> Iterator[tuple[Span, int]]:
        if measure == "highlights-count":
            items = [b for b in doc.highlights if b.kind is BlockKind.LIST_ITEM and b.text.strip()]
            if items or doc.highlights:
                first = doc.highlights[0]
                yield first.span, len(items)
        elif measure in ("title-words", "title-chars"):
            title = doc.title
            if title is not None and title.text.strip():
                text = title.text.strip()
                yield title.text_span, count_words(text) if measure == "title-words" else len(text)
        elif measure == "article-words":
            total = sum(count_words(doc.slice(s)) for s in doc.prose())
            if doc.blocks:
                yield (doc.title.text_span if doc.title else Span(0, 0)), total
        else:
            for block in doc.blocks:
                if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
                    continue
                if block.role in (Role.TITLE, Role.DATELINE, Role.FRONT_MATTER):
                    continue
                text = doc.slice(block.text_span)
                if not text.strip():
                    continue
                if measure == "paragraph-words":
                    yield block.text_span, count_words(text)
                    continue
                found = list(sentences(text, block.text_span.start))
                if measure == "paragraph-sentences":
                    yield block.text_span, len(found)
                else:
                    for span in found:
                        yield span, count_words(doc.slice(span))
