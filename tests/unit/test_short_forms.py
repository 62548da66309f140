"""Canonical names one post settles with its own words (kgraph.extract.short_forms)."""

from __future__ import annotations

from kgraph.extract.short_forms import (
    glued_versions,
    names_shortened,
    one_line_names,
    product_features,
    run_together_names,
    singular_acronyms,
    site_names,
    spelled_out_acronyms,
)
from kgraph.model import Mention, Post
from kgraph.ontology import load_ontology
from tests import support

FIXTURE = support.FIXTURES_DIR / "extract_ontology.yaml"


def _m(text, canonical=None, type_="TECHNOLOGY", method="model"):
    return Mention("p", text, type_, canonical or text, "summary", 0, len(text), "", method, 0.7)


def _post(summary, title="A post"):
    return Post(id="p", title=title, summary=summary)


def test_a_spelled_out_acronym_takes_its_expansion():
    post = _post("A self-serve API for Bring Your Own IP (BYOIP). BYOIP is live.", "DIY BYOIP")
    out = spelled_out_acronyms(post, [_m("BYOIP"), _m("BYOIP")])
    assert [m.canonical for m in out] == ["Bring Your Own IP", "Bring Your Own IP"]


def test_an_expansion_after_the_acronym_and_hyphenated_words_count():
    post = _post("Done with standard DDL (Data Definition Language) operations.")
    assert spelled_out_acronyms(post, [_m("DDL")])[0].canonical == "Data Definition Language"
    post = _post("The blog introduces Half-Quadratic Quantization (HQQ), a new method.")
    assert spelled_out_acronyms(post, [_m("HQQ")])[0].canonical == "Half-Quadratic Quantization"


def test_an_acronym_not_spelled_out_or_known_keeps_its_name():
    post = _post("Stream Processing as a Service (SPaaS) and the Zorbly Kit (XYZ).")
    assert spelled_out_acronyms(post, [_m("XYZ")])[0].canonical == "XYZ"
    known = _m("ZK", "ZooKeeper", method="ontology")
    assert spelled_out_acronyms(_post("Zebra Kites (ZK)."), [known])[0].canonical == "ZooKeeper"
    # lower-case words before the brackets are no name the acronym spells
    post = _post("we ship zoned kites (ZK) now")
    assert spelled_out_acronyms(post, [_m("ZK")])[0].canonical == "ZK"


def test_a_plural_acronym_is_the_singular():
    out = singular_acronyms([_m("RPMs"), _m("GPUs", "graphics processing unit", method="ontology")])
    assert [m.canonical for m in out] == ["RPM", "graphics processing unit"]


def test_a_short_form_takes_the_one_longer_name_it_closes():
    onto = load_ontology([FIXTURE], include_default=False)
    out = names_shortened([_m("Git LFS"), _m("LFS")], onto)
    assert [m.canonical for m in out] == ["Git LFS", "Git LFS"]
    # a vague word in front makes no new name
    out = names_shortened([_m("New Zorbly.com"), _m("Zorbly.com")], onto)
    assert out[1].canonical == "Zorbly.com"
    # two longer names: no telling which
    out = names_shortened([_m("Git LFS"), _m("Hub LFS"), _m("LFS")], onto)
    assert out[2].canonical == "LFS"


def test_a_short_form_opening_a_name_needs_that_name_known():
    onto = load_ontology([FIXTURE], include_default=False)
    out = names_shortened([_m("Dagger Reflect"), _m("Dagger")], onto)
    assert out[1].canonical == "Dagger"
    known = _m("Quill Engine", method="ontology")
    assert names_shortened([known, _m("Quill")], onto)[1].canonical == "Quill Engine"


def test_a_known_product_with_a_plural_noun_is_that_product():
    onto = load_ontology([FIXTURE], include_default=False)
    out = product_features(
        [_m("Kubernetes Device Plugins"), _m("Spark DAGs"), _m("Kubernetes DevTools")], onto
    )
    assert [m.canonical for m in out] == ["Kubernetes", "Apache Spark", "Kubernetes DevTools"]
    # a name the ontology knows, or a name not opening with a known product, stays
    out = product_features(
        [_m("Jira Cloud"), _m("Zorbly Workflows"), _m("Kubernetes Operator")], onto
    )
    assert [m.canonical for m in out] == ["Jira Cloud", "Zorbly Workflows", "Kubernetes Operator"]


def test_a_known_product_with_an_acronym_is_that_product():
    onto = load_ontology([FIXTURE], include_default=False)
    out = product_features([_m("Kubernetes DRA"), _m("Zorbly DRA"), _m("SparkSQL")], onto)
    assert [m.canonical for m in out] == ["Kubernetes", "Zorbly DRA", "Apache Spark"]


def test_a_known_product_with_its_edition_is_that_product():
    onto = load_ontology([FIXTURE], include_default=False)
    out = product_features([_m("Spark Enterprise"), _m("Kubernetes Production Stack")], onto)
    assert [m.canonical for m in out] == ["Apache Spark", "Kubernetes Production Stack"]


def test_a_known_product_with_its_version_written_on_is_that_product():
    onto = load_ontology([FIXTURE], include_default=False)
    out = glued_versions([_m("SSH2"), _m("Zorbly3"), _m("SSH2", type_="COMPANY")], onto)
    assert [m.canonical for m in out] == ["SSH", "Zorbly3", "SSH2"]


def test_a_name_run_together_is_the_name_written_apart():
    onto = load_ontology([FIXTURE], include_default=False)
    out = run_together_names([_m("ApacheSpark"), _m("Zorbly Labs"), _m("ZorblyLabs")], onto)
    assert [m.canonical for m in out] == ["Apache Spark", "Zorbly Labs", "Zorbly Labs"]
    # a known name of one word, or one found by the ontology, is left alone
    out = run_together_names([_m("Jiracloud", method="ontology"), _m("Kubernetes")], onto)
    assert [m.canonical for m in out] == ["Jiracloud", "Kubernetes"]


def test_a_name_written_as_its_site_is_the_name():
    names = [
        _m("Vector.dev"),
        _m("Marktplaats.nl", type_="COMPANY"),
        _m("www.skyscanner.com"),
        _m("Fly.io", type_="COMPANY"),
        _m("Booking.com", type_="COMPANY"),
        _m("crates.io"),
        _m("Zorbly.dev", method="ontology"),
    ]
    assert [m.canonical for m in site_names(names)] == [
        "Vector",
        "Marktplaats",
        "skyscanner.com",
        "Fly.io",
        "Booking.com",
        "crates.io",
        "Zorbly.dev",
    ]


def test_a_name_broken_over_a_line_is_one_line():
    out = one_line_names([_m("Zorbly Server\nComponents"), _m("A\nB", method="ontology")])
    assert [m.canonical for m in out] == ["Zorbly Server Components", "A\nB"]
    assert out[0].text == "Zorbly Server\nComponents"
