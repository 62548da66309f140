"""The sample corpus of :mod:`kgraph.graph.sample` plus one hostile post, for the graph,
analysis and export tests.

The hostile post carries quotes, backslashes, ``</script>``, newlines and unicode into
every export.
"""

from __future__ import annotations

from kgraph.graph.construct import build_graph
from kgraph.graph.sample import SAMPLE_POSTS, sample_ontology, sample_snapshot
from kgraph.model import Snapshot
from kgraph.ontology import Ontology

HOSTILE_TITLE = 'He said "hi" \\ it\'s <script>alert(1)</script>\n& “naïve” k8s 🚀'

HOSTILE = [
    (
        "hostile",
        HOSTILE_TITLE,
        'Ends a script: </script><img src=x onerror=alert(1)> and "HA" with k8s.\nNew line.',
        "javascript:alert(1)",
        "2022-02-02",
        [("k8s", "TECHNOLOGY", "Kubernetes"), ("HA", "CONCEPT", "high availability")],
    ),
]
POSTS = [*SAMPLE_POSTS, *HOSTILE]


def ontology() -> Ontology:
    return sample_ontology()


def snapshot() -> Snapshot:
    return sample_snapshot(HOSTILE)


def graph():
    return build_graph(snapshot(), ontology())
