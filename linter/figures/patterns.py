"""Regular expressions compiled on first use.

The figures engine has a few dozen patterns, some of them large (every number word, every
unit); compiling them all at import costs milliseconds that a run which reads no figures, or
only some kinds, should not pay. :func:`lazy` stands in for :func:`re.compile` at module level.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, MutableMapping
from typing import Any, cast


class LazyPattern:
    """A pattern not compiled yet, under a module-level name.

    Its first use compiles it and puts the compiled pattern under that name in the module, so
    code that looks the name up afterwards (every hot path) gets the compiled pattern itself
    and pays nothing for the laziness. A reference taken before that still works: each use
    goes through :func:`re.compile`, which keeps compiled patterns in its own cache.
    """

    __slots__ = ("_name", "_namespace", "flags", "pattern")

    def __init__(
        self, namespace: MutableMapping[str, Any], name: str, pattern: str, flags: int
    ) -> None:
        self._namespace = namespace
        self._name = name
        self.pattern = pattern
        self.flags = flags

    @property
    def name(self) -> str:
        """The module-level name the compiled pattern is put under."""
        return self._name

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern, now also under :attr:`name` in the module."""
        compiled = re.compile(self.pattern, self.flags)
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


def lazy(
    namespace: MutableMapping[str, Any], name: str, pattern: str, flags: int = 0
) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used; ``namespace`` and ``name``
    are the module's ``globals()`` and the name the result is assigned to."""
    return cast("re.Pattern[str]", LazyPattern(namespace, name, pattern, flags))
