"""required-sections: parts and headings every article must have, optionally in order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from linter.document import Block, Document, Role, Span
from linter.findings import Finding, Related
from linter.kinds.base import Kind
from linter.kinds.common import quote
from linter.options import option
from linter.parse.roles import label_key

RoleName = Literal["title", "dateline", "highlights", "front-matter"]
_ROLE_WORDS = {
    "title": "The title",
    "dateline": "The dateline",
    "highlights": "The highlights",
    "front-matter": "The front matter",
}


@dataclass(frozen=True)
class RequiredSectionsOptions:
    """Options of a ``required-sections`` rule."""

    roles: tuple[RoleName, ...] = option(
        (), "Parts of the article that must be there, as the parser recognises them."
    )
    headings: tuple[str, ...] = option(
        (),
        "Section headings that must be there (matched without case, markup or edge punctuation).",
        nonblank=True,
    )
    in_order: bool = option(False, "The listed headings must also come in the listed order.")


def _first_line(doc: Document) -> Span:
    end = doc.text.find("\n")
    return Span(0, len(doc.text) if end == -1 else end)


class RequiredSections(Kind):
    name = "required-sections"
    options_type = RequiredSectionsOptions
    fields = {
        "section": "what is missing or misplaced, as a sentence subject ('The dateline', "
        "'The \"Background\" section')",
        "name": "the role or heading as the rule lists it",
        "problem": "'is missing', or 'comes before \"X\"' for a heading out of order",
    }
    description = (
        "Checks that the listed roles (title, dateline, highlights, front-matter, as the "
        "parser recognises them) and section headings are present; with 'in-order', that the "
        "headings come in the listed order. A missing part is reported on line 1; a heading out "
        "of order is reported where it stands, pointing at the heading it should follow. Files "
        "with no text at all are left alone."
    )

    def validate(self, options: RequiredSectionsOptions) -> str | None:
        if not options.roles and not options.headings:
            return "give at least one of 'roles' or 'headings'"
        return None

    def check(self, doc: Document, options: RequiredSectionsOptions) -> Iterator[Finding]:
        if not any(b.has_text for b in doc.blocks):
            return
        top = _first_line(doc)
        present = {b.role.value for b in doc.blocks}
        for role in options.roles:
            if role not in present:
                yield Finding(
                    top, {"section": _ROLE_WORDS[role], "name": role, "problem": "is missing"}
                )
        headings: dict[str, Block] = {}
        for block in doc.blocks:
            if block.is_heading and block.role is not Role.TITLE:
                headings.setdefault(label_key(block.text), block)
        found: list[tuple[str, Block]] = []
        for name in options.headings:
            block = headings.get(label_key(name))
            if block is None:
                yield Finding(
                    top,
                    {"section": f'The "{name}" section', "name": name, "problem": "is missing"},
                )
            else:
                found.append((name, block))
        if not options.in_order:
            return
        # Each heading must come after every listed heading before it; report the first
        # heading that stands above one it should follow.
        for i, (name, block) in enumerate(found):
            earlier = [(n, b) for n, b in found[:i] if b.span.start > block.span.start]
            if earlier:
                other = earlier[0][1]
                where = doc.line_of(other.span.start)
                yield Finding(
                    block.span,
                    {
                        "section": f'The "{quote(block.text)}" section',
                        "name": name,
                        "problem": f'comes before "{quote(other.text)}" (line {where})',
                    },
                    related=(Related(other.span, f'"{quote(other.text)}" should come first'),),
                )
