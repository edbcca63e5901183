"""Small edits applied to a text, for property tests that compare near copies."""

from __future__ import annotations


def edited(text: str, edits: list[tuple[int, str, int]]) -> str:
    """``text`` with each ``(at, insert, delete)`` applied in turn (``at`` wraps around)."""
    for at, insert, delete in edits:
        at %= len(text) + 1
        text = text[:at] + insert + text[at + delete :]
    return text
