"""The benchmark's corpus generator and a tiny run of the benchmark (no time is asserted)."""

from __future__ import annotations

import random
import subprocess
import sys
from collections import Counter

from benchmarks.corpus import Defects, article, articles, write_corpus
from linter.config import load_config
from linter.runner import lint_file
from tests.conftest import ROOT


def test_the_corpus_is_deterministic_and_sized_like_articles(tmp_path) -> None:
    assert list(articles(20, seed=4)) == list(articles(20, seed=4))
    assert list(articles(20, seed=4)) != list(articles(20, seed=5))
    sizes = [len(text.encode()) for _, text in articles(200, seed=4)]
    assert min(sizes) >= 3000 and max(sizes) <= 8192
    names = [name for name, _ in articles(4)]
    assert [n.rsplit(".", 1)[1] for n in names] == ["txt", "md", "txt", "md"]
    total = write_corpus(tmp_path, 6, seed=4)
    assert total == sum(p.stat().st_size for p in tmp_path.rglob("*.*"))


def test_seed_shapes() -> None:
    rng = random.Random(1)
    text = article(rng, "text", Defects.none()).splitlines()
    assert text[1].startswith("Published ") and text[2] == "Highlights"
    assert text[3].startswith("- ")
    md = article(rng, "markdown", Defects.none()).splitlines()
    assert md[0] == "---" and md[1].startswith("title: ")
    assert "## Highlights" in md


def test_a_clean_corpus_gets_no_findings(tmp_path) -> None:
    write_corpus(tmp_path, 60, seed=9, defects=Defects.none())
    config = load_config(isolated=True)
    found = [
        (p.name, d.rule, d.line)
        for p in sorted(tmp_path.rglob("*.*"))
        for d in lint_file(p, p.name, config).diagnostics
    ]
    assert found == []


def test_every_defect_is_found_when_every_article_has_it(tmp_path) -> None:
    write_corpus(tmp_path, 8, seed=9, defects=Defects(1, 1, 1, 1, 1, 1))
    config = load_config(isolated=True)
    rules = Counter(
        d.rule
        for p in sorted(tmp_path.rglob("*.*"))
        for d in lint_file(p, p.name, config).diagnostics
    )
    for rule in (
        "empty-bullet",
        "scaffold-heading",
        "duplicate-section",
        "repeated-title",
        "trailing-blank-lines",
    ):
        assert rules[rule] >= 8, rules


def test_quick_benchmark_run_prints_a_table(tmp_path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--quick",
            "--workdir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "command: python benchmarks/run.py --quick --workdir " + str(tmp_path)
    assert "| Measurement | Time | Ratio | Target | Met |" in lines
    for name in ("floor, 30 articles", "copydesk cold, 30 articles", "copydesk warm, 30 articles"):
        assert any(line.startswith(f"| {name} |") for line in lines), name
    rows = [line.split(" | ") for line in lines if line.startswith("| ")]
    single = [row for row in rows if "console script" in row[0]]
    assert [row[0].split(",")[0] for row in single] == [
        "| one plain-text article",
        "| one Markdown article (article-00001.md)",
    ]
    assert single[0][3] == "≤ 4x floor and < 60 ms"
    assert single[1][3:] == ["", " |"]  # reported, with no target


def test_the_benchmark_names_the_kind_of_install(tmp_path, monkeypatch) -> None:
    import importlib.util
    import site
    from types import SimpleNamespace

    from benchmarks.run import install_kind

    # Whatever this environment is, each kind is told from where the package is found.
    packages = tmp_path / "site-packages"
    packages.mkdir()
    monkeypatch.setattr(site, "getsitepackages", lambda: [str(packages)])
    origin = tmp_path / "checkout" / "linter" / "__init__.py"
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: SimpleNamespace(origin=str(origin))
    )
    assert install_kind() == f"run from the source tree at {(tmp_path / 'checkout').resolve()}"
    (packages / "__editable___copydesk_0_1_0_finder.py").write_text("", encoding="utf-8")
    assert install_kind().startswith("editable (pip install -e): every python started here")
    origin = packages / "linter" / "__init__.py"
    assert install_kind().startswith("regular (pip install .)")


def _figure_overhead(*args: str) -> list[str]:
    """The lines ``benchmarks/figure_overhead.py ARGS`` prints (it must succeed)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "figure_overhead.py"), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_the_figure_overhead_benchmark_prints_its_table(tmp_path) -> None:
    lines = _figure_overhead("--workdir", str(tmp_path), "--count", "6", "--pairs", "1")
    assert lines[0] == f"command: python benchmarks/figure_overhead.py --workdir {tmp_path} " + (
        "--count 6 --pairs 1"
    )
    assert lines[1] == "corpus: speed, 6 articles; 1 pair, A then B in each"
    assert lines[3] == (
        "| | every rule (A) | without the figure rules (B) | A/B, median of pairs |"
    )
    assert [line.split(" | ")[0] for line in lines[5:7]] == ["| wall", "| CPU"]
    assert lines[-1].startswith("target, the figure rules add at most 30% (A/B <= 1.30): wall ")
    assert len([p for p in (tmp_path / "corpus-6").rglob("*.*")]) == 6


def test_the_figure_overhead_benchmark_runs_on_the_accuracy_articles(tmp_path) -> None:
    from benchmarks.accuracy.generate import generate

    lines = _figure_overhead(
        "--workdir", str(tmp_path), "--corpus", "accuracy", "--count", "5", "--pairs", "2"
    )
    assert lines[1] == "corpus: accuracy (seed 20260201), 5 articles; 2 pairs, A then B in each"
    # The scorer's articles, in its order: three clean, then two with one change each.
    written = sorted((tmp_path / "accuracy-20260201-5").iterdir())
    assert [p.name for p in written] == [f"a0000{i}.txt" for i in range(5)]
    articles = generate(20260201, 3, 2)
    assert [p.read_text(encoding="utf-8") for p in written] == [a.text for a in articles]
    assert [a.perturbation == "clean" for a in articles] == [True, True, True, False, False]


def test_figure_scale_runs(tmp_path) -> None:
    proc = subprocess.run(
        [sys.executable, "benchmarks/figure_scale.py", "--quick", "--workdir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == f"command: python benchmarks/figure_scale.py --workdir {tmp_path}"
    assert lines[1].startswith("5 highlight bullets, 20 body sentences: ")
    text = (tmp_path / "scale-h5-b20.txt").read_text(encoding="utf-8")
    assert text.count("\n- The council counted ") == 5
