"""What a build is asked to do (:class:`BuildOptions`) and what it did (:class:`BuildReport`).

Options travel from the CLI or the app to the engines as one typed object, so an unknown
option fails where it is spelled instead of being dropped on the way.

>>> BuildOptions(rules_only=True).rules_only
True
>>> BuildOptions(colour="red")
Traceback (most recent call last):
...
TypeError: BuildOptions.__init__() got an unexpected keyword argument 'colour'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kgraph import config

Progress = Callable[[str, int, int], None]
"""Called as progress(stage, done, total) while a build runs."""

ENGINES = ("local", "dask")


@dataclass(frozen=True)
class BuildOptions:
    """How to read the corpora and where to run extraction."""

    fmt: str | None = None
    """Corpus format for every source; None detects it per file."""
    encoding: str | None = None
    """Text encoding of corpus files; None means UTF-8."""
    strict: bool = False
    """Fail on the first bad record, before anything is written."""
    ontology_files: tuple[str, ...] = ()
    """Extra ontology YAML files with the user's own systems."""
    rules_only: bool = False
    """Run without the statistical model."""
    engine: str = "local"
    """Where extraction runs: ``local`` or ``dask``."""
    scheduler: str | None = None
    """Dask scheduler address; None starts a LocalCluster."""
    batch_size: int = config.BATCH_SIZE
    """Texts per ``nlp.pipe`` batch."""
    n_process: int | None = None
    """spaCy worker processes; None: two from :data:`~kgraph.config.PARALLEL_FROM` posts."""
    add: bool = False
    """Keep the store's posts and add these corpora's; otherwise the store holds exactly them."""

    def __post_init__(self):
        object.__setattr__(self, "ontology_files", tuple(str(f) for f in self.ontology_files))


@dataclass
class BuildReport:
    """What a build did, for the CLI to print and tests to check."""

    db: str
    build_id: int | None
    posts: int
    mentions: int
    extracted: int
    cached: int
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pipeline_version: str = ""
    seconds: dict[str, float] = field(default_factory=dict)
    feeds: int = 0
    """Feed URLs read (given, or listed in an OPML), failed ones included."""
    feeds_failed: list[str] = field(default_factory=list)
    """One line per feed that could not be fetched or parsed."""
