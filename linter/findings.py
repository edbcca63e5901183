"""Records that kinds produce and the engine turns into diagnostics."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from linter.document import Span


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


class FixSafety(StrEnum):
    SAFE = "safe"
    UNSAFE = "unsafe"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text at ``span`` with ``replacement`` (empty to delete)."""

    span: Span
    replacement: str = ""


@dataclass(frozen=True, slots=True)
class Fix:
    """A repair for one finding: edits that touch only what the finding names."""

    edits: tuple[Edit, ...]
    safe: bool = True
    description: str = ""


@dataclass(frozen=True, slots=True)
class Related:
    """Another place a finding refers to (the first copy of a duplicate, a body figure)."""

    span: Span
    message: str


_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Finding:
    """What a kind reports: where, the values its message template uses, and an optional fix.

    Field values that are :class:`Span` are rendered by the engine as a line number, or a line
    range such as ``12-23`` when the span crosses lines.
    """

    span: Span
    fields: Mapping[str, Any] = field(default_factory=dict)
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
