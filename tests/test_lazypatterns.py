"""Patterns compiled on first use: named for their variable, compiled into its place."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT

PROBE = """
import json, re
from linter.figures import analysis, anchors, numbers
from linter.lazypatterns import LazyPattern

found = []
for module in (numbers, anchors, analysis):
    for name, value in list(vars(module).items()):
        if isinstance(value, re.Pattern):
            found.append([module.__name__, name, "compiled at import", ""])
        elif isinstance(value, LazyPattern):
            compiled = value.compiled()
            after = getattr(module, value.name)
            found.append([module.__name__, name, value.name, after is compiled])
print(json.dumps(found))
"""


def test_patterns_compile_on_first_use_into_the_variable_they_are_assigned_to() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, check=True
    )
    found = json.loads(result.stdout)
    assert len(found) > 30
    for module, name, registered, replaced in found:
        assert registered == name, (module, name)
        assert replaced is True, (module, name)


def test_a_pattern_used_before_it_is_compiled_matches_like_the_compiled_one() -> None:
    from linter.lazypatterns import LazyPattern

    namespace: dict[str, object] = {}
    pattern = LazyPattern(namespace, "_P", r"(?i:b+)", 0)
    assert pattern.search("aBbc", 1, 3) is not None
    assert [m.group() for m in pattern.finditer("abba bb")] == ["bb", "bb"]
    assert pattern.match("bb").group() == "bb"  # type: ignore[union-attr]
    assert pattern.fullmatch("bb") is not None and pattern.findall("b a b") == ["b", "b"]
    assert namespace["_P"] is pattern.compiled()


def test_a_pattern_used_before_it_is_compiled_substitutes_and_splits_like_the_compiled_one() -> (
    None
):
    from linter.lazypatterns import LazyPattern

    pattern = LazyPattern({}, "_P", r"[-‐ ]", 0)
    assert pattern.sub("+", "a-b c") == "a+b+c"
    assert pattern.split("twenty-one thousand", 1) == ["twenty", "one thousand"]
    assert pattern.compiled() is pattern.compiled()  # compiled once, then kept
