"""The figure-consistency kind: the acceptance scenario, and every rule example as a test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from linter.document import Document, Span
from linter.findings import Finding
from linter.kinds.figure_consistency import FigureConsistency, FigureConsistencyOptions
from linter.options import parse_options
from linter.parse import parse
from linter.yamlsource import load_yaml

RULES = Path(__file__).resolve().parents[2] / "rules"
FIGURE_RULES = ("figure-mismatch", "figure-unsupported", "figure-arithmetic")
KIND = FigureConsistency()


def load_rule(rule_id: str) -> dict[str, Any]:
    path = RULES / f"{rule_id}.yaml"
    return load_yaml(path.read_text(encoding="utf-8"), str(path))


def rule_options(rule_id: str) -> FigureConsistencyOptions:
    rule = load_rule(rule_id)
    return parse_options(FigureConsistencyOptions, rule["options"], path=rule_id, line=1)


def render(template: str, finding: Finding, doc: Document) -> str:
    """Format a message the way the engine does: a Span field renders as its line(s)."""
    values = {}
    for key, value in finding.fields.items():
        if isinstance(value, Span):
            first, last = doc.line_of(value.start), doc.line_of(max(value.start, value.end - 1))
            value = str(first) if first == last else f"{first}-{last}"
        values[key] = value
    return template.format(**values)


def run_rule(rule_id: str, text: str, fmt: str = "text") -> list[str]:
    doc = parse(text, "a.md" if fmt == "markdown" else "a.txt")
    found = []
    for f in KIND.check(doc, rule_options(rule_id)):
        line, col = doc.position(f.span.start)
        found.append(f"{line}:{col} {rule_id}")
    return found


def _examples() -> list[Any]:
    cases = []
    for rule_id in FIGURE_RULES:
        for example in load_rule(rule_id)["examples"]:
            cases.append(pytest.param(rule_id, example, id=f"{rule_id}: {example['name']}"))
    return cases


@pytest.mark.parametrize(("rule_id", "example"), _examples())
def test_rule_examples(rule_id: str, example: dict[str, Any]) -> None:
    found = run_rule(rule_id, example["text"], example.get("format", "text"))
    assert found == list(example["expect"])


@pytest.mark.parametrize("rule_id", FIGURE_RULES)
def test_rule_files_have_every_key(rule_id: str) -> None:
    rule = load_rule(rule_id)
    assert set(rule) == {
        "kind",
        "severity",
        "fixable",
        "summary",
        "rationale",
        "message",
        "options",
        "examples",
    }
    assert rule["kind"] == "figure-consistency"
    assert rule["options"]["check"] == rule_id.removeprefix("figure-")
    assert len(rule["examples"]) >= 4
    assert any(e["expect"] == [] for e in rule["examples"])
    assert any(e["expect"] for e in rule["examples"])
    # Every placeholder of the message is a field the kind provides.
    rule["message"].format(**{k: "x" for k in FigureConsistency.fields})


# -- the acceptance scenario -----------------------------------------------------------------

#: An invented article of the issue's shape (see tests/data/figures-acceptance.txt).
ARTICLE = (Path(__file__).resolve().parents[1] / "data" / "figures-acceptance.txt").read_text(
    encoding="utf-8"
)
HIGHLIGHT = "resulted in 33 deaths, including 18 civilians and 15 security personnel."


def check_all(text: str) -> list[tuple[str, int, int, str]]:
    doc = parse(text, "a.txt")
    out = []
    for rule_id in FIGURE_RULES:
        rule = load_rule(rule_id)
        for f in KIND.check(doc, rule_options(rule_id)):
            line, col = doc.position(f.span.start)
            out.append((rule_id, line, col, render(rule["message"], f, doc)))
    return out


def test_acceptance_clean_article_is_quiet() -> None:
    # The 133 militants of the past 48 hours must not contradict the 92 insurgents.
    assert check_all(ARTICLE) == []


def test_acceptance_changed_total_is_a_mismatch_naming_the_body() -> None:
    text = ARTICLE.replace(HIGHLIGHT, HIGHLIGHT.replace("33 deaths", "35 deaths"))
    assert check_all(text) == [
        (
            "figure-mismatch",
            4,
            68,
            "Highlights say 35 deaths, but the body says 33 people dead (line 11)",
        ),
    ]
    doc = parse(text, "a.txt")
    (finding,) = KIND.check(doc, rule_options("figure-mismatch"))
    assert doc.slice(finding.span) == "35 deaths"
    (related,) = finding.related
    assert related.message == "body figure"
    assert doc.slice(related.span) == "33 people dead"
    assert doc.line_of(related.span.start) == 11


def test_acceptance_total_in_words_is_quiet() -> None:
    text = ARTICLE.replace(HIGHLIGHT, HIGHLIGHT.replace("33 deaths", "thirty-three deaths"))
    assert check_all(text) == []


def test_acceptance_changed_part_is_a_mismatch_and_an_arithmetic_error() -> None:
    text = ARTICLE.replace(HIGHLIGHT, HIGHLIGHT.replace("15 security", "17 security"))
    assert check_all(text) == [
        (
            "figure-mismatch",
            4,
            106,
            "Highlights say 17 security personnel, but the body says "
            "15 security personnel (line 11)",
        ),
        (
            "figure-arithmetic",
            4,
            68,
            "33 deaths, but 18 civilians and 17 security personnel "
            "add up to 35 (more than the total)",
        ),
    ]


def test_title_figure_is_a_claim() -> None:
    text = "35 Killed in Esker\nPublished 1 February 2026\nThe raids left 33 people dead.\n"
    assert check_all(text) == [
        (
            "figure-mismatch",
            1,
            1,
            "Title says 35 Killed, but the body says 33 people dead (line 3)",
        ),
    ]


def test_title_can_be_left_out() -> None:
    text = "35 Killed in Esker\nPublished 1 February 2026\nThe raids left 33 people dead.\n"
    options = FigureConsistencyOptions(include_title=False)
    assert list(KIND.check(parse(text, "a.txt"), options)) == []


def test_article_without_highlights_or_title_figures_gets_no_claims() -> None:
    text = (
        "The raids left 33 people dead, officials said on Friday.\n\n"
        "Another report put the toll at 35 deaths.\n"
    )
    assert check_all(text) == []


def test_synonyms_are_options() -> None:
    text = (
        "Raids in Esker\nPublished 1 February 2026\nHighlights\n- Raiders killed 12 "
        "herders.\n-\nThe raids killed 14 shepherds.\n"
    )
    doc = parse(text, "a.txt")
    assert len(list(KIND.check(doc, FigureConsistencyOptions(check="unsupported")))) == 1
    assert list(KIND.check(doc, FigureConsistencyOptions(check="mismatch"))) == []
    synonyms = {"herder": ("herders", "shepherds")}
    doc = parse(text, "a.txt")
    unsupported = FigureConsistencyOptions(check="unsupported", synonyms=synonyms)
    assert list(KIND.check(doc, unsupported)) == []
    (finding,) = KIND.check(doc, FigureConsistencyOptions(check="mismatch", synonyms=synonyms))
    assert finding.fields["evidence"] == "14 shepherds"


def test_three_rules_share_one_analysis() -> None:
    doc = parse(ARTICLE, "a.txt")
    for rule_id in FIGURE_RULES:
        list(KIND.check(doc, rule_options(rule_id)))
    memo = doc.__dict__["_memo"]
    assert len([k for k in memo if k.startswith("figures:")]) == 1


def test_a_qualifier_spelled_with_a_long_s_is_no_internal_error() -> None:
    text = (
        "T\n\nPublished 1 February 2026\n\n"
        "Highlights\n- {q} 33 people died.\n\nBody {q} 33 people died.\n"
    )
    assert check_all(text.format(q="ſome")) == check_all(text.format(q="some"))


def test_parts_among_a_total_that_may_overlap_are_not_added_up() -> None:
    text = (
        "Ferry Fire\nPublished 4 May 2026\nHighlights\n- The blaze killed 12 people, including "
        "8 crew members and 6 women.\n- Of 30 passengers, made up of 20 women and 12 men, all "
        "survived.\n-\nThe ferry was sailing to Ostry.\n"
    )

    def places(options: FigureConsistencyOptions) -> list[tuple[int, int]]:
        doc = parse(text, "a.txt")
        return [doc.position(f.span.start) for f in KIND.check(doc, options)]

    # "made up of" says the parts are the whole: those are added up, women or not.
    assert places(FigureConsistencyOptions(check="arithmetic")) == [(5, 6)]
    none = FigureConsistencyOptions(check="arithmetic", overlapping_nouns=())
    assert places(none) == [(4, 20), (5, 6)]


def test_the_rule_files_list_the_same_synonyms_as_the_defaults() -> None:
    from linter.kinds.figure_consistency import DEFAULT_OVERLAPPING, DEFAULT_SYNONYMS

    for rule_id in FIGURE_RULES:
        options = rule_options(rule_id)
        assert options.synonyms == DEFAULT_SYNONYMS, rule_id
    assert rule_options("figure-arithmetic").overlapping_nouns == DEFAULT_OVERLAPPING


def test_unsupported_is_said_only_of_what_is_read_after_the_figure() -> None:
    text = (
        "Council Vote\nPublished 4 May 2026\nHighlights\n- The majority of Democrats was 312.\n"
        "- Rescuers pulled 14 children from the school.\n-\nThe council met on Monday.\n"
    )
    doc = parse(text, "a.txt")
    found = KIND.check(doc, FigureConsistencyOptions(check="unsupported"))
    assert [doc.position(f.span.start) for f in found] == [(5, 19)]


def _found(highlight: str, body: str, check: str) -> list[str]:
    """Where ``check`` finds something in a one-bullet article: "line:column" of each."""
    text = f"Report\nPublished 10 June 2026\nHighlights\n- {highlight}\n-\n{body}\n"
    doc = parse(text, "a.txt")
    found = KIND.check(doc, FigureConsistencyOptions(check=check))
    return [":".join(map(str, doc.position(f.span.start))) for f in found]


@pytest.mark.parametrize(
    ("highlight", "body", "expected"),
    [
        # The body gives the very number as another unit: worded otherwise, not missing.
        ("The swing was 14.5 points.", "The swing was 14.5 percentage points.", []),
        # A whole number recurs by chance: it says nothing of the claim.
        ("Rescuers freed 4 miners.", "The shaft is 4 metres wide.", ["4:18"]),
        ("Rescuers freed 14 miners.", "The shaft is 14 metres wide.", ["4:18"]),
        ("The council will cut 12 libraries.", "It will cut spending by 12%.", ["4:24"]),
        ("Rescuers freed 4 miners.", "The shaft is 4.5 metres wide.", ["4:18"]),
    ],
)
def test_unsupported_is_not_said_when_the_body_gives_the_number_otherwise(
    highlight: str, body: str, expected: list[str]
) -> None:
    assert _found(highlight, body, "unsupported") == expected


MARKDOWN_HEAD = (
    "---\ndate: 2026-03-01\n---\n# Count Declared\n\nPublished 1 March 2026\n\n## Key points\n\n"
)


@pytest.mark.parametrize(
    ("bullet", "body", "message"),
    [
        (
            "The party won **33** of the 55 seats.",
            "The party won 31 of the 55 seats on Thursday.",
            "Highlights say 33 of the 55 seats, but the body says 31 of the 55 seats (line 12)",
        ),
        (
            "Revenue reached **$930m**.",
            "Revenue reached $903m in the quarter.",
            "Highlights say Revenue reached $930m, but the body says Revenue reached $903m "
            "(line 12)",
        ),
        (
            "The party won *33* of the 55 seats.",
            "The party won 31 of the 55 seats on Thursday.",
            "Highlights say 33 of the 55 seats, but the body says 31 of the 55 seats (line 12)",
        ),
    ],
)
def test_an_emphasised_figure_is_read_and_quoted_without_its_marks(
    bullet: str, body: str, message: str
) -> None:
    doc = parse(f"{MARKDOWN_HEAD}- {bullet}\n\n{body}\n", "a.md")
    rule = load_rule("figure-mismatch")
    (found,) = KIND.check(doc, rule_options("figure-mismatch"))
    assert render(rule["message"], found, doc) == message
    assert doc.slice(found.span).strip("*_").startswith(("33", "$930m"))


@pytest.mark.parametrize(
    ("highlight", "body"),
    [
        # The same open bound, restated, states the claim whatever the anchors read.
        (
            "The snow on the road is up to eight metres deep.",
            "The slide covered 300 metres of road with snow up to 8 metres deep.",
        ),
        # A hyphenated scale word is read ("$4.5-million" is $4.5 million).
        ("The ransom demanded was $4.5-million.", "The ransom demanded was $4.5 million."),
        # A claim of one trailing zero may round ("420" for 423).
        ("Some 420 shops will close.", "The chain said 423 shops would close."),
        ("The chain will close 420 shops.", "The chain said 423 shops would close."),
    ],
)
def test_restatements_from_the_fifth_held_out_set_stay_quiet(highlight: str, body: str) -> None:
    for check in ("mismatch", "unsupported"):
        assert _found(highlight, body, check) == [], check


def test_pounds_in_words_are_not_called_unsupported() -> None:
    assert _found("The fare costs 2 pounds.", "Riders pay a flat fare of £2.", "unsupported") == []


@pytest.mark.parametrize(
    ("highlight", "body", "expected"),
    [
        # A bound restated of another count does not state the claim: the swap is caught.
        (
            "More than 200 people were killed in the bombing.",
            "The bombing injured more than 200 people and killed 45, officials said.",
            ["4:3"],
        ),
        (
            "At least 30 people died.",
            "At least 30 people were injured in the crash, and 4 died.",
            ["4:3"],
        ),
        # A count rounded to tens rounds only its own anchor's figures, not another's.
        ("The quake killed 420 people.", "The quake killed 380 people and injured 418.", ["4:20"]),
        ("The quake killed 420 people.", "The quake killed 423 people and injured 50.", []),
    ],
)
def test_what_states_a_claim_of_another_count(
    highlight: str, body: str, expected: list[str]
) -> None:
    assert _found(highlight, body, "mismatch") == expected
