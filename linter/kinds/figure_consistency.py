"""figure-consistency: figures in the title or highlights that the body contradicts or lacks,
and stated parts that cannot make up their stated total.

The three checks share one analysis per document (:func:`linter.figures.analysis.analyse`,
memoised on the document), so running all three rules costs one reading of the figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, ClassVar, Literal

from linter.document import Document, Role, Span
from linter.figures.analysis import (
    UNSUPPORTED_KINDS,
    Claim,
    Config,
    Figure,
    Parts,
    Status,
    analyse,
    part_phrase,
)
from linter.figures.anchors import lemma
from linter.figures.intervals import Tolerances
from linter.figures.numbers import QKind
from linter.findings import Finding, Related
from linter.kinds.base import Kind
from linter.options import option

#: Synonym groups: group name -> words and phrases that count the same thing. Rules may
#: extend them; a word belongs to the first group that lists it.
DEFAULT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "death": (
        "dead",
        "deaths",
        "died",
        "die",
        "killed",
        "killing",
        "kill",
        "fatalities",
        "fatality",
        "lives",
        "lost their lives",
        "slain",
        "perished",
        "drowned",
    ),
    "injury": ("injured", "injuries", "injury", "wounded", "wounds", "hurt", "injuring"),
    "arrest": (
        "arrested",
        "arrests",
        "detained",
        "detentions",
        "captured",
        "apprehended",
        "taken into custody",
    ),
    "missing": ("missing", "unaccounted for", "disappeared"),
    "displaced": ("displaced", "homeless", "evacuated", "evacuees", "uprooted"),
    "escape": (
        "escaped",
        "escapees",
        "escape",
        "fled",
        "freed",
        "freeing",
        "broke out",
        "escaping",
    ),
    "militant": (
        "militants",
        "insurgents",
        "fighters",
        "rebels",
        "jihadists",
        "extremists",
        "guerrillas",
    ),
    "attacker": ("attackers", "gunmen", "assailants"),
    "civilian": ("civilians", "non-combatants", "bystanders"),
    "security personnel": (
        "security personnel",
        "security forces",
        "security officers",
        "members of the security forces",
    ),
    "soldier": ("soldiers", "troops", "servicemen", "service members"),
    "police officer": ("police officers", "policemen", "officers", "police"),
    "inmate": ("inmates", "prisoners", "detainees", "convicts"),
    "child": ("children", "minors", "kids"),
    "home": ("homes", "houses", "dwellings"),
    "sentence": (
        "sentenced",
        "sentences",
        "jailed",
        "imprisoned",
        "jail term",
        "prison term",
        "prison sentence",
        "jail sentence",
    ),
}
DEFAULT_GENERIC: tuple[str, ...] = ("people", "persons", "person", "individuals", "others", "ones")
#: Groups that cut across others: "20 civilians and 15 women" may count some people twice.
DEFAULT_OVERLAPPING: tuple[str, ...] = (
    "women",
    "men",
    "girls",
    "boys",
    "children",
    "minors",
    "adults",
    "elderly",
    "teenagers",
    "infants",
    "babies",
    "pensioners",
    "foreigners",
    "nationals",
    "citizens",
    "tourists",
    "visitors",
    "students",
    "residents",
    "locals",
)


@dataclass(frozen=True)
class FigureConsistencyOptions:
    """Options of ``kind: figure-consistency`` (kebab-case in YAML)."""

    #: Which check the rule runs.
    check: Literal["mismatch", "unsupported", "arithmetic"] = "mismatch"
    #: Synonym groups: group name -> words that count the same thing.
    synonyms: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_SYNONYMS))
    #: Nouns that count nothing by themselves ("33 people"): the predicate decides.
    generic_nouns: tuple[str, ...] = DEFAULT_GENERIC
    approximate_tolerance: float = option(
        0.1,
        'How far "about", "around", "some" stretch a figure either way (a fraction of it).',
        minimum=0,
        maximum=1,
    )
    near_tolerance: float = option(
        0.1,
        'How far below "nearly", "almost" reach (a fraction of the figure).',
        minimum=0,
        maximum=1,
    )
    rounding_tolerance: float = option(
        0.05,
        "How far a title or highlights round count or sum of money in digits with no "
        'qualifier ("900", "12,000", "£380,000") may be from the body figure it rounds, at '
        "most (a fraction of it; never beyond half its last nonzero digit's place). 0 "
        "compares round figures exactly.",
        minimum=0,
        maximum=1,
    )
    fuzzy_threshold: int = option(
        90,
        "Least rapidfuzz ratio (0-100) for two anchor words spelled differently to match.",
        minimum=0,
        maximum=100,
    )
    #: Whether figures in the title are checked like highlights.
    include_title: bool = True
    #: Groups that cut across others (women, children, tourists): parts stated as among a
    #: total ("including ...") with one of these may overlap, so their sum is not checked.
    overlapping_nouns: tuple[str, ...] = DEFAULT_OVERLAPPING


@lru_cache(maxsize=32)
def _config(
    synonyms: tuple[tuple[str, tuple[str, ...]], ...],
    generic: tuple[str, ...],
    approximate: float,
    near: float,
    rounded: float,
    fuzzy: int,
) -> Config:
    # Cached by value: a rulebook has a handful of configurations, used for every document.
    return Config.build(dict(synonyms), generic, Tolerances(approximate, near, rounded), fuzzy)


#: The configuration of each options record seen, by identity (with the record, so that the
#: identity stays its own): every document of a run is checked with the same few records, and
#: each of its three rules asks; making :func:`_config`'s key costs more than the look-up.
_BY_RECORD: dict[int, tuple[FigureConsistencyOptions, Config]] = {}


def config_for(options: FigureConsistencyOptions) -> Config:
    """The analysis configuration an options record stands for."""
    found = _BY_RECORD.get(id(options))
    if found is not None and found[0] is options:
        return found[1]
    config = _config_of(options)
    if len(_BY_RECORD) >= 32:
        _BY_RECORD.clear()
    _BY_RECORD[id(options)] = (options, config)
    return config


def _config_of(options: FigureConsistencyOptions) -> Config:
    synonyms = tuple(sorted((k, tuple(v)) for k, v in options.synonyms.items()))
    return _config(
        synonyms,
        tuple(options.generic_nouns),
        options.approximate_tolerance,
        options.near_tolerance,
        options.rounding_tolerance,
        options.fuzzy_threshold,
    )


class FigureConsistency(Kind):
    name: ClassVar[str] = "figure-consistency"
    options_type: ClassVar[type] = FigureConsistencyOptions
    fields: ClassVar[dict[str, str]] = {
        "side": "where the claim is: 'Highlights' or 'Title' ('Body' for arithmetic in the body)",
        "says": "'Highlights say' or 'Title says' (or 'Body says')",
        "claim": "the claimed figure with its anchor words, as written ('35 deaths')",
        "anchor": "what the claimed figure counts, as written ('deaths')",
        "evidence": "the body figure it disagrees with, as written ('33 people dead')",
        "evidence_line": "where the body figure is (a span: rendered as its line number)",
        "total": "the stated total, as written ('33 deaths')",
        "parts": "the stated parts, as written ('18 civilians and 17 security personnel')",
        "parts_sum": "what the parts add up to ('35')",
        "problem": "how the parts fail the total ('more than the total', 'not the total')",
    }
    description: ClassVar[str] = (
        "Reads the figures of the title, highlights and body (numerals and number words, "
        "money, percentages, units, ranges, dates, ages), attaches each to what it counts, "
        "and compares them as intervals widened by qualifiers and rounding. 'mismatch' "
        "reports a title or highlights figure the body contradicts, 'unsupported' one whose "
        "subject the body gives no figure for, 'arithmetic' parts that cannot make up the "
        "total they are stated with."
    )
    # On a 5 MB article: about 1.5 s for the shared analysis, the largest of any kind.
    cost: ClassVar[float] = 15.0

    def check(self, doc: Document, options: Any) -> Iterator[Finding]:
        opts: FigureConsistencyOptions = options
        if opts.check == "arithmetic":
            analysis = analyse(doc, config_for(opts))
            overlapping = _lemmas(tuple(opts.overlapping_nouns))
            for parts in analysis.parts:
                if not parts.broken or (parts.total.role is Role.TITLE and not opts.include_title):
                    continue
                if not parts.whole and any(
                    p.anchor is not None and p.anchor.head in overlapping for p in parts.parts
                ):
                    continue  # "20 civilians and 15 women": some may be both
                yield _arithmetic_finding(doc, parts)
            return
        if not doc.highlights and doc.title is None:
            return  # nothing claims anything: no need to read the body
        analysis = analyse(doc, config_for(opts))
        wanted = Status.CONTRADICTED if opts.check == "mismatch" else Status.UNSUPPORTED
        for claim in analysis.claims:
            if claim.status is not wanted:
                continue
            if claim.figure.role is Role.TITLE and not opts.include_title:
                continue
            if wanted is Status.UNSUPPORTED and not (
                _worth_reporting(doc, claim) and not _said_otherwise(claim, analysis.figures)
            ):
                continue
            yield _claim_finding(doc, claim)


@lru_cache(maxsize=8)
def _lemmas(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(lemma(w.split()[-1]) for w in words if w.split())


def _worth_reporting(doc: Document, claim: Claim) -> bool:
    """Unsupported is a guess: only counts, shares and sums with a plain noun anchor."""
    f = claim.figure
    anchor = f.anchor
    q = f.quantity
    return (
        anchor is not None
        and q.kind in UNSUPPORTED_KINDS
        and q.qualifier not in ("up to", "fewer than")
        # "Two brothers open a bakery": the body names them rather than counting them.
        and not (q.kind is QKind.COUNT and q.words and q.high <= 10)
        # Read after the figure ("310 injured") or just before it through "of" ("claims of
        # about 80 million euros"), not back to a subject ("the majority of Democrats was
        # 312", "cut by a quarter"): such a subject is too often not what is counted.
        and (
            anchor.span.start >= q.span.end
            or doc.text[anchor.span.end : f.quantity.full_span.start].strip().lower() == "of"
        )
        and anchor.key.replace(" ", "").isalpha()
        and len(anchor.key) >= 3
        # "2 pounds": money or a weight, which the body may give as "£2".
        and anchor.key not in _AMOUNT_WORDS
    )


#: Words that name a unit of money or weight a figure is counted in, not a thing counted
#: (not read as money: "pounds" may weigh).
_AMOUNT_WORDS = frozenset({"pound", "penny", "pence"})


def _said_otherwise(claim: Claim, figures: tuple[Figure, ...]) -> bool:
    """Whether the body gives the claim's very number as another kind or unit of figure
    ("14.5 points" against "14.5 percentage points"): then it is worded otherwise, not
    missing. Only a number with decimals counts: a whole number recurs by chance ("12
    libraries" against "spending cut by 12%")."""
    q = claim.figure.quantity
    if q.low != q.high or q.low == int(q.low):
        return False
    return any(
        g.role is Role.BODY
        and g.quantity.kind in (QKind.COUNT, QKind.PERCENT, QKind.MONEY, QKind.MEASURE)
        and g.quantity.low == q.low
        and g.quantity.high == q.high
        for g in figures
    )


#: Emphasis marks, which a quoted figure leaves out ("**33** seats" is quoted "33 seats").
_EMPHASIS = re.compile(r"\*+|(?<![A-Za-z\d])_+|_+(?![A-Za-z\d])")


def _words(doc: Document, span: Span) -> str:
    return " ".join(_EMPHASIS.sub("", doc.slice(span)).split())


def _side(role: Role) -> tuple[str, str]:
    if role is Role.TITLE:
        return "Title", "Title says"
    if role is Role.HIGHLIGHTS:
        return "Highlights", "Highlights say"
    return "Body", "Body says"


def _claim_finding(doc: Document, claim: Claim) -> Finding:
    f = claim.figure
    side, says = _side(f.role)
    evidence = claim.evidence
    anchor = _words(doc, f.anchor.span) if f.anchor is not None else ""
    fields: dict[str, Any] = {
        "side": side,
        "says": says,
        "claim": _words(doc, f.phrase),
        "anchor": anchor,
        "evidence": _words(doc, evidence.phrase) if evidence is not None else "",
        "evidence_line": evidence.span if evidence is not None else f.span,
        "total": "",
        "parts": "",
        "parts_sum": "",
        "problem": "",
    }
    related = (Related(evidence.span, "body figure"),) if evidence is not None else ()
    return Finding(f.span, fields, related)


def _arithmetic_finding(doc: Document, parts: Parts) -> Finding:
    total = parts.total
    side, says = _side(total.role)
    names = [_words(doc, part_phrase(doc.text, p)) for p in parts.parts]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    problem = "not the total" if parts.whole else "more than the total"
    fields: dict[str, Any] = {
        "side": side,
        "says": says,
        "claim": _words(doc, total.phrase),
        "anchor": _words(doc, total.anchor.span) if total.anchor is not None else "",
        "evidence": "",
        "evidence_line": total.span,
        "total": _words(doc, total.phrase),
        "parts": listed,
        "parts_sum": _format_sum(parts),
        "problem": problem,
    }
    related = tuple(Related(p.span, "part") for p in parts.parts)
    return Finding(total.span, fields, related)


#: How a sum of money in these currencies is written: sign first.
_CURRENCY_SIGNS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥"}


def _format_sum(parts: Parts) -> str:
    """The parts' figures as written, added up ("35", "44%", "$1.39bn"): not the range their
    rounding allows, which the comparison uses."""
    q = parts.total.quantity
    low = sum(p.quantity.low for p in parts.parts)
    high = sum(p.quantity.high for p in parts.parts)
    if q.kind is QKind.MONEY:
        return (
            _money(low, q.unit)
            if abs(high - low) < 1e-9
            else (f"{_money(low, q.unit)} to {_money(high, q.unit)}")
        )
    text = _number(low) if abs(high - low) < 1e-9 else f"{_number(low)} to {_number(high)}"
    if q.kind is QKind.PERCENT:
        return text + "%"
    return text


def _money(value: float, unit: str) -> str:
    sign = _CURRENCY_SIGNS.get(unit)
    for scale, suffix in ((1e9, "bn"), (1e6, "m")):
        if abs(value) >= scale:
            amount = f"{_number(round(value / scale, 6))}{suffix}"
            break
    else:
        amount = _number(value)
    return f"{sign}{amount}" if sign else f"{amount} {unit}"


def _number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


__all__ = [
    "DEFAULT_GENERIC",
    "DEFAULT_SYNONYMS",
    "Figure",
    "FigureConsistency",
    "FigureConsistencyOptions",
    "config_for",
]
