"""front-matter-yaml: a Markdown front matter block that cannot be read as YAML."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from linter.document import FRONT_MATTER_MISPLACED, Document
from linter.findings import Finding
from linter.kinds.base import Kind
from linter.kinds.common import quote


@dataclass(frozen=True)
class FrontMatterOptions:
    """This kind has no options: front matter is valid YAML or it is not."""


class FrontMatterYaml(Kind):
    name = "front-matter-yaml"
    options_type = FrontMatterOptions
    fields = {
        "problem": "what is wrong, as the end of a sentence that starts 'Front matter'",
        "reason": "what the YAML reader found wrong (empty for a misplaced block)",
        "text": "the line it stopped at, quoted",
    }
    description = (
        "Reads the front matter block (between `---` lines at the top of a Markdown file) as "
        "YAML, safely, and reports the line where reading stopped when it is not valid YAML or "
        "not a mapping of keys to values. Also reports a block of keys and values between "
        "`---` lines under a line or two of other text (an assistant's preamble): front matter "
        "counts only on a file's first line. The rest of the article is still checked."
    )

    def check(self, doc: Document, options: FrontMatterOptions) -> Iterator[Finding]:
        if doc.front_matter_error is None:
            return
        reason, span = doc.front_matter_error
        line = doc.line_text(doc.line_of(span.start))
        if reason == FRONT_MATTER_MISPLACED:
            problem = "is not at the top of the file, where publishing systems look for it"
            reason = ""
        else:
            reason = " ".join(reason.removeprefix("invalid YAML: ").split())
            problem = f"cannot be read as YAML ({reason})"
        yield Finding(span, {"problem": problem, "reason": reason, "text": quote(line.strip())})
