"""Every example of every rule is a test; every rule must be documented and have examples."""

from __future__ import annotations

import pytest

from linter.examples import run_example
from linter.rulebook import builtin_rules

RULES = builtin_rules()
CASES = [
    pytest.param(rule, example, id=f"{rule.id}: {example.name}")
    for rule in RULES.values()
    for example in rule.examples
]


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_example(rule, example) -> None:
    result = run_example(rule, example)
    assert result.actual == result.expected


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_rule_is_documented_and_has_good_and_bad_examples(rule) -> None:
    assert rule.summary.endswith("."), "a summary is one sentence"
    assert len(rule.rationale.split()) >= 12, "the rationale explains why, in a few sentences"
    assert rule.message[:1].isupper() or rule.message.startswith("{"), "sentence case"
    assert any(not e.expect for e in rule.examples), "needs an example that must stay quiet"
    assert any(e.expect for e in rule.examples), "needs an example that must fire"
    assert all(entry.split()[-1] == rule.id for e in rule.examples for entry in e.expect), (
        "examples list only the rule's own findings"
    )
    if rule.fixable.value != "none":
        assert any(e.expect for e in rule.examples)


def test_contract_rule_ids_are_all_present() -> None:
    contract = {
        "empty-bullet",
        "scaffold-heading",
        "duplicate-section",
        "repeated-title",
        "trailing-blank-lines",
        "empty-section",
    }
    assert contract <= set(RULES)
