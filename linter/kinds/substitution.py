"""substitution: a house spelling or phrase in place of another (``swap: {observed: expected}``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from linter.document import Document, Span
from linter.findings import Edit, Finding, Fix
from linter.kinds.base import Kind
from linter.kinds.common import quote
from linter.kinds.existence import literal_pattern
from linter.kinds.scope import ScopeName, scope_spans
from linter.options import option
from linter.patterns import Budget, Pattern


@dataclass(frozen=True)
class SubstitutionOptions:
    """Options of a ``substitution`` rule."""

    swap: dict[str, str] = option(
        doc="observed -> expected. Keys are matched as written (spaces flexible); a value "
        "with '|' offers a choice (a finding without a fix)."
    )
    ignore_case: bool = option(
        True, "Ignore case when matching; a match that starts with a capital keeps it in the fix."
    )
    word_boundary: bool = option(True, "Observed words match only as whole words.")
    scope: tuple[ScopeName, ...] = option(("prose",), "Which parts of the article to read.")

    def __hash__(self) -> int:
        return hash((tuple(self.swap.items()), self.ignore_case, self.word_boundary, self.scope))


@lru_cache(maxsize=256)
def _compiled(options: SubstitutionOptions) -> tuple[Pattern | None, dict[str, str]]:
    keys = {
        " ".join(k.split()).casefold() if options.ignore_case else " ".join(k.split()): v
        for k, v in options.swap.items()
        if k.split()
    }
    if not keys:
        return None, {}
    pattern = literal_pattern(
        tuple(options.swap), ignore_case=options.ignore_case, word_boundary=options.word_boundary
    )
    return pattern, keys


def _keep_capital(match: str, expected: str) -> str:
    """``Towards`` -> ``Toward``: a lower-case replacement takes the match's first capital."""
    if match[:1].isupper() and expected[:1].islower() and expected == expected.lower():
        return expected[:1].upper() + expected[1:]
    return expected


class Substitution(Kind):
    name = "substitution"
    options_type = SubstitutionOptions
    fields = {
        "match": "the text as written",
        "expected": "what to write instead (choices joined with ' or ')",
        "observed": "the swap key that matched",
    }
    description = (
        "Looks for each key of 'swap' (a word or phrase, matched as written, spaces flexible) "
        "in the chosen scope and suggests its value instead. A value with '|' lists choices "
        "and gets no fix; a single value is offered as a fix that replaces exactly the matched "
        "text, keeping a leading capital when the value is lower case."
    )

    def validate(self, options: SubstitutionOptions) -> str | None:
        if not any(k.split() for k in options.swap):
            return "'swap' must map at least one word or phrase to its replacement"
        empty = [k for k, v in options.swap.items() if not v.replace("|", "").strip()]
        if empty:
            return f"'swap' gives no replacement for {empty[0]!r}"
        if not options.scope:
            return "'scope' must name at least one part of the article"
        return None

    def check(self, doc: Document, options: SubstitutionOptions) -> Iterator[Finding]:
        pattern, keys = _compiled(options)
        if pattern is None:
            return
        budget = Budget().scaled(len(doc.text))
        for match in budget.finditer_within(pattern, doc.text, scope_spans(doc, options.scope)):
            text = match.group()
            key = " ".join(text.split())
            expected_raw = keys.get(key.casefold() if options.ignore_case else key)
            if expected_raw is None:
                continue
            choices = [c.strip() for c in expected_raw.split("|") if c.strip()]
            if not choices:
                continue
            choices = [_keep_capital(text, c) for c in choices]
            if text in choices:
                continue  # already the house form (a case-only swap matched itself)
            span = Span(match.start(), match.end())
            fix = None
            if len(choices) == 1:
                fix = Fix(
                    (Edit(span, choices[0]),),
                    safe=True,
                    description=f"Replace {quote(text)!r} with {choices[0]!r}",
                )
            yield Finding(
                span,
                {"match": quote(text), "expected": " or ".join(choices), "observed": key},
                fix=fix,
            )
