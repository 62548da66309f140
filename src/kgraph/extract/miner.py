"""The component that mines engineering ideas the ontology lacks from noun chunks.

A chunk like ``the new tail-sampling pipelines`` is cut down to the idea it names: leading
determiners and vague adjectives go (``new``), generic heads go (``pipelines``, ``system``),
the last word is singularised, and the phrase is scored. It is kept above ``threshold``:
heads that name techniques (``-ing``, ``-tion``, known concept heads like ``queue``) and
modifiers from the concept vocabulary raise the score; one bare word lowers it.
"""

from __future__ import annotations

from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from kgraph.extract.generic import GENERIC_HEADS as GENERIC
from kgraph.extract.generic import VAGUE, is_generic, phrases
from kgraph.extract.spans import Candidate, add_candidates, covered, is_title_case
from kgraph.extract.variants import singular

VAGUE_COMPOUNDS = phrases(
    """
    real-time large-scale high-performance next-generation open-source single-digit low-cost
    well-known long-running cloud-native state-of-the-art end-to-end world-class in-house
    """
)
WORD_TAGS = phrases(
    """
    NN NNS JJ VBG VBN NNP NNPS HYPH
    """
)
TECHNICAL_SUFFIX = ("ing", "tion", "sion", "ancy", "ency", "ity", "ism", "ment")


@Language.factory(
    "kgraph_concepts",
    default_config={"threshold": 0.85, "support_threshold": 0.5, "max_words": 3},
)
def make_miner(
    nlp: Language, name: str, threshold: float, support_threshold: float, max_words: int
) -> ConceptMiner:
    return ConceptMiner(name, threshold, support_threshold, max_words)


class ConceptMiner:
    """Novel CONCEPT candidates from noun chunks; a no-op without a dependency parse."""

    def __init__(
        self, name: str, threshold: float = 0.85, support_threshold: float = 0.5, max_words: int = 3
    ):
        self.name = name
        self.threshold = threshold
        self.support_threshold = support_threshold
        self.max_words = max_words
        self.heads: set[str] = set()
        self.words: set[str] = set()

    def set_vocabulary(self, concept_names) -> None:
        """Learn concept heads and modifier words from the ontology's concept names."""
        names = [n.lower().replace("-", " ").split() for n in concept_names]
        self.heads = {w[-1] for w in names if w}
        self.words = {x for w in names for x in w}

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        taken, spans = covered(doc), []
        for chunk in doc.noun_chunks:
            phrase = self._core(chunk)
            if phrase is None or any(t.i in taken for t in phrase):
                continue
            words = [t.lower_ for t in phrase]
            words[-1] = singular(words[-1])
            if is_generic(" ".join(words)):
                continue
            score = self.score(words)
            if score < self.support_threshold:
                continue
            # Below the threshold, and in headlines, a phrase needs support: the post must use it
            # twice (title and summary), which the post-level assembly checks.
            needs_support = score < self.threshold or is_title_case(chunk.sent)
            key = "CONCEPT:" + " ".join(words).replace(" - ", "-")
            spans.append(
                Candidate(
                    phrase[0].i,
                    phrase[-1].i + 1,
                    "CONCEPT",
                    key,
                    "rule",
                    min(score, 0.9),
                    needs_support,
                )
            )
        add_candidates(doc, spans)
        return doc

    def _core(self, chunk):
        """The chunk's trailing run of content words, vague modifiers and generic heads cut."""
        headline = is_title_case(chunk.sent)
        run = []
        for tok in reversed(chunk):
            # Mid-sentence capitals mark a name, except in a headline where all words have them.
            proper = not headline and (
                tok.pos_ == "PROPN" or (tok.is_title and tok.i != chunk.sent.start)
            )
            wordy = tok.tag_ in WORD_TAGS or tok.text == "-"
            if not wordy or not (tok.is_alpha or tok.text == "-") or tok.is_stop or proper:
                break
            run.insert(0, tok)
        # "ZooKeeper-based coordination": a word glued to the proper noun by a hyphen goes too.
        doc = chunk.doc
        while run and (
            run[0].text == "-"
            or (
                run[0].i > 0 and doc[run[0].i - 1].text == "-" and not doc[run[0].i - 1].whitespace_
            )
        ):
            run.pop(0)
        while run and (run[-1].lower_ in GENERIC or run[-1].text == "-"):
            run.pop()
        while run and (run[0].lower_ in VAGUE or run[0].text == "-" or run[0].pos_ == "ADV"):
            run.pop(0)
        while len(run) >= 3 and f"{run[0].lower_}-{run[2].lower_}" in VAGUE_COMPOUNDS:
            run = run[3:]
        content = [t for t in run if t.text != "-"]
        heads = ("NOUN", "VERB", "PROPN") if headline else ("NOUN", "VERB")
        if not content or len(content) > self.max_words or run[-1].pos_ not in heads:
            return None
        return run

    def score(self, words: list[str]) -> float:
        """How much ``words`` look like a named engineering idea (0 to 1)."""
        content = [w for w in words if w != "-"]
        head = content[-1]
        if all(w in GENERIC or w in VAGUE for w in content):
            return 0.0
        score = 0.4
        if head in self.heads or head.endswith(TECHNICAL_SUFFIX):
            score += 0.25
        if any(w in self.words for w in content[:-1]):
            score += 0.15
        if len(content) == 1:
            score -= 0.25
        return score

    def to_disk(self, path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(
            path / "vocabulary.json", {"heads": sorted(self.heads), "words": sorted(self.words)}
        )

    def from_disk(self, path, exclude=()) -> ConceptMiner:
        data = srsly.read_json(Path(path) / "vocabulary.json")
        self.heads, self.words = set(data["heads"]), set(data["words"])
        return self
