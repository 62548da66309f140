"""Two companies side by side, and every company against every technology."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

import networkx as nx

from kgraph.analysis._index import get_index
from kgraph.analysis.resolve import resolve
from kgraph.errors import NotFoundError
from kgraph.graph.evidence import mention_evidence

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["company_posts", "company_technology_matrix", "compare_companies"]


def company_posts(G: nx.MultiDiGraph, company: str) -> list[str]:
    """The posts that speak for a company: published by it or naming it in the title.

    Falls back to every post mentioning it when there are none.
    """
    posts = {
        u
        for u, _v, k, d in G.in_edges(company, keys=True, data=True)
        if k == "published_by" or (k == "mentions" and d["in_title"])
    }
    if not posts:
        posts = {p for _s, p in get_index(G).posts_of.get(company, [])}
    return sorted(posts)


def _topics(G: nx.MultiDiGraph, company: str, other: str) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = defaultdict(list)
    for post in company_posts(G, company):
        for entity in get_index(G).entities_of.get(post, []):
            if G.nodes[entity]["kind"] == "company" or entity in (company, other):
                continue
            ev = mention_evidence(G, post, entity)[0]
            found[entity].append(
                {"post": post, "title": G.nodes[post]["title"], "sentence": ev["sentence"]}
            )
    return found


def _items(G: nx.MultiDiGraph, nodes, **sides) -> list[dict]:
    items = [
        {
            "node": n,
            "label": G.nodes[n]["label"],
            "kind": G.nodes[n]["kind"],
            **{side: ev.get(n, []) for side, ev in sides.items()},
        }
        for n in nodes
    ]
    return sorted(
        items, key=lambda i: (i["kind"], -sum(len(i[s]) for s in sides), i["label"].lower())
    )


def compare_companies(G: nx.MultiDiGraph, a: str, b: str) -> dict:
    """Technologies and concepts in both companies' posts, and in only one, with evidence.

    Examples
    --------
    >>> from kgraph.graph.sample import sample_graph
    >>> r = compare_companies(sample_graph(), "Databricks", "Airbnb")
    >>> [i["label"] for i in r["shared"]], [i["label"] for i in r["only_b"]]
    (['high availability'], ['Kubernetes'])
    """
    ca, cb = resolve(G, a), resolve(G, b)
    for name, node in ((a, ca), (b, cb)):
        if G.nodes[node]["kind"] != "company":
            raise NotFoundError(f"{name!r} is a {G.nodes[node]['kind']}, not a company.")
    ta, tb = _topics(G, ca, cb), _topics(G, cb, ca)
    return {
        "a": ca,
        "b": cb,
        "a_label": G.nodes[ca]["label"],
        "b_label": G.nodes[cb]["label"],
        "a_posts": len(company_posts(G, ca)),
        "b_posts": len(company_posts(G, cb)),
        "shared": _items(G, ta.keys() & tb.keys(), a=ta, b=tb),
        "only_a": _items(G, ta.keys() - tb.keys(), a=ta),
        "only_b": _items(G, tb.keys() - ta.keys(), b=tb),
    }


def company_technology_matrix(G: nx.MultiDiGraph) -> pd.DataFrame:
    """Companies × technologies: how many of the company's posts mention the technology.

    Built from the ``uses`` edges; rows and columns are ordered by their totals.
    """
    import pandas as pd  # only the matrix needs it; keeps `kgraph` start-up quick

    cells = {
        (G.nodes[u]["label"], G.nodes[v]["label"]): d["count"]
        for u, v, k, d in G.edges(keys=True, data=True)
        if k == "uses"
    }
    if not cells:
        return pd.DataFrame(dtype=int)
    df = pd.Series(cells).unstack(fill_value=0).astype(int)
    rows = df.sum(axis=1).sort_index().sort_values(ascending=False, kind="stable").index
    cols = df.sum(axis=0).sort_index().sort_values(ascending=False, kind="stable").index
    return df.loc[rows, cols]
