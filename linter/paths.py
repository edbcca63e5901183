"""Which files a run looks at: walking folders, include and exclude globs."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

#: Folders never walked into: tools' own state, not articles.
SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        "node_modules",
        "__pycache__",
        ".copydesk_cache",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".pytest_cache",
    }
)


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """Compile a glob: ``*`` and ``?`` stay inside one folder, ``**`` crosses folders."""
    out = []
    i = 0
    anchored = pattern.startswith("/")
    pattern = pattern.lstrip("/")
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            end = pattern.find("]", i + 1)
            if end == -1:
                out.append(re.escape(c))
            else:
                body = pattern[i + 1 : end].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = end
        else:
            out.append(re.escape(c))
        i += 1
    body = "".join(out).rstrip("/")
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(f"^{prefix}{body}(?:/.*)?$")


def matches(relpath: str, patterns: Iterable[str]) -> bool:
    """Whether a relative POSIX path (or one of its folders) matches any glob."""
    return any(glob_regex(p).match(relpath) for p in patterns)


def name_matches(name: str, patterns: Iterable[str]) -> bool:
    return any(glob_regex(p).match(name) for p in patterns)


def relative_to(path: Path, root: Path) -> str:
    try:
        base = _resolved(root) if root.is_absolute() else root.resolve()
        real = _real(path)
        if os.name == "posix":
            # The same answer as Path.relative_to for resolved POSIX paths, as string work:
            # this runs once per file.
            real_s, base_s = str(real), str(base)
            if real_s == base_s:
                return "."
            prefix = base_s if base_s.endswith("/") else base_s + "/"
            if real_s.startswith(prefix):
                return real_s[len(prefix) :]
            return path.as_posix()
        return real.relative_to(base).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


@lru_cache(maxsize=64)
def _resolved(root: Path) -> Path:
    # The same few roots are asked about once per file: resolve each once.
    return root.resolve()


def _real(path: Path) -> Path:
    """``path.resolve()``, resolving each folder once rather than once per file in it."""
    name = path.name
    if name in ("", ".", "..") or path.is_symlink():
        return path.resolve()
    return _real_folder(os.getcwd(), path.parent) / name


@lru_cache(maxsize=1024)
def _real_folder(cwd: str, folder: Path) -> Path:
    # ``cwd`` is part of the key: a relative folder means another place after a chdir.
    return folder.resolve()


def walk(
    folder: Path, include: tuple[str, ...], exclude: tuple[str, ...], root: Path
) -> Iterator[Path]:
    """Files under ``folder`` whose names match ``include`` and whose paths miss ``exclude``,
    in a stable order. Symbolic links to folders are not followed (no loops)."""
    for current, dirs, files in os.walk(folder, followlinks=False):
        base = Path(current)
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in SKIP_DIRS and not matches(relative_to(base / d, root), exclude)
        )
        for name in sorted(files):
            path = base / name
            if not name_matches(name, include):
                continue
            if exclude and matches(relative_to(path, root), exclude):
                continue
            yield path
