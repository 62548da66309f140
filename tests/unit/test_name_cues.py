"""Sentence cues that make a discovered name an organisation or a product, on a blank spaCy
pipeline (no model): what a kind of software is called, whose data was breached, a list
after a plural business noun, an organisation's last word, a decision verb."""

from __future__ import annotations

import pytest
import spacy


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def _called(nlp, text):
    from kgraph.extract.discovery_called import called_names

    doc = nlp(text)
    return [(doc[c.start : c.end].text, c.type) for c in called_names(doc, set(), 0.5)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Div presents a browser automation assistant called Milton today.", "Milton"),
        ("Our second game was an adventure game called Slot Universe.", "Slot Universe"),
        ("A developer platform known as the Core Platform runs on AWS.", "Core Platform"),
        ('We developed our own microservice, which is called "rgw-metrics".', "rgw-metrics"),
    ],
)
def test_a_kind_of_software_called_a_name_is_that_product(nlp, text, name):
    assert _called(nlp, text) == [(name, "TECHNOLOGY")]


@pytest.mark.parametrize(
    "text",
    [
        "We bought a startup called Zorbly last year.",  # a business: the organisation cues'
        "An attacker named Jia Tan contributed code.",  # a person
        "The so-called Big Rewrite was late.",  # no kind of software before it
    ],
)
def test_no_product_is_called_without_a_kind_of_software(nlp, text):
    assert _called(nlp, text) == []


def test_whose_data_was_breached_is_an_organisation(nlp):
    from kgraph.extract.discovery_organisations import _breached

    assert _breached(nlp("The Zorbly Data Breach: what we know"), 2)
    assert _breached(nlp("the Zorbly breach hit customers"), 2)
    assert not _breached(nlp("the Zorbly database grew"), 2)


def test_a_list_after_a_plural_business_noun_is_of_organisations(nlp):
    from kgraph.extract.discovery_organisations import _listed_as_organisations

    doc = nlp("The brand works with automakers such as Zorbly Motors, Quillcar and Brightauto.")
    assert _listed_as_organisations(doc, doc.text.split().index("Quillcar") + 1)
    doc = nlp("We store files with engines such as Quillcar and Brightauto.")
    assert not _listed_as_organisations(doc, 6)


def test_an_organisations_last_word_takes_the_word_before_it(nlp):
    from kgraph.extract.discovery import _org_word_opens

    doc = nlp("Gradient Labs is a London-based startup.")
    assert _org_word_opens(doc[1:2], set())
    assert not _org_word_opens(doc[1:2], {0})  # the word before is another name's
    doc = nlp("The Labs team met.")
    assert not _org_word_opens(doc[1:2], set())  # an article is no part of a name


def test_a_decision_is_an_organisations_act(nlp):
    from kgraph.extract.discovery_organisations import _acts

    assert _acts(nlp("Zorbly realized that launch time mattered"), 1)
    assert _acts(nlp("Zorbly opted for Kotlin"), 1)


def test_a_dictionary_word_before_team_is_a_team_not_an_organisation(nlp):
    from kgraph.extract.discovery_filters import _function_team

    doc = nlp("I worked on the Distribution team at Zorbly.")
    assert _function_team(doc[4:5])
    doc = nlp("Thanks to the Zorblyfair team for the help.")
    assert not _function_team(doc[3:4])  # a coined name: the organisation's team


def test_a_list_of_organisations_may_follow_its_noun_after_a_comma(nlp):
    from kgraph.extract.discovery_organisations import _listed_as_organisations

    doc = nlp("It moved numerous clients, such as Quillbit and Zorbly, off the old system.")
    assert _listed_as_organisations(doc, 7)


def test_an_adverb_of_habit_may_sit_between_an_organisation_and_its_verb(nlp):
    from kgraph.extract.discovery_organisations import _acts

    assert _acts(nlp("Zorbly always strives to deliver a fast app"), 1)


def test_an_account_with_a_cloud_provider_keeps_the_provider(nlp):
    from spacy.tokens import Span

    from kgraph.extract.resolver import _with_product_part

    doc = nlp("assets across thousands of Zorbly Cloud accounts and a Quillchat account")
    cloud = Span(doc, 4, 6, label="COMPANY", span_id="COMPANY:Zorbly Cloud")
    chat = Span(doc, 9, 10, label="COMPANY", span_id="COMPANY:Quillchat")
    assert not _with_product_part(cloud)
    assert _with_product_part(chat)


def test_a_pull_request_is_a_part_of_the_code_host():
    from spacy.tokens import Span

    from kgraph.extract.resolver import _with_product_part

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")  # a headline test reads the sentence
    doc = nlp("The CLI and Zorbhub PR-based interfaces were slow.")
    assert _with_product_part(Span(doc, 3, 4, label="COMPANY", span_id="COMPANY:Zorbhub"))


def _company(doc, start, end, product=False):
    from spacy.tokens import Span

    name = doc[start:end].text
    return Span(doc, start, end, label="COMPANY", span_id=f"COMPANY:{name}"), {"product": product}


@pytest.mark.parametrize(
    ("text", "start", "product"),
    [
        ("Zorbauth vs Keystorm : a comparison", 0, False),
        ("a comparison of Keystorm vs Zorbauth", 5, False),
        ("Zorbbase to Pgstore Migration : lessons", 0, False),
        ("Migrating from Zorbsearch", 2, True),
    ],
)
def test_a_vendor_weighed_or_left_for_a_technology_names_its_product(nlp, text, start, product):
    from kgraph.extract.resolver import _moved_or_compared

    doc = nlp(text)
    tools = {i for i, t in enumerate(doc) if t.text in ("Keystorm", "Pgstore")}
    span, entry = _company(doc, start, start + 1, product)
    assert _moved_or_compared(span, tools, entry)


@pytest.mark.parametrize(
    ("text", "start", "product"),
    [
        ("We migrated from Zorbhost to Renderly last year", 3, True),  # providers left and chosen
        ("Zorbauth 's comparison vs Keystorm", 0, False),  # the organisation's own
        ("Migrating from Zorbbase", 2, False),  # a vendor not named for a product
    ],
)
def test_a_move_between_providers_keeps_the_organisation(nlp, text, start, product):
    from kgraph.extract.resolver import _moved_or_compared

    doc = nlp(text)
    tools = {i for i, t in enumerate(doc) if t.text in ("Keystorm", "Renderly")}
    span, entry = _company(doc, start, start + 1, product)
    assert not _moved_or_compared(span, tools, entry)


def test_a_business_verb_after_auxiliaries_and_adverbs_only(nlp):
    from kgraph.extract.discovery_organisations import _does_business

    assert _does_business(nlp("Zorbci recently launched a package manager"), 1)
    assert _does_business(nlp("Zorbpm has published a blog"), 1)
    assert not _does_business(nlp("Zorbdb and its connectors matter"), 1)
    assert not _does_business(nlp("Zorbtel announces profiling support"), 1)


@pytest.mark.parametrize(
    ("text", "start", "end", "owner"),
    [
        ("The Zorbly Search Team has built a store", 1, 4, "Zorbly"),
        ("the Zorb Hero Logistics team cut build times", 1, 4, "Zorb Hero"),
        ("the Data Platform team built it", 1, 3, "Data Platform"),  # ordinary words: the team
        ("our Core Search team built it", 1, 3, "Core Search"),
        ("Zorbly Search is fast", 0, 2, "Zorbly Search"),  # no team: a product
    ],
)
def test_a_team_named_after_its_organisation_gives_the_organisation(nlp, text, start, end, owner):
    from kgraph.extract.discovery_spans import _team_owner

    assert _team_owner(nlp(text)[start:end]).text == owner


def test_function_words_then_team_follow_a_company(nlp):
    from kgraph.extract.discovery_words import team_after

    assert team_after(nlp("the Zorbly Logistics team"), 2)
    assert not team_after(nlp("the Zorbly Eats team"), 2)


def test_a_possessive_then_the_teams_work_then_team_is_an_organisation(nlp):
    from kgraph.extract.discovery_organisations import _org_after

    assert _org_after(nlp("Zorbly 's technical team uses it"), 1)
    assert _org_after(nlp("Zorbly 's data platform team uses it"), 1)
    assert not _org_after(nlp("Zorbly 's fast startup wins"), 1)


def test_previous_providers_are_businesses_a_kind_of_provider_is_not(nlp):
    from kgraph.extract.discovery_organisations import _listed_as_organisations

    doc = nlp("pricing changes from previous providers like Zorbauth .")
    assert _listed_as_organisations(doc, 6)
    doc = nlp("identity providers like Zorbauth work")
    assert not _listed_as_organisations(doc, 3)
