"""Running a rule's examples: good texts must stay quiet, bad ones give exactly what they list."""

from __future__ import annotations

from dataclasses import dataclass

from linter.engine import ActiveRule, Diagnostic, lint
from linter.options import parse_options
from linter.parse import parse
from linter.rulebook import Example, Rule


@dataclass(frozen=True, slots=True)
class ExampleResult:
    rule: str
    example: Example
    expected: tuple[str, ...]
    actual: tuple[str, ...]
    #: What the rule reported, for a failure report that shows the messages.
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def passed(self) -> bool:
        return self.expected == self.actual


def run_example(rule: Rule, example: Example) -> ExampleResult:
    """Lint an example's text with this rule alone and compare ``line:column rule-id``."""
    from linter.kinds import get_kind

    options = rule.options
    if example.config:
        options = parse_options(
            get_kind(rule.kind).options_type,
            example.config,
            path=rule.source,
            line=example.line,
            base=rule.options,
        )
    doc = parse(example.text, example.path, example.format)
    found = lint(doc, [ActiveRule(rule, rule.severity, options)])
    actual = tuple(f"{d.line}:{d.column} {d.rule}" for d in found)
    return ExampleResult(
        rule.id,
        example,
        tuple(sorted(example.expect, key=_order)),
        tuple(sorted(actual, key=_order)),
        tuple(found),
    )


def _order(entry: str) -> tuple[int, int, str]:
    place, _, rule = entry.partition(" ")
    line, _, column = place.partition(":")
    return (int(line), int(column), rule)
