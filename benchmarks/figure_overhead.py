"""What the figure rules add to ``copydesk check``: paired whole-process runs, in turn.

    python benchmarks/figure_overhead.py --workdir /tmp/bench           # 1,000 articles, 9 pairs
    python benchmarks/figure_overhead.py --workdir /tmp/bench --pairs 15 --count 10000
    python benchmarks/figure_overhead.py --workdir /tmp/bench --corpus accuracy --count 2000

Runs, over the speed benchmark's corpus or, with ``--corpus accuracy``, the accuracy
benchmark's articles (its seed, half clean and half with one change, each written to a file),
built in the work folder if it is not there yet,

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

from accuracy.generate import generate
from corpus import write_corpus
from run import prepare

FIGURE_RULES = "figure-mismatch,figure-unsupported,figure-arithmetic"
TARGET = 1.30
#: The accuracy benchmark's default seed (``benchmarks/accuracy/run.py``).
ACCURACY_SEED = 20260201


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


def write_accuracy_corpus(folder: Path, count: int, seed: int) -> None:
    """The accuracy benchmark's ``count`` articles of ``seed`` (the first half clean), one
    file each, as its scorer reads them."""
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for i, article in enumerate(generate(seed, count - count // 2, count // 2)):
        (tmp / f"a{i:05d}.txt").write_text(article.text, encoding="utf-8")
    tmp.rename(folder)  # whole or not at all: a stopped run leaves no half corpus behind


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, help="corpora live here (default: a temp dir)")
    parser.add_argument(
        "--corpus",
        choices=("speed", "accuracy"),
        default="speed",
        help="the speed benchmark's articles (default) or the accuracy benchmark's",
    )
    parser.add_argument("--count", type=int, default=1_000, help="articles in the corpus")
    parser.add_argument(
        "--seed", type=int, default=ACCURACY_SEED, help="seed of the accuracy corpus"
    )
    parser.add_argument("--pairs", type=int, default=9, help="measured pairs of runs")
    args = parser.parse_args()

    copydesk = prepare(sys.executable)  # as benchmarks/run.py times it

    owned = args.workdir is None
    work = Path(tempfile.mkdtemp(prefix="copydesk-overhead-")) if owned else args.workdir
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.corpus == "speed":
            corpus = work / f"corpus-{args.count}"
            if not corpus.exists():
                write_corpus(corpus, args.count)
        else:
            corpus = work / f"accuracy-{args.seed}-{args.count}"
            if not corpus.exists():
                write_accuracy_corpus(corpus, args.count, args.seed)
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
    kind = "speed" if args.corpus == "speed" else f"accuracy (seed {args.seed})"
    pairs_said = f"{args.pairs} pair{'' if args.pairs == 1 else 's'}"
    print(f"corpus: {kind}, {args.count:,} articles; {pairs_said}, A then B in each")
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
