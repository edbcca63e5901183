"""``--diff-from REF``: which lines of which files changed since a git revision.

Compares REF with the working tree (staged and unstaged changes alike), so the same command
works on a pull request's checkout (``--diff-from origin/main``) and before a commit. Files git
does not track (new or ignored) count as changed throughout, and so do files outside the
repository and files git compares as binary (git cannot say what lines changed in them).
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
#: How the changes are asked of git (their lines, and their counts with --numstat).
_DIFF = (
    "-c",
    "core.quotePath=false",
    "diff",
    "--no-color",
    "--no-ext-diff",
    "--no-renames",
    # Whatever diff.noprefix or diff.mnemonicPrefix say: the names are read below.
    "--src-prefix=a/",
    "--dst-prefix=b/",
    "--unified=0",
)


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
    repository whose top folder is ``top``, which tracks the files ``tracked`` (paths from
    ``top``, with "/"; None: every file in it)."""

    files: dict[Path, frozenset[int] | None]
    top: Path | None = None
    tracked: frozenset[str] | None = None

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
                if not self._tracked(key):
                    return True  # outside the repository or untracked: all of it is new
                continue
            lines = self.files[key]
            if lines is None or any(n in lines for n in range(first, end + 1)):
                return True
        return False

    def _tracked(self, key: Path) -> bool:
        """Whether git tracks the file at ``key`` (resolved): what it does not track, it
        cannot say the changes of."""
        if self.top is None:
            return True
        try:
            inside = key.relative_to(self.top)
        except ValueError:
            return False  # outside the repository
        tracked = self.tracked
        # In a submodule, git tracks the submodule's folder (a gitlink), not its files.
        return (
            tracked is None
            or inside.as_posix() in tracked
            or any(folder.as_posix() in tracked for folder in inside.parents)
        )


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
    diff = _git([*_DIFF, ref, "--"], top)
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
    # A file git compares as binary (UTF-16 text, one marked "-diff" in .gitattributes) has
    # no lines in the diff: "--numstat" lists it with "-" for its counts, and all of it counts.
    counts = _git([*_DIFF, "--numstat", "-z", ref, "--"], top)
    for record in counts.split(b"\0"):
        added, _, rest = record.partition(b"\t")
        deleted, _, name = rest.partition(b"\t")
        if (added, deleted) == (b"-", b"-") and name:
            files[(top / name.decode("utf-8", "surrogateescape")).resolve()] = ALL_LINES
    # Any other file in the repository that git does not track (new, or ignored but named)
    # counts whole too: see ChangedLines.touches.
    tracked = frozenset(
        name.decode("utf-8", "surrogateescape")
        for name in _git(["ls-files", "-z"], top).split(b"\0")
        if name
    )
    return ChangedLines(
        {k: (v if v is None else frozenset(v)) for k, v in files.items()}, top.resolve(), tracked
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
