"""Explore in a real browser: Debian's Chromium against `kgraph app` on 127.0.0.1.

Every test fails on a console error, a page error, a dialog, or a request to any host
other than 127.0.0.1 (the app must work with the network cable pulled).
"""

from __future__ import annotations

import pytest

from kgraph import api
from tests.support.browser_support import (
    Guard,
    click_canvas_at,
    click_node,
    needs_chromium,
    running_app,
    wait_for_graph,
)

# The store is built from the shipped corpus by the real pipeline: what a newcomer sees.
pytestmark = [pytest.mark.browser, pytest.mark.model, needs_chromium]

LAKEBASE_POST = "Zero-Downtime Patching in Lakebase Part 1: Prewarming"


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "kgraph.db"
    api.build(db=db)
    with running_app(db) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    guard = Guard(page)
    yield page
    context.close()
    assert not guard.problems, guard.problems


def test_explore_loads_and_draws_the_graph(page, app_url):
    page.goto(app_url)
    wait_for_graph(page)
    labels = page.evaluate("() => window.kgraphNetwork.body.data.nodes.get().map(n => n.kgLabel)")
    assert "prewarming" in labels and "Kubernetes" in labels
    page.get_by_text("Search entities, aliases and posts").wait_for()


def test_click_prewarming_shows_the_lakebase_post(page, app_url):
    page.goto(app_url)
    wait_for_graph(page)
    click_node(page, "CONCEPT:prewarming")
    panel = page.locator(".kg-related")
    panel.get_by_text(LAKEBASE_POST).first.wait_for(timeout=10_000)
    assert panel.locator("mark").first.inner_text().lower() == "prewarming"


def test_click_an_edge_shows_its_evidence(page, app_url):
    page.goto(f"{app_url}/?entity=prewarming")
    wait_for_graph(page)
    # A link backed by posts at a point no node or label covers, zoomed in to hit it easily.
    hit = page.evaluate(
        """() => { const n = window.kgraphNetwork;
                   const edges = n.body.data.edges.get()
                     .filter(e => ['related', 'mentions'].includes(e.kgType));
                   for (const e of edges) for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
                     const p = n.getPositions([e.from, e.to]);
                     const at = {x: p[e.from].x + t * (p[e.to].x - p[e.from].x),
                                 y: p[e.from].y + t * (p[e.to].y - p[e.from].y)};
                     n.moveTo({position: at, scale: 2});
                     const dom = n.canvasToDOM(at);
                     if (n.getNodeAt(dom) === undefined && n.getEdgeAt(dom) === e.id)
                       return {at, labels: [e.from, e.to].map(id => n.body.data.nodes.get(id).kgLabel)};
                   }
                   return null; }"""
    )
    assert hit is not None, "no link could be clicked clear of nodes"
    page.wait_for_timeout(100)
    click_canvas_at(page, hit["at"])
    edge_panel = page.locator(".kg-edge")
    edge_panel.locator("blockquote").first.wait_for(timeout=10_000)
    heading = page.get_by_text("↔").first.inner_text()
    assert all(label in heading for label in hit["labels"] if len(label) < 40)


def test_entity_deep_link_shows_the_salesforce_post(page, app_url):
    page.goto(f"{app_url}/?entity=Kubernetes")
    wait_for_graph(page)
    page.locator(".kg-related").get_by_text(
        "How Data 360 Optimized Kubernetes Scheduling"
    ).first.wait_for(timeout=10_000)
    selected = page.evaluate("() => window.kgraphNetwork.getSelectedNodes()")
    assert selected == ["TECHNOLOGY:Kubernetes"]


def test_double_click_expands(page, app_url):
    page.goto(f"{app_url}/?entity=prewarming")
    wait_for_graph(page)
    before = page.evaluate("() => window.kgraphNetwork.body.data.nodes.length")
    other = "TECHNOLOGY:Lakebase"  # its neighbourhood adds Databricks to prewarming's
    pos = page.evaluate(
        """(id) => { const n = window.kgraphNetwork;
                     n.moveTo({position: n.getPositions([id])[id], scale: 2.5});
                     return n.getPositions([id])[id]; }""",
        other,
    )
    page.wait_for_timeout(100)
    dom = page.evaluate("(p) => window.kgraphNetwork.canvasToDOM(p)", pos)
    box = page.locator(".kg-graph canvas").first.bounding_box()
    page.mouse.dblclick(box["x"] + dom["x"], box["y"] + dom["y"])
    page.wait_for_function(
        f"() => window.kgraphNetwork.body.data.nodes.length > {before}", timeout=10_000
    )
