"""Fit the learned keeping of discovered names (``kgraph.extract.name_model``).

    PYTHONPATH=src python bench/fit_name_model.py            # refit data/learned/name-keep.json
    PYTHONPATH=src python bench/fit_name_model.py --folds    # leave-sets-out report only

The rows are the companies and technologies of the tuning sets' posts, extracted with the
model off; an entity is kept when the gold names it a company or a technology, and typed by
the gold. The keep model learns from the discovered ones; a type model (not shipped: it did
no better than the rules) from all. The same sets and code give the same bytes.
``--folds`` splits the sets into five groups, fits on four (thresholds chosen by an inner
split of those four) and scores the fifth, and reports the pooled held-out COMPANY /
TECHNOLOGY / micro figures of the rules alone, with the keep model, and with both models;
then the same in sample.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from dataclasses import replace
from pathlib import Path

from kgraph import config
from kgraph.extract import learned, name_model
from kgraph.extract.scoring import _match, fold, predictions, read_gold

TUNING_SETS = list(config.GOLD_TUNING_SETS)
FOLDS = 5
L2 = 1.0
THRESHOLDS = [round(0.05 * i, 2) for i in range(4, 17)]


def collect(sets: list[str]) -> list[dict]:
    """Per post: its set, gold, mentions and the judged entities' features (models off)."""
    from kgraph.extract import load_extractor

    extractor = load_extractor()
    posts = []
    for name in sets:
        records = read_gold(config.GOLD_DIR / f"{name}.jsonl")
        with name_model.recording() as judged:
            mentions = [list(m) for m in extractor.extract([p for p, _ in records])]
        by_post: dict[str, list] = {}
        for post, group, features in judged:
            keepable = all(m.method in name_model.KEEP_METHODS for m in group)
            by_post.setdefault(post.id, []).append((group[0].canonical, features, keepable))
        for (post, gold), found in zip(records, mentions, strict=True):
            posts.append(
                {
                    "set": name,
                    "gold": [
                        g for g in gold if g.get("type") in ("COMPANY", "TECHNOLOGY", "CONCEPT")
                    ],
                    "mentions": found,
                    "entities": by_post.get(post.id, []),
                }
            )
        print(f"{name}: {len(records)} posts", file=sys.stderr)
    return posts


def labels(post: dict, canonical: str) -> tuple[int, int | None]:
    """(keep, company) of one judged entity: a company or technology of the gold, and which."""
    group = [
        m for m in post["mentions"] if m.canonical == canonical and m.type in name_model.JUDGED
    ]
    names = {fold(m.canonical) for m in group} | {fold(m.text) for m in group}
    types = {g["type"] for g in post["gold"] if {fold(g["canonical"]), fold(g["text"])} & names}
    types &= set(name_model.JUDGED)
    if not types:
        return 0, None
    if len(types) > 1:
        return 1, int(group[0].type == "COMPANY")
    return 1, int("COMPANY" in types)


TYPE_SCOPE = "discovered"


def _typed(features, keepable) -> bool:
    if TYPE_SCOPE == "all":
        return True
    if TYPE_SCOPE == "discovered":
        return keepable
    return keepable or any(f.startswith("onto=") and "registry" in f for f in features)


def rows(posts: list[dict]) -> tuple[list, list]:
    keep_rows, type_rows = [], []
    for post in posts:
        for canonical, features, keepable in post["entities"]:
            keep, company = labels(post, canonical)
            if keepable:
                keep_rows.append((features, keep))
            if company is not None and _typed(features, keepable):
                type_rows.append((features, company))
    return keep_rows, type_rows


def decide(posts: list[dict], keep, typer) -> list[list]:
    """Each post's mentions after the models' decisions (as ``name_model.judge`` makes them)."""
    out = []
    for post in posts:
        verdict = {}
        for canonical, features, keepable in post["entities"]:
            if keepable and not keep.accepts(features):
                verdict[canonical] = None
            elif _typed(features, keepable):
                verdict[canonical] = "COMPANY" if typer.accepts(features) else "TECHNOLOGY"
        ms = []
        for m in post["mentions"]:
            if m.type in name_model.JUDGED and m.canonical in verdict:
                if verdict[m.canonical] is None:
                    continue
                m = replace(m, type=verdict[m.canonical])
            ms.append(m)
        out.append(ms)
    return out


def score(posts: list[dict], mentions_per_post: list[list]) -> dict:
    """tp/fp/fn per type as ``kgraph eval`` counts them."""
    counts = {t: [0, 0, 0] for t in ("COMPANY", "TECHNOLOGY", "CONCEPT")}
    for post, mentions in zip(posts, mentions_per_post, strict=True):
        grouped = predictions(mentions)
        pairs, missed, extra = _match(post["gold"], list(grouped.values()))
        for g, _ in pairs:
            counts[g["type"]][0] += 1
        for p in extra:
            counts[p["type"]][1] += 1
        for g in missed:
            counts[g["type"]][2] += 1
    return counts


def prf(c) -> str:
    tp, fp, fn = c
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    f = 2 * p * r / (p + r) if p + r else 0
    return f"{p:.3f}/{r:.3f}/{f:.3f} (tp{tp} fp{fp} fn{fn})"


def report(title: str, counts: dict) -> None:
    micro = [sum(c[i] for c in counts.values()) for i in range(3)]
    print(f"{title}")
    for t in ("COMPANY", "TECHNOLOGY"):
        print(f"  {t:10s} {prf(counts[t])}")
    print(f"  {'micro':10s} {prf(micro)}")


def _judged_f1(posts: list[dict], keep, typer) -> float:
    c = score(posts, decide(posts, keep, typer))
    tp, fp, fn = (c["COMPANY"][i] + c["TECHNOLOGY"][i] for i in range(3))
    return 2 * tp / (2 * tp + fp + fn)


class _Fixed:
    """A stand-in model: every entity kept, or typed as the rules typed it."""

    threshold = 0.5

    def __init__(self, accepts):
        self.accepts = accepts


KEEP_ALL = _Fixed(lambda features: True)
RULE_TYPE = _Fixed(lambda features: "rule=COMPANY" in features)


def fit_models(posts: list[dict], inner: bool = True, type_threshold: bool = True):
    """Keep and type models fitted on ``posts``; thresholds chosen by an inner split by set."""
    keep_rows, type_rows = rows(posts)
    keep = learned.fit(keep_rows, l2=L2)
    typer = learned.fit(type_rows, l2=L2)
    if not inner:
        return keep, typer
    sets = sorted({p["set"] for p in posts})
    # out-of-fold models over the training sets, then one threshold pair for all of them
    inner_models = []
    for k in range(FOLDS):
        held = {s for i, s in enumerate(sets) if i % FOLDS == k}
        train = [p for p in posts if p["set"] not in held]
        test = [p for p in posts if p["set"] in held]
        kr, tr = rows(train)
        inner_models.append((test, learned.fit(kr, l2=L2), learned.fit(tr, l2=L2)))
    best = None
    for tk in THRESHOLDS:
        for tt in (0.5,) if tk != 0.5 or not type_threshold else THRESHOLDS:
            f = []
            total = [0, 0, 0]
            for test, k, t in inner_models:
                t = replace(t, threshold=tt) if type_threshold else RULE_TYPE
                c = score(test, decide(test, replace(k, threshold=tk), t))
                for i in range(3):
                    total[i] += c["COMPANY"][i] + c["TECHNOLOGY"][i]
            tp, fp, fn = total
            f = 2 * tp / (2 * tp + fp + fn)
            if best is None or f > best[0] + 1e-9:
                best = (f, tk, tt)
    _, tk, tt = best
    return replace(keep, threshold=tk), replace(typer, threshold=tt)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", action="store_true", help="leave-sets-out report only")
    parser.add_argument("--cache", type=Path, help="pickle of the extracted rows (reused)")
    args = parser.parse_args()
    if args.cache and args.cache.exists():
        posts = pickle.loads(args.cache.read_bytes())
    else:
        posts = collect(TUNING_SETS)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(posts))
    if args.folds:
        sets = sorted({p["set"] for p in posts})
        rules_all, learned_all, keep_all, order = [], [], [], []
        for k in range(FOLDS):
            held = {s for i, s in enumerate(sets) if i % FOLDS == k}
            train = [p for p in posts if p["set"] not in held]
            test = [p for p in posts if p["set"] in held]
            keep, typer = fit_models(train)
            print(f"fold {k}: thresholds keep {keep.threshold} type {typer.threshold}")
            kept = decide(test, keep, RULE_TYPE)
            print(
                f"  judged F1 {_judged_f1(test, KEEP_ALL, RULE_TYPE):.4f} -> "
                f"{_judged_f1(test, keep, RULE_TYPE):.4f} (keep only)"
            )
            rules_all += [p["mentions"] for p in test]
            keep_all += kept
            learned_all += decide(test, keep, typer)
            order += test
        report("held-out folds, rules", score(order, rules_all))
        report("held-out folds, rules + keep model", score(order, keep_all))
        report("held-out folds, rules + keep and type models", score(order, learned_all))
        keep, typer = fit_models(posts)
        report("in sample, rules", score(posts, [p["mentions"] for p in posts]))
        report("in sample, rules + keep model", score(posts, decide(posts, keep, RULE_TYPE)))
        report("in sample, rules + both", score(posts, decide(posts, keep, typer)))
        return
    keep, _ = fit_models(posts, type_threshold=False)
    keep.save(name_model.KEEP_FILE)
    print(json.dumps({"keep_threshold": keep.threshold, "features": len(keep.weights)}))


if __name__ == "__main__":
    main()
