"""The registry of check kinds: the Python behind the rules, one module per kind.

Modules are imported on first use so that a run only pays for the kinds its rules use.
"""

from __future__ import annotations

from importlib import import_module

from linter.kinds.base import Kind

#: kind name -> "module:Class". Explicit, so no code is ever found by scanning folders.
REGISTRY: dict[str, str] = {
    "empty-item": "linter.kinds.empty_item:EmptyItem",
    "heading-phrase": "linter.kinds.heading_phrase:HeadingPhrase",
    "duplicate-blocks": "linter.kinds.duplicate_blocks:DuplicateBlocks",
    "repeated-title": "linter.kinds.repeated_title:RepeatedTitle",
    "trailing-blank": "linter.kinds.trailing_blank:TrailingBlank",
    "empty-section": "linter.kinds.empty_section:EmptySection",
    "existence": "linter.kinds.existence:Existence",
    "substitution": "linter.kinds.substitution:Substitution",
    "required-sections": "linter.kinds.required_sections:RequiredSections",
    "metric": "linter.kinds.metric:Metric",
    "name-variants": "linter.kinds.name_variants:NameVariants",
    "dateline": "linter.kinds.dateline:Dateline",
    "figure-consistency": "linter.kinds.figure_consistency:FigureConsistency",
    "front-matter-yaml": "linter.kinds.front_matter:FrontMatterYaml",
}

_loaded: dict[str, Kind] = {}


def get_kind(name: str) -> Kind:
    """The shared instance of a registered kind (raises KeyError for an unknown name)."""
    kind = _loaded.get(name)
    if kind is None:
        module_name, _, class_name = REGISTRY[name].partition(":")
        kind = getattr(import_module(module_name), class_name)()
        _loaded[name] = kind
    return kind


__all__ = ["REGISTRY", "Kind", "get_kind"]
