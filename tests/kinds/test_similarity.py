"""The pure-Python similarity answers agree with rapidfuzz, and the kinds that use them find
what rapidfuzz alone finds (linter/kinds/similarity.py)."""

from __future__ import annotations

from bisect import bisect_right
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, LCSseq

from linter.kinds import get_kind, heading_phrase, repeated_title, similarity
from linter.kinds.common import compare_key
from linter.kinds.duplicate_blocks import _Matcher
from linter.kinds.name_variants import _any_variant, _related_forms
from linter.kinds.similarity import (
    common_characters,
    lcs_length,
    letter_bag,
    letter_bags,
    ratio_may_reach,
)
from linter.options import parse_options
from tests.edits import edited

#: Few letters (so that texts share many), both cases, non-ASCII and an apostrophe.
_text = st.text(alphabet="abcABCéÉßẞ’'- ", max_size=40)
_word = st.text(alphabet="aAbBeéÉoOrRnN’-", min_size=1, max_size=12)
_cutoff = st.integers(1, 100)


@settings(max_examples=1000, deadline=None)
@given(_text, _text)
def test_lcs_length_is_rapidfuzz_lcs(a: str, b: str) -> None:
    assert lcs_length(a, b) == LCSseq.similarity(a, b) == lcs_length(b, a)
    assert len(a) + len(b) - 2 * lcs_length(a, b) == Indel.distance(a, b)


@settings(max_examples=1000, deadline=None)
@given(_text, _text, _cutoff)
def test_a_ratio_ruled_out_is_below_the_cutoff(a: str, b: str, cutoff: int) -> None:
    common = common_characters(a, b)
    assert lcs_length(a, b) <= common
    bags = letter_bags([a, b])
    assert (bags[a] & bags[b]).bit_count() == common
    if not ratio_may_reach(common, len(a), len(b), cutoff):
        assert fuzz.ratio(a, b, score_cutoff=cutoff) == 0
        assert fuzz.ratio(a, b) < cutoff
    # With the exact LCS the answer is rapidfuzz's own (a ratio exactly at the cutoff is
    # left to rapidfuzz, whose floating point decides it).
    doubled, scaled = 200 * lcs_length(a, b), cutoff * (len(a) + len(b))
    if doubled < scaled:
        assert not ratio_may_reach(lcs_length(a, b), len(a), len(b), cutoff)
        assert fuzz.ratio(a, b, score_cutoff=cutoff) == 0
    elif doubled > scaled:
        assert fuzz.ratio(a, b, score_cutoff=cutoff) > 0


def test_a_ratio_exactly_at_the_cutoff_is_kept() -> None:
    # 200 * 17 / (20 + 20) is 85: rapidfuzz keeps the pair, and so does the bound.
    a, b = "a" * 17 + "xyz", "a" * 17 + "uvw"
    assert fuzz.ratio(a, b, score_cutoff=85) == 85
    assert ratio_may_reach(common_characters(a, b), 20, 20, 85)
    assert ratio_may_reach(lcs_length(a, b), 20, 20, 85)


def test_letter_bags_count_each_copy_of_a_letter() -> None:
    bits: dict[tuple[str, int], int] = {}
    assert letter_bag("aab", bits) == 0b111 and bits == {("a", 0): 0, ("a", 1): 1, ("b", 0): 2}
    assert letter_bag("ba", bits) == 0b101
    assert (letter_bag("aaa", bits) & letter_bag("aab", bits)).bit_count() == 2


def _reference_any_variant(words: list[str], similarity_: int) -> bool:
    """name-variants' test as rapidfuzz alone answers it: every pair in length reach scored."""
    by_length = sorted(words, key=len)
    lengths = [len(w) for w in by_length]
    for i, word in enumerate(by_length):
        reach = len(word) * (200 - similarity_) // max(similarity_, 1)
        candidates = by_length[i + 1 : bisect_right(lengths, reach)]
        for other, _, _ in process.extract(
            word, candidates, scorer=fuzz.ratio, score_cutoff=similarity_, limit=None
        ):
            if word.casefold() != other.casefold() and not _related_forms(word, other):
                return True
    return False


@pytest.fixture
def python_first() -> object:
    """Every comparison that may be worked out in Python is (the test process has rapidfuzz
    imported, so the kinds would otherwise go straight to it)."""
    saved = similarity.python_first
    similarity.python_first = lambda cost_ns: True  # type: ignore[assignment]
    yield
    similarity.python_first = saved  # type: ignore[assignment]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(_word, max_size=14, unique=True).flatmap(
        # Case variants and one-letter slips of the words drawn, as articles have them.
        lambda ws: st.lists(
            st.sampled_from([*ws, *(w.upper() for w in ws), *(w[:-1] + "e" for w in ws)] or ["x"]),
            max_size=20,
        ).map(lambda more: sorted(set(ws) | set(more)))
    ),
    st.sampled_from([50, 70, 85, 95, 100]),
)
def test_name_variants_filter_answers_as_rapidfuzz_alone(words: list[str], cutoff: int) -> None:
    saved = similarity.python_first
    try:
        similarity.python_first = lambda cost_ns: True  # type: ignore[assignment]
        filtered = _any_variant(words, cutoff)
        similarity.python_first = lambda cost_ns: False  # type: ignore[assignment]
        unfiltered = _any_variant(words, cutoff)
    finally:
        similarity.python_first = saved  # type: ignore[assignment]
    assert filtered == unfiltered == _reference_any_variant(words, cutoff)


def test_name_variants_filter_lets_a_real_variant_through(python_first: object) -> None:
    assert _any_variant(["Berglund", "Berglind", "Harbour"], 85)
    assert not _any_variant(["Berglund", "BERGLUND", "Berglunds", "Harbour"], 85)


_PARAGRAPH = "Ferries sailed again on Monday after a week of storms kept every boat in port."
_edit = st.tuples(
    st.integers(0, 100), st.sampled_from(["", "x", "e ", " ", "é"]), st.integers(0, 3)
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_edit, max_size=15), st.lists(_edit, max_size=15), st.sampled_from([50, 90, 97]))
def test_duplicate_blocks_python_comparisons_answer_as_rapidfuzz(  # type: ignore[no-untyped-def]
    edits_a, edits_b, cutoff
) -> None:
    options = parse_options(
        get_kind("duplicate-blocks").options_type,
        {"similarity": cutoff, "near-min-chars": 10},
        path="t",
        line=1,
    )
    keys = [compare_key(edited(_PARAGRAPH, edits_a)), compare_key(edited(_PARAGRAPH, edits_b))]
    saved = similarity.python_first
    answers = []
    try:
        for python in (True, False):
            similarity.python_first = lambda cost_ns, python=python: python  # type: ignore[assignment]
            matcher = _Matcher(keys, options)
            answers.append((matcher._may_be_near(0, 1), matcher.score(0, 1)))
    finally:
        similarity.python_first = saved  # type: ignore[assignment]
    assert answers[0] == answers[1]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="abcdé rt", min_size=8, max_size=20), max_size=8),
    st.text(alphabet="abcdé rt", max_size=24),
    st.sampled_from([60, 80, 90, 100]),
)
def test_heading_phrase_closest_is_rapidfuzz_best(phrases, heading, cutoff) -> None:  # type: ignore[no-untyped-def]
    options = parse_options(
        get_kind("heading-phrase").options_type,
        {"phrases": phrases, "similarity": cutoff},
        path="t",
        line=1,
    )
    table = heading_phrase._table(options)
    best = process.extractOne(heading, table.fuzzy_keys, scorer=fuzz.ratio, score_cutoff=cutoff)
    expected = best[0] if best is not None else None
    assert heading_phrase._closest(heading, table, cutoff) == expected


@settings(max_examples=500, deadline=None)
@given(_text, _text, st.sampled_from([80, 95, 99]), st.booleans())
def test_repeated_title_similarity_is_rapidfuzz_ratio(
    a: str, b: str, cutoff: int, python: bool
) -> None:
    # Both ways: the letters ruled out in Python first, and rapidfuzz alone (once it is loaded).
    with mock.patch.object(repeated_title, "python_first", lambda cost: python):
        title = repeated_title._Title(b)
        assert title.similar(a, cutoff) == bool(fuzz.ratio(a, b, score_cutoff=cutoff))
        # The title's letters are numbered once and shared: a second line compares alike.
        assert title.similar(b, cutoff) == bool(fuzz.ratio(b, b, score_cutoff=cutoff))


def test_python_work_stops_once_rapidfuzz_is_loaded_or_the_budget_is_spent(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The test process has imported rapidfuzz: it is the faster way from then on.
    assert not similarity.python_first(1)
    monkeypatch.delitem(__import__("sys").modules, "rapidfuzz")
    monkeypatch.setattr(similarity, "_budget_left", 1000)
    assert similarity.python_first(600)
    assert not similarity.python_first(600)  # 400 left
    assert similarity.python_first(400)
    assert similarity._budget_left == 0
