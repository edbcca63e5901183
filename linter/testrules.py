"""``copydesk test-rules``: run a rulebook's examples and describe failures for people."""

from __future__ import annotations

from collections.abc import Iterable

from linter.examples import ExampleResult, run_example
from linter.rulebook import Rule


def run_rulebook(rules: Iterable[Rule]) -> list[ExampleResult]:
    """Every example of every rule, rules in id order, examples in file order."""
    return [
        run_example(rule, example)
        for rule in sorted(rules, key=lambda r: r.id)
        for example in rule.examples
    ]


def untested(rules: Iterable[Rule]) -> list[str]:
    """A line for each rule without an example that must stay quiet, or one that must fire."""
    out: list[str] = []
    for rule in sorted(rules, key=lambda r: r.id):
        quiet = any(not e.expect for e in rule.examples)
        fires = any(e.expect for e in rule.examples)
        if quiet and fires:
            continue
        if not quiet and not fires:
            lack = "no example at all (one must stay quiet, one must fire)"
        elif not quiet:
            lack = "no example that must stay quiet (expect: [])"
        else:
            lack = "no example that must fire"
        out.append(f"FAIL  {rule.source}  {rule.id} has {lack}")
    return out


def report_failure(result: ExampleResult, rule: Rule) -> str:
    """A failed example: where it is, what was expected, what was found and what differs."""
    example = result.example
    kind = "stay quiet" if not example.expect else "give " + ", ".join(result.expected)
    lines = [f"FAIL  {rule.source}:{example.line}  {example.name}", f"      should {kind}"]
    messages = {f"{d.line}:{d.column} {d.rule}": d.message for d in result.diagnostics}
    missing = [e for e in result.expected if e not in result.actual]
    extra = [a for a in result.actual if a not in result.expected]
    for entry in missing:
        lines.append(f"      missing:    {entry}")
    for entry in extra:
        lines.append(f"      unexpected: {entry}  {messages.get(entry, '')}".rstrip())
    text_lines = example.text.split("\n")
    if text_lines and text_lines[-1] == "":
        text_lines.pop()
    width = len(str(len(text_lines)))
    lines.append(f"      text ({example.format}):")
    for number, text in enumerate(text_lines, start=1):
        lines.append(f"      {number:>{width}} | {text}")
    return "\n".join(lines)
