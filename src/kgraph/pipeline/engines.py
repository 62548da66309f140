"""Where extraction runs: in this process (``local``) or on a Dask cluster (``dask``).

Each engine takes the posts that missed the cache and yields ``(post, mentions)`` pairs;
the build writes them to the store on the client, so every engine gives the same store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kgraph.errors import KgraphError
from kgraph.model import Mention, Post
from kgraph.pipeline.options import ENGINES, BuildOptions

Tick = Callable[[int], None]


def run_local(
    extractor,
    posts: list[Post],
    *,
    batch_size: int,
    n_process: int = 1,
    progress: Tick | None = None,
) -> Iterator[tuple[Post, list[Mention]]]:
    """Extract in this process with ``nlp.pipe`` batching."""
    for post, mentions in zip(
        posts, extractor.extract(posts, batch_size=batch_size, n_process=n_process), strict=True
    ):
        if progress:
            progress(1)
        yield post, mentions


def run_engine(
    options: BuildOptions,
    extractor,
    posts: list[Post],
    *,
    n_process: int,
    progress: Tick | None = None,
) -> Iterator[tuple[Post, list[Mention]]]:
    """Extract ``posts`` on the engine ``options.engine`` names."""
    if options.engine == "local":
        return run_local(
            extractor, posts, batch_size=options.batch_size, n_process=n_process, progress=progress
        )
    if options.engine == "dask":
        try:
            from kgraph.pipeline.dask_engine import run_dask
        except ImportError as exc:
            raise KgraphError(
                f"The dask engine needs Dask: pip install 'kgraph[dask]' ({exc})."
            ) from None
        return run_dask(
            extractor,
            posts,
            batch_size=options.batch_size,
            progress=progress,
            scheduler=options.scheduler,
            ontology_files=options.ontology_files,
            rules_only=options.rules_only,
        )
    raise KgraphError(f"Unknown engine {options.engine!r}; use one of {', '.join(ENGINES)}.")
