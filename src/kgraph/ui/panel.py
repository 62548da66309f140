"""The Explore side panel: the card of a clicked entity or post, or a clicked link's evidence."""

from __future__ import annotations

import streamlit as st

from kgraph import analysis
from kgraph.errors import KgraphError
from kgraph.ui import errors, html, loaders, relations, state, timeline
from kgraph.ui.html import esc


def _post_block(r: dict) -> str:
    title = html.link(r.get("title", ""), r.get("url", ""))
    meta = " · ".join(esc(x) for x in (r.get("source"), r.get("reason")) if x)
    lines = [f"<div class='kg-post' style='margin:0 0 12px 0'><b>{title}</b>"]
    if meta:
        lines.append(f"<br><small>{meta}</small>")
    for ev in r.get("evidence", [])[:3]:
        start, end = html.mention_span(ev)
        lines.append(
            f"<blockquote style='margin:4px 0 0 0;padding-left:8px;"
            f"border-left:3px solid #8884'>{html.highlight(ev.get('sentence', ''), start, end)}"
            "</blockquote>"
        )
    lines.append("</div>")
    return "".join(lines)


def _entity(G, node: str, *, expand, select) -> None:
    card = loaders.ask("entity_card", node)
    st.html(
        f"<h3 style='margin-bottom:2px'>{esc(card.get('label', node))} "
        f"{html.badge(card.get('kind', ''))}</h3>"
    )
    facts = []
    if card.get("definition"):
        facts.append(f"<i>{esc(card['definition'])}</i>")
    if card.get("aliases"):
        facts.append("aliases: " + esc(", ".join(card["aliases"])))
    if card.get("parents"):
        facts.append("is a: " + esc(", ".join(card["parents"])))
    if card.get("company"):
        facts.append("made by: " + esc(card["company"]))
    facts += relations.role_lines(card.get("roles") or {})
    facts.append(
        f"{esc(card.get('post_count', 0))} post(s) · community "
        f"{esc(card.get('community', '–'))} · pagerank {float(card.get('pagerank') or 0):.4f}"
    )
    st.html("<br>".join(facts))
    relations.render_card_relations(G, node)
    timeline.sparkline(node)
    b1, b2 = st.columns(2)
    b1.button(
        "Expand",
        key="panel_expand",
        width="stretch",
        on_click=expand,
        args=(node,),
        help="Add its neighbours to the graph (or double-click the node).",
    )
    b2.button(
        "Focus",
        key="panel_focus",
        width="stretch",
        on_click=select,
        args=(node,),
        kwargs={"center": True},
        help="Centre the graph on it.",
    )
    st.markdown("**Related posts**")
    related = loaders.ask("related_posts", node, limit=10)
    if not related:
        st.caption("No posts mention it.")
    st.html("<div class='kg-related'>" + "".join(_post_block(r) for r in related) + "</div>")
    neighbours = card.get("neighbours") or {}
    if neighbours:
        st.markdown("**Neighbours**")
    for kind, labels in sorted(neighbours.items()):
        if labels:
            st.html(
                f"{html.badge(kind)} "
                + esc(", ".join(labels[:30]))
                + (" …" if len(labels) > 30 else "")
            )
    _path_box(G, node)


def _path_box(G, node: str) -> None:
    index = loaders.search_index()
    target = st.selectbox(
        "Path to…",
        [k for k in index if not k.startswith("📄")],
        index=None,
        key=state.PATH_TARGET,
        placeholder="pick another entity",
    )
    if not target:
        return
    result = loaders.ask("explained_path", node, index[target])
    if not result.get("found"):
        st.caption("No path between them.")
        return
    st.html(
        "<ol>"
        + "".join(
            f"<li>{esc(h.get('source_label'))} {analysis.hop_arrow(h)[0][0]} "
            f"<i>{esc(analysis.hop_arrow(h)[1])}</i> {analysis.hop_arrow(h)[2][-1]} "
            f"{esc(h.get('target_label'))}"
            + (
                f"<br><small>{esc(h.get('post_title') or '')}: {esc(h.get('sentence') or '')}</small>"
                if h.get("sentence")
                else ""
            )
            + "</li>"
            for h in result.get("hops", [])
        )
        + "</ol>"
    )


def _post(G, node: str) -> None:
    data = G.nodes[node]
    st.html(
        f"<h3>{html.link(data.get('label', ''), data.get('url', ''))} {html.badge('post')}</h3>"
        f"<small>{esc(data.get('source', ''))} {esc(data.get('published', ''))}</small>"
        f"<p>{esc(data.get('summary', ''))}</p>"
    )
    similar = loaders.ask("similar_posts", node, limit=5)
    if similar:
        st.markdown("**Similar posts**")
        st.html(
            "<ul>"
            + "".join(
                f"<li>{esc(s.get('title'))} <small>(shared: {esc(', '.join(s.get('shared', [])))})"
                "</small></li>"
                for s in similar
            )
            + "</ul>"
        )


def _edge(G, sel: dict) -> None:
    u, v = sel.get("from"), sel.get("to")
    if u not in G or v not in G:
        return
    st.html(f"<h3>{esc(G.nodes[u].get('label', u))} ↔ {esc(G.nodes[v].get('label', v))}</h3>")
    rows = loaders.ask("edge_evidence", u, v)
    if not rows:
        st.caption("No post evidence: this link comes from the ontology.")
    st.html(
        "<div class='kg-edge'>"
        + "".join(
            f"<div style='margin-bottom:10px'><b>{html.link(r.get('title', ''), r.get('url', ''))}</b>"
            f" <small>{esc(r.get('relation', ''))}</small>"
            + (
                f"<blockquote style='margin:4px 0 0 0;padding-left:8px;border-left:3px solid #8884'>"
                f"{esc(r['sentence'])}</blockquote>"
                if r.get("sentence")
                else ""
            )
            + "</div>"
            for r in rows
        )
        + "</div>"
    )


def render(G, selected: dict | None, *, expand, select) -> None:
    """Draw the panel for ``selected`` ({"type": "node", "id"} or {"type": "edge", ...})."""
    if not selected:
        st.info(
            "Click a node to read the posts about it, or a link to see why it exists. "
            "Double-click a node to expand it."
        )
        return
    try:
        if selected.get("type") == "edge":
            _edge(G, selected)
        elif selected.get("id") in G and G.nodes[selected["id"]].get("kind") == "post":
            _post(G, selected["id"])
        elif selected.get("id") in G:
            _entity(G, selected["id"], expand=expand, select=select)
    except KgraphError as exc:
        errors.show(exc)
