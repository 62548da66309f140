"""The only door into kgraph for the CLI, the app and users' scripts.

Build a store from corpora, read it back as a graph, ask it questions, export it. Every
answer kgraph gives comes from a plain function here or in :mod:`kgraph.analysis`, so a
test can call it without a terminal or a browser.

>>> import kgraph.api as api
>>> sorted(api.EXPORT_FORMATS)
['csv', 'cypher', 'gexf', 'graphml', 'html', 'json']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kgraph import config
from kgraph.corpus import FORMATS as CORPUS_FORMATS
from kgraph.corpus import read_corpus
from kgraph.errors import StoreError
from kgraph.heap import ends_after_build, last_phase, paused_gc
from kgraph.model import Snapshot
from kgraph.pipeline import BuildOptions, BuildReport, Progress, run_build
from kgraph.store import StoreReader, open_store

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "CORPUS_FORMATS",
    "EXPORT_FORMATS",  # noqa: F822 (made on first use by __getattr__ below)
    "BuildOptions",
    "BuildReport",
    "arrived_in_latest_build",
    "build",
    "build_identity",
    "build_model",
    "ends_after_build",
    "evaluate",
    "export",
    "extract",
    "feeds",
    "has_build",
    "load_app_graph",
    "load_extractor",
    "load_graph",
    "load_snapshot",
    "named_store",
    "new_since",
    "paused_gc",
    "refresh",
    "stats",
    "store_names",
]


def __getattr__(name: str):
    # NetworkX and the graph code load on first use, not with the API: a command that only
    # checks a store (a warm ``kgraph build``) starts in a fraction of the time.
    if name == "EXPORT_FORMATS":
        from kgraph.graph import io as graph_io

        # What :func:`export` writes: GraphML, GEXF, node-link JSON, CSV, Cypher, offline HTML.
        return (*graph_io.FORMATS, "html")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _db(db: str | Path | None) -> Path:
    return Path(db) if db else config.default_db()


_STORE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}(\.db)?")


def named_store(name: str) -> Path:
    """The store called ``name`` in ``KGRAPH_STORE_DIR``: where the app makes and opens stores.

    A name is letters, digits, ``_`` and ``-`` (up to 64), with or without ``.db``; never a
    path, so the app cannot be pointed at a file elsewhere on the server.

    >>> named_store("team").name
    'team.db'
    """
    name = name.strip()
    if not _STORE_NAME.fullmatch(name):
        shown = name if len(name) <= 40 else name[:40] + "…"
        raise StoreError(
            f"{shown!r} is not a store name. Use up to 64 letters, digits, '_' or '-', "
            f"e.g. team-posts; the app keeps its stores in {config.store_dir()}."
        )
    path = config.store_dir() / (name if name.endswith(".db") else name + ".db")
    if path.is_dir():
        raise StoreError(f"{path.name} is a directory in {config.store_dir()}; pick another name.")
    return path


def store_names() -> list[str]:
    """Names of the stores in ``KGRAPH_STORE_DIR`` (files ending in ``.db``)."""
    folder = config.store_dir()
    if not folder.is_dir():
        return []
    return sorted(
        p.name for p in folder.glob("*.db") if p.is_file() and _STORE_NAME.fullmatch(p.name)
    )


# -- building -----------------------------------------------------------------------------


def build(
    sources: Iterable[str | Path] = (),
    *,
    db: str | Path | None = None,
    options: BuildOptions | None = None,
    progress: Progress | None = None,
    extractor=None,
    **option_values,
) -> BuildReport:
    """Read corpora, extract what the store and the cache lack, and commit the new build.

    No sources means the shipped corpus. Options come as a :class:`BuildOptions`, or as
    its field names (``rules_only=True``); an unknown name is a ``TypeError``. Posts the
    last build already holds, unchanged and under the same pipeline version, are kept as
    they are; the rest come from the extraction cache or are extracted. With ``add``, the
    store's current posts stay and the new ones join them; otherwise the store holds exactly
    these corpora afterwards. ``extractor`` replaces the shipped pipeline (tests use it).
    """
    options = replace(options or BuildOptions(), **option_values)
    with _LevelAhead() as ahead:
        with paused_gc():
            report = run_build(
                [str(s) for s in sources],
                _db(db),
                options,
                progress=progress,
                extractor=extractor,
                before_write=ahead,
            )
        _store_app_graph(_db(db), progress, ahead, report.build_id)
    return report


class _LevelAhead:
    """The graph stage's first steps, taken on a build's rows before the store is written:
    the entity level (:func:`kgraph.graph.entity_level.entity_level_of_rows`, the level
    the store's rows give), its entity graph, and in a forked process the level's rows for
    the store, then Louvain on that graph, which run while the store is written and the app
    graph made. A build that keeps some
    stored posts does not call it; the graph stage then reads the level from the store.

    A context manager: leaving it ends the fork (killed if the build failed).
    """

    def __init__(self) -> None:
        self.level = self.entity_graph = self.rows = self.groups = None
        self._forks = ExitStack()

    def __call__(self, posts, mentions, relations) -> None:
        from kgraph import analysis
        from kgraph.analysis._index import entity_graph_of
        from kgraph.forks import run_apart_each
        from kgraph.graph.entity_level import entity_level_of_rows
        from kgraph.graph.stored import entity_rows
        from kgraph.heap import collect
        from kgraph.ontology import load_ontology

        # The build dropped its pipeline: free it now, before the fork freezes the heap.
        collect()
        self.level = entity_level_of_rows(posts, mentions, relations, load_ontology())
        self.entity_graph = entity_graph_of(self.level.graph)
        big = self.entity_graph.number_of_edges() >= config.LOUVAIN_APART_FROM
        # The fork also packs the level's rows, first: the store's write keeps this
        # process busy until they are needed, and Louvain is the longer task.
        self.rows, self.groups = self._forks.enter_context(
            run_apart_each(
                [(entity_rows, (self.level,)), (analysis.louvain_groups, (self.entity_graph,))],
                fork=big,
            )
        )

    def __enter__(self) -> _LevelAhead:
        return self

    def __exit__(self, *exc) -> bool:
        return self._forks.__exit__(*exc)


def _store_app_graph(
    path: Path,
    progress: Progress | None = None,
    ahead: _LevelAhead | None = None,
    build_id: int | None = None,
) -> None:
    """Compute what the app reads on the graph it will load, and store it with the build.

    Skipped when the store already holds it for its latest build (a warm rebuild). The
    tables are only marked current once complete, so a reader never takes half of them:
    until then it builds the graph from the posts, as before. ``ahead`` is what the build
    ``build_id`` computed before writing the store: used if that build is the latest.
    """
    with open_store(path) as store:
        build = store.latest_build()
        if build is None or store.graph_built_for() == build["id"]:
            return
    if ahead is not None and (ahead.level is None or build["id"] != build_id):
        ahead = None  # another build committed meanwhile: the level is read from the store
    if progress:
        progress("graph", 0, 1)
    with last_phase():
        _compute_app_graph(path, build, ahead)
    if progress:
        progress("graph", 1, 1)


def _compute_app_graph(path: Path, build: dict, ahead: _LevelAhead | None = None) -> None:
    """The entity level, the app's graph made from it, and its measures and layouts."""
    from kgraph import analysis
    from kgraph.analysis._index import entity_graph_of
    from kgraph.forks import run_apart
    from kgraph.graph.entity_level import entity_level
    from kgraph.graph.stored import app_graph, entity_rows
    from kgraph.heap import collect
    from kgraph.model import NODE_KINDS
    from kgraph.ontology import load_ontology
    from kgraph.view.payload import layout
    from kgraph.view.selection import landing_views, layout_key

    with ExitStack() as stack:
        if ahead is not None:
            level, EG, rows, groups = ahead.level, ahead.entity_graph, ahead.rows, ahead.groups
            ahead.level = ahead.entity_graph = ahead.rows = None
            stack.push(ahead)
        else:
            ontology = load_ontology()
            with open_store(path) as store:
                level = _added_level(store, build, ontology) or entity_level(
                    store.posts_with_mentions(),
                    store.companies(),
                    store.relations(sentences=False),
                    ontology,
                )
            # The entity level holds the app graph's entity graph already: Louvain, the
            # slowest measure, starts on it now in a forked process, while the level is
            # stored, the app graph made and measured here.
            EG = entity_graph_of(level.graph)
            big = EG.number_of_edges() >= config.LOUVAIN_APART_FROM
            groups = stack.enter_context(run_apart(analysis.louvain_groups, EG, fork=big))
            rows = None
        nodes, arrays = entity_rows(level) if rows is None else rows.result()
        E = level.graph
        del rows, level
        with open_store(path, create=True) as store:
            store.write_graph(nodes, arrays)
            del nodes, arrays
            collect()
            # The app graph takes the level's edges over instead of making them again from
            # the arrays just stored (the same graph: test_incremental_level.py checks).
            G = app_graph(store.graph_rows(current=False), StoreReader(path), level=E)
            # Emptied, not only dropped: its cached NetworkX views make a cycle, which the
            # collector cannot free while the fork keeps this process's objects frozen.
            E.clear()
            del E
            analysis.entity_graph(G, made=EG)
            pagerank = analysis.centrality(G, "pagerank")
            # The scores the Explore page ranks by (kgraph.ui.loaders.sizes), rounding
            # included.
            sizes = {
                r["node"]: r["score"]
                for r in analysis.top_entities(G, config.VIEW_MEASURE, limit=len(G))
            }
            degree = analysis.centrality(G, "degree")
            layouts, made = {}, {}
            views = landing_views(G, NODE_KINDS, config.MIN_WEIGHT, config.VIEW_CAP, sizes, made)
            for view in views:
                positions = made.get(layout_key({n for n in view if n in G}))
                positions = layout(G, view) if positions is None else positions
                layouts[layout_key(positions)] = [positions[n] for n in sorted(positions)]
            analysis.set_groups(G, groups.result())
            measures = {
                n: (pagerank.get(n, 0.0), degree.get(n, 0.0), analysis.community_of(G, n))
                for n in pagerank
            }
            store.finish_graph(build["id"], measures, {"layouts": layouts})


def _added_level(store, build: dict, ontology):
    """The stored entity level updated with the posts ``build`` added, reading only them;
    None when it must be computed whole: the build removed or rewrote a post, the graph
    tables are not the previous build's, or the ontology changed since.

    An old post whose source names a company only new posts mention is attributed again
    (its publisher may change): that reads these posts' mentions too.
    """
    from kgraph.graph.attribution import Attributor
    from kgraph.graph.entity_level import basis
    from kgraph.graph.stored import tally_from_rows
    from kgraph.store import ADDED_MEMO

    delta = store.memo(ADDED_MEMO) or {}
    if delta.get("build") != build["id"] or delta.get("added") is None:
        return None
    rows, digest = store.graph_rows(current=False), basis(ontology)
    if (
        rows is None
        or rows["build_id"] is None
        or rows["build_id"] != delta["base"]
        or rows["build"]["id"] != build["id"]
        or rows["arrays"].get("basis", b"").decode() != digest
    ):
        return None
    added = set(delta["added"])
    sources = store.post_sources()
    tally = tally_from_rows(rows, [pid for pid, _s in sources if pid not in added])
    del rows
    if tally is None:
        return None
    old = {name for type_, name in tally.names.values() if type_ == "COMPANY"}
    new = store.companies(added) - old
    attribute = Attributor(ontology, old | new)
    names = {c.lower() for c in new}
    again = [pid for pid, source in sources if pid not in added and source.strip().lower() in names]
    for post, ms in store.posts_with_mentions(again) if again else ():
        tally.reattribute(post, ms, attribute)
    n_old = len(tally.post_ids)
    for post, ms in store.posts_with_mentions(added):
        tally.add(post, ms, attribute)
    if len(tally.post_ids) != n_old + len(added):
        return None  # another build removed some meanwhile
    return tally.finish(store.relations(sentences=False), ontology, digest)


def has_build(db: str | Path | None = None) -> bool:
    """Whether the store at ``db`` exists and holds a complete build."""
    path = _db(db)
    if not path.exists():
        return False
    with open_store(path) as store:
        return store.latest_build() is not None


def build_identity(db: str | Path | None = None) -> tuple:
    """``(id, finished_at)`` of the store's latest build: a new build changes it."""
    with open_store(_db(db)) as store:
        build = store.latest_build() or {}
    return (build.get("id"), build.get("finished_at"))


# -- feeds ---------------------------------------------------------------------------------


def feeds(db: str | Path | None = None) -> list[dict]:
    """Every feed the store subscribes to: url, title, etag, last_modified, last_fetched,
    last_ok, status (``ok``, ``not_modified``, ``failed``), last_error and posts."""
    with open_store(_db(db)) as store:
        return store.feeds()


def refresh(
    db: str | Path | None = None,
    *,
    options: BuildOptions | None = None,
    progress: Progress | None = None,
    extractor=None,
    **option_values,
) -> dict:
    """Fetch every subscribed feed (conditionally, concurrently) and add what is new.

    Returns ``{"feeds", "not_modified", "failed", "new_posts", "new_entities", "errors",
    "seconds"}``; a feed that fails keeps its posts and its error is recorded.
    """
    from kgraph.pipeline.refresh import run_refresh

    options = replace(options or BuildOptions(), **option_values)
    report = run_refresh(_db(db), options, progress=progress, extractor=extractor)
    _store_app_graph(_db(db), progress)
    new_entities: list[dict] = []
    if report.new_posts:
        new_entities = new_since(db, since=None, post_ids=report.new_posts)["entities"]
    return {
        "feeds": report.feeds,
        "not_modified": report.not_modified,
        "failed": len(report.failed),
        "new_posts": len(report.new_posts),
        "new_entities": [e["label"] for e in new_entities],
        "errors": report.failed,
        "seconds": {k: round(v, 3) for k, v in report.seconds.items()},
    }


def arrived_in_latest_build(db: str | Path | None = None) -> int:
    """How many posts the latest build brought (a quick count, before :func:`new_since`)."""
    with open_store(_db(db)) as store:
        return len(store.arrivals(None))


def new_since(
    db: str | Path | None = None,
    since: int | None = None,
    *,
    post_ids: Iterable[str] | None = None,
    top: int = 20,
    G: nx.MultiDiGraph | None = None,
) -> dict:
    """What the latest build (or every build after build ``since``) added.

    Returns ``{"builds": [ids], "posts": [...], "entities": [...], "risen": [...]}``: the
    posts that arrived, the entities no earlier post names, and the entities whose post
    count rose most (see :func:`kgraph.analysis.timeline.whats_new`). ``G`` skips loading
    the graph again.
    """
    from kgraph.analysis.timeline import whats_new
    from kgraph.errors import NotFoundError

    with open_store(_db(db)) as store:
        builds = store.builds()
        ids = [b["id"] for b in builds]
        if since is not None and since not in ids and since != 0:
            raise NotFoundError(
                f"No build #{since} in {_db(db)}; its builds are "
                f"{', '.join(f'#{i}' for i in ids) or 'none'}. Use one of them with --since."
            )
        arrived = store.arrivals(since) if post_ids is None else dict.fromkeys(post_ids, 0)
    if not arrived:
        return {"builds": [], "posts": [], "entities": [], "risen": []}
    G = G if G is not None else load_graph(db)
    out = whats_new(G, sorted(arrived), top=top)
    return {"builds": sorted(set(arrived.values()) - {0}), **out}


# -- reading ------------------------------------------------------------------------------


def load_snapshot(db: str | Path | None = None) -> Snapshot:
    """Everything the latest build stored, read consistently."""
    with open_store(_db(db)) as store:
        return store.snapshot()


def load_graph(
    db: str | Path | None = None, *, ontology=None, ontology_files: Iterable[str | Path] = ()
) -> nx.MultiDiGraph:
    """The graph of the store at ``db`` (default ``data/kgraph.db``) with the default ontology.

    Every mention keeps its sentences and every post its summary: the graph to export or to
    change. Pass ``ontology`` to use one already loaded. To ask questions of a big store,
    :func:`load_app_graph` is much quicker.
    """
    from kgraph.graph import build_graph
    from kgraph.ontology import load_ontology

    snapshot = load_snapshot(db)
    if ontology is None:
        ontology = load_ontology(ontology_files)
    return build_graph(snapshot, ontology)


def load_app_graph(db: str | Path | None = None) -> nx.MultiDiGraph:
    """The graph the app and the CLI's questions read: what the build stored for it.

    It has the nodes, edges and answers of :func:`load_graph`'s, but its mentions are arrays
    behind NetworkX's adjacency and their sentences stay in the store until a question shows
    them (:mod:`kgraph.graph.stored`): at 100,000 posts it loads in seconds, in a third of
    the memory. It is read-only: to change or export a graph, use :func:`load_graph`. A
    store whose latest build has no stored graph yet is read whole, as by ``load_graph``.
    """
    from kgraph.graph.stored import app_graph

    path = _db(db)
    with open_store(path) as store:
        rows = store.graph_rows()
    if rows is None:
        return load_graph(path)
    return app_graph(rows, StoreReader(path))


def stats(db: str | Path | None = None) -> dict:
    """Counts of what the store holds, and what its latest build was (counted by SQLite)."""
    with open_store(_db(db)) as store:
        summary = store.mention_summary()
    by_type: dict[str, int] = {}
    for type_, _name, _n in summary["entities"]:
        by_type[type_] = by_type.get(type_, 0) + 1
    by_method: dict[str, int] = {}
    for method, _confidence, n in summary["methods"]:
        by_method[method] = by_method.get(method, 0) + n
    build = summary["build"] or {}
    return {
        "db": str(_db(db)),
        "posts": summary["posts"],
        "entities": dict(sorted(by_type.items())),
        "mentions": summary["mentions"],
        "mentions_by_method": dict(sorted(by_method.items())),
        "build": {
            k: build.get(k)
            for k in ("id", "finished_at", "inputs", "pipeline_version", "n_extracted")
        }
        if build
        else None,
    }


def quality(db: str | Path | None = None) -> dict:
    """How extraction went on the store: see :func:`kgraph.analysis.quality.quality_report`
    (here from counts SQLite makes, so a 100,000-post store is not read whole)."""
    from kgraph.analysis.quality import quality_from_summary

    with open_store(_db(db)) as store:
        return quality_from_summary(store.mention_summary())


# -- writing ------------------------------------------------------------------------------


def export(G: nx.MultiDiGraph, fmt: str, out: str | Path, *, dialect: str = "neo4j") -> list[Path]:
    """Write ``G`` as ``fmt`` (one of :data:`EXPORT_FORMATS`) to ``out``; returns the files.

    ``dialect`` picks the Cypher flavour: ``neo4j`` (default) or ``kuzu`` (Kùzu, with its
    node and relationship tables declared from the graph first). An app graph
    (:func:`load_app_graph`) is exported as its store's whole graph, sentences included.
    """
    from kgraph.graph import io as graph_io
    from kgraph.graph.bipartite import LAYER_KEY
    from kgraph.graph.stored import STORE_KEY
    from kgraph.view.html_export import write_html  # numpy and scipy load only to export

    if LAYER_KEY in G.graph:
        G = load_graph(G.graph[STORE_KEY].path)

    writers = {"html": write_html}
    if fmt == "cypher":
        writers["cypher"] = partial(graph_io.write_cypher, dialect=dialect)
    return graph_io.export(G, fmt, out, writers=writers)


# -- extraction -----------------------------------------------------------------------------


def load_extractor(ontology_files: Iterable[str | Path] = (), *, rules_only: bool = False):
    """The extraction pipeline from ``models/kgraph`` and the ontology (loads spaCy)."""
    from kgraph.extract import load_extractor as load

    return load(ontology_files, rules_only=rules_only)


def extract(
    inputs: Iterable[str | Path],
    out: TextIO,
    extractor,
    *,
    batch_size: int = config.BATCH_SIZE,
    n_process: int = 1,
) -> int:
    """Write the extraction output of the corpora ``inputs`` to ``out``; returns the posts."""
    from kgraph.extract.output import write_output

    posts = read_corpus([str(i) for i in inputs]).posts
    pairs = zip(
        posts, extractor.extract(posts, batch_size=batch_size, n_process=n_process), strict=True
    )
    return write_output(pairs, out)


def evaluate(gold: str | Path, extractor) -> dict:
    """P/R/F1 of ``extractor`` against a gold JSONL file (see docs/annotation.md)."""
    from kgraph.extract.scoring import evaluate as score

    return score(gold, extractor)


def build_model(ontology_files: Iterable[str | Path] = ()) -> dict:
    """Regenerate ``models/kgraph`` from the ontology; returns its meta."""
    from kgraph.extract import build_model as make

    return make(ontology_files=ontology_files)


# -- benchmark ------------------------------------------------------------------------------


def bench(
    n: int,
    seed: int,
    *,
    baseline_sample: int,
    n_process: int,
    dask: bool = False,
    say=None,
    results_dir: str | Path | None = None,
    command: str = "",
) -> tuple[dict, Path]:
    """Run ``kgraph bench`` on ``n`` synthetic posts; returns the results and where they went."""
    from kgraph.bench.report import save
    from kgraph.bench.run import run_bench

    results = run_bench(
        n, seed, baseline_sample=baseline_sample, n_process=n_process, dask=dask, say=say
    )
    results["command"] = command
    return results, save(results, results_dir)


def bench_table(results: dict) -> str:
    """The benchmark's results as the text table ``kgraph bench`` prints."""
    from kgraph.bench.report import table

    return table(results)
