"""One standalone HTML file that draws the graph offline with the vis-network pyvis bundles.

No CDN: the library's JS and CSS are inlined from pyvis's copy. Graph data travels as a
JSON block with ``<``, ``>`` and ``&`` escaped, so a title holding ``</script>`` cannot end
the script; labels and tooltips are set as text by vis-network and our own code, never
parsed as HTML.
"""

from __future__ import annotations

import html
import importlib.resources
import json
from pathlib import Path

import networkx as nx
import numpy as np

from kgraph import config
from kgraph.errors import KgraphError
from kgraph.graph.bipartite import degree
from kgraph.graph.evidence import post_summary
from kgraph.view.forces import remove_overlaps
from kgraph.view.palette import FALLBACK_COLOR, KIND_COLORS

VIS_DIR = ("lib", "vis-9.1.2")

TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>{css}</style>
<style>html,body{{margin:0;height:100%;font-family:sans-serif}}
#graph{{position:absolute;top:2.5em;bottom:0;left:0;right:0}}
header{{height:2.5em;line-height:2.5em;padding:0 1em;background:#f4f4f4;display:flex;gap:1em;
  align-items:center;white-space:nowrap;overflow:hidden}}
.kind{{color:#fff;border-radius:8px;padding:1px 8px;font-size:0.85em}}
.notice{{color:#8a4b00}}</style>
</head>
<body>
<header><b>{title}</b> <span>{summary}</span> <span>{legend}</span>
<input id="find" list="names" placeholder="Find a name…" aria-label="Find a name">
<datalist id="names"></datalist> <span class="notice">{notice}</span></header>
<div id="graph"></div>
<script type="application/json" id="kgraph-data">{data}</script>
<script>{js}</script>
<script>
(function () {{
  var data = JSON.parse(document.getElementById("kgraph-data").textContent);
  function tip(text) {{ var el = document.createElement("div");
    el.style.whiteSpace = "pre-wrap"; el.style.maxWidth = "30em"; el.textContent = text;
    return el; }}
  data.nodes.forEach(function (n) {{ n.title = tip(n.info); }});
  var nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
  var net = new vis.Network(document.getElementById("graph"), {{nodes: nodes, edges: edges}}, {{
    physics: false, layout: {{improvedLayout: false}},
    interaction: {{hover: true, tooltipDelay: 100, hideEdgesOnDrag: data.nodes.length > 800}},
    nodes: {{scaling: {{label: {{drawThreshold: 6}}}}}},
    edges: {{arrows: {{to: {{enabled: true, scaleFactor: 0.4}}}}, smooth: false,
             color: {{color: "rgba(128,128,128,0.5)"}}}}
  }});
  // Search: pick a name, the view centres on it and selects it.
  var byLabel = {{}}, list = document.getElementById("names");
  data.nodes.forEach(function (n) {{
    byLabel[n.label.toLowerCase()] = n.id;
    var o = document.createElement("option"); o.value = n.label; list.appendChild(o);
  }});
  document.getElementById("find").addEventListener("change", function (ev) {{
    var id = byLabel[(ev.target.value || "").toLowerCase()];
    if (id === undefined) return;
    net.selectNodes([id]);
    net.focus(id, {{scale: 1.5, animation: {{duration: 300}}}});
  }});
  window.kgraphNetwork = net;
}})();
</script>
</body>
</html>
"""


def _bundle(name: str) -> str:
    try:
        root = importlib.resources.files("pyvis").joinpath(*VIS_DIR)
        return root.joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise KgraphError(
            f"The HTML export needs vis-network from the pyvis package ({exc}). "
            "Install it: pip install 'pyvis>=0.3.2'"
        ) from None


def script_json(data) -> str:
    """JSON safe inside ``<script>``: no ``<``, ``>``, ``&`` or JS line separators."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for ch, esc in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(ch, esc)
    return text


def _info(G: nx.MultiDiGraph, n: str) -> str:
    d = G.nodes[n]
    lines = [f"{d['label']} ({d['kind']})"]
    if d.get("definition"):
        lines.append(d["definition"])
    if d["kind"] == "post":
        lines += [d.get("url", ""), post_summary(G, n)[:300]]
    else:
        lines.append(f"{d.get('post_count', 0)} post(s)")
    return "\n".join(x for x in lines if x)


def kept_nodes(G: nx.MultiDiGraph, cap: int) -> list[str]:
    """The ``cap`` most connected nodes (all of them when the graph is small enough)."""
    if G.number_of_nodes() <= cap:
        return list(G.nodes)
    ranked = sorted(G.nodes, key=lambda n: (-degree(G, n), str(n)))
    return ranked[:cap]


def payload(G: nx.MultiDiGraph) -> dict:
    """Nodes with fixed positions (no physics, so thousands draw at once) and every edge."""
    from kgraph.view.payload import layout

    pos = layout(G, list(G.nodes))
    order = list(G.nodes)
    radius = [10 + 3 * min(6, G.nodes[n].get("post_count", 1) or 1) for n in order]
    xy = np.array([pos.get(n, (0.0, 0.0)) for n in order], dtype=float)
    xy = remove_overlaps(xy, np.array(radius, dtype=float), pad=6.0) if order else xy
    nodes = [
        {
            "id": n,
            "label": G.nodes[n]["label"][:60],
            "group": G.nodes[n]["kind"],
            "info": _info(G, n),
            "color": KIND_COLORS.get(G.nodes[n]["kind"], FALLBACK_COLOR),
            "shape": "diamond" if G.nodes[n]["kind"] == "post" else "dot",
            "size": r,
            "x": round(float(x), 1),
            "y": round(float(y), 1),
        }
        for n, r, (x, y) in zip(order, radius, xy.tolist(), strict=True)
    ]
    edges = [
        {
            "id": i,
            "from": u,
            "to": v,
            "label": k if k != "mentions" else "",
            "value": d.get("weight", 1),
            "font": {"size": 8},
        }
        for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True))
    ]
    return {"nodes": nodes, "edges": edges}


def render_html(
    G: nx.MultiDiGraph, title: str = "kgraph", cap: int = config.HTML_EXPORT_CAP
) -> str:
    """The whole page as a string: at most ``cap`` nodes, with a notice when some are left out.

    Examples
    --------
    >>> from kgraph.graph.sample import sample_graph
    >>> page = render_html(sample_graph(), cap=10)
    >>> "the 10 most connected of 25 nodes" in page, 'id="find"' in page
    (True, True)
    """
    total = G.number_of_nodes()
    keep = kept_nodes(G, cap)
    notice = ""
    if len(keep) < total:
        G = G.subgraph(keep)
        notice = (
            f"Showing the {len(keep):,} most connected of {total:,} nodes (cap {cap:,}); "
            "export GraphML or GEXF for the whole graph."
        )
    summary = f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges"
    legend = " ".join(
        f'<span class="kind" style="background:{colour}">{html.escape(kind)}</span>'
        for kind, colour in KIND_COLORS.items()
    )
    return TEMPLATE.format(
        title=html.escape(title),
        summary=html.escape(summary),
        legend=legend,
        notice=html.escape(notice),
        css=_bundle("vis-network.css"),
        js=_bundle("vis-network.min.js"),
        data=script_json(payload(G)),
    )


def write_html(G: nx.MultiDiGraph, out: Path) -> list[Path]:
    """A page that opens from disk in any browser, with no network."""
    out.write_text(render_html(G), encoding="utf-8")
    return [out]
