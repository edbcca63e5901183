"""The foundation's acceptance scenarios, on articles of our own in the pipeline's shape."""

from __future__ import annotations

import json

from click.testing import CliRunner

from linter.cli import main
from tests.conftest import ROOT

ARTICLE = (ROOT / "examples" / "pipeline-residue.txt").read_text(encoding="utf-8")
FIGURE_RULES = "figure-mismatch,figure-unsupported,figure-arithmetic"


def _check(text: str, name: str = "article.txt", *extra: str) -> tuple[int, list[dict]]:
    result = CliRunner().invoke(
        main,
        ["check", "--isolated", "--format", "json", *extra, "--stdin-filename", name, "-"],
        input=text,
    )
    return result.exit_code, json.loads(result.stdout)["diagnostics"]


def _places(diagnostics: list[dict]) -> list[str]:
    return [f"{d['line']}:{d['column']} {d['rule']}" for d in diagnostics]


def test_pipeline_article_gets_exactly_its_findings_and_no_figure_finding() -> None:
    code, found = _check(ARTICLE)
    assert code == 1
    assert _places(found) == [
        "9:1 empty-bullet",
        "10:1 scaffold-heading",
        "11:1 repeated-title",
        "21:1 empty-bullet",
        "22:1 scaffold-heading",
        "24:1 duplicate-section",
        "35:1 trailing-blank-lines",
    ]
    dup = found[5]
    assert dup["related"][0]["line"] == 12 and dup["end_line"] == 34


def test_a_changed_highlight_figure_is_a_mismatch_naming_the_body() -> None:
    text = ARTICLE.replace("resulted in 41 deaths", "resulted in 43 deaths")
    _, found = _check(text, "article.txt", "--select", FIGURE_RULES)
    assert _places(found) == ["4:69 figure-mismatch"]
    (d,) = found
    assert d["message"] == "Highlights say 43 deaths, but the body says 41 people dead (line 12)"
    assert d["related"] == [
        {"path": "article.txt", "line": 12, "column": 79, "message": "body figure"}
    ]


def test_the_same_figure_in_words_stays_quiet() -> None:
    text = ARTICLE.replace("resulted in 41 deaths", "resulted in forty-one deaths")
    code, found = _check(text, "article.txt", "--select", FIGURE_RULES)
    assert (code, found) == (0, [])


def test_a_changed_part_breaks_the_sum_and_contradicts_the_body() -> None:
    text = ARTICLE.replace(
        "26 villagers and 15 rescue workers.", "26 villagers and 17 rescue workers."
    )
    _, found = _check(text, "article.txt", "--select", FIGURE_RULES)
    assert _places(found) == ["4:69 figure-arithmetic", "4:107 figure-mismatch"]


def test_markdown_article_with_front_matter_and_template_residue() -> None:
    text = (ROOT / "examples" / "markdown-residue.md").read_text(encoding="utf-8")
    code, found = _check(text, "article.md")
    # The front matter fences are not bullets or breaks, the `---` rule is a break, and the
    # quote repeated under another heading is too short to be a section.
    assert _places(found) == ["13:1 empty-bullet", "17:1 scaffold-heading"]
    assert code == 1
