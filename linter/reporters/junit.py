"""``--format junit``: JUnit XML, one test case per file checked (failed if it has findings).

For CI systems that show test reports; each failure lists the file's findings one per line.
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from linter.reporters import Summary
from linter.reporters.base import BaseReporter, undecoded
from linter.reporters.concise import concise_line
from linter.runner import FileReport

#: What XML 1.0 cannot carry, even escaped: most control characters, surrogates, U+FFFE and
#: U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    """``text`` as XML character data, each character XML cannot hold a U+FFFD."""
    return escape(_NOT_XML.sub("\ufffd", undecoded(text)))


class JunitReporter(BaseReporter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cases: list[str] = []
        self.failures = 0

    def file(self, report: FileReport) -> None:
        name = quoteattr(_xml_text(report.path))
        if not report.diagnostics:
            self.cases.append(f'    <testcase name={name} classname="copydesk"/>\n')
            return
        self.failures += 1
        n = len(report.diagnostics)
        message = quoteattr(f"{n} problem{'' if n == 1 else 's'}")
        body = _xml_text("".join(concise_line(d) for d in report.diagnostics))
        self.cases.append(
            f'    <testcase name={name} classname="copydesk">\n'
            f'      <failure message={message} type="copydesk">{body}</failure>\n'
            "    </testcase>\n"
        )

    def finish(self, summary: Summary) -> None:
        tests = len(self.cases)
        counts = f'tests="{tests}" failures="{self.failures}" errors="0" skipped="0"'
        self.out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<testsuites name="copydesk" {counts}>\n'
            f'  <testsuite name="copydesk" {counts}>\n'
            + "".join(self.cases)
            + "  </testsuite>\n</testsuites>\n"
        )
        super().finish(summary)
