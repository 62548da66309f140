"""The graph component: vis-network inside Streamlit Custom Components v2, clicks to Python.

vis-network comes from the copy the pyvis dependency installs (``pyvis/lib/vis-9.1.2``),
inlined into the component at run time: never a CDN, never a copy in this repository.
pyvis's own page templates fetch from CDNs, so only its bundled library file is used.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from importlib import resources

import streamlit as st

from kgraph import config
from kgraph.errors import KgraphError
from kgraph.view.palette import KIND_COLORS

HEIGHT = 640  # pixels; without an explicit height the container collapses to 150 px
VIS_DIR = ("lib", "vis-9.1.2")


def legend_html() -> str:
    """The kinds, each in its colour and shape, drawn over the canvas's top-left corner.

    On the canvas rather than under it: under a 640-px graph it falls below the fold of a
    900-px window. The kinds are ours (``KIND_COLORS``), never a stranger's text.

    >>> "◆" in legend_html() and all(kind in legend_html() for kind in KIND_COLORS)
    True
    """
    items = "".join(
        f'<span class="kg-kind"><span style="color:{colour}">{"◆" if kind == "post" else "●"}'
        f"</span> {kind}</span>"
        for kind, colour in KIND_COLORS.items()
    )
    return f'<div class="kg-legend" aria-label="Legend">{items}</div>'


HTML = (
    f'<div class="kg-wrap"><div class="kg-graph" style="height:{HEIGHT}px"></div>'
    + legend_html()
    + '<div class="kg-tools"><button data-act="fit" title="Fit the whole view">Fit</button>'
    '<button data-act="in" title="Zoom in">+</button>'
    '<button data-act="out" title="Zoom out">−</button></div></div>'
)
CSS = f"""
.kg-graph {{ width: 100%; height: {HEIGHT}px; box-sizing: border-box; border: 1px solid var(--st-border-color, #ddd);
  border-radius: var(--st-base-radius, 6px); background: var(--st-background-color); }}
.kg-wrap {{ position: relative; }}
.kg-tools {{ position: absolute; top: 8px; right: 8px; display: flex; gap: 4px; }}
.kg-tools button {{ min-width: 32px; height: 28px; cursor: pointer; font: inherit;
  color: var(--st-text-color); background: var(--st-secondary-background-color, #f0f2f6);
  border: 1px solid var(--st-border-color, #ccc); border-radius: 4px; }}
.kg-legend {{ position: absolute; top: 8px; left: 8px; display: flex; gap: 10px;
  padding: 2px 8px; font: 0.8rem var(--st-font, sans-serif); color: var(--st-text-color);
  background: var(--st-background-color, #fff); opacity: 0.9; border-radius: 4px;
  pointer-events: none; }}
.kg-tip {{ white-space: pre-line; max-width: 360px; font-family: var(--st-font, sans-serif); }}
"""


def _vis_file(name: str) -> str:
    try:
        path = resources.files("pyvis").joinpath(*VIS_DIR, name)
        return path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise KgraphError(
            f"vis-network was not found in the installed pyvis ({exc}). "
            "Reinstall kgraph's dependencies: .venv/bin/pip install -e ."
        ) from None


@lru_cache(maxsize=1)
def assets() -> tuple[str, str]:
    """(js, css) of the component: vis-network's bundle and tooltip style, then ours."""
    vis_js = re.sub(r"//# sourceMappingURL=\S*", "", _vis_file("vis-network.min.js"))
    ours = (config.STATIC_DIR / "graph.js").read_text(encoding="utf-8")
    tooltip = re.search(r"div\.vis-tooltip\{[^}]*\}", _vis_file("vis-network.css"))
    css = (tooltip.group(0) if tooltip else "") + CSS
    return vis_js + "\n" + ours, css


@lru_cache(maxsize=1)
def _component():
    js, css = assets()
    return st.components.v2.component("kgraph_graph", html=HTML, css=css, js=js)


def signature(payload: dict) -> str:
    """A short hash of a view, so the browser redraws only when the view changed."""
    blob = json.dumps(payload, sort_keys=True, separators=(",", ":"))
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()[:16]


def graph_view(
    payload: dict,
    *,
    key: str,
    select: str | None,
    on_selection,
    on_expand,
    highlight: list[str] | None = None,
):
    """Mount the graph; returns the component result (``.selection``, ``.expand``).

    ``payload`` is :func:`kgraph.view.payload.view_payload` output. ``highlight`` lists node
    ids in order (a path): they and the links between consecutive ones are drawn bold, the
    rest dimmed. Per-click state stays out
    of ``data``: the browser already shows what was clicked, and changed data re-sends it.
    """
    data = {**payload, "select": select, "highlight": list(highlight or [])}
    # A cached payload carries its signature (kgraph.ui.loaders): hashing ~1 MB of JSON on
    # every click would cost more than the click's own work.
    data["sig"] = (
        f"{payload['sig']}:{select}:{'|'.join(data['highlight'])}"
        if "sig" in payload
        else signature(data)
    )
    return _component()(
        key=key,
        data=data,
        height=HEIGHT,
        on_selection_change=on_selection,
        on_expand_change=on_expand,
    )
