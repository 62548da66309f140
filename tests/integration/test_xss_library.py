"""Hostile text through the library's HTML paths: the graph view payload and the HTML export.

Here every payload must come out of the library as inert text: escaped in tooltips, unable
to end a script block or open an attribute in the export, and intact when decoded. The
browser side is in tests/browser/: test_browser_xss.py (the app) and test_browser_export.py
(the exported page).
"""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser

from kgraph.view.html_export import render_html
from kgraph.view.payload import layout, view_payload
from tests.support.hostile import PAYLOADS, hostile_graph


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self.scripts.append("")

    def handle_data(self, data):
        if self.tags and self.tags[-1][0] == "script":
            self.scripts[-1] += data


def test_javascript_urls_never_reach_the_store(tmp_path):
    G = hostile_graph(tmp_path)
    urls = [d.get("url", "") for _, d in G.nodes(data=True) if d.get("kind") == "post"]
    assert urls and all(u == "" or u.startswith("https://") for u in urls)


def test_view_payload_tooltips_are_escaped_and_decode_to_the_text(tmp_path):
    G = hostile_graph(tmp_path)
    nodes = list(G.nodes)
    payload = view_payload(G, nodes, layout(G, nodes))
    tooltips = [n["title"] for n in payload["nodes"]]
    for tip in tooltips:
        assert "<" not in tip and ">" not in tip and '"' not in tip and "'" not in tip
    decoded = "\n".join(html.unescape(t) for t in tooltips)
    for p in PAYLOADS:
        assert p.strip() in decoded  # escaped, not dropped
    json.dumps(payload)  # the component ships it as JSON


def test_html_export_runs_no_payload(tmp_path):
    G = hostile_graph(tmp_path)
    page = render_html(G, title="<script>alert('title')</script>")
    parser = _Tags()
    parser.feed(page)
    assert [t for t, _ in parser.tags].count("script") == 3  # data, vis-network, ours
    for tag, attrs in parser.tags:
        assert not any(a.startswith("on") for a in attrs), (tag, attrs)
        assert not any("javascript:" in (v or "").lower() for v in attrs.values()), (tag, attrs)
    # No payload became markup: only the template's own elements exist.
    assert {t for t, _ in parser.tags} <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "div",
        "script",
        "b",  # the header's title, legend, search box and notice
        "span",
        "input",
        "datalist",
    }
    data = json.loads(parser.scripts[0])
    infos = "\n".join(n["info"] + n["label"] for n in data["nodes"])
    for p in PAYLOADS:
        assert p.strip()[:60] in infos  # carried as data, intact
    assert "&lt;script&gt;alert(&#x27;title&#x27;)" in page
