"""Regular expressions compiled on first use, from a stored compiled form when there is one.

The figures engine has a few dozen patterns, some of them large (every number word, every
unit); compiling them all at import costs milliseconds that a run which reads no figures, or
only some kinds, should not pay. :func:`lazy` stands in for :func:`re.compile` at module level
(the parsers and a few kinds use it too, for their costlier patterns).

Compiling is still most of the cost (about 15 ms for the figures engine's patterns on a first
article), so the compiled built-in rulebook also keeps what Python's compiler makes of every
pattern registered here (:func:`stored_forms`), and a run that loads it rebuilds each pattern
from that with ``_sre.compile`` (:func:`adopt_forms`), which is what ``re.compile`` ends with.
Whatever goes wrong there (no stored form, one that ``_sre`` refuses) falls back to
``re.compile``.
"""

from __future__ import annotations

import _sre
import re
import sys
from collections.abc import Callable, Iterator, MutableMapping
from importlib import import_module
from typing import Any, cast

#: The modules that define patterns with :func:`lazy`: the rulebook build imports them all, so
#: that the stored forms cover every pattern a run may use.
PATTERN_MODULES = (
    "linter.figures.numbers",
    "linter.figures.anchors",
    "linter.figures.analysis",
    "linter.parse.plaintext",
    "linter.parse.roles",
    "linter.kinds.common",
    "linter.kinds.dateline",
    "linter.rulebook",
    "linter.kinds.name_variants",
    "linter.kinds.heading_phrase",
)

#: What ``_sre.compile`` takes after the pattern itself: final flags, code, number of groups
#: (less one), group index and index group.
Form = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

#: (pattern, flags) of every pattern made with :func:`lazy` in this process, in order.
_registered: dict[tuple[str, int], None] = {}
#: Stored forms adopted from the compiled rulebook, by (pattern, flags); each is taken out
#: when its pattern is built, so that its code list is not kept beside the compiled pattern.
_stored: dict[tuple[str, int], Form] = {}


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, rebuilt from its stored form when there is one."""
    form = _stored.pop((pattern, flags), None)
    if form is not None:
        try:
            return cast("re.Pattern[str]", _sre.compile(pattern, *form))
        except Exception:  # a form _sre does not take (it checks the code): compile instead
            pass
    return re.compile(pattern, flags)


def compiled_form(pattern: str, flags: int = 0) -> Form:
    """What ``re.compile(pattern, flags)`` hands ``_sre.compile``, worked out the way
    ``re._compiler.compile`` does it (parse, generate code, map group names both ways)."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    # The opcodes are int subclasses of the compiler's own: plain ints pickle as numbers.
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        flags | parsed.state.flags,
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def stored_forms() -> dict[tuple[str, int], Form]:
    """The compiled form of every registered pattern, each checked to rebuild the very pattern
    ``re.compile`` makes; one that does not (or cannot be worked out) is left out."""
    for module in PATTERN_MODULES:
        import_module(module)
    forms: dict[tuple[str, int], Form] = {}
    for pattern, flags in _registered:
        try:
            form = compiled_form(pattern, flags)
            rebuilt = _sre.compile(pattern, *form)
        except Exception:  # private steps changed in this Python: that pattern compiles
            continue
        expected = re.compile(pattern, flags)
        # Patterns compare equal when their pattern, flags and code are.
        if rebuilt == expected and _same_groups(rebuilt, expected):
            forms[pattern, flags] = form
    return forms


def _same_groups(one: re.Pattern[str], other: re.Pattern[str]) -> bool:
    return one.groups == other.groups and dict(one.groupindex) == dict(other.groupindex)


def adopt_forms(forms: object) -> None:
    """Build patterns from ``forms`` (read back from :func:`stored_forms`) from now on.

    Anything but a mapping of the right keys is ignored: those patterns compile as usual.
    """
    if isinstance(forms, dict):
        _stored.update(
            (key, form)
            for key, form in forms.items()
            if isinstance(key, tuple) and isinstance(form, tuple) and len(form) == 5
        )


#: Texts of patterns made by :func:`built` in this process, by key.
_built: dict[tuple[str, ...], str] = {}
#: Texts adopted from the compiled rulebook (:func:`adopt_texts`), by key.
_stored_texts: dict[tuple[str, ...], str] = {}


def built(key: tuple[str, ...], build: Callable[[], str]) -> str:
    """``build()``: the text of a pattern (or of a part of one) that depends on ``key`` alone,
    taken from the compiled rulebook when it holds that key.

    Some patterns are put together at import from long word lists (the figures engine's tries,
    about 1 ms); the text is a function of the words, so the words are the key.
    """
    text = _stored_texts.get(key)
    if text is None:
        text = build()
    _built[key] = text
    return text


def stored_texts() -> dict[tuple[str, ...], str]:
    """Every text made with :func:`built` by the modules in :data:`PATTERN_MODULES`."""
    for module in PATTERN_MODULES:
        import_module(module)
    return dict(_built)


def adopt_texts(texts: object) -> None:
    """Take :func:`built`'s texts from ``texts`` (read back from :func:`stored_texts`) from
    now on; anything but a mapping of tuples of text to text is ignored."""
    if isinstance(texts, dict):
        _stored_texts.update(
            (key, text)
            for key, text in texts.items()
            if isinstance(key, tuple)
            and all(isinstance(k, str) for k in key)
            and isinstance(text, str)
        )


class LazyPattern:
    """A pattern not compiled yet, under a module-level name.

    Its first use compiles it and puts the compiled pattern under that name in the module, so
    code that looks the name up afterwards (every hot path) gets the compiled pattern itself
    and pays nothing for the laziness. A reference taken before that still works: each use
    goes to the pattern compiled the first time.
    """

    __slots__ = ("_compiled", "_name", "_namespace", "flags", "pattern")

    def __init__(
        self, namespace: MutableMapping[str, Any], name: str, pattern: str, flags: int
    ) -> None:
        self._namespace = namespace
        self._name = name
        self.pattern = pattern
        self.flags = int(flags)
        self._compiled: re.Pattern[str] | None = None
        _registered[pattern, self.flags] = None

    @property
    def name(self) -> str:
        """The module-level name the compiled pattern is put under."""
        return self._name

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern, now also under :attr:`name` in the module."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = compile_pattern(self.pattern, self.flags)
            self._namespace[self._name] = compiled
        return compiled

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().search(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled().findall(string, pos, endpos)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        return self.compiled().sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[Any]:
        return self.compiled().split(string, maxsplit)


def lazy(
    namespace: MutableMapping[str, Any], name: str, pattern: str, flags: int = 0
) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used; ``namespace`` and ``name``
    are the module's ``globals()`` and the name the result is assigned to."""
    return cast("re.Pattern[str]", LazyPattern(namespace, name, pattern, flags))
