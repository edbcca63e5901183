"""The ``copydesk`` command: check, rules, explain, init."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from linter import __version__
from linter.errors import UserError, did_you_mean

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
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
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
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
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: Path | None,
    isolated: bool,
    fail_on: str | None,
    stdin_filename: str | None,
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Check article files and folders (default: the current folder).

    Exit status: 0 nothing at or above the fail level, 1 findings, 2 usage, configuration or
    read error, 3 internal error.
    """
    from linter.config import load_config
    from linter.parallel import Entry, default_jobs, lint_entries
    from linter.reporters import Summary, make_reporter
    from linter.runner import STDIN, FileReport, collect, lint_text, read_error

    cwd = Path.cwd()
    config = load_config(
        config_path,
        cwd=cwd,
        select=_split_ids(select),
        ignore=_split_ids(ignore),
        fail_on=fail_on,
        isolated=isolated,
    )
    reporter = make_reporter(
        output_format, sys.stdout, sys.stderr, color=_color(sys.stdout), quiet=quiet
    )
    summary = Summary()
    worst = EXIT_CLEAN

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
            return lint_text(click.get_text_stream("stdin").read(), name, config)
        return None

    reports = lint_entries(
        collect(paths or (".",), config, cwd),
        config,
        other,
        jobs=jobs or default_jobs(),
        cache=cache,
    )
    from linter.progress import Progress, wanted

    if wanted(sys.stderr):
        reports = Progress(sys.stderr, sys.stdout).track(reports)
    for report in reports:
        reporter.file(report)
        summary.add(report)
        for d in report.diagnostics:
            if d.rule == "internal-error":
                worst = max(worst, EXIT_INTERNAL)
                if verbose:
                    click.echo(d.detail, err=True)
            elif d.rule == "read-error":
                worst = max(worst, EXIT_USAGE)
            elif d.severity.rank >= config.fail_on.rank:
                worst = max(worst, EXIT_FINDINGS)
    reporter.finish(summary)
    sys.stdout.flush()
    sys.exit(worst)


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
@guarded
def explain(rule_id: str, config_path: Path | None, isolated: bool) -> None:
    """Show a rule's documentation: what it finds, why, its options and examples."""
    from linter.config import load_config
    from linter.explain import render_rule

    config = load_config(config_path, isolated=isolated)
    rule = config.known.get(rule_id)
    if rule is None:
        raise UserError(f"unknown rule {rule_id!r}", hint=did_you_mean(rule_id, config.known))
    active = next((a for a in config.rules if a.id == rule_id), None)
    click.echo(render_rule(rule, active), nl=False)


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
