"""For learners: a glossary, a reading path from a concept, and what to read after a post.

Everything is read off the graph, with a reason a reader can check:

* **Glossary** — every concept A–Z with its definition, its is-a parent(s) and children,
  and how many posts mention it.
* **Reading path** for an entity — first the concepts to know before it: its is-a parents
  (from the ontology), then up to :data:`BROADER_MAX` *broader* concepts it co-occurs with
  (a co-occurring concept that more posts mention). Then the posts that mention it, from
  introductory to advanced: a post's *load* is the number of other ideas (concepts and
  technologies) it mentions. A post is *introductory* when it names the entity in its title
  and mentions at most :data:`INTRO_LOAD` other ideas, *advanced* when it mentions at least
  :data:`ADVANCED_LOAD`, else *intermediate*. Which posts make the path: those that name the
  entity in their title first, and within each group lighter load first; ties go to the
  post that mentions the entity more, then to the older post. The path then lists them by
  level (introductory, intermediate, advanced), keeping that order within a level, so an
  advanced post never comes before an intermediate one.
* **Read first** before a post — the broader concepts its ideas are kinds of (their is-a
  parents) that the post itself does not mention: what it takes for granted.
* **Read next** after a post — posts that go one step further: they share at least one of
  its ideas and add ideas it does not have. More shared ideas first, then the closest to
  :data:`NEXT_STEP` new ideas (a step, not a leap).
"""

from __future__ import annotations

import heapq

import networkx as nx

from kgraph.analysis._index import entity_graph, get_index
from kgraph.analysis.resolve import resolve
from kgraph.errors import KgraphError
from kgraph.graph.bipartite import kind_counts

__all__ = ["glossary", "read_first", "read_next", "reading_path"]

IDEA_KINDS = ("concept", "technology")
"""What counts as an idea a post assumes; companies are who wrote it, not what it teaches."""
INTRO_LOAD = 2
ADVANCED_LOAD = 5
LEVELS = ("introductory", "intermediate", "advanced")
"""The reading path's levels, in the order it lists them."""
BROADER_MAX = 3
NEXT_STEP = 2


def glossary(G: nx.MultiDiGraph, kinds: tuple[str, ...] = ("concept",)) -> list[dict]:
    """Every entity of ``kinds`` A–Z: definition, is-a parents and children, post count.

    Examples
    --------
    >>> from kgraph.graph.sample import sample_graph
    >>> rows = glossary(sample_graph())
    >>> [r["label"] for r in rows][:3]
    ['auto-sharding', 'cold restart', 'distributed estimation']
    >>> row = next(r for r in rows if r["label"] == "sharding")
    >>> row["definition"], row["children"], row["post_count"], row["letter"]
    ('Splitting data across machines.', ['auto-sharding'], 1, 'S')
    """
    children: dict[str, list[str]] = {}
    for u, v, key in G.edges(keys=True):
        if key == "is_a" or G.edges[u, v, key].get("type") == "is_a":
            children.setdefault(v, []).append(G.nodes[u]["label"])
    rows = []
    for node, d in G.nodes(data=True):
        if d.get("kind") not in kinds:
            continue
        label = str(d.get("label", node))
        rows.append(
            {
                "node": node,
                "label": label,
                "kind": d["kind"],
                "letter": (label[:1].upper() if label[:1].isalpha() else "#"),
                "definition": d.get("definition", ""),
                "parents": sorted(d.get("parents", []), key=str.casefold),
                "children": sorted(set(children.get(node, [])), key=str.casefold),
                "post_count": int(d.get("post_count", 0) or 0),
            }
        )
    rows.sort(key=lambda r: (r["label"].casefold(), r["node"]))
    return rows


def _idea_counts(G: nx.MultiDiGraph) -> dict[str, int]:
    """post -> how many concepts and technologies it mentions (once per graph)."""
    memo = get_index(G).memo
    if "idea_counts" not in memo:
        memo["idea_counts"] = kind_counts(G, IDEA_KINDS)
    if memo["idea_counts"] is None:
        kind = nx.get_node_attributes(G, "kind")
        memo["idea_counts"] = {
            post: sum(kind.get(e) in IDEA_KINDS for e in entities)
            for post, entities in get_index(G).entities_of.items()
        }
    return memo["idea_counts"]


def _ideas(G: nx.MultiDiGraph, post: str) -> list[str]:
    return [e for e in get_index(G).entities_of.get(post, []) if G.nodes[e]["kind"] in IDEA_KINDS]


def _mention(G: nx.MultiDiGraph, post: str, node: str) -> dict:
    data = G.get_edge_data(post, node, key="mentions")
    return data or {}


def reading_path(G: nx.MultiDiGraph, name: str, limit: int = 10) -> dict:
    """What to know first, then the posts about ``name`` from introductory to advanced.

    Returns ``{"node", "label", "prerequisites": [...], "posts": [...]}``. A prerequisite
    has ``label``, ``definition`` and ``reason``; a post has ``title``, ``url``, ``level``,
    ``load`` (other ideas it mentions) and ``reason``. The order is in the module docs.

    Examples
    --------
    >>> from kgraph.graph.sample import sample_graph
    >>> path = reading_path(sample_graph(), "auto-sharding")
    >>> [(p["label"], p["reason"]) for p in path["prerequisites"]][:1]
    [('sharding', 'auto-sharding is a kind of sharding')]
    >>> path = reading_path(sample_graph(), "prewarming")
    >>> [(p["title"][:24], p["level"]) for p in path["posts"]]
    [('Zero-Downtime Patching i', 'introductory'), ('Tuning PostgreSQL for re', 'intermediate')]
    >>> path["posts"][0]["reason"]
    'names prewarming in its title and 2 other ideas (cold restart, Lakebase)'
    """
    node = resolve(G, name)
    d = G.nodes[node]
    label = d["label"]
    prerequisites = []
    seen = {node}
    for parent in d.get("parents", []):
        pnode = _by_label(G, parent)
        seen.add(pnode or parent)
        pd = G.nodes[pnode] if pnode else {}
        prerequisites.append(
            {
                "node": pnode,
                "label": parent,
                "definition": pd.get("definition", ""),
                "reason": f"{label} is a kind of {parent}",
            }
        )
    EG = entity_graph(G)
    own = int(d.get("post_count", 0) or 0)
    broader = []
    if node in EG:
        for other in EG[node]:
            od = G.nodes[other]
            count = int(od.get("post_count", 0) or 0)
            if other in seen or od.get("kind") != "concept" or count <= own:
                continue
            broader.append((-EG[node][other].get("weight", 0), -count, od["label"], other))
    for neg_w, neg_count, olabel, other in sorted(broader)[:BROADER_MAX]:
        prerequisites.append(
            {
                "node": other,
                "label": olabel,
                "definition": G.nodes[other].get("definition", ""),
                "reason": (
                    f"broader: {-neg_count} posts mention it, {_times(-neg_w)} together with {label}"
                ),
            }
        )
    # Order every post by cheap counts first; reasons are written for the top ``limit`` only.
    loads = _idea_counts(G)
    own_idea = 1 if d["kind"] in IDEA_KINDS else 0
    keyed = []
    for _score, post in get_index(G).posts_of.get(node, []):
        m = _mention(G, post, node)
        load = loads.get(post, 0) - own_idea
        published = G.nodes[post].get("published") or "9999"
        keyed.append((not m.get("in_title"), load, -int(m.get("count", 0) or 0), published, post))
    posts = []
    for not_title, load, _count, _published, post in heapq.nsmallest(limit, keyed):
        in_title = not not_title
        others = [e for e in _ideas(G, post) if e != node]
        names = sorted((G.nodes[e]["label"] for e in others), key=str.casefold)
        if in_title and load <= INTRO_LOAD:
            level = "introductory"
        elif load >= ADVANCED_LOAD:
            level = "advanced"
        else:
            level = "intermediate"
        where = f"names {label} in its title" if in_title else f"mentions {label} in passing"
        shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
        if load == 0:
            reason = f"{where} and no other idea"
        elif level == "advanced":
            reason = f"{where}; assumes {load} other ideas ({shown})"
        else:
            reason = f"{where} and {load} other idea{'s' if load != 1 else ''} ({shown})"
        pd = G.nodes[post]
        posts.append(
            {
                "post": post,
                "title": pd.get("title", pd.get("label", "")),
                "url": pd.get("url", ""),
                "published": pd.get("published", ""),
                "level": level,
                "load": load,
                "in_title": in_title,
                "reason": reason,
            }
        )
    # By level, stable: the order within a level is the choice's order above.
    posts.sort(key=lambda p: LEVELS.index(p["level"]))
    return {"node": node, "label": label, "prerequisites": prerequisites, "posts": posts}


def _times(weight: float) -> str:
    n = int(weight) if float(weight).is_integer() else weight
    return "once" if n == 1 else f"{n} times"


def _by_label(G: nx.MultiDiGraph, label: str) -> str | None:
    for kind in ("CONCEPT", "TECHNOLOGY", "COMPANY"):
        node = f"{kind}:{label}"
        if node in G:
            return node
    try:
        return resolve(G, label)
    except KgraphError:  # a parent the graph does not hold is shown as text
        return None


def read_first(G: nx.MultiDiGraph, post: str, limit: int = 4) -> list[dict]:
    """The broader concepts ``post`` takes for granted: its ideas' is-a parents it does not name.

    Each row has ``node`` (None for a parent the graph does not hold), ``label``,
    ``definition`` and a ``reason``; ideas are taken in the post's order, parents once.

    Examples
    --------
    >>> from kgraph.graph.sample import sample_graph
    >>> [(r["label"], r["reason"]) for r in read_first(sample_graph(), "post:dicer")]
    [('sharding', 'auto-sharding is a kind of sharding')]
    >>> read_first(sample_graph(), "post:k8s-sharding")
    []
    """
    if post not in G or G.nodes[post].get("kind") != "post":
        return []
    ideas = _ideas(G, post)
    named = {G.nodes[e]["label"].casefold() for e in ideas}
    rows: list[dict] = []
    for idea in ideas:
        for parent in G.nodes[idea].get("parents", []):
            if parent.casefold() in named or len(rows) >= limit:
                continue
            named.add(parent.casefold())
            node = _by_label(G, parent)
            rows.append(
                {
                    "node": node,
                    "label": parent,
                    "definition": G.nodes[node].get("definition", "") if node else "",
                    "reason": f"{G.nodes[idea]['label']} is a kind of {parent}",
                }
            )
    return rows


def read_next(G: nx.MultiDiGraph, post: str, limit: int = 5) -> list[dict]:
    """Posts that go one step further than ``post``: shared ideas, plus new ones.

    Each row has ``post``, ``title``, ``url``, ``shared`` and ``new`` (idea labels) and a
    ``reason``. See the module docs for the order.

    Examples
    --------
    >>> from kgraph.graph.sample import sample_graph
    >>> rows = read_next(sample_graph(), "post:lakebase-prewarm")
    >>> [(r["title"], r["shared"], r["new"]) for r in rows]
    [('Tuning PostgreSQL for read-heavy workloads', ['prewarming'], ['Kubernetes', 'PostgreSQL'])]
    >>> rows[0]["reason"]
    'also about prewarming; goes on to Kubernetes, PostgreSQL'
    """
    if post not in G or G.nodes[post].get("kind") != "post":
        return []
    index = get_index(G)
    mine = set(_ideas(G, post))
    shared: dict[str, int] = {}
    for idea in mine:
        for _score, other in index.posts_of.get(idea, []):
            if other != post:
                shared[other] = shared.get(other, 0) + 1
    # The ideas a candidate adds are all of its ideas but the shared ones: counts suffice
    # to order thousands of candidates; labels are looked up for the top ``limit`` only.
    loads = _idea_counts(G)
    keyed = []
    for other, common in shared.items():
        new = loads.get(other, 0) - common
        if new > 0:
            title = G.nodes[other].get("title", "")
            keyed.append((-common, abs(new - NEXT_STEP), title, other))
    rows = []
    for _c, _step, title, other in heapq.nsmallest(limit, keyed):
        theirs = set(_ideas(G, other))
        common_l = sorted((G.nodes[e]["label"] for e in theirs & mine), key=str.casefold)
        new_l = sorted((G.nodes[e]["label"] for e in theirs - mine), key=str.casefold)
        more = ", …" if len(new_l) > 4 else ""
        rows.append(
            {
                "post": other,
                "title": title or G.nodes[other].get("label", ""),
                "url": G.nodes[other].get("url", ""),
                "shared": common_l,
                "new": new_l,
                "reason": (
                    f"also about {', '.join(common_l[:4])}; goes on to {', '.join(new_l[:4])}{more}"
                ),
            }
        )
    return rows
