"""One analysis of a document's figures, shared by the three figure rules through ``doc.memo``.

It reads every figure of the title, highlights and body with its anchor and scope, puts the
body's figures in buckets by (kind, unit, anchor key), and settles each title or highlight
figure (a *claim*) against its bucket: it agrees, is contradicted, is unsupported, or is left
alone because the body only gives figures of another scope. It also finds stated parts and
totals (``33 deaths, including 18 civilians and 15 security personnel``).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property
from itertools import accumulate
from typing import Generic, TypeVar

from linter.document import Block, BlockKind, Document, Role, Span
from linter.figures.anchors import (
    STOPWORDS,
    WORD_CHARS,
    Anchor,
    Lexicon,
    find_anchor,
    lemma,
    scope_of,
    scopes_in,
)
from linter.figures.intervals import Interval, Tolerances, agree, interval
from linter.figures.numbers import QKind, Quantity, count_bounds, read_quantities
from linter.lazypatterns import lazy

_SENTENCE_END = lazy(
    globals(), "_SENTENCE_END", r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*\n"
)
#: :data:`_SENTENCE_END` with the end mark read instead of looked behind at: the engine then
#: skips to the next ``.``, ``!``, ``?`` or newline instead of trying every position (it does
#: so only for a pattern that starts with one set of characters, hence the look-behinds that
#: tell the two alternatives apart). A sentence ends where ``gap`` starts (or where a paragraph
#: break does).
_SENTENCE_BREAK = lazy(
    globals(),
    "_SENTENCE_BREAK",
    r"[.!?\n](?:(?<=[.!?])(?P<gap>[\"”’)\]]*\s+)(?=[\"“‘(\[]?[A-Z0-9])|(?<=\n)\s*\n)",
)
_ABBREVIATION = lazy(
    globals(),
    "_ABBREVIATION",
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Maj|Rep|Sen|Gov|Prof"
    r"|No|vs|approx|est|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov"
    r"|Dec|[A-Z])\.)$",
)
_ROLES = (Role.TITLE, Role.HIGHLIGHTS, Role.BODY)
_TEXT_KINDS = (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
#: Kinds a claim may be checked for being unsupported: the rest are too often incidental.
UNSUPPORTED_KINDS = frozenset({QKind.COUNT, QKind.PERCENT, QKind.MONEY})

#: Not "include", "included": as a verb it mostly says what a thing holds ("its 2 stores
#: include 300 staff"), not which of the things counted are among them.
_SUBSET = r"\b(?:including|among\s+them|among\s+whom|among\s+those|of\s+which|of\s+whom)\b"
_WHOLE = (
    r"\b(?:made\s+up\s+of|comprising|consisting\s+of|composed\s+of"
    r"|split\s+(?:between|among|into)|divided\s+(?:between|among|into)"
    r"|broken\s+down\s+into|namely)\b"
)
#: After a total: a word that says it is the total ("overall", "the £2m total"), an optional
#: short place phrase ("in the attacks"), punctuation, then the word that introduces its parts
#: as a subset or as the whole; or a colon straight after it.
_RELATION = lazy(
    globals(),
    "_RELATION",
    r"(?i:(?:[ \t]+(?:total|overall|altogether|all[ \t]+told))?"
    r"(?:[ \t]+(?:in|at|on|during|across|over|from|by)(?:[ \t]+[A-Za-z'’-]+){1,4}?)?"
    r"(?:[ \t]+(?:are|is|was|were|will|be|been|has|have|had))*"
    rf"[ \t,;(—–-]*(?:(?P<subset>{_SUBSET})|(?P<whole>{_WHOLE}))|(?P<colon>:))",
)
#: What any :data:`_RELATION` match contains: a sentence without it states no parts.
_RELATION_CUE = lazy(globals(), "_RELATION_CUE", rf"(?i:{_SUBSET}|{_WHOLE})|:")
#: The first word of each :data:`_SUBSET` and :data:`_WHOLE` phrase, in lower case.
_CUE_WORDS = (
    "including",
    "among",
    "made",
    "comprising",
    "consisting",
    "composed",
    "split",
    "divided",
    "broken",
    "namely",
    "which",
    "whom",
)
#: Between two parts: a short place or purpose phrase of the first part, maybe after "is"
#: ("of which £2.9bn is for sewers, £1.3bn for mains"), then "," or "and". Not one with a
#: numeral: "$300 for each of 2 teachers" is a price per head, not a part.
_PART_SEPARATOR = lazy(
    globals(),
    "_PART_SEPARATOR",
    r"(?i:(?:(?:[ \t]+(?:is|are|was|were|will\s+be|goes|go|went))?"
    r"[ \t]+(?:in|at|from|on|for|of|to|across|near|inside|outside)(?:[ \t]+[A-Za-z'’-]+)"
    r"{1,4}?)?[ \t]*(?:,[ \t]*and|,|and|as\s+well\s+as|plus|&)[ \t]+)",
)


class Status(StrEnum):
    AGREES = "agrees"
    CONTRADICTED = "contradicted"
    UNSUPPORTED = "unsupported"
    UNCLEAR = "unclear"  # the body speaks of it only in another scope: say nothing
    STATED = "stated"  # the body states this very figure: said nothing, no anchor compared


@dataclass(frozen=True, eq=False)
class Config:
    """What the analysis depends on in a rule's options (rules sharing it share one run)."""

    lexicon: Lexicon
    tolerances: Tolerances = field(default_factory=Tolerances)
    fuzzy: int = 90
    key: str = ""  # identity of this configuration, for ``doc.memo``

    @cached_property
    def unrounded(self) -> Tolerances:
        """The tolerances, with no rounding of a claim's round count."""
        return replace(self.tolerances, rounded=0)

    @classmethod
    def build(
        cls,
        synonyms: Mapping[str, tuple[str, ...]],
        generic: tuple[str, ...],
        tolerances: Tolerances,
        fuzzy: int,
    ) -> Config:
        key = "figures:" + repr((sorted(synonyms.items()), generic, tolerances, fuzzy))
        return cls(Lexicon.build(synonyms, generic), tolerances, fuzzy, key)


class SentenceContext:
    """The sentence a document's figures were read in, with the lexicon to read their anchors.

    Anchors and time frames are read on first use and kept: most body figures are never asked
    for theirs (only figures of a kind and unit some claim has, or in a sentence that states
    parts, need an anchor; only figures a claim may contradict need a scope).
    """

    __slots__ = ("_anchors", "_frames", "_scopes", "lexicon", "span", "text")

    def __init__(self, text: str, span: Span, lexicon: Lexicon) -> None:
        self.text = text
        self.span = span
        self.lexicon = lexicon
        self._anchors: dict[int, Anchor | None] = {}
        self._frames: list[tuple[int, int, str]] | None = None
        self._scopes: dict[int, frozenset[str]] = {}

    def anchor(self, q: Quantity) -> Anchor | None:
        """What ``q`` (a figure of this sentence) counts."""
        key = q.span.start
        try:
            return self._anchors[key]
        except KeyError:
            span = self.span
            found = find_anchor(q, self.text, span.start, span.end, self.lexicon)
            self._anchors[key] = found
            return found

    def scope(self, q: Quantity) -> frozenset[str]:
        """The time frames that apply to ``q`` (a figure of this sentence)."""
        key = q.span.start
        try:
            return self._scopes[key]
        except KeyError:
            if self._frames is None:
                self._frames = scopes_in(self.text, self.span.start, self.span.end)
            found = scope_of(q, self.text, self.span, self._frames)
            self._scopes[key] = found
            return found


@dataclass(frozen=True, slots=True, eq=False)
class Figure:
    """A quantity in its place: block, role, sentence; what it counts and in what scope."""

    quantity: Quantity
    role: Role
    block: int
    sentence: Span
    context: SentenceContext = field(repr=False, compare=False)

    @property
    def anchor(self) -> Anchor | None:
        """What the figure counts, or None when unclear (read on first use)."""
        return self.context.anchor(self.quantity)

    @property
    def scope(self) -> frozenset[str]:
        """The time frames the figure is stated in (read on first use)."""
        return self.context.scope(self.quantity)

    @property
    def span(self) -> Span:
        """The figure with its qualifier and the anchor words after it (``over 30 inmates``).

        An anchor read backwards (``the death toll rose to 33``) is left out: the finding
        points at the figure, and :attr:`phrase` names the rest.
        """
        full = self.quantity.full_span
        anchor = self.anchor
        if anchor is not None and anchor.span.start >= full.start:
            return Span(full.start, max(full.end, anchor.span.end))
        return full

    @property
    def phrase(self) -> Span:
        """The figure with all its anchor words, for naming it in a message."""
        full = self.quantity.full_span
        anchor = self.anchor
        if anchor is None:
            return full
        return Span(min(full.start, anchor.span.start), max(full.end, anchor.span.end))

    @property
    def bucket(self) -> tuple[str, str, str]:
        anchor = self.anchor
        key = anchor.key if anchor is not None else ""
        return (self.quantity.kind.value, self.quantity.unit, key)


@dataclass(frozen=True, slots=True, eq=False)
class Claim:
    """A title or highlights figure, settled against the body."""

    figure: Figure
    status: Status
    evidence: Figure | None = None  # the body figure it disagrees with


@dataclass(frozen=True, slots=True, eq=False)
class Parts:
    """A stated total and the parts stated as within it (or as making it up)."""

    total: Figure
    parts: tuple[Figure, ...]
    whole: bool  # the parts are said to make up the whole, not just to be among it
    parts_sum: Interval = field(default=Interval(0, 0))

    @property
    def broken(self) -> bool:
        total = interval(self.total.quantity)
        if self.whole:
            return not self.parts_sum.meets(total)
        return self.parts_sum.low > total.high


@dataclass(frozen=True, slots=True, eq=False)
class FigureAnalysis:
    """A document's figures, the claims among them, and stated totals with their parts."""

    #: The figures read: all of the title and highlights, and of the body those in sentences
    #: that may bear on a claim or state parts (see :func:`_analyse`).
    figures: tuple[Figure, ...]
    claims: tuple[Claim, ...]
    parts: tuple[Parts, ...]


def analyse(doc: Document, config: Config) -> FigureAnalysis:
    """The figures analysis of ``doc`` under ``config``, computed once per document."""
    return doc.memo(config.key, lambda d: _analyse(d, config))


def sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans of ``text[start:end]`` (a block's text)."""
    spans: list[Span] = []
    cut = start
    if start > 0 and text[start - 1] in ".!?":
        # The fast pattern reads the end mark itself: one just before the text is not in it.
        breaks = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(text, start, end)]
    else:
        breaks = [
            (m.start("gap") if m.lastgroup == "gap" else m.start(), m.end())
            for m in _SENTENCE_BREAK.finditer(text, start, end)
        ]
    for at, after in breaks:
        if _ABBREVIATION.search(text, max(cut, at - 6), at):
            continue
        spans.append(Span(cut, at))
        cut = after
    if cut < end:
        spans.append(Span(cut, end))
    return spans


def _text_blocks(doc: Document) -> list[tuple[int, Block]]:
    return [
        (index, block)
        for index, block in enumerate(doc.blocks)
        if block.role in _ROLES and block.kind in _TEXT_KINDS and block.text
    ]


def _head_figures(text: str, index: int, block: Block, config: Config) -> list[Figure]:
    """The figures of a title or highlights block: all of them."""
    out: list[Figure] = []
    for sentence in sentences(text, block.text_span.start, block.text_span.end):
        context: SentenceContext | None = None
        for q in read_quantities(text, sentence.start, sentence.end):
            if context is None:
                context = SentenceContext(text, sentence, config.lexicon)
            out.append(Figure(q, block.role, index, sentence, context))
    return out


def _reach_back(text: str, start: int) -> int:
    """Where the text an anchor of a figure at or after ``start`` may read starts.

    Only :func:`linter.figures.anchors._event_before` reads before a figure's sentence: the
    last token of the 24 characters before the figure, if a word. That is a word before
    ``start`` only when nothing but whitespace lies between, and at most 24 characters back.
    """
    lo = max(0, start - 24)
    at = start
    while at > lo and text[at - 1].isspace():
        at -= 1
    while at > lo and text[at - 1] in WORD_CHARS:
        at -= 1
    if at > lo and not text[at - 1].isascii():
        at -= 1  # a letter beyond ASCII is a word of its own: the segment must show it
    return at


#: Emphasis marks: every "*", and each "_" not between two letters or digits ("_33_",
#: "__1,200__", but not "v2_final").
_EMPHASIS_MARK = lazy(globals(), "_EMPHASIS_MARK", r"\*|(?<![^\W_])_|_(?![^\W_])")


def unemphasised(text: str) -> str:
    """``text`` with each emphasis mark a space: the figures are read as if it had none ("More
    than **30**", "_3 March_"), at the same offsets."""
    if "*" not in text and "_" not in text:
        return text
    return _EMPHASIS_MARK.sub(" ", text)


def _analyse(doc: Document, config: Config, *, whole: bool = False) -> FigureAnalysis:
    """The analysis of ``doc``.

    Body sentences are read only as far as they may matter (see :class:`_Body`), unless
    ``whole``, or a claim may be settled by body figures not of its anchor (see
    :func:`_needs_whole_body`): the body is then read again, whole.
    """
    text = unemphasised(doc.text)
    blocks = _text_blocks(doc)
    head = {
        index: _head_figures(text, index, block, config)
        for index, block in blocks
        if block.role is not Role.BODY
    }
    # Any title or highlights figure but a weekday may be a claim: one the body states is
    # settled by its value, whatever it counts; another is a claim only if it has an anchor.
    candidates = [
        f for found in head.values() for f in found if f.quantity.kind is not QKind.WEEKDAY
    ]
    body = _Body(text, blocks, config)
    claims = None
    if not whole:
        figures = body.read(head, candidates)
        claims = _settle_all(
            candidates,
            figures,
            config,
            complete=False,
            stated=body.stated,
            elsewhere=body.may_state_unread,
            doc=doc,
        )
    if claims is None:
        figures = body.read_all(head)
        claims = _settle_all(candidates, figures, config, complete=True, known=body.stated, doc=doc)
        assert claims is not None
    return FigureAnalysis(tuple(figures), claims, tuple(_find_parts(text, figures)))


class _Body:
    """The body sentences that may bear on a claim or state parts, read as far as needed.

    A sentence that may state parts (a relation cue, see :func:`_lowered`) is read. For each
    claim, the sentences that write its numeral ("33" of "33 people") are read first, then
    those that may hold a figure of its anchor (one of its key's stems), until one states
    the claim's figure (see :func:`_stated`): that settles it, whatever the anchors, and its
    anchor is not read. A claim none states has them all read, for its anchor's figures to
    settle it (:func:`_settle_all`). A block is split into sentences only when one of them
    may be read.
    """

    def __init__(self, text: str, blocks: list[tuple[int, Block]], config: Config) -> None:
        self.text = text
        self.config = config
        #: The ``id`` of each claim a body figure read states (see :meth:`read`).
        self.stated: set[int] = set()
        #: Each body block that may hold a figure.
        self.blocks = [
            (index, block)
            for index, block in blocks
            if block.role is Role.BODY
            and not (block.is_heading and not any(map(str.isdigit, block.text)))
        ]
        self._starts = [block.text_span.start for _, block in self.blocks]
        self._lowered: dict[int, str | None] = {}
        self._sentences: dict[int, list[Span]] = {}
        self._split_at: dict[int, list[int]] = {}
        self._said: dict[tuple[int, int], str | None] = {}
        self._read: dict[tuple[int, int], list[Figure]] = {}
        #: For stems whose sentences were all read for a claim none of them states: those
        #: sentences (see :meth:`_state`), and indexes of their figures by kind and unit.
        self._of_stems: dict[frozenset[str], list[tuple[int, int]]] = {}
        self._meetings: dict[tuple[frozenset[str], QKind, str], _Meeting] = {}
        #: :meth:`_bounds_of_unread`, once worked out.
        self._unread_bounds: tuple[list[float], list[float]] | None = None
        #: Where each of :data:`_CUE_WORDS` or a colon is (start and end, in order): found in
        #: the whole text at once, folded to lower case, rather than in a lowered copy of each
        #: block (None if folding changed the text's length, which no known character does).
        self._cues: list[tuple[int, int]] | None = None
        lowered = _folded(text).lower()
        if len(lowered) == len(text):
            # Only what a body block may read: from the word before the first, to the last's end.
            lo = _reach_back(text, self._starts[0]) if self._starts else 0
            hi = self.blocks[-1][1].text_span.end if self.blocks else 0
            self._cues = sorted(
                (at, at + len(word))
                for word in (*_CUE_WORDS, ":")
                for at in _find_all(lowered, word, lo, hi)
            )

    def read(self, head: dict[int, list[Figure]], candidates: list[Figure]) -> list[Figure]:
        """The figures of ``head`` (title and highlights) with those of the body sentences
        that matter to the ``candidates`` (its figures that may be claims), in document
        order."""
        wanted: set[tuple[int, int]] = set()
        for at, (_, block) in enumerate(self.blocks):
            if self._may_state_parts(block.text_span):
                for k, sentence in enumerate(self._split(at)):
                    if self._may_state_parts(sentence):
                        wanted.add((at, k))
        for claim in candidates:
            if self._state(claim, wanted):
                self.stated.add(id(claim))
        return self._merge(head, wanted)

    def read_all(self, head: dict[int, list[Figure]]) -> list[Figure]:
        """The figures of ``head`` with those of every body sentence, in document order."""
        wanted = {(at, k) for at in range(len(self.blocks)) for k in range(len(self._split(at)))}
        return self._merge(head, wanted)

    def _merge(self, head: dict[int, list[Figure]], wanted: set[tuple[int, int]]) -> list[Figure]:
        body: dict[int, list[Figure]] = {}
        for at, k in sorted(wanted):
            body.setdefault(self.blocks[at][0], []).extend(self._figures(at, k))
        figures: list[Figure] = []
        for index in sorted({*head, *body}):
            figures.extend(head[index] if index in head else body[index])
        return figures

    def _state(self, claim: Figure, wanted: set[tuple[int, int]]) -> bool:
        """Read the sentences that may state ``claim``'s figure (marking them ``wanted``)
        until one does; whether one did.

        Those that write the claim's numeral come first (the first few): a body that states
        a figure mostly writes it alike, and the claim's anchor need not be read. Then,
        unless the claim has no anchor (and is no claim), those that may hold a figure of its
        anchor. The order changes only how many are read when one states it, never what is
        reported.
        """
        text = self.text
        numeral = _numeral(text, claim.quantity.span)
        tried: set[tuple[int, int]] = set()
        starts = self._starts
        # The sentences that write the numeral whole ("20" of "20 people", not of "2021" or
        # "1,200"), in order: one search of the text finds them. Only the first few, as
        # this order is only a guess that saves reading the anchor: a year's or a common
        # count's numeral may be written in hundreds of sentences.
        at_text = text.find(numeral, starts[0]) if numeral and starts else -1
        looked = 0
        while at_text >= 0 and looked < _NUMERALS_LOOKED and len(tried) < _NUMERAL_SENTENCES:
            looked += 1
            end = at_text + len(numeral)
            at = bisect_right(starts, at_text) - 1
            if end <= self.blocks[at][1].text_span.end and _whole_numeral(text, at_text, end):
                k = bisect_right(self._split_starts(at), at_text) - 1
                if (at, k) not in tried and end <= self._split(at)[k].end:
                    tried.add((at, k))
                    wanted.add((at, k))
                    if self._states(claim, at, k):
                        return True
            at_text = text.find(numeral, at_text + 1)
        anchor = claim.anchor
        if anchor is None:
            return False
        own = self.config.lexicon.stems_of(anchor.key)
        known = self._of_stems.get(own)
        if known is not None:
            # An earlier claim had every sentence of these stems read: look only among their
            # figures that may agree (what the loop below would find, in any order).
            wanted.update(known)
            q = claim.quantity
            return any(
                _states_figure(claim, g, self.config) for g in self._meeting(own, q).meeting(q)
            )
        found: list[tuple[int, int]] = []
        for at in range(len(self.blocks)):
            if not _may_hold(self._block_lowered(at), own):
                continue
            for k in range(len(self._split(at))):
                if not _may_hold(self._sentence_lowered(at, k), own):
                    continue
                found.append((at, k))
                if (at, k) in tried:
                    continue
                wanted.add((at, k))
                if self._states(claim, at, k):
                    return True
        self._of_stems[own] = found
        return False

    def _meeting(self, own: frozenset[str], q: Quantity) -> _Meeting:
        """The figures of the sentences of stems ``own`` (all read) of ``q``'s kind and unit."""
        key = (own, q.kind, q.unit)
        found = self._meetings.get(key)
        if found is None:
            figures = [
                g
                for at, k in self._of_stems[own]
                for g in self._figures(at, k)
                if g.quantity.kind is q.kind and g.quantity.unit == q.unit
            ]
            found = self._meetings[key] = _Meeting(figures, self.config.tolerances)
        return found

    def may_state_unread(self, claim: Figure) -> bool:
        """Whether a body sentence not read may hold a figure that states ``claim`` (see
        :func:`_states`): True unless, for a count, none of the intervals
        :func:`count_bounds` gives for those sentences meets the claim's as :func:`_states`
        compares it. Asked only once the reading is done (see :func:`_settle_all`)."""
        q = claim.quantity
        if q.kind is not QKind.COUNT:
            return True
        if self._unread_bounds is None:
            self._unread_bounds = self._bounds_of_unread()
        lows, reach = self._unread_bounds
        target = interval(*_as_stated(q, self.config), summary=True)
        # Some interval starts at or below the claim's end and reaches its start (by more
        # than the slack Interval.meets allows: count_bounds pads its own side).
        slack = 1e-6 * max(1.0, abs(target.low), abs(target.high))
        at = bisect_right(lows, target.high + slack)
        return at > 0 and reach[at - 1] >= target.low - slack

    def _bounds_of_unread(self) -> tuple[list[float], list[float]]:
        """:func:`count_bounds` of every body sentence not read, as the lows in order and the
        highest high up to each (one interval of every value when a sentence may hold a
        count of any size)."""
        tolerances = self.config.tolerances
        widen = max(tolerances.approximate, tolerances.near, 0.0)
        bounds: list[tuple[float, float]] = []
        for at in range(len(self.blocks)):
            for k, sentence in enumerate(self._split(at)):
                if (at, k) in self._read:
                    continue
                found = count_bounds(self.text, sentence.start, sentence.end, widen)
                if found is None:
                    return [-math.inf], [math.inf]
                bounds.extend(found)
        bounds.sort()
        lows = [low for low, _ in bounds]
        reach = list(accumulate((high for _, high in bounds), max))
        return lows, reach

    def _may_state_parts(self, span: Span) -> bool:
        """Whether ``text[span]``, with the word an anchor may read before it, holds a
        relation word (one of :data:`_CUE_WORDS`, in any case) or a colon: a sentence
        without one states no parts (:func:`_has_relation_cue`)."""
        cues = self._cues
        if cues is None:
            return _may_hold(_lowered(self.text, span.start, span.end), _CUE_WORDS)
        if not cues:
            return False
        at = bisect_left(cues, (_reach_back(self.text, span.start), 0))
        while at < len(cues) and cues[at][0] < span.end:
            if cues[at][1] <= span.end:
                return True
            at += 1
        return False

    def _states(self, claim: Figure, at: int, k: int) -> bool:
        return any(_states_figure(claim, g, self.config) for g in self._figures(at, k))

    def _block_lowered(self, at: int) -> str | None:
        try:
            return self._lowered[at]
        except KeyError:
            span = self.blocks[at][1].text_span
            found = self._lowered[at] = _lowered(self.text, span.start, span.end)
            return found

    def _sentence_lowered(self, at: int, k: int) -> str | None:
        try:
            return self._said[(at, k)]
        except KeyError:
            sentence = self._split(at)[k]
            found = self._said[(at, k)] = _lowered(self.text, sentence.start, sentence.end)
            return found

    def _split_starts(self, at: int) -> list[int]:
        found = self._split_at.get(at)
        if found is None:
            found = self._split_at[at] = [sentence.start for sentence in self._split(at)]
        return found

    def _split(self, at: int) -> list[Span]:
        found = self._sentences.get(at)
        if found is None:
            span = self.blocks[at][1].text_span
            found = self._sentences[at] = sentences(self.text, span.start, span.end)
        return found

    def _figures(self, at: int, k: int) -> list[Figure]:
        found = self._read.get((at, k))
        if found is None:
            index, block = self.blocks[at]
            sentence = self._sentences[at][k]
            found = []
            context: SentenceContext | None = None
            for q in read_quantities(self.text, sentence.start, sentence.end):
                if context is None:
                    context = SentenceContext(self.text, sentence, self.config.lexicon)
                found.append(Figure(q, block.role, index, sentence, context))
            self._read[(at, k)] = found
        return found


#: The characters beyond ASCII that a case-insensitive pattern matches to an ASCII letter,
#: as that letter ("ſ" matches "s"; "İ" also lowers to two characters): a text folded so and
#: lowered keeps its length, and holds an ASCII word in lower case exactly where such a
#: pattern finds the word (a test checks every character).
_ASCII_FOLDS = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))


def _folded(text: str) -> str:
    """``text`` with each of :data:`_ASCII_FOLDS` replaced by its ASCII letter."""
    if not text.isascii():
        for char, letter in _ASCII_FOLDS:
            if char in text:  # rare: a look is far cheaper than str.translate
                text = text.replace(char, letter)
    return text


#: At most so many places where a claim's numeral is written are looked at, and so many
#: sentences read for it, before its anchor's sentences are (see :meth:`_Body._state`).
_NUMERALS_LOOKED = 64
_NUMERAL_SENTENCES = 8


def _whole_numeral(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, a numeral, is not part of a longer one ("20" of "2021",
    "1,200" or "3.20")."""
    before = text[start - 2 : start] if start >= 2 else text[:start]
    after = text[end : end + 2]
    return not (
        (before and (before[-1].isdigit() or (before[-1] in ",." and before[:-1].isdigit())))
        or (after and (after[0].isdigit() or (after[0] in ",." and after[1:].isdigit())))
    )


def _find_all(text: str, word: str, start: int, end: int) -> Iterator[int]:
    """Where ``word`` starts in ``text[start:end]``, overlapping or not."""
    at = text.find(word, start, end)
    while at >= 0:
        yield at
        at = text.find(word, at + 1, end)


def _may_hold(lowered: str | None, words: Iterable[str]) -> bool:
    """Whether a text :func:`_lowered` made may hold one of ``words``."""
    return lowered is None or _holds(lowered, words)


def _lowered(text: str, start: int, end: int) -> str | None:
    """``text[start:end]``, with the word an anchor may read before it (:func:`_reach_back`),
    in lower case for :func:`_holds`; None when a colon or a character beyond ASCII is in it,
    and any test of its words must say yes.

    A figure of such a text may bear on a claim only if one of the claim's stems is in it: an
    anchor's key is a lemma of a word it reads (or the group of a phrase of them), and one of
    the stems of each key is in every such word (:meth:`Lexicon.stems_of`). It may state
    parts only if a relation cue is in it: one of :data:`_CUE_WORDS`, or a colon
    (:func:`_has_relation_cue`). Beyond ASCII, case folding is wider than ``lower()``: the
    patterns must say.
    """
    segment = text[_reach_back(text, start) : end]
    if ":" in segment or not segment.isascii():
        return None
    return segment.lower()


_NUMERAL = lazy(globals(), "_NUMERAL", r"\d[\d,.]*\d")


def _numeral(text: str, span: Span) -> str:
    """The numeral written in ``text[span]`` ("1,200" of "about 1,200"), if of two digits
    or more; else ""."""
    m = _NUMERAL.search(text, span.start, span.end)
    return m.group() if m else ""


def _holds(lowered: str, words: Iterable[str]) -> bool:
    return any(map(lowered.__contains__, words))


_K = TypeVar("_K")

#: Kinds whose figures are compared as intervals (:func:`agree`); the rest by their parts.
_INTERVAL_KINDS = frozenset(
    {QKind.COUNT, QKind.PERCENT, QKind.MONEY, QKind.MEASURE, QKind.AGE, QKind.YEAR}
)


#: Fewer figures than this are given all, unsorted (see :class:`_Meeting`).
_FEW = 32


class _Meeting:
    """Body figures of one kind and unit, in order of their intervals, for finding those a
    claim may agree with without comparing it with each (an article of thousands of figures
    would compare every claim with every one).

    :func:`agree` says two figures of an interval kind agree only if the claim's interval
    (as a summary) meets the body figure's, and :func:`_states` only if that interval or the
    one of its number alone does: :meth:`meeting` gives every such figure, and maybe a few
    more, which the caller compares as before. Other kinds: all of them.
    """

    __slots__ = ("_figures", "_highs", "_lows", "_reach", "_scale", "_tolerances")

    def __init__(self, figures: list[Figure], tolerances: Tolerances) -> None:
        self._tolerances = tolerances
        # A few figures are compared faster one by one than sorted first.
        if not figures or len(figures) < _FEW or figures[0].quantity.kind not in _INTERVAL_KINDS:
            self._figures = figures
            self._lows: list[float] | None = None
            return
        spans = sorted(
            ((interval(g.quantity, tolerances), i) for i, g in enumerate(figures)),
            key=_by_low,
        )
        self._figures = [figures[i] for _, i in spans]
        self._lows = [span.low for span, _ in spans]
        self._highs = [span.high for span, _ in spans]
        self._reach = list(accumulate(self._highs, max))
        # Interval.meets allows float noise relative to either side's low: so does meeting().
        self._scale = max(1.0, abs(self._lows[0]), abs(self._lows[-1]))

    def meeting(self, q: Quantity) -> list[Figure]:
        """The figures whose interval may meet claim ``q``'s (all, for another kind)."""
        lows = self._lows
        if lows is None or q.kind not in _INTERVAL_KINDS:
            return self._figures
        target = interval(q, self._tolerances, summary=True)
        if q.qualifier in _OPEN:
            # _states reads an open bound as its number alone ("up to 1,200" states 1,230).
            bare = interval(_bare(q), self._tolerances, summary=True)
            target = Interval(min(target.low, bare.low), max(target.high, bare.high))
        # Wider than Interval.meets's slack: a figure it would let meet is never left out.
        slack = 1e-6 * max(self._scale, abs(target.low), abs(target.high))
        first = bisect_left(self._reach, target.low - slack)  # every high before is lower
        last = bisect_right(lows, target.high + slack)  # every low after is higher
        highs, low = self._highs, target.low - slack
        return [self._figures[i] for i in range(first, last) if highs[i] >= low]


def _by_low(item: tuple[Interval, int]) -> tuple[float, float, int]:
    return (item[0].low, item[0].high, item[1])


def _settle_all(
    candidates: list[Figure],
    figures: list[Figure],
    config: Config,
    *,
    complete: bool,
    stated: set[int] | None = None,
    known: set[int] | frozenset[int] = frozenset(),
    elsewhere: Callable[[Figure], bool] | None = None,
    doc: Document | None = None,
) -> tuple[Claim, ...] | None:
    """Every claim among ``candidates`` settled against the body ``figures``: a candidate
    the body states, whatever it counts, and any other that has an anchor. None, when the
    figures are not ``complete``, if a claim may be settled by body figures not of its
    anchor (``elsewhere`` says whether the rest of the body may state a claim, see
    :func:`_needs_whole_body`). ``stated``, when known, holds the ``id`` of each candidate
    some of ``figures`` states (see :func:`_stated`); else it is worked out, but for those
    ``known``. ``doc`` says the article's year, which a year claim may ask for."""
    values_by_class: dict[tuple[str, str], list[Figure]] | None = None
    near: Callable[[Quantity], list[Figure]] | None = None
    # A claim the body states is settled by value alone: the anchors of the body figures
    # (reading them is most of the cost of a figure) are read only for the other claims.
    if stated is None:
        values_by_class = _values_by_class(candidates, figures)
        near = _Meetings(values_by_class, config.tolerances).of_class
        stated = {id(f) for f in candidates if id(f) in known or _stated(f, near, config)}
    # The anchor of a stated figure is not read: what it counts cannot change the finding.
    claimed = [f for f in candidates if id(f) in stated or f.anchor is not None]
    pending = [f for f in claimed if id(f) not in stated]
    if not pending:
        return tuple(Claim(f, Status.STATED) for f in claimed)
    if values_by_class is None or near is None:
        values_by_class = _values_by_class(candidates, figures)
        near = _Meetings(values_by_class, config.tolerances).of_class
    open_classes = {(f.quantity.kind.value, f.quantity.unit) for f in pending}
    # Only a figure whose sentence holds a stem of a claim's key can have that key (see
    # _lowered): the anchors of the others are read only if a claim's key has no figure,
    # and the closest key of another spelling is looked for.
    stems = frozenset().union(*(config.lexicon.stems_of(f.bucket[2]) for f in pending))
    body, keys_by_class = _buckets(values_by_class, open_classes, stems)
    if any(f.bucket not in body for f in pending):
        body, keys_by_class = _buckets(values_by_class, open_classes, None)
    meetings = _Meetings(body, config.tolerances)
    if not complete and any(
        _needs_whole_body(f, body, config, elsewhere, meetings) for f in pending
    ):
        return None
    said = _KeysSaid(figures, doc)
    by_sentence: dict[Span, list[Figure]] = {}
    for f in candidates:
        by_sentence.setdefault(f.sentence, []).append(f)
    settled = {
        id(f): _settle(
            f,
            body,
            keys_by_class,
            values_by_class,
            config,
            said,
            by_sentence[f.sentence],
            near,
            meetings,
        )
        for f in pending
    }
    return tuple(settled.get(id(f)) or Claim(f, Status.STATED) for f in claimed)


def _buckets(
    values_by_class: dict[tuple[str, str], list[Figure]],
    classes: set[tuple[str, str]],
    stems: frozenset[str] | None,
) -> tuple[dict[tuple[str, str, str], list[Figure]], dict[tuple[str, str], list[str]]]:
    """The body figures of ``classes`` by (kind, unit, anchor key), with the keys of each
    class in order; only those whose sentence may hold one of ``stems``, unless None."""
    body: dict[tuple[str, str, str], list[Figure]] = {}
    keys_by_class: dict[tuple[str, str], list[str]] = {}
    held: dict[Span, bool] = {}
    for kind_unit, found in values_by_class.items():
        if kind_unit not in classes:
            continue
        for f in found:
            if stems is not None:
                may = held.get(f.sentence)
                if may is None:
                    sentence = f.sentence
                    lowered = _lowered(f.context.text, sentence.start, sentence.end)
                    may = held[sentence] = _may_hold(lowered, stems)
                if not may:
                    continue
            anchor = f.anchor
            if anchor is not None:
                bucket = body.setdefault((*kind_unit, anchor.key), [])
                if not bucket:
                    keys_by_class.setdefault(kind_unit, []).append(anchor.key)
                bucket.append(f)
    return body, keys_by_class


def _values_by_class(
    candidates: list[Figure], figures: list[Figure]
) -> dict[tuple[str, str], list[Figure]]:
    """The body ``figures`` of each kind and unit of a candidate's (a claim is only ever
    compared with body figures of its own kind and unit)."""
    classes = {(f.quantity.kind.value, f.quantity.unit) for f in candidates}
    found: dict[tuple[str, str], list[Figure]] = {}
    for f in figures:
        if f.role is Role.BODY:
            kind_unit = (f.quantity.kind.value, f.quantity.unit)
            if kind_unit in classes:
                found.setdefault(kind_unit, []).append(f)
    return found


def _states_figure(claim: Figure, g: Figure, config: Config) -> bool:
    """Whether body figure ``g`` states claim ``claim``'s figure (see :func:`_stated`)."""
    q, b = claim.quantity, g.quantity
    if b.kind is not q.kind or b.unit != q.unit:
        return False
    if (q.low, q.high, q.parts, q.qualifier, b.qualifier) == (b.low, b.high, b.parts, "", ""):
        return True  # the same figure written again, the most common case: both hold it
    # Both: _states reads an open bound as a plain figure, which a round one may round
    # ("more than 1,500" is not stated by 1,480, though a plain "1,500" would be).
    return agree(q, b, config.tolerances) and _states(q, b, config)


def _all_of(
    values_by_class: dict[tuple[str, str], list[Figure]],
) -> Callable[[Quantity], list[Figure]]:
    """The body figures of a claim's kind and unit, all of them."""

    def near(q: Quantity) -> list[Figure]:
        return values_by_class.get((q.kind.value, q.unit), [])

    return near


def _stated(f: Figure, near: Callable[[Quantity], list[Figure]], config: Config) -> bool:
    """Whether the body states claim ``f``'s figure, of whatever it reads it as counting.

    :func:`_settle` would then say nothing, whatever the anchors: a candidate of the claim's
    anchor that agrees clears it, and without one the same figure stated anywhere does.
    """
    q = f.quantity
    return any(_states_figure(f, g, config) for g in near(q))


_AMOUNTS = frozenset({QKind.COUNT, QKind.PERCENT, QKind.MONEY, QKind.MEASURE})


class _KeysSaid:
    """Whether the body gives an amount of another kind or unit for an anchor key (read on
    first use: only a claim with no body figure of its own kind asks, and it costs every
    body anchor)."""

    def __init__(self, figures: list[Figure], doc: Document | None = None) -> None:
        self._figures = figures
        self._doc = doc
        self._said: dict[str, set[tuple[str, str]]] | None = None

    @cached_property
    def published(self) -> int | None:
        """The year the article was published, if its dateline or front matter says (read
        only when a year claim asks)."""
        return publication_year(self._doc) if self._doc is not None else None

    def __call__(self, key: str, kind_unit: tuple[str, str]) -> bool:
        if self._said is None:
            self._said = {}
            for f in self._figures:
                q = f.quantity
                # Only amounts can make a share or a sum: not a year, a date or an age.
                if f.role is Role.BODY and q.kind in _AMOUNTS and (anchor := f.anchor) is not None:
                    self._said.setdefault(anchor.key, set()).add((q.kind.value, q.unit))
        return bool(self._said.get(key, set()) - {kind_unit})

    def names_year(self, year: float) -> bool:
        """Whether a body sentence with a figure names ``year`` as "this year", "last year"
        or "next year" (any year, when the article's is not known): "250,000 visitors this
        year" states a claim of visitors "in 2026" in an article of 2026."""
        named = self._years_named
        return None in named or year in named

    @cached_property
    def _years_named(self) -> frozenset[float | None]:
        found: set[float | None] = set()
        seen: set[Span] = set()
        for f in self._figures:
            if f.role is not Role.BODY or f.sentence in seen:
                continue
            seen.add(f.sentence)
            for m in _RELATIVE_YEAR.finditer(f.context.text, f.sentence.start, f.sentence.end):
                published = self.published
                step = _YEAR_STEP.get(m.group("which").lower(), 1)
                found.add(None if published is None else float(published + step))
        return frozenset(found)

    @cached_property
    def sum_shares(self) -> list[float]:
        """Each share (in per cent) one body sum of money makes of a larger one in the same
        currency, in order (of the first :data:`_MOST_SUMS` sums)."""
        sums: dict[str, list[float]] = {}
        for f in self._figures:
            q = f.quantity
            if f.role is Role.BODY and q.kind is QKind.MONEY and q.low == q.high and q.low > 0:
                sums.setdefault(q.unit, []).append(q.low)
        found = []
        for values in sums.values():
            values = sorted(values[:_MOST_SUMS])
            for i, part in enumerate(values):
                found.extend(100 * part / whole for whole in values[i + 1 :])
        found.sort()
        return found

    @cached_property
    def shares(self) -> list[tuple[float, Figure]]:
        """Shares two body counts make, with their parts (see :func:`shares_of_counts`)."""
        return shares_of_counts(self._figures)


def _needs_whole_body(
    f: Figure,
    body: dict[tuple[str, str, str], list[Figure]],
    config: Config,
    elsewhere: Callable[[Figure], bool] | None = None,
    meetings: _Meetings[tuple[str, str, str]] | None = None,
) -> bool:
    """Whether settling claim ``f`` may ask about body figures not of its anchor: when none
    of its anchor is there, or none of its anchor agrees with it and ``elsewhere`` (if given)
    says the rest of the body may state it (the same figure stated anywhere in the body
    clears it, see :func:`_settle`; all its anchor's figures are read, by
    :meth:`_Body._state`)."""
    assert f.anchor is not None
    anchor = f.anchor
    if not any(
        g.anchor is not None and _compatible(anchor, g.anchor) for g in body.get(f.bucket, ())
    ):
        return True
    if _agrees_in_bucket(f, body, config, meetings):
        return False
    return elsewhere is None or elsewhere(f)


class _Meetings(Generic[_K]):
    """A :class:`_Meeting` of each group of body figures (a kind and unit, or a bucket),
    built when first asked."""

    def __init__(self, groups: Mapping[_K, list[Figure]], tolerances: Tolerances) -> None:
        self._groups = groups
        self._tolerances = tolerances
        self._built: dict[_K, _Meeting] = {}

    def near(self, key: _K, q: Quantity) -> list[Figure]:
        """The figures of group ``key`` that may agree with claim ``q``."""
        found = self._built.get(key)
        if found is None:
            found = self._built[key] = _Meeting(self._groups.get(key, []), self._tolerances)
        return found.meeting(q)

    def of_class(self: _Meetings[tuple[str, str]], q: Quantity) -> list[Figure]:
        """The figures of ``q``'s kind and unit that may agree with it (groups by class)."""
        return self.near((q.kind.value, q.unit), q)


def _agrees_in_bucket(
    f: Figure,
    body: dict[tuple[str, str, str], list[Figure]],
    config: Config,
    meetings: _Meetings[tuple[str, str, str]] | None,
) -> bool:
    """Whether a figure of claim ``f``'s bucket that may count the same thing agrees with it
    (looked for among those ``meetings`` gives, if given)."""
    assert f.anchor is not None
    anchor, q = f.anchor, f.quantity
    found = meetings.near(f.bucket, q) if meetings is not None else body.get(f.bucket, [])
    return any(
        g.anchor is not None
        and _compatible(anchor, g.anchor)
        and agree(q, g.quantity, config.tolerances)
        for g in found
    )


_OPEN = ("more than", "at least", "up to", "fewer than")


def _states(claim: Quantity, body: Quantity, config: Config) -> bool:
    """Whether a body figure states the claimed figure: the same number, to the claim's
    precision. An open bound on either side is read as its number alone: "more than 1,500"
    agrees with any larger figure, but only 1,500 states it. "Up to 8 metres" restated
    states itself; "more than 200" restated does not, as it is often said of another count
    ("injured more than 200 and killed 45")."""
    if body.qualifier in _OPEN:
        if claim.qualifier != "up to" or body.qualifier != "up to":
            return False
        body = _bare(body)
    stated, tolerances = _as_stated(claim, config)
    return agree(stated, body, tolerances)


def _as_stated(claim: Quantity, config: Config) -> tuple[Quantity, Tolerances]:
    """The claim as :func:`_states` compares it, and with what tolerances."""
    if claim.qualifier in _OPEN:
        claim = _bare(claim)
    # A round claim stands for a figure it rounds, whatever the body reads it as counting:
    # anchors are a guess ("1,174 properties" for "1,200 homes"), and a guess that something
    # else is counted ("880 workers" beside "840 farms") must not make a false error. Only a
    # count rounded to hundreds or more, though: one rounded to tens ("420") is near too many
    # other figures ("injured 418" beside "killed 380"), and rounds only its own anchor's.
    if claim.kind is QKind.COUNT and claim.low == int(claim.low) and int(claim.low) % 100:
        return claim, config.unrounded
    return claim, config.tolerances


def _bare(q: Quantity) -> Quantity:
    """``q`` without its qualifier (``replace`` is slower, and this is asked often)."""
    return Quantity(q.kind, q.span, q.low, q.high, q.step, q.unit, "", q.lead, q.parts, q.words)


def _compatible(claim: Anchor, other: Anchor) -> bool:
    """Same thing counted, and not two different fates ("killed" against "arrested")."""
    return not (claim.event and other.event and claim.event != other.event)


def _same_anchor(f: Figure, body: dict[tuple[str, str, str], list[Figure]]) -> list[Figure]:
    """The body figures of ``f``'s kind, unit and anchor key that may count the same thing."""
    assert f.anchor is not None
    return _compatible_of(f.anchor, body.get(f.bucket, []))


def _compatible_of(anchor: Anchor, found: list[Figure]) -> list[Figure]:
    """The figures of ``found`` whose anchor may count what ``anchor`` counts."""
    return [g for g in found if g.anchor is not None and _compatible(anchor, g.anchor)]


def _candidates(
    f: Figure,
    body: dict[tuple[str, str, str], list[Figure]],
    keys_by_class: dict[tuple[str, str], list[str]],
    config: Config,
) -> list[Figure]:
    anchor = f.anchor
    assert anchor is not None
    if f.bucket in body:
        return _same_anchor(f, body)
    if anchor.grouped or len(anchor.key) < 5:
        return []
    # Spelling varies ("guerillas", "guerrillas"): the closest key of this kind, if close.
    from rapidfuzz import fuzz, process  # only a spelling that varies needs it

    keys = keys_by_class.get(f.bucket[:2], [])
    best = (
        process.extractOne(anchor.key, keys, scorer=fuzz.ratio, score_cutoff=config.fuzzy)
        if keys
        else None
    )
    if best is None or len(best[0]) < 5:
        return []
    return _compatible_of(anchor, body[(*f.bucket[:2], best[0])])


def _settle(
    f: Figure,
    body: dict[tuple[str, str, str], list[Figure]],
    keys_by_class: dict[tuple[str, str], list[str]],
    values_by_class: dict[tuple[str, str], list[Figure]],
    config: Config,
    said: _KeysSaid | None = None,
    together: list[Figure] | None = None,
    near: Callable[[Quantity], list[Figure]] | None = None,
    meetings: _Meetings[tuple[str, str, str]] | None = None,
) -> Claim:
    """Claim ``f`` settled against the body; ``together`` are the claims of its sentence.
    ``near`` gives the body figures of a claim's kind and unit that may agree with it (all of
    them, ``values_by_class``'s, when not given)."""
    q = f.quantity
    if near is None:
        near = _all_of(values_by_class)
    candidates = _candidates(f, body, keys_by_class, config)
    if not candidates:
        # Said nowhere for this anchor; but if the body states the same value of the same kind
        # anywhere, the anchor was probably only worded out of our reach: say nothing.
        if any(agree(q, g.quantity, config.tolerances) for g in near(q)):
            return Claim(f, Status.UNCLEAR)
        # A change, or a share or sum of something the body gives other amounts for
        # ("half of cases" against "95 of the 184 cases"), may be worked out from the body.
        assert f.anchor is not None
        if "change" in f.scope or (said is not None and said(f.anchor.key, (q.kind.value, q.unit))):
            return Claim(f, Status.UNCLEAR)
        # Nor a share that the body writes one count as part of another ("Of those, 12,310"),
        # whatever they are read as counting.
        if q.kind is QKind.PERCENT and said is not None and _parts_making(q, said.shares, config):
            return Claim(f, Status.UNCLEAR)
        # Nor a sum the body gives as so much for each of several ("£500,000 apiece" for
        # three winners of "the £1.5m prize"): the total may be worked out from it.
        if q.kind is QKind.MONEY and any(
            "each" in g.scope for g in values_by_class.get((q.kind.value, q.unit), [])
        ):
            return Claim(f, Status.UNCLEAR)
        # Nor a share of a sum of money that two of the body's sums make ("about a quarter of
        # the money" against "took £412,318" and "£104,000 had been recovered").
        if (
            q.kind is QKind.PERCENT
            and said is not None
            and f.anchor.head in _SUMS_OF_MONEY
            and _share_between(q, said.sum_shares, config)
        ):
            return Claim(f, Status.UNCLEAR)
        return Claim(f, Status.UNSUPPORTED)
    if (
        _agrees_in_bucket(f, body, config, meetings)
        if f.bucket in body
        else any(agree(q, g.quantity, config.tolerances) for g in candidates)
    ):
        return Claim(f, Status.AGREES)
    if any(_states(q, g.quantity, config) for g in near(q)):
        # The body states this very figure somewhere, of whatever it reads it as counting: a
        # rank that moved ("climbed to 14th ... had been 21st"), a measure the body names
        # otherwise ("consumer prices rose 6.4%" against "inflation ... 4.1% excluding
        # food"). Anchors are a guess; the same figure is not: say nothing.
        return Claim(f, Status.UNCLEAR)
    # Only a body figure of the same scope can contradict: "133 militants in the past 48
    # hours" is another count than an unscoped "92 insurgents".
    same_scope = [g for g in candidates if _same_time(f.scope, g.scope)]
    if not same_scope:
        return Claim(f, Status.UNCLEAR)
    if (
        q.kind is QKind.PERCENT
        and said is not None
        and _said_of(f, _parts_making(q, said.shares, config))
    ):
        # "two in three visitors are tourists" against "a third of visitors", where the body
        # also writes "412,000 visitors ... Of those, about 275,000 were tourists": that share
        # is the claim's, and the third is of someone else.
        return Claim(f, Status.UNCLEAR)
    if q.kind is QKind.YEAR and (
        any(_names_year(g, q.low, said.published if said is not None else None) for g in same_scope)
        or (said is not None and said.names_year(q.low))
    ):
        # "released 903 titles in 2025 and plans 900 this year": where the body gives its
        # year, it also names the claim's by the article's own.
        return Claim(f, Status.UNCLEAR)
    # A body figure that states another figure of the claim's sentence, of the same thing,
    # is that figure's, not a contradiction of this one: "closes nine of its 64 branches"
    # against "will close nine branches", "rose from £2 to £2.50" against "now £2.50".
    same_scope = _not_theirs(
        f, same_scope, together or [], config, values_by_class.get((q.kind.value, q.unit), [])
    )
    if not same_scope:
        return Claim(f, Status.UNCLEAR)
    middle = (q.low + q.high) / 2
    assert f.anchor is not None
    head = f.anchor.head

    def rank(g: Figure) -> tuple[int, float, int]:
        same_head = 0 if g.anchor is not None and g.anchor.head == head else 1
        return (
            same_head,
            abs((g.quantity.low + g.quantity.high) / 2 - middle),
            g.quantity.span.start,
        )

    return Claim(f, Status.CONTRADICTED, min(same_scope, key=rank))


def _not_theirs(
    f: Figure,
    found: list[Figure],
    together: list[Figure],
    config: Config,
    same_class: Sequence[Figure] = (),
) -> list[Figure]:
    """The figures of ``found`` (body figures that may contradict claim ``f``) that state
    none of the other figures of ``f``'s sentence in ``together``: of the same kind, unit
    and anchor key, or the point of comparison of ``f`` ("from 40 to 32 staff", whatever it
    is read as counting).

    Only one stated in that figure's time frame, though: a point of comparison is not the
    level a body sentence gives with its own ("Turnout was 45%, up from 40%" contradicts
    "rose from 45% to 52%"); one without ("has 40 staff and will lose eight") may be it.
    ``same_class`` are the body figures of ``f``'s kind and unit.
    """
    q = f.quantity
    others = [
        g
        for g in together
        if g is not f
        and (
            g.bucket == f.bucket
            or ("prior" in g.scope and g.quantity.kind is q.kind and g.quantity.unit == q.unit)
        )
    ]
    if not others:
        return found

    def its_own_prior(g: Figure) -> bool:
        return any(
            h is not g and h.sentence == g.sentence and "prior" in h.scope for h in same_class
        )

    return [
        g
        for g in found
        if not any(
            _states(o.quantity, g.quantity, config)
            and (
                _same_time(o.scope, g.scope)
                or ("prior" in o.scope and not g.scope and not its_own_prior(g))
            )
            for o in others
        )
    ]


#: Right before a count: words that make it a part of the count before it ("98,640 people.
#: Of those, 12,310 had waited", "33 dead, of whom 18 were civilians").
_OF_THOSE = lazy(
    globals(),
    "_OF_THOSE",
    r"(?i:\b(?:out[ \t]+)?of[ \t]+(?:those|them|these|this|that|which|whom|all"
    r"|the[ \t]+total|this[ \t]+total|that[ \t]+number)[ \t]*,?[ \t]*$)",
)
#: Right after a count: words that make it a part of the count before it ("18 ministers,
#: nine of them women").
_OF_THEM = lazy(globals(), "_OF_THEM", r"(?i:[ \t]+of[ \t]+(?:them|those|these|whom|which)\b)")
#: At the start of a sentence, before a count: words that make the next count of the sentence
#: a part of it ("Of the 212 cases, 108 were children").
_OF_THE = lazy(
    globals(), "_OF_THE", r"(?i:[\s\"“‘(]*(?:out[ \t]+)?of[ \t]+(?:the|its|their|all)?[ \t]*)"
)
#: Between two counts: the first a part of the second ("108 of the 212", "9 out of 10",
#: "12,310 patients of the 98,640").
_PART_OF = lazy(
    globals(),
    "_PART_OF",
    r"(?i:[ \t]+(?:[A-Za-z'’-]+[ \t]+){0,2}?(?:out[ \t]+)?of[ \t]+(?:the|its|their|all)?[ \t]*)",
)


def shares_of_counts(figures: Iterable[Figure]) -> list[tuple[float, Figure]]:
    """Each share (in per cent) that a body count is written as part of another makes, with
    the part, in order of share: "Of those, N" or "N of them" of the count before, "N of the
    M", and "Of the M ..., N". Two counts merely close together make a share only by chance
    ("2 wings and 5 wards" is no 40%)."""
    counts = [
        f
        for f in figures
        if f.role is Role.BODY
        and f.quantity.kind is QKind.COUNT
        and not f.quantity.unit
        and f.quantity.low > 0
    ]
    shares: list[tuple[float, Figure]] = []
    for i, f in enumerate(counts):
        text = f.context.text
        at = f.quantity.full_span
        pairs = []
        if i > 0 and (
            _OF_THOSE.search(text, max(f.sentence.start, at.start - 30), at.start)
            or _OF_THEM.match(text, at.end, f.sentence.end)
        ):
            pairs.append(counts[i - 1])
        if i + 1 < len(counts) and counts[i + 1].sentence == f.sentence:
            after = counts[i + 1]
            if _PART_OF.fullmatch(text, at.end, after.quantity.full_span.start) or (
                _OF_THE.fullmatch(text, f.sentence.start, at.start)
            ):
                pairs.append(after)
        for g in pairs:
            part, whole = (f, g) if f.quantity.low <= g.quantity.low else (g, f)
            shares.append((100 * part.quantity.low / whole.quantity.low, part))
    shares.sort(key=_share_value)
    return shares


def _share_value(share: tuple[float, Figure]) -> float:
    return share[0]


def _same_time(claim: frozenset[str], body: frozenset[str]) -> bool:
    """Whether a body figure of time frames ``body`` is stated for the claim's, ``claim``.

    A body figure of "this year", "this winter" is of the article's own time, which a claim
    with no time frame is in too ("140 wolves" against "104 wolves this winter"). Not the
    other way round: a claim of "this year" sums the year, and the body's unscoped figures
    may be its parts ("52 homes have flooded this year" against "in January, 40 homes").
    """
    if claim == body:
        return True
    own = frozenset(k for k in body if k.startswith("this "))
    return bool(own) and not (claim & own) and body - own == claim


#: A year named by where it stands from the article's own time, not by its number.
_RELATIVE_YEAR = lazy(
    globals(),
    "_RELATIVE_YEAR",
    r"(?i:\b(?P<which>this|last|next|the[ \t]+coming)[ \t]+year\b)",
)
_YEAR_STEP = {"this": 0, "last": -1, "next": 1}


def _names_year(g: Figure, year: float, published: int | None) -> bool:
    """Whether body figure ``g``'s sentence names ``year`` as "this year", "last year" or
    "next year" (any such year, when the publication year is not known)."""
    for m in _RELATIVE_YEAR.finditer(g.context.text, g.sentence.start, g.sentence.end):
        if published is None:
            return True
        if published + _YEAR_STEP.get(m.group("which").lower(), 1) == year:
            return True
    return False


def publication_year(doc: Document) -> int | None:
    """The year the article says it was first published (see
    :func:`linter.kinds.dateline.publication_year`), or None."""
    # Imported here: the kinds package imports this module.
    from linter.kinds import dateline

    return dateline.publication_year(doc)


def _parts_making(
    claim: Quantity, shares: list[tuple[float, Figure]], config: Config
) -> list[Figure]:
    """The parts of ``shares`` (see :func:`shares_of_counts`) whose share falls in the
    claimed share's interval ("one in eight patients" against "98,640 people ... 12,310 had
    waited"): the share may be worked out from the body."""
    share = interval(claim, config.tolerances, summary=True)
    slack = 1e-9 * max(1.0, abs(share.high))
    found = []
    at = bisect_left(shares, share.low - slack, key=_share_value)
    while at < len(shares) and shares[at][0] <= share.high + slack:
        found.append(shares[at][1])
        at += 1
    return found


#: What a share of a sum of money counts ("a quarter of the money", "half its budget").
_SUMS_OF_MONEY = frozenset(
    {
        "money",
        "cash",
        "fund",
        "funding",
        "sum",
        "amount",
        "budget",
        "cost",
        "spending",
        "revenue",
        "income",
        "profit",
        "taking",
        "debt",
        "loss",
        "grant",
        "bill",
    }
)
#: At most so many sums of money of one currency are paired (see ``_KeysSaid.sum_shares``).
_MOST_SUMS = 60


def _share_between(claim: Quantity, shares: list[float], config: Config) -> bool:
    """Whether one of ``shares`` (in order) falls in the claimed share's interval."""
    share = interval(claim, config.tolerances, summary=True)
    slack = 1e-9 * max(1.0, abs(share.high))
    at = bisect_left(shares, share.low - slack)
    return at < len(shares) and shares[at] <= share.high + slack


#: Words of four letters or more, for what a claim and a part's sentence say alike.
_CONTENT_WORD = lazy(globals(), "_CONTENT_WORD", r"[A-Za-z]{4,}")


def _said_of(claim: Figure, parts: list[Figure]) -> bool:
    """Whether one of ``parts`` is said to be what the claim's sentence says its share is,
    beyond what the claim counts ("two in three visitors are tourists" and "Of those, 275,000
    were tourists"; not "60% of voters voted by post" and "Of those, 7,400 were women", nor
    "... came back from Orrin" for "60% of voters in Orrin backed the plan")."""
    text = claim.context.text
    anchor = claim.anchor
    counted = {anchor.head, anchor.key} if anchor is not None else set()
    said = {
        lemma(w)
        for w in _CONTENT_WORD.findall(text, claim.sentence.start, claim.sentence.end)
        if w.lower() not in STOPWORDS
    } - counted
    for part in parts:
        m = _COMPLEMENT.match(text, part.quantity.full_span.end, part.sentence.end)
        if m is not None and _alike(lemma(m.group("w")), said):
            return True
    return False


def _alike(word: str, words: set[str]) -> bool:
    """Whether ``word`` (a lemma) is one of ``words``, or one begins the other: the lemmas
    of a verb's forms differ in their ends ("cancel" of "cancels", "cancell" of
    "cancelled")."""
    return word in words or any(
        min(len(word), len(w)) >= 4 and (word.startswith(w) or w.startswith(word)) for w in words
    )


#: What a part is said to be: the first word after it, past a linking verb ("275,000 were
#: tourists", "7,400 women").
_COMPLEMENT = lazy(
    globals(),
    "_COMPLEMENT",
    r"(?i:[ \t]+(?:(?:were|was|are|is|had|have|has|been|being|also|still|now)[ \t]+)*"
    r"(?P<w>[a-z]{4,})\b)",
)


# -- parts and totals ----------------------------------------------------------------------


def _find_parts(text: str, figures: list[Figure]) -> list[Parts]:
    """Totals followed by ``including ...`` or ``made up of ...`` and a list of parts."""
    found: list[Parts] = []
    by_sentence: dict[Span, list[Figure]] = {}
    for f in figures:
        by_sentence.setdefault(f.sentence, []).append(f)
    for sentence, group in by_sentence.items():
        if len(group) < 2 or not _has_relation_cue(text, sentence.start, sentence.end):
            continue
        starts = [f.quantity.full_span.start for f in group]  # in order: figures do not overlap
        for i, total in enumerate(group[:-1]):
            relation = _relation_after(text, total, sentence)
            if relation is None:
                continue
            whole, cursor = relation
            kind, unit = total.quantity.kind, total.quantity.unit
            # Only figures like the total can be its parts; a weekday or a date in a part's
            # place phrase ("20 deaths on Friday and ...") is passed over. A part comes after
            # the relation word: a figure in the total's own words ("14 of the 19 provinces,
            # including ...") or in its place phrase is none.
            following = [
                f
                for f in group[bisect_left(starts, cursor, i + 1) :]
                if f.quantity.kind is kind and f.quantity.unit == unit
            ]
            parts = _parts_from(text, following, cursor, sentence, whole)
            if parts is None or (whole and len(parts) < 2):
                continue
            if not _parts_fit(text, total, parts):
                continue
            sums = [interval(p.quantity) for p in parts]
            found.append(
                Parts(
                    total,
                    parts,
                    whole,
                    Interval(sum(s.low for s in sums), sum(s.high for s in sums)),
                )
            )
    return found


_SERIAL_AND = lazy(globals(), "_SERIAL_AND", r",[ \t]*and\b")
#: A gap between two parts that ends in a plain "and" (or "&", "plus", "as well as").
_PLAIN_AND = lazy(
    globals(), "_PLAIN_AND", r"(?i:(?:^|[ \t])(?:and|plus|as[ \t]+well[ \t]+as|&)[ \t]+$)"
)
#: Words that put a sum of money in another period than its total's.
_ANOTHER_TIME = lazy(
    globals(),
    "_ANOTHER_TIME",
    r"(?i:\b(?:(?:last|previous|prior|same|past)[ \t-]+(?:[a-z]+[ \t]+)?"
    r"(?:years?|quarters?|months?|weeks?|period|season|half|spring|summer|autumn|winter)"
    r"|years?[ \t]+(?:earlier|before|ago)|earlier|previously|ago"
    r"|(?:a|an|per|each)[ \t]+(?:year|month|week|quarter)|annually|monthly|yearly"
    r"|(?:19|20)\d\d|FY[ \t]?\d{2,4})\b)",
)
#: What names a part that is a sum of money: its words up to the next separator.
_MONEY_NAME = lazy(
    globals(),
    "_MONEY_NAME",
    r"[^,;.:!?()\n]*?(?=,|;|\.|:|!|\?|\(|\)|\n| and | & | plus | as well as |$)",
)


def part_phrase(text: str, part: Figure) -> Span:
    """A stated part with what names it: its anchor words, or for a sum of money the words
    after it ("$800m from the bank")."""
    q = part.quantity
    if q.kind is QKind.MONEY:
        m = _MONEY_NAME.match(text, q.full_span.end)
        return Span(q.full_span.start, m.end() if m else q.full_span.end)
    return part.phrase


def _has_relation_cue(text: str, start: int, end: int) -> bool:
    """Whether :data:`_RELATION_CUE` matches in ``text[start:end]``.

    The pattern, case-insensitive and led by ``\\b``, is tried at every position of the
    sentence; ASCII text that has no colon and none of :data:`_CUE_WORDS` in lower case cannot
    match, and is told so by a few substring tests. Beyond ASCII, case folding is wider than
    ``lower()`` ("ı" matches "i"): the pattern says.
    """
    segment = text[start:end]
    if ":" in segment:
        return True
    if segment.isascii():
        lowered = segment.lower()
        if not any(word in lowered for word in _CUE_WORDS):
            return False
    return _RELATION_CUE.search(text, start, end) is not None


def _relation_after(text: str, total: Figure, sentence: Span) -> tuple[bool, int] | None:
    """Whether a subset or whole trigger follows the total; where its parts start.

    A total must count something named, but a sum of money is named by its currency ("$1.2bn,
    including $800m from ...")."""
    if total.anchor is None and total.quantity.kind is not QKind.MONEY:
        return None
    m = _RELATION.match(text, total.span.end, sentence.end)
    if m is None:
        return None
    return m.group("subset") is None, m.end()


def _parts_from(
    text: str, following: list[Figure], cursor: int, sentence: Span, whole: bool = False
) -> tuple[Figure, ...] | None:
    """Consecutive figures from ``cursor``, joined only by commas and ``and``.

    A list ends where English ends it: after "A and B", or at ", and" after one part
    ("including $800m in Europe, and $950m a year earlier": a list of parts takes it only as
    "A, B, and C"), or where something else comes between two figures. Parts said to make up
    a ``whole`` are then left unread: the figure after the end may be one of them, and a
    partial list does not make up its whole.
    """
    parts: list[Figure] = []
    closed = False  # the last two parts were joined by a plain "and": the list has ended
    for f in following:
        gap = text[cursor : f.quantity.full_span.start]
        if parts:
            sep = _PART_SEPARATOR.fullmatch(gap)
            if sep is None:
                if whole:
                    return None  # "£163,000 for 11 schools and ...": where it ends is unclear
                break
            serial = _SERIAL_AND.search(gap) is not None
            if closed or (serial and len(parts) == 1):
                if whole:
                    return None
                break
            closed = not serial and _PLAIN_AND.search(gap) is not None
        elif gap.strip() not in ("", "the"):
            return None
        q = f.quantity
        if q.kind is QKind.MONEY:
            if _ANOTHER_TIME.search(text, q.full_span.end, part_phrase(text, f).end):
                # "$4.3m a year earlier": the same money at another time (or a yearly sum).
                # Where the list ends is then unclear, and a partial list would not make up
                # its whole.
                return None
        elif f.anchor is None or f.anchor.span.start < q.span.end:
            # "including 18 in the capital": not a part we can name. Nor one named only by a
            # word before it ("made up of 1,150 at Tarrow and 430 at Whinmoor" would read
            # "made" and "Tarrow"): a part says what it counts after its figure.
            return None
        parts.append(f)
        cursor = f.span.end
    return tuple(parts) or None


def _parts_fit(text: str, total: Figure, parts: tuple[Figure, ...]) -> bool:
    """Parts and total are the same kind of figure, and the parts are distinct things."""
    tq = total.quantity
    if tq.kind not in (QKind.COUNT, QKind.MONEY, QKind.PERCENT, QKind.MEASURE):
        return False
    if tq.qualifier in ("up to", "fewer than") or tq.is_range:
        return False
    names = set()
    for p in parts:
        pq = p.quantity
        if pq.kind is not tq.kind or pq.unit != tq.unit:
            return False
        if pq.kind is QKind.MONEY:
            named = part_phrase(text, p)
            names.add(text[pq.full_span.end : named.end].strip().lower())
        elif p.anchor is None:
            return False
        else:
            anchor = text[p.anchor.span.start : p.anchor.span.end]
            names.add(" ".join(lemma(w) for w in anchor.split()))
    # Parts named alike ("20 deaths ... 15 deaths") may overlap, and unnamed ones may be the
    # same: no sum can be trusted.
    return "" not in names and len(names) == len(parts)
