"""name-variants: one person or place spelled two ways in the same article."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz

from linter.document import BlockKind, Document, Role, Span
from linter.findings import Finding, Related
from linter.kinds.base import Kind

#: A capitalised word (letters, inner apostrophes and hyphens), with an optional possessive.
_NAME_WORD = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*"
_SEQUENCE = re.compile(rf"(?<![\w'’-])(?:{_NAME_WORD})(?:[ \t]+(?:{_NAME_WORD}))*(?![\w-])")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
#: Where a sentence starts, a capital says nothing about a name.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"”’)]*\s+|[\"“‘(]\s*|^\s*[-*•]\s+)$")


@dataclass(frozen=True, slots=True)
class NameVariantsOptions:
    #: Similarity (0-100, rapidfuzz ratio) at which two spellings count as one name.
    similarity: int = 85
    #: Words shorter than this are never compared (short names differ by one letter by design).
    min_length: int = 5
    #: Spellings never to report (either side of a pair), such as two real, similar names.
    allow: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Occurrence:
    word: str
    span: Span  # the word
    name: str  # the whole capitalised sequence it belongs to, for the message


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
            if not words:
                continue
            name = " ".join(_POSSESSIVE.sub("", w.group()) for w in words)
            for w in words:
                word = _POSSESSIVE.sub("", w.group())
                begin = start + match.start() + w.start()
                out.append(_Occurrence(word, Span(begin, begin + len(word)), name))
    return out


def _related_forms(a: str, b: str) -> bool:
    """Plurals, possessives and derived forms ("Georgia"/"Georgian") share a stem."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) or (short.endswith("y") and long.startswith(short[:-1] + "i"))


def _best_counterpart(
    here: _Occurrence, candidates: list[_Occurrence], odd: str, usual: str
) -> _Occurrence:
    """The other spelling's occurrence that reads most like ``here`` with the word swapped."""
    wanted = here.name.replace(odd, usual)
    return min(candidates, key=lambda c: (c.name != wanted, len(c.name), c.span.start))


class NameVariants(Kind):
    name = "name-variants"
    options_type = NameVariantsOptions
    fields = {
        "name": "the less common spelling, with the rest of its name ('Shahbaz Sharif')",
        "other": "the other spelling, with the rest of its name ('Shehbaz Sharif')",
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
                there = _best_counterpart(here, seen[usual], odd, usual)
                yield Finding(
                    here.span,
                    {
                        "name": here.name,
                        "other": there.name,
                        "word": odd,
                        "other_word": usual,
                        "here": here.span,
                        "there": there.span,
                    },
                    related=(Related(there.span, f'spelled "{there.name}" here'),),
                )
