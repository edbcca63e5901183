"""Loading and validating rules: the built-in rulebook and users' own rulebook folders.

A rule is data: one YAML file whose stem is the rule id. Nothing in a rulebook is ever run as
code; it can only pick one of the registered kinds and set its options.
"""

from __future__ import annotations

import _sre
import re
import string
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linter.errors import UserError, did_you_mean, value_repr
from linter.findings import FixSafety, Severity
from linter.kinds import REGISTRY, get_kind
from linter.lazypatterns import adopt_forms, adopt_texts, lazy, stored_forms, stored_texts
from linter.options import parse_options
from linter.yamlsource import LineDict, LineList, YamlError, load_yaml

RULE_ID = lazy(globals(), "RULE_ID", r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
EXPECT = lazy(globals(), "EXPECT", r"^(\d+):(\d+) ([a-z][a-z0-9-]*)$")
#: Keys a rule file must have, and the ones it may have.
REQUIRED_KEYS = ("kind", "severity", "summary", "rationale", "message", "examples")
OPTIONAL_KEYS = ("options", "fixable")
EXAMPLE_KEYS = ("name", "text", "expect", "format", "config")
#: Ids the engine itself reports under; no rule may take them.
RESERVED_IDS = frozenset({"read-error", "internal-error", "unused-suppression", "rule-timeout"})


@dataclass(frozen=True, slots=True)
class Example:
    """A text a rule must stay quiet on (``expect: []``) or flag exactly as listed."""

    name: str
    text: str
    expect: tuple[str, ...]
    format: str  # "text" or "markdown"
    line: int
    #: Extra rule options for this example only (e.g. a rename map).
    config: Mapping[str, Any] | None = None

    @property
    def path(self) -> str:
        return "example.md" if self.format == "markdown" else "example.txt"


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: a kind, its options, and what to say when it fires."""

    id: str
    kind: str
    severity: Severity
    fixable: FixSafety
    summary: str
    rationale: str
    message: str
    options: Any
    raw_options: Mapping[str, Any]
    examples: tuple[Example, ...]
    source: str
    builtin: bool


def _require_str(data: LineDict, key: str, path: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise UserError(
            f"{value_repr(key)} must be non-empty text", path=path, line=data.line_of(key)
        )
    return value.strip() if key != "message" else value


def parse_rule(data: Any, rule_id: str, path: str, *, builtin: bool = False) -> Rule:
    """Validate one rule's YAML mapping and build the :class:`Rule`."""
    if not RULE_ID.match(rule_id):
        raise UserError(
            f"rule id {rule_id!r} (the file name) must be kebab-case, like 'empty-bullet'",
            path=path,
            line=1,
        )
    if rule_id in RESERVED_IDS:
        raise UserError(f"rule id {rule_id!r} is reserved by copydesk", path=path, line=1)
    if not isinstance(data, LineDict):
        raise UserError(
            "a rule file must be a mapping of keys (kind, severity, ...)", path=path, line=1
        )
    for key in data:
        if key not in REQUIRED_KEYS + OPTIONAL_KEYS:
            raise UserError(
                f"unknown key {value_repr(key)}",
                path=path,
                line=data.line_of(key),
                hint=did_you_mean(key, REQUIRED_KEYS + OPTIONAL_KEYS),
            )
    for key in REQUIRED_KEYS:
        if key not in data:
            raise UserError(f"missing key {value_repr(key)}", path=path, line=data.line)

    kind_name = data["kind"]
    if not isinstance(kind_name, str) or kind_name not in REGISTRY:
        raise UserError(
            f"unknown kind {value_repr(kind_name)}",
            path=path,
            line=data.line_of("kind"),
            hint=did_you_mean(kind_name, REGISTRY),
        )
    kind = get_kind(kind_name)
    severity = _enum(Severity, data["severity"], "severity", data, path)
    fixable = _enum(FixSafety, data.get("fixable", "none"), "fixable", data, path)
    message = _require_str(data, "message", path)
    _check_template(message, kind.fields, path, data.line_of("message"))

    raw_options = data.get("options") or LineDict()
    if not isinstance(raw_options, dict):
        raise UserError("'options' must be a mapping", path=path, line=data.line_of("options"))
    options = parse_options(kind.options_type, raw_options, path=path, line=data.line_of("options"))
    check_options(kind, options, path=path, line=data.line_of("options"))
    examples = _parse_examples(data["examples"], path, data.line_of("examples"))
    for example in examples:
        for entry in example.expect:
            if entry.split()[-1] != rule_id:
                raise UserError(
                    f"example {example.name!r} expects {entry!r}, but a rule's examples list "
                    f"only its own findings ({rule_id!r})",
                    path=path,
                    line=example.line,
                )
        if example.config:
            check_options(
                kind,
                parse_options(
                    kind.options_type, example.config, path=path, line=example.line, base=options
                ),
                path=path,
                line=example.line,
            )
    return Rule(
        id=rule_id,
        kind=kind_name,
        severity=severity,
        fixable=fixable,
        summary=_require_str(data, "summary", path),
        rationale=" ".join(_require_str(data, "rationale", path).split()),
        message=message,
        options=options,
        raw_options=raw_options,
        examples=examples,
        source=path,
        builtin=builtin,
    )


def check_options(kind: Any, options: Any, *, path: str, line: int | None) -> None:
    """Options that parse but cannot work together stop the run like any other mistake."""
    problem = kind.validate(options)
    if problem:
        raise UserError(f"options of kind {kind.name!r}: {problem}", path=path, line=line)


def _enum(enum: type, value: Any, key: str, data: LineDict, path: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        raise UserError(
            f"{value_repr(key)} must be one of {', '.join(e.value for e in enum)}, "
            f"not {value_repr(value)}",
            path=path,
            line=data.line_of(key),
            hint=did_you_mean(str(value), [e.value for e in enum]),
        ) from None


def _check_template(message: str, fields: Mapping[str, str], path: str, line: int) -> None:
    """Each ``{field}`` of a message must be one of the kind's fields, by its plain name:
    attribute access, indexing, conversions and format specs could fail, or show Python's
    internals, only when a finding is rendered."""
    try:
        parts = list(string.Formatter().parse(message))
    except ValueError as exc:
        raise UserError(f"bad message template: {exc}", path=path, line=line) from None
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        base = re.split(r"[.\[]", name, maxsplit=1)[0]
        if base not in fields:
            hint = did_you_mean(base, fields) if fields else "this kind has no message fields"
            raise UserError(
                f"message uses unknown field {{{base}}}", path=path, line=line, hint=hint
            )
        if name != base or spec or conversion:
            written = "{" + name + (f"!{conversion}" if conversion else "")
            written += (f":{spec}" if spec else "") + "}"
            raise UserError(
                f"message field {written} must be written {{{base}}}: attribute access, "
                "indexing, conversions and format specs are not allowed",
                path=path,
                line=line,
            )


def _parse_examples(raw: Any, path: str, line: int) -> tuple[Example, ...]:
    if not isinstance(raw, list):
        raise UserError("'examples' must be a list", path=path, line=line)
    out = []
    for item in raw:
        item_line = getattr(item, "line", line)
        if not isinstance(item, dict):
            raise UserError(
                "each example must be a mapping with name, text and expect",
                path=path,
                line=item_line,
            )
        for key in item:
            if key not in EXAMPLE_KEYS:
                raise UserError(
                    f"unknown example key {value_repr(key)}",
                    path=path,
                    line=item.line_of(key),
                    hint=did_you_mean(key, EXAMPLE_KEYS),
                )
        for key in ("name", "text", "expect"):
            if key not in item:
                raise UserError(f"example is missing {value_repr(key)}", path=path, line=item_line)
        expect = item["expect"]
        if not isinstance(expect, list) or not all(
            isinstance(e, str) and EXPECT.match(e) for e in expect
        ):
            raise UserError(
                "'expect' must be a list of \"line:column rule-id\" strings",
                path=path,
                line=item.line_of("expect"),
            )
        fmt = item.get("format", "text")
        if fmt not in ("text", "markdown"):
            raise UserError(
                "example 'format' must be text or markdown", path=path, line=item.line_of("format")
            )
        config = item.get("config")
        if config is not None and not isinstance(config, dict):
            raise UserError(
                "example 'config' must be a mapping of options",
                path=path,
                line=item.line_of("config"),
            )
        if not isinstance(item["text"], str):
            raise UserError("example 'text' must be text", path=path, line=item.line_of("text"))
        out.append(
            Example(
                name=str(item["name"]),
                text=item["text"],
                expect=tuple(expect),
                format=fmt,
                line=item_line,
                config=config,
            )
        )
    return tuple(out)


def load_rule_file(path: Path, *, builtin: bool = False, display: str | None = None) -> Rule:
    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read rule file: {exc}", path=shown) from None
    return _rule_from_text(text, path.stem, shown, builtin=builtin)


def _rule_from_text(text: str, rule_id: str, shown: str, *, builtin: bool = False) -> Rule:
    try:
        data = load_yaml(text, shown)
    except YamlError as exc:
        raise UserError(exc.reason, path=shown, line=exc.line) from None
    return parse_rule(data, rule_id, shown, builtin=builtin)


_builtin: dict[str, Rule] | None = None

#: The validated built-in rulebook, kept beside the rules' own bytecode (see
#: :func:`builtin_rules`): one file per Python implementation and version, as bytecode has,
#: so that two Pythons sharing an install do not keep replacing each other's file.
COMPILED_NAME = f"copydesk-rulebook.{sys.implementation.cache_tag}.pickle"
#: Bumped whenever what the compiled file holds changes.
COMPILED_LAYOUT = 6


def _builtin_files() -> list[tuple[str, Path]]:
    """(name, path) of the built-in rule files, in name order."""
    folder = _builtin_folder()
    if folder is not None:
        # Installed as a folder (the usual case): list it directly, which is much cheaper at
        # start-up than importlib.resources.
        return [(f.name, f) for f in sorted(folder.glob("*.yaml"), key=lambda f: f.name)]
    from importlib import resources

    out = []
    for entry in sorted(resources.files("linter.rules").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            with resources.as_file(entry) as file:
                out.append((entry.name, Path(file)))
    return out


def _builtin_folder() -> Path | None:
    """The folder of the built-in rule files, when they are installed as plain files."""
    import linter.rules

    where = getattr(linter.rules, "__file__", None)
    return Path(where).parent if where is not None else None


def builtin_rules() -> dict[str, Rule]:
    """The built-in rulebook, read once per process from the installed package.

    Reading and validating it (YAML, options, patterns, message templates) costs more than a
    small run's linting, so the validated rules are kept in a compiled file next to the rules'
    bytecode and reused while the rule files, copydesk's code, its version, Python's and the
    ``regex`` library's are unchanged. Anything wrong with that file just means the rulebook
    is read again.
    """
    global _builtin
    if _builtin is None:
        texts = []
        for name, file in _builtin_files():
            try:
                texts.append((name, file.read_bytes()))
            except OSError as exc:
                raise UserError(f"cannot read rule file: {exc}", path=f"rules/{name}") from None
        folder = _builtin_folder()
        compiled = folder / "__pycache__" / COMPILED_NAME if folder is not None else None
        key = _compiled_key(texts)
        rules = _load_compiled(compiled, key) if compiled is not None else None
        if rules is None:
            rules = {}
            for name, data in texts:
                shown = f"rules/{name}"
                try:
                    text = data.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise UserError(f"cannot read rule file: {exc}", path=shown) from None
                rule = _rule_from_text(text, Path(name).stem, shown, builtin=True)
                rules[rule.id] = rule
            if compiled is not None:
                _store_compiled(compiled, key, rules)
        _builtin = rules
    return _builtin


def _compiled_key(texts: list[tuple[str, bytes]]) -> tuple[Any, ...]:
    """Everything a validated built-in rule depends on, compared whole (no digest: hashing
    would cost more than comparing a few dozen kilobytes)."""
    from linter import __version__
    from linter.stamp import code_stamp

    # The stored `re` code is only as good as the engine that reads it: its version number
    # and code unit size go in too, beside the Python that wrote it.
    engine = (getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None))
    return (COMPILED_LAYOUT, __version__, sys.version, engine, code_stamp(), tuple(texts))


def _pattern_engine() -> str:
    """The version of the ``regex`` library that compiles rule patterns (the built-in rules'
    patterns need it anyway, so asking costs no import a run would not make)."""
    import regex

    return str(regex.__version__)


def _load_compiled(path: Path, key: tuple[Any, ...]) -> dict[str, Rule] | None:
    """The rules stored under ``key`` in ``path``, or None (absent, stale or unreadable)."""
    try:
        # The C unpickler behind ``pickle.load``: importing the ``pickle`` module itself costs
        # more than reading the whole rulebook with it.
        from _pickle import load
    except ImportError:  # a Python without the accelerator
        from pickle import load

    try:
        with open(path, "rb") as file:
            # The key first, on its own: the rules of a stale file are never even built.
            if load(file) != key:
                return None
            # Compiled patterns are stored as the regex engine's own code, which it takes
            # back unchecked: a file written under another version of it is never read on.
            if load(file) != _pattern_engine():
                return None
            # The engine's own pattern texts and compiled forms before the rules: reading the
            # rules imports the kinds, and with them the modules that put patterns together.
            # The compiled forms are valid for this very Python only, which the key names.
            forms, texts = load(file)
            adopt_texts(texts)
            adopt_forms(forms)
            rules, prepared = load(file)
    except Exception:  # absent, truncated, from another version: read the rulebook instead
        return None
    if (
        not isinstance(rules, dict)
        or not all(isinstance(r, Rule) and r.builtin for r in rules.values())
        or not isinstance(prepared, dict)
    ):
        return None
    for rid, ready in prepared.items():
        rule = rules.get(rid)
        if rule is not None and ready is not None:
            get_kind(rule.kind).adopt(rule.options, ready)
    return rules


def _store_compiled(path: Path, key: tuple[Any, ...], rules: dict[str, Rule]) -> None:
    """Keep the validated rules for the next run; a folder that cannot be written is no error.

    Not written when Python is told not to write bytecode (``PYTHONDONTWRITEBYTECODE``, ``-B``):
    the file lives where bytecode does, and whoever keeps that clean means this file too.
    """
    import os

    if sys.dont_write_bytecode:
        return
    # A read-only install is the usual reason not to get this far: find out before the work.
    folder = path.parent if path.parent.is_dir() else path.parent.parent
    if not os.access(folder, os.W_OK):
        return

    import contextlib
    import pickle
    import tempfile

    try:
        protocol = pickle.HIGHEST_PROTOCOL
        # What each rule's kind works out from its options before a first check, kept too,
        # and every pattern the engine compiles on first use, compiled.
        prepared = {rid: get_kind(r.kind).prepare(r.options) for rid, r in rules.items()}
        data = (
            pickle.dumps(key, protocol=protocol)
            + pickle.dumps(_pattern_engine(), protocol=protocol)
            + pickle.dumps((stored_forms(), stored_texts()), protocol=protocol)
            + pickle.dumps((rules, prepared), protocol=protocol)
        )
        path.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-rulebook-")
        try:
            with os.fdopen(fd, "wb") as out:
                os.fchmod(out.fileno(), 0o644)  # readable by every user of the install
                out.write(data)
            os.replace(tmp, path)  # atomic: another run reads the old file or the new one
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # a read-only install: every run reads the rule files, as without this file


def _folder_hint(folder: Path) -> str | None:
    """A close folder name beside a missing one, if there is one."""
    parent = folder.parent
    try:
        names = [p.name for p in parent.iterdir() if p.is_dir()] if parent.is_dir() else []
    except OSError:
        names = []
    hint = did_you_mean(folder.name, names) if names else None
    return hint if hint and hint.startswith("did you mean") else None


def load_rulebook_dir(
    folder: Path,
    shown: str,
    existing: Iterable[str],
    *,
    config: str | None = None,
    line: int | None = None,
) -> dict[str, Rule]:
    """Every ``*.yaml`` (and ``*.yml``) rule in a user's rulebook folder.

    ``config`` and ``line`` name the config entry that lists the folder, for errors about the
    folder itself; errors inside a rule file name that file and line.
    """
    if not folder.exists():
        raise UserError(
            f"rulebook folder {shown!r} does not exist",
            path=config,
            line=line,
            hint=_folder_hint(folder),
        )
    if not folder.is_dir():
        raise UserError(
            f"rulebook {shown!r} is not a folder",
            path=config,
            line=line,
            hint="list folders of rule files under 'rulebooks'",
        )
    files = sorted(
        (
            f
            for f in folder.iterdir()
            if f.suffix in (".yaml", ".yml") and f.is_file() and not f.name.startswith(".")
        ),
        key=lambda f: f.name,
    )
    if not files:
        raise UserError(
            f"rulebook folder {shown!r} has no rule files (*.yaml)", path=config, line=line
        )
    taken = set(existing)
    rules: dict[str, Rule] = {}
    for file in files:
        display = f"{shown.rstrip('/')}/{file.name}"
        rule = load_rule_file(file, display=display)
        if rule.id in rules:
            raise UserError(
                f"duplicate rule id {rule.id!r}: {rules[rule.id].source} has the same name",
                path=display,
                line=1,
                hint="rename one of the files",
            )
        if rule.id in taken:
            raise UserError(
                f"rule id {rule.id!r} is already taken by a built-in or earlier rulebook rule",
                path=display,
                line=1,
                hint="rename the file; to change a built-in rule, set its options under 'rules'",
            )
        rules[rule.id] = rule
    return rules


__all__ = ["Example", "LineList", "Rule", "builtin_rules", "load_rulebook_dir", "parse_rule"]
