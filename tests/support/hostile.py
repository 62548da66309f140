"""A store of hostile text for the XSS tests of the library's HTML paths.

Every post's summary is a payload that would run script if it were ever markup, and the
FakeExtractor makes that whole summary an entity name, so the payloads reach titles,
sources, URLs, entity names, tooltips and the HTML export.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kgraph import api
from kgraph.graph import build_graph
from tests.support.fake_extractor import FakeExtractor

PAYLOADS = [
    "<script>window.__xss=1;alert(1)</script>",
    '<img src=x onerror="window.__xss=2;alert(2)">',
    "\"'><svg onload=alert(3)>",
    "</script><script>alert(4)</script>",
    "javascript:alert(5)",
    "<a href='javascript:alert(6)'>x</a>",
    "</SCRIPT ><!--<script>",
    "\u2028alert(7)\u2029",
    "${alert(8)}{{constructor.constructor('alert(9)')()}}",
    "&lt;script&gt;alert(10)&lt;/script&gt;",
    "<iframe srcdoc='<script>alert(11)</script>'>",
    "<style>*{background:url(javascript:alert(12))}</style>",
]


def hostile_names() -> FakeExtractor:
    """Every post mentions an entity whose name is the payload itself (its whole summary)."""
    return FakeExtractor(
        pattern=r"(?s).+", field="summary", type_="TECHNOLOGY", version="hostile-1"
    )


def hostile_graph(tmp_path: Path) -> nx.MultiDiGraph:
    """The graph of a store built in ``tmp_path`` from one post per payload."""
    corpus = tmp_path / "hostile.jsonl"
    corpus.write_text(
        "\n".join(
            json.dumps(
                {
                    "id": f"x{i}",
                    "title": f"Post {i} {p}",
                    "summary": p,
                    "source": p,
                    "url": "javascript:alert(0)" if i % 2 else f"https://e.com/?q={p}",
                }
            )
            for i, p in enumerate(PAYLOADS)
        ),
        encoding="utf-8",
    )
    db = tmp_path / "kgraph.db"
    api.build([corpus], db=db, extractor=hostile_names())
    return build_graph(api.load_snapshot(db))
