"""What a figure counts: the noun phrase it belongs to, what happened to it, and its scope.

``33 deaths`` counts deaths; ``18 civilians`` counts civilians; ``leaving 33 people dead`` and
``33 people were killed`` count deaths too (``people`` says nothing, the predicate does);
``killing 92 insurgents`` counts insurgents, killed; ``the death toll rose to 33`` counts deaths,
read backwards; ``44% of the land area`` is a share of the land area. Anchors are matched by
lemma (plain suffix stripping) through synonym groups the rule's options define, so that
``dead``, ``deaths`` and ``killed`` are one thing and ``insurgents`` and ``militants`` another.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from linter.document import Span
from linter.figures.numbers import SMALL_NUMBER_WORD, THRESHOLD_VERBS, QKind, Quantity
from linter.lazypatterns import lazy

# -- words ---------------------------------------------------------------------------------------


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Function words: they end a noun phrase and are skipped when looking for one.
STOPWORDS = _wordset("""
a an the this that these those its their his her our your my of in on at by for from with
without to into onto over under about around after before during since until than as and or
but nor so yet if when while where which who whom whose what whether was were is are be been
being am has have had do does did will would shall should can could may might must not no also
only just even still both each every all some any more most less few several many much such
other another own same very too there here then now again ever never per via up down out off
against among between through across along including include includes included reportedly
allegedly according said says say told it they them he she we you i said say says whereas
nearly almost roughly approximately estimated least high long wide tall deep away old large
thick heavy higher lower total overall respectively alone apiece each later earlier since
overnight today yesterday tonight tomorrow ago last next previous
""")
#: Words in front of a count that say nothing about what is counted ("33 more deaths").
PREMODIFIERS = _wordset("more other additional further new extra confirmed reported")
#: Verbs in the past (or "says") without an -ed: after a noun, they end its phrase
#: ("one in five patients came from ...").
_IRREGULAR_VERBS = _wordset("""
came went took made said says fell rose left got gave saw won lost ran held kept told found
paid sold shut met led grew drew knew began became fought brought bought sought built sent
spent stood broke chose spoke wrote drove flew threw goes comes gets
""")
#: Auxiliaries and adverbs that may sit between a counted noun and what happened to it.
_AUX = _wordset("""
were was have has had been being are is all also reportedly allegedly later already who now
since believed thought feared confirmed to have be who subsequently eventually ultimately
""")
#: Verbs and linking words between a subject and its figure ("the toll rose to 33").
_LINKING = _wordset("""
rose risen rise rises climbed jumped increased fell fall falls dropped declined reached hit stood
stands stand is was were are at to of now has had have been totalled totaled totals numbered
topped exceeded passed surpassed approached neared be will become became put estimated set more
than over nearly almost about around some just up by
""")
#: Verbs between an event and its date ("the curfew ends on 4 May").
_DATE_VERBS = _wordset("""
set held due end ends begin begins start starts expire expires run runs open opens close closes
take takes place effect come comes go goes fall falls
""")
#: Nouns a figure is rarely *of*: "the number of dead", "the death toll".
CONTAINERS = _wordset("toll tally number total count figure figures")
#: Determiners between "of" and the whole a part is counted in ("66 of the 101 seats").
_PARTITIVE_WHOLE = _wordset("the its their these those")
#: Words that refuse to be the thing counted ("33 of them").
_PARTITIVE_NEXT = _wordset("the them those whom which these its their his her our")

#: Words, numerals and single marks; emphasis marks ("**33** seats", "_all_") are passed
#: over, as the reader sees no mark there.
_TOKEN = lazy(
    globals(), "_TOKEN", r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d[\d,.:]*|[^\sA-Za-z\d*_]"
)
_BACK_WINDOW = 80
_FORWARD_WINDOW = 90


@lru_cache(maxsize=8192)
def lemma(word: str) -> str:
    """A crude lemma: lower case, no possessive, common English suffixes stripped.

    Cached: the same few thousand words come back in every article.
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ing") and len(w) > 5:
        return w[:-3]
    if w.endswith("ed") and len(w) > 4:
        return w[:-2]
    if w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def stem(lemma_: str) -> str:
    """What of a lemma every ASCII word with that lemma contains, in lower case.

    :func:`lemma` only lower-cases a word, cuts it at both ends and, for ``-ies``, puts a ``y``
    back: all of the lemma but a final ``y`` is part of the word.
    """
    return lemma_[:-1] if lemma_.endswith("y") else lemma_


def phrase_lemma(phrase: str) -> str:
    return " ".join(lemma(w) for w in phrase.split())


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Synonym groups and generic nouns, by lemma; built once per rule configuration."""

    #: lemma (or space-joined lemmas of a phrase) -> group name
    groups: Mapping[str, str]
    #: lemmas of nouns that count nothing in particular ("people")
    generic: frozenset[str]
    #: longest phrase in ``groups``, in words
    longest: int = 1
    #: first lemma of a phrase in ``groups`` -> the lengths of those phrases, longest first
    lengths: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    #: group name -> for each of its phrases, the stem (see :func:`stem`) of its longest word
    #: that is not a function word; a stem that holds another is left out
    stems: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, synonyms: Mapping[str, Iterable[str]], generic: Iterable[str]) -> Lexicon:
        groups: dict[str, str] = {}
        longest = 1
        for name, words in synonyms.items():
            for word in (name, *words):
                key = phrase_lemma(word)
                groups.setdefault(key, name)
                longest = max(longest, key.count(" ") + 1)
        lengths: dict[str, set[int]] = {}
        stems: dict[str, set[str]] = {}
        for key, name in groups.items():
            first = key.split(" ")[0]
            lengths.setdefault(first, set()).add(key.count(" ") + 1)
            # A phrase is read only where all its words are: one of them will do, and the
            # longest that is not a function word is the rarest.
            words = key.split(" ")
            rare = [w for w in words if w not in STOPWORDS] or words
            stems.setdefault(name, set()).add(stem(max(rare, key=len)))
        return cls(
            groups,
            frozenset(lemma(g) for g in generic),
            longest,
            {first: tuple(sorted(ns, reverse=True)) for first, ns in lengths.items()},
            {name: _fewest(found) for name, found in stems.items()},
        )

    def stems_of(self, key: str) -> frozenset[str]:
        """Stems one of which any ASCII text holding an anchor with this ``key`` contains, in
        lower case: the key's own, and, for a group, one for each of its phrases."""
        return self.stems.get(key, frozenset()) | {stem(key)}

    def group(self, lemma_: str) -> str:
        return self.groups.get(lemma_, "")


def _fewest(stems: set[str]) -> frozenset[str]:
    """``stems`` without those that contain another: a text holding one holds the other."""
    return frozenset(s for s in stems if not any(t != s and t in s for t in stems))


@dataclass(frozen=True, slots=True)
class Anchor:
    """What a figure counts."""

    span: Span  # the anchor words as written (noun phrase, and its predicate if read)
    head: str  # lemma of the head word ("personnel"), or of the predicate for generic nouns
    key: str  # what is counted: a synonym group, or the head lemma
    event: str = ""  # what happened to them, as a synonym group ("death"), if said
    grouped: bool = False  # key is a synonym group (not a bare lemma)


# -- reading ---------------------------------------------------------------------------------


def _tokens(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text, start, end))


def _is_word(tok: str) -> bool:
    return tok[0].isalpha()


def find_anchor(q: Quantity, text: str, lo: int, hi: int, lexicon: Lexicon) -> Anchor | None:
    """The anchor of ``q`` within ``text[lo:hi]`` (its sentence), or None when unclear."""
    if q.kind is QKind.WEEKDAY:
        return None
    if q.kind in (QKind.DATE, QKind.YEAR, QKind.TIME):
        return _backward_subject(q, text, lo, lexicon, skip_verbs=True)
    if q.kind is QKind.AGE:
        before = text[max(lo, q.span.start - 40) : q.span.start]
        name = re.search(r"\b([A-Z][\w'’-]+),[ \t]+$", before)
        if name:
            start = q.span.start - len(before) + name.start(1)
            word = name.group(1)
            return Anchor(Span(start, start + len(word)), lemma(word), lemma(word))
        if not text[q.span.start : q.span.end].lower().endswith("old"):
            return _backward_subject(q, text, lo, lexicon, skip_verbs=True)
    anchor = _forward(q, text, hi, lexicon)
    if anchor is not None and anchor.head == "point" and not anchor.grouped:
        # "Turnout fell six points": points are what a change of a share is counted in; what
        # changed is the subject before the verb, and two changes in points are of it.
        change = _CHANGE.search(text, max(lo, q.full_span.start - 24), q.full_span.start)
        if change is not None:
            subject = _backward_subject(
                q, text, lo, lexicon, skip_verbs=False, before=change.start()
            )
            if subject is not None:
                key = f"{subject.key} point"
                return Anchor(Span(subject.span.start, anchor.span.end), "point", key)
    if anchor is not None:
        return anchor
    return _after_event(q, text, lo, lexicon) or _backward_subject(
        q, text, lo, lexicon, skip_verbs=False
    )


def _after_event(q: Quantity, text: str, lo: int, lexicon: Lexicon) -> Anchor | None:
    """A figure with nothing it counts after it, right after a verb that says what happened
    ("killed 11 people and injured 130"): it counts those the verb happened to."""
    start = q.full_span.start
    end = start
    while end > lo and text[end - 1].isspace():
        end -= 1
    word = _last_word(text, max(lo, start - 24), start)
    if word is None or not text.endswith(word, lo, end):
        return None
    group = lexicon.group(lemma(word))
    if not group:
        return None
    return Anchor(Span(end - len(word), end), group, group, "", True)


def _forward(q: Quantity, text: str, hi: int, lexicon: Lexicon) -> Anchor | None:
    toks = _tokens(text, q.span.end, min(hi, q.span.end + _FORWARD_WINDOW))
    i = 0
    if toks and toks[0].group().lower() == "of":
        if q.kind is QKind.COUNT or q.kind is QKind.ORDINAL:
            # "66 of the 101 seats": a part of the whole that follows, counted in its noun.
            i = 2 if len(toks) > 2 and toks[1].group().lower() in _PARTITIVE_WHOLE else 1
            if q.kind is QKind.ORDINAL or i >= len(toks) or not toks[i].group()[0].isdigit():
                return None  # "33 of them", "the third of the ...": a part of something else
            i += 1
        else:
            i = 1
            while i < len(toks) and toks[i].group().lower() in _PARTITIVE_NEXT | {"a", "an", "all"}:
                i += 1
    while i < len(toks) and toks[i].group().lower() in PREMODIFIERS:
        i += 1
    # The noun phrase: up to four words that are not function words; after its first word,
    # an -ed or -ing word is a verb ("inmates escaped"), so it ends the phrase.
    run: list[re.Match[str]] = []
    while i < len(toks) and len(run) < 4:
        tok = toks[i].group()
        low = tok.lower()
        if not _is_word(tok) or low in STOPWORDS:
            break
        if run and (
            (low.endswith(("ed", "ing")) and lemma(low) not in lexicon.generic)
            or low in _IRREGULAR_VERBS
        ):
            break
        if run and lemma(run[-1].group()) in lexicon.generic:
            break  # "people dead": the predicate is read as the event below
        run.append(toks[i])
        i += 1
    event, event_end = _event(toks, i, lexicon)
    if not run:
        if event:
            # "33 were killed", "with 33 killed": the predicate is all there is.
            return Anchor(Span(toks[0].start(), event_end), event, event, "", True)
        return None
    head = lemma(run[-1].group())
    end = run[-1].end()
    # The verb in front (_event_before) is read only when nothing after the figure says
    # what happened.
    if head in lexicon.generic:
        if event:
            return Anchor(Span(run[0].start(), event_end), head, event, "", True)
        before_event = _event_before(q, text, lexicon)
        if before_event:
            # "killing 33 people": the verb in front says what is counted.
            return Anchor(Span(run[0].start(), end), head, before_event, "", True)
        return None  # "33 people" alone counts nothing we can match
    key, grouped = _key(run, lexicon)
    if key in CONTAINERS:
        return None
    if event:
        return Anchor(Span(run[0].start(), event_end), head, key, event, grouped)
    return Anchor(Span(run[0].start(), end), head, key, _event_before(q, text, lexicon), grouped)


def _key(run: list[re.Match[str]], lexicon: Lexicon) -> tuple[str, bool]:
    """The group of the longest phrase ending at the head, or the head's lemma."""
    lemmas = [lemma(t.group()) for t in run]
    for n in range(min(len(lemmas), lexicon.longest), 0, -1):
        group = lexicon.group(" ".join(lemmas[-n:]))
        if group:
            return group, True
    return lemmas[-1], False


def _event(toks: list[re.Match[str]], i: int, lexicon: Lexicon) -> tuple[str, int]:
    """A synonym group said of the noun just read ("were reportedly killed"), and its end."""
    skipped = 0
    while i < len(toks) and skipped <= 4:
        tok = toks[i].group()
        low = tok.lower()
        if not _is_word(tok):
            return "", 0
        # Only phrases that start with this word's lemma can match here, longest first.
        for n in lexicon.lengths.get(lemma(tok), ()):
            if n > len(toks) - i:
                continue
            group = lexicon.group(" ".join(lemma(t.group()) for t in toks[i : i + n]))
            if group:
                return group, toks[i + n - 1].end()
        if low in _AUX or low.endswith("ly"):
            i += 1
            skipped += 1
            continue
        if low == "lost" and i + 2 < len(toks):
            i += 1  # "lost their lives": the group word comes two words on
            skipped += 1
            continue
        if low == "their":
            i += 1
            skipped += 1
            continue
        return "", 0
    return "", 0


#: The characters of a :data:`_TOKEN` word token (ASCII letters, apostrophes and hyphens).
WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'’-")


def _is_ascii_letter(c: str) -> bool:
    return "a" <= c <= "z" or "A" <= c <= "Z"


def _event_before(q: Quantity, text: str, lexicon: Lexicon) -> str:
    """A verb right before the figure that says what happened ("killing 92 insurgents")."""
    start = q.full_span.start
    word = _last_word(text, max(0, start - 24), start)
    return "" if word is None else lexicon.group(lemma(word))


def _last_word(text: str, lo: int, end: int) -> str | None:
    """The last token of ``text[lo:end]`` if it is a word (as :func:`_is_word` says), else None.

    The last of ``_tokens(text, lo, end)``, found without reading the others: every character
    but whitespace and emphasis marks is in a token, so the last token ends at the last such
    character. Any character there but an ASCII letter ends a token of one character or of
    digits; an ASCII letter ends a word token, which starts at the first letter of the run of
    word characters it ends.
    """
    while end > lo and (text[end - 1].isspace() or text[end - 1] in "*_"):
        end -= 1
    if end == lo:
        return None
    last = text[end - 1]
    if not _is_ascii_letter(last):
        return last if last.isalpha() else None
    start = end - 1
    while start > lo and text[start - 1] in WORD_CHARS:
        start -= 1
    while not _is_ascii_letter(text[start]):
        start += 1  # an apostrophe or hyphen in front of the first letter is a token of its own
    return text[start:end]


def _backward_subject(
    q: Quantity,
    text: str,
    lo: int,
    lexicon: Lexicon,
    *,
    skip_verbs: bool,
    before: int | None = None,
) -> Anchor | None:
    """The noun a figure is said of, read backwards within its clause (from ``before``, a
    verb already passed over, if given).

    ``the death toll rose to 33``, ``turnout was 44%``, ``the vote was held on 7 May``; a
    change stated before the level reached is passed over (``profit rose 33% to £212m``).
    """
    start = q.full_span.start if before is None else before
    skipped = 0 if before is None else 1
    if not skip_verbs and before is None:
        change = _CHANGE_THEN_TO.search(text, max(lo, start - 60), start)
        if change is not None:
            start = change.start()
            skipped = 1  # "to" was passed over with the change
    toks = _tokens(text, max(lo, start - _BACK_WINDOW), start)
    j = len(toks) - 1
    while j >= 0 and skipped <= 6:
        tok = toks[j].group()
        low = tok.lower()
        if not _is_word(tok):
            return None  # the clause ends before any subject is found
        if (
            low in _LINKING
            or low in STOPWORDS
            or (skip_verbs and (low.endswith(("ed", "ing")) or low in _DATE_VERBS))
        ):
            j -= 1
            skipped += 1
            continue
        break
    else:
        return None
    if j < 0:
        return None
    if skipped == 0 and not skip_verbs and not _led_by_verb(q, text):
        # A noun right before a number names it ("level 3", "Route 66", "Phase 2"): that is an
        # identifier, not a count of the noun. Not before a verb read as the figure's
        # qualifier ("sales passed £5bn").
        return None
    # "the death toll from the attacks on Marl rose to 12": the container word is further back.
    for k in range(j - 1, max(-1, j - 8), -1):
        tok = toks[k].group()
        if not _is_word(tok):
            break
        if lemma(tok) in CONTAINERS and k > 0 and _is_word(toks[k - 1].group()):
            j = k
            break
    word = toks[j]
    head = lemma(word.group())
    span_start = word.start()
    if head in CONTAINERS and _counted_after(toks, j):
        # "the number of families affected at 437": what follows "of" is counted.
        counted = toks[j + 2]
        head = lemma(counted.group())
        if head in lexicon.generic or not head.isalpha():
            return None
        group = lexicon.group(head)
        return Anchor(Span(word.start(), counted.end()), head, group or head, "", bool(group))
    if head in CONTAINERS:
        # "the death toll": the modifier says what is counted.
        if j == 0 or not _is_word(toks[j - 1].group()) or toks[j - 1].group().lower() in STOPWORDS:
            return None
        word_before = toks[j - 1]
        head = lemma(word_before.group())
        span_start = word_before.start()
    if head in lexicon.generic or not head.isalpha():
        return None
    group = lexicon.group(head)
    if not group and j > 0 and _is_word(toks[j - 1].group()):
        group = lexicon.group(f"{lemma(toks[j - 1].group())} {head}")
    return Anchor(Span(span_start, word.end()), head, group or head, "", bool(group))


#: A change, then "to", right before a level: "33% to", "by £9.40 a week to", "2.5 points to",
#: "six points to".
_CHANGE_THEN_TO = lazy(
    globals(),
    "_CHANGE_THEN_TO",
    rf"(?i:(?<![\w.,])(?:by[ \t]+)?(?:(?:US\$|[$£€¥])?\d[\d,.]*|{SMALL_NUMBER_WORD})"
    r"(?:[ \t]*%|[ \t]*(?:per[ \t]?cent|percent|(?:percentage[ \t]+)?points?|[mbk]n?|million"
    r"|billion|p|pence|cents?)\b)?(?:[ \t]+(?:a|per)[ \t]+(?:day|week|month|year))?"
    r"[ \t]+to[ \t]+$)",
)


def _led_by_verb(q: Quantity, text: str) -> bool:
    """Whether ``q``'s qualifier is a verb ("passed £5bn", see :data:`THRESHOLD_VERBS`)."""
    lead = text[q.full_span.start : q.span.start].split()
    return bool(lead) and lead[0].lower() in THRESHOLD_VERBS


def _counted_after(toks: list[re.Match[str]], j: int) -> bool:
    """Whether the container word at ``j`` is followed by ``of`` and a content word."""
    return (
        j + 2 < len(toks)
        and toks[j + 1].group().lower() == "of"
        and _is_word(toks[j + 2].group())
        and toks[j + 2].group().lower() not in STOPWORDS
    )


# -- scope -----------------------------------------------------------------------------------

_NUMBERISH = r"(?:\d+|[a-z]+(?:-[a-z]+)?)"
_SCOPE = lazy(
    globals(),
    "_SCOPE",
    rf"""(?ix)
    \b(?:in|over|during|within|for)\s+the\s+(?P<rel>past|last|previous|preceding|first|next
        |coming|same)\s+(?:{_NUMBERISH}\s+)?(?P<unit>hours?|days?|weeks?|months?|years?
        |decades?|fortnight|weekend|period|quarter|half)\b
    |\bsince\s+(?P<since>(?:the\s+)?(?:start|beginning)\s+of\s+(?:the\s+)?\w+|last\s+\w+
        |(?-i:[A-Z]\w+)|\d{{4}})
    |\b(?P<this>this|last|next|previous)\s+(?P<this_unit>year|month|week|weekend|season
        |quarter|decade|spring|summer|autumn|winter)\b
    |\b(?P<per>a|per|each|every)\s+(?P<per_unit>day|week|month|year|hour)\b
    |\b(?P<adv>daily|annually|weekly|monthly|hourly|year-on-year|year-to-date|previously
        |cumulatively)\b
    |\b(?P<each>(?:in|on|for|at|to)\s+(?:each|every|either)\s+(?!(?:day|week|month|year
        |hour)s?\b)[a-z]+|each\s+way|apiece|per\s+(?:head|person|capita|household|pupil
        |child|adult|patient|resident|member|side))\b
    |\bin\s+(?P<in_year>(?:1[5-9]|20)\d\d)\b
    |\b(?:a|one|two|three)\s+(?:years?|months?|weeks?|decades?)\s+(?P<ago>ago|earlier|before)\b
    |\bso\s+far\s+this\s+(?P<so_far>\w+)
    """,
)
_PRIOR = lazy(
    globals(),
    "_PRIOR",
    # "than in 2024": the year compared with is no time of the figures.
    r"(?i:\b(?:from|compared\s+(?:with|to)|than|versus|vs\.?)"
    r"(?:[ \t]+(?:in|on|at|during))?[ \t]+$)",
)
#: Right before a figure that states a change or a difference, not a level: "up by a
#: quarter", "fell 3.2%", "a rise of 5%", "lost seven seats", "a margin of four", "another
#: six", "a further 200" ("rose to 5%" states the level reached).
_CHANGE = lazy(
    globals(),
    "_CHANGE",
    r"(?i:\b(?:(?:(?<!made )(?<!make )(?<!makes )(?<!making )(?<!ended )(?<!end )"
    r"(?<!summed )up|(?<!broken )(?<!broke )(?<!break )(?<!narrowed )(?<!whittled )down"
    r"|rose|risen|rises?|fell|fallen|falls?|grew|grown|grows?|increased|increases?|decreased"
    r"|decreases?|dropped|drops?|climbed|climbs?|jumped|jumps?|slid|slipped|declined"
    r"|declines?|surged|soared|plunged|plummeted|tumbled)(?:[ \t]+by)?"
    r"|(?:increase|rise|fall|drop|decline|jump|gain|cut|reduction)[ \t]+of"
    r"|(?:margin|majority|lead|gap)(?:[ \t]+(?:of|was|is|at))?(?:[ \t]+(?:just|only))?"
    r"|another|(?:a|an)[ \t]+(?:further|additional|extra))[ \t]+$)",
)
#: A difference stated after its figure and at most one word of what it counts ("3.1 points
#: lower than last year", "five fewer beds", "two goals ahead", "3 points apart"), or an
#: increment, right after its figure ("six more days", "200 extra police"; not "25 people
#: more quickly", "25 homes more than a mile away"): a change, not a level.
_COMPARED = lazy(
    globals(),
    "_COMPARED",
    r"(?:(?:[ \t]+[A-Za-z]+)?[ \t]+(?i:lower|higher|fewer|less|greater|smaller|larger"
    r"|cheaper|dearer|ahead|behind|apart)|[ \t]+(?i:more|further|additional|extra))(?![-‐\w])",
)
#: Seats lost or gained ("Labour lost seven seats") are a change; other things lost ("the
#: army lost 33 soldiers") are a count of losses.
_SEATS_SWING = lazy(globals(), "_SEATS_SWING", r"(?i:\b(?:lost|gained|shed)[ \t]+$)")
_SEATS = lazy(globals(), "_SEATS", r"(?i:[ \t]+seats?\b)")
_REL_NORMAL = {"past": "last", "previous": "last", "preceding": "last"}
#: Adverbs of a rate, as the key "a day" and "per day" have.
_PER_ADVERB = {
    "daily": "per day",
    "weekly": "per week",
    "monthly": "per month",
    "annually": "per year",
    "hourly": "per hour",
}


def scopes_in(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Time frames stated in a sentence ``text[start:end]``: (start, end, normalised key)."""
    found = []
    for m in _SCOPE.finditer(text, start, end):
        words = [
            w.lower()
            for w in m.group().split()
            if w.lower() not in ("in", "over", "during", "within", "for", "the")
        ]
        if m.group("per"):
            key = "per " + m.group("per_unit").lower()  # "a day", "each day", "per day"
        elif m.group("adv") and m.group("adv").lower() in _PER_ADVERB:
            key = _PER_ADVERB[m.group("adv").lower()]
        elif m.group("each"):
            key = "each"  # "two lanes in each direction", "each way", "£40 per head"
        else:
            key = " ".join(_REL_NORMAL.get(w, lemma(w)) for w in words)
        found.append((m.start(), m.end(), key))
    return found


_CLAUSE_BREAK = lazy(globals(), "_CLAUSE_BREAK", r"[,;:()—–]| - ")
_INTRO = lazy(globals(), "_INTRO", r"[\s\"“‘(]*$")


def scope_of(
    q: Quantity, text: str, sentence: Span, scopes: list[tuple[int, int, str]]
) -> frozenset[str]:
    """The time frames that apply to ``q``: those in its own clause, and an introductory one
    ("In the past 48 hours, ...") that applies to the whole sentence; ``prior`` for a point
    of comparison, ``change`` for a figure that states a change or a difference ("up 3%",
    "3 points lower"; a level is another figure)."""
    keys = set()
    figure = q.full_span
    for start, end, key in scopes:
        if start <= figure.start < end:
            continue  # the figure is the time frame's own number ("48 hours")
        if _INTRO.match(text, sentence.start, start) and text[end : end + 1] == ",":
            keys.add(key)
            continue
        lo, hi = (end, figure.start) if end <= figure.start else (figure.end, start)
        if _CLAUSE_BREAK.search(text, lo, hi) is None:
            keys.add(key)
    if prior_scope(q, text, sentence.start):
        keys.add("prior")
    start = q.full_span.start
    if (
        _CHANGE.search(text, max(sentence.start, start - 24), start) is not None
        or (
            _SEATS_SWING.search(text, max(sentence.start, start - 8), start) is not None
            and _SEATS.match(text, q.span.end, sentence.end) is not None
        )
        or _COMPARED.match(text, q.full_span.end, sentence.end) is not None
    ):
        keys.add("change")
    return frozenset(keys)


def prior_scope(q: Quantity, text: str, lo: int) -> bool:
    """Whether the figure is a point of comparison ("up from 20", "compared with 12")."""
    start = q.full_span.start
    return _PRIOR.search(text, max(lo, start - 20), start) is not None
