"""docs/writing-rules.md runs as written: its files are written and its commands checked.

The tutorial is a sequence of fenced blocks. A block whose info string has ``file=PATH``
writes (or rewrites) that file in a fresh repository; a ``console`` block runs its
``$ copydesk ...`` command there and must print exactly the lines under it (standard output,
then standard error). After a deliberate change to copydesk's output, refresh the document
with ``.venv/bin/python tests/test_writing_rules_doc.py --update`` and read the diff.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "writing-rules.md"
FENCE = re.compile(r"^```(\w*)([^\n]*)\n(.*?)^```[ \t]*$", re.M | re.S)


def blocks(text: str) -> Iterator[tuple[re.Match[str], str, dict[str, str], str]]:
    for match in FENCE.finditer(text):
        info = dict(part.split("=", 1) for part in match.group(2).split() if "=" in part)
        yield match, match.group(1), info, match.group(3)


def run_doc(text: str, repo: Path) -> Iterator[tuple[re.Match[str], str, str]]:
    """(console block, expected output, actual output) for every command, in order."""
    from linter.cli import main

    (repo / ".git").mkdir()
    old = Path.cwd()
    os.chdir(repo)
    try:
        for match, lang, info, body in blocks(text):
            if "file" in info:
                target = repo / info["file"]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(body, encoding="utf-8")
            elif lang == "console":
                command, _, expected = body.partition("\n")
                assert command.startswith("$ copydesk "), command
                args = shlex.split(command[len("$ copydesk ") :])
                result = CliRunner().invoke(main, args, env={"NO_COLOR": "1"})
                yield match, expected, result.stdout + result.stderr
    finally:
        os.chdir(old)


def test_every_yaml_snippet_is_a_file_the_tutorial_uses() -> None:
    text = DOC.read_text(encoding="utf-8")
    yaml_blocks = [info for _, lang, info, _ in blocks(text) if lang == "yaml"]
    assert yaml_blocks and all("file" in info for info in yaml_blocks)


def test_the_tutorial_runs_as_written(tmp_path: Path) -> None:
    text = DOC.read_text(encoding="utf-8")
    ran = 0
    for match, expected, actual in run_doc(text, tmp_path):
        line = text.count("\n", 0, match.start()) + 1
        assert actual == expected, f"docs/writing-rules.md:{line}: output differs"
        ran += 1
    assert ran >= 7


def update() -> None:
    text = DOC.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        outputs = [(m, actual) for m, _, actual in run_doc(text, Path(folder))]
    for match, actual in reversed(outputs):
        command = match.group(3).partition("\n")[0]
        start, end = match.span(3)
        text = text[:start] + command + "\n" + actual + text[end:]
    DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__" and "--update" in sys.argv:
    sys.path.insert(0, str(ROOT))
    update()
