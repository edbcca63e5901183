"""Patterns compiled on first use: named for their variable, compiled into its place."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import ROOT

PROBE = """
import json, re
from linter.figures import analysis, anchors, numbers
from linter.lazypatterns import LazyPattern

found = []
for module in (numbers, anchors, analysis):
    for name, value in list(vars(module).items()):
        if isinstance(value, re.Pattern):
            found.append([module.__name__, name, "compiled at import", ""])
        elif isinstance(value, LazyPattern):
            compiled = value.compiled()
            after = getattr(module, value.name)
            found.append([module.__name__, name, value.name, after is compiled])
print(json.dumps(found))
"""


def test_patterns_compile_on_first_use_into_the_variable_they_are_assigned_to() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, check=True
    )
    found = json.loads(result.stdout)
    assert len(found) > 30
    for module, name, registered, replaced in found:
        assert registered == name, (module, name)
        assert replaced is True, (module, name)


def test_a_pattern_used_before_it_is_compiled_matches_like_the_compiled_one() -> None:
    from linter.lazypatterns import LazyPattern

    namespace: dict[str, object] = {}
    pattern = LazyPattern(namespace, "_P", r"(?i:b+)", 0)
    assert pattern.search("aBbc", 1, 3) is not None
    assert [m.group() for m in pattern.finditer("abba bb")] == ["bb", "bb"]
    assert pattern.match("bb").group() == "bb"  # type: ignore[union-attr]
    assert pattern.fullmatch("bb") is not None and pattern.findall("b a b") == ["b", "b"]
    assert namespace["_P"] is pattern.compiled()


def test_a_pattern_used_before_it_is_compiled_substitutes_and_splits_like_the_compiled_one() -> (
    None
):
    from linter.lazypatterns import LazyPattern

    pattern = LazyPattern({}, "_P", r"[-‐ ]", 0)
    assert pattern.sub("+", "a-b c") == "a+b+c"
    assert pattern.split("twenty-one thousand", 1) == ["twenty", "one thousand"]
    assert pattern.compiled() is pattern.compiled()  # compiled once, then kept


def test_built_texts_are_taken_from_the_store_and_recorded(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from linter import lazypatterns

    monkeypatch.setattr(lazypatterns, "_built", {})
    monkeypatch.setattr(lazypatterns, "_stored_texts", {})
    assert lazypatterns.built(("k", "x"), lambda: "made") == "made"
    lazypatterns.adopt_texts({("k", "y"): "kept", ("bad", 1): "no", "also bad": "no", ("z",): 3})
    assert lazypatterns._stored_texts == {("k", "y"): "kept"}
    assert lazypatterns.built(("k", "y"), lambda: "made") == "kept"
    assert lazypatterns._built == {("k", "x"): "made", ("k", "y"): "kept"}
    lazypatterns.adopt_texts(["not", "a", "mapping"])
    assert lazypatterns._stored_texts == {("k", "y"): "kept"}


def _reference_trie(words: list[str]) -> str:
    # The alternation as it was written before the texts were stored: sorting at every level.
    heads: dict[str, list[str]] = {}
    ends = False
    for word in sorted(set(words)):
        if word:
            heads.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    branches = [re.escape(head) + _reference_trie(rest) for head, rest in heads.items()]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body


def test_every_stored_trie_is_the_trie_of_its_words() -> None:
    from linter import lazypatterns

    texts = lazypatterns.stored_texts()
    tries = {key: text for key, text in texts.items() if key[0] == "trie"}
    assert len(tries) >= 10
    for key, text in tries.items():
        assert text == _reference_trie(list(key[1:]))


@given(st.lists(st.text(alphabet="abcé-. ", max_size=6), max_size=12))
def test_a_trie_is_the_reference_trie(words: list[str]) -> None:
    from linter.figures.numbers import _trie

    assert _trie(words) == _reference_trie(words)
