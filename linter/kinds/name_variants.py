"""name-variants: one person or place spelled two ways in the same article."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz

from linter.document import BlockKind, Document, Role, Span
from linter.findings import Finding, Related
from linter.kinds.base import Kind
from linter.options import option

#: A capitalised word (letters, inner apostrophes and hyphens), with an optional possessive.
_NAME_WORD = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*"
_SEQUENCE = re.compile(rf"(?<![\w'’-])(?:{_NAME_WORD})(?:[ \t]+(?:{_NAME_WORD}))*(?![\w-])")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
#: Where a sentence starts, a capital says nothing about a name.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"”’)]*\s+|[\"“‘(]\s*|^\s*[-*•]\s+)$")


#: Titles that often stand before a name; they are not part of the name a message quotes.
_TITLES = frozenset(
    [
        "prime",
        "minister",
        "president",
        "governor",
        "mayor",
        "senator",
        "chancellor",
        "premier",
        "king",
        "queen",
        "prince",
        "princess",
        "general",
        "colonel",
        "captain",
        "judge",
        "justice",
        "professor",
        "doctor",
        "bishop",
        "sheikh",
        "sir",
        "dame",
        "lord",
        "lady",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "capt",
        "sen",
        "gov",
        "rep",
    ]
)


@dataclass(frozen=True, slots=True)
class NameVariantsOptions:
    similarity: int = option(
        85, "Similarity (0-100, rapidfuzz ratio) at which two spellings count as one name."
    )
    min_length: int = option(
        5,
        "Words shorter than this are never compared (short names differ by one letter by design).",
    )
    allow: tuple[str, ...] = option(
        (), "Spellings never to report (either side of a pair), such as two real, similar names."
    )


@dataclass(frozen=True, slots=True)
class _Occurrence:
    word: str
    span: Span  # the word
    words: tuple[str, ...]  # the capitalised sequence it belongs to, titles dropped
    index: int  # the word's place in ``words``


def _occurrences(doc: Document) -> list[_Occurrence]:
    out: list[_Occurrence] = []
    for block in doc.blocks:
        # Titles and headings are in title case: every word is capitalised there.
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            continue
        if block.role in (Role.TITLE, Role.DATELINE, Role.FRONT_MATTER):
            continue
        start = block.text_span.start
        text = doc.slice(block.text_span)
        for match in _SEQUENCE.finditer(text):
            words = list(re.finditer(_NAME_WORD, match.group()))
            at_start = bool(_SENTENCE_START.search(text[: match.start()]))
            if at_start:
                words = words[1:]  # "Officials said": the first word is capitalised anyway
            while words and words[0].group().casefold() in _TITLES:
                words = words[1:]
            if not words:
                continue
            name = tuple(_POSSESSIVE.sub("", w.group()) for w in words)
            for index, w in enumerate(words):
                begin = start + match.start() + w.start()
                out.append(
                    _Occurrence(name[index], Span(begin, begin + len(name[index])), name, index)
                )
    return out


def _related_forms(a: str, b: str) -> bool:
    """Plurals, possessives and derived forms ("Georgia"/"Georgian") share a stem."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) or (short.endswith("y") and long.startswith(short[:-1] + "i"))


def _shared(a: _Occurrence, b: _Occurrence) -> tuple[int, int]:
    """How many words before and after the compared word the two names have in common."""
    before = 0
    while (
        before < min(a.index, b.index)
        and a.words[a.index - before - 1] == b.words[b.index - before - 1]
    ):
        before += 1
    after = 0
    while (
        after < min(len(a.words) - a.index, len(b.words) - b.index) - 1
        and a.words[a.index + after + 1] == b.words[b.index + after + 1]
    ):
        after += 1
    return before, after


def _quoted(occurrence: _Occurrence, before: int, after: int) -> str:
    return " ".join(occurrence.words[occurrence.index - before : occurrence.index + after + 1])


def _best_counterpart(here: _Occurrence, candidates: list[_Occurrence]) -> _Occurrence:
    """The other spelling's occurrence that shares the most of ``here``'s name."""
    return max(candidates, key=lambda c: (sum(_shared(here, c)), -c.span.start))


class NameVariants(Kind):
    name = "name-variants"
    options_type = NameVariantsOptions
    fields = {
        "name": "the less common spelling, with the words of the name both spellings share "
        "('Shahbaz Sharif')",
        "other": "the other spelling, with the same words ('Shehbaz Sharif')",
        "word": "the word spelled differently in 'name'",
        "other_word": "that word as 'other' spells it",
        "here": "where 'name' first appears (a line number)",
        "there": "where 'other' appears, in the form closest to 'name' (a line number)",
    }
    description = (
        "Collects capitalised words from paragraphs and bullets (not titles or headings, "
        "which are in title case, and not the first word of a sentence) and compares every "
        "two different spellings with rapidfuzz. Two words of at least 'min-length' letters "
        "at or above 'similarity' are one name spelled two ways, unless one is the start of "
        "the other (plurals, possessives, 'Georgia'/'Georgian'). The spelling used fewer "
        "times (or later, on a tie) is reported where it first appears, pointing at the other."
    )

    def check(self, doc: Document, options: NameVariantsOptions) -> Iterator[Finding]:
        seen: dict[str, list[_Occurrence]] = {}
        for occurrence in _occurrences(doc):
            seen.setdefault(occurrence.word, []).append(occurrence)
        allowed = {a.casefold() for a in options.allow}
        words = sorted(
            (w for w in seen if len(w) >= options.min_length and w.casefold() not in allowed),
            key=lambda w: seen[w][0].span.start,
        )
        reported: set[str] = set()
        for i, first in enumerate(words):
            for second in words[i + 1 :]:
                if first.casefold() == second.casefold() or _related_forms(first, second):
                    continue
                score = fuzz.ratio(first, second, score_cutoff=options.similarity)
                if not score:
                    continue
                # The spelling written fewer times is the slip; on a tie, the later one.
                odd, usual = (
                    (first, second) if len(seen[first]) < len(seen[second]) else (second, first)
                )
                if odd in reported:
                    continue
                reported.add(odd)
                here = seen[odd][0]
                there = _best_counterpart(here, seen[usual])
                before, after = _shared(here, there)
                yield Finding(
                    here.span,
                    {
                        "name": _quoted(here, before, after),
                        "other": _quoted(there, before, after),
                        "word": odd,
                        "other_word": usual,
                        "here": here.span,
                        "there": there.span,
                    },
                    related=(
                        Related(there.span, f'spelled "{_quoted(there, before, after)}" here'),
                    ),
                )
