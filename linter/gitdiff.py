"""``--diff-from REF``: which lines of which files changed since a git revision.

Compares REF with the working tree (staged and unstaged changes alike), so the same command
works on a pull request's checkout (``--diff-from origin/main``) and before a commit. Files git
does not track yet count as changed throughout, and so do files outside the repository (git
cannot say what changed in them).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from linter.errors import UserError

if TYPE_CHECKING:
    from linter.engine import Diagnostic

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
ALL_LINES = None
_QUOTE = ("-c", "core.quotePath=false")


def _git(args: Sequence[str], cwd: Path) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError:
        raise UserError("--diff-from needs git, and git is not installed") from None
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UserError(
            f"git {args[0]} failed: {reason[-1] if reason else 'exit ' + str(result.returncode)}"
        )
    return result.stdout


@dataclass(frozen=True)
class ChangedLines:
    """Changed lines per file (absolute path -> line numbers; None means every line), in the
    repository whose top folder is ``top``."""

    files: dict[Path, frozenset[int] | None]
    top: Path | None = None

    def touches(self, cwd: Path, d: Diagnostic) -> bool:
        """Whether a finding touches a changed line, or (for a finding that points at other
        places too, like a duplicate and its first copy) whether any of its places does."""
        if d.rule in ("read-error", "internal-error"):
            return True
        places = [(d.path, d.line, _last(d.line, d.end_line, d.end_column))] + [
            (r.path, r.line, _last(r.line, r.end_line, r.end_column)) for r in d.related
        ]
        for path, first, end in places:
            key = (cwd / path).resolve()
            if key not in self.files:
                if self.top is not None and self.top != key and self.top not in key.parents:
                    return True  # outside the repository: git cannot say, so all of it
                continue
            lines = self.files[key]
            if lines is None or any(n in lines for n in range(first, end + 1)):
                return True
        return False


def _last(line: int, end_line: int, end_column: int) -> int:
    # A span that ends just after a newline ends at column 1 of a line it does not cover.
    return end_line - 1 if end_column == 1 and end_line > line else end_line


def changed_lines(ref: str, cwd: Path) -> ChangedLines:
    """Lines changed in the working tree since ``ref``, in the repository around ``cwd``."""
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).decode().strip())
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    except UserError:
        raise UserError(
            f"--diff-from: {ref!r} is not a commit in this repository",
            hint="in CI, fetch enough history (actions/checkout with fetch-depth: 0)",
        ) from None
    diff = _git(
        [
            "-c",
            "core.quotePath=false",
            "diff",
            "--no-color",
            "--no-ext-diff",
            "--unified=0",
            "--no-renames",
            # Whatever diff.noprefix or diff.mnemonicPrefix say: the names are read below.
            "--src-prefix=a/",
            "--dst-prefix=b/",
            ref,
            "--",
        ],
        top,
    )
    files: dict[Path, frozenset[int] | None] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith(b"+++ "):
            name = _unquoted(line[4:])
            if name == b"/dev/null":
                current = None
                continue
            path = (top / name[2:].decode("utf-8", "surrogateescape")).resolve()
            current = set()
            files[path] = current  # type: ignore[assignment]
        elif current is not None and (m := _HUNK.match(line)):
            start, count = int(m.group(1)), int(m.group(2) or 1)
            if count:
                current.update(range(start, start + count))
            else:  # a deletion: the lines on either side of it are what changed
                current.update((start, start + 1))
    untracked = _git(
        ["-c", "core.quotePath=false", "ls-files", "--others", "--exclude-standard", "-z"], top
    )
    for name in untracked.split(b"\0"):
        if name:
            files[(top / name.decode("utf-8", "surrogateescape")).resolve()] = ALL_LINES
    return ChangedLines(
        {k: (v if v is None else frozenset(v)) for k, v in files.items()}, top.resolve()
    )


_ESCAPES = {b"a": 7, b"b": 8, b"t": 9, b"n": 10, b"v": 11, b"f": 12, b"r": 13}


def _unquoted(name: bytes) -> bytes:
    """A file name as a diff's ``+++`` line writes it: git ends a name with a space in it
    with a tab, and puts one with a quotation mark, a backslash or a control character in
    C-style quotes (``"b/quo\\"te.md"``)."""
    name = name.rstrip(b"\t")
    if not (len(name) >= 2 and name.startswith(b'"') and name.endswith(b'"')):
        return name
    out = bytearray()
    body = name[1:-1]
    i = 0
    while i < len(body):
        c = body[i : i + 1]
        if c != b"\\" or i + 1 >= len(body):
            out += c
            i += 1
            continue
        nxt = body[i + 1 : i + 2]
        if nxt in _ESCAPES:
            out.append(_ESCAPES[nxt])
            i += 2
        elif nxt.isdigit():
            out.append(int(body[i + 1 : i + 4], 8) & 0xFF)
            i += 4
        else:  # \\ and \"
            out += nxt
            i += 2
    return bytes(out)
