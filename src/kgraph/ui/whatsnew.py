"""The "What's new" panel on Explore's landing: what the latest build brought.

Shown after a build that added posts to a store that held some before; every post and
entity name is a button that selects it in the graph.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import streamlit as st

from kgraph import api
from kgraph.model import post_node
from kgraph.ui import loaders, state

SHOWN = 8
"""Posts and entities listed per group; the CLI's `kgraph new` lists them all."""


@st.cache_data(max_entries=8, show_spinner=False)
def _new(db: str, version: tuple) -> dict:
    return api.new_since(db, G=loaders.graph_at(db, version))


@st.cache_data(max_entries=8, show_spinner=False)
def _arrived(db: str, version: tuple) -> int:
    return api.arrived_in_latest_build(db)


def render(select: Callable[..., None]) -> None:
    """Draw the panel when the latest build added posts (``select(node, center=True)``)."""
    if st.session_state.get(state.CENTER):
        return
    db, version = loaders.ensure_store()
    G = loaders.graph_at(db, version)
    arrived = _arrived(db, version)
    if not arrived or arrived >= G.graph.get("n_posts", 0):
        return  # nothing new, or the first build: everything is new (and 100,000 posts
        # of "what's new" would cost seconds before the first view)
    out = _new(db, version)
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(version[1])) if version[1] else ""
    with st.expander(
        f"What's new: {len(out['posts'])} post(s) in build #{version[0]} {when}".strip(),
        expanded=True,
    ):
        cols = st.columns(3)
        cols[0].markdown("**New posts**")
        for i, post in enumerate(out["posts"][:SHOWN]):
            cols[0].button(
                post["title"],
                key=f"whatsnew_post_{i}",
                on_click=select,
                args=(post_node(post["id"]),),
                kwargs={"center": True},
                help=f"{post['source']} · {post['published'] or 'undated'}",
            )
        _names(cols[1], "New entities", "new", out["entities"], select)
        _names(cols[2], "Rose most", "risen", out["risen"], select)
        more = len(out["posts"]) - SHOWN
        if more > 0:
            st.caption(f"… and {more} more: `kgraph new` lists them all.")


def _names(col, title: str, tag: str, rows: list[dict], select) -> None:
    col.markdown(f"**{title}**")
    if not rows:
        col.caption("–")
    for i, row in enumerate(rows[:SHOWN]):
        label = f"{row['label']} (+{row['new']})" if tag == "risen" else row["label"]
        col.button(
            label,
            key=f"whatsnew_{tag}_{i}",
            on_click=select,
            args=(row["node"],),
            kwargs={"center": True},
            help=f"{row['kind']} · {row['posts']} post(s), {row['new']} new",
        )
