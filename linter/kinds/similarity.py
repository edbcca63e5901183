"""Exact answers about rapidfuzz's similarity in pure Python, for a run that need not import it.

Importing rapidfuzz costs about 8 ms, more than the kinds that compare text spend on a usual
article, and on most articles none of their comparisons comes near a match. The functions
here rule such pairs out (or work small ones out exactly) with integer arithmetic, so a run
in which nothing is alike never imports rapidfuzz. They never decide otherwise than rapidfuzz
would: a pair they cannot rule out goes to rapidfuzz.

``fuzz.ratio(a, b)`` is the normalized Indel similarity ``200 * LCS / (len(a) + len(b))``,
where LCS is the length of the two texts' longest common subsequence, and the Indel distance
is ``len(a) + len(b) - 2 * LCS``. A common subsequence uses each character at most as often
as both texts hold it, so the LCS is at most the size of their multiset intersection.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable

#: Python work (in rough nanoseconds, see the callers' costs) one process spends on these
#: answers before it leaves the rest to rapidfuzz: half of what importing rapidfuzz costs, so
#: a long file or a long run pays the import once instead of slower comparisons many times.
PYTHON_BUDGET_NS = 4_000_000
#: A pair of words compared by their letters in common, with the loop around it.
PAIR_NS = 250

_budget_left = PYTHON_BUDGET_NS


def python_first(cost_ns: int) -> bool:
    """Whether to do work of about ``cost_ns`` here rather than with rapidfuzz: while
    rapidfuzz is not imported in this process (once it is, it is the faster way) and the
    process has budget left for it."""
    global _budget_left
    if "rapidfuzz" in sys.modules or cost_ns > _budget_left:
        return False
    _budget_left -= cost_ns
    return True


def lcs_cost_ns(a: str, b: str) -> int:
    """About what :func:`lcs_length` costs: a few operations on ``len(a)`` bits per character
    of ``b``."""
    return len(b) * (250 + len(a))


def letter_bag(text: str, bits: dict[tuple[str, int], int]) -> int:
    """``text``'s characters as a bit set of (character, occurrence) pairs, numbered by
    ``bits`` (pairs it does not hold yet are added).

    For two texts whose bags share ``bits``, ``(bag_a & bag_b).bit_count()`` is the size of
    their multiset intersection (the ``k``-th copy of a character is in both when both hold
    ``k`` copies): one operation on an integer instead of counting letters.
    """
    bag = 0
    seen: dict[str, int] = {}
    for char in text:
        copy = seen.get(char, 0)
        seen[char] = copy + 1
        bag |= 1 << bits.setdefault((char, copy), len(bits))
    return bag


def letter_bags(texts: Iterable[str]) -> dict[str, int]:
    """:func:`letter_bag` of each text, all numbered alike."""
    bits: dict[tuple[str, int], int] = {}
    return {text: letter_bag(text, bits) for text in texts}


def common_characters(a: str, b: str) -> int:
    """The size of the multiset intersection of ``a`` and ``b``."""
    return sum((Counter(a) & Counter(b)).values())


def ratio_may_reach(common: int, len_a: int, len_b: int, cutoff: int) -> bool:
    """False when two texts of these lengths with ``common`` characters in common (see
    :func:`common_characters`) certainly have a ``fuzz.ratio`` below ``cutoff``.

    Exact in integers: a ratio ruled out here is below the cutoff by at least
    ``1 / (len_a + len_b)``, far more than rapidfuzz's floating-point rounding.
    """
    return 200 * common >= cutoff * (len_a + len_b)


def lcs_length(a: str, b: str) -> int:
    """The length of the longest common subsequence of ``a`` and ``b``.

    Bit-parallel (Allison and Dix; Hyyrö): one bit per character of ``a``, a few operations
    on an integer of that many bits per character of ``b``.
    """
    masks: dict[str, int] = {}
    bit = 1
    for char in a:
        masks[char] = masks.get(char, 0) | bit
        bit <<= 1
    full = bit - 1
    row = full  # its 0 bits count the longest common subsequence so far
    get = masks.get
    for char in b:
        matched = row & get(char, 0)
        row = ((row + matched) | (row - matched)) & full
    return len(a) - row.bit_count()
