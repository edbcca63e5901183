"""Anchors: what a figure counts, in any word order; synonym groups; scopes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.document import Span
from linter.figures.anchors import (
    Lexicon,
    _is_word,
    _last_word,
    _tokens,
    find_anchor,
    lemma,
    scope_of,
    scopes_in,
    stem,
)
from linter.figures.numbers import read_quantities
from linter.kinds.figure_consistency import DEFAULT_GENERIC, DEFAULT_SYNONYMS

LEXICON = Lexicon.build(DEFAULT_SYNONYMS, DEFAULT_GENERIC)


def anchors(text: str) -> list[tuple[str, str, str, str]]:
    """(figure, anchor words, key, event) for each figure with an anchor."""
    out = []
    for q in read_quantities(text):
        a = find_anchor(q, text, 0, len(text), LEXICON)
        if a is not None:
            out.append(
                (text[q.span.start : q.span.end], text[a.span.start : a.span.end], a.key, a.event)
            )
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("resulted in 33 deaths.", ("33", "deaths", "death", "")),
        ("among them 18 civilians.", ("18", "civilians", "civilian", "")),
        ("and 15 security personnel.", ("15", "security personnel", "security personnel", "")),
        ("freeing more than 30 inmates.", ("30", "inmates", "inmate", "escape")),
        ("killing 92 insurgents.", ("92", "insurgents", "militant", "death")),
        (
            "with 92 insurgents reportedly killed by troops.",
            ("92", "insurgents reportedly killed", "militant", "death"),
        ),
        (
            "a total of 133 militants have been killed.",
            ("133", "militants have been killed", "militant", "death"),
        ),
        ("leaving 33 people dead.", ("33", "people dead", "death", "")),
        ("33 people were killed.", ("33", "people were killed", "death", "")),
        ("33 people lost their lives.", ("33", "people lost their lives", "death", "")),
        ("Gunmen killed 33 people.", ("33", "people", "death", "")),
        ("with 33 killed and more hurt.", ("33", "killed", "death", "")),
        ("covering 44% of the land area.", ("44%", "land area", "area", "")),
        ("about 5% of the population fled.", ("5%", "population fled", "population", "escape")),
        ("the death toll rose to 33.", ("33", "death toll", "death", "")),
        ("the death toll from the raids on Marl rose to 33.", ("33", "death toll", "death", "")),
        ("turnout was 44%.", ("44%", "turnout", "turnout", "")),
        ("a 3.5 km stretch of road", ("3.5 km", "stretch", "stretch", "")),
        ("12 Guerillas surrendered.", ("12", "Guerillas", "guerilla", "")),
        ("was jailed for 12 years.", ("12 years", "jailed", "sentence", "")),
        ("At least 31 people drowned.", ("31", "people drowned", "death", "")),
        ("and injured 130.", ("130", "injured", "injury", "")),
        ("in which 14 patients came from abroad.", ("14", "patients", "patient", "")),
    ],
)
def test_anchor_in_each_word_order(text: str, expected: tuple[str, str, str, str]) -> None:
    assert anchors(text) == [expected]


@pytest.mark.parametrize(
    ("text", "figure", "anchor"),
    [
        ("Profit rose 33% to £212 million.", "£212 million", "Profit"),
        ("The pension will rise by £9.40 a week to £230.25.", "£230.25", "pension"),
        ("Turnout fell 2.5 points to 41%.", "41%", "Turnout"),
        ("Its debt climbed by $3bn to $40bn.", "$40bn", "debt"),
    ],
)
def test_a_change_before_the_level_reached_is_passed_over(
    text: str, figure: str, anchor: str
) -> None:
    assert [a[1] for a in anchors(text) if a[0] == figure] == [anchor]


def test_a_part_of_a_stated_whole_counts_what_the_whole_counts() -> None:
    assert anchors("won 66 of the 101 seats.") == [
        ("66", "seats", "seat", ""),
        ("101", "seats", "seat", ""),
    ]
    assert anchors("freed 33 of 40 prisoners.") == [
        ("33", "prisoners", "inmate", "escape"),
        ("40", "prisoners", "inmate", ""),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "33 people attended.",
        "33 of the prisoners escaped.",
        "one of 33.",
        "The ferry used level 33",
        "The river is at level over 33.",
    ],
)
def test_no_anchor_when_unclear(text: str) -> None:
    assert [a for a in anchors(text) if a[0] == "33"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Snow fell to 33 overnight.", "snow"),
        ("The river rose 33 yesterday.", "river"),
        ("Officials counted 33 early voters.", "voter"),
        ("Temperatures reached 33C today.", "temperature"),
        ("The firm hired 33 last year.", None),
        ("The firm will hire 33 next month.", None),
    ],
)
def test_a_time_word_after_a_figure_is_not_what_it_counts(text: str, expected: str | None) -> None:
    assert [a[2] for a in anchors(text) if a[0].startswith("33")] == (
        [expected] if expected else []
    )


def test_dates_years_and_ages_anchor_to_their_subject() -> None:
    assert anchors("The runoff will be held on 21 March.") == [("21 March", "runoff", "runoff", "")]
    assert anchors("The curfew ends on 4 May.") == [("4 May", "curfew", "curfew", "")]
    assert anchors("Sunil Khanal, 27, said.") == [("27", "Khanal", "khanal", "")]
    assert anchors("the worst violence since 1948") == [("1948", "violence", "violence", "")]


def test_weekdays_have_no_anchor() -> None:
    assert anchors("The raid came on Friday.") == []


def test_lemma() -> None:
    assert [
        lemma(w)
        for w in (
            "deaths",
            "injuries",
            "killed",
            "killing",
            "Insurgents",
            "prison's",
            "wounds",
            "churches",
        )
    ] == ["death", "injury", "kill", "kill", "insurgent", "prison", "wound", "church"]


def test_synonym_groups_and_phrases() -> None:
    lexicon = Lexicon.build({"herder": ("herders", "shepherds", "cattle keepers")}, ("people",))
    assert lexicon.group("shepherd") == "herder"
    assert lexicon.group("cattle keeper") == "herder"
    assert lexicon.longest == 2
    assert lexicon.generic == frozenset({"people"})


def scope_for(text: str, figure: str) -> frozenset[str]:
    sentence = Span(0, len(text))
    found = scopes_in(text, 0, len(text))
    q = next(q for q in read_quantities(text) if text[q.span.start : q.span.end] == figure)
    return scope_of(q, text, sentence, found)


def test_time_frames_in_the_clause_scope_a_figure() -> None:
    text = "A total of 133 militants have been killed in the past 48 hours."
    assert scope_for(text, "133") == frozenset({"last 48 hour"})
    assert scope_for("Since January, 40 homes have burned.", "40") == frozenset({"since january"})
    assert scope_for("It was 12 last year.", "12") == frozenset({"last year"})
    assert scope_for("It was 12 this year.", "12") == frozenset({"this year"})


def test_a_time_frame_in_another_clause_does_not() -> None:
    text = "Rebels hold 44% of the land, the largest loss of ground since 1948."
    assert scope_for(text, "44%") == frozenset()


def test_a_rate_has_one_scope_however_written() -> None:
    for text in (
        "It carries 38,000 vehicles a day.",
        "It carries 38,000 vehicles per day.",
        "It carries 38,000 vehicles every day.",
        "It carries 38,000 vehicles daily.",
    ):
        assert scope_for(text, "38,000") == frozenset({"per day"})
    assert scope_for("It costs £18m annually.", "£18m") == frozenset({"per year"})


def test_a_figure_for_each_of_several_is_its_own_scope() -> None:
    for text in (
        "It carries two lanes in each direction.",
        "It carries two lanes in either direction.",
        "It carries two lanes each way.",
        "The tickets cost £40 per head.",
    ):
        figure = "£40" if "£40" in text else "two"
        assert scope_for(text, figure) == frozenset({"each"})
    # "every day" is a rate, not a share out.
    assert scope_for("Crews of 20 worked in every week of the flood.", "20") == frozenset(
        {"per week"}
    )


def test_a_year_compared_with_is_a_point_of_comparison() -> None:
    text = "It had 74,000 more visitors than in 2024."
    assert scope_for(text, "2024") == frozenset({"prior"})
    assert scope_for("It had more visitors compared with 2024.", "2024") == frozenset({"prior"})


def test_a_change_is_its_own_scope() -> None:
    assert scope_for("Uptake is up by a quarter.", "a quarter") == frozenset({"change"})
    assert scope_for("The index fell 3.2% in May.", "3.2%") == frozenset({"change"})
    assert scope_for("It was a rise of 5% on the year.", "5%") == frozenset({"change"})
    assert scope_for("Labour lost seven seats.", "seven") == frozenset({"change"})
    assert scope_for("The winning margin was just four votes.", "four") == frozenset({"change"})
    assert scope_for("It won by a majority of 312.", "312") == frozenset({"change"})
    # A difference stated after the figure and what it counts.
    assert "change" in scope_for("Uptake is 3.1 points lower than last year.", "3.1")
    assert scope_for("There are five fewer beds.", "five") == frozenset({"change"})
    assert scope_for("Rovers are two points ahead.", "two") == frozenset({"change"})
    assert scope_for("They are 3 percentage points apart.", "3 percentage points") == frozenset(
        {"change"}
    )
    # An increment is a change too: what is added, not the level reached.
    assert scope_for("Drivers will strike for six more days.", "six") == frozenset({"change"})
    assert scope_for("It sent 200 extra police.", "200") == frozenset({"change"})
    assert scope_for("Another 6 soldiers were killed.", "6") == frozenset({"change"})
    assert scope_for("A further 12 homes were lost.", "12") == frozenset({"change"})
    assert scope_for("It needs an additional 300 nurses.", "300") == frozenset({"change"})
    assert scope_for("The toll rose to 40 soldiers.", "40") == frozenset()
    # "More" and "further" after what the figure counts are another word's.
    for text in (
        "Police arrested 25 people more quickly than before.",
        "Police arrested 25 people further north.",
        "The fire destroyed 25 homes more than a mile from the river.",
        "The storm injured 25 people more seriously than first thought.",
    ):
        assert scope_for(text, "25") == frozenset()
    assert scope_for("Some 20 or more people were hurt.", "20 or more") == frozenset()
    assert scope_for("It helped 40 lower-income families.", "40") == frozenset()
    assert scope_for("They reached 40 miners trapped behind a rockfall.", "40") == frozenset()
    # Losses of anything but seats are a count of losses.
    assert scope_for("The army lost 33 soldiers.", "33") == frozenset()
    # The level reached is not a change, nor what parts make up.
    assert scope_for("Turnout rose to 55%.", "55%") == frozenset()
    assert scope_for("Oaks made up 41% of them.", "41%") == frozenset()


def test_a_point_of_comparison_is_its_own_scope() -> None:
    assert scope_for("The toll rose to 33, up from 20.", "20") == frozenset({"prior"})
    assert scope_for("The toll rose to 33, up from 20.", "33") == frozenset()


_LEXICON_WORDS = sorted({w for key in LEXICON.groups for w in key.split(" ")})


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "b", "-", "dead", "x"]) | st.sampled_from(_LEXICON_WORDS),
        min_size=1,
        max_size=8,
    ),
    st.lists(
        st.tuples(
            st.sampled_from(["one", "two", "three"]),
            st.lists(st.sampled_from(["a", "b", "-", "dead"]), min_size=1, max_size=3).map(
                " ".join
            ),
        ),
        max_size=4,
    ),
)
def test_phrases_looked_up_by_first_word_are_those_of_every_length(
    words: list[str], extra: list[tuple[str, str]]
) -> None:
    lexicon = LEXICON
    if extra:
        synonyms = {**DEFAULT_SYNONYMS, **{name: (w,) for name, w in extra}}
        lexicon = Lexicon.build(synonyms, DEFAULT_GENERIC)

    def every_length() -> str:
        for n in range(min(lexicon.longest, len(words)), 0, -1):
            group = lexicon.group(" ".join(words[:n]))
            if group:
                return group
        return ""

    def by_first_word() -> str:
        for n in lexicon.lengths.get(words[0], ()):
            if n <= len(words):
                group = lexicon.group(" ".join(words[:n]))
                if group:
                    return group
        return ""

    assert by_first_word() == every_length()


_WORD_PIECES = st.sampled_from(
    [
        *("killing", "killed", "a", "Z", "don't", "-", "--", "'", "’", "x-ray", "'tis", "well-"),
        *("33", "1,000", "3.5", ":", ".", "é", "ß", "²", "٣", "(", "%", "€", "**", "_", "*"),
        *(" ", "  ", "\n", "\t", "\u00a0", "\u2003", ""),
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_WORD_PIECES, max_size=12).map("".join), st.data())
def test_the_last_word_is_that_of_the_tokens(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, end))
    toks = _tokens(text, lo, end)
    expected = toks[-1].group() if toks and _is_word(toks[-1].group()) else None
    assert _last_word(text, lo, end) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("after killing ", "killing"),
        ("after x-ray", "x-ray"),
        ("the ’tis", "tis"),
        ("over well-", None),
        ("of é ", "é"),
        ("rose 1,000", None),
        ("Z", "Z"),
        ("", None),
        (" \u2003", None),
    ],
)
def test_the_last_word(text: str, expected: str | None) -> None:
    assert _last_word(text, 0, len(text)) == expected


def test_each_phrase_of_a_group_is_looked_for_by_its_rarest_word() -> None:
    lexicon = Lexicon.build({"death": ("died", "die", "lost their lives", "fatalities")}, ())
    # "their" is a function word; "died" holds "die"; "fatalities" has the lemma "fatality".
    assert lexicon.stems_of("death") == {"death", "die", "lost", "fatalit"}
    assert lexicon.stems_of("prisoner") == {"prisoner"}
    assert lexicon.stems_of("country") == {"countr"}


@settings(max_examples=300)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'-", min_size=1))
def test_an_ascii_word_holds_the_stem_of_its_lemma(word: str) -> None:
    assert stem(lemma(word)) in word.lower()
