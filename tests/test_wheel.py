"""The built wheel carries what a run reads at run time: rules and presets as package data."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_ships_presets_and_rules(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    presets = {f"linter/presets/{p.name}" for p in (ROOT / "linter" / "presets").glob("*.yaml")}
    rules = {f"linter/rules/{p.name}" for p in (ROOT / "rules").glob("*.yaml")}
    assert presets == {f"linter/presets/{n}.yaml" for n in ("default", "minimal", "strict")}
    assert presets | rules <= names
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "linter").rglob("*.py")}
    assert modules <= names
