"""heading-phrase: headings, bold-only lines and ``Label:`` lines from a banned list."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from linter.document import Block, BlockKind, Document, Role, Span
from linter.findings import Edit, Finding, Fix
from linter.kinds.base import Kind
from linter.kinds.common import quote, remove_lines
from linter.kinds.similarity import letter_bag, ratio_may_reach
from linter.lazypatterns import lazy
from linter.options import option
from linter.parse.roles import label_key

#: Phrases shorter than this match only exactly: a fuzzy "Output" would catch "Outputs".
FUZZY_MIN_CHARS = 8
LABEL_MAX_WORDS = 8
#: Most words of the text after an inline label: a headline, not a paragraph.
INLINE_TEXT_MAX_WORDS = 15
#: A trailing parenthesis, as in "Rewritten article (neutral tone)", maybe before a colon.
_PAREN_TAIL = lazy(globals(), "_PAREN_TAIL", r"\s*\([^()\n]{0,40}\)[ \t]*:?\s*$")
#: An inline label: optional emphasis, up to the first colon, the emphasis closed again.
_INLINE = lazy(globals(), "_INLINE", r"([*_]*)([^:\n*_][^:\n]{0,59}?)([*_]*):([*_]*)[ \t]+(?=\S)")


@dataclass(frozen=True)
class HeadingPhraseOptions:
    """Options of a ``heading-phrase`` rule."""

    phrases: tuple[str, ...] = option(
        (),
        "The banned labels; matching ignores case, markup and trailing punctuation.",
        nonblank=True,
    )
    extra_phrases: tuple[str, ...] = option(
        (),
        "More labels on top of ``phrases`` (for a config that extends the list).",
        nonblank=True,
    )
    label_phrases: tuple[str, ...] = option(
        (),
        "Labels flagged only as a line of their own that ends with a colon ('Output:'), never "
        "as a heading: ordinary words that editors also use as subheadings.",
        nonblank=True,
    )
    allow: tuple[str, ...] = option((), "Labels never to flag, even when close to a banned one.")
    similarity: int = option(
        90,
        "Similarity (0-100, rapidfuzz ratio) at which a variant counts as the label; 100 = exact.",
        minimum=0,
        maximum=100,
    )
    label_lines: bool = option(
        True, "Also check one-line paragraphs that end with a colon (``Label:``)."
    )
    inline_labels: bool = option(
        True,
        "Also flag a listed label (matched exactly) that begins a one-line heading or paragraph "
        "before a colon and more text ('Rewritten Article: Party wins'); the fix removes the "
        "label and its colon. A one-word label counts there only in the first block after the "
        "title and not among 'Label: value' lines of details; before a sentence, only a label "
        "of two or more words written exactly as listed counts, and its fix is unsafe.",
    )
    include_title: bool = option(
        False, "Check the title too (a title that is a template label is rare but possible)."
    )
    rename: dict[str, str] = option(
        doc="Labels to rename rather than remove: label -> the heading to write instead. A "
        "label listed here is flagged even when not in ``phrases``; renaming is an unsafe fix.",
        factory=dict,
        nonblank=True,
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
    colon_only: dict[str, str]  # label key -> the phrase, for labels only with a colon
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
    colon_only = {label_key(p): p for p in options.label_phrases if label_key(p)}
    table = _Table(
        options,
        phrases,
        colon_only,
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
        renames, allowed = table.renames, table.allowed
        first_body = _first_body_block(doc)
        for index, block in enumerate(doc.blocks):
            if block.quoted or block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH):
                continue
            if block.role is Role.TITLE and not options.include_title:
                # A title is no label, but may begin with a label for it ("Headline: Bakery
                # Expands"); other labels are too often a title's own words ("Body: ...").
                if options.inline_labels and ":" in block.text:
                    finding = _inline(doc, index, table, first=True)
                    if finding is not None and _names_the_title(finding.fields["phrase"]):
                        yield finding
                continue
            whole = _candidate(block, options)
            phrase = (
                _lookup(block.text, table, colon=_ends_with_colon(block.text)) if whole else None
            )
            if phrase is None:
                if whole and _PAREN_TAIL.search(block.text):
                    # "Rewritten article (neutral tone)": the note in brackets is the template's.
                    phrase = _lookup(_PAREN_TAIL.sub("", block.text), table, colon=False)
                # Only a block with a colon can begin with a label and a colon.
                if phrase is None and options.inline_labels and ":" in block.text:
                    finding = _inline(doc, index, table, first=index == first_body)
                    if finding is not None:
                        yield finding
                    continue
            if phrase is None:
                continue
            key = label_key(block.text)
            if key in allowed:
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


def _ends_with_colon(text: str) -> bool:
    return text.strip().rstrip("*_# \t").endswith(":")


def _lookup(text: str, table: _Table, *, colon: bool, fuzzy: bool = True) -> str | None:
    """The listed phrase a label's ``text`` matches (exactly, or with ``fuzzy`` approximately
    when long enough), or None; a label-only phrase matches only when it had a ``colon``."""
    key = label_key(text)
    if not key or key in table.allowed:
        return None
    phrase = table.phrases.get(key)
    if phrase is None and colon:
        phrase = table.colon_only.get(key)
    similarity = table.options.similarity
    if phrase is None and fuzzy and similarity < 100 and len(key) >= FUZZY_MIN_CHARS:
        # Articles share most of their headings: each is compared with the list once.
        if key in table.near:
            phrase = table.near[key]
        else:
            best = _closest(key, table, similarity)
            phrase = table.phrases[best] if best is not None else None
            if len(table.near) < _NEAR_CACHE:
                table.near[key] = phrase
    return phrase


def _first_body_block(doc: Document) -> int:
    """Index of the first block with text after the title and dateline (-1 if none)."""
    for i, block in enumerate(doc.blocks):
        if block.has_text and block.role not in (Role.TITLE, Role.DATELINE, Role.FRONT_MATTER):
            return i
    return -1


def _names_the_title(phrase: str) -> bool:
    """Whether a listed label says it is the headline or the title ("Headline", "Rewritten
    Headline", "Article Title")."""
    words = label_key(phrase).split()
    return "headline" in words or "title" in words


def _inline(doc: Document, index: int, table: _Table, *, first: bool) -> Finding | None:
    """A label at the start of a one-line heading or paragraph, before a colon and more text,
    as a finding whose fix removes the label, its colon and its emphasis; None when the block
    does not start so.

    Before a short title-like text the fix is safe: it deletes only words that match a listed
    label, with the colon and the markup around them, and keeps every word after the colon.
    Before a sentence the label counts only when it has two or more words written exactly as
    listed ("Scenario Analysis: the party is likely to ..."); its fix also gives the sentence
    a capital letter, and is unsafe: the sentence may still read as the label's.
    """
    block = doc.blocks[index]
    text = doc.slice(block.text_span)
    m = _INLINE.match(text) if "\n" not in text else None
    if m is None:
        return None
    lead, label, closing = m.group(1), m.group(2), m.group(3) + m.group(4)
    if closing and closing != lead[::-1]:
        return None  # "**Label:** _text_": which emphasis goes with the label is unclear
    rest = text[m.end() :]
    if len(label.split()) > LABEL_MAX_WORDS or not any(c.isalnum() for c in rest):
        return None
    # Exact only: the words before any colon in any paragraph are looked up here, and a
    # near miss among them is far more often the writer's own words than a template's.
    phrase = _lookup(label, table, colon=True, fuzzy=False)
    if phrase is None:
        return None
    one_word = len(label_key(phrase).split()) < 2
    sentence = len(rest.split()) > INLINE_TEXT_MAX_WORDS or rest.rstrip().endswith(
        (".", "!", "?", ";", ",")
    )
    if sentence and (one_word or label.strip() != phrase):
        return None  # "Scenario analysis: the bank modelled ..." may be the writer's own
    if one_word and (not first or _details_beside(doc, index)):
        # One word before a colon is a label only where a template puts the headline, and
        # not in a list of details ("Title: ...", "Author: ...") such as a review's.
        return None
    start = block.text_span.start
    cut_from = start if closing else start + len(lead)
    end = start + m.end()
    # A sentence left behind starts with a capital letter; a title-like text is kept as it is.
    # Only a letter whose capital is one letter ("ß" would become "SS"): the edit replaces one.
    capital = rest[0].upper() if sentence and rest[0].islower() else ""
    capital = capital if len(capital) == 1 else ""
    fix = Fix(
        (Edit(Span(cut_from, end + (1 if capital else 0)), capital),),
        safe=not sentence,
        description="Remove the template label",
    )
    span = Span(cut_from, start + len(m.group(0).rstrip(" \t")))
    return Finding(span, {"label": quote(doc.slice(span)), "phrase": phrase}, fix=fix)


def _details_beside(doc: Document, index: int) -> bool:
    """Whether the text block before or after ``index`` also starts with a one-word label
    and a colon, as lines of details do."""
    blocks = doc.blocks
    for step in (-1, 1):
        j = index + step
        while 0 <= j < len(blocks) and not blocks[j].has_text:
            j += step
        if 0 <= j < len(blocks):
            m = _INLINE.match(blocks[j].text)
            if m is not None and len(m.group(2).split()) == 1:
                return True
    return False


def _words(doc: Document, block: Block) -> Span:
    """The label's words, from its first to its last letter or digit: a rename replaces them
    and keeps the markup (``##``, ``**``) and edge punctuation (a trailing colon) around."""
    text = doc.slice(block.text_span)
    first = next((i for i, c in enumerate(text) if c.isalnum()), 0)
    last = next((i for i in range(len(text) - 1, -1, -1) if text[i].isalnum()), len(text) - 1)
    return Span(block.text_span.start + first, block.text_span.start + last + 1)
