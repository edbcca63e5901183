"""Which files a run looks at: walking folders, include and exclude globs."""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterable, Iterator, Sequence
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
    if isinstance(patterns, tuple):
        return _any_glob(patterns).match(name) is not None
    return any(glob_regex(p).match(name) for p in patterns)


@lru_cache(maxsize=64)
def _any_glob(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One regular expression for several globs: a walk tests every file name against them."""
    if not patterns:
        return re.compile(r"(?!)")
    return re.compile("|".join(f"(?:{glob_regex(p).pattern})" for p in patterns))


def relative_to(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` as a POSIX string, or ``path`` itself when outside it.

    The last component is never resolved, so a symbolic link is named as written, not by its
    target (and a broken or looping link still has a name).
    """
    abs_path = Path(os.path.abspath(path))
    abs_root = Path(os.path.abspath(root))
    try:
        return abs_path.relative_to(abs_root).as_posix()
    except ValueError:
        pass
    try:
        real = abs_path.parent.resolve() / abs_path.name
        return real.relative_to(abs_root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symbolic link loop (3.11)
        return path.as_posix()


def link_problem(path: Path) -> str | None:
    """What is wrong with a symbolic link that does not lead to a readable file, if anything."""
    if not path.is_symlink():
        return None
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop: the link never reaches a file; fix or remove the link"
        return (
            f"broken symbolic link: its target {os.readlink(path)!r} does not exist; "
            "fix or remove the link"
        )
    return None


def walk(
    folder: Path, include: tuple[str, ...], exclude: tuple[str, ...], root: Path
) -> Iterator[Path]:
    """Files under ``folder`` whose names match ``include`` and whose paths miss ``exclude``,
    in a stable order. Symbolic links to folders are not followed (no loops).

    A folder that cannot be listed is yielded itself, so the caller can report it rather than
    skip it in silence.
    """
    unreadable: list[Path] = []

    def note(exc: OSError) -> None:
        unreadable.append(Path(exc.filename) if exc.filename else folder)

    for current, dirs, files in os.walk(folder, onerror=note, followlinks=False):
        yield from unreadable
        unreadable.clear()
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
    yield from unreadable


def in_git_work_tree(folder: Path) -> bool:
    """Whether git could see ``folder`` as part of a repository: a ``.git`` (folder or file)
    in it or above it, or git told where the repository is through its environment.

    Not cached: a run asks once per folder of files, and a test may make a repository later.
    """
    if "GIT_DIR" in os.environ or "GIT_WORK_TREE" in os.environ:
        return True
    return any(os.path.lexists(os.path.join(f, ".git")) for f in (folder, *folder.parents))


def git_ignored(files: Sequence[Path]) -> set[Path]:
    """The files among ``files`` that git ignores (``.gitignore``, ``.git/info/exclude``, the
    global excludes file). Files git tracks are never ignored. Without git, or outside a
    repository, nothing is ignored."""
    if not files:
        return set()
    # Strings, not paths: hashing thousands of Path objects costs more than git's answer.
    folders = {Path(os.path.abspath(d)) for d in {os.path.dirname(os.fspath(f)) for f in files}}
    if not any(in_git_work_tree(folder) for folder in folders):
        return set()  # git would only say "not a repository": spare starting it
    import subprocess  # only a run inside a git work tree starts git

    absolute = [f.absolute() for f in files]
    try:
        result = subprocess.run(
            ["git", "check-ignore", "-z", "--stdin"],
            input="\0".join(str(f) for f in absolute).encode("utf-8", "surrogateescape"),
            cwd=absolute[0].parent,
            capture_output=True,
            check=False,
        )
    except OSError:  # git is not installed
        return set()
    if result.returncode not in (0, 1):  # 128: not a repository, or a path outside it
        return set()
    ignored = {Path(p.decode("utf-8", "surrogateescape")) for p in result.stdout.split(b"\0") if p}
    return {f for f, a in zip(files, absolute, strict=True) if a in ignored}
