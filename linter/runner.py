"""Files to documents to diagnostics: reading, decoding, parsing and linting each file."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from linter.config import Config
from linter.document import Document, Span
from linter.engine import Diagnostic, lint
from linter.findings import Severity
from linter.parse import DecodeError, parse, parse_bytes
from linter.paths import git_ignored, matches, relative_to, walk

STDIN = "-"


@dataclass(frozen=True, slots=True)
class FileReport:
    """What one file produced: its diagnostics, and the source lines they point at."""

    path: str
    diagnostics: tuple[Diagnostic, ...]
    #: The text of each line a diagnostic starts on, for reporters that show the source.
    lines: dict[int, str]


def read_error(path: str, message: str) -> Diagnostic:
    return Diagnostic(
        path=path,
        rule="read-error",
        severity=Severity.ERROR,
        message=message,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
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
    paths: Sequence[str], config: Config, cwd: Path, *, force_exclude: bool = False
) -> Iterator[tuple[str, Path | None, str | None]]:
    """(display path, file, problem) for every file to lint, in order; folders are walked.

    Walked folders skip ``exclude`` globs and, unless ``respect-gitignore: false``, what git
    ignores. Files named explicitly are always checked, unless ``force_exclude`` (what
    pre-commit needs, as it names every staged file). A problem (a path that does not exist,
    a folder with no articles) is reported as a read error for that path, and the run goes on.
    """
    ignored: set[Path] = set()
    if force_exclude and config.respect_gitignore:  # one git call for every named file
        ignored = git_ignored([Path(p) for p in paths if p != STDIN and Path(p).is_file()])
    for raw in paths:
        if raw == STDIN:
            yield STDIN, None, None
            continue
        path = Path(raw)
        if path.is_dir():
            found = list(walk(path, config.include, config.exclude, config.root))
            # A folder whose articles git ignores is not an error: there is just nothing to do.
            skipped = git_ignored(found) if config.respect_gitignore else set()
            for file in found:
                if file not in skipped:
                    yield display_path(file, cwd), file, None
            if not found:
                yield raw, None, (f"no files matching {', '.join(config.include)} in this folder")
        elif path.is_file():
            if force_exclude and _excluded(path, config, ignored):
                continue
            yield display_path(path, cwd), path, None
        elif path.is_symlink():
            yield raw, None, "broken symbolic link: its target does not exist"
        else:
            yield raw, None, "no such file or folder"


def lint_text(text: str, path: str, config: Config) -> FileReport:
    doc = parse(text, path, options=config.article)
    return _report(doc, config)


def lint_file(file: Path, shown: str, config: Config) -> FileReport:
    """Read, decode, parse and lint one file; trouble reading it becomes a read-error."""
    try:
        data = file.read_bytes()
    except PermissionError:
        return FileReport(
            shown, (read_error(shown, "permission denied: cannot read the file"),), {}
        )
    except OSError as exc:
        return FileReport(
            shown, (read_error(shown, f"cannot read the file: {exc.strerror or exc}"),), {}
        )
    return lint_bytes(data, shown, config)


def lint_bytes(data: bytes, shown: str, config: Config) -> FileReport:
    """Decode, parse and lint file contents (from disk or stdin)."""
    try:
        doc = parse_bytes(data, shown, options=config.article)
    except DecodeError as exc:
        return FileReport(shown, (read_error(shown, f"cannot decode the file: {exc}"),), {})
    return _report(doc, config)


def _report(doc: Document, config: Config) -> FileReport:
    diagnostics = lint(doc, config.rules_for(doc.path), config.known)
    lines = {d.line: doc.line_text(d.line) for d in diagnostics if d.rule != "internal-error"}
    return FileReport(doc.path, tuple(diagnostics), lines)
