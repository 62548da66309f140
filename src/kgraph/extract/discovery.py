"""The component that proposes names the ontology lacks, from the statistical model.

The small model's labels are unreliable here (it calls ``Flyte`` a PERSON, ``Kayenta`` a
GPE and whole headlines ORG), so any entity span is a *name candidate*, as is a proper noun
with telling case (``TrueTime``, ``RPKI``). Candidates are trimmed and filtered hard: no
headline fragments, generic words, numbers, people, places after ``in``, team names or
anything the ontology matched. Survivors are typed COMPANY when the sentence treats them as
an organisation (``at X``, ``X's``, ``X Inc``), else TECHNOLOGY.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.attrs import IS_ALPHA, IS_STOP, IS_TITLE
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from kgraph.extract.acronym_pairs import expansion_start, pair_acronyms
from kgraph.extract.english import is_english_word
from kgraph.extract.events import is_event_name, is_group_name, names_a_show
from kgraph.extract.generic import INSTITUTIONS, is_generic, phrases
from kgraph.extract.named_laws import named_laws
from kgraph.extract.people import after_speaker, is_person, named_in_full, surname_after_name
from kgraph.extract.places import is_country
from kgraph.extract.resolver import VERSION, _with_version, event_follows
from kgraph.extract.spans import (
    LIST_SEPARATORS,
    POSSESSIVE,
    SPANS_KEY,
    Candidate,
    Words,
    add_candidates,
    covered,
    doc_text,
    is_title_case,
    listed_with,
    words,
)
from kgraph.extract.variants import is_acronym, singular
from kgraph.model import entity_key

ORG_SUFFIX = phrases(
    """
    inc inc. corp corporation labs technologies ltd llc gmbh
    """
)
# Last words of company names ("Acme Robotics", "Northwind Logistics"): after a name they
# make an organisation, though alone some are generic fields ("robotics", "analytics").
ORG_TRADES = (
    phrases(
        """
    robotics logistics energy airlines motors holdings ventures therapeutics insurance
    bank financial pharmaceuticals entertainment studios games foods retail brands partners
    university alliance
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
GROUP_WORDS = phrases(
    """
    team teams group org organization squad guild sig sigs
    """
)
NAME_CUES = phrases(
    """
    built builds build introducing introduces introduced called named launched launches
    released releases open-sourced open-sources meet at
    """
)
# Verbs that quote a source in news: a person or an organisation.
QUOTE_STEMS = ("says", "said", "warns", "warned", "told", "disclosed", "confirmed")
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
)
ACTION_STEMS = tuple(s for s in ORG_VERB_STEMS if s not in AUTHOR_STEMS)
# Endings of oddly cased names that only software has (BoltDB, GraphQL, Node.js, RocksDB).
TECH_ENDINGS = ("DB", "SQL", "QL", "JS", ".js", "OS", "FS", "MQ", "KV", "VM")
# Words between an organisation and its verb: "Klarvio has recently migrated", "Acme and
# Klarvio each announced", "both launched".
AUXILIARIES = frozenset(
    ["has", "have", "had", "is", "was", "recently", "then", "also", "now", "each", "both"]
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
    "Awards",
    "Hackathon",
    "Expo",
    "Symposium",
    "Campaign",
)
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
# Seniority words of a job title ("a Senior Principal Engineer at Aurora"): never a name.
SENIORITY = frozenset(["senior", "junior", "principal", "staff", "chief"])
SINGLE_ONLY = frozenset(["PERSON", "GPE", "LOC", "NORP", "FAC"])
# Upper-case words that name generic things or roles, never a product or a company.
GENERIC_ACRONYMS = phrases(
    """
    URL URI ISP FAQ CEO CTO CIO CFO COO CISO VP SVP EVP HR PM PR QA ROI KPI OKR UI UX USD EUR
    IPC RPC TPS RPS QPS FPS MVP POC PoC TBD ETA SLO SLA SLI SRE SWE IPO HVAC PhD MBA
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
    """
)
"""Roles (``DBA``, ``DBRE``), period comparisons (``YoY``), chat abbreviations (``DIY``,
``LOL``), generic machine words (``VMs``), metrics (``LCP``, ``TTFB``, ``FPS``, ``TPOT``,
``MTTR``, ``TCO``: the entity rules never annotate a metric) and time zones, and devices
(``Smart TVs``, ``PCs``, ``HVAC``), degrees (``PhD``), work status (``WIP``), a
vulnerability's identifier (``CVE``), market segments (``SMB``, ``SME``), ``OS`` (``OSes``), ``DB`` (``a Postgres DB`` is
Postgres) and ``DBMS`` (``Oracle DBMS`` is Oracle's database), stock units (``SKUs``), and
data-protection laws (``GDPR``, ``HIPAA``: a law is no product): acronyms no product or
company is named."""
MONTHS = phrases(
    """
    jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june
    july august september october november december
    """
)
NOT_NAMES = MONTHS | phrases(
    """
    article part lessons lesson journey introducing inside meet how why what when monday
    tuesday wednesday thursday friday saturday sunday home night noon large
    engineers engineer developers developer users user customers customer researchers
    operators analysts teams everyone
    covid covid-19 coronavirus
    """
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


def _plain_words(span: Span) -> bool:
    """Every word of the span, hyphen parts included, is a capitalised ordinary English word
    (``Best-Effort``, ``Quantum Future``), not an oddly cased or coined one."""
    parts = [p for t in span for p in t.text.split("-")]
    return all(p[:1].isupper() and p[1:].islower() and is_english_word(p) for p in parts)


def _opens_sentence(span: Span) -> bool:
    """Nothing but punctuation or a list bullet before the span in its sentence
    (``• Supply chain attacks…``): its capital says nothing about a name."""
    doc = span.doc
    return all(
        doc[i].is_punct or doc[i].is_space or doc[i].text in BULLETS
        for i in range(span.sent.start, span.start)
    )


@Language.factory(
    "kgraph_discovery",
    default_config={
        "labels": ["ORG", "PRODUCT", "PERSON", "GPE", "FAC", "WORK_OF_ART", "LOC", "NORP"],
        "company_conf": 0.6,
        "technology_conf": 0.55,
    },
)
def make_discovery(
    nlp: Language, name: str, labels: list[str], company_conf: float, technology_conf: float
) -> ModelDiscovery:
    return ModelDiscovery(name, labels, company_conf, technology_conf, nlp)


class ModelDiscovery:
    """Name candidates the ontology lacks, filtered and typed, added to the candidates.

    The statistical NER is the costliest step, so this component runs it itself (the
    pipeline keeps ``ner`` disabled) and only on the sentences where it can add something:
    those with a capitalised or oddly cased word the ontology did not match.
    """

    def __init__(
        self, name: str, labels: list[str], company_conf: float, technology_conf: float, nlp=None
    ):
        self.name = name
        self.labels = set(labels)
        self.company_conf = company_conf
        self.technology_conf = technology_conf
        self.nlp = nlp

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            self._recognise(batch)
            yield from (self(doc) for doc in batch)

    def _per_table(self, attr: str, build):
        """What ``build`` makes of the resolver's ontology table, kept until the table is
        refilled from another ontology (read once per table, not once per document)."""
        table = {}
        if self.nlp is not None and "kgraph_resolver" in self.nlp.component_names:
            table = getattr(self.nlp.get_pipe("kgraph_resolver"), "table", {})
        cached = getattr(self, attr, None)
        if cached is None or cached[0] is not table:
            cached = (table, build(table))
            setattr(self, attr, cached)
        return cached[1]

    def _vendor_products(self) -> tuple[frozenset[str], frozenset[str]]:
        """The keys of technologies named like their maker (``Snowflake`` by ``Snowflake
        Inc.``, ``ClickHouse`` by ``ClickHouse Inc.``): the name also stands for the maker;
        and of every curated technology with a maker (``Chrome`` by Google)."""

        def build(table):
            curated = {
                k: e
                for k, e in table.items()
                if e.get("type") == "TECHNOLOGY" and not e.get("registry") and e.get("company")
            }
            named_like = frozenset(
                k for k, e in curated.items() if e["company"].startswith(e.get("name", "") + " ")
            )
            return named_like, frozenset(curated)

        return self._per_table("_vendors", build)

    def _registry_technologies(self) -> frozenset[str]:
        """The keys of the generated (registry) technologies: not curated, so their type is
        the source's guess (``Riot``, a markup language, is also Riot Games)."""
        return self._per_table(
            "_registry_tech",
            lambda table: frozenset(
                k for k, e in table.items() if e.get("type") == "TECHNOLOGY" and e.get("registry")
            ),
        )

    def _concept_heads(self) -> frozenset[str]:
        """The last words of the ontology's concept names (``monorepo``, ``microvm``)."""
        if self.nlp is None or "kgraph_concepts" not in self.nlp.component_names:
            return frozenset()
        heads = getattr(self.nlp.get_pipe("kgraph_concepts"), "heads", None) or set()
        cached = getattr(self, "_heads", None)
        if cached is None or cached[0] is not heads:
            cached = (heads, frozenset(heads))
            self._heads = cached
        return cached[1]

    def _plain_names(self) -> frozenset[str]:
        """The keys of the ontology's names that are also plain words (``Self``, ``Charity``):
        marked ambiguous in the resolver's table."""
        return self._per_table(
            "_plain", lambda table: frozenset(k for k, e in table.items() if e.get("ambiguous"))
        )

    def _product_tails(self) -> frozenset[str]:
        """The last words of the ontology's many-word technologies (``Workflows`` of
        ``Cloudflare Workflows``): a plural word that may stand for such a product."""
        return self._per_table(
            "_tails",
            lambda table: frozenset(
                e["name"].rsplit(" ", 1)[-1]
                for e in table.values()
                if e.get("type") == "TECHNOLOGY" and " " in e.get("name", "")
            ),
        )

    def _recognise(self, docs: list[Doc]) -> None:
        """Set ``doc.ents`` from the NER run on the sentences that need it, in one batch."""
        ner = self.nlp.get_pipe("ner") if self.nlp and "ner" in self.nlp.component_names else None
        if ner is None:
            return
        todo = []
        for doc in docs:
            if doc.has_annotation("ENT_IOB"):
                continue
            taken = covered(doc)
            for sent in doc.sents:
                todo += [(doc, a, doc[a:b].as_doc()) for a, b in _ner_windows(sent, taken)]
            doc.ents = []  # marks the doc as recognised: no entities outside those windows
        found: dict[int, list] = {}
        for (doc, start, _), sent_doc in zip(todo, ner.pipe(t[2] for t in todo), strict=True):
            found.setdefault(id(doc), []).extend(
                Span(doc, start + e.start, start + e.end, label=e.label_) for e in sent_doc.ents
            )
        for doc in docs:
            if id(doc) in found:
                doc.ents = found[id(doc)]

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("ENT_IOB"):
            self._recognise([doc])
        if not doc.has_annotation("ENT_IOB"):
            return doc
        _vendors_acting(doc, *self._vendor_products())
        _registry_names_as_workplaces(doc, self._registry_technologies())
        _extend_makers(
            doc,
            self.technology_conf,
            self.company_conf,
            self._plain_names(),
            self._concept_heads(),
        )
        named_laws(doc, self.technology_conf)
        _source_credit(doc, self.company_conf)
        taken, found = covered(doc), []
        known = doc.spans.get(SPANS_KEY, [])
        doc.user_data[TECH_TOKENS] = {
            i for s in known if s.label_ == "TECHNOLOGY" for i in range(s.start, s.end)
        }
        doc.user_data[PRODUCT_TAILS] = self._product_tails()
        doc.user_data[COMPANY_TOKENS] = {
            i for s in known if s.label_ == "COMPANY" for i in range(s.start, s.end)
        }
        _companies_treated_as_organisations(doc, known)
        spans = [e for e in doc.ents if e.label_ in self.labels]
        in_ents = {i for e in spans for i in range(e.start, e.end)}
        # Every word is looked at: by its text first, and a spaCy Token made only for the
        # capitalised ones (_name_like's first test), a few in a text.
        texts = words(doc).text
        spans += [
            doc[i : i + 1]
            for i, text in enumerate(texts)
            if i not in in_ents
            and (
                _marked(text)
                or (
                    text[:1].isupper()
                    and _name_like(doc[i])
                    and (
                        _cued(doc[i : i + 1])
                        or _org_after(doc, i + 1)
                        or _business_apposition(doc, i + 1)
                        or after_speaker(doc, i, i + 1)
                        or (i > 1 and texts[i - 1] in POSSESSIVE and _owned_product(doc[i : i + 1]))
                        or _acts(doc, i + 1, ACTION_STEMS)
                        or _among_technologies(doc, i, i + 1)
                        or _among_companies(doc, i, i + 1, listing=True)
                    )
                )
            )
        ]
        spans += _capitalised_runs(doc, taken | in_ents)
        spans = [part for ent in spans for part in _slash_parts(ent)]
        # the same word alone later ("Atita brings", "spoke with Procter") is that person
        people = named_in_full(doc)
        tech = doc.user_data[TECH_TOKENS]
        for ent in spans:
            span = _trim(ent)
            if span is not None and span.start in tech and span.end - 1 not in taken:
                span = _after_known(span, tech)
            if span is not None:
                span = _whole_hyphened_name(_with_hyphened_noun(span), taken)
            if span is not None and span.end < len(doc) and _org_word(doc[span.end]):
                span = doc[span.start : span.end + 1]  # "at Acme Robotics", not "Acme"
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            if not _plausible(span, ent.label_) and not _owned_product(span):
                continue
            if len(span) == 1 and span.text in people:
                continue
            # The rest of a name after a known technology ("Atlas Data Federation") is a part
            # of that product, joined to it below, whatever the model's label says.
            part = span.start - 1 in tech and doc[span.start - 1].whitespace_ == " "
            org = not part and (
                _organisation(span, ent.label_) or _among_companies(doc, span.start, span.end)
            )
            type_ = "COMPANY" if org else "TECHNOLOGY"
            if _publication(span):
                # "The Wall Street Journal reported": a newspaper is an organisation, and its
                # name is written with its article
                span, type_ = doc[span.start - 1 : span.end], "COMPANY"
            conf = self.company_conf if type_ == "COMPANY" else self.technology_conf
            found.append(
                Candidate(
                    span.start,
                    # "Mussel V2": the surface keeps the version, the canonical drops it
                    _possessive_end(doc[span.start : _with_version(span, type_)]),
                    type_,
                    entity_key(type_, span.text),
                    "model",
                    conf,
                )
            )
        found = _paired_with_companies(doc, found, self.company_conf)
        claimed = taken | {i for c in found for i in range(c.start, c.end)}
        found += _lower_names(doc, claimed, self.technology_conf)
        add_candidates(doc, found)
        _join_product_parts(doc, self.technology_conf, self._concept_heads())
        _organisations_defined(doc, self.company_conf)
        pair_acronyms(doc, self.technology_conf)
        return doc


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


# Words after a hyphen that make a name a modifier ("Tofino-based", "Llama-style"), with
# participles ("iPhone-produced"): the name stays itself.
MODIFIER_TAILS = phrases(
    """
    based like style native compatible compliant aware powered backed driven specific only first
    friendly ready enabled free centric heavy scale level grade class sized wide
    """
)


def _with_hyphened_noun(span: Span) -> Span:
    """A name glued by a hyphen to a lower-case noun is that compound (``Flash-attention``),
    not its first half; before a modifier tail or a participle it stays the name."""
    doc, end = span.doc, span.end
    if (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
        and doc[end + 1].is_lower
        and doc[end + 1].lower_ not in MODIFIER_TAILS
        and not doc[end + 1].lower_.endswith("ed")
    ):
        return doc[span.start : end + 2]
    return span


def _whole_hyphened_name(span: Span, taken: set[int]) -> Span:
    """A name is not cut at a hyphen inside it (spans never split a name): ``GO-JEK``, not
    ``JEK``; ``Wi-Fi``, not ``Wi``. A capitalised word glued by a hyphen on either side
    joins it, unless another name has it or it is a modifier tail (``Kafka-Based``)."""
    doc, start, end = span.doc, span.start, span.end
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
        and doc[start - 2].is_alpha
        and doc[start - 2].text[:1].isupper()
        and start - 2 not in taken
    ):
        start -= 2
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
        and doc[end + 1].text[:1].isupper()
        and doc[end + 1].lower_ not in MODIFIER_TAILS
        and end + 1 not in taken
    ):
        end += 2
    return span if (start, end) == (span.start, span.end) else doc[start:end]


def _after_known(span: Span, tech: set[int]) -> Span | None:
    """The rest of a name the model found that opens with a known technology's name
    (``Chrome DevTools``, ``Kafka Cruise Control``): it is proposed alone, then joined to
    that name as one product name (:func:`_join_product_parts`)."""
    doc, start = span.doc, span.start
    while start < span.end and start in tech:
        start += 1
    if start == span.end or doc[start - 1].text in POSSESSIVE:
        return None
    if span.end < len(doc) and doc[span.end].text in POSSESSIVE:
        return None  # "Felix Baumgartner's jump": an owner, a person more often than a part
    return span.doc[start : span.end]


def _join_product_parts(doc: Doc, conf: float, concept_heads: frozenset[str]) -> None:
    """A discovered name right after a technology's name is the rest of one product name
    (``ShopifyQL Notebooks``, ``Protobuf FieldMask``, ``Aurora Internet Access Gateway``):
    spans never overlap or split a name (entity rules). A possessive breaks it
    (``Elixir's GenStage``), and so does anything between the two but a space; one word
    that names a kind of thing (``Go Monorepo``, ``Firecracker MicroVMs``) is not a name."""
    spans = list(doc.spans.get(SPANS_KEY, []))
    out: list[Span] = []
    changed = False
    for span in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and span.label_ == "TECHNOLOGY" == prev.label_
            and span._.kg_method == "model"
            and span.start == prev.end
            and doc[prev.end - 1].whitespace_ == " "
            and doc[prev.end - 1].text not in POSSESSIVE
            and span[-1].text not in POSSESSIVE
            and not (len(span) == 1 and singular(span[0].lower_) in concept_heads)
        ):
            name = doc[prev.start : span.end]
            # "OpenSearch Software Foundation", "Apache Flink PMC": a body named after the
            # project it governs is an organisation
            label = "COMPANY" if span[-1].lower_ in INSTITUTIONS | ORG_SUFFIX else "TECHNOLOGY"
            joined = Span(doc, prev.start, span.end, label=label)
            joined.id_ = entity_key(label, name.text)
            joined._.kg_method = "model"
            joined._.kg_conf = conf
            out[-1] = joined
            changed = True
            continue
        out.append(span)
    if changed:
        doc.spans[SPANS_KEY] = out


# What a name is said to be ("cf-html, which is an NGINX module", "h3i is a binary command
# line tool", "Cloudflare's quiche project"): these nouns make the word before them a name.
KIND_WORDS = phrases(
    """
    tool tools library module binary service system platform framework database engine proxy
    balancer scheduler queue cache store app application component sdk cli project package
    plugin extension daemon utility runtime compiler language format protocol operator
    controller agent client server driver toolkit orchestrator accelerator interpreter
    debugger profiler linter bundler emulator simulator crate gem implementation subcommand
    """
)
ARTICLES = frozenset(["a", "an", "our", "the", "their", "its"])
NOT_ODD = frozenset(["b2b", "b2c", "p2p", "e2e", "h2h", "i18n", "l10n", "a11y"])


def _lower_names(doc: Doc, taken: set[int], conf: float) -> list[Candidate]:
    """Lower-case and oddly shaped names the NER never proposes (``h3i``, ``cf-html``,
    ``pg_repack``, ``quiche``): a word with a digit or an underscore inside, or any word the
    sentence says is a tool, library, module or project. They are technologies."""
    # It looks at every word of every text: plain lists of the tokens' text and spacing,
    # not a spaCy Token or Span per word, and the costly tests last.
    texts, spaced = words(doc)[:2]
    n = len(texts)
    found = []
    i = 0
    while i < n:
        start, end = i, i + 1
        while end < n and not spaced[end - 1] and _glued(texts, end):
            end += 1
        i = end
        # no space inside a glued word, so this is the span's text
        text = "".join(texts[start:end])
        host = "." in text and HOST.fullmatch(text) is not None and "example" not in text
        if (
            len(text) < 3
            or text != text.lower()
            or not (host or _word_chars(text))
            or (start > 0 and not spaced[start - 1] and texts[start - 1] not in "(\"'")
            or any(k in taken for k in range(start, end))
            or doc[start].is_stop
        ):
            continue
        if host:
            # "the backend for gitea.com", "Jeremy Howard from fast.ai": a site or service
            # by its host name; the organisation where the sentence treats it as one.
            span = doc[start:end]
            before = texts[start - 1] if start > 0 else ""
            org = _organisation(span, "") or (
                before == "from" and start > 1 and texts[start - 2][:1].isupper()
            )
            type_ = "COMPANY" if org else "TECHNOLOGY"
            found.append(Candidate(start, end, type_, entity_key(type_, text), "model", conf))
            continue
        if (
            (
                _odd(text)
                or (end - start == 1 and end < n and texts[end] == ":" and _headed(doc[start:end]))
                or _said_to_be_tool(doc, start, end, lower=True)
                or (
                    # a separator beside it first: the list test is dearer and rarely needed
                    (
                        (start > 0 and texts[start - 1].lower() in LIST_SEPARATORS)
                        or (end < n and texts[end].lower() in LIST_SEPARATORS)
                    )
                    and "-" not in text
                    and _among_technologies(doc, start, end)
                    and not is_english_word(text)
                )
            )
            and not is_generic(text)
            and text not in JARGON
        ):
            found.append(
                Candidate(start, end, "TECHNOLOGY", entity_key("TECHNOLOGY", text), "model", conf)
            )
    return found


def _word_chars(text: str) -> bool:
    """Only letters, digits, hyphens and underscores (one string test, not one per letter)."""
    bare = text.replace("-", "").replace("_", "")
    return not bare or bare.isalnum()


# A lower-case host name under a common top-level domain ("github.com", "crates.io", "fast.ai").
HOST = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|io|org|net|dev|ai|sh|app|co)")


RELEASE_TAGS = ("rc", "alpha", "beta", "preview")


def _odd(text: str) -> bool:
    """A word no dictionary has: a digit inside a word (``h3i``, ``arm64``) or snake case
    (``pg_repack``); not a measure (``sub-25ms``), percentile or version (``p99``, ``v2``)."""
    parts = text.replace("_", "-").split("-")
    if text in NOT_ODD or any(not p or not p[0].isalpha() for p in parts):
        return False
    if "_" in text:
        # "max_connections", "user_id": a setting or field named in plain words, not a tool
        plain = all(is_english_word(p) or p in ("id", "ids", "at", "by", "of") for p in parts)
        return max(len(p) for p in parts) >= 3 and not plain
    if not any(c.isdigit() for c in text):
        return False
    # "rc3", "beta2": a release tag (versions are never annotated)
    return not (len(parts) == 1 and text.rstrip("0123456789.") in ("p", "q", "v", *RELEASE_TAGS))


def _glued(texts: list[str], i: int) -> bool:
    """Whether token ``i`` (by its text) continues the word before it (``cf`` ``-`` ``html``)."""
    return texts[i] in ("-", "_") or (texts[i - 1] in ("-", "_") and texts[i].isalnum())


# After an owner's possessive only these make a name: "Cloudflare's quiche project", but
# "Walmart's inventory system" and "Monzo's banking platform" name a business domain.
OWNED_KINDS = phrases(
    "project library tool module package plugin binary daemon utility toolkit crate gem"
)


def _said_to_be_tool(doc: Doc, start: int, end: int, lower: bool = False) -> bool:
    """``X, which is an NGINX module``, ``X, a command line tool``, ``X is our search
    engine``; for a lower-case word also ``Cloudflare's X project``. A lower-case word after
    a determiner or preposition (``the pandemic, a ...``) is a plain noun."""
    # Asked of many words of every text: plain word lists, no spaCy Token
    w = words(doc)
    text, low, n = w.text, w.lower, len(w.text)
    if lower:
        if (
            end < n
            and low[end] in OWNED_KINDS
            and start > 0
            and low[start - 1] in ("the", "a")
            and _coined(doc[start:end].text)
        ):
            return True  # "the pubgrub crate", "a static-rc package": a coined word, a name
        if start > 0 and (w.stop[start - 1] or w.punct[start - 1]):
            before = text[start - 1]
            # "This week's crate is pubgrub, a Rust implementation": a copula names it
            if before not in POSSESSIVE and before not in (",", "(", "and", "or", "is"):
                return False
        if end < n and low[end] in OWNED_KINDS:
            return start > 0 and text[start - 1] in POSSESSIVE
    i, copula = end, False
    if i < n and text[i] in (",", ":", "\u2014", "\u2013"):
        if text[i] == ":" and lower:
            return False  # "How logging works: the core protocol"
        i += 1
        if i < n and low[i] == "which":
            i, copula = i + 1, True
        elif lower and not _coined(doc[start:end].text):
            return False  # "placing keys, a proxy that ...": a list, not an apposition
    if i < n and low[i] == "is":
        i, copula = i + 1, True
    if i == end or i >= n or low[i] not in ARTICLES:
        return False
    if low[i] == "the" and not copula:
        return False  # "If you're using Dropbox today, the application is ..."
    for k in range(i + 1, min(i + 7, n)):
        if w.punct[k] and text[k] not in "-/":
            return False
        if low[k] in KIND_WORDS:
            return True
    return False


def _headed(span: Span) -> bool:
    """A coined word heading a sentence before a colon (``Pinnability: Machine learning in
    the home feed``, ``postgression: A PostgreSQL Database for Every Test Case``): a title
    that names its subject, unlike ``Update:`` or ``Observability:``."""
    doc = span.doc
    return (
        len(span) == 1
        and span.end < len(doc)
        and doc[span.end].text == ":"
        and span.start == span.sent.start
        and _coined(span.text)
    )


# Computing words no dictionary has ("the config module", "the backend, a service in Go",
# "the Rust toolchain and Python"): vocabulary, never a tool's name.
JARGON = phrases(
    """
    backend backends frontend frontends codebase codebases toolchain toolchains changelog
    changelogs config configs namespace namespaces hostname hostnames filesystem filesystems
    timestamp timestamps username usernames callback callbacks bytecode dataframe dataframes
    plugin plugins repo repos async webhook webhooks runtime runtimes middleware sidecar
    sidecars dataset datasets monorepo monorepos lockfile lockfiles tokenizer tokenizers
    workflow workflows metadata login logins frontmatter readme dotfiles devtools subcommand
    subcommands env stdin stdout stderr regex regexes enum enums struct structs init
    """
)


def _slash_parts(ent: Span) -> list[Span]:
    """``TypoGard/Typomania``, ``OpenEBS/Mayastor``: names joined by a slash are two names;
    so are names the model read as one across a list's comma (``McAfee, Google``)."""
    doc = ent.doc
    cuts = [t.i for t in ent if t.text in ("/", ",")]
    if not cuts:
        return [ent]
    bounds = [ent.start, *[c for cut in cuts for c in (cut, cut + 1)], ent.end]
    return [
        Span(doc, a, b, label=ent.label_)
        for a, b in zip(bounds[::2], bounds[1::2], strict=True)
        if b > a
    ]


def _coined(text: str) -> bool:
    """A word no dictionary has, hyphen parts apart (``pubgrub``, ``static-rc``), unlike
    ``logging``, ``data-loader`` or computing words such as ``config``."""
    if text.lower() in JARGON:
        return False
    return not all(is_english_word(p) for p in text.split("-") if p)


def _trim(ent: Span) -> Span | None:
    doc, start, end = ent.doc, ent.start, ent.end
    while start < end and (doc[start].is_stop or doc[start].is_punct):
        start += 1
    for i in range(start + 1, end - 1):
        if doc[i].text in POSSESSIVE:
            end = i + 1  # a possessive breaks a name (entity rules): the owner is the name
            break
    for i in range(start + 1, end):
        if doc[i].text in DASHES and doc[i - 1].whitespace_:
            end = i  # "Vinted - Europe's largest marketplace": a spaced dash ends the name
            break
    # A name ends before its version ("Supavisor 1.0" is Supavisor, the version joining the
    # surface again later) and at its last capitalised word: "RegionServer metrics" is
    # RegionServer; the punctuation that leaves ("Kafka API-compatible" is not "Kafka API-")
    # goes with it.
    if (
        end - start > 1
        and VERSION.match(doc[end - 1].text)
        and doc[end - 2].whitespace_
        and not _plain_words(doc[start : end - 1])
    ):
        end -= 1  # "Part 2", "Phase 3": a plain word and a number stay no name
    while end > start and (
        doc[end - 1].text in POSSESSIVE
        or doc[end - 1].is_punct
        or doc[end - 1].text in TRADEMARKS  # "Zestimates®": the sign is no part of the name
        or (end > start + 1 and doc[end - 1].is_lower)
    ):
        end -= 1
    return doc[start:end] if end > start else None


DASHES = frozenset(["-", "\u2013", "\u2014"])
TRADEMARKS = frozenset(["\u00ae", "\u2122", "\u2120"])


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
    trade = len(span) > 1 and _org_word(span[-1])
    if len(span.text.split()) > 1 and label in SINGLE_ONLY and not trade:
        return False  # "Anna Sulkina", "the Cluster Autoscaler" tagged as a person
    if not trade and is_person([t.text for t in span]):
        return False  # "Kevin and Doug explain", "Gunnar Morling shows": speakers, not tools
    if surname_after_name(doc, span.start, span.end) or _cited_author(span):
        return False  # "Caitie McCaffrey Talk": a speaker's surname; "by Huang et al."
    if _cut_person(span, label):
        return False  # "Hemil Kakadia and Yonghe Zhao from Yahoo": the model kept a surname
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
    if span.end < len(doc) and doc[span.end].lower_ == "scale":
        return False  # "at Massive Scale", "at Planet Scale": a size, not a name
    if span.end < len(doc) and doc[span.end].lower_ in LICENCE_WORDS:
        return False  # "a permissive MIT license": a licence, as "the AGPLv3" above
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
    if (
        len(span) > 1
        and span[-1].lower_ in GROUP_WORDS
        and all(is_english_word(t.text) for t in span[:-1])
    ):
        return False  # "Our Infrastructure Group designs": a team; "Alibaba Group" is a name
    if span[-1].text.endswith(EVENT_ENDINGS) or event_follows(doc, span.end):
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
    if label in ("GPE", "LOC") and first.i > 0 and doc[first.i - 1].lower_ in PLACE_CUES:
        return False
    if is_country(span.text) or (len(span) > 1 and is_country(span[0].text)):
        return False  # "Norway's welfare agency", "USA OSes": a country, never annotated
    if len(span) == 1 and span.text.isupper() and len(span.text) <= 2:
        return False
    if _cued(span) or any(_marked(t.text) for t in span):
        return True
    if (
        len(span) == 1
        and _plain_words(span)
        and _inflected(span.text)
        and span.text not in doc.user_data.get(PRODUCT_TAILS, ())
    ):
        return False  # "Explores the symptoms", "Mistakes engineers make", "Gophers"
    if _opens_sentence(span) and _plain_words(span):
        # "Supply chain attacks…", "• Notable incidents:": an ordinary word capitalised only
        # because it opens the sentence is a name only when it acts as one; "Fast builds,
        # secure builds" is an adjective before a plural noun, which ends its phrase.
        plural = (
            span.end + 1 < len(doc)
            and doc[span.end].lower_.endswith("s")
            and doc[span.end + 1].is_punct
        )
        return (_acts(doc, span.end, ACTION_STEMS) and not plural) or _org_after(doc, span.end)
    if first.i == span.sent.start and len(span) == 1:
        # Every sentence starts with a capital: only the model's ORG/PRODUCT on a proper noun,
        # or a name that acts as an organisation ("Klarvio adopted", "Klarvio has migrated")
        # or has its people after it ("Klarvio engineers", "Klarvio software engineer X").
        return _name_like(first) and (
            label in ("ORG", "PRODUCT")
            or _acts(doc, span.end, ACTION_STEMS)
            or _org_after(doc, span.end)
        )
    if len(span) > 1 and span[-1].lower_ in INSTITUTES:
        return True  # "the Software Engineering Institute", "Carnegie Mellon University"
    # In a headline every word is capitalised: only oddly cased or cued names are evidence.
    return not is_title_case(span.sent)


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


OPENING_QUOTES = frozenset(['"', "\u201c", "'", "\u2018"])


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


# Headline openers that launch what follows them: "Introducing X", "Open-sourcing X".
LAUNCH_OPENERS = phrases("introducing announcing meet unveiling open-sourcing")


def _launched(doc: Doc, start: int) -> bool:
    """The name at ``start`` follows a launch verb opening its sentence: ``Introducing
    Pinterest Secor``, ``Open-sourcing Pinball`` (written as one word or three tokens)."""
    if start == 0:
        return False
    cue = start - 1
    if (
        start > 2
        and doc[cue].lower_ == "sourcing"
        and doc[cue - 1].text == "-"
        and doc[cue - 2].lower_ == "open"
    ):
        cue = start - 3
        return cue == doc[cue].sent.start
    return doc[cue].lower_ in LAUNCH_OPENERS and cue == doc[cue].sent.start


def _cued(span: Span) -> bool:
    """Introduced as a name: ``built Tern``, ``called Husky``, ``Kestrel, our scheduler``.

    In a headline the cue must be written in lower case: there ``CI Build Time`` and ``At
    Massive Scale`` are capitalised words, not ``build X`` or ``at X``.
    """
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in NAME_CUES:
        return doc[span.start - 1].is_lower or not is_title_case(span.sent)
    if _launched(doc, span.start):
        return True  # "Open-sourcing Pinball": the headline's subject
    return (
        (
            span.end + 1 < len(doc)
            and doc[span.end].text == ","
            and doc[span.end + 1].lower_ in ("a", "an", "our", "its", "their")
        )
        or _named_kind(span)
        or _headed(span)
        or _said_to_be_tool(doc, span.start, span.end)
        or _affiliation(span)
        or _among_technologies(doc, span.start, span.end)
    )


TECH_TOKENS = "kg_technology_tokens"
"""``doc.user_data`` key: the token indices of the technologies matched before discovery."""
COMPANY_TOKENS = "kg_company_tokens"
"""``doc.user_data`` key: the token indices of the companies matched before discovery."""
PRODUCT_TAILS = "kg_product_tails"
"""``doc.user_data`` key: the last words of the ontology's many-word technologies."""


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


def _owned_product(span: Span) -> bool:
    """``Netflix's Maestro scheduler``, ``Quillmark's Beacon``: capitalised words after a
    known company's possessive name its product (entity rules: the possessive breaks the
    name; the company and the product are both annotated), plain words and words the model
    calls a place included. Not in a headline, where every word has a capital, and never a
    role (``Netflix's Chief Architect``) or a generic word."""
    doc, start = span.doc, span.start
    if start < 2 or doc[start - 1].text not in POSSESSIVE:
        return False
    if start - 2 not in (doc.user_data.get(COMPANY_TOKENS) or ()):
        return False
    end = span.end
    if end < len(doc) and (doc[end].text[:1].isupper() or doc[end].lower_ in GROUP_WORDS):
        return False  # "Rippling's Payments Reliability team": a longer name, or a team
    if is_person([t.text for t in span]):
        return False  # "Indeed's Jessica Lucci provides": the company's engineer
    return all(
        _continues_name(t) and t.lower_ not in SENIORITY and t.lower_ not in ROLE_TITLES
        for t in span
    ) and not is_title_case(span.sent)


def _among_technologies(doc: Doc, start: int, end: int) -> bool:
    """A word listed with known technologies is one too: ``Docker, Mesos, Marathon, and
    Chronos``; ``with BPF, perf, and Memcheck`` (a list of three or more, one known). Not
    the first word of a longer name (``SPIRE, mTLS, and Continuous Verification``)."""
    known = doc.user_data.get(TECH_TOKENS)
    if not known or (end < len(doc) and doc[end].text[:1].isupper()):
        return False
    if not (
        (start > 0 and doc[start - 1].lower_ in LIST_SEPARATORS)
        or (end < len(doc) and doc[end].lower_ in LIST_SEPARATORS)
    ):
        return False  # no separator beside it: no list (most words, and cheap to tell)
    found, items = listed_with(doc, start, end, known)
    return found >= 2 or (found == 1 and items >= 2)


def _affiliation(span: Span) -> bool:
    """The organisation after a speaker's name: ``Thomas Graf, Isovalent``."""
    return after_speaker(span.doc, span.start, span.end)


def _named_kind(span: Span) -> bool:
    """The name in brackets after the kind of thing it is: ``an evaluation platform
    (Braintrust)``; ``(PEUs)`` after a plain noun is an acronym being defined."""
    doc = span.doc
    return (
        span.start > 1
        and span.end < len(doc)
        and doc[span.start - 1].text == "("
        and doc[span.end].text == ")"
        and doc[span.start - 2].lower_ in KIND_WORDS
        # "the Revenue & Growth Tools (RGT) team": the name of a team, no product
        and not (span.end + 1 < len(doc) and doc[span.end + 1].lower_ in TEAM_WORDS)
    )


# Words after a name that make it an organisation: "Zorbly engineers", "Zorbly joined".
# A publisher before what it publishes: "OneHouse news", "the Acme newsletter".
ORG_AFTER = phrases(
    """
    engineers engineering joined acquired announced news newsletter podcast analysts researchers
    gang syndicate acquisition
    """
)
TEAM_WORDS = phrases("team teams engineers engineering founders")


# A role of the people who work at an organisation, after its name: "X software engineer
# Dana Okafor", "X staff engineers", "X CTO", "X CISO Dana Okafor".
ROLE_MODIFIERS = phrases("software senior staff principal lead data platform security")
ROLES = phrases("engineer engineers cto ceo ciso cio cfo coo founder co-founder")


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
    # "X's team", and "X's Model Lifecycle team": a team named inside the organisation.
    j = i + 1
    while j < min(i + 4, len(doc) - 1) and doc[j].text[:1].isupper() and doc[j].is_alpha:
        j += 1
    return j < len(doc) and doc[j].lower_ in TEAM_WORDS


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
    if _affiliation(span):
        return True  # "Thomas Graf, Isovalent": the speaker's employer
    if _marked(span[-1].text) and span[-1].text.endswith(TECH_ENDINGS):
        return False  # "BoltDB's freelist": a database, whatever the possessive says
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if after == "team" or _org_after(doc, span.end):
        return True  # "X engineers", "X joined", "X's team"
    if span.end < len(doc) and doc[span.end].text == "group":
        return True  # "the HellCat group": a group of people, as a threat actor or a vendor
    if span.start > 0 and doc[span.start - 1].lower_ in ORG_CUES:
        return True
    if _reported_by(doc, span.start) or _how_it_acts(doc, span.start, span.end):
        return True
    if _kind_of_business_before(doc, span.start):
        return True
    if _led_by_role(doc, span.start) or _business_apposition(doc, span.end):
        return True
    if _acts(doc, span.end) or _acts(doc, _after_apposition(doc, span.end)):
        return True
    # "TeamPCP's fifth compromise": a new name used as a possessive is an organisation
    # (entity rules), a known product's possessive ("BoltDB's freelist") is handled above,
    # and a name with a release number ("GLM-4.7's") is a product's.
    if span.end >= len(doc) or doc[span.end].text not in POSSESSIVE:
        return False
    return not any(c.isdigit() for c in span.text)


# The kind of business written before a name: "the security firm Armis", "a software
# supplier called Kaseya", "with maker Yubico" (not "operator", "business", "enterprise",
# which also qualify software: "the Strimzi operator", "enterprise Foo").
BUSINESS_BEFORE = phrases(
    """
    company startup start-up retailer bank neobank provider firm vendor supplier maker
    manufacturer agency consultancy publisher airline fintech insurer subsidiary
    """
)


def _kind_of_business_before(doc: Doc, start: int) -> bool:
    """``security firm X``, ``a supplier called X``, ``a healthcare company, X,``: the name
    of a business."""
    if start > 1 and doc[start - 1].lower_ in ("called", "named"):
        start -= 1
    elif (
        start > 2
        and doc[start - 1].text == ","
        and any(t.lower_ in ARTICLES for t in doc[max(0, start - 5) : start - 2])
    ):
        start -= 1  # the business named first, its name in apposition after a comma
    return start > 0 and doc[start - 1].lower_ in BUSINESS_BEFORE


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
LEADERS = ROLES | phrases("cofounder founders co-founders president employees")
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
        return word in LEADERS
    if before != "with":
        return False
    if word == "up" and start > 2:
        word = doc[start - 3].lower_
    return word.startswith(PARTNER_STEMS)


def _business_apposition(doc: Doc, end: int) -> bool:
    """``X, the world's leading online travel marketplace``: an apposition that names the
    kind of business ``X`` is (entity rules: "X, the <business>" is a COMPANY)."""
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ARTICLES:
        return False
    for tok in doc[end + 2 : end + 10]:
        if tok.is_punct and tok.text not in "-/’'":
            return False
        if tok.lower_ in BUSINESS_NOUNS and not (
            tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-"
        ):
            return True  # not a modifier: "a novel provider-side optimization"
    return False


def _after_apposition(doc: Doc, end: int) -> int:
    """Where the sentence goes on after ``, a major e-commerce platform,`` following a name
    at ``end`` (``end`` itself when no such apposition follows)."""
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ARTICLES:
        return end
    for i in range(end + 2, min(end + 12, len(doc))):
        if doc[i].text == ",":
            return i + 1
        if doc[i].is_punct and doc[i].text not in "-/":
            break
    return end


def _acts(doc: Doc, end: int, stems: tuple[str, ...] = ORG_VERB_STEMS) -> bool:
    """The name before ``end`` is the subject of an organisation's verb: "Klarvio rebuilt",
    "Klarvio has migrated", "Klarvio runs its services"."""
    for i in range(end, min(end + 3, len(doc))):
        tok = doc[i]  # by index: no Span per call (it runs on every capitalised word)
        if tok.lower_.startswith(stems) and not _nominal(tok.lower_):
            # "ClickHouse Release 24.8": a release word before its version is a noun
            return not (
                tok.lower_ in RELEASE_WORDS
                and i + 1 < len(doc)
                and RELEASE_NUMBER.fullmatch(doc[i + 1].text) is not None
            )
        if i + 1 < len(doc) and doc[i + 1].lower_ in ("its", "their") and tok.is_lower:
            return True
        if tok.lower_ not in AUXILIARIES and not (tok.is_lower and tok.lower_.endswith("ly")):
            return False  # "Klarvio has recently migrated", "Klarvio successfully migrated"
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


def _possessive_end(span: Span) -> int:
    doc = span.doc
    return span.end + 1 if span.end < len(doc) and doc[span.end].text in POSSESSIVE else span.end


NER_CONTEXT = 8
"""Words of context the NER reads on each side of a word that could start a new name."""


def _ner_windows(sent: Span, taken: set[int]) -> list[tuple[int, int]]:
    """The token ranges of ``sent`` the NER reads: ``NER_CONTEXT`` words around each word
    that could be part of a new name (:func:`_could_name`), overlapping ranges merged; none
    when the sentence has no such word.

    The NER's cost grows with the words it reads. The small model's encoder sees four words
    on each side of a word, so with eight, every word within four of the candidate reads
    the same context as in the whole sentence: on 2,000 posts of real summary sentences the
    output was the same as with whole sentences, at 24% less of extraction's CPU.
    """
    windows: list[tuple[int, int]] = []
    headline = is_title_case(sent)
    w = words(sent.doc)
    for i in range(sent.start, sent.end):
        if not _could_name(w, i, taken, sent.start, headline):
            continue
        a, b = max(sent.start, i - NER_CONTEXT), min(sent.end, i + NER_CONTEXT + 1)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], b)
        else:
            windows.append((a, b))
    return windows


def _could_name(w: Words, i: int, taken: set[int], sent_start: int, headline: bool) -> bool:
    """A word the NER could make a new name of: capitalised or oddly cased, not a stop word,
    not matched by the ontology (every candidate is such a word).

    An ordinary English word capitalised only because it opens the sentence ("Scaling",
    "Engineers"), or because every word of a headline is, is no such word; a name that is
    also an English word and opens a sentence is then left to the ontology and the cues
    ("Corrosion, a ..."), the price of running the NER on a fraction of the words.
    """
    if i in taken or w.stop[i]:
        return False
    text = w.text[i]
    if _marked(text):
        return True
    opener = i == sent_start or headline
    return text[:1].isupper() and not (opener and _ordinary_opener(text))


def _ordinary_opener(text: str) -> bool:
    """A sentence's first word that is an English word in plain case: ``Scaling``."""
    return text.isalpha() and text[1:].islower() and is_english_word(text)


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
)
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
    ``co-founder of ScyllaDB``, ``ScyllaDB engineers``; elsewhere it stays the product. So
    is any made product listed as organisations (``Browser vendors Chrome, Firefox, and
    Safari collaborated``)."""
    if not vendors and not made:
        return
    # Organisation nouns are rare: one look at the text spares most documents the list test.
    lowered = doc_text(doc).lower()
    org_nouns = any(noun in lowered for noun in ORG_NOUNS)
    spans = list(doc.spans.get(SPANS_KEY, []))
    changed = False
    for n, span in enumerate(spans):
        if span.label_ != "TECHNOLOGY" or (span.id_ not in vendors and span.id_ not in made):
            continue  # the cheap tests first: most spans are neither
        if span._.kg_method != "ontology":
            continue
        if org_nouns and span.id_ in made and _listed_as_organisations(doc, span.start):
            spans[n] = _as_company(span)
            changed = True
            continue
        if span.id_ not in vendors:
            continue
        end = span.end - 1 if doc[span.end - 1].text in POSSESSIVE else span.end
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        acting = (
            _org_after(doc, end)
            or (end < len(doc) and doc[end].lower_ not in PASSIVE and _acts(doc, end, VENDOR_STEMS))
            or (
                before == "by"
                and span.start > 1
                and doc[span.start - 2].lower_.startswith(BY_AUTHOR)
            )
            or (before == "of" and span.start > 1 and doc[span.start - 2].lower_ in ROLES)
        )
        if not acting:
            continue
        spans[n] = _as_company(span)
        changed = True
    if changed:
        doc.spans[SPANS_KEY] = spans


CREDIT_DASHES = frozenset(["-", "–", "—", "|"])
# Last words of the names of newspapers and magazines: "The National Law Review".
PRESS_NOUNS = phrases(
    "review times news post journal register gazette tribune herald wire magazine reporter"
)


def _source_credit(doc: Doc, conf: float) -> None:
    """A digest item ends with its source and date: ``... Restart After Ransomware Attack
    (SecurityWeek, May 09 2021)``, ``(Dark Reading:, Sep 06 2019)``. The source is a
    publication, an organisation (a COMPANY), unless it is a writer's name. So is a name
    after a closing dash of a headline: ``Microsoft Really Does Love Linux– The Verge``,
    ``Architecture of a Neobank - Revolut``."""
    n = len(doc)
    if n >= 3 and doc[n - 1].text != ")":
        _dash_credit(doc, conf)
        return
    if n < 6:
        return
    open_ = next((i for i in range(n - 2, max(-1, n - 12), -1) if doc[i].text == "("), -1)
    if open_ < 1:
        return
    comma = next((i for i in range(open_ + 1, n - 1) if doc[i].text == ","), -1)
    if comma < 0 or comma + 1 >= n - 1 or doc[comma + 1].lower_.rstrip(".") not in MONTHS:
        return
    end = comma - 1 if doc[comma - 1].text == ":" else comma
    if not open_ + 1 <= end - 1 < open_ + 5:
        return
    name = doc[open_ + 1 : end]
    if not all(t.text[:1].isupper() or t.text[:1].isdigit() for t in name):
        return
    if is_person([t.text for t in name]):
        return  # "(Graham Cluley, Dec 02 2020)": a writer's own blog
    _credit_company(doc, name, conf)


def _dash_credit(doc: Doc, conf: float) -> None:
    """The name after a headline's last dash (see :func:`_source_credit`): one to four
    capitalised words, none a function word but a leading ``The``; a lone word must not be
    an English word (``– Operations``); never a person (``— Bryan Cantrill``), an event or
    a known name (``– Concurrency``)."""
    n = len(doc)
    dash = next((i for i in range(n - 2, max(0, n - 6), -1) if doc[i].text in CREDIT_DASHES), 0)
    if dash < 2 or not doc[dash].whitespace_ or doc_text(doc).rstrip().endswith((".", "!", "?")):
        return
    name = doc[dash + 1 : n]
    texts = [t.text for t in name]
    if not all(
        t[:1].isupper() and t.replace("&", "").replace(".", "").replace("'", "").isalpha()
        for t in texts
    ):
        return
    if any(t.is_stop for t in name[1:]) or (name[0].is_stop and name[0].lower_ != "the"):
        return  # "– All In On Postgres", "- An Obituary": a phrase, not a name
    if len(name) == 1 and not _marked(texts[0]) and is_english_word(texts[0]):
        return
    if texts[-1] in PUBLICATION_ENDINGS or is_person(texts) or is_event_name(texts):
        return
    if any(t.lower_ in NOT_NAMES for t in name):
        return
    if len(name) == 2 and not any(_marked(t) or is_english_word(t) for t in texts):
        return  # "- Gergely Orosz": a speaker's or writer's byline
    plain = all(is_english_word(t) for t in texts if t != "The")
    if plain and doc[dash - 1].whitespace_ and name[-1].lower_ not in PRESS_NOUNS:
        return  # "Scaling Kafka – The Hard Way": a phrase; a digest glues its credit on
    if not any(i in covered(doc) for i in range(name.start, name.end)):
        _credit_company(doc, name, conf)


def _publication(span: Span) -> bool:
    """``The Wall Street Journal``, ``The National Law Review``: capitalised words ending
    in a newspaper's noun after a capitalised ``The``."""
    doc = span.doc
    return (
        len(span) > 1
        and span[-1].lower_ in PRESS_NOUNS
        and span[-1].text[:1].isupper()
        and span.start > 0
        and doc[span.start - 1].text == "The"
        and span.start - 1 not in covered(doc)
    )


def _credit_company(doc: Doc, name: Span, conf: float) -> None:
    """``name`` as a COMPANY: a new candidate, or a technology found with the same span."""
    spans = list(doc.spans.get(SPANS_KEY, []))
    inside = [k for k, s in enumerate(spans) if s.start < name.end and name.start < s.end]
    if not inside:
        add_candidates(
            doc,
            [
                Candidate(
                    name.start, name.end, "COMPANY", entity_key("COMPANY", name.text), "model", conf
                )
            ],
        )
        return
    if len(inside) == 1:
        k = inside[0]
        if (spans[k].start, spans[k].end) == (name.start, name.end) and spans[
            k
        ].label_ == "TECHNOLOGY":
            spans[k] = _as_company(spans[k])
            doc.spans[SPANS_KEY] = spans


def _companies_treated_as_organisations(doc: Doc, known) -> None:
    """An ambiguous company name (a registry name that could be a plain word: ``Isovalent``,
    ``Kaseya``) is supported where the sentence treats it as an organisation (``at X``, ``X
    engineers``, ``Thomas Graf, X``, ``X says``): the cue that makes an unknown name a
    company makes a known one sure."""
    for span in known:
        if span.label_ == "COMPANY" and span._.kg_ambiguous and _organisation(span, ""):
            span._.kg_ambiguous = False


def _registry_names_as_workplaces(doc: Doc, registry: frozenset[str]) -> None:
    """A registry technology's one-word name where the sentence makes it a workplace or an
    organisation (``a software engineer at Riot``, ``over at CloudZero``, ``Riot
    engineers``) is the organisation: a generated entry's type is its source's guess, the
    sentence is better evidence. A curated product's name is the organisation only as a
    workplace (``a service at Heroku``, ``CTO at InfluxDB``; entity rules: a brand acting
    as the organisation), never by ``X engineers`` (``iOS engineers``, ``Rust engineers``),
    nor where a thing is put (``hosted at Heroku``)."""
    spans = list(doc.spans.get(SPANS_KEY, []))
    changed = False
    for n, span in enumerate(spans):
        if span.label_ != "TECHNOLOGY" or span._.kg_method != "ontology" or len(span) > 2:
            continue
        if span.id_ not in registry and not _workplace(doc, span.start):
            continue
        if span.id_ in registry and _listed_among_companies(doc, spans, span):
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


# Nouns for organisations before a list of their names: "browser vendors Chrome, Firefox".
ORG_NOUNS = phrases("vendors companies organizations organisations firms startups")


def _listed_as_organisations(doc: Doc, start: int) -> bool:
    """A name in a list of names right after a noun for organisations: ``Browser vendors
    Chrome, Firefox, and Safari``; not ``companies use Chrome``."""
    for i in range(start - 1, max(-1, start - 12), -1):
        tok = doc[i]
        if tok.lower_ in ORG_NOUNS:
            return True
        if not (tok.lower_ in LIST_SEPARATORS or (tok.text[:1].isupper() and tok.is_alpha)):
            return False
    return False


def _extend_makers(
    doc: Doc,
    technology_conf: float,
    company_conf: float,
    plain: frozenset[str] = frozenset(),
    concept_heads: frozenset[str] = frozenset(),
) -> None:
    """A known company's name followed by capitalised words is one product or unit name
    (entity rules): ``Uber Eats``, ``Google Suite``, ``Altinity Operator``, not the company
    and a stray word; so is a known one-word product's (``Kafka Self-Serve``, ``Flink CDC``). Only outside headlines, where capitals mark names; the longer name is
    a COMPANY when the sentence treats it as an organisation (``at X``, ``X engineers``)."""
    spans = list(doc.spans.get(SPANS_KEY, []))
    changed = False
    for n, span in enumerate(spans):
        if span.label_ == "CONCEPT" or span._.kg_method != "ontology" or span.end >= len(doc):
            continue
        if span.label_ == "TECHNOLOGY" and (len(span) > 1 or span.id_ in plain):
            continue  # only a sure one-word product names a longer one ("Kafka Self-Serve")
        if doc[span.end - 1].text in POSSESSIVE:
            continue  # "Amazon's Prime Video": a possessive breaks the name
        if _org_word(doc[span.end - 1]):
            continue  # "the Apache Software Foundation Incubator": an institution, then a word
        if (
            span.label_ == "COMPANY"
            and _engineering_unit(doc, span.end)
            and not (span.start == 0 and span.end + 1 == len(doc))
        ):
            # (a title that is only "Zorbly Engineering" is the blog's name: the company)
            # "at Wix Engineering we migrated", "Etsy Engineering Unveils…": the company's
            # engineering organisation, a business unit named after its parent (entity rules),
            # in headlines too, where the word could otherwise be a verb or a topic.
            spans[n] = Span(
                doc,
                span.start,
                _possessive_end(doc[span.start : span.end + 1]),
                label="COMPANY",
                span_id=entity_key("COMPANY", doc[span.start : span.end + 1].text),
            )
            spans[n]._.kg_method = "model"
            spans[n]._.kg_conf = company_conf
            changed = True
            continue
        end = span.end
        while (
            end < len(doc)
            and end - span.end < 2
            and _continues_name(doc[end])
            and not _covered_at(spans, end)  # "H100 GPUs": a second known name
        ):
            end += 1
            if _hyphen_glued(doc, end):
                end += 2  # "Self-Serve": one word written with a hyphen
        if end == span.end or end > span.sent.end:
            continue
        if is_title_case(span.sent) and not _launched(doc, span.start):
            # in a headline capitals mark every word: only a coined word after the maker
            # joins it ("Pinterest Secor"), unless the headline launches it ("Introducing X Y")
            end = _headline_name_end(doc, span.end, end, concept_heads)
            if end == span.end:
                continue
        elif end < len(doc) and (doc[end].text[:1].isupper() or _covered_at(spans, end)):
            continue  # a longer capitalised run ("Uber Eats Driver App"): leave it to the NER
        name = doc[span.start : end]
        if is_event_name([t.text for t in name]):
            # "Strata + Hadoop World": a name inside an event's name is no mention
            spans[n] = None
            changed = True
            continue
        if name[-1].text.endswith(EVENT_ENDINGS) or name[-1].text in PUBLICATION_ENDINGS:
            continue  # "Spotify Wrapped Campaign", "Acme Summit": an event, not a product;
            # "the Netflix Tech Blog": a publication, and the company keeps its mention
        org = (
            (span.label_ == "COMPANY" or _org_word(name[-1]))
            and _organisation(name, "ORG")
            and not (end < len(doc) and doc[end].text in POSSESSIVE)
        )
        type_ = "COMPANY" if org else "TECHNOLOGY"
        spans[n] = Span(
            doc,
            span.start,
            # "Grafana Beyla 1.0": the surface keeps the version, the canonical drops it
            _possessive_end(doc[span.start : _with_version(name, type_)]),
            label=type_,
            span_id=entity_key(type_, _unversioned(name)),
        )
        spans[n]._.kg_method = "model"
        spans[n]._.kg_conf = company_conf if org else technology_conf
        changed = True
    if changed:
        doc.spans[SPANS_KEY] = [s for s in spans if s is not None]


def _headline_name_end(doc: Doc, start: int, end: int, concept_heads: frozenset[str]) -> int:
    """Where a known name's capitalised continuation ``doc[start:end]`` ends in a headline,
    where every word is capitalised and only a coined word marks a name: the words no
    dictionary has that are no acronym nor a kind of thing (``Introducing Pinterest Secor``,
    ``Netflix Tudum Architecture`` is ``Netflix Tudum``; not ``Raft Explained``, ``Pinterest
    HTTPS`` nor ``Firecracker MicroVMs``); ``start`` when there is none."""
    coined = start
    while (
        coined < end
        and not doc[coined].text.isupper()
        and not is_english_word(doc[coined].text)
        and singular(doc[coined].lower_) not in concept_heads
    ):
        coined += 1
    return coined


def _engineering_unit(doc: Doc, i: int) -> bool:
    """Token ``i`` is a capitalised ``Engineering`` ending a name: not ``Engineering Blog``
    or ``Engineering Manager`` (a publication or a role goes on with another capital)."""
    if i >= len(doc) or doc[i].text != "Engineering":
        return False
    nxt = i + 1
    if nxt < len(doc) and doc[nxt].text in POSSESSIVE:
        nxt += 1
    return nxt >= len(doc) or not doc[nxt].text[:1].isupper() or is_title_case(doc[i].sent)


def _capitalised_runs(doc: Doc, skip: set[int]) -> list[Span]:
    """Two or three capitalised dictionary words inside a sentence that is not a headline,
    that the NER left alone: a name (``the Internet Archive``, ``our Safe Mode``). Words no
    dictionary has are left to the NER: they are mostly people's names (``Micah Wylde``)."""
    # Every word of every text passes here: one array of flags, Tokens only for runs.
    flags = doc.to_array([IS_ALPHA, IS_TITLE, IS_STOP])
    caps = [
        i for i, (alpha, title, stop) in enumerate(flags.tolist()) if alpha and title and not stop
    ]
    caps = [i for i in caps if i not in skip]
    runs = []
    k = 0
    while k < len(caps):
        m = k + 1
        while m < len(caps) and caps[m] == caps[m - 1] + 1:
            m += 1
        start, end = caps[k], caps[k] + (m - k)
        k = m
        if not 2 <= end - start <= 3 or (end < len(doc) and end in skip):
            continue  # a longer run, or one that goes on into a known name
        words = doc[start:end]
        if (
            doc[start].is_sent_start
            or (start > 0 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_)
            or not all(is_english_word(t.text) for t in words)
            or is_title_case(doc[start].sent)
        ):
            continue  # "Half-Quadratic Quantization" is not "Quadratic Quantization"
        runs.append(words)
    return runs


def _hyphen_glued(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen joining the word before it to a capitalised word."""
    return (
        i + 1 < len(doc)
        and doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].text[:1].isupper()
        and doc[i + 1].is_alpha
    )


# A product word with its generation number glued on: "Graviton3" of "AWS Graviton3".
GENERATION = re.compile(r"[A-Z][a-z]{2,}\d{1,2}")


def _unversioned(name: Span) -> str:
    """A product name without the generation number glued to its last word (versions are
    dropped from canonical names): ``AWS Graviton3`` is ``AWS Graviton``."""
    if GENERATION.fullmatch(name[-1].text):
        return name.text.rstrip("0123456789")
    return name.text


def _continues_name(tok) -> bool:
    """A capitalised word that can end a product name: not a stop word, generic word or
    possessive (``Uber's``), not a word like ``Engineering`` or ``Engineers``, not a generic
    acronym (``a Postgres DB`` is Postgres)."""
    return (
        tok.text[:1].isupper()
        and (tok.is_alpha or GENERATION.fullmatch(tok.text) is not None)
        and not tok.is_stop
        and not is_generic(tok.text)
        and tok.lower_ not in NOT_NAMES
        and tok.lower_ not in ORG_AFTER
        and tok.lower_ not in GROUP_WORDS
        and tok.lower_ not in RELEASE_WORDS
        and not tok.is_sent_start
        and not _generic_acronym(tok.text)
    )


def _generic_acronym(word: str) -> bool:
    """``SRE``, ``CREs``, ``TVs``, ``OSes``: an acronym of a role or a generic thing, plural
    or not."""
    return (
        word in GENERIC_ACRONYMS
        or (word.endswith("s") and word[:-1] in GENERIC_ACRONYMS)
        or (word.endswith("es") and word[:-2] in GENERIC_ACRONYMS)
    )


def _covered_at(spans, i: int) -> bool:
    return any(s is not None and s.start <= i < s.end for s in spans)
