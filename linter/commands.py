"""The ``check`` command itself, without click: its options as a record, the run, its errors.

The click front end (:mod:`linter.cli`) and the console script's own reader of plain ``check``
command lines (:mod:`linter.console`) both end here, so a run behaves the same whichever of
them read its arguments.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import io
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from linter.errors import UserError

if TYPE_CHECKING:
    from linter.baseline import Baseline
    from linter.config import Config
    from linter.engine import Diagnostic
    from linter.fixes import Reported
    from linter.gitdiff import ChangedLines

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
#: The formats of `copydesk check --format` (reporters in linter/reporters/).
CHECK_FORMATS = ["text", "concise", "json", "sarif", "github", "junit", "gitlab", "html"]


@dataclass(frozen=True)
class CheckOptions:
    """Everything ``copydesk check`` was asked for, as its options name it."""

    paths: tuple[str, ...] = ()
    output_format: str | None = None
    output_path: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config_path: Path | None = None
    isolated: bool = False
    fail_on: str | None = None
    stdin_filename: str | None = None
    force_exclude: bool = False
    baseline_path: Path | None = None
    write_baseline_path: Path | None = None
    diff_from: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    jobs: int | None = None
    no_cache: bool = False
    cache_dir: Path | None = None
    quiet: bool = False
    verbose: bool = False


def echo_err(message: str) -> None:
    """Write ``message`` and a newline to standard error and flush it, exactly as
    ``click.echo(message, err=True)`` does."""
    stream = sys.stderr
    if _plain(stream) and "\x1b" not in message:
        stream.write(message + "\n")
        stream.flush()
        return
    # click strips escape sequences from a stream that is not a terminal and rewraps an ASCII
    # stream as UTF-8: in those rare cases it writes the message itself.
    import click

    click.echo(message, err=True)


def _plain(stream: Any) -> bool:
    """Whether click would write to ``stream`` as it is (a text stream it need not rewrap)."""
    if sys.platform == "win32" or not isinstance(stream, io.TextIOWrapper):
        return False
    import codecs

    try:
        return codecs.lookup(stream.encoding).name != "ascii"
    except LookupError:
        return True


#: Errors of writing that the machine causes: no space, over quota, too large, read-only, I/O.
_OUTPUT_FULL = frozenset(
    getattr(errno, name)
    for name in ("ENOSPC", "EDQUOT", "EFBIG", "EROFS", "EIO")
    if hasattr(errno, name)
)


def fail(exc: BaseException, verbose: bool) -> NoReturn:
    """End a command that raised ``exc``: a user's mistake exits 2 with a clear message, an
    interrupt 130, a closed pipe quietly, and a bug 3."""
    if isinstance(exc, UserError):
        echo_err(f"copydesk: error: {exc}")
        sys.exit(EXIT_USAGE)
    if isinstance(exc, KeyboardInterrupt):
        echo_err("copydesk: interrupted")
        sys.exit(130)
    if isinstance(exc, BrokenPipeError):
        # The reader went away (`copydesk check | head`): stop quietly, as other tools do.
        # Point stdout at nothing so that flushing it at exit cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_FINDINGS)
    if isinstance(exc, OSError) and exc.errno in _OUTPUT_FULL:
        # Standard output could not be written (a full disk, "> /dev/full"): the machine's
        # to put right, not a bug. Point it at nothing so that flushing at exit cannot fail.
        echo_err(f"copydesk: error: cannot write the output: {exc.strerror or exc}")
        with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_USAGE)
    if not isinstance(exc, Exception):
        raise exc
    echo_err(f"copydesk: internal error: {type(exc).__name__}: {exc}")
    if verbose:
        import traceback

        echo_err("".join(traceback.format_exception(exc)))
    else:
        echo_err("(run with --verbose for the traceback; please report this bug)")
    sys.exit(EXIT_INTERNAL)


#: The read error of ``-`` when the run was started with standard input closed (``<&-``).
STDIN_CLOSED = "standard input is closed: nothing to read"

#: Whether this process is the ``copydesk`` command itself (:func:`linter.console.run`) rather
#: than a program that calls :func:`linter.cli.main`: only a process of its own may set its heap
#: aside for good.
_own_process = False


def own_process() -> None:
    """Declare this process the ``copydesk`` command's own: it ends with the run, so the run
    may freeze the heap (see :func:`_start_up`)."""
    global _own_process
    _own_process = True


def run_check(options: CheckOptions) -> NoReturn:
    """``copydesk check`` with these options, its errors reported as the command reports them."""
    try:
        check(options)
    except (KeyboardInterrupt, Exception) as exc:
        fail(exc, options.verbose)


def _split_ids(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _color(stream: Any) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def check(options: CheckOptions) -> NoReturn:
    """Check article files and folders (default: the current folder), report, and exit."""
    with _start_up():
        from linter.config import load_config
        from linter.parallel import MAX_JOBS_PER_CPU, Entry, default_jobs, lint_entries
        from linter.reporters import Summary, make_reporter
        from linter.runner import STDIN, FileReport, collect, lint_data, read_error

        cwd = Path.cwd()
        config = load_config(
            options.config_path,
            cwd=cwd,
            select=_split_ids(options.select),
            ignore=_split_ids(options.ignore),
            fail_on=options.fail_on,
            isolated=options.isolated,
        )
    baseline_path = options.baseline_path
    write_baseline_path = options.write_baseline_path
    if baseline_path is not None and write_baseline_path is not None:
        raise UserError("use either --baseline or --write-baseline, not both")
    if write_baseline_path is not None and (options.fix or options.unsafe_fixes or options.diff):
        # A fixing run reports what is left after fixing, not what a baseline records.
        flag = "--diff" if options.diff else "--fix" if options.fix else "--unsafe-fixes"
        raise UserError(
            f"use either {flag} or --write-baseline, not both",
            hint="fix the files first, then write the baseline in a run of its own",
        )
    _check_stdin(options.paths, options.stdin_filename)
    _guard_output(options, config, cwd)
    output_format = options.output_format
    if output_format is None:
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    quiet, verbose = options.quiet, options.verbose
    changed = None
    if options.diff_from is not None:
        from linter.gitdiff import changed_lines

        changed = changed_lines(options.diff_from, cwd)
    baseline = None
    if baseline_path is not None:
        from linter.baseline import Baseline

        baseline = Baseline.load(baseline_path, cwd)
    if options.fix or options.unsafe_fixes or options.diff:
        _check_fix(options, config, cwd, output_format, _report_filter(cwd, changed, baseline))
    out = _open_output(options.output_path)
    reporter = make_reporter(
        output_format,
        out,
        sys.stderr,
        color=options.output_path is None and _color(sys.stdout),
        quiet=quiet,
        rules=_reported_rules(config),
    )
    summary = Summary()
    worst = EXIT_CLEAN
    recorded: list[Any] = []

    cache = None
    if not options.no_cache:
        from linter.cache import CACHE_DIR, Cache

        cache = Cache(options.cache_dir or config.root / CACHE_DIR, config)

    def other(entry: Entry) -> FileReport | None:
        shown, _, problem = entry
        if problem is not None:
            return FileReport(shown, (read_error(shown, problem),), {}, is_file=False)
        if shown == STDIN:
            name = options.stdin_filename or "<stdin>"
            if sys.stdin is None:  # started with standard input closed ("<&-")
                return FileReport(name, (read_error(name, STDIN_CLOSED),), {}, is_file=False)
            return lint_data(sys.stdin.buffer.read(), name, config)
        return None

    reports = lint_entries(
        collect(
            options.paths or (".",),
            config,
            cwd,
            force_exclude=options.force_exclude,
            skip=output_identity(out),
        ),
        config,
        other,
        # More workers than CPUs only share them: a few more are allowed (a machine may have
        # work to wait on), not thousands of processes.
        jobs=min(options.jobs or default_jobs(), MAX_JOBS_PER_CPU * default_jobs()),
        cache=cache,
    )
    from linter.progress import Progress, wanted

    if wanted(sys.stderr):
        reports = Progress(sys.stderr, sys.stdout).track(reports)
    for report in reports:
        if write_baseline_path is not None:
            recorded.extend(report.diagnostics)
        if changed is not None and not (
            "-" in options.paths and report.path == (options.stdin_filename or "<stdin>")
        ):
            # Text on standard input is no file git knows the changes of: all of it counts.
            kept = tuple(d for d in report.diagnostics if changed.touches(cwd, d))
            report = replace(report, diagnostics=kept)
        if baseline is not None:
            report = replace(report, diagnostics=baseline.new_only(report.path, report.diagnostics))
        reporter.file(report)
        summary.add(report)
        worst = _exit_code(worst, report.diagnostics, config, verbose)
    reporter.finish(summary)
    out.flush()
    if out is not sys.stdout and out is not sys.stderr:
        out.close()
    if baseline is not None and baseline.fixed and not quiet:
        n = len(baseline.fixed)
        echo_err(f"{n} finding{'' if n == 1 else 's'} fixed since baseline:")
        for e in baseline.fixed:
            echo_err(f"  {e.path}: {e.rule} (was line {e.line}) {e.message}")
    if write_baseline_path is not None:
        from linter.baseline import write_baseline

        n = write_baseline(write_baseline_path, recorded, cwd)
        echo_err(f"Recorded {n} finding{'' if n == 1 else 's'} in {write_baseline_path}")
        if worst == EXIT_FINDINGS:  # recording findings is what was asked for
            worst = EXIT_CLEAN
    if sys.stdout is not None:  # closed (">&-") with the report written to -o FILE
        sys.stdout.flush()
    _exit(worst)


@contextlib.contextmanager
def _start_up() -> Iterator[None]:
    """Import the engine and load the configuration with the garbage collector paused, then,
    in the command's own process, set what they made aside from it (``gc.freeze``): it lives
    as long as the process. Called from another program, nothing is frozen: the caller's
    garbage alive at that moment would never be collected."""
    # Start-up creates tens of thousands of objects (modules, classes, the rules) and frees
    # next to none, so the collections it triggers walk live objects for nothing. Pausing
    # alone only defers that walk to the first collection after it; frozen objects are
    # never walked again, and pool workers forked later share their pages untouched.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if _own_process:
                gc.freeze()
            gc.enable()


def _exit(code: int) -> NoReturn:
    """End a run that is done: everything is written, only the interpreter's teardown is left."""
    # At exit the interpreter runs full garbage collections over every object still alive (the
    # modules, the validated rules, compiled patterns), only to find nearly all of it live; on a
    # one-file run that walk took about as long as linting the file. Frozen objects are skipped,
    # and are still freed with their modules; a finalizer of a reference cycle may not run at
    # exit, which Python never promises anyway.
    if _own_process:
        gc.freeze()
    sys.exit(code)


def _reported_rules(config: Any) -> dict[str, Any]:
    """The rules a report describes: those enabled, and any an override names."""
    rules = {a.id: a.rule for a in config.rules}
    for override in config.overrides:
        rules.update((rid, config.known[rid]) for rid in override.table if rid in config.known)
    return dict(sorted(rules.items()))


def _check_stdin(paths: tuple[str, ...], stdin_filename: str | None) -> None:
    """Refuse what cannot be done with standard input: read it twice, or name text never read."""
    count = paths.count("-")
    if count > 1:
        raise UserError(
            f"'-' (standard input) is given {count} times; standard input can be read only once"
        )
    if stdin_filename is not None and not count:
        raise UserError(
            f"--stdin-filename {stdin_filename!r} names the text read from standard input, "
            "but '-' is not among the paths",
            hint="add '-' to read the article from standard input",
        )


def _report_filter(
    cwd: Path, changed: ChangedLines | None, baseline: Baseline | None
) -> Callable[[str], Reported] | None:
    """For a file's path, what ``--diff-from`` and ``--baseline`` let through of its findings,
    as ``check`` reports them (None when neither is given)."""
    if changed is None and baseline is None:
        return None

    def for_file(path: str) -> Reported:
        def reported(diagnostics: Sequence[Diagnostic]) -> Sequence[Diagnostic]:
            kept = tuple(diagnostics)
            if changed is not None:
                kept = tuple(d for d in kept if changed.touches(cwd, d))
            if baseline is not None:
                kept = baseline.unrecorded(path, kept)
            return kept

        return reported

    return for_file


def _guard_output(options: CheckOptions, config: Config, cwd: Path) -> None:
    """Refuse an ``-o FILE`` or ``--write-baseline FILE`` that would overwrite what the run
    reads: an article named on the command line (or a new path also named as one), a file the
    run would check, a baseline or config file it uses, a symbolic link, or a file with other
    hard links. Opening it for the report would empty it before it is read, and writing a
    baseline there would put JSON in place of an article or a config. An empty or new report
    inside a folder being checked is passed over by the walk instead
    (:func:`output_identity`)."""
    if options.output_path is not None:
        used = [p for p in (options.baseline_path, options.write_baseline_path) if p is not None]
        _guard_written(options.output_path, "-o", "report", used, options, config, cwd)
    if options.write_baseline_path is not None:
        _guard_written(
            options.write_baseline_path, "--write-baseline", "baseline", [], options, config, cwd
        )


def _guard_written(
    path: Path,
    flag: str,
    what: str,
    used: list[Path],
    options: CheckOptions,
    config: Config,
    cwd: Path,
) -> None:
    """Refuse ``path``, which the run writes its ``what`` to, if it is one of the files
    :func:`_guard_output` lists (``used`` are other files the run reads or writes)."""
    paths = options.paths
    named = [p for p in paths if p != "-"]
    if options.stdin_filename is not None and "-" in paths:
        named.append(options.stdin_filename)
    try:
        st = path.lstat()
    except (OSError, ValueError):
        st = None
    problem = None
    elsewhere = f"write the {what} to another file"
    # The config files it read are in config.reads (see _read_by).
    if st is None:
        target = _spelled(path)
        if any(_spelled(p) == target for p in named):
            problem = f"{flag} names a path given as an article; {elsewhere}"
        elif any(_spelled(p) == target for p in used):
            problem = f"{flag} names the baseline this run writes; {elsewhere}"
    elif stat.S_ISLNK(st.st_mode) and not (
        what == "report" and (_leads_to_a_stream(path) or _standard_stream(path) is not None)
    ):
        problem = f"{flag} names a symbolic link; write the {what} to a plain file"
    elif stat.S_ISREG(st.st_mode):
        if st.st_nlink > 1:
            problem = (
                f"{flag} names a file with other hard links, which the {what} would overwrite too"
            )
        elif any(_same_file(p, path) for p in named):
            problem = f"{flag} names an article this run checks; {elsewhere}"
        elif any(_same_file(p, path) for p in used) or _read_by(path, config):
            problem = f"{flag} names a baseline or config file this run reads; {elsewhere}"
        elif st.st_size and _checks(st, options, config, cwd):
            problem = (
                f"{flag} names a file this run checks as an article; write the {what} "
                f"elsewhere, or under a name the run does not check ({what}.json, say)"
            )
    elif what == "baseline" and not stat.S_ISDIR(st.st_mode):  # a pipe, a device
        problem = f"{flag} names something other than a file; write the {what} to a plain file"
    if problem is None and what == "baseline" and st is not None and stat.S_ISDIR(st.st_mode):
        problem = f"{flag} names a folder; write the {what} to a file in it (baseline.json, say)"
    if problem is None and what == "baseline":
        from linter.paths import matches, name_matches, relative_to

        # Written after the run, it would be linted as an article by the next one (unless
        # 'exclude' leaves it out).
        if name_matches(path.name, config.include) and not (
            config.exclude and matches(relative_to(path.absolute(), config.root), config.exclude)
        ):
            raise UserError(
                f"{flag} names a file that runs check as an article (it matches "
                f"'include': {', '.join(config.include)})",
                path=str(path),
                hint="name the baseline baseline.json, say",
            )
    if problem:
        raise UserError(problem, path=str(path))


def _leads_to_a_stream(path: Path) -> bool:
    """Whether a symbolic link leads to something other than a file or folder: a terminal or
    a pipe (``/dev/stdout``), which a report may be written to."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError, RuntimeError):
        return False  # dangling or looping: it would make a file where it points
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _read_by(path: Path, config: Config) -> bool:
    """Whether the configuration was read from ``path``: its config file, one it extends, or
    a file in one of its rulebook folders."""
    for source in config.reads:
        if _same_file(source, path):
            return True
        try:
            if source.is_dir() and source.resolve() in path.resolve().parents:
                return True
        except (OSError, ValueError, RuntimeError):
            continue
    return False


def _spelled(path: str | Path) -> str:
    """A path that does not exist yet, with the folders it is in resolved (links and all)."""
    try:
        return os.path.join(os.path.realpath(os.path.dirname(path) or "."), os.path.basename(path))
    except (OSError, ValueError):
        return os.path.abspath(path)


def _same_file(one: str | Path, other: str | Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except (OSError, ValueError):
        return False


def _checks(st: os.stat_result, options: CheckOptions, config: Config, cwd: Path) -> bool:
    """Whether the run would check the file whose status is ``st``: it walks what the run
    walks, by the same rules (``exclude``, git's ignore rules, links), and compares files."""
    from linter.runner import collect

    if options.paths and all(p == "-" for p in options.paths):
        return False  # standard input alone: nothing is walked
    target = (st.st_dev, st.st_ino)
    walked = collect(options.paths or (".",), config, cwd, force_exclude=options.force_exclude)
    for _, file, _ in walked:
        if file is None:
            continue
        try:
            found = file.stat()
        except (OSError, ValueError):
            continue
        if (found.st_dev, found.st_ino) == target:
            return True
    return False


def output_identity(out: Any) -> tuple[int, int] | None:
    """The device and inode of the report file, for the walk to pass over; None for a stream."""
    if out is sys.stdout or out is sys.stderr:
        return None
    try:
        st = os.fstat(out.fileno())
    except (OSError, ValueError, AttributeError):
        return None
    return (st.st_dev, st.st_ino)


def _standard_stream(path: Path) -> Any:
    """The standard stream (output, else error) whose file ``path`` leads to, when that is a
    plain file (``-o /dev/stdout`` or ``-o /dev/stderr`` with it sent to a file): the report
    goes to the stream, as opening the file would empty it. None for any other path."""
    try:
        here = os.stat(path)
    except (OSError, ValueError):
        return None
    for stream in (sys.stdout, sys.stderr):
        try:
            there = os.fstat(stream.fileno())
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            continue  # closed, or no file at all (a test's stream)
        if (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino) and stat.S_ISREG(
            there.st_mode
        ):
            return stream
    return None


#: What a run that writes its report or patch to standard output says when it is closed.
STDOUT_CLOSED = "standard output is closed: nowhere to write the output"


def _stdout(hint: str | None = "write the report to a file with -o FILE") -> Any:
    """Standard output, which the run writes to; a usage error if it was closed (``>&-``)."""
    if sys.stdout is None:
        raise UserError(STDOUT_CLOSED, hint=hint)
    return sys.stdout


def _open_output(path: Path | None) -> Any:
    """Where the report goes: standard output, or the ``-o`` file."""
    if path is None:
        return _stdout()
    try:
        link = path.is_symlink()
    except OSError as exc:  # a name too long for the system, say
        raise UserError(f"cannot write the report: {exc.strerror or exc}", path=str(path)) from None
    if link and (stream := _standard_stream(path)) is not None:
        return stream
    try:
        # A file name that is not UTF-8 is written as its escape ("\udcff"), which JSON
        # readers take; the report stays valid UTF-8.
        file = path.open("w", encoding="utf-8", errors="backslashreplace", newline="\n")
    except OSError as exc:
        raise UserError(f"cannot write the report: {exc.strerror or exc}", path=str(path)) from None
    return _ReportFile(file, path)


class _ReportFile:
    """The ``-o`` file: failing to write it (a full disk) is the user's to put right, with a
    message and exit status 2, not a bug's traceback."""

    def __init__(self, file: Any, path: Path) -> None:
        self._file = file
        self._path = path

    def _failed(self, exc: OSError) -> UserError:
        return UserError(f"cannot write the report: {exc.strerror or exc}", path=str(self._path))

    def write(self, text: str) -> int:
        try:
            return int(self._file.write(text))
        except OSError as exc:
            raise self._failed(exc) from None

    def flush(self) -> None:
        try:
            self._file.flush()
        except OSError as exc:
            raise self._failed(exc) from None

    def close(self) -> None:
        try:
            self._file.close()
        except OSError as exc:
            raise self._failed(exc) from None

    def fileno(self) -> int:
        return int(self._file.fileno())

    def isatty(self) -> bool:
        return False


def _exit_code(worst: int, diagnostics: Iterable[Diagnostic], config: Config, verbose: bool) -> int:
    """The run's exit status so far, raised by what these diagnostics are."""
    for d in diagnostics:
        if d.rule == "internal-error":
            worst = max(worst, EXIT_INTERNAL)
            if verbose and d.detail:
                echo_err(d.detail)
        elif d.rule in ("read-error", "write-error", "fix-error"):
            worst = max(worst, EXIT_USAGE)
        elif d.severity.rank >= config.fail_on.rank:
            worst = max(worst, EXIT_FINDINGS)
    return worst


def _check_fix(
    options: CheckOptions,
    config: Config,
    cwd: Path,
    output_format: str,
    report_filter: Callable[[str], Reported] | None,
) -> NoReturn:
    """``check --fix`` / ``--diff``: fix each file (or show the diff), report what remains.

    With ``--fix -`` the fixed text goes to stdout, so findings and the summary go to stderr,
    or the report to ``-o FILE``. ``--diff`` prints the patch on stdout and writes a report
    (of what the patch leaves) only to ``-o FILE``. With ``--diff-from`` or ``--baseline``
    only the findings the report would show are fixed.
    """
    from linter.fixes import FixOutcome, fix_bytes, fix_file, patch_applies, unified_diff
    from linter.reporters import Summary, make_reporter
    from linter.runner import STDIN, FileReport, collect, read_error

    paths, unsafe, diff = options.paths, options.unsafe_fixes, options.diff
    quiet, verbose = options.quiet, options.verbose
    # Standard output takes the patch, the text fixed from standard input, or else the report
    # when no -o FILE is given; only a run that writes none of them may have it closed.
    stdout = None
    if diff or STDIN in paths:  # the patch, or the fixed text, has nowhere else to go
        stdout = _stdout(hint=None).buffer
    elif options.output_path is None:
        stdout = _stdout().buffer
    reporter = None
    out: Any = None
    if options.output_path is not None:
        out = _open_output(options.output_path)  # before any file is changed
    elif not diff:
        out = sys.stderr if STDIN in paths else sys.stdout
    if out is not None:
        reporter = make_reporter(
            output_format,
            out,
            sys.stderr,
            color=options.output_path is None and _color(out),
            quiet=quiet,
            rules=_reported_rules(config),
        )
    summary = Summary()
    worst = EXIT_CLEAN
    fixed = files_fixed = unsafe_left = 0
    entries = collect(
        paths or (".",),
        config,
        cwd,
        force_exclude=options.force_exclude,
        skip=output_identity(out) if out is not None else None,
    )
    for shown, file, problem in entries:
        if problem is not None:
            outcome = FixOutcome(
                FileReport(shown, (read_error(shown, problem),), {}, is_file=False)
            )
        elif file is None and shown == STDIN and sys.stdin is None:  # "<&-"
            shown = options.stdin_filename or "<stdin>"
            outcome = FixOutcome(
                FileReport(shown, (read_error(shown, STDIN_CLOSED),), {}, is_file=False)
            )
        elif file is None and shown == STDIN:
            shown = options.stdin_filename or "<stdin>"
            data = sys.stdin.buffer.read()
            reported = report_filter(shown) if report_filter else None
            outcome = fix_bytes(data, shown, config, unsafe=unsafe, reported=reported)
            if not diff and stdout is not None:
                stdout.write(outcome.new)  # the input itself when it could not be fixed
        elif file is not None:
            reported = report_filter(shown) if report_filter else None
            outcome = fix_file(
                file, shown, config, unsafe=unsafe, write=not diff, reported=reported
            )
        else:
            continue
        fixed += len(outcome.fixed)
        files_fixed += 1 if outcome.changed else 0
        unsafe_left += outcome.unsafe_left
        if diff:
            patch = unified_diff(shown, outcome.old, outcome.new) if outcome.changed else ""
            # A patch is bytes: a file name that is not UTF-8 goes in as its own bytes (what
            # os.fsdecode made of them), which git apply and patch look the file up by.
            if stdout is not None:
                stdout.write(patch.encode("utf-8", "surrogateescape"))
            if patch and not patch_applies(outcome.old):
                echo_err(
                    f"{shown}: the file is UTF-16; its patch shows the change as UTF-8 text, "
                    "which git apply and patch cannot apply to it (use --fix)"
                )
            if patch:
                worst = max(worst, EXIT_FINDINGS)
            # The exit status says what the patch is, whether or not a report is written.
            problems = [d for d in outcome.report.diagnostics if d.rule.endswith("-error")]
            if reporter is None:
                for d in problems:
                    echo_err(f"{d.path}: {d.rule}: {d.message}")
            worst = _exit_code(worst, problems, config, verbose)
        else:
            worst = _exit_code(worst, outcome.report.diagnostics, config, verbose)
        if reporter is not None:
            reporter.file(outcome.report)
            summary.add(outcome.report)
    if reporter is not None:
        reporter.finish(summary)
        out.flush()
        if out is not sys.stdout and out is not sys.stderr:
            out.close()
    if not quiet:
        problems_text = f"{fixed} problem{'' if fixed == 1 else 's'}"
        in_files = f"{files_fixed} file{'' if files_fixed == 1 else 's'}"
        verb = "Would fix" if diff else "Fixed"
        echo_err(f"{verb} {problems_text} in {in_files}." if fixed else "No fixes applied.")
        if unsafe_left and not unsafe:
            echo_err(f"{unsafe_left} more fixable with --unsafe-fixes (review the result).")
    if stdout is not None:
        sys.stdout.flush()
        stdout.flush()
    _exit(worst)
