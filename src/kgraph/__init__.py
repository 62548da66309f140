"""kgraph: a knowledge-graph explorer of engineering writing."""

__version__ = "0.1.0"
