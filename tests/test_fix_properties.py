"""Properties of fixing, on random articles built from the shapes pipelines leave behind.

The articles are assembled from a title, a dateline, highlights with bullets and empty bullets,
template labels, body paragraphs and headings, runs pasted again, blank runs, and CRLF line
endings, in plain text and Markdown.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from linter.config import load_config
from linter.engine import lint
from linter.fixes import applicable, fix_bytes, fix_text
from linter.parse import parse

CONFIG = load_config(None, isolated=True)

TITLES = ["Floods Cut Off Three Villages in Dornach", "Ferry Strike Ends After Nine Days"]
DATELINES = ["Published 2 March 2026", "Updated 14 November 2026, 09:40"]
BULLETS = [
    "- Rivers rose two metres overnight, the regional office said.",
    "- About 400 residents spent the night in the Dornach sports hall.",
    "- The ferry union accepted a 6% pay rise after nine days of talks.",
    "* Crossings to the islands resume on Monday morning.",
]
EMPTY = ["-", "- ", "*", "•"]
LABELS = [
    "Rewritten Article",
    "Scenario Analysis",
    "Article Body:",
    "Here is the rewritten article:",
]
HEADINGS = ["Roads Closed", "What Comes Next", "Talks Resume", "A Long Night"]
PARAGRAPHS = [
    "Water from the Dorn river rose two metres overnight and cut the only road to the upper "
    "villages, leaving about 1,200 people without a way out, the regional office said.",
    "Rescue crews used boats to reach farms on the valley floor. No one was hurt, but "
    "dozens of animals were lost and three bridges will need to be checked before they reopen.",
    "The ferry union and the operator signed the agreement late on Sunday. Crossings to the "
    "four islands will run to the winter timetable until the end of the month.",
    "Shops on the islands had run short of fresh food by the end of the strike, and the "
    "council sent two supply boats under a temporary permit from the harbour office.",
    "Officials said the river was falling slowly.",
]

line = st.one_of(
    st.sampled_from(BULLETS),
    st.sampled_from(EMPTY),
    st.sampled_from(LABELS),
    st.sampled_from(HEADINGS),
    st.sampled_from(PARAGRAPHS),
    st.just(""),
    st.just("   "),
)


@st.composite
def articles(draw: st.DrawFn) -> tuple[bytes, str]:
    """Article bytes and a file name (whose suffix picks the format)."""
    markdown = draw(st.booleans())
    title = draw(st.sampled_from(TITLES))
    lines = [f"# {title}" if markdown else title]
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(DATELINES)))
    body = draw(st.lists(line, max_size=14))
    if body and draw(st.booleans()):  # a run pasted again, maybe under another label
        i = draw(st.integers(0, len(body) - 1))
        j = draw(st.integers(i + 1, len(body)))
        extra = draw(st.lists(st.sampled_from(LABELS + HEADINGS + EMPTY), max_size=1))
        body += extra + body[i:j]
    if draw(st.booleans()):  # the repeated title
        body.insert(draw(st.integers(0, len(body))), f"## {title}" if markdown else title)
    lines += body
    if markdown:
        lines = [ln if ln.strip() else "" for ln in lines]
        lines = [f"## {ln}" if ln in HEADINGS else ln for ln in lines]
        lines = [part for ln in lines for part in (ln, "")]  # blocks apart, as Markdown has them
    text = "\n".join(lines) + draw(st.sampled_from(["", "\n", "\n\n\n", "\n \n"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    data = text.replace("\n", newline).encode("utf-8")
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    return data, "article.md" if markdown else "article.txt"


def _fixed(data: bytes, name: str, unsafe: bool = False) -> bytes:
    outcome = fix_bytes(data, name, CONFIG, unsafe=unsafe)
    errors = [d for d in outcome.report.diagnostics if d.rule.endswith("-error")]
    assert not errors, errors[0].message
    return outcome.new


@given(articles(), st.booleans())
def test_fixing_never_crashes_and_keeps_encoding_and_line_endings(
    article: tuple[bytes, str], unsafe: bool
) -> None:
    data, name = article
    new = _fixed(data, name, unsafe)
    assert new.startswith(b"\xef\xbb\xbf") == data.startswith(b"\xef\xbb\xbf")
    if b"\r\n" in data:
        assert new.count(b"\n") == new.count(b"\r\n")
    if data.split(b"\n")[-1].strip():  # a last line of text without a newline keeps it so
        assert not new.endswith(b"\n")


@given(articles(), st.booleans())
def test_fixing_twice_equals_fixing_once(article: tuple[bytes, str], unsafe: bool) -> None:
    data, name = article
    once = _fixed(data, name, unsafe)
    assert _fixed(once, name, unsafe) == once


@given(articles())
def test_no_safe_fix_remains_after_fixing(article: tuple[bytes, str]) -> None:
    data, name = article
    text = _fixed(data, name).decode("utf-8-sig")
    left = lint(parse(text, name), CONFIG.rules)
    assert [d for d in left if applicable(d, CONFIG.known, unsafe=False)] == []


@given(articles(), st.booleans())
def test_every_line_no_finding_flagged_survives_in_order(
    article: tuple[bytes, str], unsafe: bool
) -> None:
    data, name = article
    text = data.decode("utf-8-sig").replace("\r\n", "\n")
    result = fix_text(text, name, CONFIG, unsafe=unsafe)
    doc = parse(text, name)
    flagged: set[int] = set()
    for span in result.flagged:  # what any pass flagged, placed in the original text
        last = doc.line_of(max(span.start, span.end - 1))
        flagged.update(range(doc.line_of(span.start), last + 1))
    kept = [
        doc.line_text(n)
        for n in range(1, doc.line_count + 1)
        if n not in flagged and doc.line_text(n).strip()
    ]
    fixed = iter(result.text.split("\n"))
    assert all(any(line == other for other in fixed) for line in kept), "a line was lost"


@given(articles())
def test_crlf_fixes_like_lf(article: tuple[bytes, str]) -> None:
    data, name = article
    lf = data.replace(b"\r\n", b"\n")
    assert _fixed(data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"), name) == _fixed(
        lf, name
    ).replace(b"\n", b"\r\n")
