"""The Explore page: search, the clickable graph, and the side panel for what was clicked."""

from __future__ import annotations

import streamlit as st

from kgraph import config
from kgraph.errors import NotFoundError
from kgraph.model import MEASURES
from kgraph.ui import deeplink, html, loaders, panel, period, state, whatsnew
from kgraph.ui.component import graph_view
from kgraph.ui.mdtext import md
from kgraph.view.selection import linked_nodes, view_nodes


def select_node(node: str, *, center: bool = False) -> None:
    """Show ``node`` in the panel (and centre the view on it with ``center``)."""
    st.session_state[state.SELECTED] = {"type": "node", "id": node}
    if center:
        st.session_state[state.CENTER] = node
        st.session_state[state.EXPANDED] = []


def _on_search() -> None:
    choice = st.session_state.get(state.SEARCH)
    node = loaders.search_index().get(choice) if choice else None
    if node:
        select_node(node, center=True)


def _pick(name: str) -> None:
    select_node(loaders.ask("resolve", name), center=True)


def _component_value(name: str):
    value = st.session_state.get(state.GRAPH)
    try:
        return value[name] if value is not None else None
    except (KeyError, TypeError):
        return getattr(value, name, None)


def _on_selection() -> None:
    sel = _component_value("selection")
    if isinstance(sel, dict) and sel.get("type") in ("node", "edge"):
        st.session_state[state.SELECTED] = {k: sel.get(k) for k in ("type", "id", "from", "to")}


def _on_expand() -> None:
    node = _component_value("expand")
    if isinstance(node, str):
        expand(node)


def expand(node: str) -> None:
    """Add ``node``'s neighbourhood to the view (centring on it if the view had no centre)."""
    if st.session_state.get(state.CENTER) is None:
        st.session_state[state.CENTER] = node
    elif node not in st.session_state[state.EXPANDED]:
        st.session_state[state.EXPANDED] = [*st.session_state[state.EXPANDED], node]
    st.session_state[state.SELECTED] = {"type": "node", "id": node}


def back_to_overview() -> None:
    """Leave the ego view: no centre, no expansions, nothing selected (so no ``entity=``)."""
    st.session_state[state.CENTER] = None
    st.session_state[state.EXPANDED] = []
    st.session_state[state.SELECTED] = None


def _controls() -> None:
    with st.popover("View settings", icon=":material/tune:"):
        st.slider("Ego depth", 1, config.VIEW_DEPTH_MAX, key=state.DEPTH)
        st.multiselect("Node types", list(state.KINDS_ALL), key=state.KINDS)
        st.number_input(
            "Minimum link weight", 0.0, config.MIN_WEIGHT_MAX, step=0.5, key=state.MIN_WEIGHT
        )
        st.number_input(
            "Node cap", config.VIEW_CAP_MIN, config.VIEW_CAP_MAX, step=50, key=state.CAP
        )
        st.selectbox("Size nodes by", list(MEASURES), key=state.SIZE_BY)
        period.control()


@st.fragment
def _graph_and_panel() -> None:
    G = loaders.graph()
    ss = st.session_state
    left, right = st.columns([0.66, 0.34], gap="small")
    # The key names the graph's column for the narrow-screen CSS (kgraph.ui.html.PAGE_CSS).
    with left, st.container(key="kg-graph-col"):
        nodes, truncated = view_nodes(
            G,
            center=ss[state.CENTER],
            expanded=ss[state.EXPANDED],
            depth=ss[state.DEPTH],
            kinds=ss[state.KINDS] or list(state.KINDS_ALL),
            min_weight=ss[state.MIN_WEIGHT],
            cap=int(ss[state.CAP]),
            scores={},  # only the default overview reads them; the cached one has its own
            ego=loaders.ego,
            overview=lambda kinds, weight, cap: loaders.overview(
                kinds, weight, cap, ss[state.SIZE_BY]
            ),
        )
        nodes = period.apply(nodes)
        if truncated:
            # A caption, not a box: a box pushed the graph's bottom below a 900-px fold.
            st.caption(
                f"Showing {len(nodes)} nodes: the cap of {int(ss[state.CAP])} applies. "
                "Raise the cap, narrow the types or raise the minimum link weight."
            )
        weight = float(ss[state.MIN_WEIGHT])
        view = loaders.payload(nodes, ss[state.SIZE_BY], weight)
        if weight > 0:
            # A weight filter never leaves a node without a link, unless it is the centre.
            keep = linked_nodes(view, keep={ss[state.CENTER]})
            if len(keep) < len(view["nodes"]):
                dropped = len(view["nodes"]) - len(keep)
                view = loaders.payload(keep, ss[state.SIZE_BY], weight)
                st.caption(
                    f"{dropped} node(s) with no link of weight {weight:g} or more are hidden; "
                    "lower the minimum link weight in View settings to see them."
                )
        graph_view(
            view,
            key=state.GRAPH,
            select=ss[state.CENTER],
            on_selection=_on_selection,
            on_expand=_on_expand,
        )
        # The legend is drawn on the canvas (kgraph.ui.component); this line may fall below
        # the fold, so it holds only what the graph already shows.
        st.html(
            f"<div style='margin-top:4px'><small>{len(view['nodes'])} nodes · "
            f"{len(view['edges'])} links · click a node or link; double-click expands"
            "</small></div>"
        )
    with right:
        panel.render(G, ss[state.SELECTED], expand=expand, select=select_node)
    deeplink.write()


def _post_finder() -> None:
    """Big corpora: find posts by title words (kgraph.analysis.search), up to 8 matches."""
    query = st.text_input(
        "Find a post by title", key=state.POST_QUERY, placeholder="words from a post title"
    )
    if not query.strip():
        return
    hits = [h for h in loaders.ask("search", query, limit=100) if h["kind"] == "post"][:8]
    if not hits:
        st.caption("No post title contains that.")
    for i, hit in enumerate(hits):
        st.button(
            f"📄 {md(hit['label'])}",
            key=f"explore_post_hit_{i}",
            on_click=select_node,
            args=(hit["node"],),
            kwargs={"center": True},
        )


def render() -> None:
    """Draw the Explore page."""
    state.init()
    G = loaders.graph()
    problem = deeplink.read()
    html.page_style()
    st.title("Explore")
    index = loaders.search_index()
    search, settings, overview = st.columns([0.64, 0.18, 0.18], vertical_alignment="bottom")
    with settings:
        _controls()
    overview.button(
        "Back to overview",
        key="explore_overview",
        on_click=back_to_overview,
        help="Show the whole graph again.",
    )
    search.selectbox(
        "Search entities, aliases and posts",
        list(index),
        index=None,
        key=state.SEARCH,
        on_change=_on_search,
        placeholder="Type a name: Kubernetes, k8s, prewarming, a post title…",
    )
    if not loaders.posts_in_search_box():
        _post_finder()
    if isinstance(problem, NotFoundError):
        st.warning(md(problem))  # echoes the deep link
        for i, name in enumerate(problem.suggestions[:5]):
            st.button(md(name), key=f"explore_suggest_{i}", on_click=_pick, args=(name,))
    del G
    whatsnew.render(select_node)
    _graph_and_panel()
