"""What makes a discovered name an organisation rather than a product.

The sentence treats it as one: ``at X``, ``X's team``, ``X Inc``, ``CEO of X``, ``the security
firm X``, ``X, the world's leading ...``, ``how X rebuilt``, a list of companies; and a vendor
named like its product (``Snowflake ships Iceberg v3``) or a registry name used as a
workplace is that company.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kgraph.extract.acronym_pairs import expansion_start
from kgraph.extract.definitions import defined_as_software
from kgraph.extract.discovery_spans import _funded_after
from kgraph.extract.discovery_words import (
    ARTICLES,
    AUXILIARIES,
    BREACH_WORDS,
    CODED_TRADES,
    COMPANY_TOKENS,
    FUNDING_VERBS,
    INSTITUTES,
    ORG_AFTER,
    ORG_CUES,
    ORG_POSSESSIONS,
    ORG_SUFFIX,
    ORG_TRADES,
    ORG_VERB_STEMS,
    RELEASE_NUMBER,
    RELEASE_WORDS,
    ROLE_MODIFIERS,
    ROLES,
    TEAM_FUNCTIONS,
    TEAM_WORDS,
    TECH_ENDINGS,
    TECH_TOKENS,
    event_ending,
)
from kgraph.extract.english import is_english_word
from kgraph.extract.events import is_event_name
from kgraph.extract.generic import phrases
from kgraph.extract.people import after_speaker
from kgraph.extract.places import is_country
from kgraph.extract.publisher import PUBLISHER, squeezed
from kgraph.extract.resolver import ORG_NOUNS, USE_CUES
from kgraph.extract.spans import (
    LIST_SEPARATORS,
    POSSESSIVE,
    SPANS_KEY,
    TRADEMARKS,
    Candidate,
    add_candidates,
    covered,
    doc_text,
    listed_with,
    method_of,
    spans_in,
    values_of,
    words,
)
from kgraph.extract.variants import is_acronym
from kgraph.model import entity_key

# Last words of an organisation's name that its acronym is defined after: "Cyber Safety
# Review Board (CSRB)", "Universal Health Services (UHS)", "Threat Analysis Group (TAG)".
DEFINED_ORG_HEADS = (
    INSTITUTES
    | ORG_SUFFIX
    | ORG_TRADES
    | phrases("board group office laboratory laboratories authority services hospital")
)


def _organisations_defined(doc: Doc, conf: float) -> None:
    """``Universal Health Services (UHS)``: capitalised words that the acronym after them
    spells and that end like an organisation's name are that organisation (a COMPANY);
    :func:`pair_acronyms` then gives the acronym their type and canonical."""
    if "(" not in doc_text(doc):
        return
    texts = words(doc).text
    taken = covered(doc)
    found = []
    n = len(texts)
    for i in [k for k, text in enumerate(texts) if text == "(" and 2 <= k < n - 2]:
        if texts[i + 2] != ")" or i - 1 in taken or i + 1 in taken:
            continue
        acr = texts[i + 1]
        if not is_acronym(acr) or doc[i - 1].lower_ not in DEFINED_ORG_HEADS:
            continue
        if not doc[i - 1].text[:1].isupper():
            continue
        start = expansion_start(doc, i, acr, taken)
        if start is not None:
            name = doc[start:i].text
            found.append(Candidate(start, i, "COMPANY", entity_key("COMPANY", name), "model", conf))
    if found:
        add_candidates(doc, found)


def _paired_with_companies(doc: Doc, found: list[Candidate], conf: float) -> list[Candidate]:
    """A discovered name joined by ``and`` or ``or`` to an organisation is one too: ``research
    at UC Berkeley and LMSYS``, ``Zorbly or Quillmark engineers`` (the organisation known or
    found here; ``_among_companies`` sees known ones only)."""
    if not any(c.type == "COMPANY" for c in found):
        return found
    starts = {c.start: c for c in found if c.type == "COMPANY"}
    ends = {c.end: c for c in found if c.type == "COMPANY"}
    known = doc.user_data.get(COMPANY_TOKENS) or set()
    out = []
    for c in found:
        if c.type == "TECHNOLOGY" and c.method == "model":
            before = c.start > 1 and doc[c.start - 1].lower_ in ("and", "or")
            after = c.end + 1 < len(doc) and doc[c.end].lower_ in ("and", "or")
            if (before and (c.start - 1 in ends or c.start - 2 in known)) or (
                after and (c.end + 1 in starts or c.end + 1 in known)
            ):
                c = c._replace(
                    type="COMPANY", key=entity_key("COMPANY", doc[c.start : c.end].text), conf=conf
                )
        out.append(c)
    return out


# What an organisation based in a place is called: "a Seattle-based startup".
BASED_ORGS = phrases("company companies startup startups firm firms vendor provider unicorn")


def _headquarters(span: Span) -> bool:
    """``Seattle-based startup``: a name before ``-based`` and a word for an organisation is
    where that organisation sits (places are never annotated); ``Kafka-based platform``
    keeps Kafka."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc) or doc[end].text != "-" or doc[end + 1].lower_ != "based":
        return False
    return any(t.lower_ in BASED_ORGS for t in doc[end + 2 : end + 5])


def _among_companies(doc: Doc, start: int, end: int, listing: bool = False) -> bool:
    """A name listed with known companies and no technology is one too: ``PayPal and
    Zorbly both took the stage``. With ``listing``, a word found as a name by this alone
    must be in a real list (``talks from Airbnb, Bloomberg, Zorbly, and Slack``: three
    items or more, one known, or two known), as with technologies."""
    companies = doc.user_data.get(COMPANY_TOKENS)
    if not companies:
        return False
    if listing and not (
        (start > 0 and doc[start - 1].lower_ in LIST_SEPARATORS)
        or (end < len(doc) and doc[end].lower_ in LIST_SEPARATORS)
    ):
        return False  # no separator beside it: no list (most words, and cheap to tell)
    found, items = listed_with(doc, start, end, companies)
    if found == 0 or (listing and found == 1 and items < 2):
        return False
    # A list is of one kind of thing: more companies than technologies in it make it a list
    # of organisations ("OpenAI, Mistral, Zorbly, and Guardrails AI").
    return listed_with(doc, start, end, doc.user_data.get(TECH_TOKENS) or set())[0] < found


def _affiliation(span: Span) -> bool:
    """The organisation after a speaker's name: ``Thomas Graf, Isovalent``."""
    return after_speaker(span.doc, span.start, span.end)


def _publisher(span: Span) -> bool:
    """``span`` is the name of its post's publisher (:mod:`kgraph.extract.publisher`)."""
    keys = span.doc.user_data.get(PUBLISHER)
    return bool(keys) and squeezed(span.text) in keys


def _publisher_names(doc: Doc, claimed: set[int], conf: float) -> list[Candidate]:
    """The publisher's own name where nothing else claimed it: ``at Back Market`` on the
    Back Market Engineering blog (words the NER and the one-word cues pass over), or
    ``the cabify stack`` on Cabify's (its name in lower case). A publisher writes about its
    own work: its name there is the organisation. Not a text that is only the name or opens
    with it as a label (a feed's), nor a part of a longer name (``Zorbly Daily``); a name of plain
    words (``Distributed Readings``) only where the sentence treats it as an organisation,
    and one in lower case not as a tool used (``photos on zorbly``) nor as a plain word."""
    keys = doc.user_data.get(PUBLISHER)
    if not keys:
        return []
    text = squeezed(doc_text(doc))
    keys = [k for k in keys if k in text]  # most texts never write their publisher's name
    if not keys:
        return []
    found = []
    w = words(doc)
    # A span's squeezed text is its words' squeezed texts joined (the spaces between go),
    # so a span of one to three words is looked up without making it.
    bits = [squeezed(lower) for lower in w.lower]
    for i in range(len(doc)):
        if i in claimed or not w.text[i][:1].isalnum():
            continue
        key = ""
        for end in range(i + 1, min(i + 4, len(doc) + 1)):
            if end - 1 in claimed:
                break
            key += bits[end - 1]
            if key in keys:
                if _publisher_name(doc, doc[i:end]):
                    found.append(
                        Candidate(
                            i, end, "COMPANY", entity_key("COMPANY", doc[i:end].text), "model", conf
                        )
                    )
                    claimed |= set(range(i, end))
                break
            # a longer span's key starts with this one: none can match if no name does
            if not any(k.startswith(key) for k in keys):
                break
    return found


def _publisher_name(doc: Doc, name: Span) -> bool:
    """``name``, written as its post's publisher's name, names the publisher (see above)."""
    if len(name) == len(doc) or _defined(name):
        return False
    if (
        name.end < len(doc)
        and doc[name.end].text[:1].isupper()
        and name.end not in doc.user_data.get(TECH_TOKENS, ())
    ):
        return False  # "Zorbly Daily": a longer name ("the Zorbly Android app": its product)
    before = doc[name.start - 1] if name.start else None
    if before is not None and before.text[:1].isupper() and not before.is_stop:
        return False  # "Apache Pinot Meetup": the end of a longer name
    if before is None and name.end < len(doc) and doc[name.end].text in (":", "-", "|"):
        return False  # "Zorbly Weekly: big-data": the feed's label before the topic
    if name.text.islower():
        return (
            len(name) == 1
            and not is_english_word(name.text)
            and (before is None or before.lower_ not in USE_CUES)
        )
    if not all(t.text[:1].isupper() for t in name if t.is_alpha):
        return False
    if all(is_english_word(t.text) for t in name if t.is_alpha):
        # the publisher's name is no cue here: "at X", "X engineers", "X rebuilt" are
        return (
            (before is not None and before.is_lower and before.lower_ in ORG_CUES)
            or _org_after(doc, name.end)
            or _acts(doc, name.end)
            or (name.end < len(doc) and doc[name.end].text in POSSESSIVE)  # "X's News sites"
        )
    return True


def _org_after(doc: Doc, i: int) -> bool:
    """``X engineers``, ``X joined``, ``X's team``, ``X software engineer`` follow a name at ``i``."""
    if i >= len(doc):
        return False
    if doc[i].lower_ in ORG_AFTER or (doc[i].lower_ in ROLES and doc[i].text != "Engineer"):
        return True
    if doc[i].lower_ in ROLE_MODIFIERS and i + 1 < len(doc) and doc[i + 1].lower_ in ROLES:
        return True
    if doc[i].text not in POSSESSIVE:
        return False
    if i + 1 < len(doc) and doc[i + 1].lower_ in ORG_POSSESSIONS:
        return True  # "X's mission", "X's newest product": what only an organisation has
    # "X's team", and "X's Model Lifecycle team": a team named inside the organisation.
    j = i + 1
    while j < min(i + 4, len(doc) - 1) and doc[j].text[:1].isupper() and doc[j].is_alpha:
        j += 1
    # "X's technical team", "X's data platform team": what the team does, in lower case
    while j < min(i + 4, len(doc) - 1) and doc[j].lower_ in TEAM_WORK and doc[j].is_lower:
        j += 1
    return j < len(doc) and doc[j].lower_ in TEAM_WORDS


# What a team works on, written in lower case between an organisation's possessive and
# "team": its function words and "technical".
TEAM_WORK = TEAM_FUNCTIONS | phrases("technical tech core")


def _marked(word: str) -> bool:
    """Case no English word has: ``GitHub``, ``eBPF``, ``RPKI`` (not ``I``, not ``US``)."""
    if word.isupper():
        return sum(c.isalpha() for c in word) >= 3
    rest = word[1:]
    return rest != rest.lower()  # a capital after the first letter (no generator: hot path)


def _inner_capital(word: str) -> bool:
    """A short lower-case prefix glued to a capitalised word: ``uForwarder``, ``gRPC``.

    Not the "electronic" ``e`` of ordinary words and rules (``eCommerce``, ``eIDAS``)."""
    head = len(word) - len(word.lstrip("abcdefghijklmnopqrstuvwxyz"))
    if word[:head] == "e":
        return False
    return 1 <= head <= 3 and len(word) > head + 2 and word[head].isupper() and word.isalnum()


def _organisation(span: Span, label: str) -> bool:
    """Treated as an organisation: ``X Inc``, ``at X``, ``X's``, ``X engineers``, ``X built``."""
    doc = span.doc
    if _org_word(span[-1]) and (len(span) > 1 or span[-1].lower_ in ORG_SUFFIX):
        return True
    if _coined_trade(span):
        return True
    if _defined(span):
        return False  # "TigerBeetle is a financial transactions database": the software
    if len(span) > 2 and any(t.lower_ in INNER_TRADES and t.text[:1].isupper() for t in span[1:-1]):
        return True  # "Raiffeisen Bank International": a bank's name goes on after its trade
    if _publisher(span):
        return True  # "Zorbly" in a post of the Zorbly Tech Blog: its own publisher
    if _affiliation(span):
        return True  # "Thomas Graf, Isovalent": the speaker's employer
    if _marked(span[-1].text) and span[-1].text.endswith(TECH_ENDINGS):
        return False  # "BoltDB's freelist": a database, whatever the possessive says
    end = span.end
    if end + 1 < len(doc) and doc[end].text in TRADEMARKS:
        end += 1  # "the Sorry\u2122 team": a brand's sign is written on, not a word of the phrase
    after = doc[end].lower_ if end < len(doc) else ""
    if after == "team" or _org_after(doc, end):
        return True  # "X engineers", "X joined", "X's team"
    if span.end < len(doc) and doc[span.end].text == "group":
        return True  # "the HellCat group": a group of people, as a threat actor or a vendor
    if _breached(doc, span.end):
        return True
    if span.start > 0 and doc[span.start - 1].lower_ in ORG_CUES:
        return True
    if span.start > 0 and doc[span.start - 1].text == "@" and doc[span.start - 1].whitespace_:
        return True  # "Scaling @ Zorbly": "at" written short; "@Singleton" is code
    if _reported_by(doc, span.start) or _how_it_acts(doc, span.start, span.end):
        return True
    if _kind_of_business_before(doc, span.start):
        return True
    if span.start > 0 and doc[span.start - 1].lower_ in BUYING and doc[span.start - 1].is_lower:
        return True  # "Akamai bought Linode": what a business buys is a business
    if _renamed_company(doc, span.start, span.end):
        return True
    if _led_by_role(doc, span.start) or _business_apposition(doc, span.end):
        return True
    if _listed_as_organisations(doc, span.start):
        return True  # "clients including Joinable and others", "companies like Zorbly"
    if _acts(doc, span.end) or _acts(doc, _after_apposition(doc, span.end)):
        return True
    if _funded(doc, span.end) or _funded(doc, _after_apposition(doc, span.end)):
        return True
    if _owns_their(doc, span.start, span.end):
        return True
    # "TeamPCP's fifth compromise": a new name used as a possessive is an organisation
    # (entity rules), a known product's possessive ("BoltDB's freelist") is handled above,
    # and a name with a release number ("GLM-4.7's") is a product's.
    if span.end >= len(doc) or doc[span.end].text not in POSSESSIVE:
        return False
    return not any(c.isdigit() for c in span.text)


def _breached(doc: Doc, end: int) -> bool:
    """``the Zorbly breach``, ``The Zorbly Data Breach``: the name before ``end`` is whose
    systems were breached, an organisation."""
    if end < len(doc) and doc[end].lower_ == "data":
        end += 1
    return end < len(doc) and doc[end].lower_ in BREACH_WORDS


def _defined(span: Span) -> bool:
    """The sentence defines the name as a kind of software (:mod:`kgraph.extract.definitions`):
    ``Medusa is a new open source backup tool``, ``MotherDuck, a modern cloud data warehouse``."""
    doc = span.doc
    end = span.end_char if span.end >= len(doc) or doc[span.end].text not in POSSESSIVE else -1
    return end >= 0 and defined_as_software(doc_text(doc)[end : end + 200])


# Trades inside a longer organisation's name ("Raiffeisen Bank International").
INNER_TRADES = phrases("bank airlines insurance")
RENAMES = phrases("now formerly previously later")


def _renamed_company(doc: Doc, start: int, end: int) -> bool:
    """A known company's other name: ``Softlayer (now IBM Cloud)``, ``Meta (formerly
    Facebook)``: a rename keeps the kind of thing named."""
    companies = doc.user_data.get(COMPANY_TOKENS)
    if not companies:
        return False
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 1].lower_ in RENAMES:
        return end + 2 in companies
    return (
        start > 2
        and doc[start - 1].lower_ in RENAMES
        and doc[start - 2].text == "("
        and start - 3 in companies
    )


# The kind of business written before a name: "the security firm Armis", "a software
# supplier called Kaseya", "with maker Yubico" (not "operator", "business", "enterprise",
# which also qualify software: "the Strimzi operator", "enterprise Foo").
BUSINESS_BEFORE = phrases(
    """
    company startup start-up retailer bank neobank provider firm vendor supplier maker
    manufacturer agency consultancy publisher airline fintech insurer subsidiary
    """
)


# Whom a business serves, named as its own: "our client X", "their customer X".
SERVED = phrases("client customer")
SERVERS = phrases("our their")


def _kind_of_business_before(doc: Doc, start: int) -> bool:
    """``security firm X``, ``a supplier called X``, ``a healthcare company, X,``, ``our
    client X``, ``India-based streaming service X``: the name of a business."""
    if start > 1 and doc[start - 1].lower_ in SERVED and doc[start - 2].lower_ in SERVERS:
        return True
    if _based_in_country(doc, start):
        return True
    if start > 1 and doc[start - 1].lower_ in ("called", "named"):
        start -= 1
    elif (
        start > 2
        and doc[start - 1].text == ","
        and any(t.lower_ in ARTICLES for t in doc[max(0, start - 5) : start - 2])
    ):
        start -= 1  # the business named first, its name in apposition after a comma
    return start > 0 and doc[start - 1].lower_ in BUSINESS_BEFORE


def _based_in_country(doc: Doc, start: int) -> bool:
    """``India-based streaming service X``, ``a US-based cloud provider X``: what sits in a
    country is an organisation, whatever kind of service the words between call it (a place
    is never a product's attribute; ``Kafka-based platform`` is no country's)."""
    i = start - 1
    while i >= 0 and start - i <= 4 and doc[i].is_lower and doc[i].lower_ != "based":
        i -= 1  # the kind of business: "streaming service", "cloud provider"
    return (
        i >= 2
        and i < start - 1
        and doc[i].lower_ == "based"
        and doc[i - 1].text == "-"
        and is_country(doc[i - 2].text)
    )


def _reported_by(doc: Doc, start: int) -> bool:
    """``according to X``: a source quoted in news, an organisation when not a person."""
    return start > 1 and doc[start - 1].lower_ == "to" and doc[start - 2].lower_ == "according"


# What an organisation did or does with its systems, after "how X": a past tense
# ("improved", "rebuilt") or a verb of using and running things ("uses", "manages"). A
# product's own behaviour takes other verbs ("how TrueTime bounds", "how Foo points").
HOW_IRREGULAR_PAST = phrases("built rebuilt rewrote made took did grew ran kept won cut")
HOW_USER_VERBS = phrases(
    """
    uses leverages manages operates consumes develops builds adopts deploys migrates ships
    tackles approaches runs designs
    """
)
HOW_NOT_ACTS = phrases("need based speed seed feed embed")


def _how_it_acts(doc: Doc, start: int, end: int) -> bool:
    """``how SoundCloud improved``, ``How Natural Intelligence simplified``, ``how Wayve
    manages``: a teaser's story of what a named actor did, which in engineering writing is
    an organisation."""
    if start == 0 or doc[start - 1].lower_ != "how" or end >= len(doc):
        return False
    verb = doc[end]
    if not verb.is_alpha or verb.lower_ in HOW_NOT_ACTS:
        return False
    low = verb.lower_
    return low.endswith("ed") or low in HOW_IRREGULAR_PAST or low in HOW_USER_VERBS


# The people who lead or staff an organisation, before "of" and its name: "CEO of Zorbly",
# "co-founder of Zorbly"; and the verbs of a partnership before "with": "partnered with".
LEADERS = ROLES | phrases("cofounder founders co-founders president employees member members")
PARTNER_STEMS = ("partner", "teamed", "teaming", "collaborat")
# What a business is, in an apposition after its name: "Zorbly, the world's leading online
# travel marketplace"; not "platform" or "service", which software shares.
BUSINESS_NOUNS = phrases(
    """
    company companies startup start-up marketplace retailer bank neobank provider firm vendor
    agency consultancy consulting publisher manufacturer operator carrier airline fintech
    insurer unicorn business enterprise subsidiary
    """
)


def _led_by_role(doc: Doc, start: int) -> bool:
    """``CEO of X``, ``co-founder of X``, ``partnered with X``, ``teamed up with X``: the
    name at ``start`` is an organisation."""
    if start < 2:
        return False
    before, word = doc[start - 1].lower_, doc[start - 2].lower_
    if before == "of":
        # "on behalf of Niantic": whom a service is done for, an organisation or a person
        return word in LEADERS or word == "behalf"
    if before != "with":
        return False
    if word == "up" and start > 2:
        word = doc[start - 3].lower_
    return word.startswith(PARTNER_STEMS)


# How a business ranks itself: "the world's leading ...", "the world's largest ...".
WORLD_RANKS = phrases("leading largest")


def _business_apposition(doc: Doc, end: int) -> bool:
    """``X, the world's leading online travel marketplace``, ``X is a leading online
    marketplace``: an apposition or a definition that names the kind of business ``X`` is
    (entity rules: "X, the <business>" is a COMPANY); and ``X is the world's leading ...``,
    the ranking only a business claims for itself."""
    if end + 1 >= len(doc) or doc[end].lower_ not in (",", "is", "was"):
        return False
    if (
        doc[end].text != ","
        and end + 4 < len(doc)
        and doc[end + 1].lower_ == "the"
        and doc[end + 2].lower_ == "world"
        and doc[end + 3].text in POSSESSIVE
        and doc[end + 4].lower_ in WORLD_RANKS
    ):
        return True  # "X is the world's leading content platform": a business's boast
    nouns = BUSINESS_NOUNS
    if doc[end].text != "," and doc[end + 1].lower_ not in ("a", "an", "the"):
        return False  # "X is a leading online marketplace"; not "X is our ..."
    if _one_of(doc, end + 1):
        nouns = AMONG_BUSINESSES  # "X, one of AWS's Enterprise Support customers"
    elif doc[end + 1].lower_ not in ARTICLES:
        return False
    for tok in doc[end + 2 : end + 10]:
        if tok.is_punct and tok.text not in "-/’'":
            return False
        if nouns is AMONG_BUSINESSES and tok.lower_ in HEAD_ENDS:
            return False  # "one of the best tools for customers": the kind came before
        if tok.lower_ in nouns and not (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-"):
            return True  # not a modifier: "a novel provider-side optimization"
    return False


# Who a business serves, in an apposition that counts the name among them: "X, one of
# AWS's customers" (a single "a customer data platform" is software's kind).
CLIENTS = phrases("customers clients")
HEAD_ENDS = phrases("for in at on with to by from that which")
AMONG_BUSINESSES = BUSINESS_NOUNS | CLIENTS | {noun + "s" for noun in BUSINESS_NOUNS}


def _one_of(doc: Doc, i: int) -> bool:
    """``one of`` at ``i``: the apposition counts the name among a kind of thing."""
    return i + 1 < len(doc) and doc[i].lower_ == "one" and doc[i + 1].lower_ == "of"


def _after_apposition(doc: Doc, end: int) -> int:
    """Where the sentence goes on after ``, a major e-commerce platform,`` following a name
    at ``end`` (``end`` itself when no such apposition follows)."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return end
    if doc[end + 1].lower_ not in ARTICLES and not _one_of(doc, end + 1):
        return end
    for i in range(end + 2, min(end + 12, len(doc))):
        if doc[i].text == ",":
            return i + 1
        if doc[i].is_punct and doc[i].text not in "-/":
            break
    return end


# Words before "its" that are no verb: "used Docker for its builds" says nothing of Docker.
LINKING_WORDS = phrases("for with in on to into from of by as at about over via through")


# Whom a thing saves: "LogHouse also saved us millions" is the tool's merit, not a business's act.
SAVED_FOR = phrases("us me you them him her")


def _acts(doc: Doc, end: int, stems: tuple[str, ...] = ORG_VERB_STEMS) -> bool:
    """The name before ``end`` is the subject of an organisation's verb: "Klarvio rebuilt",
    "Klarvio has migrated", "Klarvio runs its services"."""
    for i in range(end, min(end + 3, len(doc))):
        tok = doc[i]  # by index: no Span per call (it runs on every capitalised word)
        if (
            tok.lower_.startswith(stems)
            and not _nominal(tok.lower_)
            and not (tok.lower_ == "saved" and i + 1 < len(doc) and doc[i + 1].lower_ in SAVED_FOR)
        ):
            # "ClickHouse Release 24.8": a release word before its version is a noun
            return not (
                tok.lower_ in RELEASE_WORDS
                and i + 1 < len(doc)
                and RELEASE_NUMBER.fullmatch(doc[i + 1].text) is not None
            )
        if (
            i + 1 < len(doc)
            and doc[i + 1].lower_ in ("its", "their")
            and tok.is_lower
            and tok.lower_ not in LINKING_WORDS
        ):
            return True  # "Klarvio runs its services"; not "used Docker for its builds"
        if tok.lower_ not in AUXILIARIES and not (tok.is_lower and tok.lower_.endswith("ly")):
            return False  # "Klarvio has recently migrated", "Klarvio successfully migrated"
    return False


def _owns_their(doc: Doc, start: int, end: int) -> bool:
    """A coined name opening its sentence whose verb's clause goes on to ``their``, no
    other name between: "Instapaper hit a performance cliff with their database". Writers
    refer to an organisation as "they" and to software as "it" (on the annotated sets of
    blocks A and C such subjects are companies about twenty times; the two products among
    them are known names, which this never judges)."""
    if end >= len(doc) or start != doc[start].sent.start or not doc[end].is_lower:
        return False
    if end - start != 1 or is_english_word(doc[start].text):
        return False
    for i in range(end, min(end + 20, doc[start].sent.end)):
        tok = doc[i]
        if tok.lower_ == "their":
            return True
        if tok.text[:1].isupper() or tok.text in (";", ":"):
            return False  # another name may be theirs; another clause
    return False


def _funded(doc: Doc, end: int) -> bool:
    """The name before ``end`` raised money: "Zorbly raised $40M", "Zorbly, a cloud
    platform, has secured Series B funding" (news of a business, so an organisation)."""
    for i in range(end, min(end + 3, len(doc))):
        low = doc[i].lower_
        if low in FUNDING_VERBS:
            return _funded_after(doc, i + 1)
        if low not in AUXILIARIES and low != "just":
            return False
    return False


def _nominal(word: str) -> bool:
    """A noun made from an organisation's verb (``developments``, ``announcements``,
    ``developers``, ``partnership``, ``migration``): "Key announcements include" and "a
    Very Big Migration" have no actor."""
    if word.endswith(("ment", "ments", "ership", "erships", "ion", "ions")):
        return True
    return word.endswith(("er", "ers")) and not word.startswith("partner")


def _org_word(tok) -> bool:
    """A capitalised last word that company names end with: ``Labs``, ``Robotics``."""
    return tok.text[:1].isupper() and tok.lower_ in ORG_SUFFIX | ORG_TRADES


def _coined_trade(span) -> bool:
    """``HVR Software``, ``Entro Security``: a coined word before a field a company's name
    ends with (:data:`CODED_TRADES`) is that company; ``Backup Flight Software`` is not."""
    return (
        len(span) == 2
        and span[-1].text[:1].isupper()
        and span[-1].lower_ in CODED_TRADES
        and span[0].text[:1].isupper()
        and span[0].is_alpha
        and not is_english_word(span[0].text)
    )


def _name_like(tok) -> bool:
    """A capitalised word that is not a common verb or adverb form (no tagger runs here)."""
    return (
        tok.text[:1].isupper()
        and not tok.is_stop
        and not (tok.lower_.endswith(("ing", "ed")) and is_english_word(tok.text))
        and not _adverb(tok.lower_)
    )  # "Vinted" is a name, "Scaling" a verb


def _adverb(lower: str) -> bool:
    """``Quickly``, ``Simply``, ``Basically``: an adjective with ``-ly``; ``Firefly`` and
    ``Family`` end in ``ly`` but are nouns, which can be names."""
    if not lower.endswith("ly") or not is_english_word(lower):
        return False
    stem = lower[:-2]
    forms = [stem, stem[:-1] + "y", stem + "le"]
    if lower.endswith("ally"):
        forms.append(lower[:-4])  # "basically"
    return any(is_english_word(s) for s in forms if len(s) > 2)


# What a vendor does that its product does not: "Snowflake ships Iceberg v3", "ScyllaDB
# joined the party", "ClickHouse announced".
VENDOR_STEMS = (
    "announc",
    "launch",
    "releas",
    "ships",
    "shipped",
    "unveil",
    "acquir",
    "hire",
    "hiring",
    "raise",
    "partner",
    "open-sourc",
    "publish",
    "introduc",
    "join",
    "contracted",
    "commissioned",
    "sponsor",
)
# Nouns for a kind of business used as a title before its name: "AWS partner Supabase".
BUSINESS_TITLES = phrases("partner startup fintech vendor provider customer competitor rival")
# "ClickHouse was released": the product is what the verb is done to.
PASSIVE = frozenset(["is", "was", "were", "are", "been", "be", "being"])
# Verbs of an author or host before "by": "recapped by Snowflake", "a talk hosted by X";
# "powered by X" and "backed by X" are the product.
BY_AUTHOR = (
    "recap",
    "written",
    "hosted",
    "organi",
    "published",
    "announced",
    "presented",
    "released",
    "sponsored",
    "acquired",
)


def _vendors_acting(doc: Doc, vendors: frozenset[str], made: frozenset[str] = frozenset()) -> None:
    """A technology named like its maker is the maker (a COMPANY, entity rules) where the
    sentence treats it as an organisation: ``Snowflake ships``, ``recapped by Snowflake``,
    ``co-founder of ScyllaDB``, ``ScyllaDB engineers``, ``ScyllaDB’s``; elsewhere it stays the
    product. So is any known technology listed as organisations (``Browser vendors Chrome,
    Firefox, and Safari collaborated``, ``companies like Cursor, Notion, and Linear``)."""
    if not vendors and not made:
        return
    # Organisation nouns are rare: one look at the text spares most documents the list test.
    lowered = doc_text(doc).lower()
    org_nouns = any(noun in lowered for noun in ORG_NOUNS)
    spans = spans_in(doc)
    changed = False
    for n, span in enumerate(spans):
        if span.label_ != "TECHNOLOGY" or method_of(span) != "ontology":
            continue
        if org_nouns and _listed_as_organisations(doc, span.start):
            # "Browser vendors Chrome, Firefox", "companies like Cursor, Notion": a list of
            # organisations makes each name in it one
            spans[n] = _as_company(span)
            changed = True
            continue
        if len(span) == 1 and _among_many_companies(doc, spans, span):
            # "backed by Red Hat, IBM, NVIDIA, Intel, Lambda, and Mistral AI": a long list
            # of organisations and no product names its items as organisations
            spans[n] = _as_company(span)
            changed = True
            continue
        if _breached(doc, span.end) and (span.id_ in vendors or span.id_ not in made):
            # "The CircleCI Data Breach": whose systems were breached is the business that
            # runs them, the product's own name when no other company makes it
            spans[n] = _as_company(span)
            changed = True
            continue
        if span.id_ not in vendors:
            continue
        end = span.end - 1 if doc[span.end - 1].text in POSSESSIVE else span.end
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        acting = (
            _org_after(doc, end)
            # "ClickHouse’s focus on real-time analytics", "Grafana's GitHub token": in the
            # possessive, a name shared with its maker is the maker (the annotated real sets:
            # eight such possessives are the company, four the product)
            or end < span.end
            or (end < len(doc) and doc[end].lower_ not in PASSIVE and _acts(doc, end, VENDOR_STEMS))
            or (
                before == "by"
                and span.start > 1
                and doc[span.start - 2].lower_.startswith(BY_AUTHOR)
            )
            or (before == "of" and span.start > 1 and doc[span.start - 2].lower_ in ROLES)
            # "AWS partner Supabase", "the fintech Zorbly": a business noun as its title
            or (before in BUSINESS_TITLES and doc[span.start - 1].is_lower)
        )
        if not acting:
            continue
        spans[n] = _as_company(span)
        changed = True
    if changed:
        doc.spans[SPANS_KEY] = spans


# What only a business does, of a name that is also its product: "CircleCI recently
# launched", "npm published a blog", "X is hiring". Not a release or an announcement
# ("Kubernetes introduced", "OpenTelemetry announces"): a project does those too.
BUSINESS_STEMS = (
    "launch",
    "acquir",
    "hire",
    "hiring",
    "raise",
    "raising",
    "partner",
    "publish",
    "sponsor",
    "unveil",
    "contracted",
    "commissioned",
)
# Who leads a business: "founder and CEO of Gremlin" (not "engineer of", said of projects).
HEADS = ROLES - phrases("engineer engineers")


def _does_business(doc: Doc, end: int) -> bool:
    """The name before ``end`` is the subject of a business's verb, after auxiliaries and
    adverbs only (``CircleCI has recently launched``); unlike :func:`_acts`, "X and its
    connectors" or "X changed its license" do not count (projects have their own too)."""
    for i in range(end, min(end + 3, len(doc))):
        tok = doc[i]
        if tok.lower_.startswith(BUSINESS_STEMS) and not _nominal(tok.lower_):
            return True
        if tok.lower_ not in AUXILIARIES - PASSIVE and not (
            tok.is_lower and tok.lower_.endswith("ly")
        ):
            return False
    return False


def _own_makers_acting(doc: Doc, own: frozenset[str]) -> None:
    """A technology with no maker of another name is its own maker, a COMPANY (entity
    rules: a brand acting as the organisation), where the sentence gives it what only a
    business does or has: ``CircleCI recently launched``, ``the CEO of Gremlin``, ``the
    startup Koyeb``. Its own engineers, its possessive and its releases say nothing: an
    open-source project has them too (``Rust engineers``, ``Kafka's design``)."""
    if not own:
        return
    spans = list(doc.spans.get(SPANS_KEY, []))
    changed = False
    for n, span in enumerate(spans):
        if span.label_ != "TECHNOLOGY" or span.id_ not in own or method_of(span) != "ontology":
            continue
        start, end = span.start, span.end
        if doc[end - 1].text in POSSESSIVE:
            continue
        before = doc[start - 1] if start > 0 else None
        if any(tok.like_num for tok in span):
            continue  # "Flink 1.0 launched": a release, not a business
        acting = (
            _does_business(doc, end)
            or (
                before is not None
                and before.lower_ == "of"
                and start > 1
                and doc[start - 2].lower_ in HEADS
            )
            or (before is not None and before.is_lower and before.lower_ in BUSINESS_TITLES)
        )
        if acting:
            spans[n] = _as_company(span)
            changed = True
    if changed:
        doc.spans[SPANS_KEY] = spans


def _companies_treated_as_organisations(doc: Doc, known) -> None:
    """An ambiguous company name (a registry name that could be a plain word: ``Isovalent``,
    ``Kaseya``) is supported where the sentence treats it as an organisation (``at X``, ``X
    engineers``, ``Thomas Graf, X``, ``X says``): the cue that makes an unknown name a
    company makes a known one sure."""
    for span in known:
        if (
            span.label_ == "COMPANY"
            and values_of(span)[2]
            and (
                _organisation(span, "")
                # "Splunk, Siemens, Trendyol, Twilio, Wise, and hundreds of others"
                or _among_companies(doc, span.start, span.end, listing=True)
            )
        ):
            span._.kg_ambiguous = False


def _registry_names_as_workplaces(doc: Doc, registry: frozenset[str]) -> None:
    """A registry technology's one-word name where the sentence makes it a workplace or an
    organisation (``a software engineer at Riot``, ``over at CloudZero``, ``Riot
    engineers``) is the organisation: a generated entry's type is its source's guess, the
    sentence is better evidence. A curated product's name is the organisation only as a
    workplace (``a service at Heroku``, ``CTO at InfluxDB``; entity rules: a brand acting
    as the organisation), never by ``X engineers`` (``iOS engineers``, ``Rust engineers``),
    nor where a thing is put (``hosted at Heroku``)."""
    spans = spans_in(doc)
    changed = False
    for n, span in enumerate(spans):
        if span.label_ != "TECHNOLOGY" or method_of(span) != "ontology" or len(span) > 2:
            continue
        if span.id_ not in registry and not _workplace(doc, span.start):
            continue
        if span.id_ in registry and (
            _listed_among_companies(doc, spans, span) or _bought(doc, span.start)
        ):
            spans[n] = _as_company(span)  # "OpenAI, Mistral, and Guardrails AI"
            changed = True
            continue
        end = span.end - 1 if doc[span.end - 1].text in POSSESSIVE else span.end
        if end - span.start != 1:
            continue
        before = doc[span.start - 1] if span.start > 0 else None
        at = before is not None and before.lower_ == "at" and before.is_lower
        if (
            at
            and end < len(doc)
            and (doc[end].text[:1].isupper() or doc[end].lower_ in EVENT_AFTER)
        ):
            continue  # "at Kafka Summit", "at Riot scale"
        if at or _org_after(doc, end):
            spans[n] = _as_company(span)
            changed = True
    if changed:
        doc.spans[SPANS_KEY] = spans


# Verbs whose object is a business bought: "F5 is buying Threat Stack", "Zorbly acquired X".
BUYING = phrases("buy buys buying bought acquire acquires acquired acquiring")


def _bought(doc: Doc, start: int) -> bool:
    """The name at ``start`` is what a business buys: ``buying X``, ``the acquisition of
    X`` (a registry's guess of a product is then the company that makes it)."""
    if start < 1:
        return False
    before = doc[start - 1].lower_
    if before == "of" and start > 1:
        return doc[start - 2].lower_ == "acquisition"
    return before in BUYING and doc[start - 1].is_lower


def _listed_among_companies(doc: Doc, spans: list, span: Span) -> bool:
    """``span`` in a list with two or more known companies and fewer technologies: a list
    is of one kind of thing."""
    start, end = span.start, span.end
    if not (
        (start > 0 and doc[start - 1].lower_ in LIST_SEPARATORS)
        or (end < len(doc) and doc[end].lower_ in LIST_SEPARATORS)
    ):
        return False  # no separator beside it: no list (most spans, and cheap to tell)
    companies = {i for s in spans if s.label_ == "COMPANY" for i in range(s.start, s.end)}
    found = listed_with(doc, start, end, companies)[0]
    if found < 2:
        return False
    tech = {
        i
        for s in spans
        if s.label_ == "TECHNOLOGY" and s is not span
        for i in range(s.start, s.end)
    }
    return listed_with(doc, start, end, tech)[0] < found


def _among_many_companies(doc: Doc, spans: list, span: Span) -> bool:
    """``span`` in a list with three or more known companies and no other technology."""
    start, end = span.start, span.end
    if not (
        (start > 0 and doc[start - 1].lower_ in LIST_SEPARATORS)
        or (end < len(doc) and doc[end].lower_ in LIST_SEPARATORS)
    ):
        return False
    companies = {i for s in spans if s.label_ == "COMPANY" for i in range(s.start, s.end)}
    if listed_with(doc, start, end, companies)[0] < 3:
        return False
    tech = {
        i
        for s in spans
        if s.label_ == "TECHNOLOGY" and s is not span
        for i in range(s.start, s.end)
    }
    return listed_with(doc, start, end, tech)[0] == 0


def _workplace(doc: Doc, start: int) -> bool:
    """``at X`` where X, capitalised, is where people work or things are done, not where
    something is placed (``hosted at X``, ``available at X``)."""
    if start < 2 or doc[start - 1].text != "at" or not doc[start].text[:1].isupper():
        return False
    verb = doc[start - 2].lower_
    return not (verb.endswith("ed") or verb in PLACED_AT)


# Words before "at X" that make X a place where something is put or found, or the subject
# looked at ("a look at X", "looks back at X").
PLACED_AT = phrases(
    "available live up runs run running hosting deploy deploying look looks looking back glance"
)
# Words after "at X" that make X a thing or an event rather than a workplace.
EVENT_AFTER = phrases("scale speed level summit conference conf meetup day days")


def _as_company(span: Span) -> Span:
    """The same span and name, as the organisation."""
    name = span.id_.split(":", 1)[1]
    out = Span(span.doc, span.start, span.end, label="COMPANY", span_id=entity_key("COMPANY", name))
    out._.kg_method = span._.kg_method
    out._.kg_conf = span._.kg_conf
    out._.kg_ambiguous = span._.kg_ambiguous
    return out


# What may join the noun to the list: "companies like X", "clients such as X", "including".
LIST_OPENERS = phrases("like including as")


def _listed_as_organisations(doc: Doc, start: int) -> bool:
    """A name in a list of names right after a noun for organisations, or after it and
    ``like``, ``such as`` or ``including``: ``Browser vendors Chrome, Firefox, and Safari``,
    ``companies like Cursor, Notion, and Linear``; not ``companies use Chrome``."""
    for i in range(start - 1, max(-1, start - 14), -1):
        tok = doc[i]
        if tok.lower_ in ORG_NOUNS:
            return True
        if tok.lower_ in LIST_OPENERS and tok.is_lower and i > 0:
            before = doc[i - 1]
            if tok.lower_ == "as" and before.lower_ == "such" and i > 1:
                before = doc[i - 2]
            if before.text == "," and before.i > 0:
                before = doc[before.i - 1]  # "numerous clients, such as X and Y"
            if before.lower_ in PROVIDERS:
                # "previous providers like X": businesses; "identity providers like X" are
                # the products of a kind
                return before.i > 0 and doc[before.i - 1].lower_ in PROVIDER_QUALIFIERS
            return before.lower_ in ORG_NOUNS
        if not (
            tok.lower_ in LIST_SEPARATORS
            or (tok.text[:1].isupper() and tok.is_alpha)
            or tok.text in NAME_JOINERS  # "Ten-X", "Marks & Spencer"
        ):
            return False
    return False


PROVIDERS = phrases("provider providers")
# Words that qualify providers as businesses, not as a kind of service: "previous providers".
PROVIDER_QUALIFIERS = phrases(
    "previous other former existing major many several different alternative third-party"
)
# Signs inside a listed name: "Ten-X", "Marks & Spencer".
NAME_JOINERS = frozenset(["-", "&"])


# People who work somewhere, before "at X" or "from X".
STAFF = phrases(
    """
    team teams engineer engineers developer developers scientist scientists architect architects
    researcher researchers employees colleagues folks friends
    """
)
# People and their work before "at X" (``engineers at X``, ``my team at X``, ``my experience
# at X``): X is where they work, an organisation. Words of place or looking ("hosted at",
# "a look at") are not here.
WORKPLACE_BEFORE = STAFF | phrases(
    "experience work works working worked intern internship staff career tenure"
)
# People before "from X" (``speakers from X``, ``engineering leaders from X, Y and Z``): X is
# the organisation they come from; "data from X", "migrating from X" name things.
PEOPLE_FROM = STAFF | phrases("leaders speakers panelists experts representatives people")
# The writer speaking for the organisation after "At X,": "At Zorbly, we ...", "at Zorbly, our".
WE_WORDS = phrases("we our i my us")
# Capitalised words that open a phrase, not a name: "at The Summit", "at This point".
NOT_A_NAME = ARTICLES | phrases("this that these those our my your their its his her")


def _workplace_names(
    doc: Doc, taken: set[int], found: list[Candidate], conf: float
) -> list[Candidate]:
    """Organisations named as the writer's or people's workplace: ``At Zorbly Travel, we
    rebuilt``, ``my team at Zorbly``, ``engineers at Zorbly``, ``speakers from Zorbly,
    Quillmark and Brightwave``. In engineering writing this context names an organisation
    whatever the name's words are (a plain word, ``Front``; a name read as a person's,
    ``William Hill``), so it is found here where the NER and the filters pass over it. A
    candidate found inside the name (``Mr`` of ``Mr. Cooper``) gives way to the whole name;
    names the ontology matched keep their match."""
    w = words(doc)
    n = len(doc)
    out = list(found)
    for i in range(n - 1):
        low = w.lower[i]
        if low not in ("at", "from") or not w.text[i + 1][:1].isupper():
            continue
        before = w.lower[i - 1] if i > 0 else ""
        people = before in (WORKPLACE_BEFORE if low == "at" else PEOPLE_FROM)
        if low == "from" and not people:
            continue
        start = i + 1
        while start < n:
            end = _name_run(doc, w, start, taken)
            if end == start:
                break
            after = end + 1 if end < n and w.text[end] in POSSESSIVE else end
            writer = (
                low == "at"
                and after + 1 < n
                and w.text[after] == ","
                and w.lower[after + 1] in WE_WORDS
            )
            name = doc[start:end]
            if (
                (people or writer)
                and not (end < n and end in taken)  # the run goes on into a known name
                and not any(k in taken for k in range(start, end))
                and name[-1].lower_ not in EVENT_AFTER  # "engineers at Scale"
                and not event_ending(name[-1].text)  # "At KubeCon, we"
                and not is_event_name([t.text for t in name])
                and not is_country(name.text)
                and not any(t.lower_ in NOT_A_NAME for t in name)
            ):
                out = [c for c in out if c.end <= start or c.start >= end]
                out.append(
                    Candidate(
                        start, end, "COMPANY", entity_key("COMPANY", name.text), "model", conf
                    )
                )
            if low == "at":
                break  # "an engineer at X, Norway's welfare agency": an apposition, no list
            start = _next_item(w, after)  # "leaders from Orange, Deutsche Telekom, and the ..."
    return out


def _name_run(doc: Doc, w, start: int, taken: set[int]) -> int:
    """The end of up to three capitalised words from ``start`` in one sentence (a known
    name's words count, so that a list of names can be walked through)."""
    end = start
    while (
        end < len(doc)
        and end - start < 3
        and w.text[end][:1].isupper()
        and not w.punct[end]
        and (end == start or not doc[end].is_sent_start)
        and (end == start or (end in taken) == (start in taken))
    ):
        end += 1
    return end


def _next_item(w, i: int) -> int:
    """Where the next item of a list of names starts after ``i`` (``, Y``, ``and Y``,
    ``, and the Y``), or ``i`` itself when the list ends there."""
    j = i
    if j < len(w.text) and w.text[j] == ",":
        j += 1
    if j < len(w.text) and w.lower[j] in ("and", "&"):
        j += 1
    if j < len(w.text) and w.lower[j] == "the":
        j += 1
    if j == i or j >= len(w.text) or not w.text[j][:1].isupper():
        return i
    return j
