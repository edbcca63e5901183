"""Reading quantities: exact kinds, values, precision, qualifiers and spans."""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.figures import numbers
from linter.figures.numbers import QKind, Quantity, read_quantities, words_value


def read(text: str) -> list[tuple[str, str, float, float, float, str, str]]:
    """(kind, text as written, low, high, step, unit, qualifier) of each quantity."""
    return [
        (q.kind.value, text[q.span.start : q.span.end], q.low, q.high, q.step, q.unit, q.qualifier)
        for q in read_quantities(text)
    ]


def one(text: str) -> tuple[str, str, float, float, float, str, str]:
    (found,) = read(text)
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("33 deaths", ("count", "33", 33, 33, 0, "", "")),
        ("1,200 people", ("count", "1,200", 1200, 1200, 0, "", "")),
        ("a 4.5 rise", ("count", "4.5", 4.5, 4.5, 0.1, "", "")),
        ("1.2 million voters", ("count", "1.2 million", 1.2e6, 1.2e6, 1e5, "", "")),
        ("debts of 3bn", ("count", "3bn", 3e9, 3e9, 1e9, "", "")),
        ("a 20k run", ("count", "20k", 2e4, 2e4, 1e3, "", "")),
        ("$4.5m in aid", ("money", "$4.5m", 4.5e6, 4.5e6, 1e5, "USD", "")),
        ("a £85 fine", ("money", "£85", 85, 85, 0, "GBP", "")),
        ("€2 billion", ("money", "€2 billion", 2e9, 2e9, 1e9, "EUR", "")),
        ("ten dollars", ("money", "ten dollars", 10, 10, 0, "USD", "")),
        ("44% of it", ("percent", "44%", 44, 44, 1, "%", "")),
        ("44 per cent of it", ("percent", "44 per cent", 44, 44, 1, "%", "")),
        ("44 percent of it", ("percent", "44 percent", 44, 44, 1, "%", "")),
        ("43.6% of it", ("percent", "43.6%", 43.6, 43.6, 0.1, "%", "")),
        ("up 3 percentage points", ("percent", "3 percentage points", 3, 3, 1, "pp", "")),
    ],
)
def test_numerals_scales_money_percentages(text: str, expected: tuple) -> None:
    assert one(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a 30ft wall", ("measure", "30ft", 30 * 0.3048, 30 * 0.3048, 0.3048, "length", "")),
        ("a 3.5 km road", ("measure", "3.5 km", 3500, 3500, 100, "length", "")),
        ("a 24-hour curfew", ("measure", "24-hour", 86400, 86400, 3600, "duration", "")),
        ("10 miles of road", ("measure", "10 miles", 16093.44, 16093.44, 1609.344, "length", "")),
        ("4.5 tonnes", ("measure", "4.5 tonnes", 4500, 4500, 100, "mass", "")),
        ("a 16km stretch", ("measure", "16km", 16000, 16000, 1000, "length", "")),
    ],
)
def test_units_glued_or_spaced(text: str, expected: tuple) -> None:
    assert one(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30 to 50 people", ("count", "30 to 50", 30, 50, 0, "", "")),
        ("30-50 people", ("count", "30-50", 30, 50, 0, "", "")),
        ("30–50 people", ("count", "30–50", 30, 50, 0, "", "")),
        ("between 30 and 50 people", ("count", "30 and 50", 30, 50, 0, "", "")),
        ("$3-4m", ("money", "$3-4m", 3e6, 4e6, 1e6, "USD", "")),
        ("20-30% of voters", ("percent", "20-30%", 20, 30, 1, "%", "")),
    ],
)
def test_ranges(text: str, expected: tuple) -> None:
    assert one(text) == pytest.approx(expected)


def test_rose_from_to_is_two_figures_not_a_range() -> None:
    assert read("the toll rose from 20 to 33") == [
        ("count", "20", 20, 20, 0, "", ""),
        ("count", "33", 33, 33, 0, "", ""),
    ]


def test_scores_and_ratios() -> None:
    (score,) = list(read_quantities("they won 3-1 at home"))
    assert (score.kind, score.parts, score.span.start, score.span.end) == (
        QKind.SCORE,
        (3, 1),
        9,
        12,
    )
    (draw,) = list(read_quantities("a 2-2 draw"))
    assert (draw.kind, draw.parts) == (QKind.SCORE, (2, 2))
    (odds,) = list(read_quantities("odds of 66/1"))
    assert (odds.kind, odds.parts, odds.span) == (QKind.RATIO, (66, 1), odds.span)
    assert "odds of 66/1"[odds.span.start : odds.span.end] == "66/1"
    (upset,) = list(read_quantities("lost 1-3 to the visitors"))
    assert (upset.kind, upset.parts) == (QKind.SCORE, (1, 3))


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("thirty-three deaths", "thirty-three", 33),
        ("Thirty three deaths", "Thirty three", 33),
        ("a dozen homes", "a dozen", 12),
        ("two dozen homes", "two dozen", 24),
        ("one hundred and five votes", "one hundred and five", 105),
        ("two million people", "two million", 2_000_000),
        ("a hundred people", "a hundred", 100),
        ("nineteen people", "nineteen", 19),
        ("seventeen people", "seventeen", 17),
    ],
)
def test_number_words(text: str, written: str, value: float) -> None:
    kind, found, low, high, _, _, _ = one(text)
    assert (kind, found, low, high) == ("count", written, value, value)


def test_number_word_steps() -> None:
    assert one("thirty-three deaths")[4] == 0
    assert one("two million people")[4] == 1e6


def test_a_bare_one_is_not_a_count() -> None:
    assert read("one of the gunmen fled") == []
    assert read("no one was hurt") == []


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("half of the population", "half", 50.0),
        ("a third of voters", "a third", 100 / 3),
        ("two-thirds of seats", "two-thirds", 200 / 3),
        ("a quarter of homes", "a quarter", 25.0),
        ("three quarters of homes", "three quarters", 75.0),
    ],
)
def test_fractions_are_loose_shares(text: str, written: str, value: float) -> None:
    assert one(text) == pytest.approx(("percent", written, value, value, 10.0, "%", ""))


@pytest.mark.parametrize(
    ("text", "written", "n"),
    [
        ("One in six residents", "One in six", 6),
        ("about 1 in 4 renters", "1 in 4", 4),
        ("one in every 20 homes", "one in every 20", 20),
        # Of events too: one in so many is a share whatever it is of.
        ("made about one in eight visits", "one in eight", 8),
        ("one in five raids ended in arrests", "one in five", 5),
    ],
)
def test_one_in_so_many_is_a_share_to_its_precision(text: str, written: str, n: int) -> None:
    kind, as_written, low, high, step, unit, _ = read(text)[0]
    assert (kind, as_written, step, unit) == ("percent", written, 0.0, "%")
    # Any share nearer to 1/n than to 1/(n-1) or 1/(n+1) is what "one in n" says.
    assert (low, high) == pytest.approx((100 / (n + 0.5), 100 / (n - 0.5)))


def test_one_in_a_year_is_not_a_share() -> None:
    assert [k for k, *_ in read("ranked 1 in 2024")] == ["count", "year"]
    assert read("the one in charge") == []


def test_second_half_is_not_a_share() -> None:
    # Nor a rank: an ordinal before a period names the period (see the ordinal tests).
    assert read("in the second half") == []


@pytest.mark.parametrize(
    "text", ["for a third year running", "a third straight win", "a quarter century", "a half hour"]
)
def test_a_fraction_before_what_it_ranks_or_measures_is_not_a_share(text: str) -> None:
    assert [k for k, *_ in read(text) if k == "percent"] == []


def test_a_fraction_before_of_a_verb_or_more_is_a_share() -> None:
    for text in ("a third of voters", "A third voted", "cut by a third to 200", "a third more"):
        assert [k for k, *_ in read(text)][:1] == ["percent"], text


@pytest.mark.parametrize(
    "text", ["Fly-half Jem Osei kicked", "the scrum-half", "his first-half try"]
)
def test_a_half_in_a_compound_is_not_a_share(text: str) -> None:
    # A position or a period of play: the word is glued to the one before it.
    assert [k for k, *_ in read(text) if k == "percent"] == []


@pytest.mark.parametrize(
    ("text", "written", "rank"),
    [
        ("the 21st attack", "21st", 21),
        ("the 3rd day", "3rd", 3),
        ("the third day", "third", 3),
        ("the twenty-first day", "twenty-first", 21),
        ("the fortieth anniversary", "fortieth", 40),
        ("on the 3rd floor", "3rd", 3),
    ],
)
def test_ordinals_are_ranks(text: str, written: str, rank: int) -> None:
    assert one(text) == ("ordinal", written, rank, rank, 0, "", "")


def test_a_parent_of_so_many_has_so_many_children() -> None:
    assert one("a father of 3 was rescued")[:3] == ("count", "3", 3)


def test_a_second_is_not_a_rank() -> None:
    assert read("for a second time") == []


@pytest.mark.parametrize(
    ("text", "written", "age"),
    [
        ("a 39-year-old man", "39-year-old", 39),
        ("a 39 year old man", "39 year old", 39),
        ("a man aged 39 was held", "39", 39),
        ("Sunil Khanal, 27, said", "27", 27),
        ("a thirty-nine-year-old farmer", "thirty-nine-year-old", 39),
        ("a man of 71 died", "71", 71),
        ("and a woman of 64.", "64", 64),
        ("The youngest of the dead was 23; ", "23", 23),
        ("the oldest was 57.", "57", 57),
    ],
)
def test_ages(text: str, written: str, age: int) -> None:
    assert one(text) == ("age", written, age, age, 0, "", "")


@pytest.mark.parametrize(
    ("text", "written", "parts"),
    [
        ("on 1 February 2026", "1 February 2026", (2026, 2, 1)),
        ("on May 7", "May 7", (0, 5, 7)),
        ("on May 7, 2026", "May 7, 2026", (2026, 5, 7)),
        ("on 21st March", "21st March", (0, 3, 21)),
        ("in March 2026", "March 2026", (2026, 3, 0)),
        ("on 2026-02-01", "2026-02-01", (2026, 2, 1)),
        ("on 4 Sept. 2025", "4 Sept. 2025", (2025, 9, 4)),
    ],
)
def test_dates(text: str, written: str, parts: tuple[int, int, int]) -> None:
    (q,) = list(read_quantities(text))
    assert (q.kind, text[q.span.start : q.span.end], q.parts) == (QKind.DATE, written, parts)


def test_a_date_does_not_take_the_full_stop() -> None:
    (q,) = list(read_quantities("It ends on 4 May."))
    assert "It ends on 4 May."[q.span.start : q.span.end] == "4 May"


def test_weekday_stays_a_weekday() -> None:
    (q,) = list(read_quantities("on Friday"))
    assert (q.kind, q.low, q.span.start, q.span.end) == (QKind.WEEKDAY, 4, 3, 9)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("since 1948", "year"),
        ("in 1948, the", "year"),
        ("the 2026 elections", "year"),
        ("about 2000 troops", "count"),
        ("and 2000 troops", "count"),
    ],
)
def test_years_and_four_digit_counts(text: str, kind: str) -> None:
    assert [k for k, *_ in read(text)] == [kind]


@pytest.mark.parametrize(
    ("text", "written", "minutes"),
    [
        ("at 10:04", "10:04", 604),
        ("at 4.30pm", "4.30pm", 990),
        ("at 9 am", "9 am", 540),
        ("at 12:15 a.m.", "12:15 a.m.", 15),
    ],
)
def test_times(text: str, written: str, minutes: int) -> None:
    assert one(text) == ("time", written, minutes, minutes, 0, "", "")


@pytest.mark.parametrize(
    "text", ["won in 2:06:41", "at 10:04:32", "a lap of 1:32:07.4", "in 26:14:05"]
)
def test_times_to_the_second_are_not_figures(text: str) -> None:
    # A race time or a time to the second is read whole, so that no part of it is compared.
    assert read(text) == []


@pytest.mark.parametrize(
    ("text", "qualifier", "lead"),
    [
        ("more than 30 inmates", "more than", "more than 30"),
        ("over 30 inmates", "more than", "over 30"),
        ("at least 30 inmates", "at least", "at least 30"),
        ("nearly 44%", "nearly", "nearly 44%"),
        ("almost 44%", "nearly", "almost 44%"),
        ("about 5%", "about", "about 5%"),
        ("around 5%", "about", "around 5%"),
        ("some 300 people", "about", "some 300"),
        ("roughly 300 people", "about", "roughly 300"),
        ("up to 40 people", "up to", "up to 40"),
        ("as many as 40 people", "up to", "as many as 40"),
        ("fewer than 12 people", "fewer than", "fewer than 12"),
        ("more than a dozen people", "more than", "more than a dozen"),
        ("30 or more people", "more than", "30 or more"),
        ("30+ people", "more than", "30+"),
        ("a total of 133 militants", "", "a total of 133"),
    ],
)
def test_qualifiers(text: str, qualifier: str, lead: str) -> None:
    (q,) = list(read_quantities(text))
    assert q.qualifier == qualifier
    assert text[q.full_span.start : q.full_span.end] == lead


@pytest.mark.parametrize(
    "text",
    [
        "COVID-19 cases",
        "F-16 jets",
        "a 5G mast",
        "the G7 summit",
        "MH17 crashed",
        "file v2_final",
        "snake_33_case",
        "x_33 people",
        "_33_people",
        "F_16 jets",
    ],
)
def test_names_with_digits_are_not_figures(text: str) -> None:
    assert read(text) == []


@pytest.mark.parametrize("text", ["The raids killed\n33 people.", "The raids killed -\n33 people."])
def test_a_figure_after_a_line_break_is_no_name(text: str) -> None:
    # A hard-wrapped line: the word before the break is not glued to the figure.
    (q,) = list(read_quantities(text))
    assert text[q.span.start : q.span.end] == "33"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abdefhilmnorstuvwxyzADFJMNOSTUW $1-", min_size=1, max_size=14))
def test_no_figure_starts_with_letters_the_scan_passes_over(text: str) -> None:
    # The scan for starts skips a run of letters led by these without trying the starters.
    if re.match(numbers._PASSED_OVER, text):
        assert re.match(numbers._STARTER, text) is None


def _case_variants(word: str) -> list[str]:
    return ["".join(v) for v in itertools.product(*((c.lower(), c.upper()) for c in word[:4]))]


def test_the_scan_passes_over_no_beginning_of_a_starter() -> None:
    written = [*numbers._STARTER_WORDS_AS_WRITTEN, "Twentieth", "thirtyish"]
    for word in numbers._STARTER_WORDS_ANY_CASE:
        written.extend(variant + word[4:] for variant in _case_variants(word))
    for word in written:
        assert re.match(numbers._PASSED_OVER, word) is None, word
    # And it does pass over the most common words.
    for word in ("the", "The", "of", "and", "to", "said", "was", "at", "by", "from"):
        assert re.match(numbers._PASSED_OVER, word), word


def test_the_scan_passes_over_whatever_no_starter_begins_with() -> None:
    # Every run of up to three letters, alone and before what a starter may need after it.
    letters = string.ascii_letters
    for length in (1, 2, 3):
        for run in map("".join, itertools.product(letters, repeat=length)):
            tried = [run + after for after in ("", " ", "$", " 5", "day", "ty", " hundred", "s")]
            starts = any(re.match(numbers._STARTER, text) for text in tried)
            passed = re.match(numbers._PASSED_OVER + "[A-Za-z]*+(?![A-Za-z])", run) is not None
            assert not (starts and passed), run


def test_spans_are_offsets_into_the_whole_text() -> None:
    text = "Highlights: 33 deaths and 18 civilians."
    spans = [(q.span.start, q.span.end) for q in read_quantities(text, 12, len(text))]
    assert spans == [(12, 14), (26, 28)]
    assert [text[a:b] for a, b in spans] == ["33", "18"]


def test_words_value() -> None:
    assert words_value("one hundred and five") == 105
    assert words_value("two dozen") == 24
    assert words_value("three million two hundred thousand") == 3_200_000
    assert words_value("banana") is None


# -- the start finder against a word-by-word reading ---------------------------------------------

_TOKENS = re.compile(r"[A-Za-z]+|[$£€¥\d][\d,.]*")
_REFERENCE_STARTERS = frozenset(
    [
        *numbers.WORD_VALUES,
        *numbers.ORDINAL_VALUES,
        *numbers.MONTHS,
        *numbers.WEEKDAYS,
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "dozen",
        "a",
        "an",
        "half",
        "us",
    ]
)


def reference_read(text: str, start: int = 0, end: int | None = None) -> Iterator[Quantity]:
    """Quantities read the straightforward way: the full pattern tried at every letter run
    that is a starter word (or begins with a tens word) and at every numeral token."""
    end = len(text) if end is None else end
    floor = start
    for c in _TOKENS.finditer(text, start, end):
        at = c.start()
        if at < floor:
            continue
        word = c.group().lower()
        if word[0].isalpha():
            if word not in _REFERENCE_STARTERS and not word.startswith(numbers._COMPOUND_STARTS):
                continue
        elif at > start and text[at - 1].isalnum():
            continue
        m = numbers._MASTER.match(text, at, end)
        if m is None:
            continue
        q = numbers._read(m, text, start, end)
        floor = m.end() if q is None else q.span.end
        if q is not None:
            yield q


_START_WORDS = (
    "a an A AN half a-half a dozen an hundred a thouſand US US$5 $ 5 1,200 3.5 4. May may "
    "MAY 5 Sept. Sep, 2020 Monday MONDAY monday twenty Twentieth twenty-one thirtyish "
    "ſeven seven SEVEN seventeen teen one second a-second F16 F é ٣ £ €3 ¥ / "
    '1/2/2026 3-1 10:30 pm a.m. first hundredth million bn m k x abc per cent % , . - : ( " '
    "\n \t"
)
_START_PIECES = st.sampled_from(_START_WORDS.split(" "))


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(_START_PIECES, st.sampled_from(["", " ", "", "-", ",", "\t"])).map("".join),
        max_size=20,
    ).map("".join),
    st.data(),
)
def test_starts_found_by_the_pattern_are_those_of_a_word_by_word_reading(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert list(read_quantities(text)) == list(reference_read(text))
    assert list(read_quantities(text, start, end)) == list(reference_read(text, start, end))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_starts_in_any_text_are_those_of_a_word_by_word_reading(text: str) -> None:
    assert list(read_quantities(text)) == list(reference_read(text))


_QUALIFIER_PIECES = st.sampled_from(list(numbers.QUALIFIERS)) | st.sampled_from(
    ["ABOUT", "Over", "\u017fome", "u\u017fually", "approx", "x", "(", '"', "“", "-", "3"]
)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(_QUALIFIER_PIECES, st.sampled_from(["", " ", "  ", "\t", "\u00a0", "\n"])).map(
            "".join
        ),
        max_size=6,
    ).map("".join),
    st.data(),
)
def test_the_qualifier_precheck_never_rules_out_a_qualifier(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, end))
    if not numbers._may_end_in_qualifier(text, lo, end):
        assert numbers._QUALIFIER.search(text, lo, end) is None


_SUFFIX_PIECES = st.sampled_from(
    [
        " ",
        "\u00a0",
        "-",
        "–",
        "/",
        "1",
        "22",
        ".5",
        ",000",
        "to",
        "and",
        "m",
        "bn",
        "k",
        "million",
        "%",
        "per cent",
        "percent",
        "percentage points",
        "year-old",
        "years old",
        "dollars",
        "euros",
        "km",
        "km²",
        "sq km",
        "°C",
        "ft",
        "+",
        "or more",
        "plus",
        "x",
        "people",
        "\u017f",
        "K",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_SUFFIX_PIECES, max_size=6).map("".join), st.data())
def test_no_suffix_pattern_matches_where_their_union_does_not(
    text: str, data: st.DataObject
) -> None:
    end = data.draw(st.integers(0, len(text)))
    at = data.draw(st.integers(0, end))
    if numbers._ANY_SUFFIX.match(text, at, end) is None:
        assert all(p.match(text, at, end) is None for p in numbers._SUFFIXES)


# The regex engine, ignoring case, also equates "ſ" (long s) with "s", "ı" (dotless i) with
# "i" and "K" (Kelvin sign) with "k", letters that ``lower()`` keeps apart.
_ODD_LETTERS = {"s": "ſ", "i": "ı", "k": "\u212a"}


def _odd_spelling(phrase: str, which: list[bool]) -> str:
    """``phrase`` with the letters chosen by ``which`` spelled by their unusual equivalents."""
    out, n = [], 0
    for c in phrase:
        if c in _ODD_LETTERS:
            out.append(_ODD_LETTERS[c] if which[n % len(which)] else c)
            n += 1
        else:
            out.append(c)
    return "".join(out)


def _reading(text: str) -> list[tuple[str, tuple[int, int], float, float, str, str, int]]:
    return [
        (q.kind.value, (q.span.start, q.span.end), q.low, q.high, q.unit, q.qualifier, q.lead)
        for q in read_quantities(text)
    ]


def test_a_qualifier_spelled_with_a_long_s_is_read_like_the_ordinary_spelling() -> None:
    assert _reading("ſome 33 people died.") == _reading("some 33 people died.")
    assert _reading("33 or ſo died.") == _reading("33 or so died.")
    assert _reading("5 ſeconds, 5 euroſ") == _reading("5 seconds, 5 euros")


_ODD_PHRASES = [
    *(f"{q} 33 people" for q in numbers.QUALIFIERS if q not in ("+", "~", "or more", "or so")),
    "33 or more",
    "33 or so",
    "33-plus",
    *(f"33 {u}" for u in numbers.UNITS),
    *(f"33 {c}" for c in numbers._CURRENCY_WORDS),
]
#: Names the start pattern may not equate with their unusual spellings: only no crash asked.
_ODD_NAMES = [
    *(f"on {d} 3 people" for d in numbers.WEEKDAYS),
    *(f"3 {m.capitalize()} 2020" for m in numbers.MONTHS),
]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_ODD_PHRASES), st.lists(st.booleans(), min_size=1, max_size=6))
def test_qualifiers_and_units_with_unusual_letters_read_like_the_ordinary_spelling(
    phrase: str, which: list[bool]
) -> None:
    odd = _odd_spelling(phrase, which)
    assert _reading(odd) == _reading(phrase)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(_ODD_NAMES), st.lists(st.booleans(), min_size=1, max_size=6))
def test_names_with_unusual_letters_never_crash(phrase: str, which: list[bool]) -> None:
    assert all(q.low == q.low for q in read_quantities(_odd_spelling(phrase, which)))


def _longest_first(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """The straightforward alternation :func:`numbers._alt` stands for: longest word first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_VOCABULARIES = [
    list(numbers.UNITS),
    list(numbers._CURRENCY_WORDS),
    list(numbers.QUALIFIERS),
    numbers._TENS,
    numbers._UNITS19,
    numbers._ORD_UNITS,
    numbers._ORD_TEENS + numbers._ORD_TENS + ["hundredth"],
]
#: What follows an alternation in the patterns: lookaheads, word ends, end of text.
_AFTER = [r"(?![\w²])", r"\b", r"[ \t\u00a0]*$", r"(?:[-‐ ](?:one|two))?(?![\w])", ""]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(range(len(_VOCABULARIES))),
    st.sampled_from(_AFTER),
    st.sampled_from([0, re.VERBOSE]),
    st.data(),
)
def test_the_trie_alternation_matches_like_the_longest_first_alternation(
    which: int, after: str, flags: int, data: st.DataObject
) -> None:
    words = _VOCABULARIES[which]
    pieces = st.one_of(
        st.sampled_from(words),
        st.sampled_from(words).map(str.upper),
        st.sampled_from(words).map(lambda w: w[: max(1, len(w) - 1)]),
        st.sampled_from(words).map(lambda w: w.replace("s", "ſ").replace("k", "\u212a")),
        st.sampled_from([" ", "-", "²", "s", "a", "1", "\n", "/", " one", "-two"]),
    )
    text = "".join(data.draw(st.lists(pieces, max_size=6)))
    after = after.replace(" ", r"\ ") if flags else after
    trie = re.compile(rf"(?i:(?P<w>{numbers._alt(words)}){after})", flags)
    plain = re.compile(rf"(?i:(?P<w>{_longest_first(words)}){after})", flags)
    for at in range(len(text) + 1):
        a, b = trie.match(text, at), plain.match(text, at)
        assert (a and (a.span(), a.span("w"))) == (b and (b.span(), b.span("w")))
    a, b = trie.search(text), plain.search(text)
    assert (a and (a.span(), a.span("w"))) == (b and (b.span(), b.span("w")))


@pytest.mark.parametrize(
    "text",
    [
        "above the 2019 record of",
        "hurt in the 2023 crash.",
        "the 1998 final was",
        "A 2019 study found",
        "since the 2017 failed coup.",
        "after the 2016 disputed election,",
        "a 2011 failed bid for",
    ],
)
def test_a_year_before_a_singular_noun_is_a_year(text: str) -> None:
    assert [k for k, *_ in read(text)] == ["year"]


@pytest.mark.parametrize(
    "text",
    [
        "the 1800 staff",
        "the 1500 people",
        "the 2000 homes",
        "300 dead and 1800 injured",
        "the 1800 injured",
        "40 dead and 1900 missing",
        "the 1500 head of cattle",
        "A 2000 strong crowd",
        "of 1900 displaced",
        "the 1800 displaced families",
        "the 1800 injured were",
        "the 1800 killed last week",
        "the 1800 injured so far",
        "the 1800 killed each year",
        "the 2000 evacuated families",
        "the 1800 displaced were",
        "the 1600 arrested overnight",
        "The 1800 armed militia withdrew",
        "The 1800 displaced sleep in tents",
        "the 2000 evacuated want to return",
        "their 1800 vote margin",
    ],
)
def test_a_number_before_a_plural_stays_a_count(text: str) -> None:
    assert [k for k, *_ in read(text)][-1] == "count"


@pytest.mark.parametrize(
    "text",
    [
        "Profit Up 18% in Third Quarter",
        "in the 3rd quarter",
        "won a second term",
        "the 21st century",
        "in the fourth round",
        "the second reading of the bill",
    ],
)
def test_an_ordinal_naming_a_period_is_not_a_rank(text: str) -> None:
    assert [k for k, *_ in read(text) if k == "ordinal"] == []


@pytest.mark.parametrize(
    ("text", "written", "k", "n"),
    [
        ("about two in three flights", "two in three", 2, 3),
        ("at 9 in 10 sites", "9 in 10", 9, 10),
        ("three in every 20 homes", "three in every 20", 3, 20),
    ],
)
def test_so_many_in_so_many_is_a_share(text: str, written: str, k: int, n: int) -> None:
    kind, as_written, low, high, _, unit, _ = one(text)
    assert (kind, as_written, unit) == ("percent", written, "%")
    # Any share nearer to k/n than to (k-1)/n or (k+1)/n.
    assert (low, high) == pytest.approx((100 * (k - 0.5) / n, 100 * (k + 0.5) / n))


@pytest.mark.parametrize(
    "text",
    [
        "scored 2 in 5 minutes",
        "won 3 in 10 games",
        "scored 3 in 4 league games",
        "5 in 3",
        "Fire Kills 3 in 12-Storey Block",
        "arrested 3 in 12 raids",
        "one in 12-storey blocks",
        "one in 10 days",
    ],
)
def test_so_many_in_a_time_is_not_a_share(text: str) -> None:
    assert [k for k, *_ in read(text) if k == "percent"] == []


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("$1.5-billion", "$1.5-billion", 1.5e9),
        ("a $4.5-million ransom", "$4.5-million", 4.5e6),
        ("three-million viewers", "three-million", 3e6),
    ],
)
def test_a_scale_word_after_a_hyphen_scales(text: str, written: str, value: float) -> None:
    _, as_written, low, high, *_ = read(text)[0]
    assert (as_written, low, high) == (written, value, value)


@pytest.mark.parametrize(
    ("text", "value"), [("the ninety ſixth day", 96), ("the twenty-ſecond day", 22)]
)
def test_an_ordinal_with_a_letter_the_pattern_folds_is_read(text: str, value: int) -> None:
    # The case-insensitive pattern matches "ſ" as "s"; the words' values are looked up by key.
    (q,) = list(read_quantities(text))
    assert (q.kind, q.low) == (QKind.ORDINAL, value)
