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

from kgraph.errors import KgraphError
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
header{{height:2.5em;line-height:2.5em;padding:0 1em;background:#f4f4f4}}</style>
</head>
<body>
<header>{title} &middot; {summary}</header>
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
  new vis.Network(document.getElementById("graph"), {{nodes: nodes, edges: edges}}, {{
    physics: {{stabilization: {{iterations: 200}}, barnesHut: {{gravitationalConstant: -4000}}}},
    interaction: {{hover: true, tooltipDelay: 100}},
    edges: {{arrows: {{to: {{enabled: true, scaleFactor: 0.4}}}}, smooth: false}}
  }});
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


def _info(d: dict) -> str:
    lines = [f"{d['label']} ({d['kind']})"]
    if d.get("definition"):
        lines.append(d["definition"])
    if d["kind"] == "post":
        lines += [d.get("url", ""), d.get("summary", "")[:300]]
    else:
        lines.append(f"{d.get('post_count', 0)} post(s)")
    return "\n".join(x for x in lines if x)


def payload(G: nx.MultiDiGraph) -> dict:
    nodes = [
        {
            "id": n,
            "label": d["label"][:60],
            "group": d["kind"],
            "info": _info(d),
            "color": KIND_COLORS.get(d["kind"], FALLBACK_COLOR),
            "shape": "dot",
            "value": max(1, d.get("post_count", 1)),
        }
        for n, d in G.nodes(data=True)
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


def render_html(G: nx.MultiDiGraph, title: str = "kgraph") -> str:
    """The whole page as a string."""
    summary = f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges"
    return TEMPLATE.format(
        title=html.escape(title),
        summary=html.escape(summary),
        css=_bundle("vis-network.css"),
        js=_bundle("vis-network.min.js"),
        data=script_json(payload(G)),
    )


def write_html(G: nx.MultiDiGraph, out: Path) -> list[Path]:
    """A page that opens from disk in any browser, with no network."""
    out.write_text(render_html(G), encoding="utf-8")
    return [out]
