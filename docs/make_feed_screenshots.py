"""Take docs/whats-new.png, docs/rising.png and docs/sparkline.png in Chromium.

Builds a store with the real pipeline from 50 feeds served on 127.0.0.1
(tests/support/feedserver.py), lets three feeds publish a post, refreshes, and opens the app.

Usage: KGRAPH_ALLOW_PRIVATE_URLS=1 PYTHONPATH=src:. .venv/bin/python docs/make_feed_screenshots.py
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kgraph import api, config
from kgraph.bench.browser import launch_chromium, running_app, wait_for_graph
from tests.support.feedserver import FeedServer

DOCS = config.ROOT / "docs"


def main() -> None:
    from playwright.sync_api import sync_playwright

    os.environ["KGRAPH_ALLOW_PRIVATE_URLS"] = "1"
    with tempfile.TemporaryDirectory() as tmp, FeedServer(n_feeds=50, delay=0) as server:
        db = Path(tmp) / "feeds.db"
        api.build([server.opml_url], db=db)
        for feed in (7, 21, 42):
            server.add_item(feed)
        print(api.refresh(db))
        with running_app(db) as url, sync_playwright() as p:
            browser = launch_chromium(p)
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            page.goto(url)
            wait_for_graph(page, timeout=300_000)
            page.get_by_text("What's new:").first.wait_for()
            page.wait_for_timeout(800)
            page.screenshot(path=str(DOCS / "whats-new.png"))
            page.get_by_role("button", name="Kubernetes (+3)").first.click()
            page.get_by_text("Posts per month,").first.wait_for()
            page.wait_for_timeout(1500)
            page.screenshot(path=str(DOCS / "sparkline.png"))
            page.goto(f"{url}/insights")
            page.get_by_role("tab", name="Rising").click()
            page.get_by_text("Recent:").first.wait_for()
            page.wait_for_timeout(1500)
            page.screenshot(path=str(DOCS / "rising.png"))
            browser.close()


if __name__ == "__main__":
    main()
