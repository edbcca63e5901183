"""Rule documentation for people: ``copydesk explain`` pages and the starter config."""

from __future__ import annotations

import dataclasses
import re
import textwrap
import typing
from typing import Any

from linter.engine import ActiveRule
from linter.kinds import get_kind
from linter.options import describe_limits, describe_type, kebab, option_doc
from linter.patterns import Pattern
from linter.rulebook import Rule


def _value(value: Any) -> str:
    if isinstance(value, re.Pattern | Pattern):
        return repr(value.pattern)
    if isinstance(value, tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in value.items()) + "}"
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    return str(value)


def render_rule(rule: Rule, active: ActiveRule | None) -> str:
    """A plain-text page for one rule."""
    kind = get_kind(rule.kind)
    fill = textwrap.TextWrapper(width=88)
    state = f"enabled, severity {active.severity.value}" if active else "disabled"
    fix = {"safe": "yes (safe)", "unsafe": "yes (unsafe: needs --unsafe-fixes)", "none": "no"}[
        rule.fixable.value
    ]
    out = [
        f"{rule.id}",
        "=" * len(rule.id),
        "",
        rule.summary,
        "",
        *fill.wrap(rule.rationale),
        "",
        f"Kind:      {rule.kind}",
        f"Severity:  {rule.severity.value} (in this run: {state})",
        f"Fixable:   {fix}",
        f"Message:   {rule.message}",
        f"Defined:   {rule.source}",
        "",
        "What the kind does",
        "------------------",
        *fill.wrap(kind.description),
        "",
    ]
    options = active.options if active else rule.options
    fields = dataclasses.fields(kind.options_type)
    if fields:
        hints = typing.get_type_hints(kind.options_type)
        out += ["Options", "-------"]
        for f in fields:
            out.append(f"{kebab(f.name)}: {_value(getattr(options, f.name))}")
            out.append(f"    type: {_type_and_limits(f, hints[f.name])}")
            out += _wrapped_doc(f)
        out.append("")
    good = [e for e in rule.examples if not e.expect]
    bad = [e for e in rule.examples if e.expect]
    for title, examples in (("Stays quiet on", good), ("Reports", bad)):
        if not examples:
            continue
        out += [title, "-" * len(title)]
        for example in examples:
            out.append(f"* {example.name} ({example.format})")
            for line in example.text.rstrip("\n").split("\n"):
                out.append(f"    | {line}")
            if example.expect:
                out.append(f"    -> {', '.join(example.expect)}")
        out.append("")
    return "\n".join(out)


def _type_and_limits(f: dataclasses.Field[Any], tp: Any) -> str:
    """An option's type with the range its value must be in ('whole number from 0 to 100')."""
    limits = describe_limits(f)
    described = describe_type(tp)
    if not limits:
        return described
    optional = described.endswith(" (optional)")
    return f"{described.removesuffix(' (optional)')} {limits}" + (" (optional)" if optional else "")


def _wrapped_doc(f: dataclasses.Field[Any]) -> list[str]:
    doc = option_doc(f)
    return textwrap.wrap(doc, width=88, initial_indent="    ", subsequent_indent="    ")


def render_kind(name: str) -> str:
    """A plain-text page for one kind: what it checks, its message fields and its options."""
    kind = get_kind(name)
    fill = textwrap.TextWrapper(width=88)
    title = f"kind: {name}"
    out = [title, "=" * len(title), "", *fill.wrap(kind.description), ""]
    if kind.fields:
        out += ["Message fields", "--------------"]
        for field_name, meaning in kind.fields.items():
            out.append(f"{{{field_name}}}")
            out += textwrap.wrap(meaning, width=88, initial_indent="    ", subsequent_indent="    ")
        out.append("")
    hints = typing.get_type_hints(kind.options_type)
    fields = dataclasses.fields(kind.options_type)
    if fields:
        out += ["Options", "-------"]
        for f in fields:
            if f.default is dataclasses.MISSING:
                default = "required"
            else:
                default = f"default {_value(f.default)}"
            out.append(f"{kebab(f.name)}: {_type_and_limits(f, hints[f.name])} ({default})")
            out += _wrapped_doc(f)
        out.append("")
    return "\n".join(out)


def rules_table(rules: dict[str, Rule]) -> str:
    """The Markdown table of rules that the README carries (``copydesk rules --format
    markdown``)."""
    lines = ["| Rule | Severity | Fix | Finds |", "| --- | --- | --- | --- |"]
    for rid, rule in sorted(rules.items()):
        fix = {"safe": "safe", "unsafe": "unsafe", "none": ""}[rule.fixable.value]
        lines.append(f"| `{rid}` | {rule.severity.value} | {fix} | {rule.summary} |")
    return "\n".join(lines) + "\n"


def starter_config() -> str:
    """The text ``copydesk init`` writes: every setting, commented, at its default."""
    from linter.rulebook import builtin_rules

    lines = [
        "# copydesk configuration. Run `copydesk rules` to list rules, and",
        "# `copydesk explain RULE` to see a rule's options.",
        "",
        "# Start from a preset (default, strict, minimal) or another config file.",
        "extends: default",
        "",
        "# Lowest severity that fails the run: error, warning or info.",
        "fail-on: error",
        "",
        "# Which files to check when a folder is given, and which to skip.",
        'include: ["*.md", "*.markdown", "*.txt"]',
        "exclude: []",
        "",
        "# Folders of your own rules (YAML, the same schema as the built-in rules).",
        "rulebooks: []",
        "",
        "# Per rule: off, a severity, or a mapping with severity and options.",
        "rules:",
    ]
    for rid, rule in sorted(builtin_rules().items()):
        lines.append(f"  # {rid}: {rule.severity.value}    # {rule.summary}")
    lines += [
        "  # scaffold-heading:",
        '  #   extra-phrases: ["Editor\'s Draft"]',
        "",
    ]
    return "\n".join(lines)


#: The ids that reports use for what is not a rule's finding: no YAML defines them, and no
#: config can turn them on or off.
OUTPUT_IDS = {
    "read-error": (
        "A file that could not be read or decoded.",
        "A path named on the command line or found in a folder could not be checked: no read "
        "permission, bytes that are not UTF-8 or UTF-16, a binary file, a broken symbolic "
        "link, a pipe or device, a path that does not exist, or a folder with no articles. "
        "The message says what is wrong and what to do. The other files are still checked, "
        "and the run exits with status 2.",
    ),
    "internal-error": (
        "A rule or a parser crashed on a file: a bug in copydesk.",
        "The message names the rule, the file and the cause; --verbose prints the traceback. "
        "The rest of the run completes, and it exits with status 3. Please report it.",
    ),
    "rule-timeout": (
        "A rule's regular expression ran past its time bound on a file.",
        "A pattern that backtracks without end is stopped instead of hanging the run; the "
        "message names the rule and the pattern. That rule may have missed findings in the "
        "file: rewrite the pattern so it cannot backtrack without end. An error.",
    ),
    "unused-suppression": (
        "A copydesk-disable comment that names an unknown rule or suppresses nothing.",
        "Stale suppressions hide nothing and mislead readers of the article: correct the rule "
        "id, or remove the comment. A warning.",
    ),
    "write-error": (
        "A file --fix could not write back.",
        "The file is read-only, or it changed on disk while it was being fixed; it was left "
        "as it was. The run exits with status 2.",
    ),
    "fix-error": (
        "A file --fix could not fix safely.",
        "Its fixes did not settle after 10 passes, undid each other, or would add a line "
        "break to a file with mixed line endings; the file was left as it was. The run exits "
        "with status 2.",
    ),
}


def render_output_id(output_id: str) -> str:
    """A plain-text page for an id that reports use but no rule defines (``read-error``...)."""
    summary, text = OUTPUT_IDS[output_id]
    fill = textwrap.TextWrapper(width=88)
    lines = [output_id, "=" * len(output_id), "", summary, "", *fill.wrap(text), ""]
    lines += fill.wrap(
        "This is not a rule: copydesk reports it about the run itself, and no config turns "
        "it on or off."
    )
    return "\n".join(lines) + "\n"
