"""A deterministic corpus of invented news articles, with a chosen share of each defect.

Every article is built from word lists and a seeded random generator, so the same seed gives
the same bytes on every machine. Plain-text articles follow the seed shape (title,
``Published <date>``, ``Highlights``, ``- `` bullets, body paragraphs under short heading
lines); Markdown articles have front matter, a ``#`` title and ``##`` headings.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path

PLACES = (
    "Korvan",
    "Estmark",
    "Halden Bay",
    "Mirrow",
    "Tessaly Point",
    "Ostreva",
    "Lunde",
    "Varnholt",
    "Brisk Harbour",
    "Calder Vale",
    "Ferrin",
    "Ombrel",
)
PEOPLE = (
    "Ilsa Varnholt",
    "Tomas Reel",
    "Anneke Dovre",
    "Pell Ashcombe",
    "Mara Quillon",
    "Jorun Hesk",
    "Ottoline Brae",
    "Cass Meridew",
)
SUBJECTS = (
    "council",
    "harbour board",
    "school trust",
    "water authority",
    "ferry company",
    "hospital",
    "rail operator",
    "fishing cooperative",
    "museum",
    "power station",
)
EVENTS = (
    "reopens after storm repairs",
    "approves new budget",
    "delays bridge project",
    "opens winter market",
    "cuts evening services",
    "plans flood defences",
    "hires new harbour staff",
    "wins regional award",
)
VERBS = (
    "said",
    "announced",
    "confirmed",
    "warned",
    "estimated",
    "reported",
    "argued",
    "promised",
)
NOUNS = (
    "residents",
    "engineers",
    "traders",
    "officials",
    "volunteers",
    "inspectors",
    "families",
    "drivers",
    "teachers",
    "nurses",
)
THINGS = (
    "the sea wall",
    "the old bridge",
    "the northern road",
    "the town square",
    "the ferry terminal",
    "the pumping station",
    "the main library",
    "the coastal path",
)
HEADINGS = (
    "Roads and Bridges",
    "What Happens Next",
    "A Long Winter",
    "Money and Plans",
    "Voices From the Quay",
    "Repairs Under Way",
    "The Wider Picture",
    "Questions Remain",
    "Looking Ahead",
    "Costs and Delays",
)
LABELS = ("Rewritten Article", "Scenario Analysis", "Article Body", "Final Output")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Defects:
    """The share (0-1) of articles that get each defect."""

    empty_bullet: float = 0.1
    template_label: float = 0.1
    pasted_body: float = 0.05
    repeated_title: float = 0.1
    trailing_blank: float = 0.1
    changed_figure: float = 0.1

    @classmethod
    def none(cls) -> Defects:
        return cls(**{f.name: 0.0 for f in fields(cls)})


OPENERS = (
    "On {day},",
    "Late on {day},",
    "Earlier this year,",
    "By the end of {month},",
    "For the first time since {year},",
    "After weeks of talks,",
    "Despite the cold,",
    "In a short statement,",
    "",
    "",
    "",
)
ACTORS = (
    "the {subject} in {place}",
    "{person}",
    "a spokesperson for the {subject}",
    "{num} {noun}",
    "local {noun}",
    "the head of the {subject}, {person},",
    "inspectors from {place}",
)
CLAIMS = (
    "that work on {thing} would cost {num} thousand crowns",
    "that {num} {noun} had been moved out of {place}",
    "a report on {thing} by {month}",
    "that the {subject} had spent {pct}% of its budget on {thing}",
    "that {thing} would stay closed until {month}",
    "plans to hire {num} {noun} before the winter",
    "a vote on {thing} at the next meeting",
    "that traffic around {thing} fell by {pct}% last {month}",
    "a review of safety checks at {thing}",
    "that the {subject} owed {num} crowns to {noun} in {place}",
    "new rules for {noun} using {thing}",
    "that repairs to {thing} were {pct}% complete",
)
TAILS = (
    "",
    "",
    ", adding that {noun} deserved a clear answer",
    ", a figure disputed by {person}",
    ", according to minutes seen by reporters",
    " after a long dispute with {noun} in {place}",
    ", although no date has been set",
    ", the third such change since {year}",
)


def _sentence(rng: random.Random) -> str:
    parts = [
        rng.choice(OPENERS),
        rng.choice(ACTORS),
        rng.choice(VERBS),
        rng.choice(CLAIMS) + rng.choice(TAILS) + ".",
    ]
    text = " ".join(p for p in parts if p)
    text = text.format(
        noun=rng.choice(NOUNS),
        thing=rng.choice(THINGS),
        day=rng.choice(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")),
        num=rng.randint(2, 900),
        subject=rng.choice(SUBJECTS),
        place=rng.choice(PLACES),
        pct=rng.randint(2, 60),
        person=rng.choice(PEOPLE),
        month=rng.choice(MONTHS),
        year=rng.randint(1950, 2018),
    )
    return text[0].upper() + text[1:]


def _paragraph(
    rng: random.Random, sentences: int | None = None, pool: list[str] | None = None
) -> str:
    """A paragraph of 2-5 sentences; each is also kept in ``pool`` (for the highlights)."""
    made = [_sentence(rng) for _ in range(sentences or rng.randint(2, 5))]
    if pool is not None:
        pool += made
    return " ".join(made)


def _title(rng: random.Random) -> str:
    subject = rng.choice(SUBJECTS)
    return f"{rng.choice(PLACES)} {subject.title()} {rng.choice(EVENTS).title()}"


def article(rng: random.Random, fmt: str, defects: Defects, size: int | None = None) -> str:
    """One article of 3-8 KB (or about ``size`` characters) in ``"text"`` or ``"markdown"``."""
    pasted = rng.random() < defects.pasted_body
    # Room for the last section to overshoot, and for a pasted-again copy, within 8 KB.
    target = size or rng.randint(3000, 5200 if pasted else 6800)
    title = _title(rng)
    day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2019, 2026)
    figure = rng.randint(12, 480)
    noun = rng.choice(NOUNS)
    sections: list[tuple[str, str]] = []
    first = (
        f"{_sentence(rng)} Officials put the number of {noun} affected at {figure}. "
        f"{_sentence(rng)}"
    )
    sections.append(("", first))
    restated = rng.randint(2, 4)
    length = len(title) + 110 * (restated + 1) + len(first) + 60
    pool: list[str] = []
    while length < target:
        heading = rng.choice(HEADINGS)
        body = _paragraph(rng, pool=pool)
        sections.append((heading, body))
        length += len(heading) + len(body) + 4
    # Highlights restate the body, as an editor's summary would: a clean article's figures
    # agree, so every figure finding in the corpus comes from a defect it was given.
    highlights = [
        f"The {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {figure} {noun} were "
        f"affected in {rng.choice(PLACES)}.",
        *rng.sample(pool, min(restated, len(pool))),
    ]

    if rng.random() < defects.changed_figure:
        highlights[0] = highlights[0].replace(str(figure), str(figure + rng.randint(1, 9)), 1)
    bullets = [f"- {h}" for h in highlights]
    if rng.random() < defects.empty_bullet:
        bullets.insert(rng.randint(1, len(bullets)), "-")
    if pasted:
        # The body pasted again, under a template label as the pipeline left it.
        sections += [(LABELS[1] if fmt == "text" else LABELS[0], sections[0][1]), *sections[1:3]]
    label = rng.choice(LABELS) if rng.random() < defects.template_label else None
    repeat_title = rng.random() < defects.repeated_title
    trailing = rng.random() < defects.trailing_blank

    out: list[str] = []
    if fmt == "markdown":
        out += ["---", f"title: {title}", f"date: {year}-{MONTHS.index(month) + 1:02d}-{day:02d}"]
        out += ["---", "", f"# {title}", "", f"Published {day} {month} {year}", ""]
        out += ["## Highlights", "", *bullets, ""]
        if label:
            out += [f"## {label}", ""]
        if repeat_title:
            out += [title, ""]
        for heading, body in sections:
            if heading:
                out += [f"## {heading}", ""]
            out += [body, ""]
        out.pop()
    else:
        out += [title, f"Published {day} {month} {year}", "Highlights", *bullets]
        if label:
            out.append(label)
        if repeat_title:
            out.append(title)
        for heading, body in sections:
            if heading:
                out.append(heading)
            out.append(body)
    text = "\n".join(out) + "\n"
    if trailing:
        text += "\n" * rng.randint(2, 4)
    return text


def articles(
    count: int, seed: int = 1, defects: Defects | None = None
) -> Iterator[tuple[str, str]]:
    """``(file name, text)`` for ``count`` articles, half plain text and half Markdown."""
    rng = random.Random(seed)
    defects = defects if defects is not None else Defects()
    for i in range(count):
        fmt = "markdown" if i % 2 else "text"
        suffix = ".md" if fmt == "markdown" else ".txt"
        yield f"{i // 1000:03d}/article-{i:05d}{suffix}", article(rng, fmt, defects)


def write_corpus(dest: Path, count: int, seed: int = 1, defects: Defects | None = None) -> int:
    """Write ``count`` articles under ``dest`` (in folders of 1,000); the bytes written."""
    total = 0
    for name, text in articles(count, seed, defects):
        path = dest / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    return total


def big_article(size: int, seed: int = 1, fmt: str = "text") -> str:
    """One article of about ``size`` characters: many sections, a few of the usual defects."""
    rng = random.Random(seed)
    return article(rng, fmt, Defects(), size=size)
