"""The benchmark behind ``kgraph bench``: a synthetic corpus generator and a staged runner."""

from kgraph.bench.generator import generate_posts, write_jsonl

__all__ = ["generate_posts", "write_jsonl"]
