"""Driving the app in Debian's Chromium: the browser tests, the browser bench and the docs' screenshots.

``running_app`` starts ``kgraph app`` on a free port of 127.0.0.1; ``launch_chromium``
starts Chromium with the flags every caller uses; the rest reads and clicks the graph the
page draws (``window.kgraphNetwork``, the vis-network instance, and ``window.kgraphDrawMs``,
set once it is drawn). Playwright is imported only when a browser is launched, so this
module imports with the standard library alone.

>>> CHROMIUM_ARGS[0]
'--no-sandbox'
>>> 0 < free_port() < 65536
True
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
"""Debian's Chromium; Playwright drives it instead of downloading its own browser."""
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DRAWN = "() => window.kgraphNetwork !== undefined && window.kgraphDrawMs !== undefined"
"""A page function that is true once the Explore page's graph is drawn."""


def chromium_installed() -> bool:
    """Whether Debian's Chromium is at :data:`CHROMIUM`."""
    return Path(CHROMIUM).exists()


def launch_chromium(playwright):
    """Debian's Chromium, headless, from a ``sync_playwright()`` context."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_app(db: Path, timeout: float = 60) -> Iterator[str]:
    """``kgraph app --db DB`` on a free port of 127.0.0.1; yields its base URL."""
    port = free_port()
    kgraph = Path(sys.executable).parent / "kgraph"
    proc = subprocess.Popen(
        [str(kgraph), "app", "--db", str(db), "--port", str(port), "--host", "127.0.0.1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    out = proc.stdout.read().decode() if proc.stdout else ""
                    raise RuntimeError(f"kgraph app did not start:\n{out}") from None
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


class Guard:
    """Collects what must not happen: console errors, page errors, foreign requests, dialogs."""

    def __init__(self, page):
        self.problems: list[str] = []
        page.on(
            "console",
            lambda m: m.type == "error" and self.problems.append(f"console error: {m.text}"),
        )
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("request", self._request)
        page.on("dialog", self._dialog)
        page.on(
            "response",
            lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"),
        )

    def _request(self, request) -> None:
        host = urlsplit(request.url).hostname
        if request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            return
        self.problems.append(f"request to another host: {request.url}")

    def _dialog(self, dialog) -> None:
        self.problems.append(f"dialog opened: {dialog.type} {dialog.message}")
        dialog.dismiss()


def wait_for_graph(page, timeout: float = 30_000) -> None:
    """Block until the page's graph is drawn (``timeout`` in milliseconds)."""
    page.wait_for_function(DRAWN, timeout=timeout)


def graph_info(page) -> dict:
    """The drawn graph: its draw time in ms and its node and edge counts."""
    return page.evaluate(
        "() => ({draw_ms: window.kgraphDrawMs,"
        " nodes: window.kgraphNetwork.body.data.nodes.length,"
        " edges: window.kgraphNetwork.body.data.edges.length})"
    )


def node_label(page, node_id: str) -> str:
    """The label the graph shows for ``node_id`` (its full name, ``kgLabel``, when drawn shortened)."""
    return page.evaluate(
        "(id) => { const n = window.kgraphNetwork.body.data.nodes.get(id);"
        " return n.kgLabel || n.label; }",
        node_id,
    )


def canvas_box(page) -> dict:
    """The graph canvas's bounding box on the page."""
    return page.locator(".kg-graph canvas").first.bounding_box()


def click_canvas_at(page, canvas_xy: dict) -> None:
    """Click a point given in the network's canvas coordinates."""
    dom = page.evaluate("(p) => window.kgraphNetwork.canvasToDOM(p)", canvas_xy)
    box = canvas_box(page)
    page.mouse.click(box["x"] + dom["x"], box["y"] + dom["y"])


def click_node(page, node_id: str) -> None:
    """Zoom onto ``node_id`` (so nothing overlaps it) and click it on the canvas."""
    pos = page.evaluate(
        """(id) => { const n = window.kgraphNetwork;
                     n.moveTo({position: n.getPositions([id])[id], scale: 2.5});
                     return n.getPositions([id])[id]; }""",
        node_id,
    )
    page.wait_for_timeout(100)
    click_canvas_at(page, pos)
