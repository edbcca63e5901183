"""The ``copydesk`` console script and ``python -m linter``: a plain ``check`` without click.

Importing click takes about as long as everything else a one-article run starts with, so
the script first reads the command line itself, and recognises only the simple, unambiguous
``check`` command lines: ``check`` followed by flags that take no value, ``--format`` with a
format's name, and paths that do not start with ``-``. For those it runs the command directly
(:func:`linter.commands.check`), exactly as click would. Anything else (another command,
``--help``, an option with a value, ``-`` for standard input, grouped short flags, a word it
does not know) goes to click (:mod:`linter.cli`), unread.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

from linter.commands import CHECK_FORMATS, CheckOptions, own_process, run_check

#: The flags of ``check`` that take no value, and the field of :class:`CheckOptions` each sets.
FLAGS = {
    "--isolated": "isolated",
    "--no-cache": "no_cache",
    "--force-exclude": "force_exclude",
    "--fix": "fix",
    "--unsafe-fixes": "unsafe_fixes",
    "--diff": "diff",
    "-q": "quiet",
    "--quiet": "quiet",
    "-v": "verbose",
    "--verbose": "verbose",
}


def run() -> None:
    """Run the ``copydesk`` command in a process of its own, which ends with the run."""
    own_process()
    options = read_check(sys.argv[1:], os.environ)
    if options is None:
        from linter.cli import main

        main()
    else:
        run_check(options)


def read_check(args: Sequence[str], environ: Mapping[str, str]) -> CheckOptions | None:
    """The options of ``copydesk check ...`` (``args`` are the words after the program's name),
    or None when the command line is not one of the plain ``check`` lines this reads."""
    if os.name == "nt" or not args or args[0] != "check" or _completing(environ):
        return None  # Windows: click expands wildcards in the arguments itself
    on: set[str] = set()
    output_format: str | None = None
    paths: list[str] = []
    words = iter(args[1:])
    for word in words:
        if not word.startswith("-"):
            if not _as_click_takes_it(word):
                return None
            paths.append(word)
        elif word in FLAGS:
            on.add(FLAGS[word])  # click takes a flag given twice as given once
        elif word == "--format" or word.startswith("--format="):
            value = word[len("--format=") :] if "=" in word else next(words, None)
            if output_format is not None or value not in CHECK_FORMATS:
                return None
            output_format = value
        else:
            return None
    return CheckOptions(
        paths=tuple(paths),
        output_format=output_format,
        isolated="isolated" in on,
        force_exclude="force_exclude" in on,
        fix="fix" in on,
        unsafe_fixes="unsafe_fixes" in on,
        diff="diff" in on,
        no_cache="no_cache" in on,
        quiet="quiet" in on,
        verbose="verbose" in on,
    )


def _completing(environ: Mapping[str, str]) -> bool:
    """Whether a shell asks for completions (click's ``_COPYDESK_COMPLETE`` or the like)."""
    return any(k.startswith("_") and k.endswith("_COMPLETE") and v for k, v in environ.items())


def _as_click_takes_it(path: str) -> bool:
    """Whether click takes ``path`` as it is: it looks at one that exists (``os.stat``), and
    fails on one it cannot even ask about."""
    try:
        os.stat(path)
    except OSError:
        return True  # click leaves a path it cannot look at to the command
    except ValueError:
        return False
    return True
