"""Two ``kgraph build --add`` at once keep both corpora (issue 15, case 2).

Both builds read the store before either writes (the test checks that they overlapped),
so a build that wrote what it read at the start would drop the other's posts.
"""

from __future__ import annotations

import sqlite3

from kgraph.corpus import SHIPPED_CORPUS, read_corpus
from tests.support.build_harness import Build, make_corpus


def _count(db) -> tuple[int, int, int]:
    with sqlite3.connect(db) as conn:
        posts = conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0]
        orphans = conn.execute(
            "SELECT COUNT(*) FROM posts WHERE n NOT IN (SELECT post FROM mentions)"
        ).fetchone()[0]
        n_posts = conn.execute("SELECT n_posts FROM builds ORDER BY id DESC").fetchone()[0]
    return posts, orphans, n_posts


def test_two_concurrent_adds_keep_both_corpora(tmp_path):
    db = tmp_path / "kgraph.db"
    shipped = len(read_corpus([]).posts)
    Build(SHIPPED_CORPUS, db).finish()
    a = make_corpus(tmp_path / "a.jsonl", 400, "alpha", seed=1)
    b = make_corpus(tmp_path / "b.jsonl", 400, "beta", seed=2)
    # 400 posts at 5 ms each: both are still extracting when the other starts.
    first, second = Build(a, db, 0.005, "--add"), Build(b, db, 0.005, "--add")
    assert first.wait_for("extract") and second.wait_for("extract")
    assert "write" not in {name for name, _ in first.stages + second.stages}, (
        "the builds did not overlap; the test proves nothing"
    )
    reports = [first.finish(), second.finish()]
    posts, orphans, n_posts = _count(db)
    assert posts == shipped + 800 == n_posts
    assert orphans == 0  # every post kept its mentions
    assert max(r["posts"] for r in reports) == shipped + 800
