"""The learned keeping of discovered names: the shipped weights, and extraction applying them."""

from kgraph.extract import assemble, name_model
from kgraph.extract.learned import LinearModel
from kgraph.model import Mention, Post
from kgraph.ontology import Ontology

TITLE = "A Short History of Btrfs"
SUMMARY = "Engineers at Zorbly use Quarkly, an open-source scheduler, to run Btrfs snapshots."


def _mention(post: Post, field: str, text: str, type_: str, method: str = "model") -> Mention:
    raw = getattr(post, field)
    start = raw.index(text)
    return Mention(post.id, text, type_, text, field, start, start + len(text), raw, method, 0.55)


def _post() -> Post:
    return Post(id="p1", title=TITLE, summary=SUMMARY, source="Zorbly Engineering")


def test_the_shipped_keep_model_is_read_once():
    model = name_model.keep_model()
    assert isinstance(model, LinearModel) and model is name_model.keep_model()
    assert 0.0 < model.threshold < 1.0 and len(model.weights) > 100


def test_a_headline_phrase_is_dropped_and_a_used_tool_kept():
    post = _post()
    mentions = [
        _mention(post, "title", "Short History", "TECHNOLOGY"),
        _mention(post, "summary", "Zorbly", "COMPANY"),
        _mention(post, "summary", "Quarkly", "TECHNOLOGY"),
    ]
    kept = name_model.judge(post, mentions, lambda: [], Ontology())
    assert [m.text for m in kept] == ["Zorbly", "Quarkly"]


def test_ontology_names_are_never_judged():
    post = _post()
    mentions = [_mention(post, "title", "Short History", "TECHNOLOGY", method="ontology")]
    assert name_model.judge(post, mentions, lambda: [], Ontology()) == mentions


def test_the_features_read_context_and_the_publisher():
    post = _post()
    group = [_mention(post, "summary", "Zorbly", "COMPANY")]
    features = name_model.entity_features(post, group, group, [], Ontology(), frozenset(["zorbly"]))
    assert {"prev=at", "next=use", "publisher", "rule=COMPANY", "shape=Xx"} <= set(features)


def test_assembly_hands_every_post_to_the_judge(monkeypatch):
    seen = []

    def judge(post, mentions, ner, onto):
        seen.append(post.id)
        return mentions

    monkeypatch.setattr(name_model, "judge", judge)
    assemble.assemble(_post(), [], Ontology())
    assert seen == ["p1"]


def test_a_name_written_in_lower_case_is_a_plain_word_wherever_it_stands():
    post = Post(id="p2", title="Manifest", summary="manifest files, then a Manifest")
    group = [_mention(post, "title", "Manifest", "TECHNOLOGY")]
    features = name_model.entity_features(post, group, group, [], Ontology(), frozenset())
    assert "lower_elsewhere" in features
    post = Post(id="p3", title="Manifest", summary="manifests and a Manifest")
    features = name_model.entity_features(post, group, group, [], Ontology(), frozenset())
    assert "lower_elsewhere" not in features
