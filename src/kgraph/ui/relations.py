"""Stated relations in the app: the entity card's grouped relations and the Migrations table."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from kgraph.ui import deeplink, html, loaders, navigate
from kgraph.ui.html import esc
from kgraph.ui.mdtext import md

MIGRATIONS = "insights_migrations"  # the Migrations table's selection


def _spans(sentence: str, names: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Where each (name, kind) first occurs in the sentence, ignoring case."""
    spans = []
    for name, kind in names:
        m = re.search(re.escape(name), sentence, re.I)
        if m is None and " " in name:  # "Apache Kafka" written "Kafka"
            m = re.search(r"\b" + re.escape(name.split()[-1]) + r"\b", sentence, re.I)
        if m is not None:
            spans.append((m.start(), m.end(), kind))
    return spans


def evidence_html(sentence: str, names: list[tuple[str, str]]) -> str:
    """The sentence escaped, with both ends of the relation highlighted."""
    return html.highlight_spans(sentence, _spans(sentence, names))


def sourced_evidence(sentence: str, title: str, url: str, names: list[tuple[str, str]]) -> str:
    """The highlighted sentence above a link to its post. A sentence that is the post's title
    becomes the link itself: printing it twice would read as two pieces of evidence."""
    marked = evidence_html(sentence, names)
    if sentence.strip() == title.strip():
        return html.link_markup(marked, url)
    return f"{marked}<br><small>{html.link(title, url)}</small>"


def render_card_relations(G, node: str) -> None:
    """The card's "Relations" block: built by, used by, uses, migrated from/to, applies…"""
    result = loaders.ask("entity_relations", node)
    if not result["groups"]:
        return
    st.markdown("**Relations the posts state**")
    kind = G.nodes[node]["kind"]
    for heading, rows in result["groups"].items():
        items = []
        for row in rows[:10]:
            ev = row["evidence"][0]
            other_kind = G.nodes[row["other_key"]]["kind"]
            evidence = sourced_evidence(
                ev["sentence"],
                ev["title"],
                ev["url"],
                [(result["label"], kind), (row["other"], other_kind)],
            )
            # The name opens that entity (a link: widgets cannot sit in this HTML block).
            name = (
                f"<a href='{esc(deeplink.entity_href(row['other']))}' target='_self' "
                f"class='kg-name'><b>{esc(row['other'])}</b></a>"
            )
            items.append(
                f"<li>{html.badge(other_kind)} {name}"
                f" <small>({len(row['posts'])} post(s))</small>"
                f"<blockquote style='margin:2px 0 6px 0;padding-left:8px;"
                f"border-left:3px solid #8884'>{evidence}</blockquote></li>"
            )
        st.html(f"<b>{esc(heading)}</b><ul style='margin-top:2px'>{''.join(items)}</ul>")


def render_migrations(G) -> None:
    """The Insights "Migrations" tab: who moved from what to what; a row opens its evidence."""
    rows = loaders.ask("migrations")
    if not rows:
        st.caption("No post in this store states a migration.")
        return
    df = pd.DataFrame(
        [
            {
                "who": r["mover"],
                "from": ", ".join(r["from"]) or "–",
                "to": ", ".join(r["to"]) or "–",
                "post": r["title"],
            }
            for r in rows
        ]
    )
    event = st.dataframe(
        df, hide_index=True, on_select="rerun", selection_mode="single-row", key=MIGRATIONS
    )
    picked = event.selection.rows if event is not None else []
    if not picked:
        st.caption("Click a row to read the sentence that states it.")
        return
    r = rows[picked[0]]
    names = [(r["mover"], G.nodes[r["mover_key"]]["kind"])]
    names += [(n, "technology") for n in r["from"] + r["to"]]
    st.html(
        f"<blockquote>{sourced_evidence(r['sentence'], r['title'], r['url'], names)}</blockquote>"
    )
    # Every name of the row opens it in Explore: the mover, what it left, what it chose,
    # and the post that says so.
    names = [r["mover"], *r["from"], *r["to"], r["title"]]
    targets = [r["mover_key"], *r["from"], *r["to"], r["post"]]
    st.caption("Open in Explore")
    st.pills(
        "Open in Explore",
        list(range(len(names))),
        format_func=lambda i: md(names[i]),
        key="migrations_explore",
        label_visibility="collapsed",
        wrap=True,
        on_change=_open_named,
        args=("migrations_explore", targets),
    )


def _open_named(key: str, targets: list[str]) -> None:
    """Callback: open the picked node (an id, or a name to resolve) on the next run."""
    i = st.session_state.get(key)
    st.session_state[key] = None
    if i is None or not 0 <= i < len(targets):
        return
    G = loaders.graph()
    target = targets[i]
    navigate.open_later(target if target in G else loaders.ask("resolve", target))


ROLE_TITLES = {
    "wrote_about": "companies that wrote about it",
    "built_by": "built by",
    "uses": "companies that use it",
    "applies": "companies that apply it",
}


def role_lines(roles: dict[str, list[str]]) -> list[str]:
    """One escaped line per non-empty role of companies toward the entity."""
    return [
        f"{esc(ROLE_TITLES.get(role, role))}: {esc(', '.join(names))}"
        for role, names in roles.items()
        if names
    ]
