"""Files to documents to diagnostics: reading, decoding, parsing and linting each file."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from linter.config import Config
from linter.document import Document, Span
from linter.engine import Diagnostic, internal_error, lint
from linter.findings import Severity
from linter.parse import DecodeError, format_for, parse, parse_bytes
from linter.paths import git_ignored, link_problem, matches, relative_to, walk

STDIN = "-"
#: Reading a pipe could wait forever, and a device could be endless: neither is an article.
NOT_REGULAR = "not a regular file (a pipe, socket or device): skipped, not read"


@dataclass(frozen=True, slots=True)
class FileReport:
    """What one file produced: its diagnostics, and the source lines they point at."""

    path: str
    diagnostics: tuple[Diagnostic, ...]
    #: The text of each line a diagnostic starts on, for reporters that show the source.
    lines: dict[int, str]
    #: False for the report of a path that named no file to check (missing, an empty folder,
    #: a pipe): its problem is reported, but it is not counted among the files.
    is_file: bool = True


def read_error(path: str, message: str, line: int = 1, column: int = 1) -> Diagnostic:
    """A file that could not be linted, reported as a finding of its own."""
    return Diagnostic(
        path=path,
        rule="read-error",
        severity=Severity.ERROR,
        message=message,
        line=line,
        column=column,
        end_line=line,
        end_column=column,
        span=Span(0, 0),
    )


def display_path(path: Path, cwd: Path) -> str:
    rel = relative_to(path, cwd)
    return rel if not rel.startswith("..") else path.as_posix()


def _excluded(path: Path, config: Config, ignored: set[Path]) -> bool:
    """Whether ``exclude`` or (when respected) ``.gitignore`` leaves out a file named explicitly.
    Only used with --force-exclude: by default a file you name is checked."""
    if config.exclude and matches(relative_to(path, config.root), config.exclude):
        return True
    return path in ignored


def collect(
    paths: Sequence[str],
    config: Config,
    cwd: Path,
    *,
    force_exclude: bool = False,
    skip: tuple[int, int] | None = None,
) -> Iterator[tuple[str, Path | None, str | None]]:
    """(display path, file, problem) for every file to lint, in order; folders are walked.

    Walked folders skip ``exclude`` globs and, unless ``respect-gitignore: false``, what git
    ignores. Files named explicitly are always checked, unless ``force_exclude`` (what
    pre-commit needs, as it names every staged file). A problem (a path that does not exist, a
    broken or looping symbolic link, a folder with no articles) is reported as a read error for
    that path, and the run goes on. A walk passes over the file ``skip`` (device and inode):
    the run's own report.
    """
    ignored: set[Path] = set()
    if force_exclude and config.respect_gitignore:  # one git call for every named file
        ignored = git_ignored([Path(p) for p in paths if p != STDIN and _is_file(Path(p))])
    # A file named twice (a folder and a file in it, say, or the file and a symbolic link to
    # it) is checked once, where first found; a folder's link to one of its own files is
    # passed over, so the file is found by its own name, which a --diff patch can name.
    seen: set[str] = set()
    for raw in paths:
        if raw == STDIN:
            yield STDIN, None, None
            continue
        try:
            entries = list(_named(raw, config, cwd, force_exclude, ignored, skip))
            # Only a link pays for resolving: a walk has thousands of files.
            plain = (
                {
                    os.path.normpath(os.path.join(cwd, f))
                    for _, f, _, linked in entries
                    if f and not linked
                }
                if any(linked for *_, linked in entries)
                else set()
            )
            for shown, file, problem, linked in entries:
                if file is not None:
                    key = os.path.normpath(os.path.join(cwd, file))
                    if linked:
                        key = os.path.realpath(key)
                        if key in plain:
                            continue  # the file itself is in this folder too
                    if key in seen:
                        continue
                    seen.add(key)
                yield shown, file, problem
        except OSError as exc:  # a name too long for the system, say
            yield raw, None, f"cannot read the path: {exc.strerror or exc}"


def _named(
    raw: str,
    config: Config,
    cwd: Path,
    force_exclude: bool,
    ignored: set[Path],
    skip: tuple[int, int] | None,
) -> Iterator[tuple[str, Path | None, str | None, bool]]:
    """What :func:`collect` yields for one path named on the command line, and whether each
    file is a symbolic link."""
    path = Path(raw)
    problem = link_problem(path)
    if problem is not None:
        yield raw, None, problem, False
    elif path.is_dir():
        found = list(walk(path, config.include, config.exclude, config.root))
        # A folder whose articles git ignores is not an error: there is just nothing to do.
        skipped = git_ignored(found) if config.respect_gitignore else set()
        shown_in = _DisplayFolders(cwd)
        for file in found:
            if skipped and file in skipped:
                continue
            if skip is not None and _identity(file) == skip:
                continue  # the report this run writes
            kind = _file_type(file)
            if kind == "folder":
                problem = "cannot list the folder (permission denied?); check its permissions"
                yield display_path(file, cwd), None, problem, False
            elif kind == "file":
                yield shown_in(file), file, None, False
            elif kind == "linked file":
                yield shown_in(file), file, None, True
            else:
                yield shown_in(file), file, link_problem(file) or NOT_REGULAR, False
        if not found:
            yield raw, None, _nothing_to_check(config), False
    elif path.is_file():
        if not (force_exclude and _excluded(path, config, ignored)):
            yield display_path(path, cwd), path, None, path.is_symlink()
    elif path.exists():
        yield raw, None, NOT_REGULAR, False
    else:
        yield raw, None, _missing(path), False


def _identity(file: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(file)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long for the system: reported when it is collected
        return False


def _nothing_to_check(config: Config) -> str:
    """The problem of a folder with no file to check, and where to change which names count."""
    where = config.source if config.source is not None else "a config file"
    return (
        f"nothing to check: no files matching {', '.join(config.include)} in this folder "
        f"(set 'include' in {where} to check other names)"
    )


def _file_type(file: Path) -> str:
    """The type of a walked path ("file", "linked file" for a symbolic link to one, "folder" or
    "other"), from one ``lstat`` where it can.

    A walk yields thousands of paths, nearly all plain files: one system call settles those.
    Anything else (a symbolic link, a path gone since the walk) takes the slower, exact way.
    """
    try:
        mode = os.lstat(file).st_mode
    except OSError:
        mode = 0
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    if file.is_dir():
        return "folder"
    if link_problem(file) is None and file.is_file():
        return "linked file" if stat.S_ISLNK(mode) else "file"
    return "other"


class _DisplayFolders:
    """:func:`display_path` for walked files, worked out once per folder, not once per file.

    For a folder inside the working folder as written (the usual walk), a file's display
    path is the folder's relative path followed by the file's name, so that part is worked
    out once per folder. Any other folder (outside it, or reached through a symbolic link)
    takes :func:`display_path` file by file, which resolves the file's folder.
    """

    def __init__(self, cwd: Path) -> None:
        self.cwd = Path(os.path.abspath(cwd))
        #: Keyed by the folder as a string: hashing a Path per file would cost more. None:
        #: the folder is not inside the working folder as written.
        self.prefixes: dict[str, str | None] = {}

    def __call__(self, file: Path) -> str:
        folder, _, name = os.fspath(file).rpartition(os.sep)
        if folder in self.prefixes:
            prefix = self.prefixes[folder]
        else:
            try:
                rel = Path(os.path.abspath(file.parent)).relative_to(self.cwd).as_posix()
            except ValueError:
                prefix = None
            else:
                prefix = "" if rel == "." else rel + "/"
            self.prefixes[folder] = prefix
        return prefix + name if prefix is not None else display_path(file, self.cwd)


def _missing(path: Path) -> str:
    message = "no such file or folder"
    parent = path.parent
    try:
        siblings = [p.name for p in parent.iterdir()] if parent.is_dir() else []
    except OSError:
        siblings = []
    import difflib  # only a missing path needs it

    close = difflib.get_close_matches(path.name, siblings, n=1, cutoff=0.8)
    if close:
        return f"{message}; did you mean {(parent / close[0]).as_posix()!r}?"
    return f"{message}; check the path"


def lint_text(text: str, path: str, config: Config) -> FileReport:
    try:
        doc = parse(text, path, options=config.article)
    except Exception as exc:  # crash isolation: a parser bug costs this file, not the run
        return _parser_crash(path, exc)
    return _report(doc, config)


def _parser_crash(path: str, exc: Exception) -> FileReport:
    what = f"The {format_for(path)} parser"
    return FileReport(path, (internal_error(path, "", exc, what=what),), {})


def lint_data(data: bytes, shown: str, config: Config, *, processes: int = 1) -> FileReport:
    """Decode, parse and lint a file's bytes; bytes that are not text become a read-error.

    A large file's rules may be shared between up to ``processes`` processes (same report).
    """
    try:
        doc = parse_bytes(data, shown, options=config.article)
    except DecodeError as exc:
        line = column = 1
        if exc.offset is not None and not exc.binary:
            # Where the bad byte sits, for an editor: lines by newline, columns in bytes.
            line = data.count(b"\n", 0, exc.offset) + 1
            column = exc.offset - (data.rfind(b"\n", 0, exc.offset) + 1) + 1
        return FileReport(
            shown, (read_error(shown, f"cannot decode the file: {exc}", line, column),), {}
        )
    except Exception as exc:  # crash isolation: a parser bug costs this file, not the run
        return _parser_crash(shown, exc)
    return _report(doc, config, processes)


def lint_file(file: Path, shown: str, config: Config, *, processes: int = 1) -> FileReport:
    """Read, decode, parse and lint one file; trouble reading it becomes a read-error."""
    try:
        data = file.read_bytes()
    except PermissionError:
        message = "permission denied: cannot read the file; check its permissions"
        return FileReport(shown, (read_error(shown, message),), {})
    except IsADirectoryError:
        return FileReport(shown, (read_error(shown, "a folder, not a file"),), {})
    except OSError as exc:
        problem = link_problem(file)
        message = problem or f"cannot read the file: {exc.strerror or exc}"
        return FileReport(shown, (read_error(shown, message),), {})
    return lint_data(data, shown, config, processes=processes)


def _report(doc: Document, config: Config, processes: int = 1) -> FileReport:
    diagnostics = lint(doc, config.rules_for(doc.path), config.known, processes=processes)
    lines = {d.line: doc.line_text(d.line) for d in diagnostics if d.rule != "internal-error"}
    return FileReport(doc.path, tuple(diagnostics), lines)
