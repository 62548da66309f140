"""Take docs/explore.png and docs/entity-panel.png, and time landing and clicks, in Chromium.

Usage: .venv/bin/python docs/make_screenshots.py [--db data/kgraph.db]
Prints: landing -> graph drawn, and click -> related posts visible (p50 of 10 clicks).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from kgraph import config
from kgraph.bench.browser import (
    click_node,
    launch_chromium,
    node_label,
    running_app,
    wait_for_graph,
)

DOCS = config.ROOT / "docs"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=str(config.DEFAULT_DB))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with running_app(Path(args.db)) as url, sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        page.goto(url)  # warm the server's caches once
        wait_for_graph(page, timeout=300_000)
        started = time.perf_counter()
        page.goto(url)
        wait_for_graph(page, timeout=300_000)
        landing = time.perf_counter() - started
        page.wait_for_timeout(500)
        page.screenshot(path=str(DOCS / "explore.png"))
        clicks = []
        for node in ["CONCEPT:prewarming", "TECHNOLOGY:Kubernetes"] * 5:
            page.wait_for_timeout(700)  # two clicks on one spot within 500 ms are a double-click
            label = node_label(page, node)
            t = time.perf_counter()
            click_node(page, node)
            page.locator(".kg-related").first.wait_for()
            page.get_by_role("heading", name=label).first.wait_for()
            clicks.append(time.perf_counter() - t)
        page.evaluate("() => window.kgraphNetwork.fit()")
        click_node(page, "CONCEPT:prewarming")
        page.get_by_role("heading", name="prewarming").first.wait_for()
        page.evaluate("() => window.kgraphNetwork.fit()")
        page.wait_for_timeout(500)
        page.screenshot(path=str(DOCS / "entity-panel.png"))
        browser.close()
    print(f"landing -> graph drawn: {landing:.2f} s")
    print(
        f"click -> related posts visible: p50 {statistics.median(clicks) * 1000:.0f} ms "
        f"(includes the 100 ms zoom pause of the test helper)"
    )


if __name__ == "__main__":
    main()
