"""The ``copydesk`` command's click front end: check, rules, explain, test-rules, init.

``check`` runs in :mod:`linter.commands`; the console script (:func:`linter.console.run`)
comes here only for a command line its own reader leaves to click.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from linter import __version__, commands
from linter.commands import (
    CHECK_FORMATS,
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_USAGE,
    CheckOptions,
    fail,
)
from linter.console import run
from linter.errors import UserError, did_you_mean

__all__ = [
    "CHECK_FORMATS",
    "EXIT_CLEAN",
    "EXIT_FINDINGS",
    "EXIT_INTERNAL",
    "EXIT_USAGE",
    "guarded",
    "main",
    "run",
]
F = TypeVar("F", bound=Callable[..., Any])


def guarded(func: F) -> F:
    """Turn user mistakes into exit 2 with a clear message, and bugs into exit 3."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except (KeyboardInterrupt, Exception) as exc:
            fail(exc, kwargs.get("verbose", False))

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
# Not readable=True: a file that cannot be read is a read-error finding of its own, and the
# other files are still checked.
@click.argument("paths", nargs=-1, type=click.Path(readable=False, path_type=str))
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
    help="Write the report to this file instead of standard output (with --diff or --fix -, "
    "the patch or the fixed text stays on standard output).",
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
    help="The name to report for text read from stdin ('-', which must be among the paths); "
    "its suffix picks the format.",
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
    type=click.IntRange(min=1, max=1024),
    metavar="N",
    help="Worker processes for many files (default: the number of CPUs; at most four for "
    "each CPU).",
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

    A path '-' reads one article from standard input; it may be given once.

    Exit status: 0 nothing at or above the fail level, 1 findings (with --diff: changes to
    show), 2 usage, configuration, read or write error, 3 internal error.
    """
    commands.check(
        CheckOptions(
            paths=paths,
            output_format=output_format,
            output_path=output_path,
            select=select,
            ignore=ignore,
            config_path=config_path,
            isolated=isolated,
            fail_on=fail_on,
            stdin_filename=stdin_filename,
            force_exclude=force_exclude,
            baseline_path=baseline_path,
            write_baseline_path=write_baseline_path,
            diff_from=diff_from,
            fix=fix,
            unsafe_fixes=unsafe_fixes,
            diff=diff,
            jobs=jobs,
            no_cache=no_cache,
            cache_dir=cache_dir,
            quiet=quiet,
            verbose=verbose,
        )
    )


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
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="Use this config file (to explain a rule of its rulebooks, with its settings).",
)
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
    from linter.explain import OUTPUT_IDS, render_kind, render_output_id, render_rule
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
    if rule is None and rule_id in OUTPUT_IDS:
        click.echo(render_output_id(rule_id), nl=False)
        return
    if rule is None:
        raise UserError(
            f"unknown rule {rule_id!r}", hint=did_you_mean(rule_id, [*config.known, *OUTPUT_IDS])
        )
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
    try:
        st: os.stat_result | None = target.lstat()
    except OSError:
        st = None
    if st is not None and stat.S_ISLNK(st.st_mode):
        # Writing through it would change (or make) a file elsewhere, whatever it leads to.
        raise UserError(
            "'.copydesk.yaml' is a symbolic link; not written",
            hint="remove the link first, or edit the file it leads to",
        )
    if target.is_dir():
        raise UserError(
            "'.copydesk.yaml' is a folder, not a file; not overwritten",
            hint="move or remove the folder first",
        )
    if target.exists() and not force:
        raise UserError(".copydesk.yaml already exists", hint="use --force to overwrite it")
    if st is not None and st.st_nlink > 1:
        raise UserError(
            "'.copydesk.yaml' has other hard links, which overwriting it would change too; "
            "not overwritten",
            hint="remove it first",
        )
    from linter.config import configs_in

    others = [name for name in configs_in(Path(".")) if name != ".copydesk.yaml"]
    if others:
        # A second config in the folder would stop the next run: which one applies?
        raise UserError(
            f"this folder already has a config file: {others[0]!r}; not written",
            hint="edit that one, or remove it first",
        )
    try:
        target.write_text(starter_config(), encoding="utf-8")
    except OSError as exc:
        raise UserError(
            f"cannot write the config: {exc.strerror or exc}", path=str(target)
        ) from None
    click.echo(f"Wrote {target}")


if __name__ == "__main__":
    main()
