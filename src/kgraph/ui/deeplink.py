"""Deep links: the URL carries the Explore view (entity, depth, types, weight, cap).

``?entity=Kubernetes&depth=2&kinds=company,technology`` opens Explore with Kubernetes
selected; a shared link restores the view. An unknown name gets "did you mean".
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from kgraph import config
from kgraph.errors import NotFoundError
from kgraph.ui import loaders, period, state


def _number(raw: str | None, lo: float, hi: float, cast=float):
    try:
        return min(hi, max(lo, cast(raw))) if raw not in (None, "") else None
    except (TypeError, ValueError):
        return None


def read() -> NotFoundError | None:
    """Apply the URL to this session once; returns the error of an unknown entity."""
    ss, q = st.session_state, st.query_params
    if ss[state.URL_READ]:
        return None
    ss[state.URL_READ] = True
    depth = _number(q.get(state.Q_DEPTH), 1, config.VIEW_DEPTH_MAX, int)
    if depth is not None:
        ss[state.DEPTH] = depth
    weight = _number(q.get(state.Q_MIN_WEIGHT), 0, config.MIN_WEIGHT_MAX)
    if weight is not None:
        ss[state.MIN_WEIGHT] = weight
    cap = _number(q.get(state.Q_CAP), config.VIEW_CAP_MIN, config.VIEW_CAP_MAX, int)
    if cap is not None:
        ss[state.CAP] = cap
    if q.get(state.Q_KINDS):
        kinds = [k for k in q[state.Q_KINDS].split(",") if k in state.KINDS_ALL]
        if kinds:
            ss[state.KINDS] = kinds
    name = (q.get(state.Q_ENTITY) or "").strip()
    if not name:
        return None
    try:
        node = loaders.ask("resolve", name)
    except NotFoundError as exc:
        return exc
    ss[state.CENTER] = node
    ss[state.SELECTED] = {"type": "node", "id": node}
    return None


def write() -> None:
    """Put the current view into the URL, so copying it shares the view."""
    ss = st.session_state
    G = loaders.graph()
    wanted: dict[str, str] = {}
    focus = (
        ss[state.SELECTED]["id"]
        if (ss[state.SELECTED] or {}).get("type") == "node"
        else ss[state.CENTER]
    )
    if focus and focus in G:
        wanted[state.Q_ENTITY] = str(G.nodes[focus].get("label", focus))
    if ss[state.DEPTH] != config.VIEW_DEPTH:
        wanted[state.Q_DEPTH] = str(ss[state.DEPTH])
    if sorted(ss[state.KINDS]) != sorted(state.KINDS_DEFAULT):
        wanted[state.Q_KINDS] = ",".join(ss[state.KINDS])
    if float(ss[state.MIN_WEIGHT]) != config.MIN_WEIGHT:
        wanted[state.Q_MIN_WEIGHT] = f"{float(ss[state.MIN_WEIGHT]):g}"
    if int(ss[state.CAP]) != config.VIEW_CAP:
        wanted[state.Q_CAP] = str(int(ss[state.CAP]))
    wanted.update(period.query())
    if dict(st.query_params) != wanted:
        st.query_params.from_dict(wanted)


def entity_href(label: str) -> str:
    """A same-tab link to Explore centred on ``label``, keeping the view's other settings.

    For names inside HTML blocks, where no widget can sit: the page reloads on the link,
    and :func:`read` restores the view from it.
    """
    params = {k: v for k, v in st.query_params.items() if k != state.Q_ENTITY}
    return "/?" + urlencode({state.Q_ENTITY: label, **params})
