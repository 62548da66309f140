"""The HTML export of hostile text in Chromium: tooltips shown, no dialog, no injected script.

The library side (escaping in the payload and the export's markup) is
tests/integration/test_xss_library.py.
"""

from __future__ import annotations

import pytest

from kgraph.view.html_export import render_html
from tests.support.browser_support import launch_chromium, needs_chromium
from tests.support.hostile import PAYLOADS, hostile_graph

pytestmark = [pytest.mark.browser, needs_chromium]


def test_html_export_runs_nothing_in_chromium(tmp_path):
    """The exported page in a real browser: tooltips shown, no dialog, no injected script."""
    from playwright.sync_api import sync_playwright

    out = tmp_path / "graph.html"
    out.write_text(render_html(hostile_graph(tmp_path), title=PAYLOADS[1]), encoding="utf-8")
    problems: list[str] = []
    with sync_playwright() as p:
        browser = launch_chromium(p)
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
