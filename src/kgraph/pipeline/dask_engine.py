"""Extraction on a Dask distributed cluster: ``kgraph build --engine dask [--scheduler ADDR]``.

Posts are cut into partitions and mapped over the workers. The client's loaded extractor is
shipped to every worker once (``scatter(broadcast=True)``: each worker unpickles it once and
reuses it for every partition), so workers run exactly the client's pipeline version and
need no copy of the client's ontology files. An extractor that cannot be pickled is instead
loaded on each worker once, by ontology files and ``rules_only``. Results come back in
input order and the client writes the store in one transaction, as a local build does:
same posts in, same mentions out.
"""

from __future__ import annotations

import math
import pickle
from collections.abc import Callable, Iterator

from kgraph.errors import KgraphError
from kgraph.model import Mention, Post

PARTITIONS_PER_WORKER = 4  # enough to balance uneven partitions, few enough to keep overhead low
MIN_PARTITION = 64

# Worker side: one loaded extractor per (loader, ontology files, rules_only) per process.
_PIPELINES: dict[tuple, object] = {}


def load_extractor_on_worker(ontology_files: tuple[str, ...], rules_only: bool):
    """The default worker-side loader: :func:`kgraph.extract.load_extractor`."""
    from kgraph.extract import load_extractor

    return load_extractor(ontology_files=ontology_files, rules_only=rules_only)


def worker_extractor(loader: Callable, ontology_files: tuple[str, ...], rules_only: bool):
    """The extractor of this worker process, loaded on first use and kept."""
    key = (f"{loader.__module__}.{loader.__qualname__}", ontology_files, rules_only)
    if key not in _PIPELINES:
        _PIPELINES[key] = loader(ontology_files, rules_only)
    return _PIPELINES[key]


def _extract_shipped(posts: list[Post], extractor, batch_size: int) -> list[list[Mention]]:
    # Mentions lists keep their relations through pickling.
    return list(extractor.extract(posts, batch_size=batch_size, n_process=1))


def _extract_loaded(
    posts: list[Post],
    loader: Callable,
    ontology_files: tuple[str, ...],
    rules_only: bool,
    batch_size: int,
) -> list[list[Mention]]:
    extractor = worker_extractor(loader, ontology_files, rules_only)
    return _extract_shipped(posts, extractor, batch_size)


def connect(scheduler: str | None):
    """A client on ``scheduler``, or on a fresh 2-worker LocalCluster on 127.0.0.1.

    Returns ``(client, cluster)``; ``cluster`` is None when joining an existing one.
    """
    from dask.distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="20s"), None
        except OSError as exc:
            raise KgraphError(
                f"Cannot reach the Dask scheduler at {scheduler} ({exc}). Start one with "
                "`dask scheduler` and workers with `dask worker ADDRESS`, or leave out "
                "--scheduler to run a local cluster."
            ) from None
    # Processes, not threads: spaCy holds the GIL, so only processes use both cores.
    cluster = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
    )
    return Client(cluster), cluster


def run_dask(
    extractor,
    posts: list[Post],
    *,
    batch_size: int = 256,
    progress: Callable[[int], None] | None = None,
    scheduler: str | None = None,
    ontology_files=(),
    rules_only: bool = False,
    loader: Callable | None = None,
) -> Iterator[tuple[Post, list[Mention]]]:
    """Extract ``posts`` on Dask workers; yields ``(post, mentions)`` in input order.

    With ``loader`` (or an extractor that cannot be pickled) workers build their own
    extractor once with ``loader(ontology_files, rules_only)``, by default
    :func:`load_extractor_on_worker`. Every worker needs kgraph and spaCy installed.
    """
    if not posts:
        return
    files = tuple(str(f) for f in ontology_files)
    client, cluster = connect(scheduler)
    try:
        task = _task(client, extractor, loader, files, rules_only, batch_size)
        workers = max(1, len(client.scheduler_info()["workers"]))
        size = max(MIN_PARTITION, math.ceil(len(posts) / (workers * PARTITIONS_PER_WORKER)))
        parts = [posts[i : i + size] for i in range(0, len(posts), size)]
        futures = [client.submit(*task(part), pure=False) for part in parts]
        for i, (part, future) in enumerate(zip(parts, futures, strict=True)):
            results = future.result()
            futures[i] = None  # let the cluster forget a partition once it is on the client
            future.release()
            if len(results) != len(part):
                raise KgraphError(
                    f"A Dask worker returned {len(results)} results for "
                    f"{len(part)} posts; rerun the build."
                )
            for post, mentions in zip(part, results, strict=True):
                if progress:
                    progress(1)
                yield post, mentions
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _task(client, extractor, loader, files, rules_only, batch_size) -> Callable:
    """How to submit one partition: with the shipped extractor, or with a worker loader."""
    if loader is None and extractor is not None:
        try:
            shipped = client.scatter(extractor, broadcast=True, hash=False)
            return lambda part: (_extract_shipped, part, shipped, batch_size)
        except (pickle.PicklingError, TypeError, AttributeError):
            pass  # e.g. a component holding a lock or a lambda: load it on the workers instead
    loader = loader or load_extractor_on_worker
    return lambda part: (_extract_loaded, part, loader, files, rules_only, batch_size)
