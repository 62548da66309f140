"""Span kinds the shipped model must get right on real-looking text: events, holidays,
shows and hosts are no entities."""

from __future__ import annotations

import pytest


def _found(ex, title, summary=""):
    return {m.text for m in ex.extract_text(title, summary) if m.type != "CONCEPT"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("summary", "absent"),
    [
        ("Introduced at QCon London by Dana Okafor, Zorbly rethinks brokers.", "QCon London"),
        ("Uptime held even during peaks such as Diwali and New Year's Eve.", "Diwali"),
        ("In this episode of Cloud Sentinels, the hosts talk about Zorbly.", "Cloud Sentinels"),
        ("Thousands gather this week for Strata + Hadoop World in the Bay Area.", "Hadoop"),
        ("Thousands gather this week for Strata + Hadoop World in the Bay Area.", "Hadoop World"),
        ("Jorge Castro joins Justin & Autumn to tell us how it is going.", "Justin & Autumn"),
    ],
)
def test_events_shows_and_hosts_are_not_discovered(ex, summary, absent):
    assert absent not in _found(ex, "A post", summary)
