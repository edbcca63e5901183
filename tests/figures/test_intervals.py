"""Intervals: rounding, qualifiers, and agreement between figures."""

from __future__ import annotations

import math

import pytest

from linter.figures.intervals import Interval, Tolerances, agree, comparable, interval
from linter.figures.numbers import Quantity, read_quantities


def q(text: str) -> Quantity:
    (found,) = list(read_quantities(text))
    return found


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("33 deaths", 33, 33),
        ("1.2 million", 1_150_000, 1_250_000),
        ("44%", 43.5, 44.5),
        ("more than 30", 30, math.inf),
        ("at least 30", 30, math.inf),
        ("nearly 44%", 44 * 0.9 - 0.5, 44.5),
        ("about 5%", 5 * 0.9 - 0.5, 5 * 1.1 + 0.5),
        ("up to 40", 0, 40),
        ("fewer than 12", 0, 12),
        ("30 to 50", 30, 50),
    ],
)
def test_interval_of_a_figure(text: str, low: float, high: float) -> None:
    found = interval(q(text))
    assert (found.low, found.high) == pytest.approx((low, high))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("33 deaths", "thirty-three deaths"),
        ("1.2 million", "1,213,000"),
        ("over 30 inmates", "more than 30 inmates"),
        ("more than 30 inmates", "33 inmates"),
        ("nearly 44%", "43.6%"),
        ("about 5%", "5.4%"),
        ("44 per cent", "43.6%"),
        ("a dozen", "12"),
        ("30 to 50", "41"),
        ("10 miles", "16 km"),
        ("$4.5m", "$4,500,000"),
        ("half", "48%"),
        ("1 February 2026", "February 1"),
        ("won 3-1", "lost 1-3"),
        ("1.3 million", "1,250,000"),
        ("44%", "44.5%"),
        ("44%", "43.5%"),
        # Fine precision in a large figure: each still covers its own value.
        ("12,000,000.5 tonnes", "12,000,000.5 tonnes"),
        ("12,000,000.5 tonnes", "12,000,000,500 kg"),
        ("15,000,000.25 people", "15,000,000.25 people"),
        ("2,345,678.90", "2,345,678.90"),
    ],
)
def test_figures_that_agree(a: str, b: str) -> None:
    assert comparable(q(a), q(b))
    assert agree(q(a), q(b))
    assert agree(q(b), q(a))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("33 deaths", "35 deaths"),
        ("1.2 million", "1,300,000"),
        ("more than 30", "25"),
        ("nearly 44%", "46%"),
        ("about 5%", "7%"),
        ("fewer than 12", "15"),
        ("1 February 2026", "2 February 2026"),
        ("3-1", "2-1"),
        ("10:04", "10:05"),
        ("the 21st", "the 22nd"),
        # Rounding is half-open: the next figure at the same precision never agrees.
        ("44%", "45%"),
        ("4.5%", "4.6%"),
        ("40 days", "41 days"),
        ("10 km", "11 km"),
        ("$4.5m", "$4.6m"),
        ("1.2 million", "1.3 million"),
        ("1.2 million", "1,260,000"),
        ("1,234.5 km", "1,234.6 km"),
    ],
)
def test_figures_that_disagree(a: str, b: str) -> None:
    assert not agree(q(a), q(b))
    assert not agree(q(b), q(a))


def test_only_like_figures_are_comparable() -> None:
    assert not comparable(q("44%"), q("44 people"))
    assert not comparable(q("$5m"), q("£5m"))
    assert not comparable(q("10 km"), q("10 kg"))
    assert not comparable(q("since 1948"), q("1948 people"))
    assert not comparable(q("a 39-year-old"), q("39 people"))


def test_tolerances_are_options() -> None:
    assert not agree(q("about 100"), q("115"))
    assert agree(q("about 100"), q("115"), Tolerances(approximate=0.2))
    assert agree(q("900"), q("903"))
    assert not agree(q("900"), q("903"), Tolerances(rounded=0))


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        # A claim's round count may round: to half its last nonzero digit's place, at most 5%.
        ("900 farms", 855, 945),
        ("12,000 farms", 11_500, 12_500),
        ("2,000 farms", 1_900, 2_100),
        ("1,250,000 farms", 1_245_000, 1_255_000),
        ("more than 900 farms", 900, math.inf),
        ("90 farms", 90, 90),
        ("950 farms", 945, 955),
        ("420 shops", 415, 425),
        ("1,230 farms", 1_225, 1_235),
        ("423 farms", 423, 423),
        # A sum of money in digits rounds the same way.
        ("$900", 855, 945),
        ("£380,000", 375_000, 385_000),
        ("about £380,000", 342_000, 418_000),
        ("$95", 95, 95),
        ("3.5%", 3.45, 3.55),
    ],
)
def test_a_claims_round_count_may_be_a_rounding(text: str, low: float, high: float) -> None:
    found = interval(q(text), summary=True)
    assert (found.low, found.high) == pytest.approx((low, high))
    plain, exact = interval(q(text)), interval(q(text), Tolerances(rounded=0), summary=True)
    assert (plain.low, plain.high) == (exact.low, exact.high)


@pytest.mark.parametrize(
    ("claim", "body", "agrees"),
    [
        ("900 farms", "903 farms", True),
        ("12,000 jobs", "12,400 jobs", True),
        ("900 farms", "840 farms", False),
        ("12,000 jobs", "12,600 jobs", False),
        # The body's round figure is its own claim: a more exact highlight must match it.
        ("903 farms", "900 farms", False),
        ("98 insurgents", "100 insurgents", False),
    ],
)
def test_only_the_claims_round_count_rounds(claim: str, body: str, agrees: bool) -> None:
    assert agree(q(claim), q(body)) is agrees


def test_intervals_meet_despite_float_noise() -> None:
    assert Interval(0.1 + 0.2, 1).meets(Interval(0, 0.3))
    assert not Interval(0, 1).meets(Interval(1.01, 2))
