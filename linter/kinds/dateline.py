"""dateline: the dateline's date and the front matter's date are there, readable and agree."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from linter.document import BlockKind, Document, Span
from linter.findings import Finding, Related
from linter.kinds.base import Kind
from linter.kinds.common import quote
from linter.lazypatterns import lazy
from linter.options import option

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DAY_FIRST = lazy(globals(), "_DAY_FIRST", rf"\b{_DAY}\s+{_MONTH},?\s+(?P<year>\d{{4}})\b")
_MONTH_FIRST = lazy(globals(), "_MONTH_FIRST", rf"\b{_MONTH}\s+{_DAY},?\s+(?P<year>\d{{4}})\b")
_ISO = lazy(globals(), "_ISO", r"\b(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})\b")
_DATE_FORMS = (_DAY_FIRST, _MONTH_FIRST, _ISO)
#: A date in numbers with its year last ("3/3/2026", "13.03.26"): day or month first.
_NUMERIC = lazy(
    globals(),
    "_NUMERIC",
    r"(?<![\w/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})(?![\d/.])",
)
#: Dateline words that promise a date ("Published by ..." is a byline, not a date line).
_NEEDS_DATE = lazy(
    globals(),
    "_NEEDS_DATE",
    r"^\W*(?:(?:first\s+|last\s+)?(?:published|updated|posted))\b(?!\s+by\b)",
    re.IGNORECASE,
)
#: Dateline words that name the first publication, and those that name a later update.
_UPDATED = lazy(
    globals(), "_UPDATED", r"^\W*(?:last\s+)?(?:updated|modified|revised)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class DatelineOptions:
    """Options of a ``dateline`` rule."""

    date_keys: tuple[str, ...] = option(
        ("date", "published", "publish-date", "pubdate"),
        "Front-matter keys that hold the publication date, first found wins.",
    )
    updated_keys: tuple[str, ...] = option(
        ("updated", "modified", "last-modified", "lastmod"),
        'Front-matter keys that hold the date of the last update (for "Updated ..." datelines).',
    )
    require: Literal["none", "date", "dateline"] = option(
        "none",
        "When to report a missing date: never ('none'), when the article has no date at all, "
        "in a dateline or the front matter ('date'), or when it has no dateline ('dateline').",
    )


@dataclass(frozen=True, slots=True, eq=False)
class _Found:
    """A date as written in the text, the dates it may name, and where it stands."""

    #: One date; two for a date in numbers that may be read day or month first ("3/4/2026");
    #: none if it is written but not a real date.
    dates: tuple[dt.date, ...]
    text: str
    span: Span


def parse_date(text: str) -> tuple[dt.date | None, Span] | None:
    """The first date written in ``text``: (date or None if impossible, its span); or None."""
    best: tuple[int, re.Match[str]] | None = None
    for form in _DATE_FORMS:
        match = form.search(text)
        if match and (best is None or match.start() < best[0]):
            if "month" in match.groupdict() and match["month"].casefold() not in _MONTHS:
                continue
            best = (match.start(), match)
    if best is None:
        return None
    match = best[1]
    groups = match.groupdict()
    month = _MONTHS[groups["month"].casefold()] if "month" in groups else int(groups["mon"])
    span = Span(match.start(), match.end())
    try:
        return dt.date(int(groups["year"]), month, int(groups["day"])), span
    except ValueError:
        return None, span


#: What may stand before a date in numbers in a dateline: its opening word, if any. Numbers
#: further on may be a version, a page or a time ("Published v2.1.10", "page 2/3/26").
_DATE_LEAD = lazy(
    globals(),
    "_DATE_LEAD",
    r"(?i:\W*(?:(?:first|last)\s+)?(?:(?:published|updated|posted|modified|revised)"
    r"(?:\s+on)?)?[\s:,]*(?:(?:mon|tue|tues|wed|wednes|thu|thurs|fri|sat|satur|sun)(?:day)?"
    r"[\s,]+)?)",
)


def numeric_dates(text: str) -> tuple[tuple[dt.date, ...], Span] | None:
    """The date in numbers that opens ``text``, a dateline ("Published 3/3/2026"): every date
    it may name, day first or month first, and of either century for a two-digit year (none
    if no reading is a real date), and its span; or None."""
    match = _NUMERIC.search(text)
    if match is None or not _DATE_LEAD.fullmatch(text, 0, match.start()):
        return None
    a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
    # "26" is 2026 or 1926: either may be meant.
    years = (year,) if len(match["year"]) == 4 else (2000 + year, 1900 + year)
    readings = set()
    for y in years:
        for day, month in ((a, b), (b, a)):
            with contextlib.suppress(ValueError):  # not a real date read this way round
                readings.add(dt.date(y, month, day))
    return tuple(sorted(readings)), Span(match.start(), match.end())


def dateline_dates(text: str) -> tuple[tuple[dt.date, ...], Span] | None:
    """The date a dateline gives: the dates it may name (none if it is no real date) and its
    span; None if it has none. A date in numbers is read only right after the opening word
    (see :data:`_DATE_LEAD`), so it comes first; else the first date in words."""
    numeric = numeric_dates(text)
    if numeric is not None:
        return numeric
    parsed = parse_date(text)
    if parsed is None:
        return None
    return ((parsed[0],) if parsed[0] is not None else (), parsed[1])


#: A year anywhere in a front-matter value ("2026-03-03T10:00:00Z", 2026, "March 2026").
_YEAR_IN = lazy(globals(), "_YEAR_IN", r"(?<!\d)(?:19|20)\d\d(?!\d)")


def publication_year(doc: Document) -> int | None:
    """The year an article says it was first published: its "Published" dateline's (a date
    in numbers may be read two ways, but in one year), or else its front matter's ``date``,
    ``published``, ``publish-date`` or ``pubdate``; None if neither says (an "Updated" line
    names another day)."""
    line = doc.dateline
    if line is not None:
        text = doc.slice(line.text_span)
        found = dateline_dates(text) if not _UPDATED.match(text) else None
        years = {date.year for date in found[0]} if found is not None else set()
        if len(years) == 1:
            return years.pop()
    front = _front_matter_date(doc, DatelineOptions().date_keys)
    if front is not None:
        value = front[1]
        date = _as_date(value)
        if isinstance(date, dt.date):
            return date.year
        m = _YEAR_IN.search(str(value))
        if m is not None:
            return int(m.group())
    return None


def _front_matter_line(doc: Document, key: str) -> Span:
    for block in doc.blocks:
        if block.kind is BlockKind.FRONT_MATTER:
            text = doc.slice(block.span)
            match = re.search(rf"(?m)^{re.escape(key)}\s*:\s*(.*)$", text)
            if match:
                return Span(block.span.start + match.start(), block.span.start + match.end())
            return block.span
    return Span(0, 0)


def _front_matter_date(doc: Document, keys: tuple[str, ...]) -> tuple[str, Any, Span] | None:
    data = doc.front_matter or {}
    for key in keys:
        if key in data and data[key] not in (None, ""):
            return key, data[key], _front_matter_line(doc, key)
    return None


def _as_date(value: Any) -> dt.date | str | None:
    """A front-matter value as a date; None if it is not one; "" if it says nothing."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        with contextlib.suppress(ValueError):  # a timestamp: "2026-03-03T10:00:00Z"
            return dt.datetime.fromisoformat(value.strip()).date()
        parsed = parse_date(value)
        if parsed:
            return parsed[0]
        numeric = numeric_dates(value.strip())
        if numeric is not None and len(numeric[0]) == 1 and numeric[1].end == len(value.strip()):
            return numeric[0][0]  # "13/03/2026"; "03/04/2026" may be either of two days
    return None


def _say(date: dt.date) -> str:
    return f"{date.day} {date.strftime('%B')} {date.year}"


class Dateline(Kind):
    name = "dateline"
    options_type = DatelineOptions
    fields = {"problem": "the whole finding as a sentence, quoting both dates and places"}
    description = (
        "Reads the dateline (the 'Published ...', 'Updated ...' or date line under the title) "
        "and the front matter's date; a date in numbers ('3/4/2026') may be read day or month "
        "first. Reports a date that is written but impossible "
        "('31 February 2026', '2026-13-02'), a 'Published' or 'Updated' dateline with no date "
        "in it, and a dateline date that disagrees with the front matter (a 'Published' line "
        "is compared with 'date-keys', an 'Updated' line with 'updated-keys'). With 'require', "
        "also an article that has no date at all, or no dateline."
    )

    def check(self, doc: Document, options: DatelineOptions) -> Iterator[Finding]:
        if not any(b.has_text for b in doc.blocks):
            return
        line = doc.dateline
        written: _Found | None = None
        updated = False
        if line is not None:
            text = doc.slice(line.text_span)
            updated = bool(_UPDATED.match(text))
            found = dateline_dates(text)
            if found is None:
                if _NEEDS_DATE.match(text):
                    yield Finding(
                        line.text_span,
                        {"problem": f'The dateline "{quote(text)}" has no date in it'},
                    )
            else:
                dates, span = found
                start = line.text_span.start
                written = _Found(
                    dates, text[span.start : span.end], Span(start + span.start, start + span.end)
                )
                if not dates:
                    yield Finding(
                        written.span,
                        {"problem": f'The dateline date "{written.text}" is not a real date'},
                    )
        keys = options.updated_keys if updated else options.date_keys
        front = _front_matter_date(doc, keys)
        # The other date of the front matter is compared with nothing, but must be readable.
        other = _front_matter_date(doc, options.date_keys if updated else options.updated_keys)
        if other is not None and _as_date(other[1]) is None and other[0] not in keys:
            yield _unreadable(*other)
        front_date: dt.date | None = None
        if front is not None:
            key, value, span = front
            front_date = _as_date(value)  # type: ignore[assignment]
            if front_date is None:
                yield _unreadable(key, value, span)
            elif written is not None and written.dates and front_date not in written.dates:
                yield Finding(
                    written.span,
                    {
                        "problem": f'The dateline says "{written.text}" but the front matter '
                        f"{key} is {_say(front_date)} (line {doc.line_of(span.start)})"
                    },
                    related=(Related(span, f"front matter {key}"),),
                )
        has_date = written is not None or (front is not None and front_date is not None)
        if options.require == "dateline" and line is None:
            yield Finding(_top(doc), {"problem": "The article has no dateline"})
        elif options.require == "date" and not has_date and line is None:
            yield Finding(
                _top(doc),
                {"problem": "The article has no date: no dateline and no front-matter date"},
            )


def _unreadable(key: str, value: object, span: Span) -> Finding:
    return Finding(
        span, {"problem": f'The front matter {key} "{quote(str(value))}" is not a readable date'}
    )


def _top(doc: Document) -> Span:
    title = doc.title
    if title is not None:
        return title.text_span
    end = doc.text.find("\n")
    return Span(0, len(doc.text) if end == -1 else end)
