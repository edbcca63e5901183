"""The kinds behind house rules, one behaviour at a time, with exact places."""

from __future__ import annotations

from typing import Any

import regex
from hypothesis import given
from hypothesis import strategies as st

from linter.engine import active_rules, lint
from linter.kinds import get_kind
from linter.kinds.quotations import Quotations
from linter.options import parse_options
from linter.parse import parse
from linter.rulebook import builtin_rules


def run(kind_name: str, options: dict[str, Any], text: str, fmt: str = "text") -> list[Any]:
    kind = get_kind(kind_name)
    parsed = parse_options(kind.options_type, options, path="test", line=1)
    doc = parse(text, "a.md" if fmt == "markdown" else "a.txt", fmt)
    return [(doc.position(f.span.start), f) for f in kind.check(doc, parsed)]


def places(kind_name: str, options: dict[str, Any], text: str, fmt: str = "text") -> list[Any]:
    return [place for place, _ in run(kind_name, options, text, fmt)]


def apply(text: str, finding: Any) -> str:
    for edit in sorted(finding.fix.edits, key=lambda e: e.span.start, reverse=True):
        text = text[: edit.span.start] + edit.replacement + text[edit.span.end :]
    return text


# -- existence -------------------------------------------------------------------------------

MD = (
    "---\ntitle: Storm Update TK\n---\n\n# Storm Update\n\nPublished 2 March 2026\n\n"
    "## Highlights\n\n- Ferries sail again, update soon.\n\n## The update\n\n"
    "The update came at noon. See `update` and https://example.org/update for more.\n"
)


def test_existence_scopes() -> None:
    opts = {"tokens": ["update"]}
    assert places("existence", opts, MD, "markdown") == [(5, 9), (11, 23), (13, 8), (15, 5)]
    assert places("existence", {**opts, "scope": ["title"]}, MD, "markdown") == [(5, 9)]
    assert places("existence", {**opts, "scope": ["headings"]}, MD, "markdown") == [
        (5, 9),
        (13, 8),
    ]
    assert places("existence", {**opts, "scope": ["highlights"]}, MD, "markdown") == [(11, 23)]
    assert places("existence", {**opts, "scope": ["body"]}, MD, "markdown") == [(13, 8), (15, 5)]
    assert places("existence", {"tokens": ["TK"], "scope": ["front-matter"]}, MD, "markdown") == [
        (2, 21)
    ]


def test_existence_case_boundaries_and_exceptions() -> None:
    text = "Title\nThe Utilize Group said it would utilize underutilized docks.\n"
    assert places("existence", {"tokens": ["utilize"]}, text) == [(2, 5), (2, 33)]
    assert places("existence", {"tokens": ["utilize"], "ignore-case": False}, text) == [(2, 33)]
    assert places("existence", {"tokens": ["utilize"], "exceptions": ["Utilize"]}, text) == []
    assert places("existence", {"tokens": ["utilize"], "word-boundary": False}, text) == [
        (2, 5),
        (2, 33),
        (2, 46),
    ]


def test_existence_overlapping_entries_give_one_finding_naming_the_entry() -> None:
    text = "Title\nIn the wake of the storm, the port closed.\n"
    found = run("existence", {"tokens": ["in the wake"], "patterns": [r"wake of \w+"]}, text)
    assert [(place, f.fields["entry"]) for place, f in found] == [((2, 1), "in the wake")]


def test_existence_phrases_match_across_a_line_break() -> None:
    text = "# Title\n\nThe port closed in the\nwake of the storm.\n"
    found = run("existence", {"tokens": ["in the wake of"]}, text, "markdown")
    assert [(place, f.fields["match"]) for place, f in found] == [((3, 17), "in the wake of")]


def test_existence_fix_whole_lines_removes_only_a_line_the_match_fills() -> None:
    text = "Title\n  I hope this helps!  \nThe port closed. I hope this helps!\nI hope this helps!"
    opts = {"tokens": ["I hope this helps!"], "word-boundary": False, "fix-whole-lines": True}
    found = run("existence", opts, text)
    assert [(place, f.fix is not None) for place, f in found] == [
        ((2, 3), True),
        ((3, 18), False),
        ((4, 1), True),
    ]
    assert (
        apply(text, found[0][1]) == "Title\nThe port closed. I hope this helps!\nI hope this helps!"
    )
    # The last line has no newline: the one before it goes with it.
    assert (
        apply(text, found[2][1])
        == "Title\n  I hope this helps!  \nThe port closed. I hope this helps!"
    )
    assert [f.fix for _, f in run("existence", {**opts, "fix-whole-lines": False}, text)] == [
        None,
        None,
        None,
    ]


def test_existence_skip_quoted_passes_over_quotations_on_the_line() -> None:
    text = (
        "Title\n"
        'She said "I hope this helps" and left. I hope this helps.\n'
        "“I hope this helps,” he said. “And I hope this helps\n"
        "I hope this helps: a quotation ends with its line.\n"
        'The 12" screens sold out. I hope this helps.\n'
        'He said "it is 12" and I hope this helps.\n'
        '"Our 72" sofa fits. I hope this helps!"\n'
        '2½" pipes: "I hope this helps"\n'
        '72" wide. I hope this helps!" It was shared widely.\n'
    )
    opts = {"tokens": ["I hope this helps"], "skip-quoted": True}
    # Straight quotes after a figure are inch marks only when the others pair up and all of
    # them do not: a line may go on with a quotation opened on the line before.
    assert places("existence", opts, text) == [(2, 40), (4, 1), (5, 27), (6, 24)]
    assert places("existence", {**opts, "skip-quoted": False}, text) == [
        (2, 11),
        (2, 40),
        (3, 2),
        (3, 36),
        (4, 1),
        (5, 27),
        (6, 24),
        (7, 21),
        (8, 13),
        (9, 11),
    ]


def test_existence_skip_quoted_reads_single_quotes_and_block_quotes() -> None:
    text = (
        "# Title\n\n"
        "It wrote 'I hope this helps!' and stopped. Don't worry: I hope this helps.\n\n"
        "The bot’s reply, ‘I hope this helps’, it’s said. I hope this helps.\n\n"
        "> The bot: I hope this helps.\n\n"
        "Rock 'n' roll. The students' band. I hope this helps.\n\n"
        "Open since the '90s. I hope this helps. 'Tis the season: I hope this helps.\n\n"
        'The "Assist 365" bot. It wrote: "I hope this helps.\n\n'
        "In '98 I hope this helps, the players' band said; give 'em one. I hope this helps.\n"
    )
    opts = {"tokens": ["I hope this helps"], "skip-quoted": True}
    # A single quote with none after it to close it opens nothing ('90s, 'Tis), nor one before
    # a year or a word it shortens ('98, 'em) whatever follows; a quote after
    # a figure is no inch mark when the others would not open and close in turn without it.
    assert places("existence", opts, text, "markdown") == [
        (3, 57),
        (5, 50),
        (9, 36),
        (11, 22),
        (11, 58),
        (15, 8),
        (15, 65),
    ]


_QUOTED_BEFORE = regex.compile(
    r'(?<=^[^"\n]*(?:"[^"\n]*"[^"\n]*)*"[^"\n]*)|(?<=“[^”\n]*)', regex.MULTILINE
)


@given(st.text(st.sampled_from(['"', "“", "”", "a", " ", "\n"]), max_size=40))
def test_existence_skip_quoted_agrees_with_the_lookbehind_it_replaced(text: str) -> None:
    # Without digits (no inch marks), inside a quotation is where the rule's patterns once
    # looked behind for an odd number of straight quotes, or a “ not closed, on the line.
    doc = parse(text, "a.txt")
    quotations = Quotations(doc)
    for at in range(len(text) + 1):
        assert quotations.inside(at) == (_QUOTED_BEFORE.match(text, at) is not None), at


def test_existence_skip_quoted_reads_a_long_line_of_quotations_in_time() -> None:
    # Looking back to the line's start from each candidate made this line a rule-timeout.
    line = 'He said "no" and let me know if you need it. ' * 8_000
    doc = parse("Title\n" + line + "\n", "a.txt")
    rules = [r for r in HOUSE_RULES if r.id == "assistant-residue"]
    assert [d.rule for d in lint(doc, rules)] == ["assistant-residue"] * 8_000


# -- substitution ------------------------------------------------------------------------------


def test_substitution_fix_keeps_a_leading_capital() -> None:
    text = "Title\nTowards noon the ships sailed towards the quay.\n"
    found = run("substitution", {"swap": {"towards": "toward"}}, text)
    assert [p for p, _ in found] == [(2, 1), (2, 31)]
    first, second = (f for _, f in found)
    assert first.fields == {"match": "Towards", "expected": "Toward", "observed": "Towards"}
    assert (
        apply(apply(text, second), first)
        == "Title\nToward noon the ships sailed toward the quay.\n"
    )
    assert first.fix.safe


def test_substitution_choices_have_no_fix() -> None:
    text = "Title\nThe firm will utilise the quay.\n"
    ((place, finding),) = run("substitution", {"swap": {"utilise": "use|employ"}}, text)
    assert place == (2, 15)
    assert finding.fields["expected"] == "use or employ"
    assert finding.fix is None


def test_substitution_skips_the_house_form_itself() -> None:
    text = "Title\nThe Internet and the internet.\n"
    assert places("substitution", {"swap": {"internet": "Internet"}}, text) == [(2, 22)]


# -- required-sections -------------------------------------------------------------------------

ORDERED = "# Title\n\n## Background\n\nText.\n\n## Highlights\n\n- One.\n\n## Reaction\n\nMore.\n"


def test_required_sections_missing_and_out_of_order() -> None:
    opts = {"headings": ["Highlights", "Background", "Outlook"], "in-order": True}
    found = run("required-sections", opts, ORDERED, "markdown")
    assert [(p, f.fields["section"], f.fields["problem"]) for p, f in found] == [
        ((1, 1), 'The "Outlook" section', "is missing"),
        ((3, 1), 'The "Background" section', 'comes before "Highlights" (line 7)'),
    ]
    assert found[1][1].related[0].message == '"Highlights" should come first'


def test_required_sections_roles_and_empty_files() -> None:
    opts = {"roles": ["title", "dateline", "front-matter"]}
    found = run("required-sections", opts, ORDERED, "markdown")
    assert [f.fields["section"] for _, f in found] == ["The dateline", "The front matter"]
    assert run("required-sections", opts, "\n\n", "markdown") == []


# -- metric ----------------------------------------------------------------------------------


def test_metric_sentence_words_respects_abbreviations() -> None:
    text = (
        "Title\nDr. Varnholt and Mr. J. Smith met on Monday. "
        "They talked for an hour about the rain.\n"
    )
    found = run("metric", {"measure": "sentence-words", "max": 8}, text)
    assert [(p, f.fields["value"], f.fields["limit"]) for p, f in found] == [
        ((2, 1), 9, "at most 8")
    ]


def test_metric_title_paragraph_and_article() -> None:
    text = "A Very Long Title for a Short Story\nOne. Two. Three.\n"
    assert [
        (p, f.fields["value"]) for p, f in run("metric", {"measure": "title-words", "max": 6}, text)
    ] == [((1, 1), 8)]
    assert [
        (p, f.fields["value"])
        for p, f in run("metric", {"measure": "paragraph-sentences", "max": 2}, text)
    ] == [((2, 1), 3)]
    assert [
        f.fields["value"] for _, f in run("metric", {"measure": "article-words", "min": 20}, text)
    ] == [11]


# -- dateline ----------------------------------------------------------------------------------


def test_dateline_updated_line_without_an_update_key_is_not_compared() -> None:
    text = "---\ndate: 2026-03-02\n---\n\n# Title\n\nUpdated 5 March 2026\n\nText.\n"
    assert run("dateline", {}, text, "markdown") == []


def test_dateline_disagreement_names_both_dates() -> None:
    text = "---\ndate: 2026-03-02\n---\n\n# Title\n\nPublished March 3, 2026\n\nText.\n"
    ((place, finding),) = run("dateline", {}, text, "markdown")
    assert place == (7, 11)
    assert finding.fields["problem"] == (
        'The dateline says "March 3, 2026" but the front matter date is 2 March 2026 (line 2)'
    )


# -- name-variants ---------------------------------------------------------------------------


def test_name_variants_allow_list() -> None:
    text = "Title\nThe mayor met Anders Berglund at noon.\n\nLater, Anders Berglind left.\n"
    assert places("name-variants", {}, text) == [(4, 15)]
    assert places("name-variants", {"allow": ["Berglind"]}, text) == []


# -- documentation -----------------------------------------------------------------------------


def test_every_house_kind_documents_every_option() -> None:
    import dataclasses

    from linter.options import option_doc

    for name in (
        "existence",
        "substitution",
        "heading-phrase",
        "required-sections",
        "metric",
        "name-variants",
        "dateline",
    ):
        kind = get_kind(name)
        assert kind.description and kind.fields, name
        for f in dataclasses.fields(kind.options_type):
            assert option_doc(f).endswith("."), (name, f.name)


def test_explain_kind_page() -> None:
    from click.testing import CliRunner

    from linter.cli import main

    result = CliRunner().invoke(main, ["explain", "--kind", "metric"])
    assert result.exit_code == 0
    assert result.stdout.startswith("kind: metric\n============\n")
    assert "measure: 'highlights-count' | 'title-words'" in result.stdout
    assert "min: whole number of at least 0 (optional) (default none)\n" in result.stdout
    result = CliRunner().invoke(main, ["explain", "--kind", "metrik"])
    assert (result.exit_code, result.stderr) == (
        2,
        "copydesk: error: unknown kind 'metrik' (did you mean 'metric'?)\n",
    )


# -- any text ----------------------------------------------------------------------------------


HOUSE_RULES = active_rules(
    [
        r
        for r in builtin_rules().values()
        if r.id in {"placeholder-text", "assistant-residue", "name-drift", "dateline-format"}
    ]
)
ARTICLE_BITS = st.sampled_from(
    [
        "# Title\n", "Title\n", "Published 2 March 2026\n", "Published 31 Feb 2026\n",
        "---\ndate: 2026-03-02\n---\n", "## Highlights\n", "- ", "* ", "\n", "TK ", "{{x}} ",
        "Certainly! ", "Anders Berglund ", "Anders Berglind's ", "Dr. ", "e-mail ", "`code` ",
        "[Insert quote] ", "Lorem ipsum. ", "Ünïcödé Ñame ", "\t", "**Bold**\n", "> ",
    ]
)  # fmt: skip


@given(st.lists(ARTICLE_BITS, max_size=30), st.sampled_from(["text", "markdown"]))
def test_house_rules_never_crash_and_stay_in_bounds(bits: list[str], fmt: str) -> None:
    doc = parse("".join(bits), "a.md" if fmt == "markdown" else "a.txt", fmt)
    for d in lint(doc, HOUSE_RULES):
        assert d.rule not in ("internal-error", "rule-timeout"), d.message
        assert 0 <= d.span.start <= d.span.end <= len(doc.text)


def test_placeholder_text_reads_a_long_line_of_candidates_in_time() -> None:
    # Each "XX" looks around it for "chromosome" and "XY" within a bounded window: looking
    # to the line's ends from each one made this line of 20,000 a rule-timeout.
    doc = parse("Title\n" + "the XX value " * 20_000 + "\n", "a.txt")
    rules = [r for r in HOUSE_RULES if r.id == "placeholder-text"]
    found = [d.rule for d in lint(doc, rules)]
    assert found == ["placeholder-text"] * 20_000


def test_name_variants_two_people_and_derived_forms_stay_quiet() -> None:
    text = (
        "Title\nThe mediators Johnson and Johnston sat in.\n\n"
        "Carl Johnson left early. Later, Pia Johnston spoke.\n\n"
        "Delegates from Palestine and Argentina met. The Palestinian envoy thanked the "
        "Argentine hosts.\n"
    )
    assert places("name-variants", {}, text) == []
