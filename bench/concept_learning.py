"""Learned concept decisions, validated by leaving whole tuning sets out.

    python bench/concept_learning.py harvest    # the rules over the 27 tuning sets, once
    python bench/concept_learning.py cv         # 5 folds of sets: rules vs keep, open
    python bench/concept_learning.py insample   # fitted and scored on all 27
    python bench/concept_learning.py speed      # the keep decision's cost per post

Two decisions over the rules' output (features in ``concept_features.py``), each a
:mod:`kgraph.extract.learned` model:

* **keep**: drop a concept entity the rules propose in a post when the model scores it
  below a threshold; labels are the scorer's own matching (1: it matches a gold entity).
  ``keep+shared`` also asks about ``low latency`` and ``high throughput``, which the
  extractor keeps on purpose though the gold leaves them out.
* **open**: add lower-case noun phrases the rules did not propose; label 1 when the post's
  gold names a concept so (text or canonical, singular lower-case).

Each outer fold fits on four fifths of the sets and scores the held-out fifth with the
scorer's matching (``kgraph eval``'s counts). Thresholds come from an inner five folds of
the fitting sets: for keep, where the inner held-out concept F1 is best; for open, the
lowest whose inner held-out candidates are right ``OPEN_PRECISION`` of the time (none:
nothing added). The results are in docs/extraction.md.
"""

from __future__ import annotations

import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

from concept_features import add_open, keep_concepts, keep_rows, open_candidates  # noqa: E402

from kgraph import config  # noqa: E402
from kgraph.extract import learned  # noqa: E402
from kgraph.extract.scoring import _count_canonicals, _match, fold, predictions, read_gold  # noqa: E402
from kgraph.model import ENTITY_TYPES  # noqa: E402

CACHE = Path("/tmp/kgraph-concept-harvest.pkl")
TUNING_SETS = list(config.GOLD_TUNING_SETS)
FOLDS = 5
L2 = 1.0
KEEP_GRID = [round(0.05 * i, 2) for i in range(1, 13)]
OPEN_GRID = [round(0.05 * i, 2) for i in range(8, 20)]
OPEN_PRECISION = 0.75


def harvest() -> None:
    from kgraph.extract import load_extractor

    ex = load_extractor()
    data = {}
    for name in TUNING_SETS:
        records = read_gold(config.DATA_DIR / "gold" / f"{name}.jsonl")
        mentions = ex.extract([post for post, _ in records])
        data[name] = [(p, g, list(ms)) for (p, g), ms in zip(records, mentions, strict=True)]
    CACHE.write_bytes(pickle.dumps(data))
    print(f"{sum(len(v) for v in data.values())} posts from {len(data)} sets")


def _grouped(mentions) -> list[dict]:
    """Predictions grouped as ``kgraph eval`` groups them."""
    grouped = predictions(mentions)
    return list(grouped.values())


def score_post(gold, mentions, main: dict, canon: dict) -> None:
    """Add one post's per-type [tp, fp, fn] to ``main`` and ``canon`` as ``kgraph eval`` does."""
    for t in ENTITY_TYPES:
        main.setdefault(t, [0, 0, 0])
        canon.setdefault(t, [0, 0, 0])
    gold = [g for g in gold if g.get("type") in main]
    _count_canonicals(canon, gold, mentions)
    pairs, missed, extra = _match(gold, _grouped(mentions))
    for g, _ in pairs:
        main[g["type"]][0] += 1
    for p in extra:
        main[p["type"]][1] += 1
    for g in missed:
        main[g["type"]][2] += 1


def labelled_keep(records, onto, shared) -> list[tuple[list[str], int]]:
    rows = []
    for post, gold, mentions in records:
        pairs, _, _ = _match([g for g in gold if g.get("type") in ENTITY_TYPES], _grouped(mentions))
        matched = {p["key"] for _, p in pairs}
        for key, feats in keep_rows(post, mentions, onto, shared).items():
            rows.append((feats, int(key in matched)))
    return rows


def labelled_open(records, onto) -> list[tuple[list[str], int]]:
    rows = []
    for post, gold, mentions in records:
        names = {
            fold(n) for g in gold if g.get("type") == "CONCEPT" for n in (g["text"], g["canonical"])
        }
        for c in open_candidates(post, mentions, onto):
            rows.append((list(c.features), int(fold(c.text) in names or c.canonical in names)))
    return rows


def folds(sets: list[str], n: int = FOLDS) -> list[list[str]]:
    """Whole sets in ``n`` groups, round-robin in name order."""
    return [sets[k::n] for k in range(n)]


def out_of_fold(rows: dict) -> list[tuple[float, int]]:
    """(probability, label) of each row of {set: rows}, by a model fitted without its fold."""
    scored = []
    for held in folds(sorted(rows)):
        model = learned.fit([r for s in sorted(rows) if s not in held for r in rows[s]], l2=L2)
        for s in held:
            scored += [(model.probability(f), y) for f, y in rows[s]]
    return scored


def keep_threshold(scored, missed: int) -> float:
    """The threshold under which dropping entities gives the best concept F1 (0: keep all)."""
    tp0 = sum(y for _, y in scored)
    fp0 = len(scored) - tp0
    best, best_f = 0.0, 2 * tp0 / (2 * tp0 + fp0 + missed)
    for t in KEEP_GRID:
        lost = sum(y for p, y in scored if p < t)
        gone = sum(1 - y for p, y in scored if p < t)
        f = 2 * (tp0 - lost) / (2 * (tp0 - lost) + fp0 - gone + missed + lost)
        if f > best_f + 1e-9:
            best, best_f = t, f
    return best


def fit_keep(data: dict, onto, shared: bool) -> learned.LinearModel:
    rows = {name: labelled_keep(records, onto, shared) for name, records in data.items()}
    missed = 0
    for records in data.values():
        for _, gold, mentions in records:
            main: dict = {}
            score_post(gold, mentions, main, {})
            missed += main["CONCEPT"][2]
    threshold = keep_threshold(out_of_fold(rows), missed)
    return learned.fit([r for s in sorted(rows) for r in rows[s]], l2=L2, threshold=threshold)


def fit_open(data: dict, onto) -> learned.LinearModel:
    rows = {name: labelled_open(records, onto) for name, records in data.items()}
    scored = out_of_fold(rows)
    top = sorted(scored, key=lambda s: -s[0])
    print("  open, inner out-of-fold: best 10/20/40/80 right", end="")
    print(" ".join(f" {sum(y for _, y in top[:n]) / n:.2f}" for n in (10, 20, 40, 80)))
    threshold = next(
        (
            t
            for t in OPEN_GRID
            if len(taken := [y for p, y in scored if p >= t]) >= 5
            and sum(taken) / len(taken) >= OPEN_PRECISION
        ),
        1.01,
    )
    model = learned.fit([r for s in sorted(rows) for r in rows[s]], l2=L2)
    return learned.LinearModel(model.weights, model.bias, threshold)


def fitted(name: str, data: dict, onto) -> learned.LinearModel:
    return fit_open(data, onto) if name == "open" else fit_keep(data, onto, name == "keep+shared")


def counts(data, onto=None, name="", model=None):
    """Pooled per-type [tp, fp, fn], main and by canonical, after one decision."""
    main, canon = {}, {}
    for records in data.values():
        for post, gold, mentions in records:
            if name == "open":
                mentions = add_open(post, mentions, onto, model)
            elif model is not None:
                mentions = keep_concepts(post, mentions, onto, model, name == "keep+shared")
            score_post(gold, mentions, main, canon)
    return main, canon


def prf(c):
    tp, fp, fn = c
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    return f"{p:.3f}/{r:.3f}/{2 * p * r / (p + r) if p + r else 0:.3f} (tp{tp} fp{fp} fn{fn})"


def show(label, main, canon):
    total = [sum(c[i] for c in main.values()) for i in range(3)]
    ctotal = [sum(c[i] for c in canon.values()) for i in range(3)]
    print(f"{label:24s} micro {prf(total)}  canon {prf(ctotal)}")
    print(f"{'':24s} CONCEPT {prf(main['CONCEPT'])}  canon {prf(canon['CONCEPT'])}")


def _load():
    from kgraph.ontology import load_ontology

    return pickle.loads(CACHE.read_bytes()), load_ontology()


def cv(which: str = "keep,keep+shared,open") -> None:
    data, onto = _load()
    base: tuple = ({}, {})
    runs: dict = {name: ({}, {}) for name in which.split(",")}
    for k, held in enumerate(folds(sorted(data))):
        train = {s: data[s] for s in data if s not in held}
        test = {s: data[s] for s in held}
        before = counts(test)
        _add(base, *before)
        for name in runs:
            model = fitted(name, train, onto)
            after = counts(test, onto, name, model)
            _add(runs[name], *after)
            print(f"fold {k} {name} (threshold {model.threshold}) held {','.join(held)}")
            print(f"  CONCEPT {prf(before[0]['CONCEPT'])} -> {prf(after[0]['CONCEPT'])}")
    show("rules (held-out folds)", *base)
    for name, (m, c) in runs.items():
        show(f"learned {name}", m, c)


def insample(which: str = "keep,keep+shared") -> None:
    data, onto = _load()
    show("rules (in sample)", *counts(data))
    for name in which.split(","):
        show(f"{name} (in sample)", *counts(data, onto, name, fitted(name, data, onto)))


def speed() -> None:
    data, onto = _load()
    model = fit_keep(data, onto, False)
    records = [r for v in data.values() for r in v]
    for post, _, mentions in records[:50]:  # word tables and vocabularies load once
        keep_concepts(post, mentions, onto, model)
    for _ in range(3):
        start = time.perf_counter()
        for post, _, mentions in records:
            keep_concepts(post, mentions, onto, model)
        print(f"keep decision: {(time.perf_counter() - start) * 1000 / len(records):.2f} ms/post")


def _add(acc, main, canon):
    for target, source in zip(acc, (main, canon), strict=True):
        for t, c in source.items():
            row = target.setdefault(t, [0, 0, 0])
            for i in range(3):
                row[i] += c[i]


if __name__ == "__main__":
    {"harvest": harvest, "cv": cv, "insample": insample, "speed": speed}[sys.argv[1]](*sys.argv[2:])
