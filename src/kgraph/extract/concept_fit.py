"""Fitting the learned keep decision on concepts (:mod:`kgraph.extract.concept_choice`).

    python -m kgraph.extract.concept_fit        # refit data/learned/concept_keep.json

The rules run over the tuning sets with the learned layer off; each proposed concept entity
of a post is labelled by the scorer's own matching (1 if it matches a gold entity). The
threshold is chosen by leaving whole sets out inside the fitting sets: where the held-out
sets' concept F1 is best. The same code and gold give the same bytes.
"""

from __future__ import annotations

from kgraph import config
from kgraph.extract import concept_choice, learned
from kgraph.extract.scoring import _count_canonicals, _match, fold, read_gold, surface
from kgraph.model import ENTITY_TYPES

TUNING_SETS = ["real-dev"] + [f"real-dev{n}" for n in (*range(2, 8), *range(9, 29))]
FOLDS = 5
L2 = 1.0
KEEP_GRID = [round(0.05 * i, 2) for i in range(1, 13)]


def harvest(ex, sets=TUNING_SETS) -> dict:
    """{set: [(post, gold entities, mentions)]} of the extractor over the gold sets."""
    out = {}
    for name in sets:
        records = read_gold(config.DATA_DIR / "gold" / f"{name}.jsonl")
        mentions = ex.extract([post for post, _ in records])
        out[name] = [
            (post, gold, list(ms)) for (post, gold), ms in zip(records, mentions, strict=True)
        ]
    return out


def _grouped(mentions) -> list[dict]:
    grouped: dict = {}
    for m in mentions:
        grouped.setdefault(
            (m.entity_key, surface(m.text)),
            {
                "key": m.entity_key,
                "type": m.type,
                "canonical": m.canonical,
                "text": m.text,
                "surface": surface(m.text),
                "names": {fold(m.canonical), fold(m.text)},
            },
        )
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


def keep_rows(records, onto) -> list[tuple[list[str], int]]:
    """(features, matched a gold entity) of each proposed concept entity."""
    rows = []
    for post, gold, mentions in records:
        pairs, _, _ = _match([g for g in gold if g.get("type") in ENTITY_TYPES], _grouped(mentions))
        matched = {p["key"] for _, p in pairs}
        for key, feats in concept_choice.keep_rows(post, mentions, onto).items():
            rows.append((feats, int(key in matched)))
    return rows


def folds(sets: list[str], n: int = FOLDS) -> list[list[str]]:
    """Whole sets in ``n`` groups, round-robin in name order."""
    return [sets[k::n] for k in range(n)]


def out_of_fold(rows: dict) -> list[tuple[float, int]]:
    """(probability, label) of every row of ``rows`` ({set: rows}), each scored by a model
    fitted without its set's fold."""
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
        tp, fp, fn = tp0 - lost, fp0 - gone, missed + lost
        f = 2 * tp / (2 * tp + fp + fn)
        if f > best_f + 1e-9:
            best, best_f = t, f
    return best


def fit_keep(data: dict, onto) -> learned.LinearModel:
    """The keep model fitted on ``data``, its threshold from ``data``'s own set folds."""
    rows = {name: keep_rows(records, onto) for name, records in data.items()}
    missed = 0
    for records in data.values():
        for _, gold, mentions in records:
            main: dict = {}
            score_post(gold, mentions, main, {})
            missed += main["CONCEPT"][2]
    threshold = keep_threshold(out_of_fold(rows), missed)
    return learned.fit([r for name in sorted(rows) for r in rows[name]], l2=L2, threshold=threshold)


def main() -> None:
    from kgraph.extract import load_extractor

    ex = load_extractor()
    ex.keep = None  # the rules alone propose what the model learns to keep
    keep = fit_keep(harvest(ex), ex.ontology)
    keep.save(concept_choice.KEEP_MODEL)
    print(f"{concept_choice.KEEP_MODEL}: {len(keep.weights)} weights, threshold {keep.threshold}")


if __name__ == "__main__":
    main()
