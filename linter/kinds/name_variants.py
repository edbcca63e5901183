"""name-variants: one person or place spelled two ways in the same article."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from linter.document import BlockKind, Document, Role, Span
from linter.findings import Finding, Related
from linter.kinds import similarity as similarity_bounds
from linter.kinds.base import Kind
from linter.kinds.scope import prose_by_block
from linter.kinds.similarity import PAIR_NS, letter_bags, ratio_may_reach
from linter.lazypatterns import lazy
from linter.options import option

#: A capitalised word (letters, inner apostrophes and hyphens), with an optional possessive.
_NAME_WORD = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*"
#: The first word's capital comes first, so that the search skips to capitals (a leading
#: lookbehind would be tried at every character); the lookbehind after it reads the character
#: before the capital.
_FIRST_NAME_WORD = r"[A-Z](?<![\w'’-][A-Z])[a-z]+(?:[-'’][A-Z]?[a-z]+)*"
_SEQUENCE = lazy(globals(), "_SEQUENCE", rf"{_FIRST_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}))*(?![\w-])")
_POSSESSIVE = lazy(globals(), "_POSSESSIVE", r"(?:['’]s|s['’])$")
#: Where a sentence starts, a capital says nothing about a name.
_SENTENCE_START = lazy(
    globals(), "_SENTENCE_START", r"(?:^|[.!?:;]['\"”’)]*\s+|[\"“‘(]\s*|^\s*[-*•]\s+)$"
)


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


@dataclass(frozen=True)
class NameVariantsOptions:
    """Options of a ``name-variants`` rule."""

    similarity: int = option(
        85, "Similarity (0-100, rapidfuzz ratio) at which two spellings count as one name."
    )
    min_length: int = option(
        5,
        "Words shorter than this are never compared (short names differ by one letter by design).",
        minimum=1,
    )
    allow: tuple[str, ...] = option(
        (), "Spellings never to report (either side of a pair), such as two real, similar names."
    )


@dataclass(frozen=True, slots=True, eq=False)
class _Occurrence:
    """One capitalised word where it stands in the article."""

    word: str
    span: Span  # the word
    words: tuple[str, ...]  # the capitalised sequence it belongs to, titles dropped
    index: int  # the word's place in ``words``
    block: int  # the index of its block


#: Characters before a word that decide whether it starts a sentence.
_LOOKBEHIND = 80


def _starts_sentence(lead: str, text: str, at: int) -> bool:
    """Whether ``text[at:]`` starts a sentence, reading only a short stretch before it (a
    long line must not make every word re-read the whole line)."""
    before = lead[-_LOOKBEHIND:] + text[:at] if at < _LOOKBEHIND else text[at - _LOOKBEHIND : at]
    if len(before) < len(lead) + at:
        before = "x" + before  # cut short: its start is not the start of the block
    return bool(_SENTENCE_START.search(before))


def _name_runs(doc: Document) -> Iterator[tuple[int, Span]]:
    """(block index, prose run) of the runs names are collected from."""
    # Prose runs only: no code, URLs or markup, whose capitals say nothing about names.
    for number, run in prose_by_block(doc):
        block = doc.blocks[number]
        # Titles and headings are in title case: every word is capitalised there.
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            continue
        if block.role in (Role.TITLE, Role.DATELINE, Role.FRONT_MATTER):
            continue
        yield number, run


def _possible_words(doc: Document) -> set[str]:
    """Every word :func:`_occurrences` can return, and more: the words of every capitalised
    sequence, sentence starts and titles kept (deciding those is most of the cost)."""
    text = doc.text
    # Each run searched as its own string, as _occurrences does (pos and endpos would let the
    # lookbehind see before the run).
    sequences = [
        match
        for _, run in _name_runs(doc)
        for match in _SEQUENCE.findall(text[run.start : run.end])
    ]
    # A sequence is its words joined by blanks, each word a whole match of _NAME_WORD.
    # Only a word ending in "s" or an apostrophe can have a possessive ending to drop.
    return {
        _POSSESSIVE.sub("", w) if w[-1] in "s'’" else w for w in set(" ".join(sequences).split())
    }


def _occurrences(doc: Document) -> list[_Occurrence]:
    out: list[_Occurrence] = []
    for number, run in _name_runs(doc):
        block = doc.blocks[number]
        start = run.start
        text = doc.slice(run)
        # What precedes the run in its block decides whether the run starts a sentence.
        lead = doc.text[block.text_span.start : run.start]
        for match in _SEQUENCE.finditer(text):
            words = list(re.finditer(_NAME_WORD, match.group()))
            at_start = _starts_sentence(lead, text, match.start())
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
                    _Occurrence(
                        name[index], Span(begin, begin + len(name[index])), name, index, number
                    )
                )
    return out


def _related_forms(a: str, b: str) -> bool:
    """Plurals, possessives and derived forms share a stem: "Sharif"/"Sharifs",
    "Georgia"/"Georgian", "Palestine"/"Palestinian", "Argentina"/"Argentine"."""
    short, long = sorted((a, b), key=len)
    common = next(
        (i for i, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short)
    )
    if common == len(short):
        return True
    # A final vowel changed into a suffix ("Palestin-e"/"Palestin-ian"), not a letter slipped
    # in or out ("Varnholt"/"Varnholdt").
    vowels = "aeiouy"
    return (
        common >= 4 and common == len(short) - 1 and short[-1] in vowels and long[common] in vowels
    )


def _distinct_people(a: list[_Occurrence], b: list[_Occurrence]) -> bool:
    """Two spellings that stand in one paragraph ("Johnson and Johnston"), or always after
    different first names ("Carl Johnson", "Pia Johnston"), name two people, not one."""
    if {o.block for o in a} & {o.block for o in b}:
        return True
    before_a = {o.words[o.index - 1] for o in a if o.index > 0}
    before_b = {o.words[o.index - 1] for o in b if o.index > 0}
    return bool(before_a and before_b and not before_a & before_b)


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


def _similar_pairs(words: list[str], similarity: int) -> list[tuple[str, str]]:
    """Pairs of words at or above ``similarity`` (rapidfuzz ratio), in the order of the list.

    Only words of close length can reach the ratio, so each word is scored (in C) against the
    words whose length is in reach, not against every other word.
    """
    from rapidfuzz import fuzz, process  # imported by the runs that use this kind

    order = {w: i for i, w in enumerate(words)}
    by_length = sorted(words, key=len)
    lengths = [len(w) for w in by_length]
    pairs: list[tuple[str, str]] = []
    for i, word in enumerate(by_length):
        # ratio >= s needs the longer word to be at most (200 - s) / s times the shorter.
        reach = len(word) * (200 - similarity) // max(similarity, 1)
        stop = bisect_right(lengths, reach)
        candidates = by_length[i + 1 : stop]
        if not candidates:
            continue
        for other, _, _ in process.extract(
            word, candidates, scorer=fuzz.ratio, score_cutoff=similarity, limit=None
        ):
            pairs.append((word, other) if order[word] < order[other] else (other, word))
    pairs.sort(key=lambda p: (order[p[0]], order[p[1]]))
    return pairs


def _any_variant(words: list[str], similarity: int) -> bool:
    """Whether two of ``words`` are similar (as :func:`_similar_pairs` finds them) and neither
    the same word in another case nor related forms; stops at the first such pair.

    While rapidfuzz is not imported, only pairs that could reach ``similarity`` by their
    letters in common (see :mod:`linter.kinds.similarity`) and would count as variants go to
    it: on most articles there are none, and rapidfuzz is never imported.
    """
    by_length = sorted(words, key=len)
    lengths = [len(w) for w in by_length]
    pairs = len(words) * (len(words) - 1) // 2  # at most
    bags = letter_bags(by_length) if similarity_bounds.python_first(pairs * PAIR_NS) else None
    extract: Any = None
    ratio: Any = None
    for i, word in enumerate(by_length):
        reach = len(word) * (200 - similarity) // max(similarity, 1)
        candidates = by_length[i + 1 : bisect_right(lengths, reach)]
        if bags is not None:
            bag, size, folded = bags[word], len(word), word.casefold()
            candidates = [
                other
                for other in candidates
                if ratio_may_reach((bag & bags[other]).bit_count(), size, len(other), similarity)
                and other.casefold() != folded
                and not _related_forms(word, other)
            ]
        if not candidates:
            continue
        if extract is None:
            from rapidfuzz import fuzz, process  # imported by the runs that need it

            extract, ratio = process.extract, fuzz.ratio
        for other, _, _ in extract(
            word, candidates, scorer=ratio, score_cutoff=similarity, limit=None
        ):
            if word.casefold() != other.casefold() and not _related_forms(word, other):
                return True
    return False


def _best_counterpart(here: _Occurrence, candidates: list[_Occurrence]) -> _Occurrence:
    """The other spelling's occurrence that shares the most of ``here``'s name."""
    return max(candidates, key=lambda c: (sum(_shared(here, c)), -c.span.start))


class NameVariants(Kind):
    name = "name-variants"
    options_type = NameVariantsOptions
    fields = {
        "name": "the less common spelling, with the words of the name both spellings share "
        "('Kristofer Mossfeldt')",
        "other": "the other spelling, with the same words ('Kristoffer Mossfeldt')",
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
        "the other or differs from it only in its last letters (plurals, possessives, "
        "'Georgia'/'Georgian', 'Palestine'/'Palestinian'), or the two stand in one paragraph "
        "or always after different first names (two people). The spelling used fewer times "
        "(or later, on a tie) is reported where it first appears, pointing at the other."
    )

    @staticmethod
    def _may_find(doc: Document, options: NameVariantsOptions) -> bool:
        """Whether two spellings that could be reported stand in the article at all.

        Decided on the distinct words of every capitalised sequence, before the (costlier)
        occurrences with their places and sentence starts: if no two of those words are similar
        and unrelated, no two of the fewer words ``check`` compares are either.
        """
        allowed = {a.casefold() for a in options.allow}
        words = sorted(
            w
            for w in _possible_words(doc)
            if len(w) >= options.min_length and w.casefold() not in allowed
        )
        return _any_variant(words, options.similarity)

    def validate(self, options: NameVariantsOptions) -> str | None:
        if not 0 < options.similarity <= 100:
            return f"'similarity' must be between 1 and 100, not {options.similarity}"
        return None

    def check(self, doc: Document, options: NameVariantsOptions) -> Iterator[Finding]:
        if self._may_find(doc, options):
            yield from self._findings(doc, options)

    @staticmethod
    def _findings(doc: Document, options: NameVariantsOptions) -> Iterator[Finding]:
        """The findings, worked out from every occurrence (what ``check`` yields)."""
        seen: dict[str, list[_Occurrence]] = {}
        for occurrence in _occurrences(doc):
            seen.setdefault(occurrence.word, []).append(occurrence)
        allowed = {a.casefold() for a in options.allow}
        words = sorted(
            (w for w in seen if len(w) >= options.min_length and w.casefold() not in allowed),
            key=lambda w: seen[w][0].span.start,
        )
        reported: set[str] = set()
        for first, second in _similar_pairs(words, options.similarity):
            if first.casefold() == second.casefold() or _related_forms(first, second):
                continue
            if _distinct_people(seen[first], seen[second]):
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
                related=(Related(there.span, f'spelled "{_quoted(there, before, after)}" here'),),
            )
