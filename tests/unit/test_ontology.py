"""The ontology loader: the shipped files, users' extensions, and clear errors."""

from __future__ import annotations

import pytest

from kgraph.errors import OntologyError
from kgraph.ontology import load_ontology


def test_the_shipped_ontology_covers_the_field():
    onto = load_ontology()
    counts = {t: len(onto.by_type(t)) for t in ("COMPANY", "TECHNOLOGY", "CONCEPT")}
    assert len(onto) >= 500
    assert min(counts.values()) >= 150, counts
    assert all(e.definition for e in onto.by_type("CONCEPT") if not e.registry)
    assert onto.lookup("k8s").name == "Kubernetes"
    # a product's API kinds name the product; one-word kinds are plain words
    assert onto.lookup("ConfigMaps").name == onto.lookup("StatefulSet").name == "Kubernetes"
    assert onto.lookup("CRDs").name == onto.lookup("Custom Resource Definition").name
    assert onto.lookup("CRD").name == "Kubernetes"
    assert onto.lookup("pod") is None or onto.lookup("pod").name != "Kubernetes"
    assert onto.lookup("HA").name == "high availability"
    assert onto.lookup("Facebook").name == "Meta"
    assert "sharding" in onto.lookup("auto-sharding").parents


def test_a_users_file_extends_an_entry_and_adds_new_ones(write):
    extra = write(
        "ours.yaml",
        "entities:\n"
        "  - {name: Kubernetes, type: TECHNOLOGY, aliases: [our-k8s]}\n"
        "  - {name: Flux Capacitor, type: TECHNOLOGY, company: Airbnb, parent: sharding}\n",
    )
    onto = load_ontology([extra])
    kubernetes = onto.lookup("our-k8s")
    assert kubernetes.name == "Kubernetes"
    assert "K8s" in kubernetes.aliases
    assert onto.lookup("flux capacitor").company == "Airbnb"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("entities: [{name: X}]", "needs a 'name' and a 'type'"),
        ("entities: [{name: X, type: PERSON}]", "must be one of"),
        ("nodes: []", "top-level 'entities:' list"),
        ("entities: [{name: X, type: CONCEPT, parent: nowhere}]", "unknown parent 'nowhere'"),
        ("entities: [\n  - {name: X", "not valid UTF-8 YAML"),
    ],
)
def test_bad_ontology_files_get_clear_messages(write, content, message):
    with pytest.raises(OntologyError, match=message) as info:
        load_ontology([write("bad.yaml", content)])
    assert "bad.yaml" in str(info.value)


def test_a_second_load_parses_nothing_again_and_shares_no_entry(monkeypatch):
    from kgraph import ontology

    first = ontology.load_ontology()
    monkeypatch.setattr(ontology, "read_file", lambda path: pytest.fail(f"{path} parsed again"))
    second = ontology.load_ontology()
    assert first.entries.keys() == second.entries.keys()
    key = next(iter(first.entries))
    first.entries[key].ambiguous = not first.entries[key].ambiguous
    first.entries[key].aliases.append("only in the first")
    assert second.entries[key].ambiguous != first.entries[key].ambiguous
    assert "only in the first" not in second.entries[key].aliases


def test_parsed_files_are_kept_in_the_user_cache_until_they_change(tmp_path, monkeypatch):
    from kgraph import ontology

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = tmp_path / "ours.yaml"
    source.write_text("entities:\n  - {name: Flux Capacitor, type: TECHNOLOGY}\n")
    parsed = ontology._read_cached(source)
    assert list((tmp_path / "cache" / "kgraph" / "ontology").glob("ours-*.json"))
    # Read back from the cache: equal entries, and the YAML is not parsed again.
    with monkeypatch.context() as m:
        m.setattr(ontology, "_parse", lambda *a: pytest.fail("parsed again"))
        assert ontology._read_cached(source) == parsed
    # A changed loader (this module's code, the YAML library) parses again.
    with monkeypatch.context() as m:
        m.setattr(ontology, "_STAMP", [b"another loader"])
        m.setattr(ontology, "_parse", lambda *a: pytest.fail("parsed"))
        with pytest.raises(pytest.fail.Exception, match="parsed"):
            ontology._read_cached(source)
    # An edited file is parsed again, whatever its size and time stamp.
    source.write_text("entities:\n  - {name: Flux Capacitos, type: TECHNOLOGY}\n")
    assert [e.name for e in ontology._read_cached(source)] == ["Flux Capacitos"]


def test_an_unwritable_cache_only_costs_the_parse(tmp_path, monkeypatch):
    from kgraph import ontology

    blocked = tmp_path / "not-a-dir"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    source = tmp_path / "ours.yaml"
    source.write_text("entities:\n  - {name: Flux Capacitor, type: TECHNOLOGY}\n")
    assert [e.name for e in ontology._read_cached(source)] == ["Flux Capacitor"]
    assert [e.name for e in ontology._read_cached(source)] == ["Flux Capacitor"]
