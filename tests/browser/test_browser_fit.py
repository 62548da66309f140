"""Every view opens with its circles and names whole inside the canvas, in Chromium.

A name that runs off the canvas's edge reads as another word ("container orchestratio"), and
one under the legend or the zoom buttons cannot be read at all. Measured on the boxes vis
itself draws (the circle, and the label's text box once drawn), in screen pixels, at the zoom
each view opens with on the shipped corpus, in a 1400 x 900 window and after the window
narrows.
"""

from __future__ import annotations

import pytest

from tests.support.browser_support import (
    wait_for_graph,
)

pytestmark = [pytest.mark.browser, pytest.mark.model, pytest.mark.slow]

# For each drawn node: its circle and (when named) its label box, as vis drew them, in
# pixels of the canvas; and the legend's and buttons' boxes in the same pixels.
BOXES = """() => {
  const net = window.kgraphNetwork, frame = net.body.container;
  const origin = frame.getBoundingClientRect();
  const px = (l, t, r, b) => {
    const a = net.canvasToDOM({x: l, y: t}), c = net.canvasToDOM({x: r, y: b});
    return {l: a.x, t: a.y, r: c.x, b: c.y};
  };
  const nodes = [];
  for (const id of net.body.data.nodes.getIds()) {
    const n = net.body.nodes[id];
    if (!n) continue;
    const s = n.options.size || 10;
    const item = {id, circle: px(n.x - s, n.y - s, n.x + s, n.y + s), label: null};
    if (n.options.label) {
      const z = n.labelModule.size;
      item.label = px(z.left, z.top, z.left + z.width, z.top + z.height);
      item.text = n.options.label;
    }
    nodes.push(item);
  }
  const overlays = [...frame.parentElement.querySelectorAll('.kg-legend, .kg-tools')]
    .map(el => el.getBoundingClientRect())
    .map(r => ({l: r.left - origin.left - frame.clientLeft, t: r.top - origin.top - frame.clientTop,
                r: r.right - origin.left - frame.clientLeft, b: r.bottom - origin.top - frame.clientTop}));
  return {w: frame.clientWidth, h: frame.clientHeight, nodes, overlays};
}"""


def _settled(page) -> dict:
    wait_for_graph(page, timeout=90_000)
    page.wait_for_function("() => window.kgraphNetwork.body.container.dataset.ready === '1'")
    page.wait_for_timeout(1200)  # Streamlit may resize the canvas after the first frame
    return page.evaluate(BOXES)


def _hits(a: dict, b: dict) -> bool:
    return a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]


def _problems(m: dict) -> list[str]:
    """Circles or names not whole inside the canvas, or under the legend or the buttons."""
    out = []
    for n in m["nodes"]:
        for what, box in (("circle", n["circle"]), (repr(n.get("text")), n["label"])):
            if box is None:
                continue
            where = f"{n['id']} {what} [{box['l']:.0f}, {box['r']:.0f}] x [{box['t']:.0f}, "
            where += f"{box['b']:.0f}]"
            off = min(box["l"], box["t"], m["w"] - box["r"], m["h"] - box["b"])
            if off < -0.5:
                out.append(f"{where} runs off the {m['w']} x {m['h']} canvas")
            elif any(_hits(box, o) for o in m["overlays"]):
                out.append(f"{where} lies under the legend or the buttons")
    return out


def test_problems_sees_a_name_cut_at_the_right_edge():
    m = {
        "w": 884,
        "h": 640,
        "overlays": [{"l": 8, "t": 8, "r": 260, "b": 32}],
        "nodes": [
            {
                "id": "CONCEPT:container orchestration",
                "text": "container orchestration",
                "circle": {"l": 810, "t": 40, "r": 838, "b": 68},
                "label": {"l": 766, "t": 72, "r": 893, "b": 86},
            },
            {"id": "x", "circle": {"l": 20, "t": 20, "r": 40, "b": 40}, "label": None},
        ],
    }
    found = _problems(m)
    assert len(found) == 2, found
    assert "runs off" in found[0] and "under the legend" in found[1], found


@pytest.mark.parametrize(
    "view",
    [
        "/",
        "/?entity=Kubernetes",
        "/?entity=Airbnb",
        "/?entity=sharding",
        "/?entity=prewarming",
        "/?entity=Databricks",
    ],
)
def test_every_circle_and_name_opens_inside_the_canvas(page, shipped, view):
    page.goto(shipped + view)
    m = _settled(page)
    named = [n for n in m["nodes"] if n["label"]]
    assert named, m
    assert _problems(m) == []
    if view != "/":  # a small view names every node
        assert len(named) == len(m["nodes"]), [n["id"] for n in m["nodes"] if not n["label"]]


def test_the_path_view_opens_inside_the_canvas(page, shipped):
    page.goto(shipped)
    wait_for_graph(page)
    page.get_by_role("link", name="Paths").first.click()
    page.get_by_role("heading", name="Paths").wait_for(timeout=15_000)
    # (A direct load of /paths makes Streamlit probe /paths/_stcore/health, a 404 of its own.)
    for label, name in (("From", "Cloudflare (company)"), ("To", "Kubernetes (technology)")):
        page.get_by_label(label, exact=True).click()
        page.keyboard.type(name)
        page.get_by_role("option", name=name, exact=True).click()
    page.wait_for_function(
        "() => window.kgraphNetwork.body.data.nodes.get('TECHNOLOGY:Kubernetes')"
        " && window.kgraphNetwork.body.data.nodes.length < 20",
        timeout=15_000,
    )
    m = _settled(page)
    assert len([n for n in m["nodes"] if n["label"]]) == len(m["nodes"]), m
    assert _problems(m) == []


def test_a_narrower_window_refits_the_view(page, shipped):
    """Until the reader moves the view, a resized canvas is fitted again."""
    page.goto(shipped + "/?entity=Kubernetes")
    _settled(page)
    page.set_viewport_size({"width": 1000, "height": 900})
    page.wait_for_timeout(1500)
    m = page.evaluate(BOXES)
    assert _problems(m) == []
    assert all(n["label"] for n in m["nodes"]), [n["id"] for n in m["nodes"] if not n["label"]]
