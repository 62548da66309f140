"""Where extraction runs: in this process (``local``) or on a Dask cluster (``dask``).

Each engine takes the posts that missed the cache and yields ``(post, mentions)`` pairs;
the build writes them to the store on the client, so every engine gives the same store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kgraph.errors import KgraphError
from kgraph.model import Mention, Post

Progress = Callable[[int], None]


def run_local(
    extractor,
    posts: list[Post],
    *,
    batch_size: int = 256,
    n_process: int = 1,
    progress: Progress | None = None,
    **_,
) -> Iterator[tuple[Post, list[Mention]]]:
    """Extract in this process with ``nlp.pipe`` batching."""
    for post, mentions in zip(
        posts, extractor.extract(posts, batch_size=batch_size, n_process=n_process), strict=True
    ):
        if progress:
            progress(1)
        yield post, mentions


def get_engine(name: str) -> Callable[..., Iterator[tuple[Post, list[Mention]]]]:
    if name == "local":
        return run_local
    if name == "dask":
        try:
            from kgraph.dask_engine import run_dask
        except ImportError as exc:
            raise KgraphError(
                f"The dask engine needs Dask: pip install 'kgraph[dask]' ({exc})."
            ) from None
        return run_dask
    raise KgraphError(f"Unknown engine {name!r}; use 'local' or 'dask'.")
