"""Turn a YAML mapping of kebab-case options into a kind's typed, frozen options record."""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal

import regex

from linter.errors import UserError, did_you_mean, value_repr
from linter.patterns import Pattern, compile_user_pattern
from linter.yamlsource import LineDict


def kebab(name: str) -> str:
    return name.replace("_", "-")


def option_names(options_type: type) -> list[str]:
    return [kebab(f.name) for f in dataclasses.fields(options_type)]


def describe_type(tp: Any) -> str:
    """A reader's name for an option type, for docs and error messages."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is Literal:
        return " | ".join(repr(a) for a in args)
    if origin in (types.UnionType, typing.Union):
        return " | ".join(describe_type(a) for a in args if a is not type(None)) + " (optional)"
    if origin is tuple:
        return f"list of {describe_type(args[0])}"
    if origin is dict:
        return f"mapping of {describe_type(args[0])} to {describe_type(args[1])}"
    if tp is str:
        return "text"
    if tp is bool:
        return "true/false"
    if tp is int:
        return "whole number"
    if tp is float:
        return "number"
    if tp is re.Pattern or origin is re.Pattern or tp is Pattern:
        return "regular expression"
    return getattr(tp, "__name__", str(tp))


def parse_options(
    options_type: type,
    raw: Mapping[str, Any] | None,
    *,
    path: str,
    line: int,
    base: Any = None,
) -> Any:
    """Build ``options_type`` from ``raw``; unknown keys and wrong types raise :class:`UserError`.

    ``base`` is an existing options record whose values are kept for keys ``raw`` leaves out.
    """
    raw = raw or {}
    hints = typing.get_type_hints(options_type)
    fields = {kebab(f.name): f for f in dataclasses.fields(options_type)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        key_line = raw.line_of(key) if isinstance(raw, LineDict) else line
        if key not in fields:
            raise UserError(
                f"unknown option {value_repr(key)}",
                path=path,
                line=key_line,
                hint=did_you_mean(key, fields),
            )
        field = fields[key]
        values[field.name] = _coerce(value, hints[field.name], key, path, key_line)
        _check_limits(field, values[field.name], hints[field.name], key, path, key_line)
    if base is not None:
        return dataclasses.replace(base, **values)
    try:
        return options_type(**values)
    except TypeError as exc:  # a required option is missing
        missing = [
            kebab(f.name)
            for f in dataclasses.fields(options_type)
            if f.name not in values
            and f.default is dataclasses.MISSING
            and f.default_factory is dataclasses.MISSING
        ]
        raise UserError(
            f"missing option(s): {', '.join(missing) or exc}", path=path, line=line
        ) from None


def describe_limits(field: dataclasses.Field[Any]) -> str:
    """The range a numeric option allows ('from 0 to 100', 'of at least 1'), or ''."""
    low, high = field.metadata.get("minimum"), field.metadata.get("maximum")
    if low is not None and high is not None:
        return f"from {low:g} to {high:g}"
    if low is not None:
        return f"of at least {low:g}"
    if high is not None:
        return f"of at most {high:g}"
    return ""


def _check_limits(
    field: dataclasses.Field[Any], value: Any, tp: Any, key: str, path: str, line: int
) -> None:
    """A number outside its option's range, or a blank entry where text must say something,
    stops the run: such a rule would never fire, or fire everywhere."""
    low, high = field.metadata.get("minimum"), field.metadata.get("maximum")
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number and ((low is not None and value < low) or (high is not None and value > high)):
        kind = describe_type(tp).removesuffix(" (optional)")
        raise UserError(
            f"option {value_repr(key)} must be a {kind} {describe_limits(field)}, "
            f"not {value_repr(value)}",
            path=path,
            line=line,
        )
    if not field.metadata.get("nonblank"):
        return
    blank: str | None = None
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, str) and not v.strip() and k.strip():
                raise UserError(
                    f"option {value_repr(key)} maps {value_repr(k)} to empty text {value_repr(v)}",
                    path=path,
                    line=line,
                )
        blank = next((k for k in value if isinstance(k, str) and not k.strip()), None)
    elif isinstance(value, tuple):
        blank = next((v for v in value if isinstance(v, str) and not v.strip()), None)
    elif isinstance(value, str) and not value.strip():
        blank = value
    if blank is not None:
        raise UserError(
            f"option {value_repr(key)} has an empty entry {value_repr(blank)}",
            path=path,
            line=line,
        )


def _fail(key: str, value: Any, tp: Any, path: str, line: int) -> UserError:
    return UserError(
        f"option {value_repr(key)} must be {describe_type(tp)}, not {value_repr(value)}",
        path=path,
        line=line,
    )


def _coerce(value: Any, tp: Any, key: str, path: str, line: int) -> Any:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (types.UnionType, typing.Union):
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _coerce(value, inner[0], key, path, line)
    if origin is Literal:
        if value not in args:
            hint = did_you_mean(str(value), [str(a) for a in args])
            raise UserError(
                f"option {value_repr(key)} must be {describe_type(tp)}, not {value_repr(value)}",
                path=path,
                line=line,
                hint=hint,
            )
        return value
    if origin is tuple:
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            value = [value]
        if not isinstance(value, list):
            raise _fail(key, value, tp, path, line)
        return tuple(_coerce(v, args[0], key, path, line) for v in value)
    if origin is dict:
        if not isinstance(value, dict):
            raise _fail(key, value, tp, path, line)
        return {
            _coerce(k, args[0], key, path, line): _coerce(v, args[1], key, path, line)
            for k, v in value.items()
        }
    if tp is bool:
        if not isinstance(value, bool):
            raise _fail(key, value, tp, path, line)
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _fail(key, value, tp, path, line)
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _fail(key, value, tp, path, line)
        return float(value)
    if tp is str:
        if isinstance(value, bool) or value is None or isinstance(value, list | dict):
            raise _fail(key, value, tp, path, line)
        return str(value)
    if tp is re.Pattern or typing.get_origin(tp) is re.Pattern:
        if not isinstance(value, str):
            raise _fail(key, value, tp, path, line)
        try:
            return re.compile(value)
        except re.error as exc:
            raise UserError(
                f"option {value_repr(key)}: invalid regular expression {value_repr(value)}: {exc}",
                path=path,
                line=line,
            ) from None
    if tp is Pattern:
        if not isinstance(value, str):
            raise _fail(key, value, tp, path, line)
        try:
            compiled = compile_user_pattern(value)
        except regex.error as exc:
            raise UserError(
                f"option {value_repr(key)}: invalid regular expression {value_repr(value)}: {exc}",
                path=path,
                line=line,
            ) from None
        if _only_empty(value):
            raise UserError(
                f"option {value_repr(key)}: the regular expression {value_repr(value)} can only "
                "match an empty string, so it would never flag anything",
                path=path,
                line=line,
            )
        return compiled
    raise TypeError(f"unsupported option type {tp!r}")  # a bug in a kind, not user input


def _only_empty(source: str) -> bool:
    """Whether a pattern can match nothing but the empty string (``''``, ``^``, ``\\b``).

    Asked of the standard library's parser, which knows every construct's width; a pattern
    in ``regex``-only syntax that it cannot read is given the benefit of the doubt.
    """
    from re import _parser  # the parser behind `re`, already imported with it

    try:
        return bool(_parser.parse(source).getwidth()[1] == 0)
    except (re.error, RecursionError, OverflowError, ValueError):
        return False


def option(
    default: Any = dataclasses.MISSING,
    doc: str = "",
    *,
    factory: Any = None,
    minimum: float | None = None,
    maximum: float | None = None,
    nonblank: bool = False,
) -> Any:
    """A kind's option field with its documentation, which ``copydesk explain`` shows.

    A mutable default (a mapping) is given as ``factory`` and left out of the record's hash.
    ``minimum`` and ``maximum`` bound a number; ``nonblank`` refuses empty or whitespace-only
    text (an entry of a list, a key or value of a mapping).
    """
    metadata = {"doc": doc, "minimum": minimum, "maximum": maximum, "nonblank": nonblank}
    if factory is not None:
        return dataclasses.field(default_factory=factory, hash=False, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


def option_doc(field: dataclasses.Field[Any]) -> str:
    return str(field.metadata.get("doc", ""))
