"""No quadratic paths: work on a long article grows with the article, not with its square.

These tests count comparisons, never time: the number of rapidfuzz calls and of candidate
pairs duplicate-blocks tries must stay within a fixed number per paragraph.
"""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz

from benchmarks.corpus import _paragraph
from linter.config import load_config
from linter.engine import lint
from linter.kinds import duplicate_blocks
from linter.parse import parse


def _long_article(paragraphs: int, fmt: str) -> str:
    """Many distinct paragraphs, every 50th pasted again and every 70th again with an edit."""
    rng = random.Random(paragraphs)
    body = [_paragraph(rng, 1 + i % 2) for i in range(paragraphs)]
    for i in range(50, paragraphs, 50):
        body[i] = body[i - 37]
    for i in range(70, paragraphs, 70):
        body[i] = body[i - 45].replace(" the ", " a ", 1)
    heading = "## Harbour Notes" if fmt == "markdown" else "Harbour Notes"
    parts = ["Harbour Board Publishes Its Long Report", "Published 3 March 2026"]
    for i, text in enumerate(body):
        if i % 10 == 9:
            parts.append(heading)
        parts.append(text)
    return ("\n\n" if fmt == "markdown" else "\n").join(parts) + "\n"


class _Counter:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.ratio = 0
        self.scores = 0
        self.candidates = 0
        real_ratio = fuzz.ratio
        real_score = duplicate_blocks._Matcher.score
        real_candidates = duplicate_blocks._Matcher.candidates

        def ratio(*args, **kwargs):
            self.ratio += 1
            return real_ratio(*args, **kwargs)

        def score(matcher, a, b):
            self.scores += 1
            return real_score(matcher, a, b)

        def candidates(matcher, p):
            found = real_candidates(matcher, p)
            self.candidates += len(found)
            return found

        class _Fuzz:
            pass

        fake = _Fuzz()
        fake.ratio = ratio  # type: ignore[attr-defined]
        monkeypatch.setattr(duplicate_blocks, "fuzz", fake)
        monkeypatch.setattr(duplicate_blocks._Matcher, "score", score)
        monkeypatch.setattr(duplicate_blocks._Matcher, "candidates", candidates)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_duplicate_blocks_comparisons_grow_linearly(monkeypatch, fmt) -> None:
    config = load_config(isolated=True)
    rules = [a for a in config.rules if a.rule.kind == "duplicate-blocks"]
    counts = {}
    for size in (1000, 5000):
        counter = _Counter(monkeypatch)
        doc = parse(_long_article(size, fmt), "long.md" if fmt == "markdown" else "long.txt")
        found = lint(doc, rules)
        # The pasted paragraphs are found (so the counted work is the real work).
        assert len(found) >= size // 50 - 1
        counts[size] = (counter.ratio, counter.scores, counter.candidates)
        assert counter.ratio <= 4 * size
        assert counter.scores <= 8 * size
        assert counter.candidates <= 4 * size
    small, large = counts[1000], counts[5000]
    for a, b in zip(small, large, strict=True):
        assert b <= 5.5 * max(a, 1), counts


def test_every_rule_finishes_a_5000_paragraph_article() -> None:
    config = load_config(isolated=True)
    doc = parse(_long_article(5000, "text"), "long.txt")
    found = lint(doc, config.rules)
    assert not [d for d in found if d.rule == "internal-error"]
    assert {d.rule for d in found} >= {"duplicate-section"}


def test_duplicate_blocks_on_a_long_templated_article(monkeypatch) -> None:
    """Hundreds of copies of each section heading and paragraphs from a few templates (the
    shape of the 5 MB benchmark article): every heading has earlier exact copies and most
    shingles are shared, the case a pairwise comparison would make quadratic."""
    from benchmarks.corpus import big_article

    config = load_config(isolated=True)
    rules = [a for a in config.rules if a.rule.kind == "duplicate-blocks"]
    text = big_article(300_000).rstrip("\n")
    lines = text.split("\n")
    pasted = "\n".join(lines[40:46])  # a heading and the paragraphs under it, pasted again
    doc = parse(f"{text}\n{pasted}\n", "long.txt")
    counter = _Counter(monkeypatch)
    found = lint(doc, rules)
    # One finding, whose run takes in the pasted lines (it may start a little earlier: the
    # article's last heading has earlier copies too, and a run steps over a changed block).
    assert len(found) == 1
    start_line, _ = doc.position(found[0].span.start)
    assert len(lines) - 3 <= start_line <= len(lines) + 1
    assert doc.position(found[0].span.end)[0] == len(lines) + 6
    blocks = len(doc.blocks)
    assert counter.candidates <= 4 * blocks
    assert counter.ratio <= 4 * blocks
