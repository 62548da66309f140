"""Every setting and path kgraph reads, declared once with its default and a line of help.

Paths are relative to the checkout (``ROOT``); settings come from the environment. Modules
import names from here instead of computing paths from ``__file__`` or reading
``os.environ`` themselves, so ``kgraph --help``, the docs and the code cannot drift.

Examples
--------
>>> setting("KGRAPH_DB").default == str(DEFAULT_DB)
True
>>> sorted(s.name for s in SETTINGS)[:2]
['KGRAPH_ALLOW_PRIVATE_URLS', 'KGRAPH_DB']
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

PACKAGE_DIR = Path(__file__).resolve().parent
"""``src/kgraph``: the package itself (its static files live under it)."""
ROOT = PACKAGE_DIR.parents[1]
"""The checkout: ``pyproject.toml``, ``app.py``, ``data/``, ``models/``."""
DATA_DIR = ROOT / "data"
SHIPPED_CORPUS = DATA_DIR / "000_bd76a9d99491f98c.txt"
"""The 18 posts kgraph ships with; a build with no corpus reads it."""
ONTOLOGY_DIR = DATA_DIR / "ontology"
"""The curated ontology, ``*.yaml`` (format in docs/ontology.md)."""
ONTOLOGY_REGISTRY_DIR = ONTOLOGY_DIR / "registry"
"""Entries generated from public registries (``python -m kgraph.registry``), with provenance."""
ONTOLOGY_LOADER = PACKAGE_DIR / "ontology.py"
"""The ontology loader's own source: the parsed-ontology cache is keyed by it."""
GIVEN_NAMES_FILE = DATA_DIR / "people" / "given_names.txt"
"""People's given names, so discovery does not take a speaker for a tool (``kgraph.extract.people``)."""
COUNTRIES_FILE = DATA_DIR / "places" / "countries.txt"
"""Country names, so discovery does not take a place for a tool (``kgraph.extract.places``)."""
GOLD_DIR = DATA_DIR / "gold"
GOLD_TUNING_SETS = ("real-dev", *(f"real-dev{n}" for n in (*range(2, 8), *range(9, 55))))
"""The real sets (``GOLD_DIR/<name>.jsonl``) extraction is tuned on and its learned decisions
are fitted on. Newer ``real-dev`` sets stay unseen until a still newer set replaces them, and
``real-test`` and ``real-test2`` are never tuned on."""
LEARNED_DIR = DATA_DIR / "learned"
"""Fitted weights of the learned extraction decisions (``kgraph.extract.name_model``, and
``relation-<type>.json`` of ``kgraph.extract.relations_learned``)."""
MODEL_DIR = ROOT / "models" / "kgraph"
"""The spaCy pipeline ``kgraph model build`` writes and extraction loads."""
DEFAULT_DB = DATA_DIR / "kgraph.db"
APP_FILE = ROOT / "app.py"
STATIC_DIR = PACKAGE_DIR / "ui" / "static"
BENCH_RESULTS_DIR = ROOT / "bench" / "results"


def user_cache_dir() -> Path:
    """Where kgraph keeps files it can rebuild at any time: ``$XDG_CACHE_HOME/kgraph``,
    else ``~/.cache/kgraph``."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kgraph"


class Setting(NamedTuple):
    """An environment variable kgraph reads."""

    name: str
    default: str
    help: str


SETTINGS = (
    Setting("KGRAPH_DB", str(DEFAULT_DB), "The store the CLI and the app use by default."),
    Setting(
        "KGRAPH_STORE_DIR",
        str(DATA_DIR),
        "The only directory where the app's Data page creates and opens stores.",
    ),
    Setting(
        "KGRAPH_ALLOW_PRIVATE_URLS",
        "",
        "1 lets feeds on loopback, private or link-local addresses be fetched (off by default).",
    ),
)


def setting(name: str) -> Setting:
    """The declared setting called ``name``."""
    for s in SETTINGS:
        if s.name == name:
            return s
    raise KeyError(name)


def get(name: str) -> str:
    """The value of setting ``name``: the environment's, else its default."""
    return os.environ.get(name) or setting(name).default


def default_db() -> Path:
    """The store used when none is named: ``KGRAPH_DB``, else ``data/kgraph.db``."""
    return Path(get("KGRAPH_DB"))


def store_dir() -> Path:
    """Where the app may create and open stores (``KGRAPH_STORE_DIR``)."""
    return Path(get("KGRAPH_STORE_DIR"))


def allow_private_urls() -> bool:
    """Whether fetching loopback, private and link-local addresses was asked for."""
    return get("KGRAPH_ALLOW_PRIVATE_URLS").strip().lower() in {"1", "true", "yes"}


# -- Build -------------------------------------------------------------------------------
SMALL_BATCH = 200
"""Fewer posts to extract than this run in one process: workers cost more than they save."""
PARALLEL_FROM = 1000
"""From this many posts to extract, a build uses two processes."""
LOUVAIN_APART_FROM = 20_000
"""From this many entity-graph edges, the build runs Louvain in a forked process while it
measures the rest (below, forking costs more than the overlap saves)."""
CACHE_FLUSH = 500
"""Posts extracted between cache commits, so a killed build keeps its work."""
BATCH_SIZE = 256
"""Texts per ``nlp.pipe`` batch."""
MAX_EVIDENCE_CHARS = 400
"""Evidence kept per mention: a longer sentence is cut to this window around the mention."""
MAX_MENTIONS_PER_POST = 200
"""Mentions stored per post; beyond this a build keeps one per entity first and warns."""

# -- Explorer ----------------------------------------------------------------------------
VIEW_DEPTH = 1
"""Default depth of an ego view."""
MIN_WEIGHT = 1.0
"""Default minimum link weight of a view."""
MAX_UPLOAD_MB = 20
"""The Data page's upload cap; bigger corpora go through ``kgraph build``."""
TOOLBAR_MODE = "viewer"
"""Streamlit's toolbar: "viewer" hides the developer's Deploy button and menu entries."""
VIEW_CAP = 300
"""Default node cap of a graph view."""
VIEW_MEASURE = "pagerank"
"""Default centrality measure that sizes a view's nodes (one of ``kgraph.model.MEASURES``)."""
HTML_EXPORT_CAP = 2000
"""Nodes in an HTML export at most (the most connected); the page says when it left some out."""
VIEW_CAP_MIN = 10
VIEW_CAP_MAX = 5000
"""The smallest and largest cap the sidebar and a deep link accept."""
VIEW_DEPTH_MAX = 3
"""The deepest ego view the sidebar and a deep link accept."""
MIN_WEIGHT_MAX = 100.0
"""The largest minimum link weight the sidebar and a deep link accept."""
POSTS_IN_SEARCH = 2000
"""Post titles join the search box's options up to this many posts; past it the browser
spends seconds on a list of every title (10,000 posts: 650 KB), so posts get their own box."""

# -- Feeds -------------------------------------------------------------------------------
FEED_WORKERS = 8
"""Feeds fetched at once by a build or a refresh."""
FEED_PER_HOST = 6
"""Requests in flight to any one host at once (as many as a browser opens): politeness
towards a blog's server when an OPML lists several feeds of one host."""
FEED_OFFLINE_AFTER = 16
"""When this many feeds in a row fail to resolve or reach their host and none has answered,
the network is taken to be down and the rest are reported without waiting on each."""
