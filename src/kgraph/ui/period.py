"""Explore's time filter: keep the view to posts of a range of months, kept in the URL.

``?from=2026-01&to=2026-06`` opens Explore on those months. Undated posts leave the view
while a period is set, and the page says how many.
"""

from __future__ import annotations

import re

import streamlit as st

from kgraph.ui import loaders, state

_MONTH = re.compile(r"\d{4}-\d{2}")


def _months() -> list[str]:
    return [m for m, _n in loaders.ask("monthly_counts")["months"]]


def control() -> None:
    """The sidebar's "Period" slider (only when posts have dates); reads the URL once."""
    months = _months()
    ss = st.session_state
    if len(months) < 2:
        ss[state.PERIOD] = None
        return
    if not ss.get(state.PERIOD_READ):
        ss[state.PERIOD_READ] = True
        q = st.query_params
        start = q.get(state.Q_FROM, "") if _MONTH.fullmatch(q.get(state.Q_FROM, "")) else ""
        end = q.get(state.Q_TO, "") if _MONTH.fullmatch(q.get(state.Q_TO, "")) else ""
        if start or end:
            start = min(max(start or months[0], months[0]), months[-1])
            end = max(min(end or months[-1], months[-1]), start)
            ss[state.PERIOD] = (start, end)
    value = ss.get(state.PERIOD)
    if not value or value[0] not in months or value[1] not in months:
        ss[state.PERIOD] = (months[0], months[-1])
    st.select_slider("Period (months with posts)", options=months, key=state.PERIOD)


def current() -> tuple[str, str] | None:
    """The period the view is kept to, or None for all of time."""
    months = _months()
    value = st.session_state.get(state.PERIOD)
    if not value or not months or tuple(value) == (months[0], months[-1]):
        return None
    return value[0], value[1]


def apply(nodes: list[str]) -> list[str]:
    """``nodes`` kept to the period (see :func:`kgraph.analysis.in_period`), with a note."""
    period = current()
    if period is None:
        return nodes
    kept, undated = loaders.ask("in_period", tuple(nodes), *period)
    st.caption(
        f"Period {period[0]} to {period[1]}: {len(kept)} of {len(nodes)} nodes"
        + (f"; {undated} undated post(s) hidden." if undated else ".")
    )
    return kept


def query() -> dict[str, str]:
    """The URL parameters of the period (none for all of time)."""
    period = current()
    return {state.Q_FROM: period[0], state.Q_TO: period[1]} if period else {}
