"""Hostile text in Chromium: titles, summaries, names and URLs that try to run script.

Every payload would set ``window.__xss`` or open a dialog if it ran; the guard fails the
test on any dialog, console error or foreign request.
"""

from __future__ import annotations

import json

import pytest

from tests.support.browser_support import (
    Guard,
    click_node,
    launch_chromium,
    needs_chromium,
    running_app,
    wait_for_graph,
)
from tests.support.fake_extractor import FakeExtractor
from tests.support.ui_fixtures import make_store

pytestmark = [pytest.mark.browser, needs_chromium]

PAYLOADS = [
    "<script>window.__xss=1;alert(1)</script>",
    '<img src=x onerror="window.__xss=2;alert(2)">',
    "\"'><svg onload=alert(3)>",
    "</script><script>alert(4)</script>",
    "[click](javascript:alert(5))",
    '<a href="javascript:alert(6)">x</a>',
]
HOSTILE_NAME = "Evil<img src=x onerror=alert(7)>DB"


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("xss")
    corpus = tmp / "hostile.jsonl"
    corpus.write_text(
        "\n".join(
            json.dumps(
                {
                    "id": f"x{i}",
                    "title": f"Kubernetes {p} post {i}",
                    "summary": f"We run Kubernetes and EvilDB at scale. {p}",
                    "url": "javascript:alert(8)" if i % 2 else f'https://example.com/{i}?q="><b>',
                    "source": p,
                }
            )
            for i, p in enumerate(PAYLOADS)
        ),
        encoding="utf-8",
    )
    extractor = FakeExtractor(
        "vocab",
        vocab=[("TECHNOLOGY", "Kubernetes"), ("TECHNOLOGY", HOSTILE_NAME)],
        surface={HOSTILE_NAME: "EvilDB"},
    )
    db = make_store(tmp / "kgraph.db", [corpus], extractor=extractor)
    with running_app(db) as url:
        yield url


def test_hostile_text_runs_nothing(hostile_app):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        guard = Guard(page)
        page.goto(f"{hostile_app}/?entity=Kubernetes")
        wait_for_graph(page)
        page.locator(".kg-related").first.wait_for(timeout=10_000)
        # Hover every node so its tooltip is built, then open the hostile entity.
        ids = page.evaluate("() => window.kgraphNetwork.body.data.nodes.getIds()")
        for node in ids:
            click_node(page, node)
            page.wait_for_timeout(300)
        # Through the navigation: a direct load of /posts makes Streamlit probe
        # /posts/_stcore/health (a 404 of its own) before it finds the server.
        for title in ("Posts", "Paths", "Insights", "Glossary"):
            page.get_by_role("link", name=title).first.click()
            page.get_by_role("heading", name=title).wait_for(timeout=10_000)
            page.wait_for_timeout(500)
        ran = page.evaluate("() => window.__xss")
        hrefs = page.evaluate("() => [...document.querySelectorAll('a')].map(a => a.href)")
        browser.close()
    assert ran is None
    assert not [h for h in hrefs if h.lower().startswith("javascript:")]
    assert not guard.problems, guard.problems
