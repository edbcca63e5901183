"""What every reporter shares: its constructor, and a summary line on standard error."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TextIO

from linter.engine import Diagnostic
from linter.reporters import Summary, summary_line
from linter.rulebook import Rule
from linter.runner import FileReport


class BaseReporter:
    """Collects nothing; subclasses write findings in :meth:`file` or at :meth:`finish`.

    Machine formats own standard output, so the human summary goes to standard error
    (``--quiet`` drops it).
    """

    def __init__(
        self,
        out: TextIO,
        err: TextIO,
        *,
        color: bool = False,
        quiet: bool = False,
        rules: Mapping[str, Rule] | None = None,
    ) -> None:
        self.out = out
        self.err = err
        self.color = color
        self.quiet = quiet
        self.rules: Mapping[str, Rule] = rules or {}

    def file(self, report: FileReport) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        if not self.quiet:
            self.err.write(summary_line(summary) + "\n")


def last_line(d: Diagnostic) -> int:
    """The last line a finding covers (a span that ends just after a newline ends at column 1
    of the next line, which it does not cover)."""
    return d.end_line - 1 if d.end_column == 1 and d.end_line > d.line else d.end_line


#: A lone surrogate: what a file name's bytes that are not UTF-8 decode to
#: (``os.fsdecode``), and what no UTF-8 output can hold as such.
_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(document: object) -> str:
    """``document`` as indented JSON, with each lone surrogate written as its ``\\u``
    escape: the output stays UTF-8, and a JSON reader gets the name back (Python's, to the
    very bytes, with ``os.fsencode``)."""
    import json  # here: a one-file run in another format never needs it

    text = json.dumps(document, indent=2, ensure_ascii=False)
    if not text.isascii():
        text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


def undecoded(text: str) -> str:
    """``text`` with each byte a file name's decoding could not read (a surrogate
    ``os.fsdecode`` left) written as ``\\xNN``, for output that cannot escape it."""
    if text.isascii():
        return text
    return _SURROGATE.sub(_byte_of, text)


def _byte_of(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"
