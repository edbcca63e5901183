"""``--format html``: one self-contained page an editor would rather look at than read.

Totals by rule and by file, then each article in full with every finding highlighted in place,
its message beside the line, and links between related places (a repeat and its first copy, a
highlight figure and the body figure that contradicts it). No network, no external assets: the
styles and the small script are inline, so the file can be attached to a CI run and opened
anywhere.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter import __version__
from linter.engine import Diagnostic, Location
from linter.findings import Severity
from linter.reporters import Summary, summary_line
from linter.reporters.base import BaseReporter, undecoded
from linter.runner import FileReport

_STYLE = """
:root { --error: #c62828; --warning: #b26a00; --info: #1565c0; --line: #e6e6e6; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1200px;
  padding: 1.5rem; color: #1d1d1d; background: #fff; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; word-break: break-all; }
.summary { margin: 0 0 1rem; color: #444; }
table.totals { border-collapse: collapse; margin: .5rem 2rem 1rem 0; display: inline-table;
  vertical-align: top; }
table.totals th, table.totals td { border-bottom: 1px solid var(--line); padding: .2rem .6rem;
  text-align: left; }
table.totals td.n { text-align: right; font-variant-numeric: tabular-nums; }
.sev { font-size: .75rem; font-weight: 600; text-transform: uppercase; }
span.sev-error { color: var(--error); } span.sev-warning { color: var(--warning); }
span.sev-info { color: var(--info); }
table.source { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.source td { vertical-align: top; padding: 0 .5rem; border-top: 1px solid #f3f3f3; }
td.ln { width: 3.5rem; text-align: right; color: #999; user-select: none;
  font: 13px/1.6 ui-monospace, monospace; }
td.ln a { color: inherit; text-decoration: none; }
td.code { font: 13px/1.6 ui-monospace, monospace; white-space: pre-wrap;
  overflow-wrap: anywhere; }
td.notes { width: 40%; font-size: 13px; }
tr:target td { background: #fff8c4; }
mark.finding { background: #ffd6d6; color: inherit; border-bottom: 2px solid var(--error);
  border-radius: 2px; }
mark.finding.sev-warning { background: #ffe9c2; border-bottom-color: var(--warning); }
mark.finding.sev-info { background: #d9e8ff; border-bottom-color: var(--info); }
mark.finding.point { display: inline-block; min-width: .7em; min-height: 1.2em;
  vertical-align: text-bottom; }
mark.related { background: #e4f3e4; border-bottom: 2px dashed #2e7d32; color: inherit; }
mark.related.point { display: inline-block; min-width: .7em; min-height: 1.2em; }
.note { margin: .1rem 0 .3rem; padding-left: .5rem; border-left: 3px solid var(--error); }
.note.sev-warning { border-left-color: var(--warning); }
.note.sev-info { border-left-color: var(--info); }
.note.back { border-left: 3px dashed #2e7d32; color: #2e5e2e; }
.note .rule { font-family: ui-monospace, monospace; font-weight: 600; }
.note:target { background: #fff8c4; }
.clean { color: #2e7d32; }
.problem { color: var(--error); }
footer { margin-top: 3rem; color: #888; font-size: 12px; }
"""

# Marks each highlight with what the browser drew, so a reader (or a test) can tell that a
# finding is on screen: its box and its background colour.
_SCRIPT = """
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("mark.finding, mark.related").forEach(function (m) {
    var r = m.getBoundingClientRect();
    var bg = getComputedStyle(m).backgroundColor;
    m.setAttribute("data-drawn", Math.round(r.width) + "x" + Math.round(r.height) + " " + bg);
  });
  document.body.setAttribute("data-ready", "1");
});
"""


#: Control characters but tab and newline: an escape sequence quoted from an article would
#: act on a terminal the report is printed to.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape(text: str) -> str:
    """``text`` for HTML, each control character but tab and newline a U+FFFD (one character
    for one: offsets into it stay true), and each byte of a file name that is not UTF-8 as
    ``\\xNN`` (the page is UTF-8; only names hold such bytes, never an article's text)."""
    return html.escape(_CONTROLS.sub("\ufffd", undecoded(text)))


@dataclass(slots=True)
class _Mark:
    start: int  # 0-based columns within the line, end exclusive
    end: int
    ids: list[str] = field(default_factory=list)
    related: bool = False
    severity: Severity = Severity.INFO


@dataclass(slots=True)
class _Article:
    index: int
    path: str
    diagnostics: tuple[Diagnostic, ...]
    text: str | None


def _read_text(path: str) -> str | None:
    """The normalised text the findings' lines and columns refer to, or None (stdin, gone)."""
    from linter.parse import DecodeError, parse_bytes

    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    try:
        return parse_bytes(data, path).text
    except (DecodeError, ValueError):  # a report must not fail on a file it cannot show
        return None


def _anchor(index: int, line: int) -> str:
    return f"file-{index}-L{line}"


class HtmlReporter(BaseReporter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.articles: list[_Article] = []

    def file(self, report: FileReport) -> None:
        text = _read_text(report.path) if report.diagnostics else None
        self.articles.append(
            _Article(len(self.articles) + 1, report.path, report.diagnostics, text)
        )

    # -- page ------------------------------------------------------------------------------

    def finish(self, summary: Summary) -> None:
        ids: dict[int, str] = {}
        n = 0
        for article in self.articles:
            for d in article.diagnostics:
                n += 1
                ids[id(d)] = f"f{n}"
        index_of = {a.path: a.index for a in self.articles}
        parts = [
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            "<title>copydesk report</title>\n",
            f"<style>{_STYLE}</style>\n<script>{_SCRIPT}</script>\n</head>\n<body>\n",
            "<header>\n<h1>copydesk report</h1>\n",
            f'<p class="summary {"clean" if not summary.total else "problem"}">'
            f"{escape(summary_line(summary))}</p>\n</header>\n",
            self._totals(summary, ids),
        ]
        for article in self.articles:
            if article.diagnostics:
                parts.append(self._article(article, ids, index_of))
        parts.append(f"<footer>copydesk {escape(__version__)}</footer>\n</body>\n</html>\n")
        self.out.write("".join(parts))
        super().finish(summary)

    def _totals(self, summary: Summary, ids: dict[int, str]) -> str:
        if not summary.total:
            return ""
        severity: dict[str, Severity] = {}
        for a in self.articles:
            for d in a.diagnostics:
                severity.setdefault(d.rule, d.severity)
        rows = []
        for rule, count in sorted(summary.rules.items(), key=lambda kv: (-kv[1], kv[0])):
            sev = severity[rule]
            known = self.rules.get(rule)
            title = f' title="{escape(known.summary)}"' if known else ""
            rows.append(
                f"<tr><td><code{title}>{escape(rule)}</code></td>"
                f'<td><span class="sev sev-{sev.value}">{sev.value}</span></td>'
                f'<td class="n">{count}</td></tr>\n'
            )
        by_rule = (
            '<table class="totals" id="by-rule">\n<caption>By rule</caption>\n'
            "<tr><th>Rule</th><th>Severity</th><th>Findings</th></tr>\n" + "".join(rows)
        ) + "</table>\n"
        rows = []
        for a in self.articles:
            if not a.diagnostics:
                continue
            counts = Counter(d.severity for d in a.diagnostics)
            rows.append(
                f'<tr><td><a href="#file-{a.index}">{escape(a.path)}</a></td>'
                + "".join(f'<td class="n">{counts[s]}</td>' for s in Severity)
                + "</tr>\n"
            )
        by_file = (
            '<table class="totals" id="by-file">\n<caption>By file</caption>\n'
            "<tr><th>File</th><th>Errors</th><th>Warnings</th><th>Infos</th></tr>\n"
            + "".join(rows)
            + "</table>\n"
        )
        return f'<section id="totals">\n{by_rule}{by_file}</section>\n'

    # -- one article ---------------------------------------------------------------------

    def _article(self, article: _Article, ids: dict[int, str], index_of: dict[str, int]) -> str:
        head = (
            f'<section class="article" id="file-{article.index}">\n'
            f"<h2>{escape(article.path)}</h2>\n"
        )
        if article.text is None:
            notes = "".join(self._note(d, ids, index_of) for d in article.diagnostics)
            return f'{head}<div class="notes">{notes}</div>\n</section>\n'
        lines = article.text.split("\n")
        if article.text.endswith("\n"):
            lines.pop()
        lines = lines or [""]
        marks: dict[int, list[_Mark]] = {}
        notes: dict[int, list[str]] = {}
        for d in article.diagnostics:
            fid = ids[id(d)]
            self._place(marks, lines, d.line, d.column, d.end_line, d.end_column, fid, d.severity)
            notes.setdefault(min(d.line, len(lines)), []).append(self._note(d, ids, index_of))
            for r in d.related:
                if r.path != article.path:
                    continue
                self._place(marks, lines, r.line, r.column, r.end_line, r.end_column, fid, None)
                notes.setdefault(min(r.line, len(lines)), []).append(
                    self._back_note(d, r, ids, article.index)
                )
        rows = []
        for number, line in enumerate(lines, 1):
            anchor = _anchor(article.index, number)
            code = self._code(line, marks.get(number, []))
            note = "".join(notes.get(number, []))
            rows.append(
                f'<tr id="{anchor}"><td class="ln"><a href="#{anchor}">{number}</a></td>'
                f'<td class="code">{code}</td><td class="notes">{note}</td></tr>\n'
            )
        return f'{head}<table class="source">\n{"".join(rows)}</table>\n</section>\n'

    @staticmethod
    def _place(
        marks: dict[int, list[_Mark]],
        lines: list[str],
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        fid: str,
        severity: Severity | None,
    ) -> None:
        """Add the pieces of one span, line by line (an empty piece is drawn as a point)."""
        if end_column == 1 and end_line > line:  # ends just after a newline
            end_line -= 1
            end_column = len(lines[end_line - 1]) + 1 if end_line <= len(lines) else 1
        for number in range(line, min(end_line, len(lines)) + 1):
            text = lines[number - 1]
            start = column - 1 if number == line else 0
            end = end_column - 1 if number == end_line else len(text)
            start, end = min(start, len(text)), min(max(end, start), len(text))
            mark = _Mark(start, end, [fid], severity is None, severity or Severity.INFO)
            marks.setdefault(number, []).append(mark)

    @staticmethod
    def _code(text: str, marks: list[_Mark]) -> str:
        """One line of source with its marks; overlapping marks are cut at every boundary."""
        if not marks:
            return escape(text)
        cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
        out = []
        for a in cuts:
            out.extend(_point(m) for m in marks if m.start == m.end == a)
            b = next((c for c in cuts if c > a), None)
            if b is None:
                break
            piece = escape(text[a:b])
            covering = [m for m in marks if m.start <= a and b <= m.end and m.start < m.end]
            findings = [m for m in covering if not m.related]
            if findings:
                worst = max(findings, key=lambda m: m.severity.rank).severity
                fids = " ".join(dict.fromkeys(i for m in findings for i in m.ids))
                out.append(
                    f'<mark class="finding sev-{worst.value}" data-f="{fids}">{piece}</mark>'
                )
            elif covering:
                fids = " ".join(dict.fromkeys(i for m in covering for i in m.ids))
                out.append(f'<mark class="related" data-f="{fids}">{piece}</mark>')
            else:
                out.append(piece)
        return "".join(out)

    def _note(self, d: Diagnostic, ids: dict[int, str], index_of: dict[str, int]) -> str:
        fid = ids[id(d)]
        links = "".join(
            f' <a class="rel" href="#{_anchor(index_of[r.path], r.line)}">'
            f"{escape(r.message or 'related')}: line {r.line}</a>"
            for r in d.related
            if r.path in index_of
        )
        known = self.rules.get(d.rule)
        title = f' title="{escape(known.summary)}"' if known else ""
        return (
            f'<div class="note sev-{d.severity.value}" id="{fid}" data-rule="{escape(d.rule)}" '
            f'data-path="{escape(d.path)}" data-line="{d.line}" data-column="{d.column}">'
            f'<span class="rule"{title}>{escape(d.rule)}</span> '
            f'<span class="sev sev-{d.severity.value}">{d.severity.value}</span> '
            f'<a href="#{_anchor(index_of.get(d.path, 0), d.line)}">{d.line}:{d.column}</a> '
            f"{escape(d.message)}{links}</div>"
        )

    @staticmethod
    def _back_note(d: Diagnostic, r: Location, ids: dict[int, str], index: int) -> str:
        what = escape(r.message or "related place")
        return (
            f'<div class="note back">{what} for <a href="#{ids[id(d)]}">'
            f'<span class="rule">{escape(d.rule)}</span> at line {d.line}</a></div>'
        )


def _point(m: _Mark) -> str:
    if m.related:
        return f'<mark class="related point" data-f="{" ".join(m.ids)}"></mark>'
    return f'<mark class="finding point sev-{m.severity.value}" data-f="{" ".join(m.ids)}"></mark>'
