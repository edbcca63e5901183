"""How the figure rules' cost grows with the number of claims and of body figures.

    python benchmarks/figure_scale.py --workdir /tmp/bench

Writes articles of HIGHLIGHTS highlight bullets and BODY body sentences, each with two
counts of the same two things (wards' homes and schools, numbers drawn at random, seeded),
so that every claim's anchor is in every body sentence and few claims are stated: the worst
case for comparing claims with body figures. Times ``copydesk check --isolated --no-cache -q
--format concise`` on each, with every rule and without the figure rules (one run each,
``time.perf_counter`` around the process), and prints seconds.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIGURE_RULES = "figure-mismatch,figure-unsupported,figure-arithmetic"
SIZES = ((50, 2_000), (200, 2_000), (200, 10_000))


def scale_article(highlights: int, body: int, seed: int = 1) -> str:
    """A county's figures: ``highlights`` bullets and ``body`` sentences of them."""
    rng = random.Random(seed)

    def sentence(ward: int) -> str:
        homes, schools = rng.randint(100, 99_999), rng.randint(10, 900)
        return f"The council counted {homes:,} homes in ward {ward} and {schools} schools."

    lines = ["Figures for the County of Ashby", "Published 3 May 2026", "Highlights"]
    lines += [f"- {sentence(i)}" for i in range(highlights)]
    lines += ["", ""]
    lines += [sentence(i) for i in range(body)]
    return "\n".join(lines) + "\n"


def _timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr.decode()}")
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, help="articles go here (default: a temp dir)")
    parser.add_argument("--quick", action="store_true", help="one small article (a smoke test)")
    args = parser.parse_args(argv)
    folder = args.workdir or Path(tempfile.mkdtemp(prefix="copydesk-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    base = [sys.executable, "-m", "linter", "check", "--isolated", "--no-cache", "-q"]
    base += ["--format", "concise"]
    print(f"command: python benchmarks/figure_scale.py --workdir {folder}")
    for highlights, body in ((5, 20),) if args.quick else SIZES:
        path = folder / f"scale-h{highlights}-b{body}.txt"
        path.write_text(scale_article(highlights, body), encoding="utf-8")
        every = _timed([*base, str(path)])
        without = _timed([*base, "--ignore", FIGURE_RULES, str(path)])
        print(
            f"{highlights} highlight bullets, {body} body sentences: "
            f"{every:.2f} s with every rule, {without:.2f} s without the figure rules"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
