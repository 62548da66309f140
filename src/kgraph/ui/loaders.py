"""What the pages read, behind Streamlit's caches: the graph, analyses, views and layouts.

The graph is built once per store and build (``st.cache_resource``); analysis answers are
cached per build (``st.cache_data``). Nothing here runs NLP, except the first run on an
empty store, which builds the shipped corpus once with a progress bar.
"""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import networkx as nx
import streamlit as st

from kgraph import analysis, api, config
from kgraph.ui import state
from kgraph.ui.component import signature
from kgraph.ui.mdtext import md
from kgraph.view.pairs import prepare_pairs
from kgraph.view.payload import LINKS_PER_NODE, layout, view_payload
from kgraph.view.search import search_options
from kgraph.view.selection import overview_nodes


def current_db() -> Path:
    """The store this session reads: the Data page's choice, else ``KGRAPH_DB``, else default."""
    return Path(st.session_state.get(state.DB) or config.default_db())


def build_with_progress(
    sources: list[str], db: Path, label: str, *, add: bool = False
) -> api.BuildReport:
    """Run a build with a progress bar per stage (used on first run and by the Data page)."""
    bar = st.progress(0.0, text=label)

    def progress(stage: str, done: int, total: int) -> None:
        bar.progress(
            min(done / total, 1.0) if total else 1.0, text=f"{label}: {stage} {done}/{total}"
        )

    report = api.build(sources, db=db, progress=progress, add=add)
    bar.empty()
    st.cache_resource.clear()
    return report


def ensure_store() -> tuple[str, tuple]:
    """The current store and its build identity; builds the shipped corpus on first run."""
    db = current_db()
    if not api.has_build(db):
        st.info(f"No graph yet in {md(db)}: building the shipped corpus once (about a minute).")
        build_with_progress([], db, "Building the shipped corpus")
    return str(db), api.build_identity(db)


@st.cache_resource(max_entries=4, show_spinner="Loading the graph…")
def graph_at(db: str, version: tuple) -> nx.MultiDiGraph:
    """The graph of store ``db`` at build ``version``, loaded once per server."""
    # The graph lives as long as the server: freeze it out of the cyclic GC, whose full
    # collections would otherwise walk its millions of objects (~0.4 s at 10,000 posts) in
    # the middle of a click. Unfreeze first, so a graph evicted from this cache can go.
    # Loading makes millions of long-lived containers and almost no cyclic garbage, so the
    # collector is paused meanwhile (it would walk them again and again) and runs once after.
    gc.unfreeze()
    with api.paused_gc():  # collects once at the end
        G = api.load_app_graph(db)
        analysis.warm(G)  # indexes, PageRank and communities once per build, not per click
        prepare_pairs(G)  # the node-pair matrix views slice, where one pays (kgraph.view.pairs)
    gc.freeze()
    return G


@st.cache_resource(max_entries=4, show_spinner=False)
def _warming(db: str, version: tuple) -> threading.Thread:
    thread = threading.Thread(
        target=analysis.warm_after_first_view, args=(graph_at(db, version),), daemon=True
    )
    thread.start()
    return thread


def warm_in_background() -> None:
    """Start :func:`kgraph.analysis.warm_after_first_view` once per store and build, in a
    thread: the first view has been sent by then, and the first clicks find it done."""
    _warming(*ensure_store())


def graph() -> nx.MultiDiGraph:
    """The knowledge graph of the current store (built once per store and build)."""
    return graph_at(*ensure_store())


@st.cache_data(max_entries=512, show_spinner=False)
def _ask(db: str, version: tuple, name: str, args: tuple, kwargs: tuple):
    return getattr(analysis, name)(graph_at(db, version), *args, **dict(kwargs))


def ask(name: str, *args, **kwargs):
    """Call ``kgraph.analysis.<name>(G, *args, **kwargs)``, cached per store and build."""
    db, version = ensure_store()
    return _ask(db, version, name, args, tuple(sorted(kwargs.items())))


@st.cache_data(max_entries=64, show_spinner=False)
def _sizes(db: str, version: tuple, measure: str) -> dict[str, float]:
    G = graph_at(db, version)
    ranked = analysis.top_entities(G, measure=measure, limit=G.number_of_nodes())
    return {r["node"]: r["score"] for r in ranked}


def sizes(measure: str) -> dict[str, float]:
    """Centrality of every entity by ``measure``, cached per build."""
    return _sizes(*ensure_store(), measure)


@st.cache_data(max_entries=128, show_spinner="Laying out the graph…")
def _layout(db: str, version: tuple, nodes: tuple[str, ...]) -> dict:
    return layout(graph_at(db, version), list(nodes))


def payload(nodes: list[str], measure: str, min_weight: float = 0.0) -> dict:
    """The component's view of ``nodes``: cached per build, node set, measure and weight.

    The dict is shared between reruns (``st.cache_resource``): read it, do not change it.
    """
    db, version = ensure_store()
    return _payload(db, version, tuple(sorted(nodes)), measure, float(min_weight))


@st.cache_resource(max_entries=64, show_spinner="Laying out the graph…")
def _payload(
    db: str, version: tuple, nodes: tuple[str, ...], measure: str, min_weight: float
) -> dict:
    # A click reruns the graph fragment; rebuilding a 300-node payload (and hashing it for
    # the component) took 100-200 ms of every click at 10,000 posts. Cached, it is free.
    view = view_payload(
        graph_at(db, version),
        list(nodes),
        _layout(db, version, nodes),
        _sizes(db, version, measure),
        min_weight=min_weight,
        links_per_node=LINKS_PER_NODE,
    )
    view["sig"] = signature(view)
    return view


@st.cache_resource(max_entries=64, show_spinner=False)
def _overview(
    db: str, version: tuple, kinds: tuple, min_weight: float, cap: int, measure: str
) -> tuple[list[str], bool]:
    # Ranking every node by centrality and degree is O(edges): ~0.1 s per click at 10k posts.
    return overview_nodes(
        graph_at(db, version), kinds, min_weight, cap, _sizes(db, version, measure)
    )


def overview(kinds, min_weight: float, cap: int, measure: str) -> tuple[list[str], bool]:
    """:func:`kgraph.view.selection.overview_nodes`, cached per build."""
    return _overview(*ensure_store(), tuple(kinds), float(min_weight), int(cap), measure)


def ego(center: str, *, depth: int, kinds, min_weight: float, cap: int):
    """:func:`kgraph.analysis.ego_subgraph`, cached per build."""
    return ask(
        "ego_subgraph",
        center,
        depth=int(depth),
        kinds=tuple(sorted(kinds)),
        min_weight=float(min_weight),
        cap=int(cap),
    )


def posts_in_search_box() -> bool:
    """Whether the search box lists post titles too (small corpora) — see ``config.POSTS_IN_SEARCH``."""
    G = graph()
    return G.graph.get("n_posts", 0) <= config.POSTS_IN_SEARCH


@st.cache_resource(max_entries=8, show_spinner=False)
def _search_index(db: str, version: tuple) -> dict[str, str]:
    # cache_resource, not cache_data: a copy of ~10k options per rerun is not free.
    G = graph_at(db, version)
    return search_options(G, with_posts=G.graph.get("n_posts", 0) <= config.POSTS_IN_SEARCH)


def search_index() -> dict[str, str]:
    """Search-box options (entity names, aliases, post titles) mapped to node ids.

    Post titles only up to :data:`kgraph.config.POSTS_IN_SEARCH` posts. Shared between reruns: do not
    change the dict.
    """
    return _search_index(*ensure_store())
