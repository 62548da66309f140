"""Words too generic to be a mention on their own, from the entity rules (``ENTITY-RULES``).

System-category nouns (``proxy``, ``cache``, ``search engine``, ``data pipeline``) and fields
such as ``machine learning`` are concepts under those rules, so they are not listed here.

The ontology keeps broad entries (``database``, ``security``) as is-a parents for the graph,
and some aliases are plain words (``reliability`` for reliability engineering); a mention
whose surface is one of these is dropped, as are the generic data activities the rules
name (``data processing``, ``data management``…) and their kin (moving data: ``data
transfer``, ``data sharing``; running infrastructure: ``infrastructure management``; none
of 6 uses annotated in the tuning sets), and metric names (``cache hit
rate``, ``token throughput``, ``app size``): the rules keep only percentile latency and
N-nines availability among metrics, and an evaluative modifier on a bare metric word leaves
the metric (``low latency``, ``high throughput``: rule 10), so neither is a mention.
A bare ``alert`` is one message, not the practice (``alerting`` is).
``persistent storage`` (what a store keeps data on) and ``engineering culture`` are never
annotated in the summaries (0 of 4 posts each, in both blocks of the tuning sets): entries
for the graph, not mentions.
A market or business function (``e-commerce``, ``customer support``, ``customer behavior``)
is what a company sells or does, not an engineering idea (0 of 14 posts that write one in
blocks A and C of the tuning sets annotate it), and a ``KPI`` is a metric's name (0 of 2).
``monitoring`` is the practice as a noun (``proactive monitoring``, ``monitoring and
alerting``); only the verb is excluded (``Monitoring CPU usage``): see :func:`verb_use`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgraph.extract.variants import singular


def phrases(text: str) -> frozenset[str]:
    """Comma-separated phrases, or whitespace-separated words when there is no comma."""
    parts = text.split(",") if "," in text else text.split()
    return frozenset(p.strip() for p in parts if p.strip())


_LIST = """
performance, reliability, efficiency, scalability, availability, security, resilience,
stability, reproducibility, cost, cost saving, cost reduction, speed, productivity, latency,
throughput, qps, recall, precision, accuracy, ai,
cloud, data, infrastructure, real-time, realtime, real time,
migration, modernization, modernisation, rearchitecture, rearchitecting, re-architecture, optimization,
optimisation, maintenance, operation, best practice, challenge, outage, incident, upgrade,
surge pricing, clearing, checkout, guild, probability distribution, database, platform, api,
pipeline, cluster, hardware, software, networking, network, storage,
storage system, data center, datacenter, server, service,
library, software library, startup time, app size, binary size, time to first token, p99, p95,
p50, uptime, downtime, automation, engineering, development, deployment, testing,
analytics, computing, compute, application, app, system, tool, tooling, framework,
algorithm, data structure, model, workload, traffic, scale, scaling, growth, innovation, transformation,
architecture, design, queries per second, requests per second, internet, web, website, mobile,
user experience, customer experience, sdk, crm, erp, cms, cli, gui, ui,
transactions per second, data processing, data collection, data ingestion,
data management, data storage, data retrieval, storage and retrieval, alert,
data transfer, data exchange, data sharing, infrastructure management,
infrastructure operations,
apis, special interest group, working group,
architectural pattern, architecture pattern, architectural style, architecture style,
mean time to recovery, mean time to repair, mean time to restore, mttr, mean time to detect,
mttd, mean time between failures, mtbf, resource management, resource allocation,
gpu cluster, gpu fleet, user facing, user-facing,
customer facing, customer-facing, programming language, cloud platform, cloud provider,
persistent storage, engineering culture,
e-commerce, ecommerce, customer support, customer service, customer behavior,
customer behaviour, key performance indicator, kpi
"""
GENERIC = phrases(_LIST)

# Modifiers that add nothing to an idea ("intelligent load balancing" is load balancing): size,
# praise, and "separate" ("separated data ingestion" is data ingestion; entity rules: evaluative
# and size modifiers are dropped).
VAGUE = phrases("""
automated automatic best better common complex core critical current different effective
efficient entire existing external final first foundational full global growing high-level
huge important increasing initial intelligent internal key large last legacy long-standing
low-level main major many massive modern multiple new next old other overall own recent
reliable robust same scalable seamless several significant simple single small specific
strict such traditional unique various whole
enormous giant good great innovative novel powerful proper separate separated sophisticated
tiny typical
""")

# Heads that add nothing to an idea ("auto-sharding system" is auto-sharding).
GENERIC_HEADS = phrases("""
advancement advancements ai application applications approach architecture article
availability benefit benefits billion capabilities capability case cases challenge
challenges cloud companies company component components cost costs customer customers data
day days demand detail details development efficiency effort efforts engine engineer
engineers engines environment era evolution experience expertise feature features framework
goal goals hour hours impact implementation importance improvement improvements incident
infrastructure insight insights issue issues journey latency layer layers lesson lessons
level levels limit limits maintenance migration million ml modernization need needs number
operation operations optimization organization outage part performance platform post
practice practices problem problems process productivity rate rearchitecture reliability
resilience result results role savings scalability scale security service services solution
speed stability strategies strategy system systems team technologies technology throughput
time tool tooling
transition upgrade use user users way ways work workload workloads year years
""")

# The surface tests below are pure and asked again for every mention of the same words:
# each answer is kept (names repeat across a corpus far more than they vary).
SURFACES = 1 << 16

_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=SURFACES)
def fold(text: str) -> str:
    """Lower case, straight quotes, no possessive, singular last word."""
    text = text.replace("\u2019", "'").replace("\u2010", "-").replace("\u2011", "-")
    text = _SPACE.sub(" ", text.lower()).strip()
    text = re.sub(r"(?:'s|')$", "", text)
    words = text.split(" ")
    return " ".join([*words[:-1], singular(words[-1])])


# A field's acronym is an idea only as a head noun ("trustworthy AI", "use AI to", "AI/ML");
# before a noun it only modifies that noun ("AI agents", "AI workloads", "AI-generated"),
# which is the thing the sentence is about, and the rules drop umbrella words there. After a
# capitalised word that is no function word it is part of a name ("Notion AI and", "at
# Fireworks AI,"): a product or a company, not the field.
FIELD_ACRONYMS = phrases("ai")
_HEAD_FOLLOWERS = phrases("""
a about across and are as at be because becomes by can could for from has have in into is
isn't it its may might must now of on or should than that the then this to was were which
will with without would
""")
_NAME_BREAKERS = _HEAD_FOLLOWERS | phrases("how why what when where")
_NEXT_WORD = re.compile(r"[ \t]*([A-Za-z]+)?")
_LAST_WORD = re.compile(r"([A-Za-z][\w.&'-]*)[ \t]+$")


def field_head(text: str, after: str, before: str = "") -> bool:
    """Whether the field acronym ``text`` stands as a head noun, given the ``after`` text that
    follows it: the end, punctuation other than a hyphen, a slash pair (``AI/ML``) or a
    function word (``AI is``, ``AI to``). A content word after it is the noun it modifies;
    a capitalised word in the ``before`` text makes it the end of a name (``Notion AI``)."""
    if text.lower() not in FIELD_ACRONYMS or after.startswith("-"):
        return False
    last = _LAST_WORD.search(before)
    name = last.group(1) if last is not None else ""
    if name[:1].isupper() and name.lower() not in _NAME_BREAKERS:
        return False
    word = _NEXT_WORD.match(after).group(1)
    if word is None:
        return not after[:1].isalnum()
    return word.lower() in _HEAD_FOLLOWERS and after[:1] in " \t"


# Data named by its flow or timing ("streaming data", "real-time data", "a time series") is
# what a system processes, not an idea; the rules exclude it with the data activities. Fields
# and techniques named with the word stay, as do the data models a store is built for
# ("time-series data", "semi-structured data": the kinds behind the rules' database
# categories), and the shared reference records a business governs ("master data").
DATA_IDEAS = phrases(
    "big data, synthetic data, open data, test data management, structured data, "
    "semi-structured data, unstructured data, time-series data, time series data, master data"
)
DATA_SHAPES = phrases("time series, time-series, timeseries")


@lru_cache(maxsize=SURFACES)
def processed_data(surface: str) -> bool:
    """Whether ``surface`` names data a system processes (``streaming data``, ``real-time
    data``, ``time series``) rather than a concept (``time-series data``)."""
    folded = _SPACE.sub(" ", surface.lower()).strip()
    if folded in DATA_IDEAS:
        return False
    words = folded.split(" ")
    return (len(words) > 1 and words[-1] == "data") or folded in DATA_SHAPES


# Last words of a metric's name: what is measured, not an idea ("cache hit ratio",
# "token throughput", "GPU utilization", "app size", "batch sizes"; the singulariser leaves
# "sizes" as "siz"). "right-size" is the verb of right-sizing, a practice.
MODIFIED_METRICS = phrases("low latency, high throughput")
METRIC_ENDS = re.compile(
    r"(?:^| )(?:throughput|hit rate|hit ratio|utili[sz]ation)$|(?<!^right) siz(?:es?)?$"
)


@lru_cache(maxsize=SURFACES)
@lru_cache(maxsize=SURFACES)
def is_generic(surface: str) -> bool:
    """Whether ``surface`` alone is too generic to annotate (``Reliability``, ``databases``,
    ``APIs``, ``cache hit rates``)."""
    folded = fold(surface)
    spaced = folded.replace("-", " ")
    if spaced in MODIFIED_METRICS:
        return True
    return folded in GENERIC or spaced in GENERIC or bool(METRIC_ENDS.search(spaced))


@lru_cache(maxsize=SURFACES)
def all_generic(surface: str) -> bool:
    """Whether every word of ``surface`` is generic or vague (``AI workloads``, ``database systems``).

    A practice named by a specific function is not: ``platform engineering`` and ``performance
    testing`` name disciplines, while ``software testing`` keeps an umbrella word in front (the guidelines' rule for ``X platform``, applied to practices).
    """
    folded = fold(surface)
    if folded in ESTABLISHED or PERCENTILE_LATENCY.match(folded):
        return False
    words = folded.replace("-", " ").split()
    if len(words) == 2 and words[1] in PRACTICE_HEADS and words[0] not in UMBRELLA | VAGUE:
        return False
    return bool(words) and all(w in GENERIC or singular(w) in GENERIC or w in VAGUE for w in words)


# "p99 latency", "P999 latencies": a percentile latency is a concept (the entity rules),
# though "p99" and "latency" alone are not.
PERCENTILE_LATENCY = re.compile(r"^p\d{2,4}(?:\.\d+)? latency$")
# Heads that make a discipline of the word before them ("platform engineering").
PRACTICE_HEADS = frozenset(["engineering", "testing", "monitoring"])
# Umbrella fields from the guidelines: "data engineering" is not a specific practice.
UMBRELLA = phrases("ai ml data cloud infrastructure software system network networking web mobile")
# Established terms made of generic words: the entity rules name the first two as concepts
# (system categories); the rest are practices and components in their own right, the last
# four because the annotated summaries name them as concepts in most of their uses.
ESTABLISHED = phrases("""
data pipeline, data platform, cloud migration, automated testing, mobile networking,
search engine, storage engine, query engine, managed platform, network monitoring,
data migration, web performance, system design, software design, data engineering, data model,
web server, data transformation
""")

# Last words of an institution's name ("Apache Software Foundation", "National Institute of
# Standards and Technology"): discovery reads them as an organisation's name ending, and the
# relation rules give such a steward or regulator no use of its own.
INSTITUTIONS = phrases(
    "foundation institute association society council agency department ministry bureau "
    "commission consortium commons administration committee pmc"
)


# Gerunds the rules exclude as verbs only: the noun names a practice.
VERB_GERUNDS = frozenset(["monitoring"])
# Generic heads after such a gerund: the phrase names a thing built for the practice, and
# the rules drop generic heads, so neither word is a mention ("pipeline monitoring system").
GERUND_THINGS = phrases("system systems service services stack stacks")


# Words that open the gerund's object: the noun takes none ("identifying and monitoring
# each instance's load", "monitoring the fleet").
OBJECT_DETERMINERS = phrases("the a an each every all their its our your his her these those")


def verb_use(doc, i: int) -> bool:
    """Whether the gerund at token ``i`` names no practice: it only modifies a generic thing
    (``a monitoring system``), it takes a determined object (``monitoring each instance``),
    or it opens a verb phrase (``Monitoring big data pipelines``,
    ``exploring, and monitoring microservices``): nothing that could modify it comes before
    (a sentence start, a stop word or a comma) and a content word follows as its object.
    After a modifier (``proactive monitoring``, ``GPU monitoring``) or before a stop word or
    punctuation (``monitoring and alerting``, ``better monitoring,``) it is the noun."""
    tok = doc[i]
    if tok.lower_ not in VERB_GERUNDS or i + 1 >= len(doc):
        return False
    after = doc[i + 1]
    if after.lower_ in GERUND_THINGS or after.lower_ in OBJECT_DETERMINERS:
        return True
    if not after.is_alpha or after.is_stop:
        return False
    before = doc[i - 1] if i > 0 else None
    return before is None or tok.is_sent_start or before.is_stop or before.is_punct


TEAM_WORDS = phrases("team")
OWNER_AFTER = phrases("at of")


def org_unit(span) -> bool:
    """Whether a team concept (``platform team``) names one organisation's unit rather than
    the kind of team: an owner before it (``Mercado Libre's platform team``, ``Grab's data
    platform team``) or after it (``the platform team at Zalando``). Organisations inside a
    company are no concept, and the rules leave out anaphoric references."""
    doc = span.doc
    if span[-1].lower_ not in TEAM_WORDS:
        return False
    if span.end < len(doc) and doc[span.end].lower_ in OWNER_AFTER:
        return True
    i = span.start - 1
    while i >= 0 and ((doc[i].is_alpha and not doc[i].is_stop) or doc[i].text == "-"):
        i -= 1
    return i >= 0 and doc[i].text in ("'s", "\u2019s", "'", "\u2019")


# Words that make the words beside them a group's or a job's name: "the Profiling SIG", "SIG
# Auth", "part of the Data Platform organization", "VP Developer Experience", "VP of field
# engineering". Organisations inside a company and job titles are never annotated (the entity
# rules); the discipline before "team" stays the idea (see org_unit). In the
# tuning sets, none of 6 concepts so placed was annotated.
GROUP_AFTER = phrases("sig organization organisation org department division")
GROUP_BEFORE = re.compile(r"(?:\b(?:SIG|VP|SVP|EVP)|\b(?:VP|SVP|EVP|Head|Director) of)[ \t]+$")


def in_group_name(before: str, after: str) -> bool:
    """Whether a concept between the ``before`` and ``after`` texts is part of a group's name
    or a job title: a group word right after it (``Profiling SIG``, ``Data Platform
    organization``) or a group or rank right before it (``SIG Auth``, ``VP of``)."""
    word = _NEXT_WORD.match(after).group(1)
    return (word is not None and word.lower() in GROUP_AFTER) or bool(GROUP_BEFORE.search(before))


# Records a system appends to, named by what they record: "transaction logs", "commit log",
# "event logs", "flow logs", "maintenance logs". Such a log is a data structure or a
# record (a write-ahead log, an event store, network records), not the practice of logging
# that a bare "logs" names beside metrics and traces; none of 5 uses in the
# tuning sets was annotated as logging.
LOG_RECORD_KINDS = phrases("transaction commit event change flow maintenance redo undo binary")
LOG_WORDS = phrases("log logs")


# What a business watches ("risk monitoring", "fraud monitoring", "user engagement
# monitoring", "brand sentiment monitoring"): the rules exclude monitoring of user feedback,
# a business function, not the engineering practice; none of 4 uses in the
# tuning sets was annotated.
BUSINESS_SIGNALS = phrases("risk fraud engagement feedback sentiment brand price pricing sales")
MONITORING_WORDS = phrases("monitoring")


# A measure standing for another ("a direct proxy for popularity", "a good proxy for load"):
# a proxy judged good or rough is an indicator, not a server between clients and services.
PROXY_JUDGEMENTS = phrases(
    "good better best direct reasonable rough useful poor imperfect decent crude weak strong"
)
PROXY_WORDS = phrases("proxy")


def other_sense(surface: str, before: str) -> bool:
    """Whether the concept word ``surface``, after the ``before`` text, names something else:
    a log of records (``transaction logs``), a business's watching (``risk monitoring``) or
    an indicator (``a good proxy``)."""
    word = surface.lower()
    if word in LOG_WORDS:
        kinds = LOG_RECORD_KINDS
    elif word in MONITORING_WORDS:
        kinds = BUSINESS_SIGNALS
    elif word in PROXY_WORDS:
        kinds = PROXY_JUDGEMENTS
    else:
        return False
    last = _LAST_WORD.search(before)
    return last is not None and last.group(1).lower() in kinds
