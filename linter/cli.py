"""The ``copydesk`` command: check, rules, explain, init."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from linter import __version__
from linter.errors import UserError, did_you_mean

if TYPE_CHECKING:
    from linter.config import Config
    from linter.engine import Diagnostic

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
#: The formats of `copydesk check --format` (reporters in linter/reporters/).
CHECK_FORMATS = ["text", "concise", "json", "sarif", "github", "junit", "gitlab", "html"]
F = TypeVar("F", bound=Callable[..., Any])


def _split_ids(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _color(stream: Any) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def guarded(func: F) -> F:
    """Turn user mistakes into exit 2 with a clear message, and bugs into exit 3."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except UserError as exc:
            click.echo(f"copydesk: error: {exc}", err=True)
            sys.exit(EXIT_USAGE)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("copydesk: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            # The reader went away (`copydesk check | head`): stop quietly, as other tools do.
            # Point stdout at nothing so that flushing it at exit cannot fail again.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(EXIT_FINDINGS)
        except Exception as exc:
            verbose = kwargs.get("verbose", False)
            click.echo(f"copydesk: internal error: {type(exc).__name__}: {exc}", err=True)
            if verbose:
                import traceback

                click.echo("".join(traceback.format_exception(exc)), err=True)
            else:
                click.echo(
                    "(run with --verbose for the traceback; please report this bug)", err=True
                )
            sys.exit(EXIT_INTERNAL)

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper  # type: ignore[return-value]


#: Whether this process is the ``copydesk`` command itself (:func:`run`) rather than a program
#: that calls :func:`main`: only a process of its own may set its heap aside for good.
_own_process = False


def run() -> None:
    """The ``copydesk`` console script and ``python -m linter``: :func:`main`, in a process
    that ends with the run (so the run may freeze the heap; see :func:`_start_up`)."""
    global _own_process
    _own_process = True
    main()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="copydesk")
def main() -> None:
    """copydesk: an editorial quality-check linter for articles (plain text and Markdown).

    Run `copydesk check` on files or folders, `copydesk rules` to list the rules and
    `copydesk explain RULE` for one rule's documentation.
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(CHECK_FORMATS),
    help="Output format (default: text, or github when GITHUB_ACTIONS=true).",
)
@click.option(
    "-o",
    "--output",
    "output_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Check only these rules (comma-separated; repeatable).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="RULES",
    help="Do not check these rules (comma-separated; repeatable).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="Use this config file instead of searching for one.",
)
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    help="Lowest severity that makes the run fail (default: error, or the config).",
)
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="The name to report for text read from stdin ('-'); its suffix picks the format.",
)
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply exclude and .gitignore to files named on the command line too (for pre-commit).",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Report only findings not recorded in this baseline file.",
)
@click.option(
    "--write-baseline",
    "write_baseline_path",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Record every current finding in this baseline file (and exit 0).",
)
@click.option(
    "--diff-from",
    metavar="REF",
    help="Report only findings on lines changed since this git revision.",
)
@click.option(
    "--fix",
    is_flag=True,
    help="Apply safe fixes in place and report what remains ('--fix -': stdin to stdout).",
)
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="Apply unsafe fixes too (implies --fix unless --diff is given).",
)
@click.option(
    "--diff",
    is_flag=True,
    help="Print a unified diff of what the fixes would change; write nothing (exit 1 if any).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Worker processes for many files (default: the number of CPUs).",
)
@click.option(
    "--no-cache", is_flag=True, help="Lint every file again; do not read or write the cache."
)
@click.option(
    "--cache-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Keep the cache here (default: .copydesk_cache next to the config, or here).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks of internal errors.")
@guarded
def check(
    paths: tuple[str, ...],
    output_format: str | None,
    output_path: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: Path | None,
    isolated: bool,
    fail_on: str | None,
    stdin_filename: str | None,
    force_exclude: bool,
    baseline_path: Path | None,
    write_baseline_path: Path | None,
    diff_from: str | None,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Check article files and folders (default: the current folder).

    Exit status: 0 nothing at or above the fail level, 1 findings (with --diff: changes to
    show), 2 usage, configuration, read or write error, 3 internal error.
    """
    with _start_up():
        from linter.config import load_config
        from linter.parallel import Entry, default_jobs, lint_entries
        from linter.reporters import Summary, make_reporter
        from linter.runner import STDIN, FileReport, collect, lint_data, read_error

        cwd = Path.cwd()
        config = load_config(
            config_path,
            cwd=cwd,
            select=_split_ids(select),
            ignore=_split_ids(ignore),
            fail_on=fail_on,
            isolated=isolated,
        )
    if baseline_path is not None and write_baseline_path is not None:
        raise UserError("use either --baseline or --write-baseline, not both")
    if output_format is None:
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if fix or unsafe_fixes or diff:
        _check_fix(
            paths,
            config,
            cwd,
            output_format,
            stdin_filename,
            unsafe_fixes,
            diff,
            quiet,
            verbose,
            force_exclude,
        )
    changed = None
    if diff_from is not None:
        from linter.gitdiff import changed_lines

        changed = changed_lines(diff_from, cwd)
    baseline = None
    if baseline_path is not None:
        from linter.baseline import Baseline

        baseline = Baseline.load(baseline_path, cwd)
    out = _open_output(output_path)
    reporter = make_reporter(
        output_format,
        out,
        sys.stderr,
        color=output_path is None and _color(sys.stdout),
        quiet=quiet,
        rules=_reported_rules(config),
    )
    summary = Summary()
    worst = EXIT_CLEAN
    recorded: list[Any] = []

    cache = None
    if not no_cache:
        from linter.cache import CACHE_DIR, Cache

        cache = Cache(cache_dir or config.root / CACHE_DIR, config)

    def other(entry: Entry) -> FileReport | None:
        shown, _, problem = entry
        if problem is not None:
            return FileReport(shown, (read_error(shown, problem),), {})
        if shown == STDIN:
            name = stdin_filename or "<stdin>"
            return lint_data(sys.stdin.buffer.read(), name, config)
        return None

    reports = lint_entries(
        collect(paths or (".",), config, cwd, force_exclude=force_exclude),
        config,
        other,
        jobs=jobs or default_jobs(),
        cache=cache,
    )
    from linter.progress import Progress, wanted

    if wanted(sys.stderr):
        reports = Progress(sys.stderr, sys.stdout).track(reports)
    for report in reports:
        if write_baseline_path is not None:
            recorded.extend(report.diagnostics)
        if changed is not None:
            kept = tuple(d for d in report.diagnostics if changed.touches(cwd, d))
            report = FileReport(report.path, kept, report.lines)
        if baseline is not None:
            report = FileReport(
                report.path, baseline.new_only(report.path, report.diagnostics), report.lines
            )
        reporter.file(report)
        summary.add(report)
        worst = _exit_code(worst, report.diagnostics, config, verbose)
    reporter.finish(summary)
    out.flush()
    if out is not sys.stdout:
        out.close()
    if baseline is not None and baseline.fixed and not quiet:
        n = len(baseline.fixed)
        click.echo(f"{n} finding{'' if n == 1 else 's'} fixed since baseline:", err=True)
        for e in baseline.fixed:
            click.echo(f"  {e.path}: {e.rule} (was line {e.line}) {e.message}", err=True)
    if write_baseline_path is not None:
        from linter.baseline import write_baseline

        n = write_baseline(write_baseline_path, recorded, cwd)
        click.echo(
            f"Recorded {n} finding{'' if n == 1 else 's'} in {write_baseline_path}", err=True
        )
        if worst == EXIT_FINDINGS:  # recording findings is what was asked for
            worst = EXIT_CLEAN
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


def _open_output(path: Path | None) -> Any:
    if path is None:
        return sys.stdout
    try:
        return path.open("w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise UserError(f"cannot write the report: {exc.strerror or exc}", path=str(path)) from None


def _exit_code(worst: int, diagnostics: Iterable[Diagnostic], config: Config, verbose: bool) -> int:
    """The run's exit status so far, raised by what these diagnostics are."""
    for d in diagnostics:
        if d.rule == "internal-error":
            worst = max(worst, EXIT_INTERNAL)
            if verbose and d.detail:
                click.echo(d.detail, err=True)
        elif d.rule in ("read-error", "write-error", "fix-error"):
            worst = max(worst, EXIT_USAGE)
        elif d.severity.rank >= config.fail_on.rank:
            worst = max(worst, EXIT_FINDINGS)
    return worst


def _check_fix(
    paths: tuple[str, ...],
    config: Config,
    cwd: Path,
    output_format: str,
    stdin_filename: str | None,
    unsafe: bool,
    diff: bool,
    quiet: bool,
    verbose: bool,
    force_exclude: bool = False,
) -> None:
    """``check --fix`` / ``--diff``: fix each file (or show the diff), report what remains.

    With ``--fix -`` the fixed text goes to stdout, so findings and the summary go to stderr.
    """
    from linter.fixes import FixOutcome, fix_bytes, fix_file, unified_diff
    from linter.reporters import Summary, make_reporter
    from linter.runner import STDIN, FileReport, collect, read_error

    stdout = sys.stdout.buffer
    to_stdout = STDIN in paths and not diff
    out = sys.stderr if to_stdout else sys.stdout
    reporter = (
        None
        if diff
        else make_reporter(
            output_format,
            out,
            sys.stderr,
            color=_color(out),
            quiet=quiet,
            rules=_reported_rules(config),
        )
    )
    summary = Summary()
    worst = EXIT_CLEAN
    fixed = files_fixed = unsafe_left = 0
    for shown, file, problem in collect(paths or (".",), config, cwd, force_exclude=force_exclude):
        if problem is not None:
            outcome = FixOutcome(FileReport(shown, (read_error(shown, problem),), {}))
        elif file is None and shown == STDIN:
            shown = stdin_filename or "<stdin>"
            data = sys.stdin.buffer.read()
            outcome = fix_bytes(data, shown, config, unsafe=unsafe)
            if not diff:
                stdout.write(outcome.new)  # the input itself when it could not be fixed
        elif file is not None:
            outcome = fix_file(file, shown, config, unsafe=unsafe, write=not diff)
        else:
            continue
        fixed += len(outcome.fixed)
        files_fixed += 1 if outcome.changed else 0
        unsafe_left += outcome.unsafe_left
        if diff:
            patch = unified_diff(shown, outcome.old, outcome.new) if outcome.changed else ""
            stdout.write(patch.encode("utf-8"))
            if patch:
                worst = max(worst, EXIT_FINDINGS)
            problems = [d for d in outcome.report.diagnostics if d.rule.endswith("-error")]
            for d in problems:
                click.echo(f"{d.path}: {d.rule}: {d.message}", err=True)
            worst = _exit_code(worst, problems, config, verbose)
            continue
        assert reporter is not None
        reporter.file(outcome.report)
        summary.add(outcome.report)
        worst = _exit_code(worst, outcome.report.diagnostics, config, verbose)
    if reporter is not None:
        reporter.finish(summary)
    if not quiet:
        problems = f"{fixed} problem{'' if fixed == 1 else 's'}"
        in_files = f"{files_fixed} file{'' if files_fixed == 1 else 's'}"
        verb = "Would fix" if diff else "Fixed"
        click.echo(f"{verb} {problems} in {in_files}." if fixed else "No fixes applied.", err=True)
        if unsafe_left and not unsafe:
            click.echo(
                f"{unsafe_left} more fixable with --unsafe-fixes (review the result).", err=True
            )
    sys.stdout.flush()
    stdout.flush()
    _exit(worst)


@main.command("rules")
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="Use this config file (to list its rulebooks and settings too).",
)
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help="A plain list, or a Markdown table.",
)
@guarded
def list_rules(config_path: Path | None, isolated: bool, output_format: str) -> None:
    """List every known rule: id, severity, fix, and what it finds."""
    from linter.config import load_config

    config = load_config(config_path, isolated=isolated)
    if output_format == "markdown":
        from linter.explain import rules_table

        click.echo(rules_table(dict(config.known)), nl=False)
        return
    enabled = {a.id: a for a in config.rules}
    width = max(len(rid) for rid in config.known)
    for rid, rule in sorted(config.known.items()):
        active = enabled.get(rid)
        severity = active.severity.value if active else "off"
        fix = {"safe": "fix", "unsafe": "fix*", "none": ""}[rule.fixable.value]
        click.echo(f"{rid:<{width}}  {severity:<7}  {fix:<4}  {rule.summary}")


@main.command()
@click.argument("rule_id", metavar="RULE")
@click.option("--config", "config_path", type=click.Path(path_type=Path))
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option(
    "--kind",
    "as_kind",
    is_flag=True,
    help="Explain the kind of that name (its options and message fields) instead of a rule.",
)
@guarded
def explain(rule_id: str, config_path: Path | None, isolated: bool, as_kind: bool) -> None:
    """Show a rule's documentation: what it finds, why, its options and examples.

    With --kind (or when no rule has that name), show a kind's documentation: what it checks,
    the fields its messages may use, and every option with its type, default and meaning.
    """
    from linter.config import load_config
    from linter.explain import render_kind, render_rule
    from linter.kinds import REGISTRY

    if as_kind:
        if rule_id not in REGISTRY:
            raise UserError(f"unknown kind {rule_id!r}", hint=did_you_mean(rule_id, REGISTRY))
        click.echo(render_kind(rule_id), nl=False)
        return
    config = load_config(config_path, isolated=isolated)
    rule = config.known.get(rule_id)
    if rule is None and rule_id in REGISTRY:
        click.echo(render_kind(rule_id), nl=False)
        return
    if rule is None:
        raise UserError(f"unknown rule {rule_id!r}", hint=did_you_mean(rule_id, config.known))
    active = next((a for a in config.rules if a.id == rule_id), None)
    click.echo(render_rule(rule, active), nl=False)


@main.command("test-rules")
@click.argument("folders", nargs=-1, type=click.Path(path_type=Path), metavar="[DIR]...")
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="Use this config file to find the rulebooks (when no DIR is given).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print failures and the summary only.")
@guarded
def test_rules(folders: tuple[Path, ...], config_path: Path | None, quiet: bool) -> None:
    """Run the examples of a rulebook's rules, like a test runner.

    Each rule's good examples must stay quiet and its bad ones must give exactly the findings
    they list. DIR is a rulebook folder; without one, the config's rulebooks are tested.
    Exit status: 0 every example passed, 1 an example failed, 2 a rulebook or config error.
    """
    from linter.rulebook import Rule, builtin_rules, load_rulebook_dir
    from linter.testrules import report_failure, run_rulebook, untested

    cwd = Path.cwd()
    rules: dict[str, Rule] = {}
    if folders:
        for folder in folders:
            taken = {**builtin_rules(), **rules}
            rules.update(load_rulebook_dir(folder, folder.as_posix(), taken))
    else:
        from linter.config import load_config

        config = load_config(config_path, cwd=cwd)
        rules = {rid: r for rid, r in config.known.items() if not r.builtin}
        if not rules:
            raise UserError(
                "no rulebook to test",
                path=config.source,
                hint="give a rulebook folder, or list folders under 'rulebooks' in the config",
            )
    results = run_rulebook(rules.values())
    failed = [r for r in results if not r.passed]
    for result in results:
        source = rules[result.rule].source
        if not result.passed:
            click.echo(report_failure(result, rules[result.rule]) + "\n")
        elif not quiet:
            click.echo(f"PASS  {source}:{result.example.line}  {result.example.name}")
    lacking = untested(rules.values())
    for line in lacking:
        click.echo(line)
    if lacking or (not quiet and len(failed) < len(results)):
        click.echo()
    passed = len(results) - len(failed)
    summary = (
        f"{len(results)} example(s) in {len(rules)} rule(s): {passed} passed, {len(failed)} failed"
    )
    if lacking:
        summary += f"; {len(lacking)} rule(s) lack a good or a bad example"
    click.echo(summary)
    sys.exit(EXIT_FINDINGS if failed or lacking else EXIT_CLEAN)


@main.command()
@click.option("--force", is_flag=True, help="Overwrite an existing .copydesk.yaml.")
@guarded
def init(force: bool) -> None:
    """Write a starter .copydesk.yaml in the current folder."""
    from linter.explain import starter_config

    target = Path(".copydesk.yaml")
    if target.exists() and not force:
        raise UserError(".copydesk.yaml already exists", hint="use --force to overwrite it")
    target.write_text(starter_config(), encoding="utf-8")
    click.echo(f"Wrote {target}")


if __name__ == "__main__":
    main()
