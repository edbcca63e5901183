"""Shortcuts that skip work (prefilters, candidate generation) report what the full work does.

Each property runs a kind's quick path and its exhaustive path on small random articles built
from words chosen to collide (near-identical names, possessives, titles, sentence starts), and
requires the same findings.
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.document import Role
from linter.kinds import duplicate_blocks, existence, get_kind
from linter.kinds.common import compare_key
from linter.kinds.duplicate_blocks import CANDIDATES, SHINGLE, SHINGLE_COMMON, _Matcher
from linter.kinds.name_variants import (
    _NAME_WORD,
    _SEQUENCE,
    NameVariants,
    _occurrences,
    _possible_words,
)
from linter.options import parse_options
from linter.parse import parse
from tests.edits import edited

_NAMES = [
    "Berglund",
    "Berglind",
    "Berglund's",
    "Jones'",
    "Jonas’",
    "Jonass",
    "Johnson",
    "Johnston",
    "Mossfeldt",
    "Mosfeldt",
    "Anders",
    "Palestine",
    "Palestinian",
    "President",
    "Minister",
    "Abc'Def",
    "Anne-Marie",
    "Officials",
]
_WORDS = ["the", "said", "and", "met", "in", "at", "noon", "later", "https://x.org/A", "`Code`"]
_PUNCT = ["", "", "", ".", ",", ":", "-", "'", '"', "(", ")", "\t", " "]

_token = st.one_of(st.sampled_from(_NAMES), st.sampled_from(_WORDS))
_line = st.lists(
    st.tuples(_token, st.sampled_from(_PUNCT)).map(lambda t: t[0] + t[1]), max_size=12
).map(" ".join)
_article = st.tuples(
    st.lists(_line, min_size=1, max_size=8),
    st.sampled_from(["text", "markdown"]),
    st.sampled_from(["\n", "\n\n", "\n- "]),
)


def _doc(parts: tuple[list[str], str, str]):  # type: ignore[no-untyped-def]
    lines, fmt, joint = parts
    text = "Harbour Reopens" + joint + joint.join(lines) + "\n"
    return parse(text, "a.md" if fmt == "markdown" else "a.txt", fmt)


@settings(max_examples=300, deadline=None)
@given(_article, st.sampled_from([70, 85, 95]), st.sampled_from([3, 5]))
def test_name_variants_prefilter_drops_no_finding(parts, similarity, min_length) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(parts)
    kind = get_kind("name-variants")
    options = parse_options(
        kind.options_type, {"similarity": similarity, "min-length": min_length}, path="t", line=1
    )
    assert {o.word for o in _occurrences(doc)} <= _possible_words(doc)
    assert list(kind.check(doc, options)) == list(NameVariants._findings(doc, options))


_PLAIN_SEQUENCE = re.compile(rf"(?<![\w'’-])(?:{_NAME_WORD})(?:[ \t]+(?:{_NAME_WORD}))*(?![\w-])")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="AbcZé9_'’- \t\n.", max_size=30))
def test_name_sequence_pattern_matches_as_its_plain_form(text: str) -> None:
    # The kind's pattern puts the first capital before its lookbehind, only to search faster.
    assert [m.span() for m in _SEQUENCE.finditer(text)] == [
        m.span() for m in _PLAIN_SEQUENCE.finditer(text)
    ]


def test_name_variants_prefilter_lets_a_real_variant_through() -> None:
    doc = parse(
        "Title\nThe mayor met Anders Berglund at noon.\n\nLater, Anders Berglind left.\n", "a.txt"
    )
    kind = get_kind("name-variants")
    options = parse_options(kind.options_type, {}, path="t", line=1)
    assert NameVariants._may_find(doc, options)
    assert [doc.position(f.span.start) for f in kind.check(doc, options)] == [(4, 15)]


# -- duplicate-blocks ------------------------------------------------------------------------


def _reference_candidates(keys: list[str], options: Any, p: int) -> list[int]:
    """Candidates as the kind defines them, by comparing ``p`` with every earlier block."""
    if not keys[p]:
        return []
    earlier = [q for q in range(p) if keys[q] == keys[p]]
    if earlier:
        return list(dict.fromkeys([*earlier[: CANDIDATES - 1], earlier[-1]]))

    def grams(key: str) -> set[tuple[str, ...]]:
        if len(key) < options.near_min_chars:
            return set()
        words = key.split()
        return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}

    every = [grams(k) for k in keys]
    if not every[p]:
        return []
    holders = {g: sum(g in other for other in every) for g in every[p]}
    evidence = {g for g, n in holders.items() if 1 < n <= SHINGLE_COMMON}
    counts = {q: len(evidence & every[q]) for q in range(p)}
    need = max(1, len(every[p]) // 4)
    ranked = sorted((q for q, c in counts.items() if c >= need), key=lambda q: (-counts[q], q))
    matcher = _Matcher(keys, options)
    return [q for q in ranked[:CANDIDATES] if matcher.score(q, p)]


_SENTENCES = [
    "Ferries sailed again on Monday after a week of storms kept every boat in port.",
    "Ferries sailed again on Tuesday after a week of storms kept every boat in port.",
    "Engineers checked the sea wall overnight and found only minor cracks in it.",
    "The harbour master said the sea wall would be repaired before the winter.",
    "Trade could recover by spring if the sea wall holds through the winter gales.",
    "Repairs",
    "Outlook",
]
_block = st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=3).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_block, min_size=2, max_size=20),
    st.sampled_from([80, 90, 95]),
    st.sampled_from([40, 80]),
)
def test_duplicate_blocks_candidates_are_the_exhaustive_ones(blocks, similarity, near) -> None:  # type: ignore[no-untyped-def]
    kind = get_kind("duplicate-blocks")
    options = parse_options(
        kind.options_type,
        {"similarity": similarity, "near-min-chars": near, "min-chars": 60},
        path="t",
        line=1,
    )
    doc = parse("Harbour Reopens\n" + "\n".join(blocks) + "\n", "a.txt")
    units = [i for i in doc.content_blocks if doc.blocks[i].role is not Role.FRONT_MATTER]
    keys = [compare_key(doc.blocks[i].text) for i in units]
    expected = [_reference_candidates(keys, options, p) for p in range(len(keys))]
    # Both ways of counting shared shingles: set intersections (few blocks) and the index.
    for pairwise_max in (0, 1000):
        saved = duplicate_blocks.PAIRWISE_MAX
        duplicate_blocks.PAIRWISE_MAX = pairwise_max
        try:
            matcher = _Matcher(keys, options)
        finally:
            duplicate_blocks.PAIRWISE_MAX = saved
        assert matcher.pairwise == (pairwise_max > 0) or not matcher.holders
        for p in range(1, len(keys)):
            assert matcher.candidates(p) == expected[p]


def _findings(kind: Any, doc: Any, options: Any) -> list[tuple[Any, ...]]:
    return [(f.span, f.fields, f.related, f.fix) for f in kind.check(doc, options)]


def _without_stuck_shortcut(kind: Any, doc: Any, options: Any) -> list[tuple[Any, ...]]:
    """The findings with every candidate's run extended step by step (no shortcut)."""
    saved = _Matcher.stuck
    _Matcher.stuck = lambda self, candidates, p: False  # type: ignore[method-assign]
    try:
        return _findings(kind, doc, options)
    finally:
        _Matcher.stuck = saved  # type: ignore[method-assign]


_PARAGRAPHS = [
    "Ferries sailed again on Monday after a week of storms kept every boat in port, "
    "the harbour master said.",
    "Ferries sailed again on Tuesday after a week of storms kept every boat in port, "
    "the harbour master said.",
    "Ferries sailed again on Monday after a week of storms kept each boat in port, "
    "the harbour master said.",
    "Engineers checked the sea wall overnight and found only minor cracks, which will be "
    "filled this week.",
    "Trade could recover by spring if the sea wall holds through the winter gales, officials "
    "said on Friday.",
]
# Near copies of each other but for their figures: never copies.
_FIGURED = [
    "Ferries sailed again on Monday after 3 weeks of storms kept 40 boats in port, "
    "the harbour master said.",
    "Ferries sailed again on Monday after 4 weeks of storms kept 40 boats in port, "
    "the harbour master said.",
]
# Few blocks, repeated often: headings (short, some of STEP_CHARS or more), separators,
# paragraphs and near copies of them, so runs start from many earlier copies; some quoted (a
# pull quote matches no paragraph) and some list items (lists are told apart).
_repeated_block = st.one_of(
    st.sampled_from(["Repairs", "Outlook", "Voices From the Quay", "What Happens Next", "---"]),
    st.sampled_from(_PARAGRAPHS + _FIGURED),
    st.sampled_from(_PARAGRAPHS[:3]).map(lambda p: f"> {p}"),
    st.sampled_from(_PARAGRAPHS[:3]).map(lambda p: f"- {p}"),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_repeated_block, min_size=2, max_size=40),
    st.sampled_from(["text", "markdown"]),
    st.sampled_from([0, 1, 2, 3]),
    st.sampled_from([80, 90, 97]),
    st.sampled_from([15, 60, 150]),
)
def test_duplicate_blocks_stuck_shortcut_changes_no_finding(  # type: ignore[no-untyped-def]
    blocks, fmt, gap, similarity, min_chars
) -> None:
    kind = get_kind("duplicate-blocks")
    options = parse_options(
        kind.options_type,
        {"max-gap": gap, "similarity": similarity, "min-chars": min_chars},
        path="t",
        line=1,
    )
    if fmt == "markdown":
        text = "# Harbour Reopens\n\n" + "\n\n".join(
            b if len(b) > 20 or b == "---" else f"## {b}" for b in blocks
        )
    else:
        text = "Harbour Reopens\n" + "\n".join(blocks)
    doc = parse(text + "\n", "a.md" if fmt == "markdown" else "a.txt")
    assert _findings(kind, doc, options) == _without_stuck_shortcut(kind, doc, options)


_edit = st.tuples(
    st.integers(0, 200), st.sampled_from(["", "x", "e ", " ", "qz"]), st.integers(0, 3)
)


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(_PARAGRAPHS),
    st.sampled_from(_PARAGRAPHS),
    st.lists(_edit, max_size=12),
    st.sampled_from([50, 80, 90, 95, 99]),
)
def test_duplicate_blocks_distance_bound_keeps_every_near_copy(a, b, edits, similarity) -> None:  # type: ignore[no-untyped-def]
    options = parse_options(
        get_kind("duplicate-blocks").options_type,
        {"similarity": similarity, "near-min-chars": 10},
        path="t",
        line=1,
    )
    keys = [compare_key(a), compare_key(edited(b, edits))]
    matcher = _Matcher(keys, options)
    if not matcher._may_be_near(0, 1):
        assert matcher.score(0, 1) == 0


def test_duplicate_blocks_on_many_repeated_headings() -> None:
    """Hundreds of copies of a few headings: the one pasted section is found, as extending
    every candidate's run finds it."""
    lines = ["Harbour Board Report"]
    for i in range(600):
        lines.append(["Repairs", "Outlook", "Voices From the Quay", "What Happens Next"][i % 4])
        lines.append(f"Paragraph {i} says the harbour board met {i * 7} times about item {i}.")
    pasted = ["Repairs", *_PARAGRAPHS[:2], "Outlook", _PARAGRAPHS[3]]
    lines[300:300] = pasted
    lines += pasted
    doc = parse("\n".join(lines) + "\n", "a.txt")
    kind = get_kind("duplicate-blocks")
    options = parse_options(kind.options_type, {}, path="t", line=1)
    found = _findings(kind, doc, options)
    assert found == _without_stuck_shortcut(kind, doc, options)
    # The run starts at the first paragraph: the pasted heading's candidates are its first
    # copies and its latest, not the copy above the pasted paragraphs.
    assert [(doc.position(f[0].start)[0], doc.position(f[0].end)[0]) for f in found] == [
        (len(lines) - 3, len(lines))
    ]
    original = found[0][1]["original"]
    assert (doc.position(original.start)[0], doc.position(original.end)[0]) == (302, 305)


# -- existence -------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="TKtkXxOD FIME\n-ſK", max_size=40),
    st.lists(st.sampled_from(["TK", "tk", "XX", "TODO", "FIX ME", "ſK"]), min_size=1, max_size=3),
    st.booleans(),
    st.booleans(),
)
def test_existence_token_shortcut_drops_no_match(text, tokens, ignore_case, boundary) -> None:  # type: ignore[no-untyped-def]
    kind = get_kind("existence")
    options = parse_options(
        kind.options_type,
        {"tokens": tokens, "ignore-case": ignore_case, "word-boundary": boundary},
        path="t",
        line=1,
    )
    doc = parse("Title\n" + text + "\n", "a.txt")
    quick = [(f.span, f.fields) for f in kind.check(doc, options)]
    saved = existence._tokens_may_match
    existence._tokens_may_match = lambda matcher, text: True  # type: ignore[assignment]
    try:
        full = [(f.span, f.fields) for f in kind.check(doc, options)]
    finally:
        existence._tokens_may_match = saved
    assert quick == full
