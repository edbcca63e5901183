"""Safe YAML loading that remembers where each mapping key was written, for error messages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any


class LineDict(dict):  # type: ignore[type-arg]
    """A mapping read from YAML that knows the 1-based line of itself and of each key."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.line = 0
        self.key_lines: dict[Any, int] = {}

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):  # type: ignore[type-arg]
    """A sequence read from YAML that knows its 1-based line."""

    line: int = 0


def _construct_mapping(loader: Any, node: Any) -> LineDict:
    import yaml

    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "found an unhashable key", key_node.start_mark
            ) from None
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: Any, node: Any) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    return result


def _construct_timestamp(loader: Any, node: Any) -> Any:
    """A date or time as pyyaml reads it, or, for one that cannot exist (``2026-02-30``), the
    text as written: a rule can then say what is wrong with it."""
    import yaml

    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, AttributeError):
        # AttributeError: a "!!timestamp" tag on text that is no timestamp at all.
        return loader.construct_scalar(node)


@cache
def _loaders() -> tuple[type, type | None]:
    """The pure-Python loader that records lines, and the same on libyaml's C parser if any.

    Built on first use: a run whose config and rules need no YAML parsing (no config file, the
    built-in rulebook already compiled) never imports pyyaml.
    """
    import yaml

    class _Loader(yaml.SafeLoader):
        """SafeLoader (no tags that build objects) that records line numbers."""

    mapping_tag = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG
    sequence_tag = yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG
    timestamp_tag = "tag:yaml.org,2002:timestamp"
    _Loader.add_constructor(mapping_tag, _construct_mapping)
    _Loader.add_constructor(sequence_tag, _construct_sequence)
    _Loader.add_constructor(timestamp_tag, _construct_timestamp)
    if not getattr(yaml, "__with_libyaml__", False):
        return _Loader, None

    class _CLoader(yaml.CSafeLoader):  # type: ignore[name-defined,misc]
        """The same safe loader on libyaml's C parser: several times faster."""

    _CLoader.add_constructor(mapping_tag, _construct_mapping)
    _CLoader.add_constructor(sequence_tag, _construct_sequence)
    _CLoader.add_constructor(timestamp_tag, _construct_timestamp)
    return _Loader, _CLoader


@dataclass(frozen=True, slots=True)
class YamlError(Exception):
    """A YAML file that cannot be read, with the place and the parser's own reason."""

    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


def load_yaml(text: str, path: str) -> Any:
    """Parse YAML text safely; raise :class:`YamlError` with file and line on bad syntax."""
    import yaml

    loader, fast = _loaders()
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)
        except (yaml.YAMLError, RecursionError):
            pass  # the pure-Python parser below gives the error its usual wording and line
    try:
        return yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        reason = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
        raise YamlError(path, line, f"invalid YAML: {reason}") from None
    except yaml.YAMLError as exc:
        raise YamlError(path, 1, f"invalid YAML: {exc}") from None
    except RecursionError:
        raise YamlError(path, 1, "invalid YAML: nested too deeply to read") from None
    except (ValueError, OverflowError, AttributeError, TypeError) as exc:
        # A value a constructor cannot build; pyyaml gives no place for it.
        raise YamlError(path, 1, f"invalid YAML: {exc}") from None
