"""Comparing figures: every figure asserts an interval, and two figures agree when theirs meet.

A figure's interval is its value (or range), widened by the precision it was written with
(``1.2 million`` covers 1,150,000 to 1,250,000) and then by its qualifier (``more than 30``
covers 30 upwards). Dates, ratios, scores and weekdays compare by their parts instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from linter.figures.numbers import QKind, Quantity

_EPSILON = 1e-9


@dataclass(frozen=True, eq=False)
class Tolerances:
    """How far loose qualifiers stretch a figure, as fractions of its value."""

    #: ``about``, ``around``, ``some``, ``roughly``: this far either side.
    approximate: float = 0.1
    #: ``nearly``, ``almost``: this far below (and not above).
    near: float = 0.1
    #: A claim's round count or sum of money in digits with no qualifier (``900``,
    #: ``12,000``, ``£380,000``) may round the body's: to its last nonzero digit, never
    #: further than this either side (a fraction).
    rounded: float = 0.05


@dataclass(frozen=True, slots=True, eq=False)
class Interval:
    """A closed interval of values; ``math.inf`` for an open end."""

    low: float
    high: float

    def meets(self, other: Interval) -> bool:
        """Whether the two intervals share at least one value."""
        scale = max(1.0, abs(self.low), abs(other.low))
        slack = _EPSILON * scale  # float noise from unit factors (0.3048) must not split them
        return self.low <= other.high + slack and other.low <= self.high + slack


def interval(
    q: Quantity, tolerances: Tolerances = Tolerances(), *, summary: bool = False
) -> Interval:
    """The values a figure is consistent with; as a ``summary`` of another (a title or
    highlights figure), a plain round count may also be a rounding (:func:`_rounding`)."""
    half = q.step / 2 if q.step or not summary else _rounding(q, tolerances.rounded)
    low, high = q.low - half, q.high + half
    if half:
        # Rounding is half-open, up from the midpoint: 44% covers 43.5 to just under 44.5,
        # so 45% (44.5 up) does not meet it, and 1,250,000 rounds to 1.3 million, not 1.2.
        # The cut must outweigh the slack that meets() allows for float noise, but never
        # pass the figure itself: "12,000,000.5" (half a step of 0.05 against a cut of
        # 0.12) would otherwise cover nothing, not even its own value.
        high -= min(half * 1e-6 + abs(q.high) * 1e-8, half)
    qualifier = q.qualifier
    if qualifier in ("more than", "at least"):
        # Inclusive on purpose: "more than 30" next to a plain "30" is loose, not a contradiction.
        return Interval(low, math.inf)
    if qualifier in ("up to", "fewer than"):
        return Interval(min(0.0, low), high)
    if qualifier == "nearly":
        return Interval(q.low * (1 - tolerances.near) - half, high)
    if qualifier == "about":
        return Interval(
            q.low * (1 - tolerances.approximate) - half,
            q.high * (1 + tolerances.approximate) + half,
        )
    return Interval(low, high)


def _rounding(q: Quantity, most: float) -> float:
    """How far a plain round count or sum of money (``900``, ``420``, ``£380,000``: 100 or
    more, ending in a zero) may be from what it rounds: half its last nonzero digit's place
    (:func:`interval` keeps the top end open), and at most ``most`` of it. Exact for anything
    else; a qualifier says how loose a figure is ("more than 900": no fewer)."""
    value = q.low
    if (
        q.kind not in (QKind.COUNT, QKind.MONEY)
        or q.qualifier
        or q.words
        or q.high != value
        or value < 100
    ):
        return 0.0
    if value != int(value) or int(value) % 10:
        return 0.0
    place = 10
    while int(value) % (place * 10) == 0:
        place *= 10
    return min(place / 2, most * value)


def comparable(a: Quantity, b: Quantity) -> bool:
    """Whether two figures measure the same sort of thing (kind and unit or currency)."""
    return a.kind is b.kind and a.unit == b.unit


def agree(a: Quantity, b: Quantity, tolerances: Tolerances = Tolerances()) -> bool:
    """Whether two comparable figures can both be true, ``a`` the claim (a title or
    highlights figure) and ``b`` the body's: a round count may round the body's figure (900
    for 903), not the other way round (the body's 100 bears out no claim of 98)."""
    kind = a.kind
    if kind is QKind.DATE:
        return _dates_agree(a.parts, b.parts)
    if kind in (QKind.RATIO, QKind.SCORE):
        # A score reads either way round depending on whose side the sentence takes.
        return a.parts == b.parts or a.parts == b.parts[::-1]
    if kind in (QKind.WEEKDAY, QKind.ORDINAL, QKind.TIME):
        return a.low == b.low
    return interval(a, tolerances, summary=True).meets(interval(b, tolerances))


def _dates_agree(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    if not a or not b or a == (0, 0, 0) or b == (0, 0, 0):
        return True  # an unreadable date (1/2/2026) contradicts nothing
    (ya, ma, da), (yb, mb, db) = a, b
    return ma == mb and (not da or not db or da == db) and (not ya or not yb or ya == yb)
