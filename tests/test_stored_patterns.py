"""Patterns rebuilt from their stored compiled form are the patterns ``re.compile`` makes."""

from __future__ import annotations

import _sre
import importlib
import re
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linter import lazypatterns as patterns
from linter.lazypatterns import (
    PATTERN_MODULES,
    adopt_forms,
    compile_pattern,
    compiled_form,
    stored_forms,
)
from tests.conftest import ROOT

for _module in PATTERN_MODULES:
    importlib.import_module(_module)
#: Every pattern the engine defines with ``lazy``, as (pattern, flags).
REGISTERED = sorted(patterns._registered)


@pytest.fixture(autouse=True)
def _no_stored_forms(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test adopts its own forms; the process's own are left as they were."""
    monkeypatch.setattr(patterns, "_stored", {})
    yield


def _observed(pattern: re.Pattern[str]) -> tuple[object, ...]:
    return (pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex))


def test_every_module_that_defines_lazy_patterns_is_listed_for_the_build() -> None:
    defining = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for path in (ROOT / "linter").rglob("*.py")
        if "= lazy(" in path.read_text(encoding="utf-8")
    )
    assert defining == sorted(PATTERN_MODULES)


def test_every_registered_pattern_has_a_stored_form_that_rebuilds_it_exactly() -> None:
    forms = stored_forms()
    assert len(REGISTERED) > 45
    assert sorted(forms) == sorted(patterns._registered)  # with any a test made
    for (source, flags), form in forms.items():
        rebuilt = _sre.compile(source, *form)
        expected = re.compile(source, flags)
        assert rebuilt == expected  # pattern, flags and code
        assert _observed(rebuilt) == _observed(expected)
        assert type(rebuilt) is type(expected)


def test_a_stored_form_holds_only_plain_values() -> None:
    flags, code, groups, groupindex, indexgroup = compiled_form(r"(?P<a>x)(y)(?P<b>z)", re.I)
    assert flags == re.I | re.UNICODE
    assert all(type(op) is int for op in code)
    assert (groups, groupindex, indexgroup) == (3, {"a": 1, "b": 3}, (None, "a", None, "b"))


def test_an_adopted_form_is_built_without_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    source, flags = r"(?P<n>\d+)\s*(?i:percent)", 0
    adopt_forms({(source, flags): compiled_form(source, flags)})

    def refused(*args: object) -> None:
        raise AssertionError("compiled although a form was stored")

    with monkeypatch.context() as refusing:
        refusing.setattr(re, "compile", refused)
        built = compile_pattern(source, flags)
    assert _observed(built) == _observed(re.compile(source, flags))
    assert built.search("up 12 Percent")["n"] == "12"  # type: ignore[index]
    assert patterns._stored == {}  # taken out once used


@pytest.mark.parametrize(
    "form",
    [
        (0, [1, 2, 3], 0, {}, ()),  # code _sre's checker refuses
        (0, "not a list", 0, {}, ()),
        (0, [], -5, {}, ()),
    ],
)
def test_a_form_sre_refuses_falls_back_to_compiling(form: tuple[object, ...]) -> None:
    source = r"ab+c"
    adopt_forms({(source, 0): form})
    assert compile_pattern(source, 0) == re.compile(source)


@pytest.mark.parametrize(
    "forms",
    [None, [("x", 0)], {"x": (0, [], 0, {}, ())}, {("x", 0): (0, [])}, {("x", 0): "form"}],
)
def test_forms_of_the_wrong_shape_are_not_adopted(forms: object) -> None:
    adopt_forms(forms)
    assert patterns._stored == {}
    assert compile_pattern("x") == re.compile("x")


def test_a_missing_form_compiles() -> None:
    adopt_forms({("other", 0): compiled_form("other")})
    assert compile_pattern("x+") == re.compile("x+")
    assert list(patterns._stored) == [("other", 0)]


#: Characters and words the engine's patterns look for, so that random text often matches.
TEXT = st.lists(
    st.sampled_from(
        [
            *"0123456789 ,.-/:%$£€\t\nabcdeilmnoprstuyAMPST",
            *("twenty", "one", "million", "March", "years old", "per cent", "Mr", "Published"),
        ]
    ),
    max_size=40,
).map("".join)


@given(key=st.sampled_from(REGISTERED), text=TEXT)
def test_a_rebuilt_pattern_matches_random_text_as_the_compiled_one(
    key: tuple[str, int], text: str
) -> None:
    source, flags = key
    rebuilt = _sre.compile(source, *compiled_form(source, flags))
    expected = re.compile(source, flags)
    assert [(m.span(), m.groups(), m.groupdict()) for m in rebuilt.finditer(text)] == [
        (m.span(), m.groups(), m.groupdict()) for m in expected.finditer(text)
    ]
    assert bool(rebuilt.fullmatch(text)) == bool(expected.fullmatch(text))
    assert rebuilt.split(text) == expected.split(text)
