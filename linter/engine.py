"""Run the enabled rules on one document and turn their findings into diagnostics."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from linter.document import Document, Span
from linter.findings import Finding, Fix, Severity
from linter.kinds import get_kind
from linter.patterns import RuleTimeout
from linter.rulebook import Rule


@dataclass(frozen=True, slots=True)
class ActiveRule:
    """A rule as configured for a run: its effective severity and options."""

    rule: Rule
    severity: Severity
    options: Any

    @property
    def id(self) -> str:
        return self.rule.id


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a file, 1-based, end column exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str = ""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One reported violation, ready for any reporter."""

    path: str
    rule: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    span: Span
    related: tuple[Location, ...] = ()
    fix: Fix | None = None
    #: The full traceback of an internal error, shown with --verbose.
    detail: str = ""
    #: Identity across edits (see linter.baseline): the flagged text with its neighbouring
    #: lines, and the flagged text alone. Never line numbers.
    fingerprint: str = ""
    text_fingerprint: str = ""

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)


def _line_ref(doc: Document, span: Span) -> str:
    first = doc.line_of(span.start)
    last = doc.line_of(max(span.start, span.end - 1))
    return str(first) if first == last else f"{first}-{last}"


def render_message(template: str, doc: Document, fields: Mapping[str, Any]) -> str:
    """Fill a rule's message template; Span values become line numbers or ranges."""
    values = {k: (_line_ref(doc, v) if isinstance(v, Span) else v) for k, v in fields.items()}
    return template.format_map(values)


def locate(doc: Document, span: Span, message: str = "") -> Location:
    line, column = doc.position(span.start)
    end_line, end_column = doc.position(span.end)
    return Location(doc.path, line, column, end_line, end_column, message)


def make_diagnostic(doc: Document, active: ActiveRule, finding: Finding) -> Diagnostic:
    where = locate(doc, finding.span)
    fix = finding.fix
    if fix is not None and active.rule.fixable.value == "none":
        fix = None
    return Diagnostic(
        path=doc.path,
        rule=active.id,
        severity=active.severity,
        message=render_message(active.rule.message, doc, finding.fields),
        line=where.line,
        column=where.column,
        end_line=where.end_line,
        end_column=where.end_column,
        span=finding.span,
        related=tuple(locate(doc, r.span, r.message) for r in finding.related),
        fix=fix,
    )


def _traceback(exc: BaseException) -> str:
    import traceback  # only a crash needs it; keeps start-up light

    return "".join(traceback.format_exception(exc))


def _cause(exc: BaseException) -> str:
    """The exception in one short line: its type and the first line of its message."""
    text = str(exc).strip()
    cause = f"{type(exc).__name__}: {text.splitlines()[0]}" if text else type(exc).__name__
    return cause if len(cause) <= 200 else cause[:199] + "…"


def internal_error(path: str, rule_id: str, exc: BaseException, what: str = "") -> Diagnostic:
    """A rule (or the parser) that crashed on a file: reported, never allowed to stop the run."""
    who = what or f"Rule {rule_id!r}"
    return Diagnostic(
        path=path,
        rule="internal-error",
        severity=Severity.ERROR,
        message=f"{who} crashed on {path} ({_cause(exc)}); this is a bug in copydesk, "
        "please report it (--verbose shows the traceback)",
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        span=Span(0, 0),
        detail=_traceback(exc),
    )


def rule_timeout(path: str, rule_id: str, exc: RuleTimeout) -> Diagnostic:
    """A rule whose pattern ran past the time bound: reported against the rule, never a hang."""
    return Diagnostic(
        path=path,
        rule="rule-timeout",
        severity=Severity.ERROR,
        message=f"Rule {rule_id!r} gave up on this file: its pattern {exc.pattern!r} ran longer "
        f"than {exc.seconds:g}s (rewrite it so it cannot backtrack without end)",
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        span=Span(0, 0),
    )


def unused_suppression(doc: Document, span: Span, message: str) -> Diagnostic:
    from linter.suppressions import UNUSED  # loaded already: only suppressions call this

    where = locate(doc, span)
    return Diagnostic(
        path=doc.path,
        rule=UNUSED,
        severity=Severity.WARNING,
        message=message,
        line=where.line,
        column=where.column,
        end_line=where.end_line,
        end_column=where.end_column,
        span=span,
    )


def _with_fingerprints(doc: Document, d: Diagnostic) -> Diagnostic:
    from linter.fingerprints import fingerprints

    text, context = fingerprints(doc, d.span)
    return replace(d, fingerprint=context, text_fingerprint=text)


def check_rule(doc: Document, active: ActiveRule) -> list[Diagnostic]:
    """One rule's diagnostics for a document, before suppressions; a crash or a runaway
    pattern becomes a diagnostic of its own."""
    out: list[Diagnostic] = []
    try:
        kind = get_kind(active.rule.kind)
        # Findings made before a crash are kept: they are as true as they were.
        out.extend(make_diagnostic(doc, active, f) for f in kind.check(doc, active.options))
    except RuleTimeout as exc:
        out.append(rule_timeout(doc.path, active.id, exc))
    except Exception as exc:  # crash isolation: one rule's bug must not stop the run
        out.append(internal_error(doc.path, active.id, exc))
    return out


def _check_all(doc: Document, rules: Sequence[ActiveRule], processes: int) -> list[Diagnostic]:
    """Every rule's diagnostics in rule order, shared between up to ``processes`` processes
    when the document is large enough for that to pay (see :mod:`linter.split`)."""
    from linter import split

    small = processes <= 1 or len(rules) <= 1 or len(doc.text) < split.MIN_CHARS
    if small or not split.can_fork():
        return [d for active in rules for d in check_rule(doc, active)]
    # A kind's rules stay together: they often share one analysis of the document.
    kinds = list(dict.fromkeys(a.rule.kind for a in rules))
    groups = split.deal(kinds, _kind_cost, processes)

    def run(group: list[int]) -> list[list[Diagnostic]]:
        wanted = {kinds[i] for i in group}
        return [check_rule(doc, a) if a.rule.kind in wanted else [] for a in rules]

    per_rule = split.run_groups([partial(run, g) for g in groups])
    # Merged in rule order, as one process would have made them.
    return [d for i in range(len(rules)) for got in per_rule for d in got[i]]


def _kind_cost(name: str) -> float:
    try:
        return get_kind(name).cost
    except Exception:  # a kind that cannot load fails in check_rule, where it is reported
        return 1.0


def lint(
    doc: Document,
    rules: Iterable[ActiveRule],
    known: Collection[str] | None = None,
    *,
    processes: int = 1,
) -> list[Diagnostic]:
    """All diagnostics for a document after its inline suppressions, sorted by place and rule.

    ``known`` is every rule id the run knows (enabled or not), so that a suppression comment
    naming a rule that does not exist can be told from one naming a disabled rule. A large
    document's rules may be shared between up to ``processes`` processes (same result).
    """
    rules = tuple(rules)
    out = _check_all(doc, rules, processes)
    # Suppression comments are Markdown comments naming copydesk-... (see
    # linter.suppressions.parse_directives): other texts need not even import that module.
    if doc.format == "markdown" and "copydesk-" in doc.text:
        from linter.suppressions import apply_suppressions

        enabled = {a.id for a in rules}
        out = apply_suppressions(doc, out, enabled, known or enabled, unused_suppression)
    out = [_with_fingerprints(doc, d) for d in out]
    out.sort(key=lambda d: d.sort_key)
    return out


def active_rules(rules: Sequence[Rule]) -> list[ActiveRule]:
    """Rules at their own severity and options (no configuration applied)."""
    return [ActiveRule(r, r.severity, r.options) for r in rules]
