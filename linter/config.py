"""Configuration: finding the file, validating it, and resolving the rules a run uses.

Looked for, from the current directory up to the repository root: ``.copydesk.yaml``,
``copydesk.yaml`` (or ``.yml``), then ``[tool.copydesk]`` in ``pyproject.toml``. Every key,
rule and option is validated; a mistake stops the run with the file, the line and a
suggestion (exit 2).
"""

from __future__ import annotations

import re
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.engine import ActiveRule
from linter.errors import UserError, did_you_mean, value_repr
from linter.findings import Severity
from linter.kinds import get_kind
from linter.options import parse_options
from linter.parse.roles import DEFAULT_HIGHLIGHTS_HEADINGS, ArticleOptions
from linter.rulebook import Rule, builtin_rules, check_options, load_rulebook_dir
from linter.yamlsource import LineDict, YamlError, load_yaml

CONFIG_NAMES = (".copydesk.yaml", "copydesk.yaml", ".copydesk.yml", "copydesk.yml")
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt")
TOP_KEYS = (
    "extends",
    "fail-on",
    "include",
    "exclude",
    "respect-gitignore",
    "rulebooks",
    "highlights-headings",
    "rules",
    "overrides",
)
#: Built-in presets, shipped as YAML in ``linter/presets/``.
PRESETS = ("default", "minimal", "strict")
RULE_KEYS = ("severity", "off")
OVERRIDE_KEYS = ("paths", "rules")


@dataclass(frozen=True)
class Override:
    """Rule settings for the files under some globs (relative to the config's folder)."""

    paths: tuple[str, ...]
    table: Mapping[str, Any]
    #: Where the override starts in its config file, for errors about it.
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Config:
    """Everything a run needs to know, resolved and validated."""

    rules: tuple[ActiveRule, ...]
    known: Mapping[str, Rule]
    source: str | None = None
    #: The files the configuration was read from (the config and what it extends) and its
    #: rulebook folders: what ``-o`` must not overwrite.
    reads: tuple[Path, ...] = field(default=(), compare=False)
    root: Path = field(default_factory=Path.cwd)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    article: ArticleOptions = field(default_factory=ArticleOptions)
    overrides: tuple[Override, ...] = ()
    respect_gitignore: bool = True
    #: Resolves a merged rules table (base, then each matching override) to the enabled rules.
    resolve: Any = field(default=None, repr=False, compare=False)
    _by_overrides: dict[tuple[int, ...], tuple[ActiveRule, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def rules_for(self, path: str) -> tuple[ActiveRule, ...]:
        """The rules for one file: :attr:`rules`, changed by every override whose globs match
        the file's path relative to the config's folder."""
        if not self.overrides or self.resolve is None:
            return self.rules
        from linter.paths import matches, relative_to

        rel = relative_to(Path(path), self.root)
        hits = tuple(i for i, o in enumerate(self.overrides) if matches(rel, o.paths))
        if not hits:
            return self.rules
        if hits not in self._by_overrides:
            self._by_overrides[hits] = self.resolve([self.overrides[i].table for i in hits])
        return self._by_overrides[hits]


def find_config(start: Path) -> Path | None:
    """The nearest config file from ``start`` up to the repository root (or the file system's).

    A folder named like a config file, or two config files in one folder, stop the run: which
    settings apply would otherwise be a guess.
    """
    for folder in (start, *start.parents):
        found = [
            candidate
            for candidate in (folder / name for name in CONFIG_NAMES)
            if _config_entry(candidate, start)
        ]
        pyproject = folder / "pyproject.toml"
        if _config_entry(pyproject, start) and _has_tool_section(pyproject, start):
            found.append(pyproject)
        if len(found) > 1:
            names = " and ".join(repr(p.name) for p in found)
            raise UserError(
                f"two config files in one folder: {names}",
                path=_entry_display(found[0], start),
                hint="keep one of them, or name the one to use with --config",
            )
        if found:
            return found[0]
        if (folder / ".git").exists():
            return None
    return None


def _config_entry(candidate: Path, start: Path) -> bool:
    """Whether a config file stands at ``candidate``; a folder, a pipe or a broken link
    there is an error."""
    try:
        mode = candidate.lstat().st_mode  # one call for the usual case: nothing there
    except OSError:
        return False
    if stat.S_ISLNK(mode):
        try:
            mode = candidate.stat().st_mode
        except OSError:
            raise UserError(
                f"broken symbolic link: its target {str(candidate.readlink())!r} does not exist",
                path=_entry_display(candidate, start),
                hint="rename it, or name a config file with --config",
            ) from None
    if stat.S_ISREG(mode):
        return True
    if stat.S_ISDIR(mode):
        what = "this is a folder, not a config file"
    else:
        what = "this is not a regular file, so it cannot be a config file"
    raise UserError(
        what,
        path=_entry_display(candidate, start),
        hint="rename it, or name a config file with --config",
    )


def _entry_display(candidate: Path, start: Path) -> str:
    """A config file's name as found in its folder (a link is named, not its target)."""
    folder = _display(candidate.parent, start)
    return candidate.name if folder == "." else f"{folder}/{candidate.name}"


#: Lines of a pyproject.toml that may set ``tool.copydesk`` other than by a
#: ``[tool.copydesk]`` header: a bare ``[tool]`` table, a dotted ``tool.copydesk`` key (with
#: spaces or quotes) or an inline ``tool = {...}`` table. Only then is the file parsed.
_TOOL_FORMS = re.compile(
    r"""^[ \t]*\[[ \t]*["']?tool["']?[ \t]*\]"""
    r"""|tool["']?[ \t]*\.[ \t]*["']?copydesk"""
    r"""|^[ \t]*["']?tool["']?[ \t]*=""",
    re.MULTILINE,
)


def _has_tool_section(path: Path, start: Path) -> bool:
    """Whether a pyproject.toml holds copydesk's settings, or may and cannot be read.

    A file that mentions copydesk but is not UTF-8 or not TOML counts, so that reading it
    reports the problem instead of running with the defaults.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(
            f"cannot read the file to look for [tool.copydesk]: {exc.strerror or exc}",
            path=_display(path, start),
            hint="fix its permissions, or name a config with --config or use --isolated",
        ) from None
    if b"copydesk" not in data:
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    if "[tool.copydesk" in text:
        return True
    if not _TOOL_FORMS.search(text):
        return False
    import tomllib

    try:
        tool = tomllib.loads(text).get("tool")
    except tomllib.TOMLDecodeError:
        return True
    return isinstance(tool, dict) and "copydesk" in tool


def read_config_file(path: Path, shown: str) -> Mapping[str, Any]:
    """The raw mapping from a config file (YAML, or ``[tool.copydesk]`` in pyproject.toml)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot read config: {exc.strerror or exc}", path=shown) from None
    except UnicodeDecodeError:
        raise UserError("config is not valid UTF-8", path=shown) from None
    if path.suffix.lower() == ".toml":
        return _toml_config(text, path.name == "pyproject.toml", shown)
    try:
        data = load_yaml(text, shown)
    except YamlError as exc:
        raise UserError(exc.reason, path=shown, line=exc.line) from None
    if data is None:
        return LineDict()
    if not isinstance(data, dict):
        raise UserError("the config must be a mapping of keys to values", path=shown, line=1)
    return data


def _toml_config(text: str, pyproject: bool, shown: str) -> Mapping[str, Any]:
    """The settings in a TOML file: its ``[tool.copydesk]`` table in a pyproject.toml, the
    whole document in any other ``*.toml`` file."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(
            f"invalid TOML: {exc}", path=shown, line=getattr(exc, "lineno", None)
        ) from None
    if not pyproject:
        return data
    tool = data.get("tool")
    section = tool.get("copydesk") if isinstance(tool, dict) else None
    if section is None:
        raise UserError("no [tool.copydesk] section", path=shown)
    if not isinstance(section, dict):
        raise UserError(
            f"[tool.copydesk] must be a table of settings, not {value_repr(section)}",
            path=shown,
        )
    return section


def _line(data: Mapping[str, Any], key: str) -> int | None:
    return data.line_of(key) if isinstance(data, LineDict) else None


def _str_list(data: Mapping[str, Any], key: str, shown: str) -> tuple[str, ...]:
    value = data[key]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UserError(
            f"{value_repr(key)} must be a list of text, not {value_repr(value)}",
            path=shown,
            line=_line(data, key),
        )
    return tuple(value)


def _globs(data: Mapping[str, Any], key: str, shown: str) -> tuple[str, ...]:
    """A list of globs, each one compiled now, so that a glob that cannot be read stops the
    run here rather than when the first file is matched."""
    from linter.paths import glob_regex

    globs = _str_list(data, key, shown)
    for glob in globs:
        try:
            glob_regex(glob)
        except re.error as exc:
            raise UserError(
                f"{value_repr(key)}: cannot read the glob {value_repr(glob)}: {exc.msg}",
                path=shown or None,
                line=_line(data, key),
            ) from None
    return globs


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
    if path is not None and isolated:
        raise UserError("use either --config or --isolated, not both")
    if path is None and not isolated:
        path = find_config(cwd)
    shown: str | None = None
    root = cwd
    layers: list[_Layer] = []
    if path is not None:
        shown = _display(path, cwd)
        try:
            is_dir, is_file = path.is_dir(), path.is_file()
        except OSError as exc:  # a name too long for the system, say
            raise UserError(f"cannot read config: {exc.strerror or exc}", path=shown) from None
        if is_dir:
            raise UserError(
                "this is a folder, not a config file",
                path=shown,
                hint="name a config file such as .copydesk.yaml",
            )
        if not is_file:
            raise UserError("config file does not exist", path=shown)
        root = path.resolve().parent
        resolved = path.resolve()
        layers = _layers(read_config_file(path, shown), shown, root, (resolved,), cwd, resolved)
    else:
        layers = [_Layer(LineDict(), "", root)]
    # Later layers (the config itself) override earlier ones (what it extends).
    raw = _merged(layers)

    known: dict[str, Rule] = dict(builtin_rules())
    reads = [layer.file for layer in layers if layer.file is not None]
    for layer in layers:
        if "rulebooks" not in layer.raw:
            continue
        line = _line(layer.raw, "rulebooks")
        for folder in _str_list(layer.raw, "rulebooks", layer.shown):
            if not folder.strip():
                raise UserError(
                    f"a rulebook folder must be a path, not {value_repr(folder)}",
                    path=layer.shown or None,
                    line=line,
                    hint="use '.' for the config's own folder",
                )
            reads.append(layer.folder / folder)
            known.update(
                load_rulebook_dir(
                    layer.folder / folder,
                    _display(layer.folder / folder, cwd),
                    known,
                    config=layer.shown or None,
                    line=line,
                )
            )

    rules = _resolve_layers(layers, known)
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
            f"fail-on must be error, warning or info, not {value_repr(level)}",
            path=raw.get_source("fail-on") if fail_on is None else None,
            line=_line(raw, "fail-on") if fail_on is None else None,
            hint=did_you_mean(level, [s.value for s in Severity]),
        ) from None

    overrides = _overrides(raw, raw.get_source("overrides") or "")

    resolve = _Resolver(
        tuple(layers), known, tuple(select), tuple(ignore), raw.get_source("overrides") or "", root
    )

    for override in overrides:  # validate each one now, so mistakes stop the run up front
        if not resolve([override.table]):
            # As with the whole config: files that no rule checks would pass without a word.
            raise UserError(
                f"the override for {value_repr(list(override.paths))} leaves no rule enabled, "
                "so those files would pass unchecked",
                path=raw.get_source("overrides"),
                line=override.line,
                hint="to skip files, list them under 'exclude'",
            )

    gitignore = raw.get("respect-gitignore", True)
    if not isinstance(gitignore, bool):
        raise UserError(
            "'respect-gitignore' must be true or false",
            path=raw.get_source("respect-gitignore"),
            line=_line(raw, "respect-gitignore"),
        )

    article = ArticleOptions(
        highlights_headings=_str_list(
            raw, "highlights-headings", raw.get_source("highlights-headings") or ""
        )
        if "highlights-headings" in raw
        else DEFAULT_HIGHLIGHTS_HEADINGS,
    )
    return Config(
        rules=tuple(rules),
        known=known,
        source=shown,
        reads=tuple(reads),
        root=root,
        include=_globs(raw, "include", raw.get_source("include") or "")
        if "include" in raw
        else DEFAULT_INCLUDE,
        exclude=_globs(raw, "exclude", raw.get_source("exclude") or "") if "exclude" in raw else (),
        fail_on=fail_level,
        article=article,
        overrides=overrides,
        respect_gitignore=gitignore,
        resolve=resolve,
    )


def _overrides(raw: Mapping[str, Any], shown: str) -> tuple[Override, ...]:
    """``overrides: [{paths: [...], rules: {...}}]``, checked for shape (rules are checked by
    resolving them)."""
    if "overrides" not in raw:
        return ()
    value = raw["overrides"]
    if not isinstance(value, list):
        raise UserError(
            "'overrides' must be a list of {paths: [...], rules: {...}}",
            path=shown,
            line=_line(raw, "overrides"),
        )
    out = []
    for item in value:
        line = getattr(item, "line", None) or _line(raw, "overrides")
        if not isinstance(item, dict):
            raise UserError(
                "each override must be a mapping with 'paths' and 'rules'", path=shown, line=line
            )
        for key in item:
            if key not in OVERRIDE_KEYS:
                raise UserError(
                    f"unknown key {value_repr(key)} in an override",
                    path=shown,
                    line=_line(item, key) or line,
                    hint=did_you_mean(key, OVERRIDE_KEYS),
                )
        if "paths" not in item or "rules" not in item:
            raise UserError("an override needs both 'paths' and 'rules'", path=shown, line=line)
        table = item["rules"]
        if not isinstance(table, dict):
            raise UserError(
                "an override's 'rules' must be a mapping of rule ids to settings",
                path=shown,
                line=_line(item, "rules") or line,
            )
        out.append(Override(_globs(item, "paths", shown), table, line))
    return tuple(out)


@dataclass(frozen=True, eq=False)
class _Resolver:
    """Resolves the rules of a file that overrides match: the config's layers, then each
    matching override's rules on top. A plain record, so a run can hand it to workers."""

    layers: tuple[_Layer, ...]
    known: Mapping[str, Rule]
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    source: str
    root: Path

    def __call__(self, tables: Sequence[Mapping[str, Any]]) -> tuple[ActiveRule, ...]:
        extra = [_Layer(LineDict({"rules": t}), self.source, self.root) for t in tables]
        found = _resolve_layers([*self.layers, *extra], self.known)
        return tuple(_apply_selection(found, self.known, self.select, self.ignore))


@dataclass(frozen=True, eq=False)
class _Layer:
    """One config file in an ``extends`` chain: its keys, its name, its folder, and the file
    itself (None for a preset)."""

    raw: Mapping[str, Any]
    shown: str
    folder: Path
    file: Path | None = None


class _Merged(LineDict):
    """The top-level keys of an ``extends`` chain, each from the last file that sets it."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: dict[str, str] = {}

    def get_source(self, key: str) -> str | None:
        return self.sources.get(key) or None


def _merged(layers: Sequence[_Layer]) -> _Merged:
    out = _Merged()
    for layer in layers:
        for key, value in layer.raw.items():
            if key in ("extends", "rulebooks", "rules"):
                continue
            out[key] = value
            out.key_lines[key] = _line(layer.raw, key) or 0
            out.sources[key] = layer.shown
    return out


def _preset(name: str) -> tuple[Mapping[str, Any], str]:
    from importlib import resources  # only presets need it, and it imports tempfile

    shown = f"preset {name} (linter/presets/{name}.yaml)"
    text = resources.files("linter.presets").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    data = load_yaml(text, shown)
    return (data if isinstance(data, dict) else LineDict()), shown


def _layers(
    raw: Mapping[str, Any],
    shown: str,
    folder: Path,
    chain: tuple[Path, ...],
    cwd: Path,
    file: Path | None,
) -> list[_Layer]:
    """The config and everything it extends, most basic first; keys are validated here.
    ``file`` is where ``raw`` was read from (None for a preset)."""
    for key in raw:
        if key not in TOP_KEYS:
            raise UserError(
                f"unknown key {value_repr(key)}",
                path=shown,
                line=_line(raw, key),
                hint=did_you_mean(key, TOP_KEYS),
            )
    base: list[_Layer] = []
    if "extends" in raw:
        line = _line(raw, "extends")
        for target in _str_list(raw, "extends", shown):
            if target in PRESETS:
                preset, preset_shown = _preset(target)
                base += _layers(preset, preset_shown, folder, chain, cwd, None)
                continue
            path = folder / target
            if not path.is_file():
                hint = did_you_mean(target, PRESETS) if "/" not in target else None
                raise UserError(
                    f"extends: {target!r} is neither a built-in preset nor a config file",
                    path=shown,
                    line=line,
                    hint=hint or f"built-in presets: {', '.join(PRESETS)}",
                )
            resolved = path.resolve()
            if resolved in chain:
                cycle = " -> ".join(_display(p, cwd) for p in (*chain, resolved))
                raise UserError(f"extends makes a loop: {cycle}", path=shown, line=line)
            target_shown = _display(path, cwd)
            base += _layers(
                read_config_file(path, target_shown),
                target_shown,
                resolved.parent,
                (*chain, resolved),
                cwd,
                resolved,
            )
    return [*base, _Layer(raw, shown, folder, file)]


def _resolve_layers(layers: Sequence[_Layer], known: Mapping[str, Rule]) -> list[ActiveRule]:
    settings: dict[str, ActiveRule | None] = {
        rid: ActiveRule(rule, rule.severity, rule.options) for rid, rule in known.items()
    }
    for layer in layers:
        table = layer.raw.get("rules") or {}
        line = _line(layer.raw, "rules")
        if not isinstance(table, dict):
            raise UserError(
                f"'rules' must be a mapping of rule ids to settings, not {value_repr(table)}",
                path=layer.shown,
                line=line,
            )
        for rid, value in table.items():
            key_line = table.line_of(rid) if isinstance(table, LineDict) else line
            if rid not in known:
                raise UserError(
                    f"unknown rule {value_repr(rid)}",
                    path=layer.shown,
                    line=key_line,
                    hint=did_you_mean(rid, known),
                )
            settings[rid] = _rule_setting(
                known[rid], value, layer.shown, key_line, base=settings[rid]
            )
    return [a for a in settings.values() if a is not None]


def _rule_setting(
    rule: Rule, value: Any, shown: str, line: int | None, base: ActiveRule | None = None
) -> ActiveRule | None:
    """A rule's setting in one config layer, on top of ``base`` (what an extended config set)."""
    # YAML reads a bare `off` / `on` as false / true.
    if value is False or value == "off":
        return None
    if base is None:
        base = ActiveRule(rule, rule.severity, rule.options)
    if value is True or value == "on" or value is None:
        return base
    if isinstance(value, str):
        try:
            return ActiveRule(rule, Severity(value), base.options)
        except ValueError:
            raise UserError(
                f"rule {rule.id!r}: expected off, on, error, warning or info, "
                f"not {value_repr(value)}",
                path=shown,
                line=line,
                hint=did_you_mean(value, ["off", "on", "error", "warning", "info"]),
            ) from None
    if not isinstance(value, dict):
        raise UserError(
            f"rule {rule.id!r}: expected a severity, 'off' or a mapping of settings, "
            f"not {value_repr(value)}",
            path=shown,
            line=line,
        )
    severity = base.severity
    if "severity" in value:
        try:
            severity = Severity(value["severity"])
        except ValueError:
            raise UserError(
                f"rule {rule.id!r}: severity must be error, warning or info, not "
                f"{value_repr(value['severity'])}",
                path=shown,
                line=value.line_of("severity") if isinstance(value, LineDict) else line,
                hint=did_you_mean(value["severity"], [s.value for s in Severity]),
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
            kind.options_type, options_raw, path=shown, line=line or 0, base=base.options
        )
    except UserError as exc:
        exc.message = f"rule {rule.id!r}: {exc.message}"
        if "unknown option" in exc.message:
            known = ", ".join(RULE_KEYS)
            exc.hint = (
                exc.hint + "; " if exc.hint else ""
            ) + f"rule settings: {known} or an option"
        raise
    try:
        check_options(kind, options, path=shown, line=line)
    except UserError as exc:
        exc.message = f"rule {rule.id!r}: {exc.message}"
        raise
    return ActiveRule(rule, severity, options)


def _apply_selection(
    rules: list[ActiveRule], known: Mapping[str, Rule], select: Sequence[str], ignore: Sequence[str]
) -> list[ActiveRule]:
    for rid in (*select, *ignore):
        if rid not in known:
            raise UserError(
                f"unknown rule {value_repr(rid)} in --select/--ignore",
                hint=did_you_mean(rid, known),
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


def configs_in(folder: Path) -> list[str]:
    """The names of the config files in ``folder`` (a ``pyproject.toml`` with copydesk's
    settings among them)."""
    found = [name for name in CONFIG_NAMES if (folder / name).exists()]
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file() and _has_tool_section(pyproject, folder):
        found.append("pyproject.toml")
    return found
