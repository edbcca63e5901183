"""The contract between the engine and a check kind."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import Any, ClassVar

from linter.document import Document
from linter.findings import Finding


class Kind(ABC):
    """One way of checking an article. Rules (YAML) pick a kind and set its options.

    A kind keeps no state between documents: the engine may reuse one instance for many files.
    """

    #: The kind's name as rules spell it (``kind: empty-item``).
    name: ClassVar[str]
    #: A frozen dataclass of the kind's options; YAML spells its fields in kebab-case.
    options_type: ClassVar[type]
    #: The fields a rule's message template may use, with what each holds.
    fields: ClassVar[dict[str, str]] = {}
    #: One paragraph for ``copydesk explain``: what the kind looks at.
    description: ClassVar[str] = ""
    #: Rough cost of all of this kind's rules on a large text, relative to a cheap kind
    #: (measured with ``benchmarks/rule_times.py``). Only used to share one large document's
    #: rules between processes (:mod:`linter.split`), which keeps a kind's rules together
    #: because they often share one analysis of the document.
    cost: ClassVar[float] = 1.0

    def validate(self, options: Any) -> str | None:
        """Why these options cannot work together (a rule that could never fire), or None."""
        return None

    def prepare(self, options: Any) -> Any:
        """What checking with ``options`` first works out for every document (compiled
        patterns, say), or None; the compiled built-in rulebook keeps it, so a run need not."""
        return None

    def adopt(self, options: Any, prepared: Any) -> None:
        """Take back what :meth:`prepare` made for ``options``, read from the compiled
        rulebook; checks with equal options then use it instead of working it out again."""
        return None  # a kind that prepares nothing has nothing to take back

    @abstractmethod
    def check(self, doc: Document, options: Any) -> Iterator[Finding]:
        """Yield the findings for one document."""
