"""The search box's options: entity names, aliases and (for small corpora) post titles."""

from __future__ import annotations

import networkx as nx

from kgraph.model import POST

__all__ = ["search_options"]


def search_options(G: nx.MultiDiGraph, *, with_posts: bool) -> dict[str, str]:
    """Option text → node id: names first, then aliases, then post titles, each A–Z.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("TECHNOLOGY:Kubernetes", kind="technology", label="Kubernetes",
    ...            aliases=["K8s", "k8s"])
    >>> list(search_options(G, with_posts=False))
    ['Kubernetes (technology)', 'K8s → Kubernetes (technology)']
    """
    names, aliases, posts = {}, {}, {}
    for node, data in G.nodes(data=True):
        kind, label = data.get("kind", ""), str(data.get("label", node))
        if kind == POST:
            if with_posts:
                posts[f"📄 {label}"] = node
            continue
        names[f"{label} ({kind})"] = node
        seen = {label.casefold()}  # one option per spelling: "K8s" and "k8s" are one
        for alias in data.get("aliases") or []:
            if str(alias).casefold() not in seen:
                seen.add(str(alias).casefold())
                aliases[f"{alias} → {label} ({kind})"] = node
    return {k: d[k] for d in (names, aliases, posts) for k in sorted(d, key=str.lower)}
