"""Posts per month, the Rising table and what is new, on graphs with a known answer."""

from __future__ import annotations

from kgraph.analysis.timeline import monthly_counts, rising, whats_new
from kgraph.graph import build_graph
from kgraph.graph.sample import sample_snapshot
from kgraph.model import Snapshot


def _graph(rows):
    """rows: (id, month "YYYY-MM" or "", [technology names]) -> a graph of those posts only."""
    extra = [
        (
            pid,
            f"Post {pid} on " + " and ".join(techs),
            "",
            f"https://x.example/{pid}",
            f"{month}-15" if month else "",
            [(t, "TECHNOLOGY", t) for t in techs],
        )
        for pid, month, techs in rows
    ]
    snap = sample_snapshot(extra)
    ids = {r[0] for r in rows}
    snap = Snapshot(
        [p for p in snap.posts if p.id in ids],
        [m for m in snap.mentions if m.post_id in ids],
        snap.build,
    )
    return build_graph(snap, None)


def _corpus():
    rows = []
    # Twelve months, 2025-01 .. 2025-12; Kafka steady, Rust only in the last six months,
    # Hadoop fading, plus two undated posts.
    for i in range(12):
        month = f"2025-{i + 1:02d}"
        rows.append((f"k{i}", month, ["Kafka"]))
        rows.append((f"h{i}", month, ["Hadoop"] if i < 6 else ["Kafka"]))
        if i >= 6:
            rows.append((f"r{i}", month, ["Rust"]))
    rows += [("u1", "", ["Rust"]), ("u2", "", ["Kafka"])]
    return _graph(rows)


def test_monthly_counts_span_every_month_and_count_undated_apart():
    G = _corpus()
    whole = monthly_counts(G)
    assert [m for m, _n in whole["months"]] == [f"2025-{i:02d}" for i in range(1, 13)]
    assert whole["undated"] == 2
    rust = monthly_counts(G, "TECHNOLOGY:Rust")
    assert [n for _m, n in rust["months"]] == [0] * 6 + [1] * 6
    assert rust["undated"] == 1


def test_months_between_posts_count_zero():
    G = _graph([("a", "2024-11", ["Kafka"]), ("b", "2025-02", ["Kafka"])])
    assert monthly_counts(G, "TECHNOLOGY:Kafka")["months"] == [
        ("2024-11", 1),
        ("2024-12", 0),
        ("2025-01", 0),
        ("2025-02", 1),
    ]


def test_rising_ranks_by_growth_of_share_with_minimum_support():
    G = _corpus()
    out = rising(G, months=6, min_posts=3)
    assert out["recent"] == ["2025-07", "2025-12"]
    assert out["before"] == ["2025-01", "2025-06"]
    assert (out["posts_recent"], out["posts_before"], out["undated"]) == (18, 12, 2)
    labels = [r["label"] for r in out["rows"]]
    assert labels[0] == "Rust"  # 0 % -> 33 % of posts
    rust = out["rows"][0]
    assert (rust["recent"], rust["before"]) == (6, 0)
    assert rust["growth"] == round(6 / 18, 4)
    assert "Hadoop" not in labels  # no post in the recent window: below the support
    kafka = next(r for r in out["rows"] if r["label"] == "Kafka")
    assert kafka["growth"] == round(12 / 18 - 6 / 12, 4)
    assert rising(G, months=6, min_posts=7)["rows"] == [r for r in out["rows"] if r["recent"] >= 7]


def test_rising_on_undated_posts_only_is_empty_and_says_how_many():
    out = rising(_graph([("a", "", ["Kafka"]), ("b", "", ["Rust"])]))
    assert out["rows"] == [] and out["undated"] == 2


def test_whats_new_splits_new_entities_from_risen_ones():
    G = _graph(
        [
            ("old1", "2025-01", ["Kafka"]),
            ("old2", "2025-02", ["Kafka", "Redis"]),
            ("new1", "2025-03", ["Kafka", "Zanzibar"]),
            ("new2", "2025-03", ["Kafka", "Zanzibar"]),
            ("new3", "2025-03", ["Redis"]),
        ]
    )
    out = whats_new(G, ["new1", "new2", "new3", "not-a-post"])
    assert sorted(p["id"] for p in out["posts"]) == ["new1", "new2", "new3"]
    assert [(e["label"], e["new"], e["posts"]) for e in out["entities"]] == [("Zanzibar", 2, 2)]
    assert [(e["label"], e["new"], e["posts"]) for e in out["risen"]] == [
        ("Kafka", 2, 4),
        ("Redis", 1, 2),
    ]
