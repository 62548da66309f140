"""Running ``kgraph app`` and Debian's Chromium for the browser tests.

The helpers live in :mod:`kgraph.bench.browser`, shared with bench/browser_bench.py and
docs/make_screenshots.py; this adds the pytest mark that skips without Chromium.
"""

from __future__ import annotations

import pytest

from kgraph.bench.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    Guard,
    canvas_box,
    chromium_installed,
    click_canvas_at,
    click_node,
    free_port,
    launch_chromium,
    running_app,
    wait_for_graph,
)

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "Guard",
    "canvas_box",
    "click_canvas_at",
    "click_node",
    "free_port",
    "launch_chromium",
    "needs_chromium",
    "running_app",
    "wait_for_graph",
]

needs_chromium = pytest.mark.skipif(
    not chromium_installed(), reason=f"Debian's Chromium is not installed at {CHROMIUM}"
)
