"""Errors in what the user gave us: configuration, rulebooks, command-line usage (exit 2)."""

from __future__ import annotations

import reprlib
from collections.abc import Iterable
from typing import Any


class UserError(Exception):
    """A mistake in the user's input, reported as ``path:line: message (hint)``, exit code 2."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{hint}"


class _ShortRepr(reprlib.Repr):
    """``repr`` cut to a few items and characters, whatever the depth or size of the value."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel = 2
        self.maxlist = self.maxtuple = self.maxdict = self.maxset = 4
        self.maxstring = self.maxother = 80

    # Values read from YAML are these subclasses, which reprlib would hand to the full repr.
    def repr_LineList(self, x: list[Any], level: int) -> str:
        return self.repr_list(x, level)

    def repr_LineDict(self, x: dict[Any, Any], level: int) -> str:
        return self.repr_dict(x, level)


_short = _ShortRepr()


def value_repr(value: Any) -> str:
    """A user's value for an error message: short, even for a YAML alias bomb."""
    return _short.repr(value)


def did_you_mean(word: Any, choices: Iterable[str]) -> str | None:
    """A hint naming the closest choice, or listing the choices when none is close."""
    options = sorted(str(c) for c in choices)
    word = word[:200] if isinstance(word, str) else value_repr(word)
    import difflib  # only a mistake needs it

    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return f"did you mean {close[0]!r}?"
    if options and len(options) <= 12:
        return "expected one of: " + ", ".join(options)
    return None
