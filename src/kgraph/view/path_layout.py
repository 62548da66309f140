"""The Paths page's layout: the path read like text, its evidence posts beside each hop.

A force layout of a path's few nodes scatters them: hops cross, and the names the page must
always show (every node of the path) collide. Here the path runs left to right in rows of
:data:`PER_ROW`, each row turning back under the last (a snake, so consecutive nodes stay
side by side), and each hop's post sits just off the middle of its link.
"""

from __future__ import annotations

__all__ = ["PER_ROW", "path_layout"]

PER_ROW = 3
"""Path nodes per row: three names of up to ~25 characters fit a 1400-px window's canvas."""
STEP_X = 300.0
"""World units between two nodes of a row (the browser fits the view to the canvas)."""
STEP_Y = 190.0
"""World units between two rows."""
POST_OFFSET = 0.32
"""How far a post sits above a link along a row, as a share of the step between rows."""
TURN_OFFSET = 0.45
"""How far a post sits outside a link that turns down to the next row, as a share of the step
along a row. Its name is drawn centred under it: at a third of the step, a 32-character
title ran across the bold link beside it."""


def path_layout(view: dict, chain: list[str], hop_posts: list[str | None]) -> dict:
    """A copy of the payload ``view`` with the path ``chain`` and its posts laid out.

    ``hop_posts[i]`` is the post behind the hop ``chain[i] → chain[i + 1]`` (or None). A
    post behind several hops sits by the first. Nodes that are neither keep their position.
    ``view`` is not changed (the app shares cached payloads between reruns); the copy's
    ``sig`` says it was laid out this way.

    Examples
    --------
    >>> view = {"nodes": [{"id": i, "x": 0, "y": 0} for i in "abcdp"], "edges": [], "sig": "s"}
    >>> out = path_layout(view, ["a", "b", "c", "d"], ["p", None, None])
    >>> {n["id"]: (n["x"], n["y"]) for n in out["nodes"]}
    {'a': (0.0, 0.0), 'b': (300.0, 0.0), 'c': (600.0, 0.0), 'd': (600.0, 190.0), 'p': (150.0, -60.8)}
    >>> out["sig"], view["nodes"][1]["x"]
    ('s:path', 0)
    """
    at: dict[str, tuple[float, float]] = {}
    for i, node in enumerate(chain):
        at.setdefault(node, _slot(i))
    for i, post in enumerate(hop_posts[: max(0, len(chain) - 1)]):
        if post is None or post in at:
            continue
        (x1, y1), (x2, y2) = _slot(i), _slot(i + 1)
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        if y1 == y2:  # along a row: above the link
            at[post] = (mx, my - POST_OFFSET * STEP_Y)
        else:  # down to the next row: outside the turn
            at[post] = (mx + (TURN_OFFSET * STEP_X if x1 > 0 else -TURN_OFFSET * STEP_X), my)
    nodes = [
        {**n, "x": round(at[n["id"]][0], 1), "y": round(at[n["id"]][1], 1)} if n["id"] in at else n
        for n in view["nodes"]
    ]
    out = {**view, "nodes": nodes}
    if "sig" in view:
        out["sig"] = f"{view['sig']}:path"
    return out


def _slot(i: int) -> tuple[float, float]:
    """Where the ``i``-th node of the path goes: rows of PER_ROW, every other row reversed."""
    row, col = divmod(i, PER_ROW)
    if row % 2:
        col = PER_ROW - 1 - col
    return (col * STEP_X, row * STEP_Y)
