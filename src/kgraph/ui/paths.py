"""The Paths page: an explained path between two entities, drawn and listed hop by hop.

The path is laid out like a line of text (:mod:`kgraph.view.path_layout`) and highlighted
(its nodes and links bold, the rest dimmed); every
hop's names open Explore centred on that node, and each evidence sentence marks both names.
"""

from __future__ import annotations

import re

import streamlit as st

from kgraph.errors import KgraphError
from kgraph.model import entity_key
from kgraph.ui import html, loaders, navigate, panel, state
from kgraph.ui.component import graph_view
from kgraph.ui.mdtext import md
from kgraph.view.path_layout import path_layout

_open = navigate.open_later
_MONTH = re.compile(r"\d{4}-\d{2}")


def _on_graph_click() -> None:
    value = st.session_state.get("paths_graph")
    sel = getattr(value, "selection", None) if value is not None else None
    if sel is None and isinstance(value, dict):
        sel = value.get("selection")
    if isinstance(sel, dict) and sel.get("type") == "node":
        _open(sel.get("id"))


def _read_url(G, index: dict[str, str]) -> None:
    """``?from=A&to=B`` fills the two boxes once per session (a shared link restores them).

    Explore uses ``from``/``to`` for its period, as months (``2026-01``); those are left to
    Explore, never looked up as names here.
    """
    if st.session_state.get("paths_url_read"):
        return
    st.session_state["paths_url_read"] = True
    labels: dict[str, str] = {}
    for label, node in index.items():  # names come before aliases: keep the name
        labels.setdefault(node, label)
    for param, key in (("from", state.PATH_A), ("to", state.PATH_B)):
        name = (st.query_params.get(param) or "").strip()
        if not name or _MONTH.fullmatch(name):
            continue  # Explore's period (?from=2026-01) is not an entity name
        try:
            node = loaders.ask("resolve", name)
        except KgraphError:
            st.warning(f"{param}={md(repr(name))}: no entity has that name; pick one below.")
            continue
        if node in labels:
            st.session_state[key] = labels[node]


def _write_url(start: str | None, end: str | None) -> None:
    wanted = {k: v for k, v in (("from", start), ("to", end)) if v}
    if dict(st.query_params) != wanted:
        st.query_params.from_dict(wanted)


def render() -> None:
    """Draw the Paths page."""
    G = loaders.graph()
    navigate.follow(G)
    html.page_style()
    index = {k: v for k, v in loaders.search_index().items() if not k.startswith("📄")}
    st.title("Paths")
    _read_url(G, index)
    a, b = st.columns(2)
    start = a.selectbox("From", list(index), index=None, key=state.PATH_A)
    end = b.selectbox("To", list(index), index=None, key=state.PATH_B)
    _write_url(start, end)
    if not (start and end):
        st.info("Pick two entities to see how they connect, with the posts behind each hop.")
        return
    result = loaders.ask("explained_path", index[start], index[end])
    if not result.get("found"):
        _no_path(G, result, start, end)
        return
    hops = result.get("hops", [])
    chain = [hops[0]["source"]] + [h["target"] for h in hops] if hops else []
    nodes = sorted(
        {h["source"] for h in hops}
        | {h["target"] for h in hops}
        | {h["post"] for h in hops if h.get("post")}
    )
    view = path_layout(loaders.payload(nodes, "pagerank"), chain, [h.get("post") for h in hops])
    left, right = st.columns([0.64, 0.36], gap="small")
    with left:
        graph_view(
            view,
            key="paths_graph",
            # Nothing selected: vis would draw the start's every link bold, posts' included,
            # and they would read as part of the path.
            select=None,
            on_selection=_on_graph_click,
            on_expand=lambda: None,
            highlight=chain,
        )
        st.caption("The path is drawn bold. Click a node or a name to explore it.")
    with right:
        st.markdown(f"**{len(hops)} hop{'s' if len(hops) != 1 else ''}**")
        panel.hops(G, result, key="paths_hop", select=_open)


NEXT_SHOWN = 10
"""Names offered beside a missing path, per end."""


def _no_path(G, result: dict, start: str, end: str) -> None:
    """No path through posts: say why, offer what the posts link to each end (somewhere to go
    next, not a dead end), and show the nearest chain for what it is."""
    st.warning(md(result.get("message") or f"No path connects {start} and {end}."))
    for col, node in zip(st.columns(2), (result["source"], result["target"]), strict=True):
        card = loaders.ask("entity_card", node)
        near = [
            (label, entity_key(kind.upper(), label))
            for kind in ("concept", "technology", "company")
            for label in (card.get("neighbours") or {}).get(kind, [])
        ][:NEXT_SHOWN]
        with col:
            st.markdown(f"**What the posts link to {md(card.get('label', node))}**")
            if near:
                panel.links(
                    [label for label, _ in near],
                    key=f"paths_next_{node}",
                    select=_open,
                    nodes=[n for _, n in near],
                )
            else:
                st.caption("Nothing yet: no post names it beside another entity.")
    nearest = (result.get("nearest") or {}).get("hops") or []
    if nearest:
        with st.expander(f"The nearest chain, {len(nearest)} hops: no evidence of a connection"):
            panel.hops(G, {"hops": nearest}, key="paths_nearest", select=_open)
