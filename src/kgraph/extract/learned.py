"""A small logistic model over named features, for the decisions rules decide badly.

Rules written from one set's errors carry poorly to text nobody here has read; weights fitted
on many real sets, over general features (the words between two names, a head noun's suffix,
a cue before a name), carry better. A model is a JSON file of feature weights, read without
spaCy or NumPy, so scoring a candidate costs a few dictionary lookups.

Features are strings ("between=written_in", "head_suffix=ing"); a row is the set of features
that hold for one candidate. Fitting is L2-regularised logistic regression by SciPy's L-BFGS,
deterministic for the same rows, and the weights are rounded so a refit writes the same bytes.

>>> rows = [(["cue=at"], 1), (["cue=in"], 0), (["cue=of"], 0)] * 5
>>> model = fit(rows, threshold=0.5)
>>> model.accepts(["cue=at"]), model.accepts(["cue=in"]), model.accepts(["cue=unseen"])
(True, False, False)
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

DIGITS = 4
"""Weights are rounded to this many decimals: a refit writes the same file."""


@dataclass(frozen=True)
class LinearModel:
    """Weights of named features, a bias and the probability a candidate must reach."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: Iterable[str]) -> float:
        if not isinstance(features, (set, frozenset)):
            features = set(features)
        # Summed exactly (fsum), so the sum does not depend on the set's order.
        weights = self.weights
        z = self.bias + math.fsum([weights[f] for f in features if f in weights])
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def accepts(self, features: Iterable[str]) -> bool:
        return self.probability(features) >= self.threshold

    def to_json(self) -> str:
        body = {"bias": self.bias, "threshold": self.threshold, "weights": self.weights}
        return json.dumps(body, indent=0, sort_keys=True, ensure_ascii=False) + "\n"

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(self.to_json(), encoding="utf-8")
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        body = json.loads(path.read_text(encoding="utf-8"))
        return cls(dict(body["weights"]), float(body["bias"]), float(body["threshold"]))


def fit(
    rows: Sequence[tuple[Iterable[str], int]],
    *,
    l2: float = 1.0,
    min_count: int = 2,
    threshold: float = 0.5,
) -> LinearModel:
    """Fit weights to ``rows`` of (features, label 0/1).

    A feature seen in fewer than ``min_count`` rows gets no weight: one example says nothing
    about the field. ``l2`` pulls every weight towards zero, so a rare feature cannot outweigh
    a common one.
    """
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    feature_sets = [sorted(set(features)) for features, _ in rows]
    counts = Counter(f for fs in feature_sets for f in fs)
    names = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(names)}
    indptr, cols = [0], []
    for fs in feature_sets:
        cols.extend(index[f] for f in fs if f in index)
        indptr.append(len(cols))
    x = csr_matrix((np.ones(len(cols)), cols, indptr), shape=(len(rows), len(names)))
    y = np.array([float(label) for _, label in rows])

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        nll = np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * float(w @ w)
        residual = p - y
        grad = np.append(x.T @ residual + l2 * w, residual.sum())
        return float(nll), grad

    result = minimize(loss, np.zeros(len(names) + 1), jac=True, method="L-BFGS-B")
    w, b = result.x[:-1], result.x[-1]
    weights = {
        f: round(float(v), DIGITS) for f, v in zip(names, w, strict=True) if round(float(v), DIGITS)
    }
    return LinearModel(weights, round(float(b), DIGITS), threshold)
