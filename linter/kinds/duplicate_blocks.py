"""duplicate-blocks: a run of blocks that repeats an earlier run, exactly or nearly.

Linear in the article: exact repeats are found by hashing each block's comparison key; near
repeats by indexing word shingles and running rapidfuzz only on blocks that share enough of
them. A run grows block by block from a matching pair and may step over a few unmatched blocks
(a separator, a relabelled heading) when the copy goes on matching after them.

What is not a copy: a near pair whose figures differ (two regions' results written alike), a
block quote of a paragraph stated elsewhere (a pull quote), and list items repeated in another
list that is not the same list (a road closed on Saturday and again on Sunday).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import chain
from typing import Any

from linter.document import Block, BlockKind, Document, Role, Span
from linter.findings import Finding, Fix, Related
from linter.kinds import similarity as similarity_bounds
from linter.kinds.base import Kind
from linter.kinds.common import block_keys, quote, remove_lines
from linter.kinds.similarity import common_characters, lcs_cost_ns, lcs_length, ratio_may_reach
from linter.options import option

#: rapidfuzz's fuzz module, imported at the first comparison that needs it (start-up, and
#: an article without candidates, stay light).
fuzz: Any = None
#: rapidfuzz's insert/delete distance, imported likewise.
_indel: Any = None
#: About what counting one character of a key costs (for :func:`common_characters`).
COUNT_NS = 60
#: Deletes the commonest letters and the spaces of a key (see _Matcher._may_be_near).
_COMMON = str.maketrans("", "", " etaoinsrhl")

SHINGLE = 4  # words per shingle
SHINGLE_COMMON = 16  # a shingle in more blocks than this is boilerplate, not evidence
CANDIDATES = 4  # earlier blocks tried as the start of a copy, per block
STEP_CHARS = 20  # an exact match after a gap continues a run only from this many characters
PAIRWISE_MAX = 48  # blocks with shared shingles up to which candidates are counted pairwise
LIST_MIN_ITEMS = 2  # a run of list items alone counts from whole lists of this many items
#: Marks a quoted block's key in the exact-match index: never in a key (see compare_key).
QUOTED = ">"


@dataclass(frozen=True)
class DuplicateBlocksOptions:
    """Options of a ``duplicate-blocks`` rule."""

    min_chars: int = option(
        150,
        "A repeated run must hold at least this many characters of text to count: this is "
        "where a repeated quote or sign-off stops and a repeated section starts.",
        minimum=0,
    )
    min_blocks: int = option(
        1, "A repeated run must also hold at least this many blocks.", minimum=1
    )
    similarity: int = option(
        90,
        "Similarity (0-100, rapidfuzz ratio) at which two blocks count as near copies.",
        minimum=0,
        maximum=100,
    )
    near_min_chars: int = option(
        80, "Blocks shorter than this are only ever matched exactly.", minimum=0
    )
    max_gap: int = option(
        2, "Unmatched blocks a run may step over on either side and still continue.", minimum=0
    )


@dataclass(slots=True, eq=False)
class _Run:
    """A run of matched blocks as it grows."""

    pairs: list[tuple[int, int]]  # (original unit, repeat unit)
    near: list[float]  # scores of near (not exact) pairs
    chars: int


class DuplicateBlocks(Kind):
    name = "duplicate-blocks"
    options_type = DuplicateBlocksOptions
    fields = {
        "lines": "which lines repeat which: 'Line 19 repeats line 14', 'Lines 19-23 repeat "
        "lines 14-18'",
        "repeat": "the lines of the repeated run ('19' or '19-23')",
        "original": "the lines of the first copy",
        "how": "'exact copy', 'copy with other case or punctuation' or 'near copy, N% similar'",
        "excerpt": "the start of the repeated text",
    }
    description = (
        "Finds runs of paragraphs, headings and list items that repeat an earlier run of the "
        "same article, exactly or with small differences. One finding per repeated run, "
        "spanning the whole run and pointing at the first copy. Not copies: near copies "
        "whose figures differ, a block quote repeating a paragraph (a pull quote), and list "
        "items repeated in a list that is not the same whole list."
    )
    cost = 9.0  # about 0.85 s on a 5 MB article

    def check(self, doc: Document, options: DuplicateBlocksOptions) -> Iterator[Finding]:
        blocks = doc.blocks
        units = [i for i in doc.content_blocks if blocks[i].role is not Role.FRONT_MATTER]
        if len(units) < 2:
            return
        all_keys = block_keys(doc)
        keys = [all_keys[i] for i in units]
        matcher = _Matcher(keys, options, [blocks[i].quoted for i in units])
        covered_until = -1
        repeats: list[Span] = []  # the runs reported so far, each removed by its fix
        for p in range(1, len(units)):
            if p <= covered_until:
                continue
            best: _Run | None = None
            candidates = matcher.candidates(p)
            if candidates and matcher.stuck(candidates, p):
                # No run can grow past its first pair, so every run is as long as any other
                # and the first candidate's is the one kept (a heading repeated hundreds of
                # times lands here from each copy, and trying every step of each is costly).
                best = self._seed(candidates[0], p, matcher)
            else:
                for q in candidates:
                    run = self._extend(q, p, matcher, blocks, units, options)
                    if best is None or run.chars > best.chars:
                        best = run
            if best is None:
                continue
            if not self._counts(best, doc, units, options):
                if best.chars >= options.min_chars and len(best.pairs) >= options.min_blocks:
                    # Long enough, but headings only or part of a list: the blocks it covers
                    # would only start the same kind of run again (and retrying each is
                    # quadratic).
                    covered_until = best.pairs[-1][1]
                continue
            covered_until = best.pairs[-1][1]
            finding = self._finding(doc, best, units, keys)
            original = finding.fields["original"]
            if any(r.start < original.end and original.start < r.end for r in repeats):
                # Its first copy is partly an earlier run that is itself removed: with both
                # fixes the text of that part would be left nowhere.
                finding = replace(finding, fix=None)
            repeats.append(finding.span)
            yield finding

    @staticmethod
    def _seed(q: int, p: int, matcher: _Matcher) -> _Run:
        """The run of the single pair ``(q, p)``, as :meth:`_extend` starts it."""
        score = matcher.score(q, p)
        return _Run([(q, p)], [] if score >= 100 else [score], matcher.size(p))

    @staticmethod
    def _extend(
        q: int,
        p: int,
        matcher: _Matcher,
        blocks: tuple[Block, ...],
        units: list[int],
        options: DuplicateBlocksOptions,
    ) -> _Run:
        run = DuplicateBlocks._seed(q, p, matcher)
        a, b = q, p
        n = len(units)
        keys = matcher.exact
        sizes = matcher.sizes
        short = options.near_min_chars
        reach = options.similarity - 10
        while True:
            step = None
            for total, da, db in matcher.steps:
                na, nb = a + 1 + da, b + 1 + db
                if na >= p or nb >= n:
                    continue
                # What score() would say first, without the call: most pairs tried are
                # plainly different.
                ka, kb = keys[na], keys[nb]
                if ka == kb:
                    if not ka:
                        continue
                    s = 100.0
                else:
                    la, lb = sizes[na], sizes[nb]
                    if not ka or not kb or la < short or lb < short:
                        continue
                    # min/max without the calls (this loop runs for every pair tried)
                    if (la if la < lb else lb) * 100 < (lb if la < lb else la) * reach:
                        continue
                    s = matcher.score(na, nb)
                    if not s:
                        continue
                if total == 0 or s < 100 or sizes[nb] >= STEP_CHARS:
                    step = (na, nb, s)
                    break
            if step is None:
                return run
            a, b, s = step
            run.pairs.append((a, b))
            if s < 100:
                run.near.append(s)
            run.chars += matcher.size(b)

    @staticmethod
    def _counts(
        run: _Run, doc: Document, units: list[int], options: DuplicateBlocksOptions
    ) -> bool:
        if run.chars < options.min_chars or len(run.pairs) < options.min_blocks:
            return False
        blocks = doc.blocks
        if all(blocks[units[b]].is_heading for _, b in run.pairs):
            return False
        return _not_a_list_repeat(
            doc, [units[a] for a, _ in run.pairs], [units[b] for _, b in run.pairs]
        )

    @staticmethod
    def _finding(doc: Document, run: _Run, units: list[int], keys: list[str]) -> Finding:
        blocks = doc.blocks
        (q0, p0), (q1, p1) = run.pairs[0], run.pairs[-1]
        repeat = Span(blocks[units[p0]].span.start, blocks[units[p1]].span.end)
        original = Span(blocks[units[q0]].span.start, blocks[units[q1]].span.end)
        matched = {units[b] for _, b in run.pairs}
        # Unmatched blocks inside the copy: a relabelled heading, a separator or an empty
        # bullet loses nothing of the article, but dropping an unmatched paragraph, code block
        # or HTML would, so that fix is only offered as unsafe.
        lossy = any(
            not _droppable(blocks[i]) for i in range(units[p0], units[p1] + 1) if i not in matched
        )
        # Blocks match exactly by their comparison keys, which ignore case, punctuation and
        # markup: only a copy whose words and marks are all the same loses nothing removed.
        verbatim = not run.near and all(
            blocks[units[a]].text.split() == blocks[units[b]].text.split() for a, b in run.pairs
        )
        if run.near:
            how = f"near copy, {int(min(run.near))}% similar"
        else:
            how = "exact copy" if verbatim else "copy with other case or punctuation"
        lines = _which_lines(doc, repeat, original)
        fix = Fix(
            (remove_lines(doc, repeat),),
            safe=verbatim and not lossy,
            description="Remove the repeated run",
        )
        return Finding(
            repeat,
            {
                "lines": lines,
                "repeat": repeat,
                "original": original,
                "how": how,
                "excerpt": quote(blocks[units[p0]].text, 50),
            },
            related=(Related(original, "first copy"),),
            fix=fix,
        )


def _line_range(doc: Document, span: Span) -> tuple[int, int]:
    """The first and last line ``span`` covers (as the engine renders a Span field)."""
    return doc.line_of(span.start), doc.line_of(max(span.start, span.end - 1))


def _which_lines(doc: Document, repeat: Span, original: Span) -> str:
    """'Line 19 repeats line 14', 'Lines 19-23 repeat lines 14-18': number agrees with lines."""
    (r0, r1), (o0, o1) = _line_range(doc, repeat), _line_range(doc, original)
    subject = f"Line {r0} repeats" if r0 == r1 else f"Lines {r0}-{r1} repeat"
    return f"{subject} line {o0}" if o0 == o1 else f"{subject} lines {o0}-{o1}"


def _list_extents(doc: Document) -> tuple[dict[int, int], dict[int, int]]:
    """Each list item's list (the index of its first item), and each list's number of items.

    A list is a run of list items with nothing but blank lines between them, nested items
    included.
    """
    first: dict[int, int] = {}
    sizes: dict[int, int] = {}
    start = -1
    for i, block in enumerate(doc.blocks):
        if block.kind is BlockKind.LIST_ITEM:
            if start < 0:
                start = i
            first[i] = start
            sizes[start] = sizes.get(start, 0) + 1
        elif block.kind is not BlockKind.BLANK:
            start = -1
    return first, sizes


def _not_a_list_repeat(doc: Document, original: list[int], repeat: list[int]) -> bool:
    """Whether a run (its matched blocks on each side) may be a copy, as far as lists go.

    The same item may stand in two lists (a road closed on Saturday and on Sunday), so a side
    made of list items alone counts only as whole lists of LIST_MIN_ITEMS items or more:
    a list pasted again. A list that repeats its own items is a copy too.
    """
    blocks = doc.blocks
    items_only = [
        all(blocks[i].kind is BlockKind.LIST_ITEM for i in side) for side in (original, repeat)
    ]
    if not any(items_only):
        return True
    first, sizes = doc.memo("duplicate-blocks:lists", _list_extents)
    if all(items_only) and first[original[-1]] == first[repeat[0]]:
        return True
    for side, only in zip((original, repeat), items_only, strict=True):
        if not only:
            continue
        if len(side) < LIST_MIN_ITEMS:
            return False
        # Every item of every list the side touches is matched (no item of it differs).
        touched = Counter(first[i] for i in side)
        if any(sizes[start] != count for start, count in touched.items()):
            return False
    return True


def _droppable(block: Block) -> bool:
    """Whether removing this unmatched block with the repeat loses nothing of the article."""
    if block.kind in (BlockKind.BLANK, BlockKind.THEMATIC_BREAK) or block.is_heading:
        return True
    return block.kind is BlockKind.LIST_ITEM and not block.text.strip()


class _Matcher:
    """Which blocks match which: exact by key, near by shingles then rapidfuzz."""

    def __init__(
        self,
        keys: list[str],
        options: DuplicateBlocksOptions,
        quoted: list[bool] | None = None,
    ) -> None:
        self.keys = keys
        #: Each block's key length.
        self.sizes = [len(key) for key in keys]
        self.options = options
        #: Whether each block sits in a block quote: a quoted block and an unquoted one are
        #: never copies of each other (a pull quote repeats a paragraph on purpose).
        self.quoted = quoted if quoted is not None else [False] * len(keys)
        #: The keys exact matches are found by: a quoted block's is marked, so that it equals
        #: only another quoted block's (the same list as ``keys`` when nothing is quoted).
        self.exact = (
            [QUOTED + key if q and key else key for key, q in zip(keys, self.quoted, strict=True)]
            if any(self.quoted)
            else keys
        )
        #: Per block, the digit runs of its key, once needed (see score).
        self._figures: list[list[str] | None] = [None] * len(keys)
        gap = options.max_gap
        #: The steps a run tries from its last pair, in order: (blocks stepped over in all,
        #: on the original's side, on the repeat's side), nearest first.
        self.steps = [
            (total, da, total - da)
            for total in range(0, 2 * gap + 1)
            for da in range(max(0, total - gap), min(total, gap) + 1)
        ]
        self.by_key: dict[str, list[int]] = defaultdict(list)
        for u, key in enumerate(self.exact):
            self.by_key[key].append(u)
        no_grams: frozenset[str] = frozenset()
        all_grams: list[frozenset[str]] = []
        for key in keys:
            if len(key) < options.near_min_chars:
                all_grams.append(no_grams)
                continue
            words = key.split()
            # A shingle is the text of its words (a key's words never hold a space): a string
            # keeps its hash, where a tuple is hashed again by every set operation.
            shingles = zip(*(words[i:] for i in range(SHINGLE)), strict=False)
            all_grams.append(frozenset(map(" ".join, shingles)))
        #: How many shingles each block has.
        self.gram_counts: list[int] = [len(grams) for grams in all_grams]
        # In how many blocks each shingle stands (one C-level count). Only shingles of two
        # blocks or more can make a block a candidate, and one of more than SHINGLE_COMMON
        # blocks is boilerplate, not evidence: only the rest are indexed and counted.
        spread = Counter(chain.from_iterable(all_grams))
        if len(spread) == sum(self.gram_counts):
            indexed = set()  # every shingle in one block only: the usual article
        else:
            indexed = {g for g, n in spread.items() if 1 < n <= SHINGLE_COMMON}
        #: Each block's indexed shingles.
        self.shared: list[frozenset[str]] = [
            grams & indexed if grams and indexed else no_grams for grams in all_grams
        ]
        #: How many shingles p must share with an earlier block for it to be a candidate.
        self.need = [max(1, n // 4) for n in self.gram_counts]
        #: Blocks with indexed shingles, in order.
        self.holders = [u for u, shared in enumerate(self.shared) if shared]
        #: Few such blocks (a usual article): a seeker's counts are set intersections with
        #: each earlier one, cheaper then than building the index.
        self.pairwise = len(self.holders) <= PAIRWISE_MAX
        # A block with fewer indexed shingles than it needs shares too few with any other
        # block, and one with an earlier exact copy takes that copy: only the shingles of
        # the other blocks are ever looked up, so only those are indexed.
        looked_up: set[str] = set()
        for u, shared in enumerate(self.shared) if not self.pairwise else ():
            if len(shared) >= self.need[u] and keys[u] and self.by_key[self.exact[u]][0] == u:
                looked_up |= shared
        index: dict[str, list[int]] = defaultdict(list)
        if looked_up:
            for u, shared in enumerate(self.shared):
                for g in shared & looked_up:
                    index[g].append(u)
        self.index = index
        #: Per block a run may start from: see _window.
        self._windows: dict[int, tuple[str, frozenset[str], tuple[int, ...]]] = {}
        #: Per block, its key without the commonest letters, once needed (_may_be_near).
        self._thin: list[str | None] = [None] * len(keys)

    def size(self, u: int) -> int:
        return self.sizes[u]

    def stuck(self, candidates: list[int], p: int) -> bool:
        """Whether no run from ``(q, p)``, ``q`` a candidate, can take a step at all.

        A cheap test of every step :meth:`DuplicateBlocks._extend` could try from the first
        pair: True only when none can match, never a guess (False may be wrong: then the runs
        are extended as usual).
        """
        keys, sizes = self.exact, self.sizes
        gap = self.options.max_gap
        ahead = keys[p + 1 : p + 2 + gap]
        if not ahead:
            return True
        # Past the next pair, an exact match is a step only for a block of STEP_CHARS or more.
        first = ahead[0]
        longer = [key for key in ahead if len(key) >= STEP_CHARS]
        windows = self._windows
        for q in candidates:
            window = windows.get(q)
            if window is None:
                window = windows[q] = self._window(q)
            if first and window[0] == first:
                return False
            if longer and not window[1].isdisjoint(longer):
                return False
        short = self.options.near_min_chars
        reach = self.options.similarity - 10
        near: list[int] | None = None
        for nb in range(p + 1, p + 1 + len(ahead)):
            lb = sizes[nb]
            if lb < short or not keys[nb]:
                continue
            if near is None:
                near = [na for q in candidates for na in windows[q][2]]
            for na in near:
                la = sizes[na]
                # The length test of _extend, then a bound on the distance.
                if (la if la < lb else lb) * 100 < (lb if la < lb else la) * reach:
                    continue
                if self._may_be_near(na, nb):
                    return False
        return True

    def _window(self, q: int) -> tuple[str, frozenset[str], tuple[int, ...]]:
        """Of the blocks a run from ``q`` may step to: the next one's key, all their keys,
        and those of them long enough to be near copies."""
        end = min(q + 2 + self.options.max_gap, len(self.keys))
        short = self.options.near_min_chars
        keys, sizes = self.exact, self.sizes
        return (
            keys[q + 1] if q + 1 < end else "",
            frozenset(keys[q + 1 : end]),
            tuple(u for u in range(q + 1, end) if sizes[u] >= short and keys[u]),
        )

    def _may_be_near(self, a: int, b: int) -> bool:
        """False when blocks ``a`` and ``b`` are certainly too different for :meth:`score`
        to call them near copies (it may still say so when this says True).

        The insert/delete distance between two texts is at least that between the texts
        with some letters deleted from both, plus the difference in how many were deleted
        (split the alphabet in two: an alignment of the whole aligns each half, and every
        unmatched letter is in one half). The kept letters are about a fifth of a text, so
        the bound costs a fraction of the ratio itself and rules out nearly every pair.
        """
        global _indel
        thin = self._thin
        ta, tb = thin[a], thin[b]
        if ta is None:
            ta = thin[a] = self.keys[a].translate(_COMMON)
        if tb is None:
            tb = thin[b] = self.keys[b].translate(_COMMON)
        la, lb = self.sizes[a], self.sizes[b]
        # ratio >= similarity  <=>  100 * distance <= (100 - similarity) * (la + lb); a
        # distance of one more than that is ruled out (a margin over float rounding).
        limit = ((la + lb) * (100 - self.options.similarity) + 199) // 100
        limit -= abs((la - len(ta)) - (lb - len(tb)))
        if limit <= 0:
            return False
        if _indel is None and similarity_bounds.python_first(lcs_cost_ns(ta, tb)):
            # Indel distance = both lengths - 2 * LCS, exactly as rapidfuzz counts it.
            return len(ta) + len(tb) - 2 * lcs_length(ta, tb) < limit
        if _indel is None:
            from rapidfuzz.distance import Indel

            _indel = Indel.distance
        return bool(_indel(ta, tb, score_cutoff=limit - 1) < limit)

    def score(self, a: int, b: int) -> float:
        """100 for an exact match, the similarity for a near one, 0 for none."""
        ka, kb = self.keys[a], self.keys[b]
        if not ka or not kb:
            return 0.0  # no words (a lone "#", "..."): nothing to be a copy of
        if self.quoted[a] != self.quoted[b]:
            return 0.0  # a pull quote
        if ka == kb:
            return 100.0
        limit = self.options.near_min_chars
        if len(ka) < limit or len(kb) < limit:
            return 0.0
        if min(len(ka), len(kb)) * 100 < max(len(ka), len(kb)) * (self.options.similarity - 10):
            return 0.0
        if self.figures(a) != self.figures(b):
            # Text pasted again keeps its figures: two blocks written alike about different
            # numbers (two regions' results) are not copies.
            return 0.0
        global fuzz
        similarity = self.options.similarity
        if fuzz is None and not self._may_reach(ka, kb, similarity):
            return 0.0
        if fuzz is None:
            from rapidfuzz import fuzz  # the first comparison: most articles never get here
        s = fuzz.ratio(ka, kb, score_cutoff=similarity)
        return min(s, 99.9) if s else 0.0

    def figures(self, u: int) -> list[str]:
        """The digit runs of block ``u``'s key, in order."""
        found = self._figures[u]
        if found is None:
            found = self._figures[u] = re.findall(r"\d+", self.keys[u])
        return found

    @staticmethod
    def _may_reach(ka: str, kb: str, similarity: int) -> bool:
        """False when keys ``ka`` and ``kb`` certainly score below ``similarity``, worked out
        in Python while rapidfuzz is not imported (see :mod:`linter.kinds.similarity`);
        True when they may reach it, or when rapidfuzz is the faster way to tell."""
        size = len(ka) + len(kb)
        if not similarity_bounds.python_first(size * COUNT_NS):
            return True
        if not ratio_may_reach(common_characters(ka, kb), len(ka), len(kb), similarity):
            return False
        if not similarity_bounds.python_first(lcs_cost_ns(ka, kb)):
            return True
        return ratio_may_reach(lcs_length(ka, kb), len(ka), len(kb), similarity)

    def candidates(self, p: int) -> list[int]:
        """Earlier blocks that ``p`` may be a copy of, best first, at most a few."""
        if not self.keys[p]:
            return []
        same = self.by_key.get(self.exact[p], ())
        earlier = bisect_left(same, p)  # the list is in block order: no scan of every copy
        if earlier:
            # The first copy gives the longest run; the latest catches a third paste.
            first = same[: min(earlier, CANDIDATES - 1)]
            return list(dict.fromkeys([*first, same[earlier - 1]]))
        need = self.need[p]
        if len(self.shared[p]) < need:
            return []  # a block holds at most all of p's indexed shingles: none has enough
        counts: dict[int, int] = defaultdict(int)
        if self.pairwise:
            mine, shared = self.shared[p], self.shared
            for q in self.holders:
                if q >= p:
                    break
                counts[q] = len(mine & shared[q])
        else:
            index = self.index
            for g in self.shared[p]:
                for q in index[g]:  # in block order, p among them
                    if q >= p:
                        break
                    counts[q] += 1
        # Most shared shingles first; on a tie the earlier block (not the order the set of
        # shingles happens to be read in, which varies from run to run).
        ranked = sorted((q for q, c in counts.items() if c >= need), key=lambda q: (-counts[q], q))
        return [q for q in ranked[:CANDIDATES] if self.score(q, p)]
