"""The Data page's feeds: what the store subscribes to, their health, and a refresh button."""

from __future__ import annotations

import time

import pandas as pd
import streamlit as st

from kgraph import api
from kgraph.errors import KgraphError
from kgraph.ui import errors, state


def _when(ts) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts)) if ts else "never"


def feed_table(rows: list[dict]) -> pd.DataFrame:
    """The feeds as the page shows them, failing ones first."""
    rows = sorted(rows, key=lambda r: (r["status"] != "failed", (r["title"] or r["url"]).lower()))
    return pd.DataFrame(
        [
            {
                "health": {"failed": "❌ failed", "not_modified": "✅ unchanged"}.get(
                    r["status"], "✅ ok" if r["status"] else "new"
                ),
                "feed": r["title"] or r["url"],
                "posts": r["posts"],
                "last fetched": _when(r["last_fetched"]),
                "last error": r["last_error"],
                "url": r["url"],
            }
            for r in rows
        ],
        columns=["health", "feed", "posts", "last fetched", "last error", "url"],
    )


def render(db: str) -> None:
    """Draw the subscriptions of store ``db`` and the "Refresh feeds" button."""
    st.subheader("Feeds")
    rows = api.feeds(db)
    if not rows:
        st.caption(
            "This store follows no feeds. Build it from feed URLs or an OPML list (above, or "
            "`kgraph build FEEDS.opml`), then refresh it here or with `kgraph refresh`."
        )
        return
    failing = sum(r["status"] == "failed" for r in rows)
    st.caption(
        f"{len(rows)} feed(s), {sum(r['posts'] for r in rows):,} posts from them"
        + (f", **{failing} failing** (their posts stay; see the error)" if failing else "")
        + "."
    )
    st.dataframe(
        feed_table(rows),
        hide_index=True,
        column_config={"url": st.column_config.LinkColumn("url")},
        key=state.FEEDS_TABLE,
    )
    if st.button("Refresh feeds", key=state.REFRESH, help="Fetch every feed; add what is new."):
        bar = st.progress(0.0, text="Refreshing feeds")

        def progress(stage: str, done: int, total: int) -> None:
            label = {"fetch": "feeds fetched", "extract": "new posts extracted"}.get(stage, stage)
            bar.progress(min(done / total, 1.0) if total else 1.0, text=f"{label} {done}/{total}")

        try:
            out = api.refresh(db, progress=progress)
        except KgraphError as exc:
            bar.empty()
            errors.show(exc)
            return
        bar.empty()
        st.cache_resource.clear()
        st.session_state[state.REFRESHED] = out
        st.rerun()
    out = st.session_state.pop(state.REFRESHED, None)
    if out:
        message = (
            f"Refreshed {out['feeds']} feed(s): {out['not_modified']} unchanged, "
            f"{out['failed']} failed, {out['new_posts']} new post(s)."
        )
        (st.warning if out["failed"] else st.success)(message)
        if out["new_entities"]:
            st.caption("New entities: " + ", ".join(out["new_entities"][:30]))
