"""The one place where a KgraphError becomes an ``st.error``, never a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from kgraph.errors import KgraphError, StoreError
from kgraph.ui.mdtext import md


def show(exc: KgraphError) -> None:
    """Show one error's message (it already says where and how to fix it)."""
    st.error(md(exc))  # messages echo file names, URLs, titles: never markup


@contextmanager
def shown_errors() -> Iterator[None]:
    """Run a page; show a KgraphError as a clear message with its fix, then stop the page."""
    try:
        yield
    except StoreError as exc:
        st.error(f"**The store cannot be opened.** {md(exc)}")
        st.markdown(
            "To fix it, build a store from a terminal: `kgraph build --db data/kgraph.db`, "
            "then `kgraph app --db data/kgraph.db`. Or open the **Data** page and build or "
            "pick another store."
        )
        st.stop()
    except KgraphError as exc:
        show(exc)
        st.stop()
