"""The Insights page: centrality, communities, company × technology, comparison, quality."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from kgraph import api
from kgraph.model import ENTITY_KINDS, MEASURES
from kgraph.ui import html, loaders, navigate, panel, relations, state, timeline
from kgraph.ui.html import esc
from kgraph.ui.mdtext import md

HEATMAP_TOP = 25  # companies and technologies shown in the heatmap, the most posts first


def _clip(text: str, width: int = 160) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@st.cache_data(max_entries=8, show_spinner=False)
def _quality(db: str, version: tuple) -> dict:
    return api.quality(db)


def render() -> None:
    """Draw the Insights page."""
    G = loaders.graph()
    navigate.follow(G)
    html.page_style()
    st.title("Insights")
    rank, comm, matrix, compare, moves, rising, quality = st.tabs(
        [
            "Centrality",
            "Communities",
            "Company × technology",
            "Compare companies",
            "Migrations",
            "Rising",
            "Quality",
        ]
    )
    with moves:
        relations.render_migrations(loaders.graph())
    with rising:
        timeline.rising_tab()
    with rank:
        c1, c2 = st.columns(2)
        kind = c1.selectbox("Type", list(ENTITY_KINDS), key=state.RANK_KIND)
        measure = c2.selectbox("Measure", list(MEASURES), key=state.RANK_MEASURE)
        top = loaders.ask("top_entities", measure=measure, kind=kind, limit=25)
        picked = st.dataframe(
            pd.DataFrame(top, columns=["label", "score"]),
            hide_index=True,
            # A new key after each jump, so coming back does not jump again.
            key=f"insights_rank_table_{st.session_state.get('insights_rank_gen', 0)}",
            on_select="rerun",
            selection_mode="single-row",
        )
        st.caption("Select a row to open it in Explore.")
        rows = picked.selection.rows if picked is not None else []
        if rows and rows[0] < len(top):
            st.session_state["insights_rank_gen"] = st.session_state.get("insights_rank_gen", 0) + 1
            navigate.open_later(top[rows[0]]["node"])
            navigate.follow(G)
    with comm:
        for i, c in enumerate(loaders.ask("communities")[:20]):
            members = [m for m in c["members"] if m in G][:12]
            with st.expander(f"{md(c['label'])} — {len(c['members'])} entities"):
                panel.links(
                    [G.nodes[m]["label"] for m in members],
                    key=f"insights_comm_{i}",
                    select=navigate.open_later,
                    nodes=members,
                )
    with matrix:
        df = loaders.ask("company_technology_matrix")
        if df.empty:
            st.caption("No company uses a technology in these posts yet.")
        else:
            # The busiest 25 x 25: a full matrix is hundreds of slivers nobody can read.
            rows_top = df.sum(axis=1).sort_values(ascending=False).index[:HEATMAP_TOP]
            cols_top = df.sum(axis=0).sort_values(ascending=False).index[:HEATMAP_TOP]
            df = df.loc[rows_top, cols_top]
            cells = (
                df.rename_axis("company")
                .reset_index()
                .melt("company", var_name="technology", value_name="posts")
            )
            st.altair_chart(
                alt.Chart(cells[cells["posts"] > 0])
                .mark_rect()
                .encode(
                    x=alt.X(
                        "technology:N",
                        sort=list(df.columns),
                        axis=alt.Axis(
                            labelAngle=-50, labelLimit=180, labelFontSize=12, labelOverlap=False
                        ),
                    ),
                    y=alt.Y(
                        "company:N",
                        sort=list(df.index),
                        axis=alt.Axis(labelLimit=180, labelFontSize=12, labelOverlap=False),
                    ),
                    color=alt.Color(
                        "posts:Q",
                        scale=alt.Scale(scheme="blues"),
                        legend=alt.Legend(format="d", tickMinStep=1, title="posts"),
                    ),
                    tooltip=["company", "technology", "posts"],
                )
                .properties(height=24 * len(df.index) + 40),
                width="stretch",
            )
            st.caption(
                f"Posts by each company (rows) that mention each technology (columns): the "
                f"{len(df.index)} companies and {len(df.columns)} technologies with the most."
            )
    with compare:
        companies = [
            r["label"]
            for r in loaders.ask("top_entities", measure="degree", kind="company", limit=500)
        ]
        c1, c2 = st.columns(2)
        a = c1.selectbox(
            "Company A", companies, index=0 if companies else None, key=state.COMPARE_A
        )
        b = c2.selectbox(
            "Company B", companies, index=1 if len(companies) > 1 else None, key=state.COMPARE_B
        )
        if a and b and a != b:
            result = loaders.ask("compare_companies", a, b)
            for s_i, (side, title) in enumerate(
                (("shared", "Both"), ("only_a", f"Only {md(a)}"), ("only_b", f"Only {md(b)}"))
            ):
                items = result.get(side, [])
                st.markdown(f"**{title}** ({len(items)})")
                if not items:
                    st.caption("–")
                for j, item in enumerate(items[:15]):
                    panel.links(
                        [str(item.get("label", ""))],
                        key=f"insights_cmp_{s_i}_{j}",
                        select=navigate.open_later,
                        nodes=[item["node"]],
                    )
                    posts = [*item.get("a", []), *item.get("b", [])][:3]
                    st.html(
                        "<small>"
                        + "<br>".join(
                            f"{esc(p.get('title', ''))}: <i>{esc(_clip(p.get('sentence', '')))}</i>"
                            for p in posts
                        )
                        + "</small>"
                    )
    with quality:
        q = _quality(*loaders.ensure_store())
        c1, c2 = st.columns(2)
        c1.markdown("**Mentions by method**")
        c1.bar_chart(pd.Series(q["by_method"], name="mentions"))
        c2.markdown("**Mentions by confidence**")
        c2.bar_chart(pd.Series(q["bands"], name="mentions"))
        if q["months"]:
            st.markdown("**Posts per month**")
            st.line_chart(pd.Series(q["months"], name="posts"))
        st.markdown(f"**Entities seen in one post only** ({len(q['once'])})")
        st.caption(", ".join(md(name) for name in q["once"][:200]) or "–")
        st.markdown("**Alias candidates** (similar names that might be one entity)")
        st.dataframe(
            pd.DataFrame(q["alike"], columns=["type", "name", "maybe the same as"]), hide_index=True
        )
