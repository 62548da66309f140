"""Events, holidays and shows, which discovery must not take for tools or companies.

The entity rules never annotate events and conferences (``StackConf Lisbon``, ``Lunar New
Year`` sales) nor publications, yet their names look like product names: capitalised,
often coined (``QCon London``, ``Strata + Hadoop World``, ``P99 CONF 24``), and the small
model tags them ORG or PRODUCT. Their shapes give them away:

* a conference word, alone or as the ending of a coined word (``Summit``, ``CONF``,
  ``KubeCon``, ``SREcon``), followed by nothing but an edition: a place, a region or a year
  (``KubeCon EU 2024``, ``Kafka Summit London``);
* ``<name> World``, the usual name of a trade show (``Hadoop World``, ``Mobile World``);
* the public and shopping holidays traffic peaks are told by (``Diwali``, ``Black Friday``,
  ``New Year's Eve``): a calendar date, never a system;
* the show a podcast episode belongs to: ``in this episode of Cyber Sentries``;
* a venue known by its own name (``FOSDEM``, ``NSDI``, ``NVIDIA GTC``), or an acronym with
  its year after an apostrophe (``VLDB'23``);
* a project's special interest group, a team (``SIG Instrumentation``, ``SIG-PM``,
  ``SIGrelease``): people, not a product.
"""

from __future__ import annotations

import re

from kgraph.extract.generic import phrases

# Words that name a gathering; "world" only as a name's last word ("Hadoop World").
CONFERENCE_WORDS = phrases(
    """
    summit summits conference conf symposium meetup meetups expo hackathon unconference
    devdays days
    """
)
# A coined conference name: "QCon", "KubeCon", "PyCon", "SREcon", "DEFCON" (not "Falcon",
# "Beacon", "Silicon": "con" after a lower-case letter is an ordinary word's ending).
# "RedisConf18", "RustConf": a coined name ending in "Conf", with its year or not.
_CON = re.compile(
    r"(?:[A-Za-z0-9]+Con|[A-Za-z0-9]*[A-Z]con|[A-Z]{2,}CON)s?|[A-Z][A-Za-z0-9]*Conf(?:'?\d{2,4})?"
)
# An edition after the event's name: a capitalised place or region word, a year or number.
_EDITION = re.compile(r"(?:[A-Z][A-Za-z.]*|'?\d{2,4}|[A-Z]{2,3})")
_YEAR = re.compile(r"'?\d{2,4}")
# Gatherings known by a name with no conference word: the field's academic venues and its
# best-known developer meetings ("FOSDEM 2020", "accepted at NSDI", "NVIDIA GTC 2026").
CONFERENCE_NAMES = phrases(
    "FOSDEM NeurIPS NIPS ICML ICLR SIGMOD OSDI SOSP NSDI ASPLOS EuroSys SIGCOMM CVPR GTC"
)
# A venue's acronym with its year after an apostrophe: "VLDB'23", "ASPLOS'25", "SOSP ’23".
_VENUE_YEAR = re.compile(r"[A-Z]{3,}[A-Za-z]*['\u2019]\d{2}")
# Public and shopping holidays (calendar dates a traffic peak is told by), as written.
HOLIDAYS = phrases(
    """
    Diwali, Deepavali, Holi, Navratri, Eid, Ramadan, Hanukkah, Christmas, Christmas Eve,
    Xmas, Easter, Halloween, Thanksgiving, New Year, New Year's Eve, New Year's Day,
    Lunar New Year, Chinese New Year, Spring Festival, Mid-Autumn Festival, Golden Week,
    Black Friday, Cyber Monday, Cyber Week, Boxing Day, Singles Day, Singles' Day,
    Prime Day, Super Bowl, World Cup, Olympics, Valentine's Day, Mother's Day, Father's Day,
    Labor Day, Labour Day, Memorial Day, Independence Day, Oktoberfest
    """
)
# Words before a show's name: "in this episode of X" ("issue of" and "edition of" are left
# out: "a known issue of X", "the community edition of X" name products).
SHOW_CUES = phrases("episode episodes installment instalment")


def _straight(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'")


def is_holiday(text: str) -> bool:
    """``Diwali``, ``New Year’s``, ``Black Friday``: a holiday's name, possessive or not."""
    text = _straight(text)
    return text in HOLIDAYS or re.sub(r"'s?$", "", text) in HOLIDAYS


def is_event_name(words: list[str]) -> bool:
    """``QCon London``, ``Kafka Summit London``, ``Hadoop World``, ``P99 CONF 24``,
    ``Diwali``: a conference (a conference word followed only by an edition) or a holiday.
    A plain conference word opening the name needs a year after it: ``Summit Scheduler``
    and ``Expo Router`` are products."""
    if not words:
        return False
    if is_holiday(" ".join(words)):
        return True
    n = len(words)
    for i, word in enumerate(words):
        lower, rest = word.lower(), words[i + 1 :]
        if word in CONFERENCE_NAMES or _VENUE_YEAR.fullmatch(word):
            return all(_EDITION.fullmatch(w) for w in rest)
        if len(word) >= 4 and _CON.fullmatch(word):
            return all(_EDITION.fullmatch(w) for w in rest)
        if lower in CONFERENCE_WORDS or lower == "con" or (lower == "world" and i == n - 1):
            if i == 0:
                return bool(rest) and all(_YEAR.fullmatch(w) for w in rest)
            return all(_EDITION.fullmatch(w) for w in rest)
    return False


# "SIG", "SIGs", "SIG-PM", "SIGrelease": a special interest group, glued to its topic or not.
_GROUP = re.compile(r"SIG(?:s|-[A-Za-z]+|[a-z]+)?")


def is_group_name(words: list[str]) -> bool:
    """``Kubernetes SIG``, ``SIGrelease``: a project's special interest group (a team)."""
    return any(_GROUP.fullmatch(w) for w in words)


def names_a_show(doc, start: int) -> bool:
    """The name at token ``start`` follows ``episode of``: the podcast or show that episode
    belongs to (a publication, never annotated)."""
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in SHOW_CUES
