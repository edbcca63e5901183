"""existence: words, phrases or patterns that must not appear in an article."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from linter.document import Document, Span
from linter.findings import Finding, Fix
from linter.kinds.base import Kind
from linter.kinds.common import quote, remove_lines
from linter.kinds.quotations import Quotations
from linter.kinds.scope import ScopeName, scope_span_set
from linter.options import option
from linter.patterns import Budget, Pattern, compile_user_pattern


@dataclass(frozen=True)
class ExistenceOptions:
    """Options of an ``existence`` rule."""

    tokens: tuple[str, ...] = option(
        (), "Words or phrases to flag, matched as written (no pattern syntax).", nonblank=True
    )
    patterns: tuple[Pattern, ...] = option(
        (), "Regular expressions to flag (``regex`` syntax; ``^`` and ``$`` match at line ends)."
    )
    ignore_case: bool = option(True, "Ignore case when matching tokens and patterns.")
    word_boundary: bool = option(
        True, "Tokens match only as whole words (not inside a longer word)."
    )
    exceptions: tuple[str, ...] = option(
        (), "Matched texts never to flag (compared without case), such as an allowed brand name."
    )
    scope: tuple[ScopeName, ...] = option(("prose",), "Which parts of the article to read.")
    skip_quoted: bool = option(
        False,
        "Matches inside a quotation on their line are not reported: after an opening “ "
        "not yet closed by ”, after an odd number of straight double quotes (those right "
        "after a figure are inch marks, as in 12\" screens, when the line's other straight "
        "quotes pair up and all of them do not), after a single quote (' or ‘) that opens "
        "before a word and is closed later on the line but not yet (an apostrophe, as in "
        "'98 or 'em, opens nothing), or on a line that opens with > (a block quote).",
    )
    fix_whole_lines: bool = option(
        False,
        "A match that fills its lines (spaces aside) comes with a fix that removes those lines "
        "(give the rule 'fixable: safe' to apply it with --fix).",
    )


@dataclass(frozen=True, eq=False)
class _Matcher:
    """A rule's searches, compiled once for every article it checks."""

    #: (compiled pattern, what the message calls it) in the order the rule lists them.
    searches: tuple[tuple[Pattern, str], ...]
    exceptions: frozenset[str]
    #: The words of each token: a token matches only where each of its words stands in the
    #: text as written (or, ignoring case, in an ASCII text lowered), so the tokens' search
    #: is skipped when no token has all its words there.
    token_words: tuple[tuple[str, ...], ...] = ()
    ignore_case: bool = True


def _tokens_may_match(matcher: _Matcher, text: str) -> bool:
    """False only when the tokens' pattern cannot match anywhere in ``text``."""
    if matcher.ignore_case:
        if not text.isascii() or not all(w.isascii() for ws in matcher.token_words for w in ws):
            return True  # Unicode case folding: not decided by a substring test
        text = text.lower()
        return any(all(w.lower() in text for w in ws) for ws in matcher.token_words)
    return any(all(w in text for w in ws) for ws in matcher.token_words)


def literal_pattern(words: tuple[str, ...], *, ignore_case: bool, word_boundary: bool) -> Pattern:
    """One pattern matching any of ``words`` as written, longest first, spaces flexible."""
    parts = [r"\s+".join(regex.escape(w) for w in word.split()) for word in words if word.split()]
    parts.sort(key=len, reverse=True)
    body = "|".join(parts)
    if word_boundary:
        # Lookarounds rather than \b, so that tokens that begin or end with punctuation work.
        body = rf"(?<!\w)(?:{body})(?!\w)"
    return compile_user_pattern(body, ignore_case=ignore_case)


#: Matchers read from the compiled built-in rulebook (see :meth:`Existence.adopt`).
_adopted: dict[ExistenceOptions, _Matcher] = {}


def _matcher(options: ExistenceOptions) -> _Matcher:
    """The compiled searches of a rule's options, compiled once per process (or never, for
    the built-in rules: the compiled rulebook holds theirs, compiled)."""
    adopted = _adopted.get(options)
    return adopted if adopted is not None else _compile_matcher(options)


@lru_cache(maxsize=256)
def _compile_matcher(options: ExistenceOptions) -> _Matcher:
    searches: list[tuple[Pattern, str]] = []
    tokens = tuple(t for t in options.tokens if t.strip())
    if tokens:
        searches.append(
            (
                literal_pattern(
                    tokens, ignore_case=options.ignore_case, word_boundary=options.word_boundary
                ),
                "",
            )
        )
    for pattern in options.patterns:
        searches.append(
            (
                compile_user_pattern(pattern.pattern, ignore_case=options.ignore_case),
                pattern.pattern,
            )
        )
    return _Matcher(
        tuple(searches),
        frozenset(e.casefold() for e in options.exceptions),
        tuple(tuple(t.split()) for t in tokens),
        options.ignore_case,
    )


def find_matches(doc: Document, options: ExistenceOptions) -> Iterator[tuple[Span, str]]:
    """Non-overlapping (span, listed entry) matches in scope, in document order."""
    matcher = _matcher(options)
    if not matcher.searches:
        return
    spans = scope_span_set(doc, options.scope)
    if not spans.spans:
        return
    budget = Budget().scaled(len(doc.text))
    token_keys = {" ".join(t.split()).casefold(): t for t in options.tokens}
    found: list[tuple[Span, str]] = []
    quotes = Quotations(doc) if options.skip_quoted else None
    for pattern, source in matcher.searches:
        if not source and not _tokens_may_match(matcher, doc.text):
            continue
        for match in budget.finditer_within(pattern, doc.text, spans):
            if match.end() == match.start():
                continue  # an empty match flags nothing a reader could see
            text = match.group()
            if " ".join(text.split()).casefold() in matcher.exceptions:
                continue
            if quotes is not None and quotes.inside(match.start()):
                continue
            entry = source or token_keys.get(" ".join(text.split()).casefold(), text)
            found.append((Span(match.start(), match.end()), entry))
    found.sort(key=lambda item: (item[0].start, -item[0].end))
    last_end = -1
    for span, entry in found:
        if span.start >= last_end:
            last_end = span.end
            yield span, entry


class Existence(Kind):
    name = "existence"
    options_type = ExistenceOptions
    fields = {
        "match": "the flagged text as written, shortened to one line",
        "entry": "the token or pattern of the rule that matched",
    }
    description = (
        "Flags every occurrence of the listed tokens (words or phrases, as written) and "
        "patterns (regular expressions in the 'regex' syntax, where ^ and $ match at line "
        "ends) in the chosen scope: prose (all article text), headings, title, dateline, "
        "highlights, body or front-matter. Prose never includes code, URLs or Markdown markup. "
        "Matches listed in 'exceptions' are let through. Patterns run under a time bound per "
        "file; one that exceeds it is reported as 'rule-timeout' naming the rule and pattern."
    )
    cost = 2.0  # about 0.1 s a rule on a 5 MB article

    def validate(self, options: ExistenceOptions) -> str | None:
        if not any(t.strip() for t in options.tokens) and not options.patterns:
            return "give at least one of 'tokens' or 'patterns'"
        if not options.scope:
            return "'scope' must name at least one part of the article"
        return None

    def prepare(self, options: ExistenceOptions) -> _Matcher:
        # Compiling the tokens' pattern and every pattern with the rule's flags costs a few
        # milliseconds per rule; unpickling the compiled ones (regex keeps their code) does not.
        return _matcher(options)

    def adopt(self, options: ExistenceOptions, prepared: Any) -> None:
        if isinstance(prepared, _Matcher):
            _adopted[options] = prepared

    def check(self, doc: Document, options: ExistenceOptions) -> Iterator[Finding]:
        for span, entry in find_matches(doc, options):
            fix = None
            if options.fix_whole_lines and _fills_lines(doc.text, span):
                fix = Fix(
                    (remove_lines(doc, _lines_to_remove(doc, span)),),
                    safe=True,
                    description="Remove the line",
                )
            yield Finding(span, {"match": quote(doc.slice(span)), "entry": entry}, fix=fix)


def _lines_to_remove(doc: Document, span: Span) -> Span:
    """The lines of ``span``; for the whole text of a heading underlined with ``---`` or
    ``===``, the underline too (left alone, it would turn into a rule or a paragraph)."""
    starts = doc.memo("block-starts", lambda d: [b.span.start for b in d.blocks])
    at = bisect_right(starts, span.start) - 1
    if at >= 0:
        block = doc.blocks[at]
        text = block.text_span
        # Only a heading whose text is all on the match's lines: with another line of text
        # above, the underline stays a heading's, that line's.
        if (
            block.is_heading
            and block.span.contains(span)
            and doc.line_of(text.start) == doc.line_of(span.start)
            and doc.line_of(max(text.start, text.end - 1))
            == doc.line_of(max(span.start, span.end - 1))
        ):
            return block.span
    return span


def _fills_lines(text: str, span: Span) -> bool:
    """Whether only spaces and tabs stand beside ``span`` on its first and last lines."""
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    if line_end == -1:
        line_end = len(text)
    before, after = text[line_start : span.start], text[span.end : line_end]
    return not before.strip(" \t") and not after.strip(" \t\r")
