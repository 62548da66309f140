"""Fit the learned relation decisions on the labelled tuning sets, and measure them on sets
left out (``python -m kgraph.extract.relation_fit [--folds 5]``).

Training rows come from the extractor's own mentions on the tuning texts, so the model sees
what it sees at inference: each candidate (head, tail) of a post (see
:mod:`kgraph.extract.relations_learned`) with each relation type its ends allow, labelled 1
when the gold has that triple, matched by name as ``kgraph eval`` matches it. The fit is
deterministic and the weights are rounded, so a refit writes the same files.

``--folds N`` leaves whole sets out: the sets are dealt into N folds, each fold is scored by
models fitted on the others, and the pooled P/R/F1 per type is printed for the rules alone
and for the learned decisions at a few thresholds. ``--blocks 9-19,20-28,29-37`` leaves out
consecutive real-dev sets instead (the newest block is the one the rules have read least),
each scored by models fitted on the other tuning sets at ``THRESHOLDS``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kgraph import config
from kgraph.extract.learned import LinearModel, fit
from kgraph.extract.relation_scoring import score_relations
from kgraph.extract.relations import rule_state
from kgraph.extract.relations_learned import (
    LEARNED_TYPES,
    candidates,
    decide,
    weights_path,
)
from kgraph.extract.scoring import fold, read_gold, read_gold_relations
from kgraph.model import RELATION_TYPES, Mention, Post

TUNING_SETS = config.GOLD_TUNING_SETS
"""The labelled sets the weights are fitted on."""

L2 = 4.0
"""How hard every weight is pulled towards zero (see :func:`kgraph.extract.learned.fit`); 4 over
2 gained a point of precision at the same F1 on the left-out blocks (code version 112)."""
MIN_COUNT = 3
"""A feature seen in fewer candidates gets no weight."""
THRESHOLDS = {"applies": 0.5, "uses": 0.7, "built": 0.8}
"""The probability a triple of each type must reach, chosen on blocks of sets left out of the
fit (real-dev9–19, 20–28, 29–37, each scored by models fitted on the other sets): the highest
precision at which no block's F1 falls (see docs/extraction.md, code version 112)."""


@dataclass
class Example:
    """One labelled post as the extractor reads it."""

    group: str
    post: Post
    gold: list[dict]
    mentions: list[Mention]


def examples(sets: Iterable[str] = TUNING_SETS, extractor=None) -> list[Example]:
    """The posts of ``sets`` with their gold relations and the extractor's mentions."""
    if extractor is None:
        from kgraph.extract.extractor import load_extractor

        extractor = load_extractor()
    out = []
    for name in sets:
        path = config.GOLD_DIR / f"{name}.jsonl"
        records, relations = read_gold(path), read_gold_relations(path)
        found = extractor.extract([post for post, _ in records])
        for (post, _), gold, mentions in zip(records, relations, found, strict=True):
            out.append(Example(name, post, list(gold or []), list(mentions)))
    return out


def rows(example: Example, onto) -> list[tuple[str, list[str], int]]:
    """(type, features, label) of each candidate triple of one post."""
    state = rule_state(example.post, example.mentions, onto)
    names: dict[str, set[str]] = {}
    for m in example.mentions:
        names.setdefault(m.canonical, {fold(m.canonical)}).add(fold(m.text))
    gold = {(fold(g["head"]), g["type"], fold(g["tail"])) for g in example.gold}
    out = []
    for (head, tail), c in candidates(state, state.result()).items():
        heads, tails = names.get(head, {fold(head)}), names.get(tail, {fold(tail)})
        for type_ in c.types:
            label = any((h, type_, t) in gold for h in heads for t in tails)
            out.append((type_, sorted(c.features), int(label)))
    return out


def fit_models(
    labelled: Sequence[tuple[str, list[str], int]], thresholds: dict[str, float] = THRESHOLDS
) -> dict[str, LinearModel]:
    """One model per relation type from ``labelled`` rows."""
    models = {}
    for type_ in LEARNED_TYPES:
        data = [(f, y) for t, f, y in labelled if t == type_]
        if any(y for _, y in data):
            models[type_] = fit(data, l2=L2, min_count=MIN_COUNT, threshold=thresholds[type_])
    return models


def score(items: Iterable[Example], onto, models: dict[str, LinearModel] | None) -> dict:
    """``kgraph eval``'s relation report of ``items`` (the rules alone when ``models`` is None)."""
    scored = []
    for ex in items:
        state = rule_state(ex.post, ex.mentions, onto)
        relations = decide(state, models) if models else state.result()
        scored.append((ex.post, ex.gold, ex.mentions, relations))
    return score_relations(scored)


def deal(groups: Sequence[str], folds: int) -> list[set[str]]:
    """Whole sets dealt round-robin into ``folds`` folds."""
    return [set(groups[i::folds]) for i in range(folds)]


def _line(name: str, report: dict) -> str:
    cells = [f"{name:24s}"]
    for key in ("micro", *RELATION_TYPES):
        c = report["micro"] if key == "micro" else report["per_type"][key]
        cells.append(f"{key[:9]:>9s} {c['precision']:.2f}/{c['recall']:.2f}/{c['f1']:.2f}")
    return "  ".join(cells)


def cross_validate(data: list[Example], onto, folds: int, thresholds: Sequence[float]) -> None:
    """Print pooled left-out-fold P/R/F1 per type, rules alone and learned per threshold."""
    groups = list(dict.fromkeys(ex.group for ex in data))
    print(_line("rules", score(data, onto, None)))
    per_post = {id(ex): rows(ex, onto) for ex in data}
    held: list[tuple[Example, dict[str, LinearModel]]] = []
    for part in deal(groups, folds):
        train = [r for ex in data if ex.group not in part for r in per_post[id(ex)]]
        models = fit_models(train)
        held.extend((ex, models) for ex in data if ex.group in part)
    for name, at in [
        *((f"learned >= {thr:.2f}", dict.fromkeys(LEARNED_TYPES, thr)) for thr in thresholds),
        ("learned, THRESHOLDS", THRESHOLDS),
    ]:
        scored = []
        chosen_of: dict[int, dict[str, LinearModel]] = {}  # one per fold: scorers are cached by id
        for ex, models in held:
            chosen = chosen_of.get(id(models))
            if chosen is None:
                chosen = chosen_of[id(models)] = {
                    t: LinearModel(m.weights, m.bias, at[t]) for t, m in models.items()
                }
            state = rule_state(ex.post, ex.mentions, onto)
            scored.append((ex.post, ex.gold, ex.mentions, decide(state, chosen)))
        print(_line(name, score_relations(scored)))


def block_sets(spec: str) -> list[list[str]]:
    """ "9-19,20-28,29-37" → the real-dev sets of each block that are tuning sets."""
    blocks = []
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        wanted = {
            f"real-dev{n}" if n > 1 else "real-dev" for n in range(int(lo), int(hi or lo) + 1)
        }
        blocks.append([name for name in TUNING_SETS if name in wanted])
    return blocks


def leave_blocks_out(data: list[Example], onto, blocks: list[list[str]]) -> None:
    """Print each block's relation P/R/F1 (rules alone, and with models fitted on the tuning
    sets outside it at ``THRESHOLDS``), then the blocks pooled."""
    per_post = {id(ex): rows(ex, onto) for ex in data}
    pooled: dict[str, list] = {"rules": [], "learned": []}
    for block in blocks:
        inside = set(block)
        held = [ex for ex in data if ex.group in inside]
        models = fit_models([r for ex in data if ex.group not in inside for r in per_post[id(ex)]])
        name = "sets " + "-".join(
            dict.fromkeys(n.removeprefix("real-dev") or "1" for n in (block[0], block[-1]))
        )
        for key, chosen in (("rules", None), ("learned", models)):
            scored = []
            for ex in held:
                state = rule_state(ex.post, ex.mentions, onto)
                relations = decide(state, chosen) if chosen else state.result()
                scored.append((ex.post, ex.gold, ex.mentions, relations))
            pooled[key].extend(scored)
            print(_line(f"{name} {key}", score_relations(scored)))
    for key, scored in pooled.items():
        print(_line(f"pooled {key}", score_relations(scored)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kgraph.extract.relation_fit")
    parser.add_argument("--folds", type=int, default=0, help="measure on left-out sets only")
    parser.add_argument(
        "--thresholds", default="0.3,0.5,0.7,0.9", help="for --folds: comma-separated"
    )
    parser.add_argument(
        "--blocks",
        default="",
        help='measure on blocks of real-dev sets left out in turn, e.g. "9-19,20-28,29-37"',
    )
    args = parser.parse_args(argv)
    from kgraph.ontology import load_ontology

    onto = load_ontology()
    data = examples()
    if args.blocks:
        leave_blocks_out(data, onto, block_sets(args.blocks))
        return 0
    if args.folds:
        cross_validate(data, onto, args.folds, [float(x) for x in args.thresholds.split(",")])
        return 0
    models = fit_models([r for ex in data for r in rows(ex, onto)])
    for type_, model in models.items():
        model.save(weights_path(type_))
    print(_line("rules", score(data, onto, None)))
    print(_line("learned (in-sample)", score(data, onto, models)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
