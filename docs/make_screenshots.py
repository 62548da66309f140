"""Take the docs' screenshots, and time landing and clicks, in Chromium.

Usage: .venv/bin/python docs/make_screenshots.py [--db data/kgraph.db] [--learner-db DB]
Prints: landing -> graph drawn, and click -> related posts visible (p50 of 10 clicks).
Takes docs/explore.png and docs/entity-panel.png from ``--db``; with ``--learner-db`` (a
store of data/gold/*.jsonl: ``kgraph build data/gold/*.jsonl --db DB``) also
docs/reading-path.png, docs/post-panel.png, docs/path.png and docs/glossary.png.
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
    parser.add_argument("--learner-db", default=None)
    args = parser.parse_args()
    if args.learner_db:
        learner_shots(Path(args.learner_db))
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


def learner_shots(db: Path) -> None:
    """A concept's reading path, a post panel, a path and the Glossary, as a user sees them."""
    from playwright.sync_api import sync_playwright

    docs = DOCS
    with running_app(db) as url, sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{url}/?entity=sharding")
        wait_for_graph(page, timeout=300_000)
        heading = page.get_by_role("heading", name="Reading path")
        heading.wait_for()
        page.wait_for_timeout(1000)
        heading.evaluate("(h) => h.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(500)
        page.screenshot(path=str(docs / "reading-path.png"))
        page.goto(
            f"{url}/?entity=Shopify%E2%80%99s%20Journey%20to%20Horizontal%20Sharding%20of%20MySQL"
        )
        wait_for_graph(page, timeout=300_000)
        page.get_by_text("Read next", exact=True).wait_for()
        page.wait_for_timeout(1000)
        page.get_by_text("Similar posts", exact=True).evaluate(
            "(h) => h.scrollIntoView({block: 'center'})"
        )
        page.wait_for_timeout(500)
        page.screenshot(path=str(docs / "post-panel.png"))
        page.goto(url)
        wait_for_graph(page, timeout=300_000)
        page.get_by_role("link", name="Paths").first.click()
        for label, name in (("From", "LSM tree (concept)"), ("To", "Apache Kafka (technology)")):
            page.get_by_label(label, exact=True).click()
            page.keyboard.type(name)
            page.get_by_role("option", name=name, exact=True).click()
        page.wait_for_function("() => location.search.includes('to=')")
        page.locator("blockquote mark").first.wait_for()
        page.wait_for_timeout(2500)
        page.screenshot(path=str(docs / "path.png"))
        page.get_by_role("link", name="Glossary").first.click()
        page.get_by_role("heading", name="Glossary").wait_for()
        page.get_by_label("Filter terms").fill("shard")
        page.get_by_label("Filter terms").press("Enter")
        page.wait_for_timeout(2000)
        page.screenshot(path=str(docs / "glossary.png"))
        browser.close()


if __name__ == "__main__":
    main()
