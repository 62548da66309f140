"""The extractor the rest of kgraph calls: posts in, one sorted list of mentions per post out."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from kgraph.extract import model_build, pipeline, workers
from kgraph.extract.assemble import Piece, assemble
from kgraph.extract.patterns import ontology_hash
from kgraph.extract.publisher import PUBLISHER, publisher_keys
from kgraph.extract.relations import find_relations
from kgraph.extract.spans import TEXT
from kgraph.extract.textclean import chunks, is_issue_name, normalise
from kgraph.model import FIELDS, Mention, Mentions, Post, post_id_for
from kgraph.ontology import Ontology, load_ontology

MAX_CHARS_IN_FLIGHT = 100_000
RULES_ONLY_WARNING = (
    "RULES-ONLY MODE: the statistical model is not used; only ontology names and defined "
    "acronyms are found (no discovery of new companies, technologies or concepts)."
)


@dataclass
class Extractor:
    """A loaded pipeline plus the ontology it was filled from."""

    nlp: Language
    ontology: Ontology
    version: str
    warnings: list[str] = field(default_factory=list)

    def extract(
        self, posts: Iterable[Post], batch_size: int = 256, n_process: int = 1
    ) -> Iterator[list[Mention]]:
        """One list of mentions per post, in input order, sorted by (field, start).

        Each list is a :class:`~kgraph.model.Mentions`: its ``relations`` attribute holds
        the typed relations the post states between those mentions (see
        :mod:`kgraph.extract.relations`), so callers that want only mentions are unchanged.

        With ``n_process > 1`` worker processes extract (see :mod:`kgraph.extract.workers`);
        they start once per call.
        """
        posts = iter(posts)
        if n_process > 1:
            yield from workers.extract_in_workers(self, list(posts), batch_size, n_process)
            return
        while group := list(islice(posts, batch_size)):
            yield from self._extract_group(group, batch_size)

    def _extract_group(self, group: list[Post], batch_size: int) -> Iterator[list[Mention]]:
        units = [
            (i, name, offset, piece)
            for i, post in enumerate(group)
            for name in FIELDS
            for offset, piece in chunks(getattr(post, name) or "")
            if piece.strip() and not (name == "title" and is_issue_name(piece))
        ]
        # The NER needs memory per character in flight: long texts go in small batches so a
        # 1 MB post costs about as much memory as many short ones.
        longest = max((len(u[3]) for u in units), default=1)
        in_flight = max(2, min(batch_size, MAX_CHARS_IN_FLIGHT // longest))
        texts = [normalise(u[3]) for u in units]
        docs = self.nlp.pipe(
            (
                _tokenised(self.nlp, t, publisher_keys(group[u[0]]))
                for (t, _), u in zip(texts, units, strict=True)
            ),
            batch_size=in_flight,
        )
        pieces: list[list[Piece]] = [[] for _ in group]
        done = 0  # posts before this index have all their pieces: yield them as they finish
        for (i, name, offset, _), (_, index), doc in zip(units, texts, docs, strict=True):
            while done < i:
                yield _with_relations(group[done], pieces[done], self.ontology)
                pieces[done] = []
                done += 1
            pieces[i].append(Piece.of(name, offset, doc, index))
        for j in range(done, len(group)):
            yield _with_relations(group[j], pieces[j], self.ontology)

    def extract_text(self, title: str, summary: str = "") -> list[Mention]:
        """The mentions of one title and summary (a convenience for tests and the REPL)."""
        post = Post(id=post_id_for(title), title=title, summary=summary)
        return next(self.extract([post]))


def _tokenised(nlp: Language, text: str, publisher: frozenset[str] = frozenset()) -> Doc:
    """The doc of ``text`` knowing its text: the components ask for it, and ``Doc.text``
    rebuilds it from every token on each access (see :func:`kgraph.extract.spans.doc_text`);
    and knowing its post's publisher, whose name there is an organisation."""
    doc = nlp.make_doc(text)
    doc.user_data[TEXT] = text
    if publisher:
        doc.user_data[PUBLISHER] = publisher
    return doc


def _with_relations(post: Post, pieces: list[Piece], onto: Ontology) -> Mentions:
    mentions = assemble(post, pieces, onto)
    return Mentions(mentions, find_relations(post, mentions, onto))


def extractor_from_ontology(onto: Ontology, rules_only: bool = True) -> Extractor:
    """An extractor assembled in memory from ``onto`` alone (tests, notebooks)."""
    nlp = pipeline.base_pipeline(rules_only)
    pipeline.add_kgraph_components(nlp)
    pipeline.fill_from_ontology(nlp, onto)
    warnings = [RULES_ONLY_WARNING] if rules_only else []
    return Extractor(nlp, onto, model_build.pipeline_version(onto, nlp), warnings)


def load_extractor(
    ontology_files: Iterable[Path | str] = (), rules_only: bool = False
) -> Extractor:
    """The pipeline from ``models/kgraph`` filled with the ontology (and the user's extra files).

    Raises :class:`~kgraph.errors.ModelError` with the install command when the base model
    package is missing. ``rules_only`` runs without it and says so in ``warnings``.
    """
    # spaCy reads its model with srsly's msgpack reader, which turns the cyclic collector on
    # after each read whatever its state was: a build that paused it (kgraph.heap) would
    # load, extract and write the store with it on, walking the pipeline again and again.
    # So a paused collector stays paused: a zero threshold through the load (msgpack does
    # not touch it), and disabled again after.
    if gc.isenabled():
        return _load(ontology_files, rules_only)
    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        return _load(ontology_files, rules_only)
    finally:
        gc.set_threshold(*thresholds)
        gc.disable()


def _load(ontology_files: Iterable[Path | str], rules_only: bool) -> Extractor:
    extra = [Path(p) for p in ontology_files]
    onto = load_ontology(extra)
    warnings = [RULES_ONLY_WARNING] if rules_only else []
    meta_path = model_build.MODEL_DIR / "meta.json"
    if meta_path.exists():
        nlp = pipeline.load(model_build.MODEL_DIR, rules_only)
        if srsly.read_json(meta_path).get("ontology_hash") != ontology_hash(onto):
            pipeline.fill_from_ontology(nlp, onto)
            if not extra:
                warnings.append(
                    "models/kgraph is older than data/ontology: patterns were "
                    "rebuilt in memory; run `kgraph model build` to save them."
                )
    else:
        nlp = pipeline.base_pipeline(rules_only)
        pipeline.add_kgraph_components(nlp)
        pipeline.fill_from_ontology(nlp, onto)
        warnings.append(
            "models/kgraph is missing: the pipeline was assembled in memory; "
            "run `kgraph model build` to save it."
        )
    return Extractor(nlp, onto, model_build.pipeline_version(onto, nlp), warnings)
