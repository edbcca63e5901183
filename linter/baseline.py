"""Baselines: record today's findings, then report only the ones that are new.

A finding's identity is its path, its rule and a fingerprint of what it flags, never its line
number: inserting lines above a finding keeps it matched, and fixing it retires it ("fixed since
baseline"). Each finding has two fingerprints: the flagged text with its neighbourhood (the
nearest non-blank line above and below), and the flagged text alone. Matching tries the first
for every finding, then the second for what is left, so a finding whose neighbour was edited
still matches, while a new copy of the same defect elsewhere (another empty bullet) does not
take the place of an old one that is still there. The engine gives every diagnostic both
(:mod:`linter.fingerprints`).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import stat
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter.errors import UserError

if TYPE_CHECKING:
    from linter.engine import Diagnostic

FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class Entry:
    """One recorded finding. ``line`` and ``message`` are for people; matching ignores them."""

    path: str
    rule: str
    text: str
    context: str
    line: int
    message: str


def _entry_path(path: str, cwd: Path, base: Path) -> str:
    """A diagnostic's path as recorded: relative to the baseline file's folder."""
    try:
        return Path(os.path.relpath((cwd / path).resolve(), base.resolve())).as_posix()
    except (ValueError, OSError):  # another drive on Windows
        return path


def entries(diagnostics: Iterable[Diagnostic], cwd: Path, base: Path) -> list[Entry]:
    return [
        Entry(
            _entry_path(d.path, cwd, base),
            d.rule,
            d.text_fingerprint,
            d.fingerprint,
            d.line,
            d.message,
        )
        for d in diagnostics
        if d.rule not in ("read-error", "internal-error")
    ]


def write_baseline(path: Path, diagnostics: Iterable[Diagnostic], cwd: Path) -> int:
    """Write every finding to ``path``; returns how many were recorded."""
    found = sorted(
        entries(diagnostics, cwd, path.parent), key=lambda e: (e.path, e.line, e.rule, e.context)
    )
    document = {
        "copydesk-baseline": FORMAT_VERSION,
        "findings": [
            {
                "path": e.path,
                "rule": e.rule,
                "fingerprint": e.text,
                "context": e.context,
                "line": e.line,
                "message": e.message,
            }
            for e in found
        ],
    }
    from linter.reporters.base import json_text

    try:
        _replace(path, (json_text(document) + "\n").encode("utf-8"))
    except OSError as exc:
        raise UserError(
            f"cannot write the baseline: {exc.strerror or exc}", path=str(path)
        ) from None
    return len(found)


def _replace(path: Path, data: bytes) -> None:
    """Put ``data`` in ``path`` whole or not at all: it is written to a new file beside it,
    then renamed over it, so a failed write leaves the old baseline as it was.

    The old file's permissions hold as they did for writing it in place: one that may not be
    written is refused; its mode (and, where the system lets us, owner and group) carries
    over. A folder that takes no new file has the baseline written in place.
    """
    try:
        old: os.stat_result | None = path.stat()
    except (OSError, ValueError):
        old = None
    if old is not None and not os.access(path, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    folder = os.path.dirname(path) or "."
    while True:
        temp = os.path.join(folder, f".copydesk-baseline-{secrets.token_hex(6)}.tmp")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            continue
        except PermissionError:
            path.write_bytes(data)  # a folder we may not add to: the file itself, in place
            return
    try:
        with os.fdopen(fd, "wb") as file:
            if old is not None:
                os.fchmod(file.fileno(), stat.S_IMODE(old.st_mode))
                with contextlib.suppress(OSError):
                    os.fchown(file.fileno(), old.st_uid, old.st_gid)
            file.write(data)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def read_baseline(path: Path) -> list[Entry]:
    shown = str(path)
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(
            "baseline file does not exist", path=shown, hint="create it with --write-baseline"
        ) from None
    except OSError as exc:
        raise UserError(f"cannot read the baseline: {exc.strerror or exc}", path=shown) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(f"the baseline is not valid JSON ({exc})", path=shown) from None
    except RecursionError:
        raise UserError("the baseline is not valid JSON (nested too deeply)", path=shown) from None
    version = data.get("copydesk-baseline") if isinstance(data, dict) else None
    # type(): true == 1 in Python, and "copydesk-baseline": true is no version.
    if type(version) is not int or version != FORMAT_VERSION:
        raise UserError(
            "not a copydesk baseline (version 1)",
            path=shown,
            hint="write a new one with --write-baseline",
        )
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise UserError(
            "the baseline has no list of findings",
            path=shown,
            hint="write a new one with --write-baseline",
        )
    out: list[Entry] = []
    for item in findings:
        try:
            out.append(
                Entry(
                    str(item["path"]),
                    str(item["rule"]),
                    str(item["fingerprint"]),
                    str(item["context"]),
                    int(item.get("line", 0)),
                    str(item.get("message", "")),
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
            raise UserError(
                "a baseline entry lacks path, rule, fingerprint or context", path=shown
            ) from None
    return out


class Baseline:
    """Recorded findings, matched file by file against a run's diagnostics."""

    def __init__(self, recorded: Sequence[Entry], base: Path, cwd: Path) -> None:
        self.base = base
        self.cwd = cwd
        self.by_path: dict[str, list[Entry]] = {}
        for e in recorded:
            self.by_path.setdefault(e.path, []).append(e)
        self.fixed: list[Entry] = []

    @classmethod
    def load(cls, path: Path, cwd: Path) -> Baseline:
        return cls(read_baseline(path), path.parent, cwd)

    def new_only(self, path: str, diagnostics: Sequence[Diagnostic]) -> tuple[Diagnostic, ...]:
        """The diagnostics of one file that the baseline does not hold; the file's recorded
        findings that nothing matched are added to :attr:`fixed`."""
        recorded = self.by_path.pop(_entry_path(path, self.cwd, self.base), [])
        new, unmatched = _match(recorded, diagnostics)
        self.fixed.extend(unmatched)
        return new

    def unrecorded(self, path: str, diagnostics: Sequence[Diagnostic]) -> tuple[Diagnostic, ...]:
        """The diagnostics of one file that the baseline does not hold, leaving the baseline
        as it was (``--fix`` asks this of a file more than once)."""
        recorded = self.by_path.get(_entry_path(path, self.cwd, self.base), [])
        return _match(recorded, diagnostics)[0]


def _match(
    recorded: Sequence[Entry], diagnostics: Sequence[Diagnostic]
) -> tuple[tuple[Diagnostic, ...], list[Entry]]:
    """The diagnostics that no recorded entry matches, and the entries that match nothing."""
    by_context = Counter((e.rule, e.context) for e in recorded)
    by_text = Counter((e.rule, e.text) for e in recorded)
    matched = [False] * len(diagnostics)
    for i, d in enumerate(diagnostics):  # pass 1: text and neighbourhood
        k = (d.rule, d.fingerprint)
        if by_context[k] > 0:
            by_context[k] -= 1
            by_text[(d.rule, d.text_fingerprint)] -= 1
            matched[i] = True
    for i, d in enumerate(diagnostics):  # pass 2: the text alone
        k = (d.rule, d.text_fingerprint)
        if not matched[i] and by_text[k] > 0:
            by_text[k] -= 1
            matched[i] = True
    # What is left over in the text counts was fixed (or changed beyond recognition).
    unmatched: list[Entry] = []
    for e in recorded:
        k = (e.rule, e.text)
        if by_text[k] > 0:
            by_text[k] -= 1
            unmatched.append(e)
    new = tuple(
        d
        for i, d in enumerate(diagnostics)
        if not matched[i] or d.rule in ("read-error", "internal-error")
    )
    return new, unmatched
