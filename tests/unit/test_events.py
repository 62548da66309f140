"""Events, holidays and shows are never taken for tools or companies."""

from __future__ import annotations

from kgraph.extract.events import is_event_name, is_group_name, is_holiday
from kgraph.extract.people import is_person


def test_conference_names_with_their_edition_are_events():
    assert is_event_name(["QCon", "London"])
    assert is_event_name(["KubeCon", "EU", "2024"])
    assert is_event_name(["SREcon"])
    assert is_event_name(["P99", "CONF", "24"])
    assert is_event_name(["Kafka", "Summit", "London"])
    assert is_event_name(["Hadoop", "World"])


def test_ordinary_words_ending_in_con_or_world_are_not_events():
    assert not is_event_name(["Falcon"])
    assert not is_event_name(["Beacon"])
    assert not is_event_name(["World"])  # a word alone is not a show's name
    assert not is_event_name(["Summit", "Scheduler"])  # a product named after a word
    assert not is_event_name(["Expo", "Router"])
    assert not is_event_name(["Expo"])
    assert is_event_name(["Summit", "2024"])


def test_holidays_possessive_or_not():
    assert is_holiday("Diwali")
    assert is_holiday("New Year\u2019s")
    assert is_holiday("Black Friday")
    assert not is_holiday("Friday Deploys")


def test_hosts_named_together_are_people():
    assert is_person(["Justin", "&", "Autumn"])
    assert is_person(["Kevin", "and", "Doug"])
    assert not is_person(["Justin", "&", "Kubernetes"])


def test_special_interest_groups_are_teams():
    assert is_group_name(["Kubernetes", "SIG"])
    assert is_group_name(["SIGrelease"])
    assert is_group_name(["SIG-PM"])
    assert not is_group_name(["Signal"])
    assert not is_group_name(["SIGTERM", "handler"])
