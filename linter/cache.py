"""A cache of lint results, so an unchanged file is not parsed and checked again.

An entry is keyed by the file's bytes, its format, the effective configuration (every enabled
rule's kind, severity, message and options, the article options) and the copydesk version
with a stamp of its installed code. It lives under ``.copydesk_cache/`` (which ignores itself
in git) or a folder given with ``--cache-dir``. Entries are plain JSON, written to a temporary
file and renamed into place, so several processes may write at once; an entry that cannot be
read, or does not hold exactly what is expected, is ignored and rewritten, never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import fields
from pathlib import Path
from typing import Any

from linter import __version__
from linter.config import Config
from linter.document import Span
from linter.engine import Diagnostic, Location
from linter.findings import Edit, Fix, Severity
from linter.runner import FileReport
from linter.stamp import code_stamp, read_all

CACHE_DIR = ".copydesk_cache"
#: Bumped whenever the entry layout changes, so old entries are simply never looked at.
LAYOUT = 2
#: Diagnostics that must be worked out again on every run, never cached.
NOT_CACHED = frozenset({"read-error", "internal-error"})

_FIELDS = tuple(f.name for f in fields(Diagnostic))
_LOCATION_FIELDS = tuple(f.name for f in fields(Location))
#: The fields an entry stores for each diagnostic (its path is the name it is reported under).
_STORED_FIELDS = frozenset(_FIELDS) - {"path"}


class BadEntry(Exception):
    """A cache entry whose content is not what this version writes."""


def fingerprint(config: Config) -> str:
    """A digest of everything in the configuration that can change a file's diagnostics."""
    rules = [
        (
            a.id,
            a.rule.kind,
            a.severity.value,
            a.rule.fixable.value,
            a.rule.message,
            repr(a.options),
        )
        for a in config.rules
    ]
    # Which rules exist (enabled or not) decides what a suppression comment may name, and the
    # overrides decide the rules of each path.
    overrides = [(o.paths, repr(o.table)) for o in config.overrides]
    material = repr(
        (
            LAYOUT,
            __version__,
            code_stamp(),
            repr(config.article),
            rules,
            sorted(config.known),
            overrides,
        )
    )
    return hashlib.blake2b(material.encode("utf-8"), digest_size=16).hexdigest()


class Cache:
    """Lint results stored by content and configuration under one folder."""

    def __init__(self, folder: Path, config: Config) -> None:
        self.folder = folder
        self.config = config
        self.salt = fingerprint(config).encode("ascii")
        self._salted = hashlib.sha256(self.salt + b"\0")
        self._ready = False

    def __getstate__(self) -> dict[str, Any]:
        # Workers started without fork receive the cache pickled; hash objects cannot be.
        state = dict(self.__dict__)
        del state["_salted"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._salted = hashlib.sha256(self.salt + b"\0")

    def key(self, data: bytes, fmt: str, overrides: tuple[int, ...] = ()) -> str:
        """The key of a file's bytes, its format, and the overrides that apply to its path."""
        # SHA-256 over the salt, then the bytes: about twice as fast as BLAKE2 here (processors
        # hash it in hardware), and every file of a warm run is hashed.
        digest = self._salted.copy()
        digest.update(data)
        digest.update(b"\0" + fmt.encode("ascii"))
        if overrides:
            digest.update(repr(overrides).encode("ascii"))
        return digest.hexdigest()[:40]

    def overrides_for(self, path: str) -> tuple[int, ...]:
        """The indices of the overrides whose globs match ``path``."""
        if not self.config.overrides:
            return ()
        from linter.paths import matches, relative_to

        rel = relative_to(Path(path), self.config.root)
        return tuple(i for i, o in enumerate(self.config.overrides) if matches(rel, o.paths))

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key[2:]

    def load(self, key: str, shown: str) -> FileReport | None:
        """The cached report for ``key``, reported under ``shown``; None if absent or unusable."""
        try:
            raw = read_all(os.path.join(self.folder, key[:2], key[2:]))
        except OSError:
            return None
        if raw == empty_entry(key):
            # Most articles have no findings; their entries are all alike, so comparing the
            # bytes is the whole check and no JSON needs reading.
            return FileReport(shown, (), {})
        try:
            entry = json.loads(raw)
            if not isinstance(entry, dict) or entry.get("key") != key:
                raise BadEntry("entry for another key")
            return decode_report(entry, shown)
        except (ValueError, TypeError, KeyError, RecursionError, BadEntry):
            return None  # corrupt or foreign: the caller lints the file and stores it again

    def store(self, key: str, report: FileReport) -> None:
        """Save a report; results with read or internal errors are not kept."""
        if any(d.rule in NOT_CACHED for d in report.diagnostics):
            return
        try:
            entry = encode_report(report)
        except BadEntry:
            return
        entry["key"] = key
        data = entry_bytes(entry)
        target = self._path(key)
        try:
            import tempfile  # only a run that writes needs it

            self._prepare(target.parent)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                os.replace(tmp, target)  # atomic: readers see the old entry or the new one
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            pass  # a read-only or full disk makes the cache useless, not the run

    def _prepare(self, folder: Path) -> None:
        if not self._ready:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text(
                    "# Created by copydesk: the cache is not for version control.\n*\n"
                )
            self._ready = True
        folder.mkdir(exist_ok=True)


# -- serialisation ------------------------------------------------------------------------------
# Explicit and plain: only JSON objects, lists, strings and numbers are read back, and every
# value is checked before it becomes a Diagnostic.


def entry_bytes(entry: dict[str, Any]) -> bytes:
    """An entry as stored: compact JSON in UTF-8."""
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def empty_entry(key: str) -> bytes:
    """The stored bytes of a report with no findings under ``key`` (what :meth:`Cache.store`
    writes for one, which :meth:`Cache.load` recognises without reading JSON)."""
    return b'{"diagnostics":[],"lines":[],"key":"' + key.encode("ascii") + b'"}'


def encode_report(report: FileReport) -> dict[str, Any]:
    return {
        "diagnostics": [_encode_diagnostic(d) for d in report.diagnostics],
        "lines": [[n, text] for n, text in sorted(report.lines.items())],
    }


def decode_report(entry: dict[str, Any], shown: str) -> FileReport:
    diagnostics = tuple(_decode_diagnostic(d, shown) for d in _list(entry["diagnostics"]))
    lines = {}
    for item in _list(entry["lines"]):
        number, text = _list(item)
        lines[_int(number)] = _str(text)
    return FileReport(shown, diagnostics, lines)


def _encode_diagnostic(d: Diagnostic) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in _FIELDS:
        value = getattr(d, name)
        if name == "path":
            continue  # the file may be reported under another name next time
        if name == "span":
            out[name] = [value.start, value.end]
        elif name == "related":
            out[name] = [[getattr(r, f) for f in _LOCATION_FIELDS if f != "path"] for r in value]
        elif name == "fix":
            out[name] = (
                None
                if value is None
                else [
                    [[e.span.start, e.span.end, e.replacement] for e in value.edits],
                    value.safe,
                    value.description,
                ]
            )
        elif isinstance(value, Severity):
            out[name] = value.value
        elif isinstance(value, str | int | bool) or value is None:
            out[name] = value
        else:
            raise BadEntry(f"cannot store field {name!r} of type {type(value).__name__}")
    return out


def _decode_diagnostic(raw: Any, shown: str) -> Diagnostic:
    # Field by field in a straight line, the checks inlined: a warm run decodes every finding
    # it reports, so this is on the hot path. Each value is still checked before it becomes a
    # Diagnostic (``type(x) is int`` also turns away booleans, as :func:`_int` does).
    if type(raw) is not dict or raw.keys() != _STORED_FIELDS:
        raise BadEntry("diagnostic fields differ")
    rule, message = raw["rule"], raw["message"]
    line, column = raw["line"], raw["column"]
    end_line, end_column = raw["end_line"], raw["end_column"]
    detail, fingerprint, text_fingerprint = (
        raw["detail"],
        raw["fingerprint"],
        raw["text_fingerprint"],
    )
    if not (
        type(rule) is str
        and type(message) is str
        and type(detail) is str
        and type(fingerprint) is str
        and type(text_fingerprint) is str
    ):
        raise BadEntry("expected text")
    if not (
        type(line) is int
        and type(column) is int
        and type(end_line) is int
        and type(end_column) is int
    ):
        raise BadEntry("expected a whole number")
    start, end = _list(raw["span"])
    related = _list(raw["related"])
    fix = raw["fix"]
    return Diagnostic(
        shown,
        rule,
        Severity(raw["severity"]),
        message,
        line,
        column,
        end_line,
        end_column,
        Span(_int(start), _int(end)),
        tuple(_decode_location(r, shown) for r in related) if related else (),
        None if fix is None else _decode_fix(fix),
        detail,
        fingerprint,
        text_fingerprint,
    )


def _decode_location(raw: Any, shown: str) -> Location:
    line, column, end_line, end_column, message = _list(raw)
    return Location(
        shown, _int(line), _int(column), _int(end_line), _int(end_column), _str(message)
    )


def _decode_fix(raw: Any) -> Fix:
    edits, safe, description = _list(raw)
    out = []
    for edit in _list(edits):
        start, end, replacement = _list(edit)
        out.append(Edit(Span(_int(start), _int(end)), _str(replacement)))
    if not isinstance(safe, bool):
        raise BadEntry("fix safety is not a boolean")
    return Fix(tuple(out), safe, _str(description))


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise BadEntry("expected a list")
    return value


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadEntry("expected a whole number")
    return value


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise BadEntry("expected text")
    return value
