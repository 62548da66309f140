"""Word lists that discovery reads a name's context by.

Organisation suffixes and trades, the verbs an organisation does, the endings of events and
publications, acronyms and words that never name a product or a company (months, roles,
releases, licences, proposals, SQL statements), and the keys under which discovery keeps the
tokens of known technologies and companies on the document.
"""

from __future__ import annotations

import re

from kgraph.extract.generic import INSTITUTIONS, phrases

ORG_SUFFIX = phrases(
    """
    inc inc. corp corporation labs technologies ltd llc gmbh
    """
)
# Fields a company's name ends with after a coined word ("HVR Software", "Entro Security"):
# after plain words they name a product or a field ("Backup Flight Software", "Cloud Security").
CODED_TRADES = phrases("software security")
# Last words of company names ("Acme Robotics", "Northwind Logistics"): after a name they
# make an organisation, though alone some are generic fields ("robotics", "analytics").
ORG_TRADES = (
    phrases(
        """
    robotics logistics energy airlines motors holdings ventures therapeutics insurance
    bank financial pharmaceuticals entertainment studios games foods retail brands partners
    university alliance telecom telekom interactive
    """
    )
    | INSTITUTIONS
)
# Last words that make a capitalised phrase an organisation even among capitals.
INSTITUTES = INSTITUTIONS | {"university", "college"}
ORG_CUES = phrases(
    """
    at by acquired acquires acquiring acquisition joined joins joining
    """
)
PLACE_CUES = frozenset(["in", "across", "from", "throughout", "to"])
# What a team inside an organisation works on, written between the organisation's name and
# "team": "the Zorbly Search Team", "the Quillmark Logistics team".
TEAM_FUNCTIONS = phrases(
    """
    search logistics data platform platforms infrastructure infra growth mobile android ios
    web frontend front-end backend back-end security reliability sre devops analytics payments
    payment engineering product design marketing sales support operations ops ml ai
    tooling developer storage database networking network observability identity billing
    ads advertising ranking personalization fraud risk finance compliance
    """
)
TEAM_NOUNS = phrases("team teams")


def team_after(doc, i: int) -> bool:
    """Function words then ``team`` from token ``i``: "(Zorbly) Logistics team"."""
    k = i
    while k < len(doc) and doc[k].lower_ in TEAM_FUNCTIONS:
        k += 1
    return i < k < len(doc) and doc[k].lower_ in TEAM_NOUNS


GROUP_WORDS = phrases(
    """
    team teams group org organization squad guild sig sigs
    """
)
NAME_CUES = phrases(
    """
    built builds build introducing introduces introduced called named launched launches
    released releases open-sourced open-sources meet at joined joins
    """
)
# What a business does with investors' money, before the sum or the round: "Zorbly raised
# $40M", "Zorbly secures Series B funding". Software raises errors, never dollars.
FUNDING_VERBS = phrases("raised raises raising secures secured lands landed closes closed bags")
FUNDING_WORDS = phrases("$ € £ funding series seed round")
# What is done to an organisation's systems and data, named after it: "the Zorbly breach",
# "The Zorbly Data Breach". A breach is news of whose customers' data leaked, a business;
# a flaw in software is written otherwise ("a Log4j vulnerability").
BREACH_WORDS = phrases("breach breaches")
# Verbs that quote a source in news: a person or an organisation.
QUOTE_STEMS = ("says", "said", "warns", "warned", "told", "disclosed", "confirmed")
NEED_STEMS = (
    "needed",
    "faced",
    "faces",
    "decided",
    "chose",
    "opted",
    "realiz",
    "realis",
    "strives",
    "experienced",
    "struggl",
)
# Verbs whose subject acts as an organisation ("how Klarvio rebuilt its pipeline").
ORG_VERB_STEMS = (
    "built",
    "build",
    "rebuil",
    "migrat",
    "moved",
    "adopt",
    "acquir",
    "launch",
    "announc",
    "hire",
    "hiring",
    "develop",
    "invest",
    "partner",
    "open-sourc",
    "transition",
    "shift",
    "join",
    # Undertakings only a business has: "Zorbly has embarked on", "Zorbly finalized our
    # migration".
    "embark",
    "finaliz",
    "finalis",
    # What a business did to its own systems or bills: "Prerender saved $800k", "Marktplaats
    # replaced", "Grab rewrote", "Twitter switched", "Noodoe has integrated" (past forms: "Rust
    # saves memory" is a language's merit).
    "saved",
    "replaced",
    "rewrote",
    "switched",
    "integrated",
    # An author writing about its own work: "Scribd writes about their journey".
    "writes",
    "wrote",
    "describes",
    "described",
    # What organisations do with their work: "Xata has released", "Dropbox shares".
    "releas",
    "shares",
    "shared",
    "publish",
    "unveil",
    # A source quoted in news ("Armis says it discovered", "the company told"): people
    # are quoted too, so these only type a name found by other evidence.
    *QUOTE_STEMS,
    # What a business goes through, which software does not: "Instagram needed a reliable
    # messaging infrastructure", "Banked experienced an outage", "Klook chose Go" (on the
    # annotated sets, 15 such subjects are companies and none a product).
    *NEED_STEMS,
)
# The verbs above that people do as much as organisations ("Dana describes"): an unknown word
# before them is not made a name on their evidence alone.
AUTHOR_STEMS = (
    "writes",
    "wrote",
    "describes",
    "described",
    "join",
    "hire",
    "hiring",
    "shares",
    "shared",
    "publish",
    *QUOTE_STEMS,
    *NEED_STEMS,
)
ACTION_STEMS = tuple(s for s in ORG_VERB_STEMS if s not in AUTHOR_STEMS)
# Endings of oddly cased names that only software has (BoltDB, GraphQL, Node.js, RocksDB).
TECH_ENDINGS = ("DB", "SQL", "QL", "JS", ".js", "OS", "FS", "MQ", "KV", "VM", "Py")
# Words between an organisation and its verb: "Klarvio has recently migrated", "Acme and
# Klarvio each announced", "both launched".
AUXILIARIES = frozenset(
    [
        "has",
        "have",
        "had",
        "is",
        "was",
        "been",
        "recently",
        "then",
        "also",
        "now",
        "each",
        "both",
        "always",
    ]
)
EVENT_ENDINGS = (
    "Con",
    "con",
    "Summit",
    "Conf",
    "Conference",
    "Meetup",
    "Day",
    "Days",
    "Cup",
    "Olympics",
    "Championship",
    "Championships",
    "Festival",
    "Fest",
    "Awards",
    "Hackathon",
    "Expo",
    "Symposium",
    "Campaign",
)


def event_ending(word: str) -> bool:
    """``word`` ends an event's name: ``KubeCon``, ``Summit``, ``Campaign``. A word that
    ends in a plain noun glued to a name is a name of its own (``ActiveCampaign``, a
    company); only the conference endings are written glued (``SRECon``, ``PGConf``)."""
    if not word.endswith(EVENT_ENDINGS):
        return False
    return word in EVENT_ENDINGS or not word.endswith(UNGLUED_EVENT_ENDINGS)


UNGLUED_EVENT_ENDINGS = ("Campaign",)
# What a blog, newsletter or show is called ("the Netflix Tech Blog", "SRE Weekly", "SE
# Radio"): a publication, which the entity rules never annotate, not a product.
PUBLICATION_ENDINGS = frozenset(
    [
        "Blog",
        "TechBlog",
        "DevBlog",
        "Podcast",
        "Newsletter",
        "Weekly",
        "Daily",
        "Monthly",
        "Digest",
        "Roundup",
        "Radio",
    ]
)
# Conference session codes ("presents DAT441", "ARC301"): a talk's catalogue number.
SESSION_CODE = re.compile(r"[A-Z]{3}\d{3}")
# A round of venture funding: "a Series B fintech", "raised a Series A" (a stage of a
# business, never a product's or a company's name).
FUNDING_ROUND = re.compile(r"(?:Pre-)?Series [A-H]\d?")
# What an identifier field is called, after plain words: "Request ID", "Parent Transaction
# ID": a field of a record, not a product.
ID_WORDS = frozenset(["ID", "IDs", "Id"])
# Seniority words of a job title ("a Senior Principal Engineer at Aurora"): never a name.
SENIORITY = frozenset(["senior", "junior", "principal", "staff", "chief"])
SINGLE_ONLY = frozenset(["PERSON", "GPE", "LOC", "NORP", "FAC"])
# Upper-case words that name generic things or roles, never a product or a company.
GENERIC_ACRONYMS = phrases(
    """
    URL URI ISP FAQ CEO CTO CIO CFO COO CISO VP SVP EVP HR PM PR QA ROI KPI OKR UI UX USD EUR
    IPC RPC TPS RPS QPS MVP POC PoC TBD ETA SLO SLA SLI SRE SWE IPO
    DBA DBRE CRE SDE SDET EM IC
    YoY QoQ MoM WoW YTD EOD EOW EOY
    LOL ROFL LMAO IMO IMHO FYI TBH AFAIK ICYMI TLDR DIY ASAP AKA OMG WTF BTW
    VM VFS
    LCP INP FID CLS FCP TTFB TTI TBT TTFT TPOT ITL MTTR MTTD MTTA MTBF MTTF TCO ARR MRR DAU MAU
    WAU NPS CSAT GMV SOTA TBQH GMT UTC PST PDT EST EDT CET IST FPS
    TV PC HVAC
    PhD MBA
    DNA
    WIP CVE SMB SME OS DB WAN LAN
    DBMS RDBMS SKU
    GDPR CCPA HIPAA
    KB MB GB TB PB KiB MiB GiB TiB PiB Kbps Mbps Gbps IOPS
    KRW JPY GBP INR CNY AUD CAD CHF
    """
)
"""Roles (``DBA``, ``DBRE``), period comparisons (``YoY``), chat abbreviations (``DIY``,
``LOL``), generic machine words (``VMs``), metrics (``LCP``, ``TTFB``, ``FPS``, ``TPOT``,
``MTTR``, ``TCO``: the entity rules never annotate a metric) and time zones, and devices
(``Smart TVs``, ``PCs``, ``HVAC``), degrees (``PhD``), work status (``WIP``), a
vulnerability's identifier (``CVE``), market segments (``SMB``, ``SME``), ``OS`` (``OSes``), ``DB`` (``a Postgres DB`` is
Postgres) and ``DBMS`` (``Oracle DBMS`` is Oracle's database), stock units (``SKUs``),
data-protection laws (``GDPR``, ``HIPAA``: a law is no product), units of data and rates
(``GiB``, ``TBs``, ``Gbps``, ``IOPS``: a measure, never annotated) and currency codes
(``KRW``, like ``USD``): acronyms no product or company is named."""
MONTH_NAMES = phrases(
    """
    january february march april may june july august september october november december
    """
)
MONTHS = MONTH_NAMES | phrases("jan feb mar apr jun jul aug sep sept oct nov dec")
WEEKDAYS = phrases("monday tuesday wednesday thursday friday saturday sunday")
NOT_NAMES = (
    MONTHS
    | WEEKDAYS
    | phrases(
        """
    article part lessons lesson journey introducing inside meet how why what when home
    night noon large
    engineers engineer developers developer users user customers customer researchers
    operators analysts teams everyone
    covid covid-19 coronavirus
    """
    )
)

# A release and its stage: "ClickHouse Release 24.8" is ClickHouse, and "graduating to
# Beta", "General Availability (GA)", "Stable and LTS releases" name no product (versions are
# never annotated).
RELEASE_WORDS = phrases("release releases update updates changelog")
RELEASE_NUMBER = re.compile(r"[vV]?\d+\.\d+(?:\.\d+)?|[vV]\d+")
RELEASE_STAGES = phrases(
    """
    alpha, beta, stable, ga, general availability, generally available, preview,
    public preview, private preview, early access, release candidate, lts
    """
)
# A licence's identifier ("AGPLv3", "SSPLv1", "RSALv2", "GPL-3.0"): terms of use, not software.
LICENCE_WORDS = phrases("license licence licenses licences licensed")
LICENCE = re.compile(
    r"(?:A|L)?GPL|SSPL|RSAL|BUSL|(?:(?:A|L)?GPL|SSPL|RSAL|BUSL|MPL|EPL)-?v?\d(?:\.\d)?"
)
# A writer introducing themselves ("Hello, this is Kagaya, a member of ...", "my name is
# Wataru"): the name after is a person.
SELF_INTRODUCTION = ("this is", "i am", "i'm", "my name is")

# Job titles: "Oleksii K., Senior Architect at Mirantis", "Chief Technology Officer at Oxide",
# "Subject Matter Experts (SMEs)". People are never annotated, nor are their roles.
ROLE_TITLES = phrases(
    """
    architect architects officer officers expert experts director directors president
    vice-president scientist scientists evangelist evangelists advocate advocates fellow
    fellows consultant consultants strategist strategists specialist specialists
    maintainer maintainers contributor contributors
    """
)
# Improvement proposals ("KIP-405", "PEP 8", "the KIP history"): numbered documents of a
# project's process, not products.
PROPOSAL_ID = re.compile(r"(?:KIP|PEP|JEP|KEP|FLIP|SPIP|BIP|EIP|XEP|HIP)(?:-\d+)?s?")
# SQL statements written in capitals ("a MERGE into the table", "ALTER TABLE ... ADD"):
# commands of the language, not named software.
SQL_WORDS = frozenset(
    [
        "SELECT",
        "INSERT",
        "UPDATE",
        "DELETE",
        "MERGE",
        "UPSERT",
        "ALTER",
        "CREATE",
        "DROP",
        "TABLE",
        "INDEX",
        "VIEW",
        "JOIN",
        "WHERE",
        "GROUP",
        "ORDER",
        "BY",
        "INTO",
        "VALUES",
        "TRUNCATE",
        "GRANT",
        "REVOKE",
        "COMMIT",
        "ROLLBACK",
        "RETURNING",
    ]
)
YEAR = re.compile(r"(?:19|20)\d\d")
BULLETS = frozenset("•·‣▪◦*-–—>")

ARTICLES = frozenset(["a", "an", "our", "the", "their", "its"])

TECH_TOKENS = "kg_technology_tokens"
"""``doc.user_data`` key: the token indices of the technologies matched before discovery."""
COMPANY_TOKENS = "kg_company_tokens"
"""``doc.user_data`` key: the token indices of the companies matched before discovery."""
PRODUCT_TAILS = "kg_product_tails"
"""``doc.user_data`` key: the last words of the ontology's many-word technologies."""

# Words after a name that make it an organisation: "Zorbly engineers", "Zorbly joined".
# A publisher before what it publishes: "OneHouse news", "the Acme newsletter".
ORG_AFTER = phrases(
    """
    engineers engineering joined acquired announced news newsletter podcast analysts researchers
    gang syndicate acquisition folks
    """
)
TEAM_WORDS = phrases("team teams engineers engineering founders")
# What only an organisation has, after its possessive: "X's mission", "X's newest product",
# "X's customers", "X's CEO" (a product has features, users and releases).
ORG_POSSESSIONS = phrases(
    """
    mission customers employees staff founder founders ceo cto ciso headquarters revenue
    shareholders investors acquisition newest products
    """
)


# A role of the people who work at an organisation, after its name: "X software engineer
# Dana Okafor", "X staff engineers", "X CTO", "X CISO Dana Okafor".
ROLE_MODIFIERS = phrases("software senior staff principal lead data platform security")
ROLES = phrases("engineer engineers cto ceo ciso cio cfo coo founder co-founder")
