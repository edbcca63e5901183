"""heading-phrase: headings, bold-only lines and ``Label:`` lines from a banned list."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from linter.document import Block, BlockKind, Document, Role, Span
from linter.findings import Edit, Finding, Fix
from linter.kinds.base import Kind
from linter.kinds.common import quote, remove_lines
from linter.kinds.similarity import letter_bag, ratio_may_reach
from linter.options import option
from linter.parse.roles import label_key

#: Phrases shorter than this match only exactly: a fuzzy "Output" would catch "Outputs".
FUZZY_MIN_CHARS = 8
LABEL_MAX_WORDS = 8


@dataclass(frozen=True)
class HeadingPhraseOptions:
    """Options of a ``heading-phrase`` rule."""

    phrases: tuple[str, ...] = option(
        (), "The banned labels; matching ignores case, markup and trailing punctuation."
    )
    extra_phrases: tuple[str, ...] = option(
        (), "More labels on top of ``phrases`` (for a config that extends the list)."
    )
    allow: tuple[str, ...] = option((), "Labels never to flag, even when close to a banned one.")
    similarity: int = option(
        90,
        "Similarity (0-100, rapidfuzz ratio) at which a variant counts as the label; 100 = exact.",
    )
    label_lines: bool = option(
        True, "Also check one-line paragraphs that end with a colon (``Label:``)."
    )
    include_title: bool = option(
        False, "Check the title too (a title that is a template label is rare but possible)."
    )
    rename: dict[str, str] = option(
        doc="Labels to rename rather than remove: label -> the heading to write instead. A "
        "label listed here is flagged even when not in ``phrases``; renaming is an unsafe fix.",
        factory=dict,
    )


def _candidate(block: Block, options: HeadingPhraseOptions) -> bool:
    if block.kind is BlockKind.HEADING:
        return True
    if not options.label_lines or block.kind is not BlockKind.PARAGRAPH:
        return False
    text = block.text.strip()
    return "\n" not in text and text.endswith(":") and len(text.split()) <= LABEL_MAX_WORDS


@dataclass(frozen=True, eq=False)
class _Table:
    """A rule's phrase list made ready for lookups, once per options object."""

    options: HeadingPhraseOptions
    phrases: dict[str, str]  # label key -> the phrase as listed
    renames: dict[str, str]  # label key -> the heading to write instead
    allowed: frozenset[str]
    fuzzy_keys: list[str]  # keys long enough to match approximately
    #: Their letters (see linter.kinds.similarity.letter_bag), numbered by ``bits``.
    fuzzy_bags: list[int]
    bits: dict[tuple[str, int], int]
    #: Heading keys already compared approximately -> the phrase they matched, or None.
    near: dict[str, str | None]


#: Most headings remembered per rule (a bound on memory over a long run).
_NEAR_CACHE = 10_000
#: Tables by ``id`` of their options (options hold a dict, so they cannot be hashed); the
#: table keeps its options alive, so an id is never reused while its entry is here.
_TABLES: dict[int, _Table] = {}


def _table(options: HeadingPhraseOptions) -> _Table:
    table = _TABLES.get(id(options))
    if table is not None and table.options is options:
        return table
    phrases = {label_key(p): p for p in options.phrases + options.extra_phrases}
    phrases.update({label_key(p): p for p in options.rename if label_key(p) not in phrases})
    phrases = {k: v for k, v in phrases.items() if k}
    fuzzy_keys = [k for k in phrases if len(k) >= FUZZY_MIN_CHARS]
    bits: dict[tuple[str, int], int] = {}
    table = _Table(
        options,
        phrases,
        {label_key(k): v for k, v in options.rename.items() if label_key(k)},
        frozenset(label_key(a) for a in options.allow),
        fuzzy_keys,
        [letter_bag(k, bits) for k in fuzzy_keys],
        bits,
        {},
    )
    if len(_TABLES) >= 64:
        _TABLES.clear()  # options objects are few per run; this only bounds a long test run
    _TABLES[id(options)] = table
    return table


def _closest(key: str, table: _Table, similarity: int) -> str | None:
    """The fuzzy key most similar to ``key`` at or above ``similarity`` (rapidfuzz ratio; the
    first listed on a tie), or None."""
    bag = letter_bag(key, table.bits)
    # Keys that cannot reach the similarity by their letters in common are never the best:
    # on most headings none is left, and rapidfuzz is not imported.
    keys = [
        k
        for k, b in zip(table.fuzzy_keys, table.fuzzy_bags, strict=True)
        if ratio_may_reach((bag & b).bit_count(), len(key), len(k), similarity)
    ]
    if not keys:
        return None
    from rapidfuzz import fuzz, process  # imported by the runs that need it

    best = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=similarity)
    return best[0] if best is not None else None


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
        table = _table(options)
        phrases, renames, allowed = table.phrases, table.renames, table.allowed
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
                # Articles share most of their headings: each is compared with the list once.
                if key in table.near:
                    phrase = table.near[key]
                else:
                    best = _closest(key, table, options.similarity)
                    phrase = phrases[best] if best is not None else None
                    if len(table.near) < _NEAR_CACHE:
                        table.near[key] = phrase
            if phrase is None:
                continue
            target = renames.get(key, renames.get(label_key(phrase)))
            if target is not None:
                words = _words(doc, block)
                if doc.slice(words) == target:
                    continue  # already the heading the config asks for
                fix = Fix(
                    (Edit(words, target),),
                    safe=False,
                    description=f"Rename the label to {target!r}",
                )
            else:
                fix = Fix(
                    (remove_lines(doc, block.span),),
                    safe=True,
                    description="Remove the template label",
                )
            yield Finding(block.span, {"label": quote(block.text), "phrase": phrase}, fix=fix)


def _words(doc: Document, block: Block) -> Span:
    """The label's words, from its first to its last letter or digit: a rename replaces them
    and keeps the markup (``##``, ``**``) and edge punctuation (a trailing colon) around."""
    text = doc.slice(block.text_span)
    first = next((i for i, c in enumerate(text) if c.isalnum()), 0)
    last = next((i for i in range(len(text) - 1, -1, -1) if text[i].isalnum()), len(text) - 1)
    return Span(block.text_span.start + first, block.text_span.start + last + 1)
