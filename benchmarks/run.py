"""Benchmark copydesk against the floor, all figures measured in one run.

    python benchmarks/run.py            # 100, 1,000 and 10,000 articles; 5 MB and 10 MB articles
    python benchmarks/run.py --quick    # a small smoke run of the same steps

Builds a deterministic corpus (benchmarks/corpus.py), then times fresh processes with
``subprocess`` and ``time.perf_counter``:

- the floor: a fresh ``python`` that reads every file and runs one regex over it;
- copydesk cold (``--no-cache``) and warm (cache filled by a previous run), all rules on;
- one plain-text article and one Markdown article through the ``copydesk`` console script,
  and the floor for one file, the three run in turn in each round (a ratio is the median of
  the rounds' ratios);
- ``python -c pass``;
- the 5 MB and 10 MB single articles.

The parent process's peak memory is its ``VmHWM`` from ``/proc/<pid>/status``, sampled while
it runs (worker processes are not counted). The output ends with a Markdown table.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import big_article, write_corpus

FLOOR = """\
import os, re, sys
pattern = re.compile(r"^- *$", re.M)
found = 0
target = sys.argv[1]
paths = [target] if os.path.isfile(target) else (
    os.path.join(root, name)
    for root, dirs, files in os.walk(target)
    for name in sorted(files)
)
for path in paths:
    with open(path, encoding="utf-8") as f:
        found += len(pattern.findall(f.read()))
print(found)
"""


@dataclass(frozen=True)
class Timing:
    seconds: float
    peak_kb: int | None = None
    #: CPU seconds of the process and its workers (user + system): less sensitive than wall
    #: time to other work on a shared machine.
    cpu: float = 0.0

    @property
    def cell(self) -> str:
        return f"{self.seconds:.2f} s (CPU {self.cpu:.1f} s)"


def run(cmd: list[str], cwd: Path, *, ok: tuple[int, ...] = (0, 1)) -> Timing:
    """Wall time of one process, and its own peak resident memory where procfs shows it."""
    status = Path("/proc")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak: int | None = None
    proc_file = status / str(proc.pid) / "status"
    if status.is_dir():
        while proc.poll() is None:
            try:
                for line in proc_file.read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peak = max(peak or 0, int(line.split()[1]))
            except (OSError, ValueError, IndexError):
                pass
            time.sleep(0.02)
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}:\n{err.decode()}")
    return Timing(seconds, peak, cpu)


def wall(cmd: list[str], cwd: Path, *, ok: tuple[int, ...] = (0, 1)) -> float:
    """Wall time of one short process, waited for without sampling its memory.

    :func:`run` wakes every 20 ms to read the process's peak memory, and a process is only seen
    to end at one of those wake-ups: a 25 ms process would read as 40 ms.
    """
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr.decode()}")
    return seconds


def best(cmd: list[str], cwd: Path, repeat: int) -> float:
    """The median wall time of ``repeat`` runs (single short processes are noisy)."""
    return statistics.median(wall(cmd, cwd) for _ in range(repeat))


def in_turn(cmds: list[list[str]], cwd: Path, repeat: int) -> list[tuple[float, float]]:
    """For each command, its median wall time over ``repeat`` rounds and the median of its
    time divided by the first command's in the same round.

    Each round runs every command once, in turn: a machine whose speed drifts during the run
    then moves both sides of a round's ratio alike (the medians alone would compare runs
    taken seconds apart).
    """
    rounds = [[wall(cmd, cwd) for cmd in cmds] for _ in range(repeat)]
    return [
        (
            statistics.median(r[i] for r in rounds),
            statistics.median(r[i] / r[0] for r in rounds),
        )
        for i in range(len(cmds))
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small smoke run")
    parser.add_argument("--workdir", type=Path, help="build corpora here (default: a temp dir)")
    parser.add_argument("--jobs", type=int, help="passed to copydesk --jobs")
    args = parser.parse_args()

    python = sys.executable
    copydesk = prepare(python)
    sizes = (10, 30) if args.quick else (100, 1_000, 10_000)
    big = (50_000, 100_000) if args.quick else (5_000_000, 10_000_000)
    repeat = 2 if args.quick else 7
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []

    owned = args.workdir is None
    work = Path(tempfile.mkdtemp(prefix="copydesk-bench-")) if owned else args.workdir
    work.mkdir(parents=True, exist_ok=True)
    try:
        rows, notes = measure(work, python, copydesk, sizes, big, repeat, jobs)
    finally:
        if owned:
            shutil.rmtree(work, ignore_errors=True)

    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(f"command: python benchmarks/run.py {' '.join(sys.argv[1:])}".rstrip())
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}"
        + (f", load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at the end" if load else "")
    )
    print("bytecode: compiled before timing, as pip does on install")
    print(f"install: {install_kind()}")
    for note in notes:
        print(note)
    print()
    print("| Measurement | Time | Ratio | Target | Met |")
    print("|---|---:|---:|---|:---:|")
    for name, value, ratio, target, met in rows:
        print(f"| {name} | {value} | {ratio} | {target} | {met} |")


def prepare(python: str) -> str:
    """The ``copydesk`` console script beside ``python``, set up to be timed as installed."""
    copydesk = shutil.which("copydesk", path=str(Path(python).parent)) or shutil.which("copydesk")
    if copydesk is None:
        raise SystemExit("the copydesk console script is not installed next to this python")
    # Time what a default Python does: PYTHONDONTWRITEBYTECODE (set on some build machines)
    # would also keep copydesk from keeping its compiled rulebook beside the bytecode.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    # An installed copydesk has its bytecode compiled by pip; an editable checkout may not,
    # which would time the compiler, not copydesk.
    package = Path(importlib.util.find_spec("linter").origin).parent  # type: ignore[union-attr, arg-type]
    subprocess.run(
        [python, "-m", "compileall", "-q", str(package)], check=True, stdout=subprocess.DEVNULL
    )
    return copydesk


def install_kind() -> str:
    """How copydesk is installed here. An editable install's finder is loaded by every
    ``python`` this environment starts, the floor's included, and costs it start-up time."""
    import site

    spec = importlib.util.find_spec("linter")
    origin = Path(spec.origin if spec and spec.origin else ".").resolve()
    packages = [Path(p).resolve() for p in site.getsitepackages()]
    if any(p in origin.parents for p in packages):
        return "regular (pip install .), as pre-commit and package users have it"
    finders = [f.name for p in packages if p.is_dir() for f in p.glob("__editable__*copydesk*")]
    if finders:
        return (
            "editable (pip install -e): every python started here, the floor's too, also "
            "loads the editable install's finder"
        )
    return f"run from the source tree at {origin.parent.parent}"


def measure(
    work: Path,
    python: str,
    copydesk: str,
    sizes: tuple[int, ...],
    big: tuple[int, int],
    repeat: int,
    jobs: list[str],
) -> tuple[list[tuple[str, str, str, str, str]], list[str]]:
    rows: list[tuple[str, str, str, str, str]] = []
    notes: list[str] = []
    floor = work / "floor.py"
    floor.write_text(FLOOR)
    check = [copydesk, "check", "--isolated", "--quiet", *jobs]

    def yes(ok: bool) -> str:
        return "yes" if ok else "**no**"

    pass_time = best([python, "-c", "pass"], work, repeat)
    rows.append(("`python -c pass`", f"{pass_time * 1000:.0f} ms", "", "", ""))

    cold_times: dict[int, float] = {}
    for count in sizes:
        corpus = work / f"corpus-{count}"
        if not corpus.exists():
            size = write_corpus(corpus, count)
            notes.append(f"corpus of {count:,} articles: {size / 1e6:.1f} MB")
        # The short runs (floor, warm) are the median of three: one disturbed run would
        # move a ratio by half. The cold run is long enough to time once.
        floor_t = best([python, str(floor), str(corpus)], work, 3)
        cold = run([*check, "--no-cache", str(corpus)], work)
        cache = work / f"cache-{count}"
        shutil.rmtree(cache, ignore_errors=True)
        run([*check, "--cache-dir", str(cache), str(corpus)], work)  # fills the cache
        warms = [run([*check, "--cache-dir", str(cache), str(corpus)], work) for _ in range(3)]
        warm = sorted(warms, key=lambda r: r.seconds)[1]
        cold_times[count] = cold.seconds
        last = count == sizes[-1]
        rows.append((f"floor, {count:,} articles", f"{floor_t:.2f} s", "1.0x", "", ""))
        rows.append(
            (
                f"copydesk cold, {count:,} articles",
                cold.cell,
                f"{cold.seconds / floor_t:.1f}x floor",
                "≤ 10x floor" if last else "",
                yes(cold.seconds <= 10 * floor_t) if last else "",
            )
        )
        rows.append(
            (
                f"copydesk warm, {count:,} articles",
                warm.cell,
                f"{warm.seconds / floor_t:.1f}x floor",
                "≤ 2x floor" if last else "",
                yes(warm.seconds <= 2 * floor_t) if last else "",
            )
        )
        if last and cold.peak_kb is not None:
            mb = cold.peak_kb / 1024
            rows.append(
                (
                    f"parent peak memory, cold, {count:,} articles",
                    f"{mb:.0f} MB",
                    "",
                    "≤ 150 MB",
                    yes(mb <= 150),
                )
            )
    for small, large in itertools.pairwise(sizes):
        growth = cold_times[large] / cold_times[small]
        scale = large / small
        rows.append(
            (
                f"cold {large:,} / cold {small:,} articles",
                "",
                f"{growth:.1f}x",
                f"≤ {scale * 1.1:g}x",
                yes(growth <= scale * 1.1),
            )
        )

    folder = work / f"corpus-{sizes[0]}" / "000"
    one = folder / "article-00000.txt"
    # The corpus alternates formats; a Markdown article also imports the Markdown parser (and
    # pyyaml for its front matter), so it is shown beside the plain-text one, with no target.
    md = min(folder.glob("*.md"))
    (floor_one, _), (single, ratio), (single_md, ratio_md) = in_turn(
        [
            [python, str(floor), str(one)],
            [copydesk, "check", "--isolated", "--no-cache", str(one)],
            [copydesk, "check", "--isolated", "--no-cache", str(md)],
        ],
        work,
        repeat,
    )
    rows.append(("floor, one article", f"{floor_one * 1000:.0f} ms", "1.0x", "", ""))
    rows.append(
        (
            "one plain-text article, `copydesk` console script",
            f"{single * 1000:.0f} ms",
            f"{ratio:.1f}x floor",
            "≤ 4x floor and < 60 ms",
            yes(ratio <= 4 and single < 0.060),
        )
    )
    rows.append(
        (
            f"one Markdown article ({md.name}), `copydesk` console script",
            f"{single_md * 1000:.0f} ms",
            f"{ratio_md:.1f}x floor",
            "",
            "",
        )
    )

    big_times = []
    for size in big:
        path = work / f"big-{size}.txt"
        if not path.exists():
            path.write_text(big_article(size), encoding="utf-8")
        timing = run([*check, "--no-cache", str(path)], work)
        seconds = timing.seconds
        big_times.append(seconds)
        first = size == big[0]
        rows.append(
            (
                f"one {size / 1e6:g} MB article",
                timing.cell,
                "" if first else f"{seconds / big_times[0]:.2f}x the {big[0] / 1e6:g} MB",
                "< 3 s" if first else "≤ 2.3x",
                yes(seconds < 3) if first else yes(seconds <= 2.3 * big_times[0]),
            )
        )
    return rows, notes


if __name__ == "__main__":
    main()
