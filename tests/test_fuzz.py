"""Property tests: no text, byte string or configuration makes copydesk crash or misplace a
finding. CI runs the fixed-seed ``ci`` profile; ``HYPOTHESIS_PROFILE=long`` explores further."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from linter.config import TOP_KEYS, Config, load_config
from linter.engine import lint
from linter.errors import UserError
from linter.parse import DecodeError, parse, parse_bytes
from linter.reporters.json import diagnostic_record
from linter.reporters.text import format_diagnostic
from linter.rulebook import OPTIONAL_KEYS, REQUIRED_KEYS, Rule, builtin_rules, load_rule_file
from tests.invariants import FORMATS, check_diagnostic, check_document, every_rule, lint_everything

#: Pieces of article text, including every odd shape a file can have.
PIECES = [
    "Harbour Reopens",
    "Ferries sailed again on Monday after the storm.",
    "HIGHLIGHTS",
    "Highlights",
    "Rewritten Article",
    "# Harbour Reopens",
    "## Scenario Analysis",
    "**Key Points**",
    "-",
    "- ",
    "* ",
    "•",
    "1.",
    "2) Second point.",
    "- Ferries sailed again.",
    "  - nested",
    "    -",
    "> quoted - text",
    "> -",
    "```",
    "~~~",
    "    code line",
    "---",
    "***",
    "===",
    "...",
    "title: [unclosed",
    "key: value",
    "<!-- a comment -->",
    "<div>",
    "",
    " ",
    "\t",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "e\u0301",
    "🚢🇬🇧👩‍👩‍👧",
    "שלום עולם",
    "مرحبا بالعالم",
    "\u202eevil\u202c",
    "The figure rose to 4.5% (from 3,200 to 4,100).",
    "https://example.org/harbour-reopens",
    "`inline code`",
]
NEWLINES = ["\n", "\r\n", "\r"]

odd_lines = st.one_of(st.sampled_from(PIECES), st.text(max_size=30))
articles = st.builds(
    lambda lines, newlines: "".join(
        line + newlines[i % len(newlines)] for i, line in enumerate(lines)
    ),
    st.lists(odd_lines, max_size=25),
    st.lists(st.sampled_from(NEWLINES), min_size=1, max_size=3),
) | st.builds(lambda t, end: t + end, st.text(), st.sampled_from(["", "\n", "\r\n", "\r"]))


@given(articles, st.sampled_from(FORMATS))
@example("- a\n" * 3 + "".join("  " * d + "- level\n" for d in range(30)), "markdown")
@example("---\ntitle: [x\n---\n", "markdown")
@example("---\n", "markdown")
@example("\r\r\n\n\r", "text")
def test_any_text_in_either_format(text: str, fmt: str) -> None:
    lint_everything(text, fmt)


@given(articles, st.sampled_from(FORMATS))
def test_any_finding_renders_in_every_format(text: str, fmt: str) -> None:
    doc = parse(text, "article.md" if fmt == "markdown" else "article.txt", fmt)
    for d in lint(doc, every_rule()):
        shown = format_diagnostic(d, doc.line_text(d.line), color=False)
        assert shown.startswith(f"{d.path}:{d.line}:{d.column}: {d.rule} ")
        record = json.loads(json.dumps(diagnostic_record(d)))
        assert (record["line"], record["column"]) == (d.line, d.column)


@given(st.binary(max_size=200) | st.builds(str.encode, articles, st.sampled_from(["utf-16"])))
def test_any_bytes_decode_or_give_a_decode_error(data: bytes) -> None:
    try:
        doc = parse_bytes(data, "article.md")
    except DecodeError as exc:
        assert exc.offset is None or 0 <= exc.offset < len(data)
        assert "\n" not in str(exc)
        return
    check_document(doc)
    for d in lint(doc, every_rule()):
        check_diagnostic(doc, d)


# -- configuration -----------------------------------------------------------------------------

RULE_IDS = sorted(builtin_rules())
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 1000),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.sampled_from(["off", "on", "error", "warning", "info", "*.md", "drafts", "eror"]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=8) | st.sampled_from(RULE_IDS), inner, max_size=3)
    ),
    max_leaves=10,
)
option_names = st.sampled_from(
    ["severity", "off", "markers", "numbered", "scope", "phrases", "allowed", "min-words"]
)
rule_settings = values | st.dictionaries(option_names, values, max_size=3)
configs = st.dictionaries(
    st.sampled_from([*TOP_KEYS, "exlude", "rule"]),
    values,
    max_size=4,
) | st.builds(
    lambda rules, rest: {**rest, "rules": rules},
    st.dictionaries(st.sampled_from([*RULE_IDS, "empty-bulet"]), rule_settings, max_size=3),
    st.dictionaries(st.sampled_from(["fail-on", "include", "exclude"]), values, max_size=2),
)


def _load(text: str) -> Any:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ".copydesk.yaml"
        path.write_text(text, encoding="utf-8")
        (Path(folder) / "house").mkdir()
        try:
            return load_config(path, cwd=Path(folder))
        except UserError as exc:
            assert exc.message and str(exc).startswith(".copydesk.yaml")
            return exc


@given(configs)
@example({"rulebooks": ""})
@example({"rulebooks": ["."]})
def test_any_config_is_a_config_or_a_user_error(data: dict[str, Any]) -> None:
    result = _load(yaml.safe_dump(data, allow_unicode=True))
    assert isinstance(result, Config | UserError)


@given(st.text(max_size=80) | st.sampled_from(["!!python/object:os.system {}", "a: *b", "[", "{"]))
def test_any_config_text_is_a_config_or_a_user_error(text: str) -> None:
    assert isinstance(_load(text), Config | UserError)


rule_files = st.dictionaries(
    st.sampled_from([*REQUIRED_KEYS, *OPTIONAL_KEYS, "kinds"]), values, max_size=7
) | st.builds(
    lambda kind, extra: {
        "kind": kind,
        "severity": "warning",
        "summary": "A thing.",
        "rationale": "Because.",
        "message": "Found {marker}",
        "examples": [],
        **extra,
    },
    st.sampled_from(["empty-item", "heading-phrase", "trailing-blank", "empty-itm"]) | values,
    st.dictionaries(st.sampled_from(["options", "fixable", "examples", "message"]), values),
)


@given(rule_files)
def test_any_rule_file_is_a_rule_or_a_user_error(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "house-rule.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            result: Rule | UserError = load_rule_file(path, display="house/house-rule.yaml")
        except UserError as exc:
            assert str(exc).startswith("house/house-rule.yaml")
            result = exc
    assert isinstance(result, Rule | UserError)
