"""Scoring stated relations against gold: per-type and micro P/R/F1 (see RELATION-RULES).

A gold triple ``(head, type, tail)`` matches a predicted one of the same post and type when
each end matches by name: the canonical name or one of the entity's surface forms in the
post, compared case-, quote- and possessive-insensitively (as entities are scored).
"""

from __future__ import annotations

from kgraph.extract.scoring import _prf, fold, per_type_and_micro
from kgraph.model import RELATION_TYPES, Mention, Relation


def score_relations(items) -> dict:
    """``items``: ``(post, gold_relations, mentions, relations)`` per post."""
    counts = {t: [0, 0, 0] for t in RELATION_TYPES}
    by_method: dict[str, list[int]] = {}
    misses, false_positives = [], []
    reachable = 0  # gold triples whose two ends are both among the extracted entities
    for post, gold, mentions, relations in items:
        names = _names(mentions)
        extracted = set().union(*names.values()) if names else set()
        predicted = [
            (r, names.get(r.head, {fold(r.head)}), names.get(r.tail, {fold(r.tail)}))
            for r in relations
        ]
        gold = [g for g in gold if g.get("type") in counts]
        seen = set()
        unique = []
        for g in gold:
            key = (fold(g["head"]), g["type"], fold(g["tail"]))
            if key not in seen:
                seen.add(key)
                unique.append(g)
        for g in unique:
            h, t = fold(g["head"]), fold(g["tail"])
            reachable += h in extracted and t in extracted
            hit = next(
                (p for p in predicted if p[0].type == g["type"] and h in p[1] and t in p[2]),
                None,
            )
            if hit is None:
                counts[g["type"]][2] += 1
                misses.append({"post": post.id, "title": post.title, **_triple(g)})
            else:
                counts[g["type"]][0] += 1
                by_method.setdefault(hit[0].method, [0, 0])[0] += 1
                predicted.remove(hit)
        for r, _, _ in predicted:
            counts[r.type][1] += 1
            by_method.setdefault(r.method, [0, 0])[1] += 1
            false_positives.append(
                {
                    "post": post.id,
                    "title": post.title,
                    "head": r.head,
                    "type": r.type,
                    "tail": r.tail,
                    "method": r.method,
                    "sentence": r.sentence,
                }
            )
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {
        **per_type_and_micro(counts),
        # Relation recall is capped by entity recall: no rule can find a triple whose end
        # the entity extractor missed (or named otherwise than the gold).
        "reachable": {"gold": total[0] + total[2], "both_ends_extracted": reachable},
        # How precise each rule is alone: what the confidence table in confidence.py is from.
        "per_method": {m: _prf(tp, fp, 0) for m, (tp, fp) in sorted(by_method.items())},
        "misses": misses,
        "false_positives": false_positives,
    }


def _triple(g: dict) -> dict:
    return {"head": g["head"], "type": g["type"], "tail": g["tail"]}


def _names(mentions: list[Mention]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in mentions:
        out.setdefault(m.canonical, {fold(m.canonical)}).add(fold(m.text))
    return out


def relations_of(relations: list[Relation]) -> list[dict]:
    return [r.output() for r in relations]
