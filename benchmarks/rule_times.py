"""Time per article of parsing and of each rule, in one process, over a folder of articles.

    python benchmarks/rule_times.py FOLDER [--limit N]

Every file is parsed first, then each enabled rule's kind runs over every document and is
timed with ``time.perf_counter``. The figure rules share one analysis per document: the first
of them to run pays for it. Prints milliseconds per article, slowest first.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from linter.config import load_config
from linter.kinds import get_kind
from linter.parse import parse_bytes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, default=600, help="at most this many files")
    args = parser.parse_args(argv)
    config = load_config(isolated=True)
    files = sorted(p for p in args.folder.rglob("*") if p.suffix in (".txt", ".md"))
    files = files[: args.limit]
    data = [(str(f), f.read_bytes()) for f in files]
    start = time.perf_counter()
    docs = [parse_bytes(raw, name, options=config.article) for name, raw in data]
    parse_time = time.perf_counter() - start
    per_rule: Counter[str] = Counter()
    for active in config.rules:
        kind = get_kind(active.rule.kind)
        start = time.perf_counter()
        for doc in docs:
            for _ in kind.check(doc, active.options):
                pass
        per_rule[active.id] += time.perf_counter() - start
    count = max(1, len(docs))
    print(f"{len(docs)} articles")
    print(f"{'parse':24s} {parse_time * 1000 / count:9.3f} ms/article")
    for rule_id, seconds in per_rule.most_common():
        print(f"{rule_id:24s} {seconds * 1000 / count:9.3f} ms/article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
