"""The README's promises: its rules table matches rules/, its commands match CI."""

from __future__ import annotations

import re

from linter.explain import rules_table
from linter.rulebook import builtin_rules
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_rules_table_is_generated_from_the_rulebook() -> None:
    match = re.search(
        r"<!-- rules-table:start[^>]*-->\n(.*?)<!-- rules-table:end -->", README, re.S
    )
    assert match, "README lost its rules-table markers"
    assert match.group(1) == rules_table(builtin_rules()), (
        "README rules table is stale: paste `copydesk rules --isolated --format markdown`"
    )


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -e '.[test]' && .venv/bin/pytest" in README
    assert "pip install --quiet -e '.[test]'" in ci
    assert ci.rstrip().endswith(".venv/bin/pytest")


def test_readme_quick_start_checks_the_examples() -> None:
    assert ".venv/bin/pip install -e . && .venv/bin/copydesk check examples/" in README
