"""Scoring extraction against gold annotations: per-type and micro precision, recall and F1.

A post's gold and predicted entities are matched one to one, by type and by name: the
canonical name or the surface text, ignoring case, curly quotes and possessives. So span
boundaries barely matter; the type and the canonical name do.

The report also scores by canonical name alone (``by_canonical``): each post's distinct
(type, canonical) pairs against the gold's. That is the graph's view, where a node is a
canonical name: ``GPU`` found where the rules name ``graphics processing unit`` matches by
surface but is a wrong node label, and two surfaces of one entity count once.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from kgraph.errors import CorpusError
from kgraph.model import ENTITY_TYPES, Post, post_id_for


def fold(name: str) -> str:
    """A name compared case- and possessive-insensitively, curly quotes straightened."""
    text = unicodedata.normalize("NFKC", name).lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(?:'s|')$", "", text).strip()


def surface(text: str) -> str:
    """A surface as the entity rules list it: case kept, possessive and spacing normalised."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"(?:'s|')$", "", re.sub(r"\s+", " ", text).strip()).strip()


def read_gold(path: Path) -> list[tuple[Post, list[dict]]]:
    """The posts of a gold JSONL file with their annotated entities."""
    records = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            title = rec["title"]
        except (json.JSONDecodeError, KeyError, TypeError):
            raise CorpusError(
                f"{path}:{n}: not a gold record (JSON with 'title' and "
                "'entities'). Fix or remove the line."
            ) from None
        post = Post(
            id=str(rec.get("id") or post_id_for(title, rec.get("url", ""))),
            title=title,
            summary=rec.get("summary") or rec.get("description") or "",
            url=str(rec.get("url") or ""),
            source=str(rec.get("source") or ""),
        )
        records.append((post, list(rec.get("entities") or [])))
    return records


def _match(gold: list[dict], predicted: list[dict]) -> tuple[list, list, list]:
    """(matched pairs, missed gold, unmatched predictions).

    Gold lists each distinct surface of an entity once (``Kafka`` and ``Apache Kafka``, both
    ``Apache Kafka``), so predictions come one per entity and surface. Pairs form by type and
    name: surface and canonical first, then canonical, then either name. A predicted surface
    left over whose entity was matched under another surface is not a false positive (a gold
    set written one entry per entity lists one of its surfaces).
    """
    gold_left, pred_left, pairs = list(gold), list(predicted), []
    passes = (
        lambda g, p: (
            fold(g["canonical"]) == fold(p["canonical"]) and surface(g["text"]) == p["surface"]
        ),
        lambda g, p: fold(g["canonical"]) == fold(p["canonical"]),
        lambda g, p: bool({fold(g["canonical"]), fold(g["text"])} & p["names"]),
    )
    for same in passes:
        for g in list(gold_left):
            for p in pred_left:
                if p["type"] == g["type"] and same(g, p):
                    pairs.append((g, p))
                    gold_left.remove(g)
                    pred_left.remove(p)
                    break
    found = {p["key"] for _, p in pairs}
    return pairs, gold_left, [p for p in pred_left if p["key"] not in found]


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def predictions(mentions) -> dict[tuple[str, str], dict]:
    """A post's mentions as scoring counts them: one prediction per (entity, surface)."""
    grouped: dict[tuple[str, str], dict] = {}
    for m in mentions:
        grouped.setdefault(
            (m.entity_key, surface(m.text)),
            {
                "key": m.entity_key,
                "type": m.type,
                "canonical": m.canonical,
                "text": m.text,
                "surface": surface(m.text),
                "method": m.method,
                "names": {fold(m.canonical), fold(m.text)},
            },
        )
    return grouped


def evaluate(gold_path: Path | str, extractor) -> dict:
    """Per-type and micro P/R/F1 of ``extractor`` on a gold file, with misses and false positives."""
    records = read_gold(Path(gold_path))
    counts = {t: [0, 0, 0] for t in ENTITY_TYPES}
    by_canonical = {t: [0, 0, 0] for t in ENTITY_TYPES}
    misses, false_positives = [], []
    mentions_per_post = list(extractor.extract([post for post, _ in records]))
    for (post, gold), mentions in zip(records, mentions_per_post, strict=True):
        grouped = predictions(mentions)
        gold = [g for g in gold if g.get("type") in counts]
        _count_canonicals(by_canonical, gold, mentions)
        pairs, missed, extra = _match(gold, list(grouped.values()))
        for g, _ in pairs:
            counts[g["type"]][0] += 1
        for p in extra:
            counts[p["type"]][1] += 1
            false_positives.append(
                {
                    "post": post.id,
                    "title": post.title,
                    "type": p["type"],
                    "text": p["text"],
                    "canonical": p["canonical"],
                    "method": p["method"],
                }
            )
        for g in missed:
            counts[g["type"]][2] += 1
            misses.append(
                {
                    "post": post.id,
                    "title": post.title,
                    "type": g["type"],
                    "text": g.get("text", ""),
                    "canonical": g["canonical"],
                }
            )
    report = {
        "gold": str(gold_path),
        "posts": len(records),
        "pipeline_version": extractor.version,
        **per_type_and_micro(counts),
        "by_canonical": per_type_and_micro(by_canonical),
        "misses": misses,
        "false_positives": false_positives,
    }
    gold_relations = read_gold_relations(Path(gold_path))
    if any(rels is not None for rels in gold_relations):
        from kgraph.extract.relation_scoring import score_relations

        report["relations"] = score_relations(
            (post, rels or [], mentions, getattr(mentions, "relations", []))
            for (post, _), rels, mentions in zip(
                records, gold_relations, mentions_per_post, strict=True
            )
        )
    return report


def _count_canonicals(counts: dict, gold: list[dict], mentions) -> None:
    """Add one post's distinct (type, canonical) true/false positives and misses to ``counts``."""
    want = {(g["type"], fold(g["canonical"])) for g in gold}
    got = {(m.type, fold(m.canonical)) for m in mentions if m.type in counts}
    for kind, pairs in ((0, want & got), (1, got - want), (2, want - got)):
        for entity_type, _ in pairs:
            counts[entity_type][kind] += 1


def per_type_and_micro(counts: dict) -> dict:
    """P/R/F1 for each type's [tp, fp, fn] counts, and micro-averaged over all of them."""
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {"per_type": {t: _prf(*c) for t, c in counts.items()}, "micro": _prf(*total)}


def read_gold_relations(path: Path) -> list[list[dict] | None]:
    """Each gold record's ``relations`` (None when it has none), in :func:`read_gold` order."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            rels = json.loads(line).get("relations")
            out.append(list(rels) if isinstance(rels, list) else None)
    return out
