"""Properties every parse and every finding must have, whatever the input: shared by the fuzz
tests and the corpus replay."""

from __future__ import annotations

from itertools import pairwise

from linter.document import TEXT_KINDS, Document, Span
from linter.engine import ActiveRule, Diagnostic, lint
from linter.parse import parse
from linter.rulebook import builtin_rules

FORMATS = ("text", "markdown")


def every_rule() -> list[ActiveRule]:
    return [ActiveRule(r, r.severity, r.options) for r in builtin_rules().values()]


def check_span(doc: Document, span: Span, what: str) -> None:
    assert 0 <= span.start <= span.end <= len(doc.text), f"{what} {span} outside the text"


def check_document(doc: Document) -> None:
    """Blocks lie inside the text, in order, and say what text they cover."""
    previous = 0
    for block in doc.blocks:
        check_span(doc, block.span, f"{block.kind} span")
        check_span(doc, block.text_span, f"{block.kind} text span")
        assert block.span.start >= previous or block.kind == "blank", "blocks out of order"
        if block.kind in TEXT_KINDS:
            assert doc.slice(block.text_span) == block.text, block
        previous = block.span.start
    if doc.front_matter_error is not None:
        check_span(doc, doc.front_matter_error[1], "front matter error")


def check_place(doc: Document, line: int, column: int) -> None:
    assert 1 <= line <= doc.line_count, f"line {line} of {doc.line_count}"
    assert 1 <= column <= len(doc.line_text(line)) + 1, f"column {column} on line {line}"


def check_diagnostic(doc: Document, d: Diagnostic) -> None:
    assert d.rule != "internal-error", d.message + "\n" + d.detail
    check_span(doc, d.span, d.rule)
    check_place(doc, d.line, d.column)
    check_place(doc, d.end_line, d.end_column)
    assert (d.line, d.column) <= (d.end_line, d.end_column)
    assert (d.line, d.column) == doc.position(d.span.start)
    assert d.message and "\n" not in d.message, d.message
    for r in d.related:
        check_place(doc, r.line, r.column)
        check_place(doc, r.end_line, r.end_column)
    if d.fix is not None:
        edits = sorted(d.fix.edits, key=lambda e: (e.span.start, e.span.end))
        for e in edits:
            check_span(doc, e.span, f"{d.rule} fix")
        for a, b in pairwise(edits):
            assert a.span.end <= b.span.start, f"{d.rule} fix edits overlap"


def lint_everything(text: str, fmt: str) -> list[Diagnostic]:
    """Parse ``text`` in ``fmt`` and run every built-in rule, checking every invariant."""
    doc = parse(text, f"article.{'md' if fmt == 'markdown' else 'txt'}", fmt)
    check_document(doc)
    diagnostics = lint(doc, every_rule())
    for d in diagnostics:
        check_diagnostic(doc, d)
    return diagnostics
