"""Inline suppressions in Markdown: ``<!-- copydesk-disable RULE... -->`` and friends.

``copydesk-disable`` turns rules off from its line until a matching ``copydesk-enable`` (or the
end of the file); ``copydesk-disable-next-line`` covers the line after the comment;
``copydesk-disable-file`` covers the whole file. With no rule named, a comment covers every
rule. A comment that names an unknown rule, or that suppresses nothing, is itself reported as
``unused-suppression`` (a warning), so stale suppressions do not pile up; so is a comment
that starts like one but names no directive (``copydesk-disable-line``), which suppresses
nothing. Plain-text files have
no comments: use ``overrides`` in the configuration for them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from linter.document import BlockKind, Document, Span
from linter.errors import did_you_mean

if TYPE_CHECKING:
    from linter.engine import Diagnostic

UNUSED = "unused-suppression"
#: Diagnostics that are about the run itself, never suppressed.
UNSUPPRESSIBLE = frozenset({"internal-error", "read-error", UNUSED})

#: The directives, each to be followed by a space or the comment's end: "disable-line" is not
#: "disable" with a rule named "-line".
ACTIONS = ("disable-next-line", "disable-file", "disable", "enable")
_COMMENT = re.compile(r"<!--[ \t]*copydesk-((?:\w|-(?!->))*)(.*?)-->", re.DOTALL)
_IDS = re.compile(r"[^\s,]+")


@dataclass(slots=True)
class Directive:
    """One rule named by one comment (``rule`` is None when the comment names none)."""

    action: str
    rule: str | None
    span: Span
    line: int
    first: int  # first and last line covered (inclusive)
    last: int
    used: bool = False
    closed_by: Directive | None = field(default=None, repr=False)


def _code_spans(doc: Document) -> list[Span]:
    return [b.span for b in doc.blocks if b.kind in (BlockKind.CODE, BlockKind.FRONT_MATTER)]


def parse_directives(doc: Document) -> list[Directive]:
    """Every suppression comment of a Markdown document, with the lines each one covers."""
    if doc.format != "markdown" or "copydesk-" not in doc.text:
        return []
    code = _code_spans(doc)
    out: list[Directive] = []
    open_ranges: dict[str | None, list[Directive]] = {}
    last_line = doc.line_count
    for match in _COMMENT.finditer(doc.text):
        span = Span(match.start(), match.end())
        if any(c.contains(span) for c in code):
            continue
        action, rest = match.group(1), match.group(2)
        line = doc.line_of(span.start)
        if action not in ACTIONS or (rest and not (rest[0].isspace() or rest[0] == ",")):
            # Covers no line: the findings it was meant to hide are still reported.
            written = action if not rest or rest[0].isspace() else action + rest.split()[0]
            out.append(Directive(written, None, span, line, 0, -1))
            continue
        ids = _IDS.findall(rest) or [None]
        end_line = doc.line_of(max(span.start, span.end - 1))
        for rule in ids:
            if action == "disable-file":
                out.append(Directive(action, rule, span, line, 1, last_line))
            elif action == "disable-next-line":
                out.append(Directive(action, rule, span, line, end_line + 1, end_line + 1))
            elif action == "disable":
                directive = Directive(action, rule, span, line, line, last_line)
                open_ranges.setdefault(rule, []).append(directive)
                out.append(directive)
            else:  # enable: closes the open disables of its rule (no rule: of every rule)
                enable = Directive(action, rule, span, line, line, line)
                keys = list(open_ranges) if rule is None else [rule]
                for key in keys:
                    for start in open_ranges.pop(key, []):
                        start.last = line
                        start.closed_by = enable
                        enable.used = True
                out.append(enable)
    return out


def apply_suppressions(
    doc: Document,
    diagnostics: Sequence[Diagnostic],
    enabled: Collection[str],
    known: Collection[str],
    make_unused: Callable[[Document, Span, str], Diagnostic],
) -> list[Diagnostic]:
    """The diagnostics left after the document's suppression comments, plus one
    ``unused-suppression`` for each comment that names an unknown rule or suppresses nothing.

    A known rule that is not enabled in this run (``--select``, config) could not have fired,
    so a comment naming it is not reported as unused.
    """
    directives = parse_directives(doc)
    if not directives:
        return list(diagnostics)
    covering = [d for d in directives if d.action != "enable" and d.action in ACTIONS]
    kept: list[Diagnostic] = []
    for diag in diagnostics:
        hit = False
        if diag.rule not in UNSUPPRESSIBLE:
            for directive in covering:
                if directive.rule in (None, diag.rule) and (
                    directive.first <= diag.line <= directive.last
                ):
                    directive.used = True
                    hit = True
        if not hit:
            kept.append(diag)
    for directive in directives:
        if directive.action not in ACTIONS:
            message = (
                f"Unknown directive 'copydesk-{directive.action}' "
                f"({_hint(directive.action)}); it suppresses nothing"
            )
        elif directive.rule is not None and directive.rule not in known:
            message = f"Unknown rule {directive.rule!r} in a copydesk-{directive.action} comment"
        elif not directive.used and (directive.rule is None or directive.rule in enabled):
            name = f"{directive.rule!r}" if directive.rule else "every rule"
            message = (
                f"Nothing to enable: {name} is not disabled by name above this comment"
                if directive.action == "enable"
                else f"Suppression of {name} (copydesk-{directive.action}) suppresses nothing"
            )
        else:
            continue
        kept.append(make_unused(doc, directive.span, message))
    return kept


def _hint(action: str) -> str:
    """What a mistyped directive was most likely meant to be."""
    if "line" in action:  # "disable-line" (ESLint's), "disable-nextline"
        return "did you mean 'copydesk-disable-next-line'?"
    close = did_you_mean(action, ACTIONS)
    if close and close.startswith("did you mean"):
        return close.replace("'", "'copydesk-", 1)
    return "expected one of: " + ", ".join(f"copydesk-{a}" for a in ACTIONS)
