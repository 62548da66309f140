"""The records that flow between stages, and the graph's schema, declared once.

Readers produce :class:`Post`; the extractor produces :class:`Mention`; the store keeps both
and hands a build back as a :class:`Snapshot`. The graph stage names its nodes and edges
with the constants below, and every entity id comes from :func:`entity_key`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields

ENTITY_TYPES = ("COMPANY", "TECHNOLOGY", "CONCEPT")
"""The three entity types extraction outputs."""
FIELDS = ("title", "summary")
METHODS = ("ontology", "model", "rule")

# -- Graph schema ------------------------------------------------------------------------
POST = "post"
ENTITY_KINDS = tuple(t.lower() for t in ENTITY_TYPES)
"""Node kinds of entities: ``company``, ``technology``, ``concept``."""
NODE_KINDS = (POST, *ENTITY_KINDS)
"""Every node's ``kind`` attribute is one of these."""
RELATION_TYPES = ("built", "uses", "migrated_from", "migrated_to", "applies")
"""Typed relations the text states between two entities of a post (RELATION-RULES)."""
TEXT_RELATION_EDGES = tuple(f"says_{t}" for t in RELATION_TYPES)
"""Edge keys of stated relations in the graph: ``says_built``, ``says_uses``, …"""
EDGE_TYPES = (
    "mentions",
    "published_by",
    "uses",
    "related",
    "is_a",
    "product_of",
    *TEXT_RELATION_EDGES,
)
"""Edge keys of the MultiDiGraph: post→entity ``mentions`` and ``published_by``,
company→technology ``uses``, entity↔entity ``related`` (co-occurrence), ontology ``is_a``
and ``product_of``; stated relations ``says_<type>`` (head→tail, each holding its
posts and sentences)."""
MEASURES = ("pagerank", "degree", "betweenness")
"""Centrality measures the analysis offers."""
POST_PREFIX = "post:"
"""Post node ids are this prefix plus the post's id."""


def normalise_title(title: str) -> str:
    """Fold a title for identity: NFKC, lower case, curly quotes straightened, spaces squeezed."""
    text = unicodedata.normalize("NFKC", title).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip()


def post_id_for(title: str, url: str = "") -> str:
    """The stable id of a post that brings none: a hash of its normalised title and url."""
    key = normalise_title(title) + "\n" + url.strip()
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Post:
    """One piece of engineering writing: a title and a short summary, with where it came from."""

    id: str
    """Stable identity: the input's own id, else :func:`post_id_for` of title and url."""
    title: str
    """The post's title, as written."""
    summary: str = ""
    """A short summary or teaser of the post; may be empty."""
    url: str = ""
    """Link to the original post; empty when unknown."""
    source: str = ""
    """The company or blog that published it; empty when unknown."""
    published: str = ""
    """ISO 8601 date (``YYYY-MM-DD``) of publication; empty when unknown."""
    tags: list[str] = field(default_factory=list)
    """Labels from the input (a seed collection's name, a feed's categories), merged on dedup."""
    origin: str = ""
    """Where it was read: ``file:line`` or ``file#record``, for messages and provenance."""

    @property
    def content_hash(self) -> str:
        """Hash of what extraction reads; keys the extraction cache. The source and URL are in
        it because they name the post's publisher, which types a name the text leaves open."""
        text = "\n".join((self.title, self.summary, self.source, self.url))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Mention:
    """One occurrence of an entity in a post, with the evidence for it."""

    post_id: str
    """Id of the :class:`Post` it was found in."""
    text: str
    """The surface form as it appears, e.g. ``Airbnb's``."""
    type: str
    """One of :data:`ENTITY_TYPES`."""
    canonical: str
    """The entity's canonical name, e.g. ``Airbnb``; the node the mention links to."""
    field: str
    """``title`` or ``summary``: which text of the post holds it."""
    start: int
    """Character offset of the surface form within that field."""
    end: int
    """Character offset one past its end."""
    sentence: str
    """The sentence of that field that contains it: the evidence shown to users."""
    method: str
    """How it was found: ``ontology`` (curated ruler), ``model`` (statistical NER) or ``rule``."""
    confidence: float
    """0.0 to 1.0; ontology matches are near 1, discovered ones lower."""

    @property
    def entity_key(self) -> str:
        return entity_key(self.type, self.canonical)

    def to_dict(self) -> dict:
        """The mention without its post id, fields in declaration order (no deep copy).

        >>> Mention("p", "Kafka", "TECHNOLOGY", "Apache Kafka", "title", 0, 5,
        ...         "Kafka at scale", "ontology", 1.0).to_dict()["canonical"]
        'Apache Kafka'
        """
        return {name: getattr(self, name) for name in _MENTION_FIELDS}


_MENTION_FIELDS = tuple(f.name for f in fields(Mention) if f.name != "post_id")


def entity_key(type_: str, canonical: str) -> str:
    """The id of an entity node: its type and canonical name.

    >>> entity_key("CONCEPT", "sharding")
    'CONCEPT:sharding'
    """
    return f"{type_}:{canonical}"


def post_node(post_id: str) -> str:
    """The id of a post's node.

    >>> post_node("abc")
    'post:abc'
    """
    return POST_PREFIX + post_id


def kind_of(type_: str) -> str:
    """The node kind of an entity type: ``COMPANY`` → ``company``.

    >>> kind_of("TECHNOLOGY")
    'technology'
    """
    return type_.lower()


@dataclass
class Relation:
    """A typed relation one post states between two of its entities, with the evidence."""

    post_id: str
    head: str
    """Canonical name of the head entity."""
    head_type: str
    type: str
    """One of :data:`RELATION_TYPES`."""
    tail: str
    tail_type: str
    sentence: str
    """The sentence (or title) that states it."""
    method: str
    """The rule that found it, e.g. ``migration:from-to`` or ``actor``."""
    confidence: float

    @property
    def head_key(self) -> str:
        return entity_key(self.head_type, self.head)

    @property
    def tail_key(self) -> str:
        return entity_key(self.tail_type, self.tail)

    def to_dict(self) -> dict:
        """The relation without its post id (no deep copy: asdict cost seconds per 10k posts)."""
        return {name: getattr(self, name) for name in _RELATION_FIELDS}

    def output(self) -> dict:
        """The stable extraction-output form: head, type, tail, sentence, method, confidence."""
        d = self.to_dict()
        return {k: d[k] for k in ("head", "type", "tail", "sentence", "method", "confidence")}


_RELATION_FIELDS = tuple(f.name for f in fields(Relation) if f.name != "post_id")


class Mentions(list):
    """One post's mentions (a plain list) that also carries the post's :class:`Relation` s.

    :meth:`kgraph.extract.Extractor.extract` yields these, so callers that want mentions
    keep a ``list[Mention]`` and callers that want relations read ``.relations``.
    """

    def __init__(self, items=(), relations=()):
        super().__init__(items)
        self.relations: list[Relation] = list(relations)


@dataclass
class Snapshot:
    """Everything one build stored, read in one transaction."""

    posts: list[Post]
    mentions: list[Mention]
    build: dict | None
    relations: list[Relation] = field(default_factory=list)
