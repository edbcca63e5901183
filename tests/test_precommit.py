"""The pre-commit hook, installed the way users install it, on a throwaway repository.

``pre-commit try-repo`` installs this checkout (with its uncommitted changes) into a fresh
environment with pip, so this test needs PyPI and takes a while: deselect it locally with
``-m "not slow"``; CI runs it. The hooks it runs are the ones in the README's snippet.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]

BAD = """\
# Market Hall in Tarnow Reopens After Fire

*Published 4 April 2026*

## Rewritten Article

The market hall in Tarnow reopened on Saturday, eight months after a fire destroyed its roof.
"""

CLEAN = """\
# Market Hall in Tarnow Reopens After Fire

*Published 4 April 2026*

The market hall in Tarnow reopened on Saturday, eight months after a fire destroyed its roof.

Traders said the first day brought more customers than any day before the fire.
"""


def readme_snippet() -> dict:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(
        r"<!-- pre-commit-snippet:start -->\s*```yaml\n(.*?)```\s*<!-- pre-commit-snippet:end -->",
        text,
        re.DOTALL,
    )
    assert match, "README.md has no pre-commit snippet between its markers"
    return yaml.safe_load(match.group(1))


def test_readme_snippet_names_hooks_this_repository_provides() -> None:
    snippet = readme_snippet()
    provided = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    (repo,) = snippet["repos"]
    assert repo["hooks"] and {h["id"] for h in repo["hooks"]} <= provided


def test_docs_ci_uses_the_same_snippet() -> None:
    snippet = readme_snippet()
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert yaml.safe_dump(snippet) in "".join(
        yaml.safe_dump(yaml.safe_load(block))
        for block in re.findall(r"```yaml\n(.*?)```", docs, re.DOTALL)
        if "repos:" in block
    )


def test_hook_fails_on_a_bad_article_and_passes_on_a_clean_one(tmp_path: Path) -> None:
    (repo,) = readme_snippet()["repos"]
    work = tmp_path / "articles"
    work.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    env.pop("GITHUB_ACTIONS", None)
    subprocess.run(["git", "init", "-q"], cwd=work, check=True, env=env)
    (work / "bad.md").write_text(BAD, encoding="utf-8")
    (work / "clean.md").write_text(CLEAN, encoding="utf-8")
    (work / "notes.py").write_text("print('not an article')\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=work, check=True, env=env)

    for hook in repo["hooks"]:
        if hook["id"] != "copydesk":
            continue  # the check hook; a fix hook changes files and is tested with fixes

        def try_repo(*files: str, hook_id: str = hook["id"]) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pre_commit",
                    "try-repo",
                    str(ROOT),
                    hook_id,
                    "--color",
                    "never",
                    "--files",
                    *files,
                ],
                cwd=work,
                env=env,
                capture_output=True,
                text=True,
                timeout=540,
            )

        bad = try_repo("bad.md", "notes.py")
        assert bad.returncode == 1, bad.stdout + bad.stderr
        assert "Failed" in bad.stdout
        assert (
            'bad.md:5:1: scaffold-heading Template label "Rewritten Article" left in the article'
            in bad.stdout
        )
        assert "notes.py" not in bad.stdout.split("Failed", 1)[1]

        clean = try_repo("clean.md")
        assert clean.returncode == 0, clean.stdout + clean.stderr
        assert "Passed" in clean.stdout
