"""Hostile text through the library's HTML paths: the graph view payload and the HTML export.

The browser side (the app in Chromium) is tests/test_browser_xss.py; here every payload
must come out of the library as inert text: escaped in tooltips, unable to end a script
block or open an attribute in the export, and intact when decoded.
"""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, needs_chromium

from kgraph import api
from kgraph.graph import build_graph
from kgraph.view.html_export import render_html
from kgraph.view.payload import layout, view_payload
from kgraph.model import Mention

PAYLOADS = [
    "<script>window.__xss=1;alert(1)</script>",
    '<img src=x onerror="window.__xss=2;alert(2)">',
    "\"'><svg onload=alert(3)>",
    "</script><script>alert(4)</script>",
    "javascript:alert(5)",
    "<a href='javascript:alert(6)'>x</a>",
    "</SCRIPT ><!--<script>",
    "\u2028alert(7)\u2029",
    "${alert(8)}{{constructor.constructor('alert(9)')()}}",
    "&lt;script&gt;alert(10)&lt;/script&gt;",
    "<iframe srcdoc='<script>alert(11)</script>'>",
    "<style>*{background:url(javascript:alert(12))}</style>",
]


class HostileNames:
    """Every post mentions an entity whose name is the payload itself."""

    version = "hostile-1"
    warnings = ()

    def extract(self, posts, batch_size=256, n_process=1):
        for post in posts:
            name = post.summary
            yield [
                Mention(
                    post.id, name, "TECHNOLOGY", name, "summary", 0, len(name), name, "rule", 0.5
                )
            ]


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


def _graph(tmp_path):
    corpus = tmp_path / "hostile.jsonl"
    corpus.write_text(
        "\n".join(
            json.dumps(
                {
                    "id": f"x{i}",
                    "title": f"Post {i} {p}",
                    "summary": p,
                    "source": p,
                    "url": "javascript:alert(0)" if i % 2 else f"https://e.com/?q={p}",
                }
            )
            for i, p in enumerate(PAYLOADS)
        ),
        encoding="utf-8",
    )
    db = tmp_path / "kgraph.db"
    api.build([corpus], db=db, extractor=HostileNames())
    return build_graph(api.load_snapshot(db))


def test_javascript_urls_never_reach_the_store(tmp_path):
    G = _graph(tmp_path)
    urls = [d.get("url", "") for _, d in G.nodes(data=True) if d.get("kind") == "post"]
    assert urls and all(u == "" or u.startswith("https://") for u in urls)


def test_view_payload_tooltips_are_escaped_and_decode_to_the_text(tmp_path):
    G = _graph(tmp_path)
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
    G = _graph(tmp_path)
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


@pytest.mark.browser
@needs_chromium
def test_html_export_runs_nothing_in_chromium(tmp_path):
    """The exported page in a real browser: tooltips shown, no dialog, no injected script."""
    from playwright.sync_api import sync_playwright

    out = tmp_path / "graph.html"
    out.write_text(render_html(_graph(tmp_path), title=PAYLOADS[1]), encoding="utf-8")
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1000, "height": 800})
        page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.goto(out.as_uri())
        page.locator("#graph canvas").wait_for(timeout=20_000)
        page.wait_for_timeout(1500)  # let the layout settle
        for x in range(20, 1000, 45):  # sweep the canvas so node tooltips get built
            for y in range(60, 800, 45):
                page.mouse.move(x, y)
        page.wait_for_timeout(300)
        ran = page.evaluate("() => window.__xss")
        injected = page.evaluate(
            "() => document.querySelectorAll('img, svg, iframe, a[href^=javascript]').length"
        )
        browser.close()
    assert ran is None and injected == 0
    assert not problems, problems
