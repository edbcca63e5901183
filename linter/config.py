"""Configuration: finding the file, validating it, and resolving the rules a run uses.

Looked for, from the current directory up to the repository root: ``.copydesk.yaml``,
``copydesk.yaml``, then ``[tool.copydesk]`` in ``pyproject.toml``. Every key, rule and option
is validated; a mistake stops the run with the file, the line and a suggestion (exit 2).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.engine import ActiveRule
from linter.errors import UserError, did_you_mean
from linter.findings import Severity
from linter.kinds import get_kind
from linter.options import parse_options
from linter.parse.roles import DEFAULT_HIGHLIGHTS_HEADINGS, ArticleOptions
from linter.rulebook import Rule, builtin_rules, load_rulebook_dir
from linter.yamlsource import LineDict, YamlError, load_yaml

CONFIG_NAMES = (".copydesk.yaml", "copydesk.yaml")
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt")
TOP_KEYS = ("fail-on", "include", "exclude", "rulebooks", "highlights-headings", "rules")
RULE_KEYS = ("severity", "off")


@dataclass(frozen=True)
class Config:
    """Everything a run needs to know, resolved and validated."""

    rules: tuple[ActiveRule, ...]
    known: Mapping[str, Rule]
    source: str | None = None
    root: Path = field(default_factory=Path.cwd)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    article: ArticleOptions = field(default_factory=ArticleOptions)


def find_config(start: Path) -> Path | None:
    """The nearest config file from ``start`` up to the repository root (or the file system's)."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_section(pyproject):
            return pyproject
        if (folder / ".git").exists():
            return None
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return "[tool.copydesk" in text


def read_config_file(path: Path, shown: str) -> Mapping[str, Any]:
    """The raw mapping from a config file (YAML, or ``[tool.copydesk]`` in pyproject.toml)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot read config: {exc.strerror or exc}", path=shown) from None
    except UnicodeDecodeError:
        raise UserError("config is not valid UTF-8", path=shown) from None
    if path.name == "pyproject.toml":
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise UserError(
                f"invalid TOML: {exc}", path=shown, line=getattr(exc, "lineno", None)
            ) from None
        section = data.get("tool", {}).get("copydesk")
        if section is None:
            raise UserError("no [tool.copydesk] section", path=shown)
        if not isinstance(section, dict):
            raise UserError("[tool.copydesk] must be a table", path=shown)
        return section
    try:
        data = load_yaml(text, shown)
    except YamlError as exc:
        raise UserError(exc.reason, path=shown, line=exc.line) from None
    if data is None:
        return LineDict()
    if not isinstance(data, dict):
        raise UserError("the config must be a mapping of keys to values", path=shown, line=1)
    return data


def _line(data: Mapping[str, Any], key: str) -> int | None:
    return data.line_of(key) if isinstance(data, LineDict) else None


def _str_list(data: Mapping[str, Any], key: str, shown: str) -> tuple[str, ...]:
    value = data[key]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UserError(f"{key!r} must be a list of text", path=shown, line=_line(data, key))
    return tuple(value)


def load_config(
    path: Path | None = None,
    *,
    cwd: Path | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    fail_on: str | None = None,
    isolated: bool = False,
) -> Config:
    """Find (or take) the config file, validate it and resolve the enabled rules."""
    cwd = cwd or Path.cwd()
    if path is None and not isolated:
        path = find_config(cwd)
    raw: Mapping[str, Any] = LineDict()
    shown: str | None = None
    root = cwd
    if path is not None:
        shown = _display(path, cwd)
        if not path.is_file():
            raise UserError("config file does not exist", path=shown)
        raw = read_config_file(path, shown)
        root = path.resolve().parent
    for key in raw:
        if key not in TOP_KEYS:
            raise UserError(
                f"unknown key {key!r}",
                path=shown,
                line=_line(raw, key),
                hint=did_you_mean(str(key), TOP_KEYS),
            )

    known: dict[str, Rule] = dict(builtin_rules())
    if "rulebooks" in raw:
        for folder in _str_list(raw, "rulebooks", shown or ""):
            known.update(load_rulebook_dir(root / folder, folder, known))

    rules = _resolve_rules(raw.get("rules") or {}, known, shown or "", _line(raw, "rules"))
    rules = _apply_selection(rules, known, select, ignore)
    if not rules:
        raise UserError(
            "no rule is enabled, so nothing would be checked",
            path=shown,
            hint="enable at least one rule, or check --select/--ignore",
        )

    level = fail_on or raw.get("fail-on", "error")
    try:
        fail_level = Severity(level)
    except ValueError:
        raise UserError(
            f"fail-on must be error, warning or info, not {level!r}",
            path=shown,
            line=_line(raw, "fail-on"),
            hint=did_you_mean(str(level), [s.value for s in Severity]),
        ) from None

    article = ArticleOptions(
        highlights_headings=_str_list(raw, "highlights-headings", shown or "")
        if "highlights-headings" in raw
        else DEFAULT_HIGHLIGHTS_HEADINGS,
    )
    return Config(
        rules=tuple(rules),
        known=known,
        source=shown,
        root=root,
        include=_str_list(raw, "include", shown or "") if "include" in raw else DEFAULT_INCLUDE,
        exclude=_str_list(raw, "exclude", shown or "") if "exclude" in raw else (),
        fail_on=fail_level,
        article=article,
    )


def _resolve_rules(
    table: Any, known: Mapping[str, Rule], shown: str, line: int | None
) -> list[ActiveRule]:
    if not isinstance(table, dict):
        raise UserError("'rules' must be a mapping of rule ids to settings", path=shown, line=line)
    settings: dict[str, ActiveRule | None] = {
        rid: ActiveRule(rule, rule.severity, rule.options) for rid, rule in known.items()
    }
    for rid, value in table.items():
        key_line = table.line_of(rid) if isinstance(table, LineDict) else line
        if rid not in known:
            raise UserError(
                f"unknown rule {rid!r}",
                path=shown,
                line=key_line,
                hint=did_you_mean(str(rid), known),
            )
        rule = known[rid]
        settings[rid] = _rule_setting(rule, value, shown, key_line)
    return [a for a in settings.values() if a is not None]


def _rule_setting(rule: Rule, value: Any, shown: str, line: int | None) -> ActiveRule | None:
    # YAML reads a bare `off` / `on` as false / true.
    if value is False or value == "off":
        return None
    if value is True or value == "on" or value is None:
        return ActiveRule(rule, rule.severity, rule.options)
    if isinstance(value, str):
        try:
            return ActiveRule(rule, Severity(value), rule.options)
        except ValueError:
            raise UserError(
                f"rule {rule.id!r}: expected off, on, error, warning or info, not {value!r}",
                path=shown,
                line=line,
                hint=did_you_mean(value, ["off", "on", "error", "warning", "info"]),
            ) from None
    if not isinstance(value, dict):
        raise UserError(
            f"rule {rule.id!r}: expected a severity, 'off' or a mapping of settings",
            path=shown,
            line=line,
        )
    severity = rule.severity
    if "severity" in value:
        try:
            severity = Severity(value["severity"])
        except ValueError:
            raise UserError(
                f"rule {rule.id!r}: severity must be error, warning or info, not "
                f"{value['severity']!r}",
                path=shown,
                line=value.line_of("severity") if isinstance(value, LineDict) else line,
            ) from None
    if value.get("off") is True:
        return None
    options_raw = LineDict({k: v for k, v in value.items() if k not in RULE_KEYS})
    options_raw.line = getattr(value, "line", line or 0)
    options_raw.key_lines = {
        k: ln for k, ln in getattr(value, "key_lines", {}).items() if k not in RULE_KEYS
    }
    kind = get_kind(rule.kind)
    try:
        options = parse_options(
            kind.options_type, options_raw, path=shown, line=line or 0, base=rule.options
        )
    except UserError as exc:
        exc.message = f"rule {rule.id!r}: {exc.message}"
        if exc.hint is None or "did you mean" in exc.hint:
            known = ", ".join(RULE_KEYS)
            exc.hint = (
                exc.hint + "; " if exc.hint else ""
            ) + f"rule settings: {known} or an option"
        raise
    return ActiveRule(rule, severity, options)


def _apply_selection(
    rules: list[ActiveRule], known: Mapping[str, Rule], select: Sequence[str], ignore: Sequence[str]
) -> list[ActiveRule]:
    for rid in (*select, *ignore):
        if rid not in known:
            raise UserError(
                f"unknown rule {rid!r} in --select/--ignore", hint=did_you_mean(rid, known)
            )
    if select:
        enabled = {a.id: a for a in rules}
        rules = [
            enabled.get(rid) or ActiveRule(known[rid], known[rid].severity, known[rid].options)
            for rid in dict.fromkeys(select)
        ]
    if ignore:
        rules = [a for a in rules if a.id not in set(ignore)]
    return sorted(rules, key=lambda a: a.id)


def _display(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return str(path)
