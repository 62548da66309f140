"""The Insights page: centrality, communities, company × technology, comparison, quality."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from kgraph import api
from kgraph.model import ENTITY_KINDS, MEASURES
from kgraph.ui import loaders, relations, state, timeline
from kgraph.ui.mdtext import md


@st.cache_data(max_entries=8, show_spinner=False)
def _quality(db: str, version: tuple) -> dict:
    return api.quality(db)


def render() -> None:
    """Draw the Insights page."""
    loaders.graph()
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
        st.dataframe(pd.DataFrame(top, columns=["label", "score"]), hide_index=True)
    with comm:
        for c in loaders.ask("communities")[:20]:
            st.markdown(f"**{md(c['label'])}** — {len(c['members'])} entities")
    with matrix:
        df = loaders.ask("company_technology_matrix")
        if df.empty:
            st.caption("No company uses a technology in these posts yet.")
        else:
            cells = (
                df.rename_axis("company")
                .reset_index()
                .melt("company", var_name="technology", value_name="posts")
            )
            st.altair_chart(
                alt.Chart(cells[cells["posts"] > 0])
                .mark_rect()
                .encode(
                    x=alt.X("technology:N", sort=list(df.columns)),
                    y=alt.Y("company:N", sort=list(df.index)),
                    color=alt.Color("posts:Q", scale=alt.Scale(scheme="blues")),
                    tooltip=["company", "technology", "posts"],
                ),
                width="stretch",
            )
            st.caption("Posts by each company (rows) that mention each technology (columns).")
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
            for side, title in (
                ("shared", "Both"),
                ("only_a", f"Only {md(a)}"),
                ("only_b", f"Only {md(b)}"),
            ):
                st.markdown(
                    f"**{title}**: "
                    + (", ".join(md(i.get("label", i)) for i in result.get(side, [])) or "–")
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
