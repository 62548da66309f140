"""The filter every name candidate passes before it is typed.

Headline fragments, release themes, people and cited authors, holidays, events, teams,
publications, licences, proposal numbers, session codes, SQL words and generic acronyms are
not names of products or companies.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from kgraph.extract.definitions import listed_after
from kgraph.extract.discovery_organisations import (
    BUSINESS_NOUNS,
    _acts,
    _affiliation,
    _among_companies,
    _business_apposition,
    _coined_trade,
    _defined,
    _funded,
    _headquarters,
    _inner_capital,
    _marked,
    _name_like,
    _org_after,
    _org_word,
    _owns_their,
    _publisher,
)
from kgraph.extract.discovery_products import _cued, _kind_after, _named_kind, _released_name
from kgraph.extract.discovery_spans import _generic_acronym, _plain_words
from kgraph.extract.discovery_words import (
    ACTION_STEMS,
    BULLETS,
    COMPANY_TOKENS,
    FUNDING_ROUND,
    GROUP_WORDS,
    ID_WORDS,
    INSTITUTES,
    LICENCE,
    LICENCE_WORDS,
    NOT_NAMES,
    ORG_SUFFIX,
    PLACE_CUES,
    PRODUCT_TAILS,
    PROPOSAL_ID,
    PUBLICATION_ENDINGS,
    RELEASE_NUMBER,
    RELEASE_STAGES,
    RELEASE_WORDS,
    ROLE_TITLES,
    SELF_INTRODUCTION,
    SENIORITY,
    SESSION_CODE,
    SINGLE_ONLY,
    SQL_WORDS,
    TEAM_NOUNS,
    TECH_TOKENS,
    YEAR,
    event_ending,
)
from kgraph.extract.english import is_english_word
from kgraph.extract.events import is_event_name, is_group_name, names_a_show
from kgraph.extract.generic import is_generic, phrases
from kgraph.extract.people import (
    beside_person,
    is_person,
    referred_to_as_person,
    surname_after_name,
    titled,
)
from kgraph.extract.places import is_country, placed
from kgraph.extract.resolver import event_follows
from kgraph.extract.spans import POSSESSIVE, SPANS_KEY, is_title_case, method_of, spans_in

# A time zone written with its offset: "GMT+7", "UTC-05:00".
TIME_ZONE = re.compile(r"(?:GMT|UTC)[+-]\d")


def _opens_sentence(span: Span) -> bool:
    """Nothing but punctuation or a list bullet before the span in its sentence
    (``• Supply chain attacks…``): its capital says nothing about a name."""
    doc = span.doc
    return all(
        doc[i].is_punct or doc[i].is_space or doc[i].text in BULLETS
        for i in range(span.sent.start, span.start)
    )


# Job titles named by a field of work and a role ("Engineering Manager", "Product Lead"); a
# product's name ends with "Manager" after other words ("Secrets Manager", "Fleet Manager").
WORK_FIELDS = phrases(
    "engineering product program project delivery release community marketing sales"
)
FIELD_ROLES = phrases("manager managers lead leads head")


# Nouns for measures before a list of their names ("key metrics like Largest Contentful
# Paint (LCP), First Input Delay (FID)"): metric values and names are never annotated.
METRIC_NOUNS = phrases("metric metrics kpis kpi indicators measures vitals")
_METRIC_LIST_OPENERS = phrases("like including as")
_METRIC_LIST_SIGNS = frozenset([",", "and", "or", "(", ")", "/", "-"])


def _listed_metric(doc, start: int) -> bool:
    """The name at ``start`` is in a list of capitalised names (with their acronyms)
    introduced by a word for metrics and ``like``, ``such as`` or ``including``."""
    return listed_after(
        doc, start, METRIC_NOUNS, openers=_METRIC_LIST_OPENERS, between=_METRIC_LIST_SIGNS, reach=24
    )


def _drop_listed_metrics(doc) -> None:
    """Discovered names in a list of metrics (:func:`_listed_metric`) go, however they were
    found (a known word inside one, ``Contentful`` of ``Largest Contentful Paint``, or an
    acronym defined by one)."""
    spans = spans_in(doc)
    kept = [
        s
        for s in spans
        if s.label_ == "CONCEPT" or method_of(s) != "model" or not _listed_metric(doc, s.start)
    ]
    if len(kept) < len(spans):
        doc.spans[SPANS_KEY] = kept


def _plausible(span: Span, label: str) -> bool:
    """A short proper name: not a headline fragment, number, generic word, person or place."""
    doc, first = span.doc, span[0]
    if not 1 <= len(span) <= 3 or is_generic(span.text):
        return False
    if any(c in span.text for c in "()[]{};"):
        return False  # "Cassandra(C*)", "(Data)Flow": a fragment cut at a bracket; "TL;DR"
    if span[-1].text in PUBLICATION_ENDINGS or SESSION_CODE.fullmatch(span.text):
        return False
    if span[0].lower_ in SENIORITY:
        return False
    if span[-1].lower_ in ROLE_TITLES or PROPOSAL_ID.fullmatch(span.text):
        return False
    if len(span) == 2 and span[0].lower_ in WORK_FIELDS and span[1].lower_ in FIELD_ROLES:
        return False  # "Sharadh K., Engineering Manager at Stripe": a job title
    if _listed_metric(doc, span.start):
        return False  # "metrics like Largest Contentful Paint (LCP)": measures, no products
    if FUNDING_ROUND.fullmatch(span.text):
        return False  # "our 12-person team at a Series B fintech": a funding round
    if (len(span) > 1 and span[-1].text in ID_WORDS and _plain_words(span[:-1])) or (
        span.end < len(doc) and doc[span.end].text in ID_WORDS and _plain_words(span)
    ):
        return False  # "Request ID", "Parent Transaction ID": a record's field
    if all(t.text in SQL_WORDS for t in span):
        return False
    if label == "LOC" or (label == "WORK_OF_ART" and _plain_words(span)):
        return False  # "Europe's leading exchanges"; a talk or report title of plain words
    if (
        len(span) == 1
        and span.text.isupper()
        and len(span.text) <= 3
        and span.end < len(doc)
        and YEAR.fullmatch(doc[span.end].text)
    ):
        return False  # "Monitorama PDX 2024": the place code of an event's edition
    if not span.text[0].isupper() and not (len(span) == 1 and _inner_capital(span.text)):
        return False  # lower-case words are for _lower_names; "uForwarder" is a name
    trade = len(span) > 1 and (_org_word(span[-1]) or _coined_trade(span))
    if len(span.text.split()) > 1 and label in SINGLE_ONLY and not trade:
        return False  # "Anna Sulkina", "the Cluster Autoscaler" tagged as a person
    if not trade and is_person([t.text for t in span]) and not _defined(span):
        # "Kevin and Doug explain", "Gunnar Morling shows": speakers, not tools ("Coral is a
        # view virtualization library" is one)
        return False
    if beside_person(doc, span.start, span.end):
        return False  # "Francesc and Mark are joined by", "Zandré and his team": hosts
    if referred_to_as_person(doc, span.start, span.end):
        return False  # "Wojtek will share his experience": a speaker, whatever his name
    if surname_after_name(doc, span.start, span.end) or _cited_author(span):
        return False  # "Caitie McCaffrey Talk": a speaker's surname; "by Huang et al."
    if _cut_person(span, label):
        return False  # "Hemil Kakadia and Yonghe Zhao from Yahoo": the model kept a surname
    if titled(doc, span.start, span.end):
        return False  # "Netflix engineers Ashwin Kayyoor", "Anit, a Senior Software Engineer"
    if _headquarters(span):
        return False  # "The Mountain View California-based company": a place
    if _release_theme(span):
        return False  # "Kubernetes 1.27, “Chill Vibes”, brings": a release's theme name
    if (
        span.text.lower() in RELEASE_STAGES
        or span[-1].lower_ in RELEASE_WORDS
        or any(LICENCE.fullmatch(t.text) for t in span)
    ):
        return False  # "graduated to General Availability (GA)", "Release 24.8", "the AGPLv3"
    if any(t.like_num or t.is_stop or (t.is_punct and t.text not in "-.&/") for t in span):
        return False
    if any(t.lower_ in NOT_NAMES for t in span) or (is_generic(span[-1].text) and not trade):
        return False
    if span.end < len(doc) and doc[span.end].lower_ == "scale" and _plain_words(span):
        # "at Massive Scale", "at Planet Scale": a size, not a name ("helping my friends at
        # Readwise scale their infrastructure": a coined name before the verb)
        return False
    if span.end < len(doc) and doc[span.end].lower_ in LICENCE_WORDS:
        return False  # "a permissive MIT license": a licence, as "the AGPLv3" above
    if span[-1].lower_ in LICENCE_WORDS or TIME_ZONE.match(span.text):
        return False  # "the Apache License version 2.0"; "15:01 GMT+7", a time zone
    if _generic_acronym(span[-1].text):
        return False  # "URL", "ISPs", "Improving LCP": acronyms of generic things, not names
    if (
        len(span) == 1
        and span.end < len(doc)
        and _generic_acronym(doc[span.end].text)
        and _plain_words(span)
    ):
        return False  # "Smart TVs", "Gaming PCs": an ordinary word before a generic acronym
    if label == "NORP" and len(span) == 1 and is_english_word(span.text):
        return False  # "German speakers": a nationality or language, not a product
    if span.end < len(doc) and doc[span.end].lower_ in GROUP_WORDS and len(span) > 1:
        return False  # "the Data 360 Compute Fabric team"; "the Wayfair team" is a company
    if _function_team(span):
        return False  # "on the Distribution team", "the Infra team": what a team does
    if (
        len(span) > 1
        and span[-1].lower_ in GROUP_WORDS
        and all(is_english_word(t.text) for t in span[:-1])
    ):
        return False  # "Our Infrastructure Group designs": a team; "Alibaba Group" is a name
    if event_ending(span[-1].text) or event_follows(doc, span.end):
        return False  # SRECon, KubeCon, AWS re:Invent: events are never annotated
    if _holiday(span):
        return False  # "peak periods such as Diwali and New Year's Eve": dates, not names
    words = [t.text for t in span]
    if is_event_name(words) or is_group_name(words) or names_a_show(doc, span.start):
        return False  # "QCon London", "SIGrelease", "an episode of Cyber Sentries"
    if (
        span.start > 0
        and span.end < len(doc)
        and doc[span.start - 1].text == "("
        and doc[span.end].text == ")"
    ):
        # "(PEUs)": an acronym being defined, handled by the resolver, unless the name of
        # the kind of thing before it ("an evaluation platform (Braintrust)").
        return _named_kind(span) or _affiliation(span)
    if _publisher(span):
        return True  # "in Zorbly" on Zorbly's blog: its publisher, whatever the model says
    if _released_name(span) or _kind_after(span) or _defined(span):
        # "to Zorbly v2.3", "the Frobnicator tool", "Coral is a view virtualization
        # library": a product, whatever the label
        return True
    if label in ("GPE", "LOC") and first.i > 0 and doc[first.i - 1].lower_ in PLACE_CUES:
        return False
    if placed(doc, span.start, span.end):
        return False  # "an Auckland, New Zealand region", "our Bellevue offices": a place
    if is_country(span.text) or (len(span) > 1 and is_country(span[0].text)):
        return False  # "Norway's welfare agency", "USA OSes": a country, never annotated
    if len(span) == 1 and span.text.isupper() and len(span.text) <= 2:
        return False
    if _cued(span) or any(_marked(t.text) for t in span):
        return True
    if _funded(doc, span.end):
        # "Zorbly raised $40M", in a headline too: news of a business; "A European AI
        # Company Just Raised" names the kind of business, not one
        return span[-1].lower_ not in BUSINESS_NOUNS
    if (
        len(span) == 1
        and _plain_words(span)
        and _inflected(span.text)
        and span.text not in doc.user_data.get(PRODUCT_TAILS, ())
    ):
        return False  # "Explores the symptoms", "Mistakes engineers make", "Gophers"
    # "Gradient Labs is a startup": a company's suffix makes plain words a name
    suffixed = len(span) > 1 and span[-1].lower_ in ORG_SUFFIX
    if _opens_sentence(span) and _plain_words(span) and not suffixed:
        # "Supply chain attacks…", "• Notable incidents:": an ordinary word capitalised only
        # because it opens the sentence is a name only when it acts as one; "Fast builds,
        # secure builds" is an adjective before a plural noun, which ends its phrase.
        plural = (
            span.end + 1 < len(doc)
            and doc[span.end].lower_.endswith("s")
            and doc[span.end + 1].is_punct
        )
        return (
            (_acts(doc, span.end, ACTION_STEMS) and not plural)
            or _org_after(doc, span.end)
            # "Gradient Labs is a London-based startup": defined as a business
            or _business_apposition(doc, span.end)
        )
    if first.i == span.sent.start and len(span) == 1:
        # Every sentence starts with a capital: only the model's ORG/PRODUCT on a proper noun,
        # or a name that acts as an organisation ("Klarvio adopted", "Klarvio has migrated")
        # or has its people after it ("Klarvio engineers", "Klarvio software engineer X").
        return _name_like(first) and (
            label in ("ORG", "PRODUCT")
            or _acts(doc, span.end, ACTION_STEMS)
            or _org_after(doc, span.end)
            # "Adevinta, the parent company that includes ...": defined as a business
            or _business_apposition(doc, span.end)
            # "Instapaper hit a cliff with their database": referred to as "they"
            or _owns_their(doc, span.start, span.end)
        )
    if len(span) > 1 and span[-1].lower_ in INSTITUTES:
        return True  # "the Software Engineering Institute", "Carnegie Mellon University"
    if _among_companies(doc, span.start, span.end, listing=True):
        # "Other adopters include American Airlines, Booking.com, Brex, ..., Siemens,
        # Trendyol": a long list of names makes its sentence look like a headline; an item
        # of a list of known companies is a name whatever the capitals say
        return True
    # In a headline every word is capitalised: only oddly cased or cued names are evidence.
    return not is_title_case(span.sent)


OPENING_QUOTES = frozenset(['"', "\u201c", "'", "\u2018"])


# Words before a team's name: "on the Distribution team", "our Identity team".
TEAM_OWNERS = frozenset(["the", "our", "my", "their", "his", "her", "your"])


def _function_team(span: Span) -> bool:
    """One capitalised dictionary word between an article or a possessive and ``team``:
    the part of the organisation by what it does (``the Distribution team``, ``the Infra
    team``), not the organisation, which has a name of its own (``the Wayfair team``)."""
    doc = span.doc
    return (
        len(span) == 1
        and span.start > 0
        and span.end < len(doc)
        and doc[span.end].lower_ in TEAM_NOUNS
        and doc[span.start - 1].lower_ in TEAM_OWNERS
        and not _marked(span.text)
        and is_english_word(span.text)
    )


def _release_theme(span: Span) -> bool:
    """A quoted name right after a release number (``Kubernetes 1.27, “Chill Vibes”``) or
    ``entitled``: the release's theme, a version's nickname (versions are never annotated)."""
    doc, start = span.doc, span.start
    if start < 2 or doc[start - 1].text not in OPENING_QUOTES:
        return False
    before = doc[start - 2]
    if before.lower_ == "entitled":
        return True  # "The release, entitled “Electrify”"; a "codenamed" system is a name
    return (
        before.text == ","
        and start > 2
        and RELEASE_NUMBER.fullmatch(doc[start - 3].text) is not None
    )


def _cut_person(span: Span, label: str) -> bool:
    """One word after a capitalised word no dictionary has, that the model tagged a person or
    that follows it at the sentence's start (``Vu Trinh does``): the surname of a person whose
    given name the model left out; a product's name is not cut so."""
    doc, start = span.doc, span.start
    if len(span) != 1 or start == 0:
        return False
    before = doc[start - 1]
    if not (before.is_title and before.is_alpha and not before.is_stop and before.whitespace_):
        return False
    if label != "PERSON" and before.i != span.sent.start:
        return False
    tokens = doc.user_data.get(TECH_TOKENS, set()) | doc.user_data.get(COMPANY_TOKENS, set())
    return before.i not in tokens and not is_english_word(before.text)


def _cited_author(span: Span) -> bool:
    """``Huang et al.``, ``this is Kagaya,``: a paper's first author, or a writer introducing
    themselves (people are never annotated)."""
    doc, start, end = span.doc, span.start, span.end
    if end < len(doc) and doc[end].lower_ in ("et", "et."):
        return end + 1 < len(doc) and doc[end + 1].lower_.startswith("al")
    before = doc[max(0, start - 3) : start].text.lower()
    return before.endswith(SELF_INTRODUCTION) and (
        end == len(doc) or doc[end].text in (",", ".", "and")
    )


def _holiday(span: Span) -> bool:
    """A possessive before "Eve" or "Day" makes a holiday of any name ("New Year's Eve",
    "Singles' Day"); named holidays alone are ``events.is_holiday``, checked with events."""
    doc, end = span.doc, span.end
    if span[-1].text in POSSESSIVE:
        end -= 1
    elif end < len(doc) and doc[end].text in POSSESSIVE:
        pass
    else:
        return False
    return end + 1 < len(doc) and doc[end + 1].text in ("Eve", "Day")


def _inflected(word: str) -> bool:
    """A plural or third-person form of an English word (``Explores``, ``Mistakes``,
    ``Gophers``): a capitalised ordinary word in a run-together list or a title, which an
    unknown product is hardly ever named."""
    lower = word.lower()
    if not lower.endswith("s") or lower.endswith("ss"):
        return False
    if lower.endswith("ies") and is_english_word(lower[:-3] + "y"):
        return True
    return is_english_word(lower[:-1]) or (lower.endswith("es") and is_english_word(lower[:-2]))
