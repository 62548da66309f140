"""How extraction went on a store: methods, confidence bands, one-post entities, look-alikes.

A function of the stored mentions, so the Insights page, the CLI and tests read one answer.
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher

from kgraph.model import Snapshot

__all__ = ["ALIKE_RATIO", "ALIKE_WINDOW", "quality_from_summary", "quality_report"]

ALIKE_RATIO = 0.88
"""Two names of one type this similar (difflib ratio, after folding) may be one entity."""
ALIKE_WINDOW = 200
"""Each name is compared with the next this many in sorted order, not all: linear, not
quadratic, and look-alikes sort close together."""


def _similar(a: str, b: str) -> bool:
    """difflib's ratio above :data:`ALIKE_RATIO`, its cheap upper bounds tried first (the
    same answer; a 2,000-entity store compares 400,000 pairs)."""
    m = SequenceMatcher(None, a, b)
    return (
        m.real_quick_ratio() > ALIKE_RATIO
        and m.quick_ratio() > ALIKE_RATIO
        and m.ratio() > ALIKE_RATIO
    )


def _fold(name: str) -> str:
    return name.lower().replace("-", " ").rstrip("s")


def quality_report(snapshot: Snapshot) -> dict:
    """Counts by method and confidence band, entities seen once, alias candidates, months.

    Examples
    --------
    >>> from kgraph.model import Mention, Post
    >>> posts = [Post("p1", "Kafka at scale", published="2025-03-02")]
    >>> ms = [Mention("p1", t, "TECHNOLOGY", t, "title", 0, 5, "", "ontology", 0.95)
    ...       for t in ("Kafka", "Kafkas")]
    >>> q = quality_report(Snapshot(posts, ms, None))
    >>> q["by_method"], q["bands"], q["months"]
    ({'ontology': 2}, {'0.9': 2}, {'2025-03': 1})
    >>> q["alike"]
    [{'type': 'TECHNOLOGY', 'name': 'Kafka', 'maybe the same as': 'Kafkas'}]
    """
    mentions = snapshot.mentions
    posts_per: Counter = Counter()
    for _post, type_, name in {(m.post_id, m.type, m.canonical) for m in mentions}:
        posts_per[(type_, name)] += 1
    return _report(
        Counter((m.method, m.confidence) for m in mentions),
        posts_per,
        Counter(p.published[:7] for p in snapshot.posts if p.published),
    )


def quality_from_summary(summary: dict) -> dict:
    """:func:`quality_report` from a store's :meth:`~kgraph.store.Store.mention_summary`
    (counts SQLite made), without reading every mention."""
    return _report(
        Counter({(method, conf): n for method, conf, n in summary["methods"]}),
        Counter({(type_, name): n for type_, name, n in summary["entities"]}),
        Counter(dict(summary["months"])),
    )


def _report(methods: Counter, posts_per: Counter, months: Counter) -> dict:
    """The report from ``(method, confidence) -> mentions``, ``(type, name) -> posts`` and
    ``YYYY-MM -> posts``."""
    by_method: Counter = Counter()
    bands: Counter = Counter()
    for (method, confidence), n in methods.items():
        by_method[method] += n
        bands[f"{int(confidence * 10) / 10:.1f}"] += n
    once = sorted(f"{n} ({t.lower()})" for (t, n), c in posts_per.items() if c == 1)
    folded = [(t, n, _fold(n)) for t, n in sorted(posts_per)]
    alike = []
    for i, (t, n, f) in enumerate(folded):
        for t2, n2, f2 in folded[i + 1 : i + ALIKE_WINDOW]:
            if t == t2 and (f == f2 or _similar(f, f2)):
                alike.append({"type": t, "name": n, "maybe the same as": n2})
    return {
        "by_method": dict(sorted(by_method.items())),
        "bands": dict(sorted(bands.items())),
        "once": once,
        "alike": alike,
        "months": dict(sorted(months.items())),
    }
