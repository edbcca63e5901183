"""What the figure rules add to ``copydesk check``: paired whole-process runs, in turn.

    python benchmarks/figure_overhead.py --workdir /tmp/bench           # 1,000 articles, 9 pairs
    python benchmarks/figure_overhead.py --workdir /tmp/bench --pairs 15 --count 10000

Runs, over the speed benchmark's corpus (built in the work folder if it is not there yet),

- A: ``copydesk check --isolated --no-cache -q --format concise CORPUS`` (every rule), and
- B: the same with ``--ignore figure-mismatch,figure-unsupported,figure-arithmetic``,

one after the other, ``--pairs`` times, after one unmeasured pair. Wall time is
``time.perf_counter`` around each process; CPU time is user + system of the process and its
workers (``getrusage(RUSAGE_CHILDREN)``). A ratio is taken within each pair, and the median
of those is printed: a machine whose speed drifts moves both sides of a pair alike. The
target of issue #3 is a ratio of at most 1.30.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus
from run import prepare

FIGURE_RULES = "figure-mismatch,figure-unsupported,figure-arithmetic"
TARGET = 1.30


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one process and the workers it waited for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr.decode()}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, help="corpora live here (default: a temp dir)")
    parser.add_argument("--count", type=int, default=1_000, help="articles in the corpus")
    parser.add_argument("--pairs", type=int, default=9, help="measured pairs of runs")
    args = parser.parse_args()

    copydesk = prepare(sys.executable)  # as benchmarks/run.py times it

    owned = args.workdir is None
    work = Path(tempfile.mkdtemp(prefix="copydesk-overhead-")) if owned else args.workdir
    work.mkdir(parents=True, exist_ok=True)
    try:
        corpus = work / f"corpus-{args.count}"
        if not corpus.exists():
            write_corpus(corpus, args.count)
        every = [copydesk, "check", "--isolated", "--no-cache", "-q", "--format", "concise"]
        with_figures = [*every, str(corpus)]
        without = [*every, "--ignore", FIGURE_RULES, str(corpus)]
        timed(with_figures)  # the first run of a build also stores the compiled rulebook
        timed(without)
        pairs = [(timed(with_figures), timed(without)) for _ in range(args.pairs)]
    finally:
        if owned:
            shutil.rmtree(work, ignore_errors=True)

    def median(values: list[float]) -> float:
        return statistics.median(values)

    print(f"command: python benchmarks/figure_overhead.py {' '.join(sys.argv[1:])}".rstrip())
    print(f"corpus: {args.count:,} articles; {args.pairs} pairs, A then B in each")
    print()
    print("| | every rule (A) | without the figure rules (B) | A/B, median of pairs |")
    print("|---|---:|---:|---:|")
    verdicts = []
    for name, i in (("wall", 0), ("CPU", 1)):
        a = median([p[0][i] for p in pairs])
        b = median([p[1][i] for p in pairs])
        ratio = median([p[0][i] / p[1][i] for p in pairs])
        print(f"| {name} | {a:.2f} s | {b:.2f} s | {ratio:.2f}x |")
        verdicts.append(f"{name} {'met' if ratio <= TARGET else 'not met'}")
    print()
    print(f"target, the figure rules add at most 30% (A/B <= {TARGET:.2f}): {', '.join(verdicts)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
