"""Reading quantities: numerals, number words, money, percentages, units, ranges, ratios,
scores, ordinals, ages, dates, years, times and weekdays, each with its character span.

One left-to-right pass of a precompiled pattern finds the core of each figure (a numeral, a run
of number words, a date...); small anchored patterns then read what is glued to it (a scale
word, ``%``, a unit, a second numeral making a range) and the qualifier in front of it
(``more than``). Every quantity is typed, so a year or an age is never compared as a count.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from linter.document import Span
from linter.lazypatterns import built, lazy


class QKind(StrEnum):
    """What a quantity is; only quantities of one kind (and unit) are ever compared."""

    COUNT = "count"
    PERCENT = "percent"
    MONEY = "money"
    MEASURE = "measure"
    RATIO = "ratio"
    SCORE = "score"
    ORDINAL = "ordinal"
    AGE = "age"
    DATE = "date"
    YEAR = "year"
    TIME = "time"
    WEEKDAY = "weekday"


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure as written.

    ``low``/``high`` are the value (a range's two ends; equal otherwise) in base units: metres,
    seconds, kilograms, currency units, per cent, minutes after midnight for a time. ``step`` is
    the precision the figure was written with (``1.2 million`` -> 100,000), 0 for exact counts.
    """

    kind: QKind
    span: Span  # the figure: currency, digits or words, scale, unit, percent sign
    low: float
    high: float
    step: float = 0.0
    unit: str = ""  # MONEY: currency; MEASURE: dimension; PERCENT: "%" or "pp"
    qualifier: str = ""  # normalised: "more than", "at least", "nearly", "about", ...
    lead: int = -1  # start of the qualifier in front of the figure, or span.start
    parts: tuple[int, ...] = ()  # DATE: (year, month, day), 0 when absent; RATIO/SCORE: (a, b)
    words: bool = False  # written in words ("thirty-three")

    @property
    def full_span(self) -> Span:
        """The figure with its qualifier (``more than 30``)."""
        return Span(self.lead if self.lead >= 0 else self.span.start, self.span.end)

    @property
    def is_range(self) -> bool:
        return self.low != self.high and self.kind not in (QKind.RATIO, QKind.SCORE)


# -- vocabularies -------------------------------------------------------------------------------


def _split(words: str) -> list[str]:
    return words.split()


_UNITS19 = _split(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = _split("twenty thirty forty fifty sixty seventy eighty ninety")
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(_UNITS19)}
WORD_VALUES.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})

_ORD_UNITS = _split("first second third fourth fifth sixth seventh eighth ninth")
_ORD_TEENS = _split(
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
    "nineteenth"
)
_ORD_TENS = _split("twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth")
ORDINAL_VALUES: dict[str, int] = {w: i + 1 for i, w in enumerate(_ORD_UNITS)}
ORDINAL_VALUES.update({w: 10 + i for i, w in enumerate(_ORD_TEENS)})
ORDINAL_VALUES.update({w: 20 + 10 * i for i, w in enumerate(_ORD_TENS)})
ORDINAL_VALUES["hundredth"] = 100

_FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "thirds": 200 / 3, "quarters": 75.0}

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(
    _split("January February March April May June July August September October November December"),
    start=1,
):
    MONTHS[_name.lower()] = _i
    MONTHS[_name[:3].lower()] = _i
MONTHS["sept"] = 9

WEEKDAYS = {
    d: i for i, d in enumerate(_split("monday tuesday wednesday thursday friday saturday sunday"))
}

#: Spelled unit -> (dimension, factor to the dimension's base unit).
UNITS: dict[str, tuple[str, float]] = {}


def _units(dimension: str, factor: float, *names: str) -> None:
    for name in names:
        UNITS[name] = (dimension, factor)


_units("length", 1000.0, "km", "kilometre", "kilometres", "kilometer", "kilometers")
_units("length", 1.0, "m", "metre", "metres", "meter", "meters")
_units("length", 0.01, "cm", "centimetre", "centimetres", "centimeter", "centimeters")
_units("length", 0.001, "mm", "millimetre", "millimetres", "millimeter", "millimeters")
_units("length", 1609.344, "mile", "miles")
_units("length", 0.3048, "ft", "foot", "feet")
_units("length", 0.0254, "inch", "inches")
_units("length", 0.9144, "yard", "yards")
_units("mass", 1.0, "kg", "kilogram", "kilograms", "kilo", "kilos")
_units("mass", 1000.0, "tonne", "tonnes", "ton", "tons")
_units("mass", 0.45359237, "lb", "lbs")
_units("duration", 1.0, "second", "seconds", "sec", "secs")
_units("duration", 60.0, "minute", "minutes", "min", "mins")
_units("duration", 3600.0, "hour", "hours", "hr", "hrs")
_units("duration", 86400.0, "day", "days")
_units("duration", 604800.0, "week", "weeks")
_units("duration", 2629800.0, "month", "months")
_units("duration", 31557600.0, "year", "years")
_units("area", 10000.0, "ha", "hectare", "hectares")
_units("area", 4046.8564224, "acre", "acres")
_units("area", 1e6, "sq km", "square kilometres", "square kilometers", "km2", "km²")
_units("area", 2589988.11, "sq miles", "square miles", "square mile")
_units("speed", 1.0, "km/h", "kph", "kmh")
_units("speed", 1.609344, "mph")
_units("temperature-c", 1.0, "°c", "c", "degrees celsius")
_units("temperature-f", 1.0, "°f", "degrees fahrenheit")
_units("volume", 1.0, "litre", "litres", "liter", "liters")
_units("volume", 3.785411784, "gallon", "gallons")
_units("power", 1e3, "kw", "kilowatt", "kilowatts")
_units("power", 1e6, "mw", "megawatt", "megawatts")
_units("power", 1e9, "gw", "gigawatt", "gigawatts")

_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
_CURRENCY_WORDS = {
    "dollars": "USD",
    "euros": "EUR",
    "yen": "JPY",
    "rupees": "INR",
    "francs": "CHF",
    "pounds sterling": "GBP",
}

#: Qualifier as written -> the normalised qualifier :mod:`intervals` understands.
QUALIFIERS: dict[str, str] = {}
for _norm, _phrases in {
    "more than": (
        "more than",
        "over",
        "above",
        "in excess of",
        "upwards of",
        "just over",
        "well over",
        "more than a",
        "over a",
        "+",
        "or more",
        "plus",
        # Verbs that say a threshold was gone beyond ("sales passed £5bn"; not of a plain
        # count, see THRESHOLD_VERBS).
        "passed",
        "topped",
        "exceeded",
        "surpassed",
    ),
    "at least": ("at least", "no fewer than", "no less than", "not less than", "a minimum of"),
    "nearly": ("nearly", "almost", "just under", "just shy of", "close to", "nearly a"),
    "about": (
        "about",
        "around",
        "some",
        "roughly",
        "approximately",
        "approx.",
        "an estimated",
        "estimated",
        "or so",
        "~",
        "about a",
        "around a",
        "some a",
    ),
    "up to": ("up to", "as many as", "as much as", "at most", "no more than", "a maximum of"),
    "fewer than": ("fewer than", "less than", "under", "below", "just under a"),
    "": ("a total of", "exactly", "precisely"),
}.items():
    for _p in _phrases:
        QUALIFIERS[_p] = _norm

#: After a count: "other", which makes it a count of those passed ("topped 30 other bidders").
_OTHERS = lazy(globals(), "_OTHERS", r"(?i:[ \t]+others?\b)")
#: Qualifiers that are verbs: they make a floor of a threshold ("sales passed £5bn",
#: "topped 40%", "deaths exceeded 100"), not of a plain count they may count ("the assembly
#: passed 150 bills", "she surpassed 12 rivals"; see :func:`_qualified`).
THRESHOLD_VERBS = frozenset({"passed", "topped", "exceeded", "surpassed"})

_V = TypeVar("_V")


def _key(table: Mapping[str, _V], written: str) -> str:
    """The key of ``table`` that ``written`` spells, case ignored as the patterns ignore it.

    The patterns match case-insensitively, and Python's regex engine then also equates a few
    letters that ``lower()`` keeps apart ("ſ" with "s", "ı" with "i", "K" with "k"), so a
    qualifier or unit spelled "ſome" or "ſeconds" matches but is not a key: the key is then
    the one whose own pattern matches the text.
    """
    key = written.lower()
    if key in table:
        return key
    for candidate in table:
        if re.fullmatch(re.escape(candidate), written, re.IGNORECASE):
            return candidate
    raise KeyError(written)  # unreachable: ``written`` was matched by an alternation of keys


# -- patterns --------------------------------------------------------------------------------


def _trie(words: Iterable[str], *, any_case: bool = False) -> str:
    """An alternation of ``words`` branching on one character at a time; with ``any_case``,
    each ASCII letter in either case (what ``(?ai:...)`` matches), spelled as a class.

    The regex engine tries the branches of an alternation one by one; grouped by their first
    character, a word that cannot match is given up after one comparison instead of dozens.
    That comparison is made without entering the branch only for a plain character or a class,
    not for a letter matched case-insensitively: hence ``any_case`` rather than a flag.
    Kept with the compiled rulebook (:func:`linter.lazypatterns.built`): the words are the key.
    """
    distinct = sorted(set(words))
    char = _either_case if any_case else re.escape
    return built(
        ("trie-any-case" if any_case else "trie", *distinct), lambda: _branches(distinct, char)
    )


def _either_case(c: str) -> str:
    """A pattern for ``c``: an ASCII letter in either case, as a class; anything else, itself."""
    return f"[{c.lower()}{c.upper()}]" if c.isascii() and c.isalpha() else re.escape(c)


def _branches(words: list[str], char: Callable[[str], str] = re.escape) -> str:
    """:func:`_trie` of ``words`` (sorted, distinct), worked out, with ``char`` for each
    character."""
    heads: dict[str, list[str]] = {}
    ends = False
    for word in words:
        if word:
            heads.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    branches = [char(head) + _branches(rest, char) for head, rest in heads.items()]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body


def _alt(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """An alternation of ``words`` that matches the longest word it can, so that
    ``seventeen`` is not read as ``seven``.

    Written as a trie (:func:`_trie`) rather than as the words longest first: the patterns
    after a number try dozens of unit names at every number, and a trie gives up on all of
    them after a character or two. The two match alike: the words that match at one place
    are prefixes of one another, and both forms try them longest first with the same
    pattern after them. (``tests/figures/test_numbers.py`` compares the two.)
    """
    return _trie(list(words))


_MON = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_YEAR = r"(?:1[5-9]|20)\d\d"
_ATOM = (
    rf"(?:(?:{_alt(_TENS)})(?:[-‐ ](?:{_alt(_UNITS19[1:10])}))?(?![\w])"
    rf"|{_alt(_UNITS19)}|dozen|hundred|thousand|million|billion|trillion)"
)
#: A number word of one to ninety-nine ("six", "seventeen", "forty-two"), for patterns that
#: read a small count in words beside other words.
SMALL_NUMBER_WORD = rf"(?:(?:{_alt(_TENS)})(?:-(?:{_alt(_UNITS19[1:10])}))?|{_alt(_UNITS19[1:])})"
_WSEP = r"(?:[ \t-]+|(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))[ \t]+and[ \t]+)"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

#: Prefixes of glued words that start figures ("thirty-three", "twenty-first").
_COMPOUND_STARTS = tuple(_TENS)

_MASTER = lazy(
    globals(),
    "_MASTER",
    rf"""
    (?P<date1>\b(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?[ \t]+(?P<m1>{_MON})
        (?:,?[ \t]+(?P<y1>{_YEAR})\b)?)
    |(?P<date2>\b(?P<m2>{_MON})[ \t]+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b(?![.,]?\d|[ \t]*%)
        (?:,?[ \t]+(?P<y2>{_YEAR})\b)?)
    |(?P<date3>\b(?P<m3>{_MON}),?[ \t]+(?P<y3>{_YEAR})\b)
    |(?P<iso>\b(?P<iy>\d{{4}})-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b)
    |(?P<slash>\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b)
    |(?P<clock>\b\d{{1,3}}:[0-5]\d:[0-5]\d(?:\.\d+)?\b)
    |(?P<time>\b(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)\b(?:[ \t]?(?P<ap>[ap])\.?m\b\.?)?
        |\b(?P<hh2>1[0-2]|0?[1-9])(?:[.:](?P<mm2>[0-5]\d))?[ \t]?(?P<ap2>[ap])\.?m\b\.?)
    |(?P<weekday>\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)
    |(?P<num>(?P<cur>US\$|[$£€¥])?(?<![\w.,])(?P<digits>{_DIGITS})(?P<ord>st|nd|rd|th)?)
    |(?P<fraction>(?i:\b(?:(?:a|one)[ \t-](?:half|third|quarter)|(?:two|three)[ \t-](?:thirds
        |quarters)|(?<![A-Za-z][-‐])half)\b))
    |(?P<wordord>(?i:\b(?:(?:{_alt(_TENS)})[-‐ ])?(?:{_alt(_ORD_UNITS)})\b
        |\b(?:{_alt(_ORD_TEENS + _ORD_TENS + ["hundredth"])})\b))
    |(?P<words>(?i:\b(?:an?[ \t]+(?=(?:dozen|hundred|thousand|million|billion)\b))?
        {_ATOM}(?:{_WSEP}{_ATOM})*\b))
    """,
    re.VERBOSE,
)

_SP = r"[ \t\u00a0]"
_SCALE = lazy(
    globals(),
    "_SCALE",
    # "1.5 billion", "$1.5-billion" (a style some newsrooms keep), "3bn", "$4.5m".
    rf"(?P<space>{_SP}?|[-‐](?=(?i:million|billion|trillion|thousand)))"
    rf"(?P<s>(?i:million|billion|trillion|thousand)|mn|bn|tn|trn|m|k|b)(?![\w])",
)
_PERCENT = lazy(
    globals(),
    "_PERCENT",
    rf"{_SP}?(?:(?P<pc>%)|(?i:per{_SP}?cent|percent)\b)"
    rf"|{_SP}(?P<pp>(?i:percentage{_SP}points?))\b",
)
_AGE_SUFFIX = lazy(globals(), "_AGE_SUFFIX", r"(?i:[ \t\u00a0\-‐](?:year|yr)s?[ \t\u00a0\-‐]old)\b")
_UNIT = lazy(globals(), "_UNIT", rf"(?P<glue>{_SP}|[-‐])?(?P<u>(?i:{_alt(UNITS)}))(?![\w²])")
_CURRENCY_WORD = lazy(globals(), "_CURRENCY_WORD", rf"{_SP}(?P<c>(?i:{_alt(_CURRENCY_WORDS)}))\b")
_TRAILING_QUALIFIER = lazy(
    globals(), "_TRAILING_QUALIFIER", rf"(?P<q>\+)|{_SP}(?P<w>(?i:or more|or so))\b|-(?i:plus)\b"
)
_RANGE = lazy(
    globals(),
    "_RANGE",
    rf"(?P<sep>{_SP}?[-–—]{_SP}?|{_SP}(?i:to|and){_SP})(?P<cur>US\$|[$£€¥])?"
    rf"(?P<n>{_DIGITS})(?![\d]|[.,]\d)",
)
_RATIO = lazy(globals(), "_RATIO", r"/(?P<n>\d+)\b(?!/)")
#: The patterns read after a number, and what any of them matches: where that fails, all do.
_SUFFIXES = (
    _RATIO,
    _RANGE,
    _SCALE,
    _PERCENT,
    _AGE_SUFFIX,
    _CURRENCY_WORD,
    _UNIT,
    _TRAILING_QUALIFIER,
)
_ANY_SUFFIX = lazy(
    globals(),
    "_ANY_SUFFIX",
    "|".join("(?:" + re.sub(r"\(\?P<\w+>", "(?:", p.pattern) + ")" for p in _SUFFIXES),
)
_QUALIFIER = lazy(
    globals(), "_QUALIFIER", rf"(?i:(?:^|(?<=[\s(\"“]))(?P<q>{_alt(QUALIFIERS)}){_SP}*$)"
)
_BEFORE_YEAR = lazy(
    globals(),
    "_BEFORE_YEAR",
    r"(?i:\b(?:in|since|from|by|until|till|during|before|after|between|early|late|mid|year"
    r"|through|circa|c\.)[ \t]+$|mid-$|'$)",
)
#: Weaker signs of a year: "the 2026 elections", "of 1948", only before a year-like noun.
_BEFORE_YEAR_WEAK = lazy(
    globals(), "_BEFORE_YEAR_WEAK", r"(?i:\b(?:the|and|of|to|or|its|a)[ \t]+$)"
)
_YEAR_NOUN = lazy(
    globals(),
    "_YEAR_NOUN",
    r"[ \t]+(?:[A-Z]|(?i:elections?|budget|census|season|games|olympics|cup|vote|campaign"
    r"|edition|report|law|constitution|war|floods?|earthquake|crisis|uprising|accords?"
    r"|agreement|treaty|championships?|summit|polls?|referendum|revolution)\b)",
)
#: After "the 2019" or "a 2019": a singular noun ("record", "crash", "study"), which a count
#: of 2,019 would not take. Plurals without an "s" ("the 1800 staff"), words that count ("the
#: 1800 injured", "the 1500 head of cattle", "the 2000 strong crowd"), participles and verbs
#: are left to counts.
_SINGULAR_NOUN = lazy(
    globals(),
    "_SINGULAR_NOUN",
    r"[ \t]+(?!(?:people|children|men|women|police|staff|personnel|crew|cattle|sheep|fish"
    r"|deer|livestock|aircraft|media|data|folk|youth|clergy|head|strong|dead|missing|more"
    r"|odd|other|extra|further|additional|new|homeless|elderly|poor|young|sick|faithful"
    r"|and|or|to|of|per|in|on|at|for|from|with|by|was|were|are|is|be|have|has|had"
    r"|will|would|could|should|may|might|must|can|did|do|does|remain|include|live|face|wait"
    r"|say|get|need|stay|who|which|that|while|after|before|since|across|near)\b)"
    r"[a-z]*[a-rt-z](?<!ed)(?![\w'’-])",
)
#: "the 2017 failed coup": a participle that says how an event went, which a year takes
#: before its singular noun. Only these: a count takes participles too ("the 1800 armed
#: militia", "the 1800 displaced sleep in tents").
_PARTICIPLE = lazy(
    globals(),
    "_PARTICIPLE",
    r"[ \t]+(?:failed|attempted|aborted|botched|foiled|thwarted|disputed|contested|rigged"
    r"|delayed|postponed|cancelled|canceled|abandoned|amended|revised|updated|planned"
    r"|proposed|stalled)\b",
)
_AFTER_YEAR = lazy(globals(), "_AFTER_YEAR", r"[ \t]*(?:[,.;:)!?\"”’]|$|[ \t]*[-–]\d)")
#: Before an age: "aged 39", "a man of 71" (not "a father of 3", who has three children).
_AGED = lazy(
    globals(),
    "_AGED",
    r"(?i:\b(?:aged|(?:man|woman|boy|girl|pensioner|widow|widower|teenager)[ \t]+of)[ \t]+$)",
)
_NAME_COMMA = lazy(globals(), "_NAME_COMMA", r"\b[A-Z][\w'’-]+,[ \t]+$")
#: Before an age: "the youngest of the dead was 23", "the oldest was 57".
_SUPERLATIVE_AGE = lazy(
    globals(),
    "_SUPERLATIVE_AGE",
    r"(?i:\b(?:youngest|oldest)\b[^.;:!?\n]{0,40}?\b(?:was|is|were|aged)[ \t]+$)",
)
_FROM_BEFORE = lazy(globals(), "_FROM_BEFORE", r"(?i:\bfrom[ \t]+$)")
_BETWEEN_BEFORE = lazy(globals(), "_BETWEEN_BEFORE", r"(?i:\bbetween[ \t]+$)")
_SCORE_CONTEXT = lazy(
    globals(),
    "_SCORE_CONTEXT",
    r"(?i:\b(?:won|win|wins|beat|beats|lost|lose|loses|defeat(?:ed)?|draw|drew|victory|score"
    r"|scoreline|lead|led|trail(?:ed|ing)?|thrash(?:ed)?|routed?)\b)",
)
_WORD_TOKEN = lazy(globals(), "_WORD_TOKEN", r"[a-z]+", re.IGNORECASE)
_WORD_SEPARATOR = lazy(globals(), "_WORD_SEPARATOR", r"[-‐ ]")


def _singular_after_participle(text: str, end: int, hi: int) -> bool:
    """Whether a participle then a singular noun follow ``end`` ("failed coup")."""
    m = _PARTICIPLE.match(text, end, hi)
    return m is not None and _SINGULAR_NOUN.match(text, m.end(), hi) is not None


def _number(digits: str) -> float:
    return float(digits.replace(",", "") if "," in digits else digits)


def _decimals(digits: str) -> int:
    dot = digits.find(".")
    return len(digits) - dot - 1 if dot >= 0 else 0


def words_value(phrase: str) -> float | None:
    """The value of a run of number words (``one hundred and five``, ``two dozen``)."""
    total = 0.0
    current = 0.0
    seen = False
    for raw in _WORD_TOKEN.findall(phrase.lower()):
        if raw in ("and",):
            continue
        if raw in ("a", "an"):
            current = max(current, 1.0)
            continue
        if raw in WORD_VALUES:
            current += WORD_VALUES[raw]
            seen = True
        elif raw == "dozen":
            current = (current or 1.0) * 12
            seen = True
        elif raw == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif raw in _SCALES:
            total += (current or 1.0) * _SCALES[raw]
            current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


_MONTH_NAMES = _split(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec"
)
_WORD_STARTERS = {
    w
    for w in (*_UNITS19, *_SCALES, *ORDINAL_VALUES, "dozen", "half")
    if not w.startswith(_COMPOUND_STARTS)
}
_DAY_STEMS = ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun")
#: A whole run of ASCII letters that may begin a figure, and only where the figure it begins
#: can follow: a number word (any letter case), a word starting with a tens word, ``a`` or
#: ``an`` before a scale or fraction, ``US`` before ``$``, a month before a day or year, a
#: capitalised weekday. ASCII-only case folding, as a run of ASCII letters is a word here.
_STARTER = (
    rf"(?:{_trie(_WORD_STARTERS, any_case=True)}(?![A-Za-z])|{_trie(_TENS, any_case=True)}"
    r"[A-Za-z]*)"
    r"|[aA][nN]?(?=(?i:[ \t-]+(?:half|third|quarter|dozen|hundred|thousand|million|billion)))"
    r"|US(?=\$)"
    rf"|{_trie(_MONTH_NAMES)}(?![A-Za-z])(?=\.?,?[ \t]+\d)"
    rf"|{_trie(_DAY_STEMS)}day(?![A-Za-z])"
)
#: What a :data:`_STARTER` match may begin with: words in any ASCII case, and as written.
_STARTER_WORDS_ANY_CASE = (*_WORD_STARTERS, *_TENS, "an")
_STARTER_WORDS_AS_WRITTEN = (*_MONTH_NAMES, *(stem + "day" for stem in _DAY_STEMS), "US")
#: How many letters of a word :data:`_PASSED_OVER` looks at.
_PREFIX_LETTERS = 3


def _starter_prefixes(length: int) -> frozenset[str]:
    """Every run of ``length`` ASCII letters (fewer, for a shorter word) that a
    :data:`_STARTER` match may begin with."""
    found = {word[:length] for word in _STARTER_WORDS_AS_WRITTEN}
    for word in _STARTER_WORDS_ANY_CASE:
        cases = ((c.lower(), c.upper()) for c in word[:length])
        found.update(map("".join, itertools.product(*cases)))
    return frozenset(found)


def _passed_over(prefix: str, allowed: list[frozenset[str]]) -> str:
    """A pattern for the letters after ``prefix`` (a beginning of some starter) that end the
    beginnings of every starter, within :data:`_PREFIX_LETTERS` letters; "" if none do."""
    letters = string.ascii_letters
    length = len(prefix) + 1
    ended = [c for c in letters if prefix + c not in allowed[length]]
    branches = [f"[{''.join(ended)}]"] if ended else []
    if length < _PREFIX_LETTERS:
        for c in letters:
            if prefix + c in allowed[length]:
                rest = _passed_over(prefix + c, allowed)
                if rest:
                    branches.append(c + rest)
    if len(branches) <= 1:
        return "".join(branches)
    return "(?:" + "|".join(branches) + ")"


#: The first letters of a word that no :data:`_STARTER` match begins with ("wh", "of", "the",
#: but not "th" or "thi"): a run of letters led by them is passed over without trying the
#: starters, which is most words (this is the hot loop). A shorter word, or one whose first
#: letters may begin a starter, is tried.
_PASSED_OVER = built(
    (
        "passed-over",
        str(_PREFIX_LETTERS),
        *sorted(_STARTER_WORDS_ANY_CASE),
        "|",
        *sorted(_STARTER_WORDS_AS_WRITTEN),
    ),
    lambda: _passed_over(
        "", [frozenset()] + [_starter_prefixes(n) for n in range(1, _PREFIX_LETTERS + 1)]
    ),
)
#: Where a figure may start, found by the regex engine rather than word by word in Python.
#: Text is read as tokens: runs of ASCII letters, and numeral tokens (a digit or currency sign
#: with the digits, commas and points after it). Each match passes over everything up to the
#: next token that may start a figure (``start`` group; absent at the end of the text): other
#: characters and, whole, the letter runs that are not starters. Each step of the loop passes
#: over the characters before a word and the word.
_STARTS = lazy(
    globals(),
    "_STARTS",
    rf"(?:[^A-Za-z$£€¥\d]*+(?:{_PASSED_OVER}[A-Za-z]*+|(?!{_STARTER})[A-Za-z]++))*+"
    rf"[^A-Za-z$£€¥\d]*+(?P<start>{_STARTER}|[$£€¥\d][\d,.]*)?",
)


def _is_letter(c: str) -> bool:
    return "a" <= c <= "z" or "A" <= c <= "Z"


def read_quantities(text: str, start: int = 0, end: int | None = None) -> Iterator[Quantity]:
    """Every quantity in ``text[start:end]``, in order, spans as offsets into ``text``."""
    end = len(text) if end is None else end
    floor = start  # nothing before this offset may start a new figure (already consumed)
    master = _MASTER.match
    # Try the full pattern only where a figure can start: far cheaper than searching with it.
    for c in _STARTS.finditer(text, start, end):
        at = c.start("start")
        if at < floor:
            continue  # also the last match, which has no token (-1)
        if at > start and not _is_letter(text[at]) and text[at - 1].isalnum():
            continue  # a numeral inside a token such as "F16"
        m = master(text, at, end)
        if m is None:
            continue
        q = _read(m, text, start, end)
        if q is None:
            floor = m.end()
            continue
        floor = q.span.end
        yield q


#: A numeral's digits, as :data:`_MASTER` reads them.
_NUMERAL_DIGITS = lazy(globals(), "_NUMERAL_DIGITS", _DIGITS)
#: Letter runs the scan stops at that never begin a count: they begin a date, a weekday, a
#: rank, a share or a sum in US dollars.
_NOT_COUNT_WORDS = frozenset(
    [
        *(w.lower() for w in _MONTH_NAMES),
        *(stem.lower() + "day" for stem in _DAY_STEMS),
        *ORDINAL_VALUES,
        "half",
        "us",
    ]
)
#: After a scale word, more number words: with them it may read as a count ("thousand two").
_MORE_WORDS = lazy(globals(), "_MORE_WORDS", rf"(?i:{_WSEP}{_ATOM})")
#: Scales written short, and what they multiply by.
_SHORT_SCALES = {"mn": 1e6, "bn": 1e9, "tn": 1e12, "trn": 1e12}
#: Every scale a numeral may be multiplied by (``3bn``, ``1.2 million``).
_ALL_SCALES = (1.0, 1e3, 1e6, 1e9, 1e12)


def count_bounds(text: str, start: int, end: int, widen: float) -> list[tuple[float, float]] | None:
    """Intervals that together hold the interval of every count :func:`read_quantities` may
    read in ``text[start:end]`` without an open bound ("more than"), when ``about`` or
    ``nearly`` (before the figure, or "or so" after it) stretch a figure by at most ``widen``
    of its value; None when a number word there may be a count of any size. Worked out
    without reading the figures: a count's interval meets none of them only if no such count
    is there.

    Each place the reader would try is looked at. A numeral covers its value, and each of its
    values with a scale word if one follows; with the numeral that may end a range, everything
    between; half its last digit's place either side when it has decimals or a scale; and
    ``widen`` more if a qualifier may stand before or after it. Anything else read there (a
    date, a year, a sum of money) is taken as if it were a count, which only adds intervals.
    """
    bounds: list[tuple[float, float]] = []
    for c in _STARTS.finditer(text, start, end):
        at, stop = c.span("start")
        if at < 0:
            continue  # the end of the text
        if _is_letter(text[at]):
            word = text[at:stop].lower()
            if word in _NOT_COUNT_WORDS:
                continue
            if (word in _SCALES or word == "one") and _MORE_WORDS.match(text, stop, end) is None:
                continue  # alone, no count: "828 thousand" is the numeral's; "one" a pronoun
            return None  # "thirty", "a dozen": a count of any size
        first = _NUMERAL_DIGITS.match(text, at, stop)
        if first is None:
            continue  # a sum of money ("$650"), or a sign alone: never a count
        before = _may_end_in_qualifier(text, max(start, at - 24), at)
        # The numeral alone, and with the numeral that may make it a range ("30 to 50").
        readings = [(first.group(), first.group(), first.end())]
        second = _RANGE.match(text, first.end(), end)
        if second is not None:
            readings.append((first.group(), second.group("n"), second.end()))
        for a, b, after in readings:
            values = (_number(a), _number(b))
            places = max(_decimals(a), _decimals(b))
            scales, scaled_end = _scales_after(text, after, end)
            # "34 or so" is about 34: after the numbers, or after the scale word.
            stretch = (
                widen
                if before
                or _TRAILING_QUALIFIER.match(text, after, end)
                or _TRAILING_QUALIFIER.match(text, scaled_end, end)
                else 0.0
            )
            for scale in scales:
                half = 0.5 * 10.0**-places * scale if places or scale != 1.0 else 0.0
                low = min(values) * scale * (1 - stretch) - half
                high = max(values) * scale * (1 + stretch) + half
                # A little wider than any interval read there: float noise must not rule out.
                pad = 1e-6 * max(1.0, abs(low), abs(high))
                bounds.append((low - pad, high + pad))
    return bounds


def _scales_after(text: str, at: int, end: int) -> tuple[tuple[float, ...], int]:
    """What the numeral ending at ``at`` may be multiplied by, as :func:`_suffixes` reads a
    scale word or suffix there (a letter it may take as no scale, any); and where the scale
    word ends (``at`` if there is none)."""
    s = _SCALE.match(text, at, end)
    if s is None:
        return (1.0,), at
    lower = s.group("s").lower()
    if lower in _SCALES:
        return (float(_SCALES[lower]),), s.end()
    if lower in _SHORT_SCALES:
        return (_SHORT_SCALES[lower],), s.end()
    return _ALL_SCALES, s.end()  # "m", "b", "k": a scale or not, as what else is written says


#: The last word of each qualifier ("than" of "more than").
_QUALIFIER_ENDS = frozenset(p.rsplit(" ", 1)[-1] for p in QUALIFIERS)


def _may_end_in_qualifier(text: str, lo: int, end: int) -> bool:
    """Whether ``text[lo:end]`` may end in a qualifier: False only when :data:`_QUALIFIER`
    cannot match there, because the last word (before spaces, or before a final newline and
    spaces) is plain ASCII and not the last word of any qualifier."""
    if end > lo and text[end - 1] == "\n":
        end -= 1  # "$" also matches before a final newline
    while end > lo and text[end - 1] in " \t\u00a0":
        end -= 1
    if end == lo or text[end - 1].isspace():
        return False  # the line ends in other space: nothing that ends there is a word
    # The last run without space, from after its last "(", '"' or "“".
    word = text[lo:end].rsplit(None, 1)[-1]
    word = word[max(word.rfind("("), word.rfind('"'), word.rfind("“")) + 1 :]
    # Beyond ASCII, case folding is wider than lower() ("ſ" matches "s"): let the pattern say.
    return not word.isascii() or word.lower() in _QUALIFIER_ENDS


def _qualified(q: Quantity, text: str, lo: int) -> Quantity:
    """``q`` with the qualifier written in front of it, if any."""
    start = max(lo, q.span.start - 24)
    if not _may_end_in_qualifier(text, start, q.span.start):
        return q
    m = _QUALIFIER.search(text, start, q.span.start)
    if m is None:
        return q
    written = _key(QUALIFIERS, m.group("q"))
    if (
        written in THRESHOLD_VERBS
        and q.kind is QKind.COUNT
        and not q.step
        and (
            written == "passed"
            or q.low < 10
            or q.low % 10
            or _OTHERS.match(text, q.span.end) is not None
        )
    ):
        # A plain count they pass is what was passed ("passed 150 bills", "surpassed 12
        # rivals", "topped 30 other bidders"); only a round one is a threshold ("deaths
        # exceeded 100", "topped 40 goals"), and not after "passed", which counts bills and
        # runners.
        return q
    return Quantity(
        q.kind,
        q.span,
        q.low,
        q.high,
        q.step,
        q.unit,
        q.qualifier or QUALIFIERS[written],
        m.start("q"),
        q.parts,
        q.words,
    )


def _read(m: re.Match[str], text: str, lo: int, hi: int) -> Quantity | None:
    group = m.lastgroup
    if group == "num":  # the most frequent by far
        q = _read_numeral(m, text, lo, hi)
    elif group in ("date1", "date2", "date3", "iso", "slash"):
        return _read_date(m, group)
    elif group == "clock":
        return None  # a race time or a time to the second ("2:06:41"): read, never compared
    elif group == "time":
        return _read_time(m)
    elif group == "weekday":
        day = WEEKDAYS[_key(WEEKDAYS, m.group())]
        return Quantity(QKind.WEEKDAY, Span(m.start(), m.end()), day, day)
    elif group == "fraction":
        q = _read_fraction(m, text, lo)
    elif group == "wordord":
        q = _read_word_ordinal(m, text, lo)
    else:
        q = _read_words(m, text, lo, hi)
    return None if q is None else _qualified(q, text, lo)


def _read_date(m: re.Match[str], group: str) -> Quantity | None:
    span = Span(m.start(), m.end())
    if group == "slash":
        return Quantity(QKind.DATE, span, 0, 0)  # written order is ambiguous: never compared
    if group == "iso":
        year, month, day = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        n = group[-1]
        month = MONTHS[_key(MONTHS, m.group(f"m{n}").rstrip("."))]
        day = int(m.group(f"d{n}")) if n != "3" else 0
        y = m.group(f"y{n}")
        year = int(y) if y else 0
    if not (1 <= month <= 12 and 0 <= day <= 31):
        return None
    key = year * 10000 + month * 100 + day
    return Quantity(QKind.DATE, span, key, key, parts=(year, month, day))


def _read_time(m: re.Match[str]) -> Quantity:
    if m.group("hh") is not None:
        hour, minute, ap = int(m.group("hh")), int(m.group("mm")), m.group("ap")
    else:
        hour, minute, ap = int(m.group("hh2")), int(m.group("mm2") or 0), m.group("ap2")
    if ap:
        hour = hour % 12 + (12 if ap.lower() == "p" else 0)
    value = hour * 60 + minute
    return Quantity(QKind.TIME, Span(m.start(), m.end()), value, value, parts=(hour, minute))


def _read_numeral(m: re.Match[str], text: str, lo: int, hi: int) -> Quantity | None:
    cur, digits, ordinal = m.group("cur", "digits", "ord")
    core_start = m.start("digits")
    if core_start > lo:
        before = text[core_start - 1]
        if _is_letter(before) or (
            before == "-" and core_start - 2 >= lo and _is_letter(text[core_start - 2])
        ):
            return None  # part of a name: COVID-19, F-16, G7 (not a word ending the line before)
    start, end = m.span()
    value = _number(digits)
    decimals = _decimals(digits)
    currency = _CURRENCY_SIGNS[cur] if cur else ""
    if 1 <= value < 100 and not decimals and not currency and not ordinal:
        share = _share_in(text, start, end, hi, value)
        if share is not None:
            return share
    if ordinal:
        if decimals or currency or "," in digits:
            return None
        if end < hi and (text[end].isalnum()):
            return None
        if _PERIOD_NAMED.match(text, end, hi):
            return None
        return Quantity(QKind.ORDINAL, Span(start, end), value, value)
    return _suffixes(
        text,
        lo,
        hi,
        start,
        end,
        value,
        decimals,
        currency,
        words=False,
        plain="," not in digits and not decimals and not currency,
    )


#: After a small count: "in four", "in every 20", "in 10 sites": a share of so many in so many.
_IN_EVERY = lazy(
    globals(),
    "_IN_EVERY",
    r"[ \t]+in[ \t]+(?P<every>every[ \t]+)?(?P<n>[1-9]\d{0,5}(?![\d,.])|two|three|four|five"
    r"|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand)\b"
    # "in 12-storey block": a compound, not a whole.
    r"(?![-‐–])"
    # "2 in 5 minutes": a count in a time.
    r"(?![ \t]+(?:[a-z]+[ \t]+)?(?:seconds?|minutes?|mins|hours?|hrs|days?|nights?|weeks?"
    r"|months?|years?)\b)",
    re.IGNORECASE,
)
#: After a share's whole: a run of events ("3 in 4 league games", "2 in 5 raids"), in which
#: more than one is a count of what happened in them; but "one in eight visits" is a share.
_EVENTS_AFTER = lazy(
    globals(),
    "_EVENTS_AFTER",
    r"(?i:[ \t]+(?:[a-z]+[ \t]+)?(?:seasons?|games?|matches|outings?|appearances?|starts?"
    r"|overs?|laps?|innings|races?|rounds?|attempts?|tries|shots?|raids?|visits?|trips?)\b)",
)
#: The wholes a share of more than one in so many is said of ("two in three", "9 in 10",
#: "three in every 20"): other counts after "in" are more often of something else ("3 in 12
#: raids").
_SHARE_WHOLES = frozenset({3, 4, 5, 6, 7, 8, 9, 10, 20, 25, 50, 100, 1000})


def _share_in(text: str, start: int, end: int, hi: int, k: float) -> Quantity | None:
    """ "one in six", "1 in 4", "two in three", "9 in 10": the share ``k/n`` as a
    percentage, to the precision such a figure is written with (any share nearer to ``k/n``
    than to ``(k-1)/n`` or ``(k+1)/n``; for one in ``n``, nearer to ``1/n`` than to
    ``1/(n-1)`` or ``1/(n+1)``)."""
    m = _IN_EVERY.match(text, end, hi)
    if m is None or (k > 1 and _EVENTS_AFTER.match(text, m.end(), hi) is not None):
        return None
    word = m.group("n").lower()
    n = float(word) if word[0].isdigit() else float(words_value(word) or 0)
    if n <= k or (len(word) == 4 and 1500 <= n <= 2100):
        return None  # "ranked 1 in 2024": a year; "5 in 3": not a share
    if k > 1 and n not in _SHARE_WHOLES and not m.group("every"):
        return None
    if k == 1:
        low, high = 100 / (n + 0.5), 100 / (n - 0.5)
    else:
        low, high = 100 * (k - 0.5) / n, 100 * (k + 0.5) / n
    return Quantity(QKind.PERCENT, Span(start, m.end()), low, high, unit="%", words=True)


def _read_words(m: re.Match[str], text: str, lo: int, hi: int) -> Quantity | None:
    phrase = m.group()
    value = words_value(phrase)
    lowered = phrase.lower()
    if value is not None and 1 <= value < 100 and value == int(value):
        share = _share_in(text, m.start(), m.end(), hi, value)
        if share is not None:
            return share
    if value is None or lowered in ("one", "a", "an") or lowered in _SCALES:
        return None  # a bare "one" is a pronoun far more often than a count
    return _suffixes(text, lo, hi, m.start(), m.end(), value, 0, "", words=True, plain=False)


#: After "a third", "a quarter" or "a half": a word that makes it a rank or a measure ("for a
#: third year", "a third straight win", "a quarter century", "a half hour"), not a share.
_RANKED_AFTER = lazy(
    globals(),
    "_RANKED_AFTER",
    r"(?i:[ \t-]+(?:years?|terms?|times?|straight|consecutive|successive|days?|weeks?|months?"
    r"|seasons?|rounds?|places?|party|parties|world|ways?|century|centuries|decades?|hours?"
    r"|minutes?|miles?|points?|generations?|waves?|attempts?|bids?|runs?|finals?|games?"
    r"|matches|goals?|children|child|options?|quarters?|phases?|stages?|legs?)\b)",
)


def _read_fraction(m: re.Match[str], text: str, lo: int) -> Quantity | None:
    phrase = m.group().lower()
    before = text[max(lo, m.start() - 12) : m.start()].lower()
    if phrase == "half" and re.search(r"(?:first|second|1st|2nd)[ \t]+$", before):
        return None  # the second half of a match
    if phrase[:2] == "a " and _RANKED_AFTER.match(text, m.end()):
        return None  # "for a third year", "a quarter century", "a half hour": no share
    value = _FRACTIONS[phrase.replace("-", " ").split()[-1]]
    # Fractions in prose are loose: "half" is fine for 48 per cent, so read them to +/- 5.
    return Quantity(
        QKind.PERCENT, Span(m.start(), m.end()), value, value, step=10.0, unit="%", words=True
    )


#: After an ordinal, a period or part it names rather than ranks: "the third quarter",
#: "a second term", "the 21st century". An article compares such periods ("up 2% on the
#: second quarter"), and rarely says which one a figure of the highlights is of.
_PERIOD_NAMED = lazy(
    globals(),
    "_PERIOD_NAMED",
    r"(?i:[ \t\u00a0-]+(?:quarters?|half|halves|terms?|seasons?|rounds?|legs?|stages?|innings"
    r"|sets?|periods?|century|centuries|decades?|generations?|phases?|waves?|readings?)\b)",
)


def _read_word_ordinal(m: re.Match[str], text: str, lo: int) -> Quantity | None:
    if _PERIOD_NAMED.match(text, m.end()):
        return None
    # Each word by its key: the pattern also matches "ſixth" (see _key).
    parts = _WORD_SEPARATOR.split(m.group())
    last = _key(ORDINAL_VALUES, parts[-1])
    if len(parts) == 1 and last == "second":
        before = text[max(lo, m.start() - 6) : m.start()].lower()
        if re.search(r"(?:\ba|per|\d)[ \t]*$", before):
            return None  # "a second", "per second": time, not rank
    tens = sum(WORD_VALUES[_key(WORD_VALUES, p)] for p in parts[:-1])
    value = float(tens + ORDINAL_VALUES[last])
    return Quantity(QKind.ORDINAL, Span(m.start(), m.end()), value, value, words=True)


def _suffixes(
    text: str,
    lo: int,
    hi: int,
    start: int,
    end: int,
    value: float,
    decimals: int,
    currency: str,
    *,
    words: bool,
    plain: bool,
) -> Quantity | None:
    """Read what follows a number's core: range, scale, percent, unit, age, currency word."""
    kind = QKind.COUNT
    high = value
    unit = ""
    qualifier = ""
    step_scale = 1.0

    # Most numbers have nothing glued to them: one pattern says so for all of those below.
    if _ANY_SUFFIX.match(text, end, hi) is not None:
        if plain:
            # Ratios (66/1) and scores (3-1) are pairs, never ranges or counts.
            r = _RATIO.match(text, end, hi)
            if r:
                b = int(r.group("n"))
                return Quantity(
                    QKind.RATIO, Span(start, r.end()), value, value, unit="", parts=(int(value), b)
                )
        if not words:
            r = _RANGE.match(text, end, hi)
            if r and r.group("cur") == (None if not currency else r.group("cur")):
                second = _number(r.group("n"))
                sep = r.group("sep").strip().lower()
                window_before = text[max(lo, start - 10) : start]
                hyphen = sep in ("-", "–", "—")
                if sep == "and" and not _BETWEEN_BEFORE.search(window_before):
                    r = None
                elif sep == "to" and _FROM_BEFORE.search(window_before):
                    r = None  # "rose from 20 to 33": two figures, not a range
                elif (
                    hyphen
                    and plain
                    and "." not in r.group("n")
                    and second < 100
                    and value < 100
                    and (
                        second <= value
                        or _SCORE_CONTEXT.search(text, max(lo, start - 30), min(hi, r.end() + 20))
                    )
                ):
                    return Quantity(
                        QKind.SCORE,
                        Span(start, r.end()),
                        value,
                        second,
                        parts=(int(value), int(second)),
                    )
                elif second <= value:
                    r = None
                if r is not None:
                    high = second
                    decimals = max(decimals, _decimals(r.group("n")))
                    end = r.end()
                    plain = False

        s = _SCALE.match(text, end, hi)
        if s:
            token = s.group("s")
            spaced = bool(s.group("space"))
            lower = token.lower()
            if lower in ("million", "billion", "trillion", "thousand"):
                factor: float | None = _SCALES[lower]
            elif lower in _SHORT_SCALES:
                factor = _SHORT_SCALES[lower]
            elif token in ("m", "b") and currency and not spaced:
                factor = 1e6 if token == "m" else 1e9
            elif token == "k" and not spaced:
                factor = 1e3
            else:
                factor = None
            if factor is not None:
                value *= factor
                high *= factor
                step_scale = factor
                end = s.end()
                plain = False

        p = _PERCENT.match(text, end, hi)
        if p:
            kind = QKind.PERCENT
            unit = "pp" if p.group("pp") else "%"
            end = p.end()
            plain = False
        if kind is QKind.COUNT:
            a = _AGE_SUFFIX.match(text, end, hi)
            if a and value == high:
                return Quantity(QKind.AGE, Span(start, a.end()), value, value, words=words)
            c = _CURRENCY_WORD.match(text, end, hi)
            if c and not currency:
                currency = _CURRENCY_WORDS[_key(_CURRENCY_WORDS, c.group("c"))]
                end = c.end()
            elif not currency:
                u = _UNIT.match(text, end, hi)
                if u and not (u.group("u") in ("m", "c") and u.group("glue") == "-"):
                    dimension, factor_u = UNITS[_key(UNITS, u.group("u"))]
                    kind = QKind.MEASURE
                    unit = dimension
                    value *= factor_u
                    high *= factor_u
                    step_scale *= factor_u
                    end = u.end()
                    plain = False
        t = _TRAILING_QUALIFIER.match(text, end, hi)
        if t:
            qualifier = QUALIFIERS[_key(QUALIFIERS, t.group("q") or t.group("w") or "plus")]
            end = t.end()
    if currency:
        kind = QKind.MONEY
        unit = currency

    if end < hi and (text[end].isalnum() or text[end] == "_"):
        return None  # 3D, 5G, 4x4, v2_final: a name, not a figure

    if kind is QKind.COUNT and plain and value == high and (value <= 120 or 1500 <= value <= 2100):
        before = text[max(lo, start - 30) : start]
        if (
            1500 <= value <= 2100
            and end - start == 4
            and (
                _BEFORE_YEAR.search(before)
                or _AFTER_YEAR.match(text, end, hi) is not None
                or (
                    _BEFORE_YEAR_WEAK.search(before)
                    and (
                        _YEAR_NOUN.match(text, end, hi)
                        or _SINGULAR_NOUN.match(text, end, hi)
                        or _singular_after_participle(text, end, hi)
                    )
                )
            )
        ):
            return Quantity(QKind.YEAR, Span(start, end), value, value, 0.0, "", qualifier)
        if value <= 120 and (
            # The comma after the figure is checked first: it rules out most names unread.
            _AGED.search(before)
            or (end < hi and text[end] == "," and _NAME_COMMA.search(before))
            or _SUPERLATIVE_AGE.search(text, max(lo, start - 60), start)
        ):
            return Quantity(QKind.AGE, Span(start, end), value, value)

    if kind is QKind.COUNT and not words:
        step = 10.0**-decimals * step_scale if (decimals or step_scale != 1.0) else 0.0
    elif kind is QKind.COUNT:
        # "two million" is written to the million; "thirty-three" is exact.
        step = step_scale if step_scale > 1 else 0.0
        if value >= 1000 and step == 0.0:
            for scale in (1e9, 1e6, 1e3):
                if value % scale == 0:
                    step = scale
                    break
    elif kind is QKind.MONEY:
        step = 10.0**-decimals * step_scale if step_scale != 1.0 else 0.0
    else:
        step = 10.0**-decimals * step_scale
    return Quantity(kind, Span(start, end), value, high, step, unit, qualifier, -1, (), words)
