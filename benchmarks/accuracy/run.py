"""Score the figure rules on generated articles: ``python benchmarks/accuracy/run.py``.

Prints precision and recall per rule over all articles, recall of figure-mismatch and
figure-arithmetic together on the perturbed articles, false findings on the clean articles, the
false-alarm rate of figure-unsupported on clean articles, and how long figure extraction takes
next to parsing alone.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from benchmarks.accuracy.generate import generate  # noqa: E402
from linter.document import BlockKind, Role  # noqa: E402
from linter.figures.analysis import analyse  # noqa: E402
from linter.figures.numbers import read_quantities  # noqa: E402
from linter.kinds.figure_consistency import FigureConsistency, config_for  # noqa: E402
from linter.options import parse_options  # noqa: E402
from linter.parse import parse  # noqa: E402
from linter.yamlsource import load_yaml  # noqa: E402

RULE_IDS = ("figure-mismatch", "figure-arithmetic", "figure-unsupported")


def load_options() -> dict[str, object]:
    kind = FigureConsistency()
    options = {}
    for rule_id in RULE_IDS:
        path = ROOT / "rules" / f"{rule_id}.yaml"
        rule = load_yaml(path.read_text(encoding="utf-8"), str(path))
        options[rule_id] = parse_options(kind.options_type, rule["options"], path=str(path), line=1)
    return options


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20260201)
    parser.add_argument("--clean", type=int, default=1000)
    parser.add_argument("--perturbed", type=int, default=1000)
    parser.add_argument("--show", type=int, default=0, help="print this many misses")
    args = parser.parse_args(argv)

    articles = generate(args.seed, args.clean, args.perturbed)
    kind = FigureConsistency()
    options = load_options()
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    clean_false: Counter[str] = Counter()
    clean_with_unsupported = 0
    perturbed_expected = perturbed_found = 0
    shown = 0
    for article in articles:
        doc = parse(article.text, "article.txt")
        found = set()
        for rule_id in RULE_IDS:
            for f in kind.check(doc, options[rule_id]):
                found.add((rule_id, doc.line_of(f.span.start)))
        truth = article.truth
        for rule_id in RULE_IDS:
            mine = {x for x in found if x[0] == rule_id}
            want = {x for x in truth if x[0] == rule_id}
            if rule_id == "figure-unsupported":
                # No truth for it: every finding on a clean article is a false alarm.
                if article.perturbation == "clean" and mine:
                    clean_with_unsupported += 1
                    clean_false[rule_id] += len(mine)
                continue
            tp[rule_id] += len(mine & want)
            fp[rule_id] += len(mine - want)
            fn[rule_id] += len(want - mine)
            if article.perturbation == "clean":
                clean_false[rule_id] += len(mine)
        core = {x for x in found if x[0] != "figure-unsupported"}
        if article.perturbation != "clean":
            perturbed_expected += len(truth)
            perturbed_found += len(core & truth)
        if args.show and shown < args.show and core != truth:
            shown += 1
            print(f"--- {article.perturbation}: want {sorted(truth)} got {sorted(core)}")
            print(article.text)

    clean = sum(1 for a in articles if a.perturbation == "clean")
    perturbed = len(articles) - clean
    print(f"articles: {clean} clean, {perturbed} perturbed (seed {args.seed})")
    for rule_id in RULE_IDS[:2]:
        precision = tp[rule_id] / (tp[rule_id] + fp[rule_id]) if tp[rule_id] + fp[rule_id] else 1
        recall = tp[rule_id] / (tp[rule_id] + fn[rule_id]) if tp[rule_id] + fn[rule_id] else 1
        print(
            f"{rule_id}: precision {precision:.3f} recall {recall:.3f} "
            f"(tp {tp[rule_id]}, fp {fp[rule_id]}, fn {fn[rule_id]})"
        )
    print(
        f"figure-mismatch + figure-arithmetic recall on perturbed articles: "
        f"{perturbed_found / perturbed_expected:.3f} ({perturbed_found}/{perturbed_expected})"
    )
    print(
        f"false findings on clean articles: mismatch {clean_false['figure-mismatch']}, "
        f"arithmetic {clean_false['figure-arithmetic']}"
    )
    print(
        f"figure-unsupported false-alarm rate on clean articles: "
        f"{clean_with_unsupported / clean:.3f} ({clean_with_unsupported}/{clean} articles, "
        f"{clean_false['figure-unsupported']} findings)"
    )
    timing(articles, options)
    return 0


def timing(articles: list, options: dict[str, object], rounds: int = 3) -> None:
    """Best of ``rounds``: parse alone, then parse plus the (shared) figures analysis, and
    reading every figure of the parsed articles once, as a floor of what the analysis costs."""
    texts = [a.text for a in articles]
    config = config_for(options["figure-mismatch"])  # type: ignore[arg-type]
    parse_best = analysis_best = reading_best = float("inf")
    docs = [parse(text, "article.txt") for text in texts]
    for _ in range(rounds):
        start = time.perf_counter()
        figures = _read_every_figure(docs)
        reading_best = min(reading_best, time.perf_counter() - start)
        start = time.perf_counter()
        for text in texts:
            parse(text, "article.txt")
        parse_best = min(parse_best, time.perf_counter() - start)
        start = time.perf_counter()
        for text in texts:
            analyse(parse(text, "article.txt"), config)
        analysis_best = min(analysis_best, time.perf_counter() - start)
    extra = analysis_best - parse_best
    n = len(texts)
    print(
        f"timing over {n} articles (best of {rounds}): "
        f"parse {parse_best * 1e3 / n:.3f} ms/article, "
        f"parse + figures analysis {analysis_best * 1e3 / n:.3f} ms/article, "
        f"figures add {extra * 1e3 / n:.3f} ms/article ({extra / parse_best:.0%} of parse); "
        f"reading every figure once, nothing else: {reading_best * 1e3 / n:.3f} ms/article "
        f"({figures / n:.1f} figures/article)"
    )


def _read_every_figure(docs: list) -> int:
    """Read every figure of the title, highlights and body of ``docs`` (no anchors, no
    comparison: what any analysis of all of them must do at least); how many there were."""
    count = 0
    for doc in docs:
        text = doc.text
        for block in doc.blocks:
            if block.role in _READ_ROLES and block.kind in _READ_KINDS and block.text:
                span = block.text_span
                count += sum(1 for _ in read_quantities(text, span.start, span.end))
    return count


_READ_ROLES = (Role.TITLE, Role.HIGHLIGHTS, Role.BODY)
_READ_KINDS = (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)


if __name__ == "__main__":
    raise SystemExit(main())
