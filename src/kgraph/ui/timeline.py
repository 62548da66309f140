"""Time on screen: an entity's posts-per-month sparkline and the Insights "Rising" table."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from kgraph.ui import loaders, state


def sparkline(node: str) -> None:
    """Posts per month that name ``node``, as a small line; undated posts counted apart."""
    counts = loaders.ask("monthly_counts", node)
    months, undated = counts["months"], counts["undated"]
    if not any(n for _m, n in months):
        st.caption("No dated posts" + (f" ({undated} undated)." if undated else "."))
        return
    df = pd.DataFrame(months, columns=["month", "posts"])
    st.altair_chart(
        alt.Chart(df)
        .mark_area(line=True, opacity=0.3, interpolate="monotone")
        .encode(
            x=alt.X("month:O", axis=None),
            y=alt.Y("posts:Q", axis=None),
            tooltip=["month", "posts"],
        )
        .properties(height=50),
        width="stretch",
    )
    st.caption(
        f"Posts per month, {months[0][0]} to {months[-1][0]}"
        + (f"; {undated} undated post(s) not shown." if undated else ".")
    )


def rising_tab() -> None:
    """The "Rising" table: entities whose share of posts grew most, recent window vs before."""
    c1, c2 = st.columns(2)
    months = c1.select_slider(
        "Compare the last N months with the N before",
        options=[1, 2, 3, 6, 12, 24],
        value=6,
        key=state.RISING_MONTHS,
    )
    min_posts = c2.number_input(
        "Minimum posts in the recent window", 1, 1000, 3, key=state.RISING_MIN
    )
    out = loaders.ask("rising", months=int(months), min_posts=int(min_posts), top=50)
    if not out["recent"]:
        st.caption(
            "No dated posts, so nothing can rise"
            + (f" ({out['undated']} undated posts)." if out["undated"] else ".")
        )
        return
    before = f"{out['before'][0]} to {out['before'][1]}" if out["before"] else "no earlier posts"
    st.caption(
        f"Recent: {out['recent'][0]} to {out['recent'][1]} ({out['posts_recent']} posts) · "
        f"before: {before} ({out['posts_before']} posts)"
        + (f" · {out['undated']} undated post(s) counted apart" if out["undated"] else "")
        + ". Share = the entity's posts / all posts in the window."
    )
    if not out["rows"]:
        st.caption("No entity has that many posts in the recent window; lower the minimum.")
        return
    df = pd.DataFrame(out["rows"])
    df = pd.DataFrame(
        {
            "entity": df["label"],
            "type": df["kind"],
            "posts recent": df["recent"],
            "posts before": df["before"],
            "share recent %": (df["share_recent"] * 100).round(1),
            "share before %": (df["share_before"] * 100).round(1),
            "growth (points)": (df["growth"] * 100).round(1),
        }
    )
    st.dataframe(df, hide_index=True, key="insights_rising_table")
