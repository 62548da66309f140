"""The Explore side panel: the card of a clicked entity or post, or a clicked link's evidence.

Every name in the panel is a way onward: neighbours, reading-path concepts, path hops, a
post's entities, similar posts and "read next" are buttons that open that node (and the
URL follows, through :mod:`kgraph.ui.deeplink`).
"""

from __future__ import annotations

import streamlit as st

from kgraph import analysis
from kgraph.errors import KgraphError
from kgraph.ui import errors, html, loaders, relations, state, timeline
from kgraph.ui.html import esc
from kgraph.ui.mdtext import md

QUOTE = "margin:4px 0 0 0;padding-left:8px;border-left:3px solid #8884"
LEVEL_ICONS = {"introductory": "①", "intermediate": "②", "advanced": "③"}
ALIASES_SHOWN = 8  # spellings (or products) listed on a card before "and N more"


def _open(select, name: str) -> None:
    """Callback: open ``name`` (a node id, or a name to resolve) centred in the graph."""
    G = loaders.graph()
    node = name if name in G else loaders.ask("resolve", name)
    select(node, center=True)


def links(
    names: list[str],
    *,
    key: str,
    select,
    nodes: list[str] | None = None,
    label: str = "Open",
) -> None:
    """One row of names, each opening its node (a single pills widget: a click reruns once).

    A panel shows dozens of names; one widget per row, not per name, keeps a click on the
    graph fast (each widget costs the browser a render).
    """
    if not names:
        return
    targets = list(nodes) if nodes else list(names)
    st.pills(
        label,  # hidden; screen readers read it as the row's name
        list(range(len(names))),
        format_func=lambda i: md(names[i]),  # a name is shown as typed, never as markdown
        key=key,
        label_visibility="collapsed",
        wrap=True,  # in a column Streamlit would scroll the row sideways, hiding names
        on_change=_picked,
        args=(key, select, targets),
    )


def _picked(key: str, select, targets: list[str]) -> None:
    i = st.session_state.get(key)
    st.session_state[key] = None  # a row of links, not a choice that stays selected
    if i is not None and 0 <= i < len(targets):
        _open(select, targets[i])


def _post_block(r: dict) -> str:
    title, evidence = r.get("title", ""), r.get("evidence", [])[:3]
    # Evidence from the title is marked in the title itself: quoting it below the title
    # would print the same line twice.
    in_title = [ev for ev in evidence if ev.get("sentence", "").strip() == title.strip()]
    title_html = html.esc(title)
    if in_title:
        start, end = html.mention_span(in_title[0])
        title_html = html.highlight(in_title[0]["sentence"], start, end)
    meta = " · ".join(esc(x) for x in (r.get("source"), r.get("reason")) if x)
    lines = [
        "<div class='kg-post' style='margin:0 0 12px 0'>"
        f"<b>{html.link_markup(title_html, r.get('url', ''))}</b>"
    ]
    if meta:
        lines.append(f"<br><small>{meta}</small>")
    for ev in evidence:
        if any(ev is t for t in in_title):
            continue
        start, end = html.mention_span(ev)
        lines.append(
            f"<blockquote style='{QUOTE}'>"
            f"{html.highlight(ev.get('sentence', ''), start, end)}</blockquote>"
        )
    lines.append("</div>")
    return "".join(lines)


def _buttons(node: str, *, expand, select) -> None:
    centre = st.session_state.get(state.CENTER)
    is_centre = node == centre
    b1, b2 = st.columns(2)
    b1.button(
        "Expand",
        key="panel_expand",
        width="stretch",
        on_click=expand,
        args=(node,),
        disabled=is_centre,
        help=(
            "It is the centre: its neighbours are already drawn. Raise Ego depth in "
            "View settings to see further."
            if is_centre
            else "Add its neighbours to the graph (or double-click the node)."
        ),
    )
    b2.button(
        "Focus",
        key="panel_focus",
        width="stretch",
        on_click=select,
        args=(node,),
        kwargs={"center": True},
        disabled=is_centre,
        help="It is already the centre of the view." if is_centre else "Centre the graph on it.",
    )


def alias_order(label: str, aliases: list[str]) -> list[str]:
    """Other spellings of the name before the names of its parts, each shortest first.

    A product's feature names can run to dozens (Kubernetes' API kinds), so only the first
    few are shown. A spelling of the name itself (K8s, Postgres, psql, AWS) is written with
    the name's own letters, in order and from its first; a part's name (CRD, kube-proxy)
    is not.

    >>> alias_order("Kubernetes", ["ConfigMap", "kube-proxy", "CRD", "K8s"])
    ['K8s', 'CRD', 'ConfigMap', 'kube-proxy']
    >>> alias_order("PostgreSQL", ["Postgres", "pg_stat", "psql"])
    ['psql', 'Postgres', 'pg_stat']
    """
    letters = [c for c in label.lower() if c.isalpha()]

    def spelling(alias: str) -> bool:
        wanted = [c for c in alias.lower() if c.isalpha()]
        if not wanted or not letters or wanted[0] != letters[0]:
            return False
        rest = iter(letters)
        return all(c in rest for c in wanted)  # each letter found after the one before

    return sorted(aliases, key=lambda a: (not spelling(a), len(a)))


def _first_names(names: list[str]) -> str:
    """The first names escaped, the rest behind a count whose tooltip lists them all."""
    more = len(names) - ALIASES_SHOWN
    shown = esc(", ".join(names[:ALIASES_SHOWN]))
    return shown + (
        f" <span title='{esc(', '.join(names))}'>and {more} more</span>" if more > 0 else ""
    )


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
        facts.append(
            "aliases: " + _first_names(alias_order(card.get("label", node), card["aliases"]))
        )
    roles = card.get("roles") or {}
    # The maker is one of the "built by" companies when the card lists roles: say it once.
    if card.get("company") and card["company"] not in roles.get("built_by", ()):
        facts.append("made by: " + esc(card["company"]))
    facts += relations.role_lines(roles)
    if card.get("products"):  # a cloud provider makes hundreds
        facts.append("makes: " + _first_names(card["products"]))
    facts.append(
        f"{esc(card.get('post_count', 0))} post(s) · community "
        f"{esc(card.get('community', '–'))} · pagerank {float(card.get('pagerank') or 0):.4f}"
    )
    st.html("<br>".join(facts))
    if card.get("parents"):
        st.caption("is a")
        links(card["parents"], key="panel_parent", select=select)
    # Places for the stated relations, the sparkline and the buttons, filled after the
    # related posts: those answer the click, and the browser shows them one render sooner
    # than the chart above them.
    above = [st.container() for _ in range(3)]
    st.markdown("**Related posts**")
    related = loaders.ask("related_posts", node, limit=10)
    if not related:
        st.caption("No posts mention it.")
    st.html("<div class='kg-related'>" + "".join(_post_block(r) for r in related) + "</div>")
    if related:
        st.caption("Open a post")
        links(
            [r.get("title", "") for r in related[:5]],
            key="panel_related",
            select=select,
            nodes=[r["post"] for r in related[:5]],
        )
    with above[0]:
        relations.render_card_relations(G, node)
    with above[1]:
        timeline.sparkline(node)
    with above[2]:
        _buttons(node, expand=expand, select=select)
    if card.get("kind") in ("concept", "technology", "company"):
        # A company's posts too read from introductory to advanced.
        _reading_path(node, select=select)
    neighbours = card.get("neighbours") or {}
    if neighbours:
        st.markdown("**Neighbours**")
    for kind, labels in sorted(neighbours.items()):
        if labels:
            st.html(html.badge(kind))
            links(labels[:30], key=f"panel_nb_{kind}", select=select, label=f"{kind} neighbours")
    _path_box(G, node, select=select)


def _reading_path(node: str, *, select) -> None:
    """Concepts to know first, then posts from introductory to advanced; each name opens it.

    Each name is its own link-style button above its explanation: a separate row of buttons
    repeated every name and ran out of a 1400-px window's side panel.
    """
    path = loaders.ask("reading_path", node, limit=6)
    st.markdown("#### Reading path")
    pre = path.get("prerequisites", [])
    if pre:
        st.caption("Know these first")
    _explained_names(pre, key="panel_pre", select=select)
    posts = path.get("posts", [])
    if posts:
        st.caption("Then read, from introductory to advanced")
    for i, p in enumerate(posts):
        with st.container(gap=None):
            _name_button(f"{i + 1}. {p['title']}", p["post"], key=f"panel_rp_{i}", select=select)
            st.html(
                f"<div class='kg-reading'><small>"
                f"{LEVEL_ICONS.get(p['level'], '')} {esc(p['level'])}: {esc(p['reason'])}"
                "</small></div>"
            )
    if not pre and not posts:
        st.caption("No post mentions it yet, and the ontology gives it no parent.")


def _explained_names(items: list[dict], *, key: str, select) -> None:
    """Concepts to read, each a link-style name above its definition and why it is listed."""
    for i, p in enumerate(items):
        with st.container(gap=None):  # the name sits on its explanation
            _name_button(p["label"], p.get("node") or p["label"], key=f"{key}_{i}", select=select)
            st.html(
                "<div class='kg-prereq'>"
                + (f"{esc(p['definition'])}<br>" if p.get("definition") else "")
                + f"<small><i>{esc(p['reason'])}</i></small></div>"
            )


def _name_button(text: str, target: str, *, key: str, select) -> None:
    """A link-style button showing ``text`` that opens ``target`` (a node id or a name)."""
    st.button(md(text), key=key, type="tertiary", on_click=_open, args=(select, target))


def hops(G, result: dict, *, key: str, select) -> None:
    """An explained path, hop by hop: each name opens its node, each mention is marked."""
    for i, h in enumerate(result.get("hops", [])):
        cols = st.columns([0.38, 0.24, 0.38], vertical_alignment="center")
        with cols[0]:
            links(
                [h.get("source_label", "")], key=f"{key}_{i}_a", select=select, nodes=[h["source"]]
            )
        left, rel, right = analysis.hop_arrow(h)  # the way the relation reads
        cols[1].html(  # one line: a wrapped arrow reads as two
            f"<span style='white-space:nowrap;font-size:0.9em'>{left[0]} <i>{esc(rel)}</i> "
            f"{right[-1]}</span>"
        )
        with cols[2]:
            links(
                [h.get("target_label", "")], key=f"{key}_{i}_b", select=select, nodes=[h["target"]]
            )
        if h.get("sentence"):
            sentence = h["sentence"]
            marks = _marks(sentence, [h.get("source_label", ""), h.get("target_label", "")], G, h)
            st.html(
                f"<small>{esc(h.get('post_title') or '')}</small>"
                f"<blockquote style='{QUOTE}'>{marks}</blockquote>"
            )


def _marks(sentence: str, names: list[str], G, hop: dict | None = None) -> str:
    """``sentence`` escaped, with each of ``names`` (or a surface form of it) marked."""
    spans: list[tuple[int, int, str]] = []
    low = sentence.lower()
    nodes = [hop.get("source"), hop.get("target")] if hop else [None] * len(names)
    for name, node in zip(names, nodes, strict=False):
        forms = [name]
        if node and node in G:
            forms += list(G.nodes[node].get("aliases", []))
        for form in sorted({f for f in forms if f}, key=len, reverse=True):
            at = low.find(form.lower())
            if at >= 0:
                kind = G.nodes[node].get("kind", "concept") if node in G else "concept"
                spans.append((at, at + len(form), kind))
                break
    return html.highlight_spans(sentence, spans)


def _path_box(G, node: str, *, select) -> None:
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
    hops(G, result, key="panel_hop", select=select)


def post_card(G, node: str, *, select) -> None:
    """A post: title (to the original), summary with its entities marked, then buttons."""
    data = G.nodes[node]
    st.html(
        f"<h3>{html.link(data.get('label', ''), data.get('url', ''))} {html.badge('post')}</h3>"
        f"<small>{esc(data.get('source', ''))} {esc(data.get('published', ''))}"
        + (" · opens the original" if html.safe_url(data.get("url", "")) else "")
        + "</small>"
        f"<p class='kg-summary'>"
        f"{html.highlight_spans(analysis.post_summary(G, node), analysis.post_spans(G, node, 'summary'))}</p>"
    )
    card = loaders.ask("entity_card", node)
    neighbours = card.get("neighbours") or {}
    for kind, labels in sorted(neighbours.items()):
        if labels:
            st.html(html.badge(kind))
            links(labels, key=f"panel_pe_{kind}", select=select)
    first = loaders.ask("read_first", node)
    if first:
        st.markdown("**Read first**")
        _explained_names(first, key="panel_first", select=select)
    nxt = loaders.ask("read_next", node, limit=5)
    # A post that goes one step further is listed once, under "Read next" with its reason.
    further = {r["post"] for r in nxt}
    similar = loaders.ask("similar_posts", node, limit=5 + len(further))
    shown = [s for s in similar if s["post"] not in further][:5]
    st.markdown("**Similar posts**")
    if not similar:
        st.caption("No other post mentions any of its entities.")
    elif not shown:
        st.caption("Its similar posts all go further: they are under Read next.")
    _post_buttons(shown, "panel_sim", select, lambda s: "shares " + ", ".join(s.get("shared", [])))
    st.markdown("**Read next**")
    ideas = [label for kind in ("concept", "technology") for label in neighbours.get(kind, [])]
    if not nxt and ideas:
        # Never a dead end: each idea's card goes on with its own reading path.
        st.caption("No post goes further yet. Each of its ideas has a reading path:")
        links(ideas[:8], key="panel_ideas_next", select=select)
    elif not nxt:
        st.caption(
            "No post goes further from here: no other post adds ideas to the ones it shares."
            + (" Its similar posts are above." if shown else "")
        )
    _post_buttons(nxt, "panel_next", select, lambda r: r["reason"])


def _post_buttons(rows: list[dict], key: str, select, why) -> None:
    """One button per post that opens it, with ``why(row)`` under it as plain text."""
    for i, row in enumerate(rows):
        with st.container(gap=None):  # the title sits on its reason
            _name_button(row.get("title", ""), row["post"], key=f"{key}_{i}", select=select)
            st.html(f"<small>{esc(why(row))}</small>")


def _edge(G, sel: dict) -> None:
    u, v = sel.get("from"), sel.get("to")
    if u not in G or v not in G:
        return
    lu, lv = G.nodes[u].get("label", u), G.nodes[v].get("label", v)
    st.html(f"<h3>{esc(lu)} ↔ {esc(lv)}</h3>")
    rows = loaders.ask("edge_evidence", u, v)
    if not rows:
        st.caption("No post evidence: this link comes from the ontology.")
    # One entry per post: the relations it supports, its sentences with both names marked.
    merged: dict[str, dict] = {}
    for r in rows:
        key = r.get("post") or r.get("title", "")
        entry = merged.setdefault(key, {**r, "relations": [], "sentences": []})
        if r.get("relation") and r["relation"] not in entry["relations"]:
            entry["relations"].append(r["relation"])
        if r.get("sentence") and r["sentence"] not in entry["sentences"]:
            entry["sentences"].append(r["sentence"])
    hop = {"source": u, "target": v}
    st.html(
        "<div class='kg-edge'>"
        + "".join(
            f"<div style='margin-bottom:10px'><b>{html.link(r.get('title', ''), r.get('url', ''))}</b>"
            f" <small>{esc(', '.join(r['relations']))}</small>"
            + "".join(
                f"<blockquote style='{QUOTE}'>{_marks(s, [lu, lv], G, hop)}</blockquote>"
                for s in r["sentences"][:3]
            )
            + "</div>"
            for r in merged.values()
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
            post_card(G, selected["id"], select=select)
        elif selected.get("id") in G:
            _entity(G, selected["id"], expand=expand, select=select)
    except KgraphError as exc:
        errors.show(exc)
