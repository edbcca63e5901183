"""A deterministic generator of invented articles with known truth for the figure rules.

Each article has a title, a ``Published`` line, a ``Highlights`` line, 3-5 bullets, an empty
bullet, then body sections (a short heading line and paragraphs). Highlights restate body facts
in other forms (words for digits, qualifiers, rounding, other units, other order) next to
distractors (a total over the past 48 hours, weekdays, times, ages, years). A perturbed article
changes one thing: a highlight figure, a body figure, a part so its sum breaks, or a date; its
truth lists the findings that change must cause, as ``(rule, line)``. All names are invented.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

PLACES = (
    "Esker",
    "Velloch",
    "Quorra",
    "Dellmoor",
    "Harrowgate",
    "Corvane",
    "Brack",
    "Marl",
    "Tessaly",
    "Oburn",
    "Kestle",
    "Pellam",
    "Sarn",
    "Ulvar",
    "Wendmire",
    "Yarrow",
)
REGIONS = (
    "Marrowind",
    "the Tamsin hills",
    "the Ossery plain",
    "the Lachan valley",
    "the Gorse coast",
    "the Hollin marshes",
)
PEOPLE = (
    "Imra Khanal",
    "Dovid Serrat",
    "Anneke Molt",
    "Ravi Ostrand",
    "Lusa Penhale",
    "Tomas Querrin",
    "Hale Vossberg",
    "Mira Castellan",
)
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
_ONES = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def words(n: int) -> str:
    """An integer below 1,000 in words (``one hundred and five``)."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens - 2] + (f"-{_ONES[ones]}" if ones else "")
    hundreds, rest = divmod(n, 100)
    return f"{_ONES[hundreds]} hundred" + (f" and {words(rest)}" if rest else "")


@dataclass
class Fact:
    """One reported fact: its values as the highlights and the body state them."""

    name: str
    hl: dict[str, float]
    body: dict[str, float]
    hl_form: int
    body_form: int
    #: values stated in the highlights (and title): which ones a claim names
    extra: dict[str, object] = field(default_factory=dict)


@dataclass
class Article:
    text: str
    truth: set[tuple[str, int]]
    perturbation: str  # "clean" or what was changed


# -- facts: highlight and body wording ---------------------------------------------------------


def _n(value: float, as_words: bool = False) -> str:
    v = int(value)
    return words(v) if as_words and v < 1000 else f"{v:,}"


def hl_casualties(f: Fact) -> tuple[str, tuple[str, ...]]:
    """The highlight sentence and which values it states."""
    t, c, s = f.hl["total"], f.hl["civ"], f.hl["sec"]
    place = f.extra["place"]
    form = f.hl_form
    if form == 0:
        return (
            f"A series of coordinated attacks on {place} resulted in {_n(t)} deaths, "
            f"including {_n(c)} civilians and {_n(s)} security personnel.",
            ("total", "civ", "sec"),
        )
    if form == 1:
        return (
            f"Attacks on police posts in {place} left {_n(t, True)} people dead, including "
            f"{_n(c)} civilians and {_n(s)} security personnel.",
            ("total", "civ", "sec"),
        )
    if form == 2:
        return (
            f"Gunmen killed {_n(t)} people in {place}, among them {_n(c)} civilians.",
            ("total", "civ"),
        )
    return f"The death toll from the attacks on {place} rose to {_n(t)}.", ("total",)


def body_casualties(f: Fact) -> str:
    t, c, s = f.body["total"], f.body["civ"], f.body["sec"]
    place = f.extra["place"]
    if f.body_form == 0:
        return (
            f"Gunmen struck police posts and a market in {place} on Friday, leaving "
            f"{_n(t)} people dead, including {_n(c)} civilians and {_n(s)} security "
            f"personnel."
        )
    return (
        f"Officials in {place} said {_n(t)} people were killed in the attacks, including "
        f"{_n(c)} civilians and {_n(s)} security personnel, the first of them at 10:04 on "
        f"Friday."
    )


def hl_insurgents(f: Fact) -> tuple[str, tuple[str, ...]]:
    n = f.hl["n"]
    region = f.extra["region"]
    if f.hl_form == 0:
        return (
            f"Security forces launched a counter-offensive in {region}, with {_n(n)} "
            f"insurgents reportedly killed by security forces.",
            ("n",),
        )
    if f.hl_form == 1:
        return f"The army says it killed {_n(n)} fighters in air strikes on {region}.", ("n",)
    return f"Air strikes on {region} killed {_n(n)} insurgents, the army said.", ("n",)


def body_insurgents(f: Fact) -> str:
    n, m = f.body["n"], f.body["m"]
    region = f.extra["region"]
    return (
        f"The army answered with air strikes on {region}, killing {_n(n)} insurgents. "
        f"The military reported that a total of {_n(m)} militants have been killed in the "
        f"past 48 hours."
    )


def hl_escape(f: Fact) -> tuple[str, tuple[str, ...]]:
    k = f.hl["k"]
    place = f.extra["place"]
    if "exact" in f.extra:
        return f"Gunmen stormed the jail at {place}, and {_n(k)} inmates escaped.", ("k",)
    if f.hl_form == 0:
        return (
            f"Gunmen stormed the district jail at {place}, leading to the escape of over "
            f"{_n(k)} inmates.",
            ("k",),
        )
    return f"More than {_n(k, True)} inmates escaped from the jail at {place}.", ("k",)


def body_escape(f: Fact) -> str:
    k, actual = f.body["k"], f.body["actual"]
    place = f.extra["place"]
    if f.body_form == 0:
        return f"A second group attacked the jail at {place}, freeing more than {_n(k)} inmates."
    return f"Prison officials at {place} said {_n(actual)} prisoners escaped during the attack."


def hl_share(f: Fact) -> tuple[str, tuple[str, ...]]:
    p = f.hl["p"]
    if f.hl_form == 0:
        return (
            f"The insurgency now holds ground covering nearly {_n(p)}% of the land area.",
            ("p",),
        )
    if f.hl_form == 1:
        return f"Rebels control {_n(p, True)} per cent of the land area.", ("p",)
    return f"About {_n(p)} percent of the land area is in rebel hands.", ("p",)


def body_share(f: Fact) -> str:
    p = f.body["p"]
    if f.body_form == 0:
        return (
            f"The rebels now control territory covering nearly {_n(p)}% of the land area, "
            f"the largest loss of ground since 1948."
        )
    return (
        f"By the army's own maps, {p - 0.4:.1f}% of the land area is now outside "
        f"government control."
    )


def hl_displaced(f: Fact) -> tuple[str, tuple[str, ...]]:
    x = f.hl["x"]
    millions = round(x / 1e6, 1)
    if f.hl_form == 0:
        return f"About {millions} million people have been displaced by the fighting.", ("x",)
    return f"The fighting has left some {millions} million people displaced.", ("x",)


def body_displaced(f: Fact) -> str:
    x = f.body["x"]
    return (
        f"The relief agency led by {f.extra['person']} says {_n(x)} people have been "
        f"displaced since the offensive began."
    )


def hl_aid(f: Fact) -> tuple[str, tuple[str, ...]]:
    a = f.hl["a"]
    if f.hl_form == 0:
        return f"Donors have pledged a ${a:g}m aid package.", ("a",)
    return f"Donors meeting in {f.extra['place']} agreed a ${a:g} million aid package.", ("a",)


def body_aid(f: Fact) -> str:
    a = f.body["a"]
    return (
        f"At a meeting in {f.extra['place']}, donors agreed an emergency aid package of "
        f"${a:g}m, {f.extra['person']}, 27, told reporters."
    )


def hl_stretch(f: Fact) -> tuple[str, tuple[str, ...]]:
    km = f.hl["km"]
    miles = round(km / 1.609344)
    if f.hl_form == 0:
        return f"Engineers are rebuilding a {miles}-mile stretch of the border fence.", ("km",)
    return f"Engineers are rebuilding a {km:g} km stretch of the border fence.", ("km",)


def body_stretch(f: Fact) -> str:
    km = f.body["km"]
    return (
        f"Engineers have begun rebuilding a {km:g}km stretch of the border fence, a "
        f"39-year-old foreman said."
    )


def hl_curfew(f: Fact) -> tuple[str, tuple[str, ...]]:
    day, month = int(f.hl["day"]), MONTHS[int(f.hl["month"]) - 1]
    if f.hl_form == 0:
        return f"A 24-hour curfew in {f.extra['place']} will be lifted on {day} {month}.", ("day",)
    return f"The curfew in {f.extra['place']} ends on {month} {day}.", ("day",)


def body_curfew(f: Fact) -> str:
    day, month = int(f.body["day"]), MONTHS[int(f.body["month"]) - 1]
    return (
        f"The governor said the 24-hour curfew in {f.extra['place']} would be lifted on "
        f"{day} {month}, the 21st day of restrictions."
    )


RENDER = {
    "casualties": (hl_casualties, body_casualties, 4, 2, "The attacks"),
    "insurgents": (hl_insurgents, body_insurgents, 3, 1, "The response"),
    "escape": (hl_escape, body_escape, 2, 2, "The jailbreak"),
    "share": (hl_share, body_share, 3, 2, "Background"),
    "displaced": (hl_displaced, body_displaced, 2, 1, "The displaced"),
    "aid": (hl_aid, body_aid, 2, 1, "Aid"),
    "stretch": (hl_stretch, body_stretch, 2, 1, "The border"),
    "curfew": (hl_curfew, body_curfew, 2, 1, "Restrictions"),
}


def make_fact(name: str, rng: random.Random) -> Fact:
    place, region, person = rng.choice(PLACES), rng.choice(REGIONS), rng.choice(PEOPLE)
    extra: dict[str, object] = {"place": place, "region": region, "person": person}
    if name == "casualties":
        c, s = rng.randint(5, 40), rng.randint(3, 30)
        values = {"total": float(c + s), "civ": float(c), "sec": float(s)}
    elif name == "insurgents":
        n = rng.randint(20, 120)
        values = {"n": float(n), "m": float(n + rng.randint(15, 60))}
    elif name == "escape":
        k = rng.choice((20, 30, 40, 50, 60))
        values = {"k": float(k), "actual": float(k + rng.randint(1, 9))}
    elif name == "share":
        values = {"p": float(rng.randint(20, 70))}
    elif name == "displaced":
        values = {"x": float(rng.randint(1100, 1900) * 1000 + rng.randint(0, 999))}
    elif name == "aid":
        values = {"a": rng.choice((2.5, 4.5, 7.5, 12.0, 30.0))}
    elif name == "stretch":
        values = {"km": float(rng.choice((16, 24, 40, 48, 80)))}
    else:
        values = {"day": float(rng.randint(1, 20)), "month": float(rng.randint(1, 12))}
    _, _, hl_forms, body_forms, _ = RENDER[name]
    fact = Fact(
        name, dict(values), dict(values), rng.randrange(hl_forms), rng.randrange(body_forms), extra
    )
    # When the body gives the exact count, the highlight says it exactly or as "more than".
    if name == "escape" and fact.body_form == 1 and rng.random() < 0.5:
        fact.extra["exact"] = True
        fact.hl["k"] = fact.body["actual"]
    return fact


# -- articles ----------------------------------------------------------------------------------


def _render(
    facts: list[Fact], highlighted: list[Fact], order: list[int], title: str, date: str
) -> tuple[str, dict[str, int], dict[str, int]]:
    """The article text, the line of each highlighted fact, and the body line of each fact."""
    lines = [title, f"Published {date}", "Highlights"]
    hl_line: dict[str, int] = {}
    for f in highlighted:
        sentence, _ = RENDER[f.name][0](f)
        lines.append(f"- {sentence}")
        hl_line[f.name] = len(lines)
    lines.append("-")
    body_line: dict[str, int] = {}
    for i in order:
        f = facts[i]
        lines.append(RENDER[f.name][4])
        lines.append(RENDER[f.name][1](f))
        body_line[f.name] = len(lines)
    return "\n".join(lines) + "\n", hl_line, body_line


def generate(seed: int, clean: int, perturbed: int) -> list[Article]:
    """``clean`` unchanged articles and ``perturbed`` articles with one change each."""
    rng = random.Random(seed)
    articles = [_article(rng, perturb=False) for _ in range(clean)]
    while len(articles) < clean + perturbed:
        article = _article(rng, perturb=True)
        if article.truth:
            articles.append(article)
    return articles


def _article(rng: random.Random, *, perturb: bool) -> Article:
    names = rng.sample(sorted(RENDER), rng.randint(4, 6))
    facts = [make_fact(n, rng) for n in names]
    highlighted = rng.sample(facts, min(len(facts), rng.randint(3, 5)))
    order = list(range(len(facts)))
    rng.shuffle(order)
    place = rng.choice(PLACES)
    cas = next((f for f in facts if f.name == "casualties"), None)
    title_total = cas is not None and cas in highlighted and rng.random() < 0.3
    date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2026"
    if not perturb:
        title = _title(place, cas if title_total else None)
        text, _, _ = _render(facts, highlighted, order, title, date)
        return Article(text, set(), "clean")
    change = rng.choice(("highlight", "body", "part", "date"))
    truth: set[tuple[str, int]] = set()
    target = _pick_target(change, highlighted, rng)
    if target is None:
        return Article("", set(), change)
    fact, side, key = target
    title = _title(place, cas if title_total else None)  # the title keeps the first value
    values = fact.hl if side == "hl" else fact.body
    values[key] = _changed(fact, key, values[key], change, rng)
    if fact.name == "insurgents" and side == "body" and key == "n":
        values["m"] = max(values["m"], values["n"] + 10)  # keep the 48-hour total larger
    text, hl_line, body_line = _render(facts, highlighted, order, title, date)
    # What the change must cause: a claim stating the changed value now disagrees ...
    if fact in highlighted:
        _, stated = RENDER[fact.name][0](fact)
        if key in stated or (fact.name == "escape" and key == "actual"):
            truth.add(("figure-mismatch", hl_line[fact.name]))
        if fact.name == "casualties" and key == "total" and title_total and side == "body":
            truth.add(("figure-mismatch", 1))
    # ... and a list of parts that no longer fits its total.
    if fact.name == "casualties":
        if side == "hl" and fact in highlighted:
            _, stated = RENDER[fact.name][0](fact)
            parts = sum(fact.hl[k] for k in ("civ", "sec") if k in stated)
            if "civ" in stated and parts > fact.hl["total"]:
                truth.add(("figure-arithmetic", hl_line[fact.name]))
        if side == "body" and fact.body["civ"] + fact.body["sec"] > fact.body["total"]:
            truth.add(("figure-arithmetic", body_line[fact.name]))
    return Article(text, truth, f"{change}:{fact.name}.{key}@{side}")


def _title(place: str, casualties: Fact | None) -> str:
    if casualties is not None:
        return f"{_n(casualties.hl['total'])} Killed in {place} Raids"
    return f"Unrest Spreads Across {place}"


def _pick_target(
    change: str, highlighted: list[Fact], rng: random.Random
) -> tuple[Fact, str, str] | None:
    if change == "date":
        curfew = [f for f in highlighted if f.name == "curfew"]
        return (curfew[0], rng.choice(("hl", "body")), "day") if curfew else None
    if change == "part":
        cas = [f for f in highlighted if f.name == "casualties"]
        return (cas[0], rng.choice(("hl", "body")), rng.choice(("civ", "sec"))) if cas else None
    candidates = [f for f in highlighted if f.name != "curfew"]
    if not candidates:
        return None
    fact = rng.choice(candidates)
    _, stated = RENDER[fact.name][0](fact)
    side = "hl" if change == "highlight" else "body"
    if fact.name == "escape":
        if side == "body":
            # "more than 30" cannot be contradicted by another "more than": change the count.
            return (fact, side, "actual") if fact.body_form == 1 else None
        fact.extra["exact"] = True  # the highlight now gives a count below the body's floor
    return fact, side, rng.choice(stated)


def _changed(fact: Fact, key: str, value: float, change: str, rng: random.Random) -> float:
    """A new value that contradicts the old one under any fair reading of both sides."""
    if change == "date":
        return float((int(value) + rng.randint(1, 5) - 1) % 28 + 1)
    if change == "part":
        return value + rng.randint(2, 6)
    if fact.name == "escape":
        # Below the body's "more than" floor (or the exact count): a real contradiction.
        return max(1.0, min(value, fact.body["k"]) - rng.randint(12, 18))
    if fact.name == "share":
        return value + rng.choice((-1, 1)) * rng.randint(15, 20)
    if fact.name == "displaced":
        return value + rng.choice((-1, 1)) * 500_000
    if fact.name in ("aid", "stretch"):
        return value * 2
    return max(1.0, value + rng.choice((-1, 1)) * rng.randint(1, 6))
