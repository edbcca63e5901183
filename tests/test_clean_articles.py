"""Clean articles written by a reviewer who had not written the rules, in the shapes editors
use (elections, courts, sport, budgets, science, notices, reviews, corrections): every rule on,
each must stay quiet. Each false alarm the reviewer found is in here, so it stays fixed."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.config import load_config
from linter.runner import lint_file

ARTICLES = Path(__file__).resolve().parent / "data" / "clean-articles"
CONFIG = load_config(isolated=True)


@pytest.mark.parametrize("path", sorted(ARTICLES.iterdir()), ids=lambda p: p.name)
def test_a_clean_article_gets_no_findings(path: Path) -> None:
    found = [
        f"{d.line}:{d.column} {d.rule} {d.message}"
        for d in lint_file(path, path.name, CONFIG).diagnostics
    ]
    assert found == []


def test_there_are_clean_articles_of_both_formats() -> None:
    suffixes = sorted(p.suffix for p in ARTICLES.iterdir())
    assert suffixes.count(".txt") >= 25 and suffixes.count(".md") >= 25
