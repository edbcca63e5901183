"""A finding's fingerprints: hashes of the text it flags, never of its line number.

Every diagnostic carries them (see :mod:`linter.baseline` for how baselines match on them;
the GitLab and SARIF reports and the cache entries hold them too), so this module is on the
path of every run with a finding and stays light: SHA-256 and one pattern.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

try:  # The same digest as hashlib's, without loading OpenSSL's module (about 2.5 ms).
    from _sha256 import sha256  # type: ignore[import-not-found]
except ImportError:  # Python 3.12 and later call it _sha2; any other build has hashlib.
    try:
        from _sha2 import sha256  # type: ignore[import-not-found]
    except ImportError:
        from hashlib import sha256

if TYPE_CHECKING:
    from linter.document import Document, Span

_SPACE = re.compile(r"\s+")


def _digest(*parts: str) -> str:
    h = sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()[:16]


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _neighbour(doc: Document, line: int, step: int) -> str:
    line += step
    while 1 <= line <= doc.line_count:
        text = doc.line_text(line)
        if text.strip():
            return _norm(text)
        line += step
    return ""


def fingerprints(doc: Document, span: Span) -> tuple[str, str]:
    """(text, context) fingerprints of the text at ``span`` in ``doc``: the flagged text
    (whitespace-normalised) alone, and with the nearest non-blank line above and below."""
    first = doc.line_of(span.start)
    last = doc.line_of(max(span.start, span.end - 1))
    flagged = _norm(doc.slice(span)) or _norm(doc.line_text(first))
    text = _digest(flagged)
    context = _digest(_neighbour(doc, first, -1), flagged, _neighbour(doc, last, 1))
    return text, context
