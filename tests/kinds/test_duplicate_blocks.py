"""The duplicate-blocks kind: what is not a copy (figures, pull quotes, lists) and its message."""

from __future__ import annotations

from linter.engine import ActiveRule, Diagnostic, lint
from linter.kinds.common import compare_key
from linter.kinds.duplicate_blocks import _Matcher
from linter.parse import parse
from linter.rulebook import builtin_rules

RULE = builtin_rules()["duplicate-section"]


def check(text: str, name: str = "a.txt") -> list[Diagnostic]:
    """duplicate-section's diagnostics on ``text``."""
    return lint(parse(text, name), [ActiveRule(RULE, RULE.severity, RULE.options)])


def places(text: str, name: str = "a.txt") -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.rule) for d in check(text, name)]


# Built alike, 96% similar, about different wards.
EAST = (
    "In the east ward, 412 households answered the council's survey and 58% said the bus "
    "service had improved since the new timetable began in March, officials said."
)
WEST = EAST.replace("east", "west").replace("412", "389").replace("58%", "61%")
QUOTE = (
    '"A town that shuts its libraries is telling its children that reading is a luxury, and '
    "we will not stand by while that happens,\" said Ines Moro, who chairs the readers' group."
)
LANES = (
    "Lane swimming from 6am to 9am, adults only, with the deep end kept for divers and the "
    "shallow end for the aqua-fitness class that the leisure trust runs every weekday morning."
)
REOPENS = "The pool reopens on Monday after a four-month refit of its roof and changing rooms."
PRICES = "Prices stay the same until the end of the year, the leisure trust said."


# -- figures ---------------------------------------------------------------------------------


def test_near_copies_with_different_figures_are_not_copies() -> None:
    assert places(f"Ward Survey\n{EAST}\n{WEST}\n") == []


def test_a_near_copy_that_keeps_its_figures_is_reported() -> None:
    near = EAST.replace("answered", "replied to")
    (found,) = check(f"Ward Survey\n{EAST}\n{near}\n")
    assert (found.line, found.column, found.rule) == (3, 1, "duplicate-section")
    assert found.message.startswith("Line 3 repeats line 2 (near copy, 96% similar)")
    assert found.fix is not None and not found.fix.safe


def test_exact_copies_need_no_figures_test() -> None:
    assert places(f"Ward Survey\n{EAST}\n{EAST}\n") == [(3, 1, "duplicate-section")]


def test_the_figures_are_the_digit_runs_in_order() -> None:
    options = RULE.options
    keys = [compare_key(EAST), compare_key(WEST), compare_key(EAST.replace("412", "41 2"))]
    matcher = _Matcher(keys, options)
    assert matcher.figures(0) == ["412", "58"]
    assert matcher.figures(1) == ["389", "61"]
    assert matcher.score(0, 1) == 0
    assert matcher.score(0, 2) == 0  # the same digits split otherwise are other figures


# -- pull quotes -----------------------------------------------------------------------------


def test_a_pull_quote_after_its_paragraph_is_not_a_copy() -> None:
    text = f"# Library Cuts\n\nThe council met.\n\n{QUOTE}\n\n> {QUOTE}\n\nA petition followed.\n"
    assert places(text, "a.md") == []


def test_a_pull_quote_before_its_paragraph_is_not_a_copy() -> None:
    text = f"# Library Cuts\n\n> {QUOTE}\n\nThe council met.\n\n{QUOTE}\n"
    assert places(text, "a.md") == []


def test_a_pull_quote_with_a_small_change_is_not_a_near_copy() -> None:
    text = f"# Library Cuts\n\n{QUOTE}\n\nThe council met.\n\n> {QUOTE.replace('town', 'city')}\n"
    assert places(text, "a.md") == []


def test_a_block_quote_pasted_twice_is_a_copy() -> None:
    text = f"# Library Cuts\n\n> {QUOTE}\n\nThe council met.\n\n> {QUOTE}\n"
    (found,) = check(text, "a.md")
    assert (found.line, found.column, found.rule) == (7, 1, "duplicate-section")
    assert found.fix is not None and found.fix.safe


def test_a_body_with_its_pull_quote_pasted_again_is_one_run() -> None:
    body = f"{REOPENS}\n\n{QUOTE}\n\n> {QUOTE}\n\n{PRICES}\n"
    found = check(f"# Pool Reopens\n\n{body}\n{body}", "a.md")
    assert [(d.line, d.column, d.rule) for d in found] == [(11, 1, "duplicate-section")]
    assert found[0].message.startswith("Lines 11-17 repeat lines 3-9 (exact copy)")


# -- lists -----------------------------------------------------------------------------------


def test_an_item_in_two_different_lists_is_not_a_copy() -> None:
    text = (
        f"# Pool Timetable\n\n## Monday\n\n- {LANES}\n- Family swim at 4pm.\n\n"
        f"## Tuesday\n\n- {LANES}\n- Toddler splash at 10am.\n"
    )
    assert places(text, "a.md") == []


def test_a_one_item_list_under_two_headings_is_not_a_copy() -> None:
    text = f"# Pool Timetable\n\n## Monday\n\n- {LANES}\n\n## Tuesday\n\n- {LANES}\n"
    assert places(text, "a.md") == []


def test_a_list_item_repeated_as_a_paragraph_is_not_a_copy() -> None:
    text = f"Pool Timetable\nHighlights\n- {LANES}\n- Family swim at 4pm.\n{LANES}\nMore later.\n"
    assert places(text) == []


def test_lists_that_differ_in_one_item_are_not_copies() -> None:
    first = f"- {REOPENS}\n- Family swim at 4pm.\n- {PRICES}\n"
    second = f"- {REOPENS}\n- Toddler splash at 10am.\n- {PRICES}\n"
    text = f"# Pool\n\n## Monday\n\n{first}\n## Tuesday\n\n{second}"
    assert places(text, "a.md") == []


def test_a_whole_list_pasted_under_another_label_is_a_copy() -> None:
    items = f"- {REOPENS}\n- {PRICES}\n"
    text = (
        f"# Pool Reopens\n\n## Key points\n\n{items}\nSwimmers queued.\n\n## Highlights\n\n{items}"
    )
    (found,) = check(text, "a.md")
    assert (found.line, found.column, found.rule) == (12, 1, "duplicate-section")
    assert found.message.startswith("Lines 12-13 repeat lines 5-6 (exact copy)")


def test_a_list_that_repeats_its_own_items_is_a_copy() -> None:
    items = f"- {REOPENS}\n- {PRICES}\n"
    assert places(f"Pool Reopens\n{items}{items}") == [(4, 1, "duplicate-section")]


def test_a_list_pasted_with_its_heading_is_a_copy() -> None:
    section = f"## Monday\n\n- {LANES}\n"
    text = f"# Pool Timetable\n\n{section}\nThe pool opens at 6am.\n\n{section}"
    assert places(text, "a.md") == [(9, 1, "duplicate-section")]


def test_an_item_in_many_lists_stays_linear() -> None:
    # Every list is told apart once (not per item checked), and each copy is rejected once.
    calls = 0
    score = _Matcher.score

    def counted(self: _Matcher, a: int, b: int) -> float:
        nonlocal calls
        calls += 1
        return score(self, a, b)

    lists = "".join(f"Day {i}\n- {LANES}\n- Family swim at {i} o'clock.\n" for i in range(1000))
    _Matcher.score = counted  # type: ignore[method-assign]
    try:
        found = check(f"Pool Timetable\n{lists}")
    finally:
        _Matcher.score = score  # type: ignore[method-assign]
    assert found == []
    assert calls <= 20 * 3000


# -- message ---------------------------------------------------------------------------------


def test_the_message_says_line_for_one_line_and_lines_for_a_range() -> None:
    one = f"Harbour Reopens\n{EAST}\n{EAST}\n"
    assert check(one)[0].message.startswith("Line 3 repeats line 2 (exact copy), starting")
    two = f"Harbour Reopens\n{EAST}\n{REOPENS}\nOutlook\n{EAST}\n{REOPENS}\n"
    assert check(two)[0].message.startswith("Lines 5-6 repeat lines 2-3 (exact copy), starting")


# -- fixes -----------------------------------------------------------------------------------


def test_a_copy_in_other_case_or_punctuation_is_not_an_exact_copy() -> None:
    # Matched as the same words, but removing it would drop the marks that differ: unsafe.
    shouted = EAST.upper().replace(",", ";")
    (found,) = check(f"Ward Survey\n{EAST}\n{shouted}\n")
    assert found.message.startswith("Line 3 repeats line 2 (copy with other case or punctuation)")
    assert found.fix is not None and not found.fix.safe
    (exact,) = check(f"Ward Survey\n{EAST}\n{EAST}\n")
    assert exact.fix is not None and exact.fix.safe


def test_a_run_whose_first_copy_is_removed_by_another_fix_has_no_fix() -> None:
    # Line 3 is a near copy of line 1 (its fix removes it); lines 6-7 repeat lines 3-4, whose
    # line 3 is that near copy. With both fixes its wording would be left nowhere.
    near = EAST.replace("answered", "replied to")
    text = f"{EAST}\nIntro\n{near}\n{LANES}\n{REOPENS}\n{near}\n{LANES}\n{PRICES}\n"
    found = check(text)
    assert [(d.line, d.fix is not None) for d in found] == [(3, True), (6, False)]
