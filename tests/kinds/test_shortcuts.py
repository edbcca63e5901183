"""Shortcuts that skip work (prefilters, candidate generation) report what the full work does.

Each property runs a kind's quick path and its exhaustive path on small random articles built
from words chosen to collide (near-identical names, possessives, titles, sentence starts), and
requires the same findings.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.kinds import get_kind
from linter.kinds.name_variants import NameVariants, _occurrences, _possible_words
from linter.options import parse_options
from linter.parse import parse

_NAMES = [
    "Berglund",
    "Berglind",
    "Berglund's",
    "Johnson",
    "Johnston",
    "Mossfeldt",
    "Mosfeldt",
    "Anders",
    "Palestine",
    "Palestinian",
    "President",
    "Minister",
    "Abc'Def",
    "Anne-Marie",
    "Officials",
]
_WORDS = ["the", "said", "and", "met", "in", "at", "noon", "later", "https://x.org/A", "`Code`"]
_PUNCT = ["", "", "", ".", ",", ":", "-", "'", '"', "(", ")", "\t", " "]

_token = st.one_of(st.sampled_from(_NAMES), st.sampled_from(_WORDS))
_line = st.lists(
    st.tuples(_token, st.sampled_from(_PUNCT)).map(lambda t: t[0] + t[1]), max_size=12
).map(" ".join)
_article = st.tuples(
    st.lists(_line, min_size=1, max_size=8),
    st.sampled_from(["text", "markdown"]),
    st.sampled_from(["\n", "\n\n", "\n- "]),
)


def _doc(parts: tuple[list[str], str, str]):  # type: ignore[no-untyped-def]
    lines, fmt, joint = parts
    text = "Harbour Reopens" + joint + joint.join(lines) + "\n"
    return parse(text, "a.md" if fmt == "markdown" else "a.txt", fmt)


@settings(max_examples=300, deadline=None)
@given(_article, st.sampled_from([70, 85, 95]), st.sampled_from([3, 5]))
def test_name_variants_prefilter_drops_no_finding(parts, similarity, min_length) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(parts)
    kind = get_kind("name-variants")
    options = parse_options(
        kind.options_type, {"similarity": similarity, "min-length": min_length}, path="t", line=1
    )
    assert {o.word for o in _occurrences(doc)} <= _possible_words(doc)
    assert list(kind.check(doc, options)) == list(NameVariants._findings(doc, options))


def test_name_variants_prefilter_lets_a_real_variant_through() -> None:
    doc = parse(
        "Title\nThe mayor met Anders Berglund at noon.\n\nLater, Anders Berglind left.\n", "a.txt"
    )
    kind = get_kind("name-variants")
    options = parse_options(kind.options_type, {}, path="t", line=1)
    assert NameVariants._may_find(doc, options)
    assert [doc.position(f.span.start) for f in kind.check(doc, options)] == [(4, 15)]
