"""The wheel carries every module and every rule: an explicit package list drops nothing."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built once for every test here."""
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    (built,) = out.glob("copydesk-*.whl")
    return built


@pytest.fixture(scope="module")
def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_every_module_is_in_the_wheel(wheel_names: set[str]) -> None:
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "linter").rglob("*.py")}
    assert modules, "no modules found"
    assert modules - wheel_names == set()


def test_every_rule_ships_as_linter_rules(wheel_names: set[str]) -> None:
    rules = {f"linter/rules/{p.name}" for p in (ROOT / "rules").glob("*.yaml")}
    assert rules and rules - wheel_names == set()
    assert "linter/rules/__init__.py" in wheel_names


def test_every_data_file_of_the_package_is_in_the_wheel(wheel_names: set[str]) -> None:
    data = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "linter").rglob("*")
        if p.is_file() and p.suffix in (".yaml", ".json", ".html", ".css", ".js")
    }
    assert data - wheel_names == set()


def test_the_console_script_is_declared(wheel: Path, wheel_names: set[str]) -> None:
    entry = next(n for n in wheel_names if n.endswith("entry_points.txt"))
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(entry).decode("utf-8")
    assert "copydesk = linter.console:run" in text


def test_the_presets_ship_as_package_data(wheel_names: set[str]) -> None:
    presets = {n for n in wheel_names if n.startswith("linter/presets/") and n.endswith(".yaml")}
    assert presets == {f"linter/presets/{n}.yaml" for n in ("default", "minimal", "strict")}


def test_no_rules_folder_inside_the_package() -> None:
    assert not (ROOT / "linter" / "rules").exists()
    assert Path(ROOT / "rules" / "__init__.py").is_file()
