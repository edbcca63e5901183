"""Applying fixes: pick non-overlapping edits, apply, re-lint until settled, verify, write.

Fixing never trusts itself. Every pass re-parses and re-lints the text it produced; the edits of
all passes are composed into one list of edits against the original text, and the result is
checked to equal the original minus exactly the removed spans plus the replacements. The same
check is made again on the file's own text (its line endings, BOM and encoding restored) before
anything is written, and a file is written only through a temporary file in its own folder that
then replaces it, with the original's permissions, after making sure it did not change on disk.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import stat
import tempfile
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from linter.config import Config
from linter.document import Span
from linter.engine import Diagnostic, lint
from linter.findings import Edit, FixSafety, Severity
from linter.parse import DecodeError, parse
from linter.parse.source import decode, normalise
from linter.rulebook import Rule
from linter.runner import FileReport, lint_data, read_error

#: Passes of fix, re-parse, re-lint before giving up on a file that does not settle.
MAX_PASSES = 10

#: Diagnostic ids for trouble while fixing (like ``read-error``, not rules of the rulebook).
WRITE_ERROR = "write-error"
FIX_ERROR = "fix-error"

#: The findings of one file that a run reports (``--baseline`` and ``--diff-from`` leave some
#: out): given a file's diagnostics, those to report. Only a reported finding may be fixed.
Reported = Callable[[Sequence[Diagnostic]], Sequence[Diagnostic]]


class FixFailure(Exception):
    """A file that could not be fixed: reported as a diagnostic, never a traceback."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


class VerificationError(Exception):
    """The fixed text is not the old text minus the edits: a bug, and nothing is written."""


# -- choosing fixes --------------------------------------------------------------------------------


def fix_is_safe(d: Diagnostic, known: Mapping[str, Rule]) -> bool:
    """A finding's fix is safe when both the finding and its rule's ``fixable`` say so."""
    rule = known.get(d.rule)
    return d.fix is not None and d.fix.safe and (rule is None or rule.fixable is FixSafety.SAFE)


def applicable(d: Diagnostic, known: Mapping[str, Rule], unsafe: bool) -> bool:
    """Whether this run applies the diagnostic's fix (safe ones always, unsafe ones on request)."""
    return d.fix is not None and (unsafe or fix_is_safe(d, known))


def _conflicts(a: Span, b: Span) -> bool:
    # Two edits at one point (or overlapping) cannot both apply; touching ones can.
    return a.overlaps(b) or a.start == b.start


def select_edits(
    diagnostics: Sequence[Diagnostic], known: Mapping[str, Rule], unsafe: bool
) -> tuple[list[Edit], list[Diagnostic]]:
    """Edits of the fixes that apply and do not overlap an earlier fix, and their diagnostics.

    Fixes are taken in the order of the text; one that overlaps an accepted fix waits for the
    next pass, where it is looked at again on the re-linted text.
    """
    accepted: list[Edit] = []
    chosen: list[Diagnostic] = []
    for d in sorted(diagnostics, key=lambda d: (d.span.start, d.span.end, d.rule)):
        if not applicable(d, known, unsafe) or d.fix is None or not d.fix.edits:
            continue
        edits = d.fix.edits
        if any(_conflicts(e.span, a.span) for e in edits for a in accepted):
            continue
        if any(_conflicts(e.span, o.span) for i, e in enumerate(edits) for o in edits[i + 1 :]):
            continue  # a fix whose own edits overlap is malformed; leave it alone
        accepted.extend(edits)
        chosen.append(d)
    accepted.sort(key=lambda e: (e.span.start, e.span.end))
    return accepted, chosen


# -- blank lines a removal would leave doubled -----------------------------------------------------


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _is_line_removal(text: str, edit: Edit) -> bool:
    s, e = edit.span.start, edit.span.end
    return not edit.replacement and e > s and _line_start(text, s) == s and text[e - 1] == "\n"


def _is_last_line_removal(text: str, edit: Edit) -> bool:
    """A removal of the last line(s) of a text without a final newline, with the newline
    before them (the shape :func:`linter.kinds.common.remove_lines` gives there)."""
    s = edit.span.start
    return (
        not edit.replacement
        and edit.span.end == len(text)
        and not text.endswith("\n")
        and s < len(text)
        and text[s] == "\n"
    )


def tidy_blank_lines(text: str, edits: Sequence[Edit]) -> list[Edit]:
    """The edits, with each whole-line removal widened so it leaves no doubled blank line.

    A removal between two blank lines also takes the blank line after it; one at the top of
    the text takes a blank line after it; one at the end takes a blank line before it. Lines
    another edit touches are never taken.
    """
    merged: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.span.end == edit.span.start
            and _is_line_removal(text, last)
            and _is_line_removal(text, edit)
        ):
            merged[-1] = Edit(Span(last.span.start, edit.span.end))
        else:
            merged.append(edit)
    out: list[Edit] = []
    i = 0
    while i < len(merged):
        edit = merged[i]
        i += 1
        if _is_last_line_removal(text, edit):
            # The last line had no newline: blank lines before it would become trailing
            # blank lines ending in a newline, so they go too and the file still ends bare.
            start = edit.span.start
            floor = out[-1].span.end if out else 0
            while (begin := _line_start(text, start)) > 0 and begin - 1 >= floor:
                if text[begin:start].strip():
                    break
                start = begin - 1
            out.append(Edit(Span(start, edit.span.end)))
            continue
        if not _is_line_removal(text, edit):
            out.append(edit)
            continue
        start, end = edit.span.start, edit.span.end
        following = merged[i] if i < len(merged) else None
        before = _blank_line_before(text, start, out[-1].span.end if out else 0)
        after = _blank_line_after(text, end, following.span.start if following else len(text))
        if after is not None and (start == 0 or before is not None):
            end = after
            if (
                following is not None
                and following.span.start == end
                and _is_line_removal(text, following)
            ):
                # The blank line joined two removals: look at them again as one.
                merged[i] = Edit(Span(start, following.span.end))
                continue
        elif end == len(text) and before is not None:
            start = before
            if out and out[-1].span.end == start and _is_line_removal(text, out[-1]):
                start = out.pop().span.start
        out.append(Edit(Span(start, end)))
    return _keep_no_final_newline(text, out)


def _keep_no_final_newline(text: str, edits: list[Edit]) -> list[Edit]:
    """Removals at the end of a text without a final newline also take the newline that
    would otherwise become its final one, so the file keeps its convention."""
    if text.endswith("\n") or not edits:
        return edits
    k = len(edits) - 1
    if edits[k].replacement or edits[k].span.end != len(text):
        return edits
    start = edits[k].span.start
    while True:
        while k > 0 and edits[k - 1].span.end == start and not edits[k - 1].replacement:
            k -= 1
            start = edits[k].span.start
        if k > 0 and edits[k - 1].span.end == start:
            break  # the text now ends with a replacement, which is left as it is
        if start == 0 or text[start - 1] != "\n":
            break
        start -= 1  # the kept newline the text would end with
    return [*edits[:k], Edit(Span(start, len(text)))]


def _blank_line_before(text: str, start: int, floor: int) -> int | None:
    """The start of the line before ``start`` if it is blank and no earlier edit touches it."""
    if start == 0:
        return None
    begin = _line_start(text, start - 1)
    if begin < floor or text[begin : start - 1].strip():
        return None
    return begin


def _blank_line_after(text: str, end: int, ceiling: int) -> int | None:
    """The end (after its newline) of the blank line at ``end``, if no later edit touches it."""
    if end >= len(text):
        return None
    newline = text.find("\n", end)
    stop = len(text) if newline == -1 else newline + 1
    if stop > ceiling or text[end:stop].strip():
        return None
    return stop


# -- applying and verifying ------------------------------------------------------------------------


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """The text with sorted, non-overlapping edits applied."""
    parts: list[str] = []
    pos = 0
    for edit in edits:
        parts.append(text[pos : edit.span.start])
        parts.append(edit.replacement)
        pos = edit.span.end
    parts.append(text[pos:])
    return "".join(parts)


def verify(old: str, new: str, edits: Sequence[Edit]) -> None:
    """Check that ``new`` is ``old`` minus exactly the edited spans plus their replacements."""
    o = n = 0
    for edit in edits:
        if edit.span.start < o or edit.span.end < edit.span.start or edit.span.end > len(old):
            raise VerificationError(f"edits overlap or fall outside the text at {edit.span}")
        kept = old[o : edit.span.start]
        if new[n : n + len(kept)] != kept:
            raise VerificationError(f"text outside the edits changed near offset {o}")
        n += len(kept)
        if new[n : n + len(edit.replacement)] != edit.replacement:
            raise VerificationError(f"replacement not found at offset {n}")
        n += len(edit.replacement)
        o = edit.span.end
    if new[n:] != old[o:]:
        raise VerificationError(f"text after the last edit changed near offset {o}")


class _Composition:
    """The current text as pieces of the original text and inserted strings, in order.

    Applying each pass's edits to the pieces gives, at the end, the edits that turn the
    original into the final text in one step, which :func:`verify` then checks.
    """

    def __init__(self, length: int) -> None:
        self.pieces: list[tuple[int, int] | str] = [(0, length)] if length else []

    def _slice(self, start: int, end: int) -> list[tuple[int, int] | str]:
        out: list[tuple[int, int] | str] = []
        pos = 0
        for piece in self.pieces:
            size = len(piece) if isinstance(piece, str) else piece[1] - piece[0]
            lo, hi = max(start, pos), min(end, pos + size)
            if lo < hi:
                if isinstance(piece, str):
                    out.append(piece[lo - pos : hi - pos])
                else:
                    out.append((piece[0] + lo - pos, piece[0] + hi - pos))
            pos += size
            if pos >= end:
                break
        return out

    def apply(self, edits: Sequence[Edit], length: int) -> None:
        pieces: list[tuple[int, int] | str] = []
        pos = 0
        for edit in edits:
            pieces += self._slice(pos, edit.span.start)
            if edit.replacement:
                pieces.append(edit.replacement)
            pos = edit.span.end
        pieces += self._slice(pos, length)
        self.pieces = pieces

    def to_original(self, span: Span) -> Span:
        """Where a span of the current text lies in the original (an inserted string maps to
        the point it was inserted at)."""

        def at(offset: int, *, end: bool) -> int:
            pos = 0
            last = 0  # the original offset just after the previous original piece
            for piece in self.pieces:
                size = len(piece) if isinstance(piece, str) else piece[1] - piece[0]
                inside = pos < offset <= pos + size if end else pos <= offset < pos + size
                if inside:
                    return last if isinstance(piece, str) else piece[0] + offset - pos
                if not isinstance(piece, str):
                    last = piece[1]
                pos += size
            return last

        start = at(span.start, end=False)
        return (
            Span(start, max(start, at(span.end, end=True)))
            if span.end > span.start
            else Span(start, start)
        )

    def edits(self, original_length: int) -> list[Edit]:
        out: list[Edit] = []
        cursor = 0
        inserted: list[str] = []
        for piece in [*self.pieces, (original_length, original_length)]:
            if isinstance(piece, str):
                inserted.append(piece)
                continue
            if piece[0] != cursor or inserted:
                out.append(Edit(Span(cursor, piece[0]), "".join(inserted)))
                inserted = []
            cursor = piece[1]
        return out


# -- fixing a text ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FixResult:
    """What fixing one text did."""

    path: str
    original: str  # the normalised text as read
    text: str  # the normalised text after fixing
    edits: tuple[Edit, ...]  # against ``original``
    fixed: tuple[str, ...]  # the rule id of every fix applied, in order
    diagnostics: tuple[Diagnostic, ...]  # what remains, located in ``text``
    lines: dict[int, str]
    unsafe_left: int  # remaining findings with an unsafe fix (for the hint)
    #: Every span any pass flagged (findings and their fixes' edits), in ``original``.
    flagged: tuple[Span, ...] = ()

    @property
    def changed(self) -> bool:
        return self.text != self.original


def fix_text(
    text: str,
    path: str,
    config: Config,
    *,
    unsafe: bool = False,
    reported: Reported | None = None,
) -> FixResult:
    """Fix normalised article text: repeat fix, re-parse, re-lint until nothing applies.

    With ``reported``, the findings of the text as read that it leaves out are neither fixed
    nor reported, in any pass: a later pass knows them by their rule and their place in the
    original text.

    Raises :class:`FixFailure` when fixes keep changing the text after :data:`MAX_PASSES`
    passes (or bring back an earlier text), and :class:`VerificationError` on a bug.
    """
    original = text
    composition = _Composition(len(text))
    seen = {text}
    fixed: list[str] = []
    flagged: list[Span] = []
    hidden: list[tuple[str, Span]] = []  # (rule, span in the original) of findings left out
    shown: set[tuple[str, Span]] = set()
    for passes in range(MAX_PASSES + 1):
        doc = parse(text, path, options=config.article)
        diagnostics = lint(doc, config.rules_for(doc.path), config.known)
        if reported is not None:
            if passes == 0:
                kept = {id(d) for d in reported(diagnostics)}
                hidden = [(d.rule, d.span) for d in diagnostics if id(d) not in kept]
                shown = {(d.rule, d.span) for d in diagnostics if id(d) in kept}
            if hidden:
                diagnostics = [
                    d
                    for d in diagnostics
                    if not _left_out(d.rule, composition.to_original(d.span), hidden, shown)
                ]
        for d in diagnostics:
            spans = [d.span, *(e.span for e in d.fix.edits)] if d.fix else [d.span]
            flagged += [composition.to_original(span) for span in spans]
        edits, chosen = select_edits(diagnostics, config.known, unsafe)
        if edits and doc.format == "markdown":
            edits, chosen = _keep_front_matter_out(text, edits, chosen, diagnostics, config, unsafe)
        if not edits:
            break
        if passes == MAX_PASSES:
            raise FixFailure(
                FIX_ERROR,
                f"fixes did not settle after {MAX_PASSES} passes; the file was left unchanged",
            )
        edits = tidy_blank_lines(text, edits)
        new = apply_edits(text, edits)
        verify(text, new, edits)
        if new in seen:
            rules = ", ".join(sorted({d.rule for d in chosen}))
            raise FixFailure(
                FIX_ERROR,
                f"fixes by {rules} undo each other (the text came back to an earlier state); "
                "the file was left unchanged",
            )
        seen.add(new)
        composition.apply(edits, len(text))
        fixed += [d.rule for d in chosen]
        text = new
    total = composition.edits(len(original))
    verify(original, text, total)
    lines = {d.line: doc.line_text(d.line) for d in diagnostics if d.rule != "internal-error"}
    unsafe_left = sum(
        1 for d in diagnostics if d.fix is not None and not fix_is_safe(d, config.known)
    )
    return FixResult(
        path,
        original,
        text,
        tuple(total),
        tuple(fixed),
        tuple(diagnostics),
        lines,
        unsafe_left,
        tuple(sorted(set(flagged))),
    )


def _left_out(
    rule: str, span: Span, hidden: Sequence[tuple[str, Span]], shown: set[tuple[str, Span]]
) -> bool:
    """Whether a finding of a later pass, at ``span`` in the original text, is one the report
    left out: a finding of the same rule at (or over part of) the place of one left out."""
    if (rule, span) in shown:
        return False
    return any(r == rule and (s == span or s.overlaps(span)) for r, s in hidden)


def _opens_front_matter(text: str) -> bool:
    from linter.parse.markdown import split_front_matter  # a Markdown file has it loaded

    return split_front_matter(text) is not None


def _keep_front_matter_out(
    text: str,
    edits: list[Edit],
    chosen: list[Diagnostic],
    diagnostics: Sequence[Diagnostic],
    config: Config,
    unsafe: bool,
) -> tuple[list[Edit], list[Diagnostic]]:
    """The edits, less the fixes that would leave a Markdown article starting with a ``---``
    line it did not start with: that line would then open a front matter block and swallow
    the article ("Here is the rewritten article:" above a thematic break). Those fixes are not
    applied, nor, if the rest would still do it, any; their findings stay. Front matter under
    a preamble is let through: moving it to the top is the point."""
    from linter.parse.markdown import misplaced_front_matter

    if (
        _opens_front_matter(text)
        # Front matter under a preamble: removing the preamble is what puts it right.
        or misplaced_front_matter(text) is not None
        or not _opens_front_matter(apply_edits(text, tidy_blank_lines(text, edits)))
    ):
        return edits, chosen
    first_dashes = text.find("\n---")
    cut = first_dashes + 1 if first_dashes >= 0 else len(text)
    held = {id(d) for d in chosen if d.fix and any(e.span.start < cut for e in d.fix.edits)}
    rest = [d for d in diagnostics if id(d) not in held]
    edits, chosen = select_edits(rest, config.known, unsafe)
    if edits and _opens_front_matter(apply_edits(text, tidy_blank_lines(text, edits))):
        return [], []
    return edits, chosen


# -- back to the file's own bytes ------------------------------------------------------------------


def _to_raw_offsets(raw: str) -> list[int]:
    """Normalised offsets of the newlines that were ``\\r\\n`` in ``raw``, in order."""
    out: list[int] = []
    shift = 0
    i = raw.find("\r\n")
    while i != -1:
        out.append(i - shift)
        shift += 1
        i = raw.find("\r\n", i + 2)
    return out


def raw_edits(raw: str, newline: str, edits: Sequence[Edit]) -> list[Edit]:
    """The edits of normalised text, moved onto the decoded file text with its line endings.

    Offsets map back line ending by line ending, so files with mixed endings keep each line's
    own; a replacement that holds a newline takes the file's newline, and is refused in a file
    with mixed endings, where no newline would be the right one.
    """
    crlf = _to_raw_offsets(raw)

    def at(offset: int) -> int:
        return offset + bisect_left(crlf, offset)

    out: list[Edit] = []
    for edit in edits:
        replacement = edit.replacement
        if "\n" in replacement:
            if newline == "mixed":
                raise FixFailure(
                    FIX_ERROR,
                    "the file mixes line endings and a fix would add a line break; normalise "
                    "its line endings first",
                )
            replacement = replacement.replace("\n", newline)
        out.append(Edit(Span(at(edit.span.start), at(edit.span.end)), replacement))
    return out


def _bom(data: bytes) -> bytes:
    return next((b for b in _BOMS if data.startswith(b)), b"")


_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def encode_like(text: str, original: bytes) -> bytes:
    """Encode decoded text the way ``original`` was: UTF-8, or its BOM and encoding."""
    if original.startswith(b"\xef\xbb\xbf"):
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if original.startswith(b"\xff\xfe"):
        return b"\xff\xfe" + text.encode("utf-16-le")
    if original.startswith(b"\xfe\xff"):
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode("utf-8")


@dataclass(frozen=True)
class FixOutcome:
    """One file or stdin after fixing: what to report, and the bytes before and after."""

    report: FileReport
    fixed: tuple[str, ...] = ()
    unsafe_left: int = 0
    old: bytes = b""
    new: bytes = b""

    @property
    def changed(self) -> bool:
        return self.old != self.new


def _failure(shown: str, rule: str, message: str, data: bytes = b"") -> FixOutcome:
    """A file left as it was, with the diagnostic that says why."""
    d = read_error(shown, message)
    if rule != d.rule:
        d = Diagnostic(shown, rule, Severity.ERROR, message, 1, 1, 1, 1, Span(0, 0))
    return FixOutcome(FileReport(shown, (d,), {}), old=data, new=data)


def fix_bytes(
    data: bytes,
    shown: str,
    config: Config,
    *,
    unsafe: bool = False,
    reported: Reported | None = None,
) -> FixOutcome:
    """Fix a file's bytes in memory: the new bytes keep its encoding, BOM and line endings.

    With ``reported``, only the findings it keeps are fixed and reported (see :func:`fix_text`).
    """
    try:
        raw, _, _ = decode(data)
    except DecodeError as exc:
        return _failure(shown, "read-error", f"cannot decode the file: {exc}", data)
    norm, info = normalise(raw)
    try:
        result = fix_text(norm, shown, config, unsafe=unsafe, reported=reported)
        if not result.changed:
            new = data
        else:
            edits = raw_edits(raw, info.newline, result.edits)
            raw_new = apply_edits(raw, edits)
            verify(raw, raw_new, edits)
            if normalise(raw_new)[0] != result.text:
                raise VerificationError("line endings could not be restored")
            new = encode_like(raw_new, data)
            if decode(new) != (raw_new, *decode(data)[1:]) or _bom(new) != _bom(data):
                raise VerificationError("the fixed text does not encode back the same way")
    except FixFailure as exc:
        return _failure(shown, exc.rule, exc.message, data)
    except VerificationError as exc:
        return _failure(
            shown,
            "internal-error",
            f"fixing this file failed its safety check ({exc}); nothing was written. This is a "
            "bug in copydesk, please report it",
            data,
        )
    report = FileReport(shown, result.diagnostics, result.lines)
    return FixOutcome(report, result.fixed, result.unsafe_left, data, new)


# -- files -----------------------------------------------------------------------------------------


def fix_file(
    file: Path,
    shown: str,
    config: Config,
    *,
    unsafe: bool = False,
    write: bool = True,
    reported: Reported | None = None,
) -> FixOutcome:
    """Read, fix and (when ``write`` and something changed) rewrite one file in place.

    With ``reported``, only the findings it keeps are fixed and reported (see :func:`fix_text`).
    """
    try:
        data = file.read_bytes()
    except PermissionError:
        return _failure(
            shown, "read-error", "permission denied: cannot read the file; check its permissions"
        )
    except OSError as exc:
        return _failure(shown, "read-error", f"cannot read the file: {exc.strerror or exc}")
    outcome = fix_bytes(data, shown, config, unsafe=unsafe, reported=reported)
    if write and outcome.changed:
        try:
            write_atomic(file, outcome.new, outcome.old)
        except FixFailure as exc:
            # Nothing was written: the findings are those of the file as it still is.
            failure = _failure(shown, exc.rule, exc.message, outcome.old).report.diagnostics
            unchanged = lint_data(outcome.old, shown, config)
            remaining = unchanged.diagnostics
            if reported is not None:
                remaining = tuple(reported(remaining))
            report = FileReport(shown, (*failure, *remaining), unchanged.lines)
            return FixOutcome(report, old=outcome.old, new=outcome.old)
    return outcome


def write_atomic(file: Path, data: bytes, expected: bytes) -> None:
    """Replace ``file`` with ``data`` via a temporary file in its folder, keeping its mode (a
    file with other hard links is overwritten in place once the data is on disk, so that its
    every name sees the change).

    The file is left alone (and :class:`FixFailure` raised) when it is read-only, when it no
    longer holds ``expected`` (it changed on disk since it was read), or when writing fails.
    """
    target = file.resolve()  # write through a symbolic link, never replace the link itself
    try:
        st = target.stat()
        if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(
            target, os.W_OK
        ):
            raise FixFailure(WRITE_ERROR, "permission denied: the file is read-only; not fixed")
        if target.read_bytes() != expected:
            raise FixFailure(
                WRITE_ERROR,
                "the file changed on disk while it was being fixed; it was left alone, run "
                "the fix again",
            )
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except FixFailure:
        raise
    except PermissionError:
        raise FixFailure(
            WRITE_ERROR, "permission denied: cannot write in the file's folder; not fixed"
        ) from None
    except OSError as exc:
        raise FixFailure(WRITE_ERROR, f"cannot write the file: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        if (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
            # Keep the owner where we may (as root); otherwise the writer owns the file.
            with contextlib.suppress(OSError):
                os.chown(tmp, st.st_uid, st.st_gid)
        if st.st_nlink > 1:
            # Replacing the file would leave its other names (hard links) with the old text:
            # with the new bytes safely on disk first, it is overwritten in place instead.
            with open(target, "r+b") as out:
                out.write(data)
                out.truncate()
                out.flush()
                os.fsync(out.fileno())
            Path(tmp).unlink()
        else:
            os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise FixFailure(WRITE_ERROR, f"cannot write the file: {exc.strerror or exc}") from None


# -- diffs -----------------------------------------------------------------------------------------


def unified_diff(path: str, old: bytes, new: bytes) -> str:
    """A unified diff with ``a/`` and ``b/`` prefixes that ``git apply`` and ``patch -p1`` take.

    Lines keep their own endings (so a CRLF file's patch carries CRLF lines) and a BOM stays on
    the first line; a last line without a newline gets the ``\\ No newline`` marker. A
    file name's bytes that are not UTF-8 stay as ``os.fsdecode`` left them (lone surrogates):
    encode the patch with ``surrogateescape`` to write them back.
    """
    old_lines, new_lines = _diff_lines(old), _diff_lines(new)
    if old_lines == new_lines:
        return ""
    name = path.replace(os.sep, "/").removeprefix("./").lstrip("/")
    out: list[str] = []
    for n, line in enumerate(difflib.unified_diff(old_lines, new_lines, "a", "b")):
        if n < 2:  # the two names, written as git writes them
            line = f"{line[:4]}{_diff_name(line[4] + '/' + name)}\n"
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


#: How git writes a character of a file name in quotes (and the rest of C0 in octal).
_QUOTED = {'"': '\\"', "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _diff_name(name: str) -> str:
    """A name in a diff's ``---``/``+++`` line as git writes it, which ``git apply`` and
    ``patch`` read back: in C-style quotes if it holds a quotation mark, a backslash or a
    control character; else followed by a tab if it holds a space (the tab ends it)."""
    if any(c in _QUOTED or ord(c) < 0x20 or c == "\x7f" for c in name):
        inner = "".join(
            _QUOTED.get(c) or (f"\\{ord(c):03o}" if ord(c) < 0x20 or c == "\x7f" else c)
            for c in name
        )
        return f'"{inner}"'
    return name + "\t" if " " in name else name


def patch_applies(data: bytes) -> bool:
    """Whether a :func:`unified_diff` of a file with these bytes applies to it: the patch is
    UTF-8 text, so not to a UTF-16 file (which git and patch take as binary)."""
    return not data.startswith((b"\xff\xfe", b"\xfe\xff"))


_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


def _diff_lines(data: bytes) -> list[str]:
    raw, _, bom = decode(data)
    # Lines end at "\n" only: a "\r" stays inside its line, as git and patch see it.
    return _LINE.findall(("\ufeff" if bom else "") + raw)


__all__ = [
    "FIX_ERROR",
    "MAX_PASSES",
    "WRITE_ERROR",
    "FixFailure",
    "FixOutcome",
    "FixResult",
    "VerificationError",
    "apply_edits",
    "fix_bytes",
    "fix_file",
    "fix_text",
    "patch_applies",
    "select_edits",
    "tidy_blank_lines",
    "unified_diff",
    "verify",
]
