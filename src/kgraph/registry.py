"""Grow the ontology from public registries, with provenance on every entry.

``python -m kgraph.registry`` reads the snapshots in ``data/ontology/sources/`` (small CSV
files extracted from public repositories; each names its repository, path and commit in a
``# source:`` header line) and writes ``data/ontology/registry/*.yaml``, one file per type
and source. The output is deterministic: the same snapshots give the same bytes.

The curated files always win: a candidate whose name or alias is already a name or alias
there (ignoring case) is skipped, and so is one that clashes with an earlier generated
entry. ``parent`` and ``company`` are kept only when they name an entry that exists. Names
whose one-word forms are English words (``english_words.txt``) are marked ``ambiguous``.
Definitions are never copied: generated concepts have none.

``load_ontology()`` loads the generated files after the curated ones: a curated name wins,
and registry names need support in a post before the extractor reports them, except
terms (``term: true``: field-glossary terms, pattern names, catalogue concepts that are
popular Stack Overflow or Server Fault tags) of two words or more, or of one word that is
no English word (``rootkit``).
See ``docs/ontology-registry.md``.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import yaml

from kgraph.extract.english import is_english_word
from kgraph.extract.generic import GENERIC_HEADS, is_generic
from kgraph.extract.variants import plural, singular
from kgraph.ontology import DEFAULT_DIR, Ontology, load_ontology

SOURCES_DIR = DEFAULT_DIR / "sources"
REGISTRY_DIR = DEFAULT_DIR / "registry"


# --------------------------------------------------------------------------- snapshots


@dataclass
class Snapshot:
    """One source file: its provenance line and its rows."""

    source: str
    """``owner/repo path@commit``, from the ``# source:`` header."""
    rows: list[dict[str, str]]


def read_snapshot(path: Path) -> Snapshot:
    lines = path.read_text(encoding="utf-8").splitlines()
    source = ""
    body = []
    for line in lines:
        if line.startswith("#"):
            if line.startswith("# source:"):
                source = line.split(":", 1)[1].strip()
            continue
        body.append(line)
    if not source:
        raise ValueError(f"{path}: no '# source:' header line")
    return Snapshot(source=source, rows=list(csv.DictReader(body)))


def read_words(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def short_source(snapshot: Snapshot) -> str:
    """``owner/repo file@commit12``: the provenance written on each entry."""
    where, _, commit = snapshot.source.rpartition("@")
    repo, _, path = where.partition(" ")
    path = path.split(" (")[0]
    return f"{repo} {path}@{commit[:12]}"


# --------------------------------------------------------------------------- candidates


@dataclass
class Candidate:
    name: str
    type: str
    source: str
    out: str
    """Output file stem, e.g. ``technologies_cncf``."""
    aliases: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    company: str = ""
    ambiguous: bool = False
    needs_support: bool = False
    """A name read as a plain phrase too ("Cloud Tasks"): marked ambiguous whatever its words."""
    term: bool = False
    """A field term from a glossary: the loader trusts it without support (see ontology); on a
    threat catalogue's company or technology, a name screened against the dictionary."""


_SPACE = re.compile(r"\s+")
_PAREN = re.compile(r"\s*\(([^()]*)\)\s*")
_ACRONYM_TOKEN = re.compile(r"^[A-Z0-9][A-Z0-9./+-]*[A-Z0-9+]$|^[A-Z]$")


def clean(text: str) -> str:
    return _SPACE.sub(" ", text.replace("\u2019", "'")).strip()


NOT_ALIASES = {"KCSP", "KCNTP", "KTP", "CNCF", "LF", "OSS", "GA"}


def split_paren(name: str) -> tuple[str, list[str]]:
    """``Amazon Elastic Kubernetes Service (EKS)`` → the name and ``[EKS]``; a parenthesis
    that is not a short acronym-like token is dropped (``(member)``, ``(Incubating)``)."""
    aliases = []
    for inner in _PAREN.findall(name):
        inner = inner.strip()
        acronym_like = any(c.isupper() for c in inner[1:])  # EKS, ARO, gRPC; not Incubating
        if (
            inner
            and " " not in inner
            and len(inner) <= 12
            and acronym_like
            and inner not in NOT_ALIASES
        ):
            aliases.append(inner)
    return clean(_PAREN.sub(" ", name)), aliases


def valid_name(name: str) -> bool:
    bare = name.strip()
    return len(bare) >= 2 and not re.fullmatch(r"[\d\s.,%+-]+", bare) and "\n" not in bare


def titled_slug(slug: str) -> str:
    """A Crunchbase organisation slug as a name: ``red-hat`` → ``Red Hat``."""
    words = [w for w in unquote(slug).split("-") if w]
    while len(words) > 1 and any(c.isdigit() for c in words[-1]):
        words.pop()  # boeing-7321, bucket-b91b: Crunchbase's disambiguation suffixes
    return " ".join(w[:1].upper() + w[1:] for w in words)


def name_keys(name: str) -> set[str]:
    """The lower-cased name with its last word singular and plural: the matcher generates
    plurals, so ``microservices`` would clash with a curated ``microservice``."""
    low = name.lower()
    head, _, last = low.rpartition(" ")
    pre = f"{head} " if head else ""
    return {low, pre + singular(last), pre + plural(last)}


def joined(name: str) -> str:
    """A concept name without hyphens and spaces: they are spelling in concept names
    ("multifactor authentication" is "multi-factor authentication"). A last word ``app``
    is ``application`` ("stateful app" is the curated "stateful application")."""
    words = name.lower().split(" ")
    if len(words) > 1 and words[-1] in ("app", "apps"):
        words[-1] = "application"
    return re.sub(r"[\s-]+", "", " ".join(words))


class Words:
    """English-word checks: ambiguity of names, and safe singulars of concept heads."""

    def __init__(self, words: frozenset[str], proper: dict[str, str] | None = None):
        self.words = words
        self.proper = proper or {}
        """Lower-cased one-word product and company names → their spelling (Kubernetes)."""

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.words

    def singular(self, word: str) -> str:
        one = singular(word)
        return one if one != word and one in self.words else word

    def ambiguous(self, names: Iterable[str]) -> bool:
        return any(" " not in n and "-" not in n and n.lower() in self.words for n in names)


def concept_name(label: str, words: Words, *, sentence_case: bool = False) -> str:
    """A concept label as a lower-case singular noun phrase. Acronyms and mixed-case words
    keep their case (``SQL injection``); in a sentence-case label (ACM CCS) a capitalised
    later word is a proper name and keeps it too (``Bayesian network``)."""
    tokens = clean(label).split(" ")
    out = []
    for i, tok in enumerate(tokens):
        mixed = any(c.isupper() for part in tok.split("-") for c in part[1:])
        proper = words.proper.get(tok.lower(), "")
        if proper and not (proper.isupper() and tok.lower() in words):
            # "kubernetes" is Kubernetes; "beam" stays a word, though BEAM is a product
            out.append(proper)
        elif (len(tok) > 1 and _ACRONYM_TOKEN.match(tok)) or mixed or (sentence_case and i > 0):
            out.append(tok)
        else:
            out.append(tok.lower())
    if out[-1].islower():
        out[-1] = words.singular(out[-1])
    elif re.fullmatch(r"[A-Z]{2,}s", out[-1]):
        out[-1] = out[-1][:-1]  # CDNs -> CDN
    return " ".join(out)


def good_concept(name: str) -> bool:
    words = name.split(" ")
    if not valid_name(name) or len(words) > 5 or is_generic(name):
        return False
    if re.search(r"[,;:&/()?!\"%]| and | or | vs\.? | of the ", f" {name} "):
        return False
    if words[-1] in GENERIC_HEADS and len(words) == 1:
        return False
    return not name.startswith(("other ", "general ", "step ", "design "))


# --------------------------------------------------------------------------- builders

FOUNDATION = re.compile(r"foundation|consortium|^linux-foundation$|^apache", re.I)
CNCF_NON_TECH = {"CNCF Members", "Special"}
COMPANY_SUBCATS = {
    ("Special", "Kubernetes Certified Service Provider"),
    ("Special", "Kubernetes and Cloud Native Training Partner"),
}
# Landscape subcategories → an is-a parent, used only when that concept exists.
SUBCATEGORY_PARENT = {
    "API Gateway": ["API gateway"],
    "Service Mesh": ["service mesh"],
    "Service Proxy": ["proxy"],
    "Database": ["database"],
    "Streaming & Messaging": ["message broker", "stream processing"],
    "Container Runtime": ["container runtime"],
    "Container Registry": ["container registry"],
    "Cloud Native Storage": ["storage system"],
    "Cloud Native Network": ["container networking"],
    "Scheduling & Orchestration": ["container orchestration"],
    "Coordination & Service Discovery": ["service discovery", "coordination service"],
    "Remote Procedure Call": ["RPC framework"],
    "Continuous Integration & Delivery": ["CI/CD"],
    "Observability": ["observability tool"],
    "Chaos Engineering": ["chaos engineering tool"],
    "Feature Flagging": ["feature flag"],
    "Key Management": ["key management"],
    "Security & Compliance": ["security tool"],
    "Automation & Configuration": ["infrastructure as code"],
    "Vector Database": ["vector database"],
    "Certified Kubernetes - Hosted": ["managed Kubernetes"],
    "Languages": ["programming language"],
    "Runtimes": ["WebAssembly runtime"],
}


def cncf(snap: Snapshot) -> tuple[list[Candidate], list[Candidate], dict[str, str]]:
    """Companies named as members, partners and providers; technologies; and the maker of
    each technology by Crunchbase slug (companies known only by slug come last)."""
    src = short_source(snap)
    slug_name: dict[str, str] = {}
    named: list[Candidate] = []
    techs: list[Candidate] = []
    for row in snap.rows:
        name, _ = split_paren(row["name"])
        key = (row["category"], row["subcategory"])
        if row["category"] == "CNCF Members" or key in COMPANY_SUBCATS:
            named.append(Candidate(name, "COMPANY", src, "companies_cncf"))
            if row["crunchbase_slug"]:
                slug_name.setdefault(row["crunchbase_slug"], name)
    for row in snap.rows:
        if row["category"] in CNCF_NON_TECH:
            continue
        name, aliases = split_paren(row["name"])
        slug = row["crunchbase_slug"]
        maker = (
            "" if not slug or FOUNDATION.search(slug) else slug_name.get(slug, titled_slug(slug))
        )
        techs.append(
            Candidate(
                name,
                "TECHNOLOGY",
                src,
                "technologies_cncf",
                aliases=aliases,
                parents=list(SUBCATEGORY_PARENT.get(row["subcategory"], [])),
                company=maker,
            )
        )
    by_slug = [
        Candidate(slug_name.get(slug, titled_slug(slug)), "COMPANY", src, "companies_cncf")
        for slug in sorted({r["crunchbase_slug"] for r in snap.rows if r["crunchbase_slug"]})
        if not FOUNDATION.search(slug)
    ]
    return named, techs, {"by_slug": by_slug}  # type: ignore[return-value]


APACHE_SKIP = {"attic", "comdev", "incubator", "labs", "community development", "gump"}
APACHE_PARENT = {
    "database": ["database"],
    "big-data": ["data processing system"],
    "library": ["software library"],
    "network-server": ["infrastructure software"],
    "build-management": ["build system"],
    "content": ["content management system"],
    "web-framework": ["web framework"],
    "xml": ["software library"],
    "testing": ["testing tool"],
}


def apache(snap: Snapshot, words: Words) -> list[Candidate]:
    src = short_source(snap)
    rank = {"project": 0, "podling-current": 1, "podling-graduated": 2}
    best: dict[str, dict[str, str]] = {}
    for row in sorted(snap.rows, key=lambda r: (rank.get(r["status"], 3), r["key"], r["name"])):
        name, _ = split_paren(row["name"].replace("(Incubating)", ""))
        if (
            not name
            or row["key"] in APACHE_SKIP
            or name.lower().removeprefix("apache ") in APACHE_SKIP
        ):
            continue
        if not name.startswith("Apache "):
            name = f"Apache {name}"
        best.setdefault(name.lower(), {**row, "name": name})
    out = []
    for row in best.values():
        name = row["name"]
        short = name.removeprefix("Apache ")
        aliases = [short] if len(short) >= 3 and not is_generic(short) else []
        parents = []
        for cat in row["category"].split(","):
            parents += APACHE_PARENT.get(cat.strip(), [])
        out.append(Candidate(name, "TECHNOLOGY", src, "technologies_apache", aliases, parents[:2]))
    return out


def _initialism(abbr: str, full: str) -> bool:
    """Whether ``abbr`` is ``full`` with the words after its vendor prefix cut to their
    initials: ``Amazon SES`` of ``Amazon Simple Email Service``, ``Amazon S3`` of ``Amazon
    Simple Storage Service`` (a digit repeats the letter before it)."""
    prefix, _, short = abbr.partition(" ")
    if not full.startswith(prefix + " ") or not re.fullmatch(r"[A-Z][A-Z0-9]{1,4}", short):
        return False
    letters = re.sub(r"([A-Z])(\d)", lambda m: m.group(1) * int(m.group(2)), short)
    initials = "".join(w[0] for w in full.split()[1:] if w[0].isalpha()).upper()
    return letters == initials


# "<Part> for Amazon <Product>": a part of another product, in title-cased words.
_AWS_PART_OF = re.compile(r"^((?:[A-Z][A-Za-z]* )*[A-Z][A-Za-z]*) for (Amazon|AWS) (.+)$")
# The API a product's data or runtime calls go to ("Amazon SageMaker Feature Store Runtime",
# "AWS Signer Data Plane"): posts name the product.
_AWS_API_PART = re.compile(r" (?:Runtime|Data Plane)$")


def aws(snap: Snapshot) -> list[Candidate]:
    src = short_source(snap)
    out = []
    # The prefix of each product family: a service named without one takes its family's
    # ("EMR Serverless" is "Amazon EMR Serverless", as "Amazon EMR" is; "Lambda MicroVMs"
    # is "AWS Lambda MicroVMs"), and is known by the other prefix too.
    family: dict[str, str] = {}
    for row in snap.rows:
        prefix, _, rest = clean(row["full_name"]).partition(" ")
        if prefix in ("AWS", "Amazon") and rest:
            family.setdefault(rest.split(" ")[0], prefix)
    names = {clean(row["full_name"]) for row in snap.rows}
    for row in snap.rows:
        full = clean(row["full_name"])
        if " " not in full:  # AmazonApiGatewayV2, AmplifyBackend: sub-APIs, not products
            continue
        full, aliases = split_paren(full.replace(" - ", " "))
        product = _AWS_API_PART.sub("", full)
        if product != full and product.count(" ") > 1 and product not in names:
            # "Amazon SageMaker Feature Store Runtime" is the API of the Feature Store; a
            # product with a service of its own ("Amazon Bedrock") keeps that one
            full, aliases = product, [full, *aliases]
        part = _AWS_PART_OF.match(full)
        if part and not part.group(3).endswith("Runtime"):
            # "Agents for Amazon Bedrock": written as the product's part, "Amazon Bedrock
            # Agents"; runtime APIs ("... Bedrock Runtime") are SDK plumbing.
            aliases.append(full)
            full = f"{part.group(2)} {part.group(3)} {part.group(1)}"
        if not full.startswith(("AWS ", "Amazon ")):
            first = full.split(" ")[0]
            # A plain first word ("Elastic", "Managed", "Connect") names no family.
            prefix = "AWS" if is_english_word(first) else family.get(first, "AWS")
            aliases.append(full)
            if prefix != "AWS":
                aliases.append(f"AWS {full}")
            full = f"{prefix} {full}"
        abbr = clean(row["abbreviation"])
        if _initialism(abbr, full):
            # AWS's own short name is the usual one ("Amazon SES", not "Amazon Simple
            # Email Service"): it is the canonical, the full name an alias.
            full, aliases = abbr, [full, *aliases]
        elif " " in abbr and abbr != full:
            aliases.append(abbr)
        out.append(
            Candidate(full, "TECHNOLOGY", src, "technologies_cloud_services", aliases, [], "Amazon")
        )
    return out


# Azure SDK service labels that are not Azure services: SDK plumbing, third-party
# products offered through Azure, or other Microsoft product lines.
AZURE_SKIP = frozenset(
    s.lower()
    for s in """
    AI|Addons|All Modules|Analysis|Annotations|App|Apache Spark|Apache Spark Connector|
    Arize AI|Arize AI Observability Eval|Astro|Async IO|AutoRest|Autorest|Azure|Base|
    Bill of Materials|CADL|Client|Client Core|Code Model|Codegen|Commvault ContentStore|
    Confluent|Core|Datadog|Dell|Dell Storage|Dell-Storage|Deploy Angular|Doc Warden|
    Dynatrace|Elastic|Extensions|Features|Git Rest Api|Hyak Common|Informatica Data Management|
    Internal|Intune|LambdaTest HyperExecute|Libraries|Links|Linq|Logz|MCP|Management packages (old)|
    Microsoft Graph|Microsoft Playwright Testing|MongoDB Atlas|MySQL|MariaDB|Napster Omni Agent API|
    Neon Postgres|New Relic Observability|Nginx|Oai2 To Oai3|Object Comparison|Oep|OpenAPI|
    OpenAPI MarkDown|OpenAPI Specification|OpenAPI Tools Common|Other|Palo Alto Networks|
    Perks CodeGen|Pinecone Vector DB|Playwright|Plugin|Postgres|PostgreSQL|Postgresql|PostgresSQL|
    Power Apps|Power Automate|Power BI|Power BI Dedicated|Power BI Embedded|Power BI Private Links|
    Power Platform|Profile|Projects|Pure Storage Block|Qumulo|REST API Specification|Redis|
    Relationships|Resources|Runtime|Saas|Sample Project Publish|Samples|Spring|Spring App Discovery|
    Spring Boot|Spring Cloud|Spring Cloud Azure Starter|Spring Data Cosmos|Spring Native|
    Store|Template|Terraform|Test|Tomcat|Toolkit|Tox Monorepo|Tracing|Tracing Logger Utility|
    TypeSpec|Unknown Service|Uri|Utility|Visual Studio|Visual Studio App Center|Visual Studio Code|
    Visual Studio Online|Visual Studio Onliner|Web|Weights & Biases|Xamarin|unknown|template|
    Congnitive Services|Elastics SANs|Help + support|Grafana|Migration|Mobile|Network|Security|
    Support|Portal|Messaging|Identity|Storage|Compute|Search|Media|Insights|Monitor|Tables|
    Containerservicepreparedimgspec|Window SESU|Discovery|Changes|Connectors|Solutions|Workloads
    """.replace("\n", "").split("|")
    if s.strip()
)


def azure(snap: Snapshot) -> list[Candidate]:
    src = short_source(snap)
    groups: dict[str, list[tuple[int, str]]] = {}
    for row in snap.rows:
        name = clean(row["service_name"])
        if (
            name.lower() in AZURE_SKIP
            or " - " in name
            or re.search(r"-\w", name)
            or name.islower()
            or "Profile" in name
        ):
            continue
        groups.setdefault(name.lower(), []).append((-int(row["packages"] or 0), name))
    out = []
    for variants in groups.values():
        name = sorted(variants)[0][1]
        name, aliases = split_paren(name)
        full = name if name.startswith(("Azure", "Microsoft")) else f"Azure {name}"
        out.append(
            Candidate(
                full, "TECHNOLOGY", src, "technologies_cloud_services", aliases, [], "Microsoft"
            )
        )
    return out


# A Google Cloud product list's names that name a tool for another product or a move from
# one ("Cloud Code for IntelliJ", "Migrate from Teradata"), not a product of their own.
_GCP_PART = re.compile(r" (?:for|from) ")
# A build plugin, or a kind of machine or indicator in the plural ("Preemptible VMs",
# "Transparent SLIs"): a feature or an idea, not a product.
_GCP_NOT_PRODUCT = re.compile(r" Plugin$|[A-Z]{2,}s$")


def _brand_word(word: str, words: Words) -> bool:
    """A word that names a product (``Firebase``, ``Apigee``, ``BigQuery``), not a plain
    word or an acronym (``Local SSD``, ``API Analytics`` are descriptions)."""
    if word.lower() in words.proper:
        return True
    return not (word.isupper() or word.lower() in words or is_english_word(word))


def gcp(snap: Snapshot, words: Words, taken: dict) -> list[Candidate]:
    """Google Cloud products under the name writers give them. A ``Cloud`` product is
    ``Google Cloud <name>`` (``Cloud Scheduler`` is ``Google Cloud Scheduler``), its short
    form an alias; when that short form reads as a plain phrase (``Cloud Tasks``) the entry
    asks for support (the post must name Google or the full name). A product named by a
    brand (``Firebase Hosting``, ``Apigee Hybrid``, ``Dialogflow``) keeps its name, and one
    named by plain words and acronyms only (``Traffic Director``, ``Local SSD``) is known
    only as ``Google Cloud <name>``. A product known under any of these forms is left out
    (``Compute Engine`` is the curated ``Google Compute Engine``), and so are tools for
    other products, migration paths, build plugins and kinds of machine in the plural
    (``Preemptible VMs``)."""
    src = short_source(snap)
    out = []
    for row in snap.rows:
        name = clean(_PAREN.sub(" ", row["name"]))
        if _GCP_PART.search(name) or "/" in name or len(_slug(name)) <= 3:
            continue
        if _GCP_NOT_PRODUCT.search(name):
            continue
        name = re.sub(r"^GCP ", "Google Cloud ", name)  # "GCP Marketplace"
        bare = name.removeprefix("Google ").removeprefix("Cloud ")
        forms = {name, f"Google {name}", f"Google Cloud {bare}", f"Cloud {bare}", bare}
        if any(name_keys(f) & taken.keys() for f in forms):
            continue
        aliases: list[str] = []
        if name.startswith("Google Cloud "):
            aliases = [name.removeprefix("Google ")]
        elif name.startswith("Cloud "):
            name, aliases = f"Google {name}", [name]
        elif not name.startswith("Google ") and not any(
            _brand_word(w, words) for w in re.split(r"[\s-]+", name)
        ):
            name = f"Google Cloud {name}"
        # "Cloud Tasks", "Cloud Router": a short form that reads as a plain phrase
        needs = any(
            not any(_brand_word(w, words) for w in re.split(r"[\s-]+", a)[1:]) for a in aliases
        )
        out.append(
            Candidate(
                name,
                "TECHNOLOGY",
                src,
                "technologies_cloud_services",
                aliases,
                [],
                "Google",
                needs_support=needs,
            )
        )
    return out


LANGUAGE_PARENT = {
    "programming": ["programming language"],
    "data": ["data format"],
    "markup": ["markup language"],
    "prose": ["markup language"],
}


def _plain_phrase(name: str, words: Words) -> bool:
    """``plain text``, ``man page``: every word a plain English word, none an acronym or a
    known product's name."""
    tokens = [t for t in re.split(r"[\s-]+", name) if t]
    return bool(tokens) and all(
        not t.isupper()
        and t.lower() not in words.proper
        and (t.lower() in words or is_english_word(t))
        for t in tokens
    )


def linguist(snap: Snapshot, words: Words) -> list[Candidate]:
    """Languages and file formats GitHub recognises (``Starlark``, ``HCL``, ``LookML``).
    A lower-case alias that is a phrase of plain words (``plain text``, ``man page``,
    ``traveling salesman problem``, ``visual basic``) is left out: a post writing it means
    the thing or the family, not the language or file format the alias points to."""
    src = short_source(snap)
    out = []
    for row in snap.rows:
        name = clean(row["name"])
        aliases = [
            a
            for a in row["aliases"].split("|")
            if len(a) >= 4
            and a != name.lower()
            and a not in words
            and not is_generic(a)
            and not (a.islower() and " " in a and _plain_phrase(a, words))
        ]
        out.append(
            Candidate(
                name,
                "TECHNOLOGY",
                src,
                "technologies_languages",
                aliases,
                list(LANGUAGE_PARENT.get(row["type"], [])),
            )
        )
    return out


# What a topic names when it is about things made for or with a product, not the product.
ARTEFACT_WORDS = frozenset(
    [
        "image",
        "images",
        "role",
        "roles",
        "plugin",
        "plugins",
        "extension",
        "extensions",
        "template",
        "templates",
        "topology",
        "bot",
        "bots",
        "list",
        "lists",
        "index",
    ]
)


def explore(snap: Snapshot, words: Words, taken: dict) -> list[Candidate]:
    """GitHub's featured topics that have a repository: well-known software under the name
    its makers use (``Vite``, ``Webpack``, ``Tailwind CSS``). A topic whose name without
    ``.js`` is already known is that entry (``Node.js`` is not a second ``Node``)."""
    src = short_source(snap)
    out = []
    for row in snap.rows:
        name, paren = split_paren(clean(row["display_name"]))
        aliases = list(paren)
        bare = re.sub(r"\.?js$", "", name, flags=re.IGNORECASE)
        if bare != name and name_keys(bare) & taken.keys():
            continue
        if {f"{name}.js".lower(), f"{name}js".lower()} & taken.keys():
            continue  # "Express" is the curated Express.js
        if " " in name and name.rsplit(" ", 1)[1].lower() in ARTEFACT_WORDS:
            continue  # "Docker Image", "NetBox Plugin": a part of a product is the product
        if " " not in name and words.ambiguous([name]):
            # "Matrix", "Unity", "Primer": a capitalised English word inside a sentence would
            # count as the name; the topics add coined names, which are unambiguous
            continue
        aliases += [
            a
            for a in row["aliases"].split("|")
            if len(a) >= 4
            and a.isalnum()
            and not any(c.isdigit() for c in a)
            and a != name.lower()
            and a not in words
            and not is_generic(a)
        ]
        out.append(Candidate(name, "TECHNOLOGY", src, "technologies_github_topics", aliases))
    return out


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def own_repository(name: str, aliases: list[str], repository: str) -> bool:
    """The icon comes from the software's own repository: ``Axios`` from ``axios/axios``,
    ``.ENV`` (aka ``Dotenv``) from ``motdotla/dotenv``; not ``Anime.js`` from the icon
    set's own repository, nor a brand whose logo sits in an artwork repository."""
    repo = _slug(repository.rstrip("/").rsplit("/", 1)[-1])
    for form in [name, *aliases]:
        slug = _slug(form)
        if slug and (slug == repo or (len(slug) >= 4 and slug in repo)):
            return True
    return len(repo) >= 4 and repo in _slug(name)


# Last words of an entry that names a team or a blog inside a company, not the company
# ("Mozilla Automation Team", "Mozilla Hacks", "Microsoft Python Engineering", "NPR Apps").
BLOG_TEAM_WORDS = frozenset(["team", "hacks", "engineering", "developerworks", "apps"])


def blog_companies(snap: Snapshot, words: Words) -> list[Candidate]:
    """The companies of an engineering-blog list: organisations that write about their own
    systems (``Vinted``, ``Stitch Fix``, ``Credit Karma``). Entries naming a team or a blog
    (``Mozilla Hacks``), a retired blog (``GitHub Old``, ``Zendesk(old)``) or several things
    at once (``CSC - IT Center For Science - Cloud Team``) are left out, and so is a
    one-word English name (``Simple``, ``Remind``, ``Guardian``): a plain word names too
    many other things (``also known as Guardian`` is a platform), and the loader marks the
    other one-word names ambiguous, so a post must support them. So is a name opened by a
    given name (``Robert Elder Software``), which people detection must keep reading as a
    person's."""
    from kgraph.extract.english import is_english_word  # the base model's word list
    from kgraph.extract.people import given_names

    src = short_source(snap)
    out = []
    for row in snap.rows:
        name = clean(row["name"]).rstrip(":").strip()
        if re.search(r"\(old\)$| Old$", name) or " - " in name or not valid_name(name):
            continue
        if name.split()[-1].lower() in BLOG_TEAM_WORDS:
            continue
        if " " not in name and (words.ambiguous([name]) or is_english_word(name)):
            continue
        if " " in name and name.split()[0] in given_names():
            continue  # "Robert Elder Software": a name a person's name opens is read as one
        out.append(
            Candidate(
                name,
                "COMPANY",
                src,
                "companies_engineering_blogs",
            )
        )
    return out


def icons(snap: Snapshot, words: Words, taken: dict) -> list[Candidate]:
    """simple-icons brands whose icon is kept in their own code repository: software under
    its makers' spelling (``Axios``, ``tRPC``, ``Rclone``, ``htop``). Brands in general are
    companies, products and sites alike, so only this sign of software is used, and a
    one-word English name (``Flat``, ``Task``) is left out, as with the GitHub topics."""
    src = short_source(snap)
    out = []
    for row in snap.rows:
        name = clean(row["title"])
        aka = [a for a in row["aliases"].split("|") if a]
        if not own_repository(name, aka, row["repository"]):
            continue
        bare = re.sub(r"\.?js$", "", name, flags=re.IGNORECASE)
        if bare != name and name_keys(bare) & taken.keys():
            continue
        if {f"{name}.js".lower(), f"{name}js".lower()} & taken.keys():
            continue
        if " " not in name and words.ambiguous([name]):
            continue
        if len(_slug(name)) <= 3:
            continue  # "JSR", "H3", "XO": short names that other things share
        aliases = [a for a in aka if len(a) >= 4 and a not in words and not is_generic(a)]
        out.append(Candidate(name, "TECHNOLOGY", src, "technologies_simple_icons", aliases))
    return out


# --------------------------------------------------------------------------- listed companies

# A legal form or holding word after a listed company's name: writers leave it out
# ("Blackbaud, Inc." is Blackbaud, "Cellebrite DI Ltd." is Cellebrite DI).
_LEGAL_FORM = re.compile(
    r"[,\s]+(?:inc\.?|incorporated|corp\.?|corporation|co\.?|company|ltd\.?|limited|plc|"
    r"llc|l\.?p\.?|n\.?v\.?|s\.?a\.?|s\.p\.a\.|oyj|asa|ag|se|public limited company|holdings?|"
    r"gmbh|srl|llp|sp\. z o\.o\.|b\.v\.|"
    r"\(the\)|class [a-c]|common stock|ordinary shares?)$",
    re.IGNORECASE,
)
# Listed entities that are funds, shells or banks, and fields engineering writing does not
# cover (drug makers): their names would only ever collide with other things.
_LISTED_NOT_COMPANY = re.compile(
    r"\b(?:acquisition|spac|fund|trust|etf|etn|bancorp|bancshares|bankshares|bank|capital|"
    r"financial|therapeutics|pharmaceuticals?|pharma|biosciences?|bioscience|biotherapeutics|"
    r"biopharma|oncology|biotech|medical|health|healthcare|reit|insurance|realty|"
    r"properties|mining|minerals|energy|oil|gas|resources|royalty)\b",
    re.IGNORECASE,
)


# A word after a company's own name that writers often leave out ("Alkami Technology",
# "Mobileye Global", "Cellebrite DI": a short capitalised code).
_COMPANY_TAIL = re.compile(
    r"\s+(?:(?i:technolog(?:y|ies)|group|global|international|systems|software|networks|"
    r"industries|enterprises|labs|solutions|interactive)|[A-Z]{1,3})$"
    r"|\.com$"
)  # the words in any case ("Technology"), the code in capitals only; a web company's
# ".com" ("Taboola.com" is written "Taboola"; ".ai" and ".io" names keep it: "Kata.ai")


def _short_company_name(name: str, words: Words) -> tuple[str, list[str]]:
    """``Cellebrite DI`` and ``Rackspace Technology`` are written ``Cellebrite`` and
    ``Rackspace``: a one-word head before a tail writers leave out is the name, the full
    form its alias. A head in capitals stays in the full form: an acronym is shared by
    many things (``CISO Global``: every chief information security officer)."""
    head = _COMPANY_TAIL.sub("", name)
    if head == name or " " in head or len(head) <= 3 or head.isupper():
        return name, []
    return (head, [name]) if _distinctive(head, words) else (name, [])


def listed_name(raw: str) -> str:
    """A listed company's name as writers give it: no parenthesised share class, legal form
    or holding word (``Alphabet Inc. (Class A)`` is ``Alphabet``)."""
    name = clean(_PAREN.sub(" ", raw.split(" - ")[0]))  # "... - Common Stock": the security
    while True:
        short = _LEGAL_FORM.sub("", name).strip(" ,")
        short = re.sub(r" (?:&|and)$", "", short)  # "Deere & Company" is written "Deere"
        if short == name:
            return name
        name = short


def listed_companies(snap: Snapshot, words: Words) -> list[Candidate]:
    """Companies listed on a stock exchange (NASDAQ, the S&P 500): public companies under
    the name writers give them (``Blackbaud``, ``Cellebrite DI``, ``Southwest Airlines``).
    Funds, shells, banks, drug makers and resource companies are left out, and so are the
    names that do not read as a name: a one-word English word or given name (``Fluent``,
    ``Upland``), a phrase of plain words (``Power Solutions International``), a name of
    three characters or fewer and a name opened by a given name. Entries are marked
    ``term: true``: the names were screened against the dictionary, so a one-word name
    needs no support."""
    src = short_source(snap)
    out = []
    for row in snap.rows:
        raw = row["company"]
        if _LISTED_NOT_COMPANY.search(raw) or row.get("sector") in ("Financials", "Health Care"):
            continue
        name = listed_name(raw)
        if not valid_name(name) or len(_slug(name)) <= 3 or name[:1].isdigit():
            continue
        if not _distinctive(name, words) or _opened_by_given_name(name):
            continue
        name, aliases = _short_company_name(name, words)
        out.append(Candidate(name, "COMPANY", src, "companies_listed", aliases, term=True))
    return out


# Start-ups in fields engineering writing does not cover: their names would only ever
# collide with other things (the same reason the listed companies leave out drug makers).
_YC_NOT_FIELD = re.compile(r"health|bio|medic|pharma|therapeut|clinic|drug|dental", re.I)


def yc_companies(snap: Snapshot, words: Words) -> list[Candidate]:
    """Y Combinator companies that are active, acquired or public (``Lago``, ``Tabular``,
    ``Lightdash``, ``Airbyte``): start-ups that write about their systems and that other
    posts name as vendors. The names are screened as the listed companies' are: a one-word
    English word or given name (``Convoy``, ``Kiko``), a phrase of plain words (``Blue
    Frog Gaming``), a name of three characters or fewer, a name opened by a given name or
    holding a slash, and companies in health and biology are left out; a legal form goes
    and a one-word head before a tail writers leave out (``Lune AI``) is the name. Entries
    are marked ``term: true``: their names were screened against the dictionary."""
    src = short_source(snap)
    out = []
    for row in snap.rows:
        if row["status"] not in ("Active", "Acquired", "Public"):
            continue  # a closed start-up is seldom named, and its name is free for others
        if _YC_NOT_FIELD.search(row["industry"]) or _LISTED_NOT_COMPANY.search(row["name"]):
            continue
        if "developer-tools" in row["industry"]:
            continue  # a tool maker's name is its product's in posts (Lightdash)
        screened = _screened_company(listed_name(row["name"]), words)
        if screened is None:
            continue
        name, aliases = screened  # "Lune AI" is written "Lune"
        out.append(Candidate(name, "COMPANY", src, "companies_yc", aliases, term=True))
    return out


# A pinyin syllable: an initial and a final it takes ("xiao", "bing", "zhou", "mo"); a
# bare "o" follows only a labial and an "i" final no velar, so "Nuro", "Zego" and
# "Afiniti" read as no pinyin.
_PINYIN_SYLLABLE = (
    r"(?:[bpmf]o|[bpmdtnljqxy](?:iang|iong|iao|ian|ing|ia|ie|in|iu|i)|(?:zh|ch|sh|[zcsr])i"
    r"|(?:zh|ch|sh|[bpmfdtnlgkhzcsryw])?(?:ang|eng|ong|ai|ei|ao|ou|an|en|a|e)"
    r"|(?:zh|ch|sh|[dtnlgkhzcsrjqxy])(?:uang|uai|uan|un|ua|uo|ui|ue|u)|er|[bpmfw]u)"
)
_PINYIN_NAME = re.compile(rf"(?:{_PINYIN_SYLLABLE}){{2,}}")


def _pinyin_name(name: str) -> bool:
    """``Xiaobing``, ``Yiguo``, ``Meicai``: a one-word name made only of pinyin syllables,
    which reads as a Chinese given name or word as often as the company's (a speaker named
    "Xiaobing Li"); the given-name list holds only names written in Latin script."""
    return " " not in name and bool(_PINYIN_NAME.fullmatch(name.lower()))


# Industries of the unicorn list whose companies sell software named after themselves, as
# the start-ups' developer-tool makers do: posts name the product ("images served by
# Cloudinary", "H2O.ai models"), a technology, more often than the company.
UNICORN_TOOL_MAKERS = frozenset(
    [
        "Data management & analytics",
        "Internet software & services",
        "Cybersecurity",
        "Artificial intelligence",
        "Artificial Intelligence",
    ]
)


def unicorn_companies(snap: Snapshot, words: Words) -> list[Candidate]:
    """Private companies valued at a billion dollars or more (``Gett``, ``Klook``,
    ``Lalamove``, ``Loggi``): the start-ups outside Y Combinator whose engineers write
    posts and that posts name as customers. Names are screened as the start-ups' are
    (plain and given names, phrases of plain words, names joined from plain words, short
    names, names opened by a given name left out; a legal form and a tail writers leave
    out dropped), and names of pinyin syllables only are left out too. Companies in health
    and in the software makers' industries are left out, as the start-ups in health and
    the tool makers are. Entries are marked ``term: true``."""
    src = short_source(snap)
    out = []
    for row in snap.rows:
        if _YC_NOT_FIELD.search(row["industry"]) or _LISTED_NOT_COMPANY.search(row["name"]):
            continue
        if row["industry"] in UNICORN_TOOL_MAKERS:
            continue  # a software maker's name is its product's in posts (Cloudinary)
        screened = _screened_company(listed_name(row["name"]), words)
        if screened is None or _pinyin_name(screened[0]):
            continue
        name, aliases = screened
        out.append(Candidate(name, "COMPANY", src, "companies_unicorns", aliases, term=True))
    return out


def tech_employers(snap: Snapshot, words: Words) -> list[Candidate]:
    """Companies listed as employers of software engineers (remote-friendly companies,
    companies that hire without whiteboard puzzles: ``Atlan``, ``Automattic``, ``Doist``):
    the organisations whose engineers write the posts. Names are screened as the start-ups'
    are (plain and given names, phrases of plain words, names joined from plain words,
    short names, names opened by a given name left out; a legal form and a tail writers
    leave out dropped); a parenthesised note (``(formerly X)``) goes. Entries are marked
    ``term: true``."""
    from kgraph.extract.people import given_names

    src = short_source(snap)
    out = []
    for row in snap.rows:
        name = listed_name(row["name"].split(",")[0].strip("'\" >")).rstrip(" &.")
        last = name.rsplit(" ", 1)[-1].lower()
        if "'s " in name or last in BLOG_TEAM_WORDS | {"center"}:
            continue  # "Lyft's Mobile Team", "Capgemini UK Java Team": a team, not a company
        screened = _screened_company(name, words)
        if screened is None or screened[0].capitalize() in given_names():
            continue  # "ALICE" is a given name in capitals
        name, aliases = screened
        out.append(Candidate(name, "COMPANY", src, "companies_tech_employers", aliases, term=True))
    return out


def site_brands(snap: Snapshot, words: Words) -> list[Candidate]:
    """Brands of the most-visited web sites (``Vimeo``, ``Trustpilot``, ``Binance``,
    ``Grammarly``, ``Ars Technica``): web services that posts name as the organisation that
    runs them (a customer, a publisher, an employer), as the curated file names Reddit and
    Twitch. Names are screened as the start-ups' are (plain and given names, phrases of plain
    words, names joined from plain words, short names, names opened by a given name, names
    of pinyin syllables only, acronyms and a verb run into its particle, ``Meetup``, left
    out). Entries are marked ``term: true``."""
    src = short_source(snap)
    out = []
    for row in snap.rows:
        screened = _screened_company(clean(row["title"]), words)
        if screened is None or screened[0].isupper() or _pinyin_name(screened[0]):
            continue  # an acronym (CNN, IGN) is shared by many things
        if _particle_noun(screened[0]):
            continue  # a site named by a plain noun: "a meetup"
        name, aliases = screened
        aliases += [a for a in row["aliases"].split("|") if a and _distinctive(a, words)]
        out.append(Candidate(name, "COMPANY", src, "companies_web_services", aliases, term=True))
    return out


def dbdb_systems(snap: Snapshot, words: Words) -> list[Candidate]:
    """Database systems of the Database of Databases (``Mnesia``, ``Berkeley DB``,
    ``BoltDB``, ``Aerospike``): products engineering posts name when they pick or migrate
    a store. A name that is a plain or generic word or a given name (``Apollo``,
    ``Drizzle``, ``Calvin``), a phrase of plain words, a name of three characters or fewer
    and a name opened by a given name are left out. Entries are marked ``term: true``:
    their names were screened against the dictionary."""
    src = short_source(snap)
    out = []
    for row in snap.rows:
        name = clean(row["name"])
        if len(_slug(name)) <= 3 or not _distinctive(name, words) or _opened_by_given_name(name):
            continue
        if _joined_plain_words(name, words):
            continue  # "DeepDive" would read "Deep Dive" as a database
        out.append(Candidate(name, "TECHNOLOGY", src, "technologies_dbdb", term=True))
    return out


def global_companies(snap: Snapshot, words: Words) -> list[Candidate]:
    """The world's largest listed companies (Forbes Global 2000: ``AstraZeneca``,
    ``Siemens``, ``Mercedes-Benz Group``): large firms
    outside the US exchanges and outside tech, whose engineers write posts and whose names
    posts give as customers. Names are screened as the listed companies' are (a legal form,
    holding word and parenthesised note go; a one-word English word or given name, a phrase
    of plain words, a name opened by a given name or a digit left out), and a name of four
    characters or fewer is left out as well: the list's short names are acronyms (``ICBC``,
    ``BASF``, ``UBS``) that other things share. Entries are marked ``term: true``."""
    src = short_source(snap)
    out = []
    for row in snap.rows:
        name = listed_name(row["company"])
        if "/" in name or not valid_name(name) or len(_slug(name)) <= 4 or name[:1].isdigit():
            continue
        if not _distinctive(name, words) or _opened_by_given_name(name):
            continue
        if _joined_plain_words(name, words):
            continue
        name, aliases = _short_company_name(name, words)
        out.append(Candidate(name, "COMPANY", src, "companies_global2000", aliases, term=True))
    return out


# A package named after a standard, an algorithm's number or an encoding names that thing
# first ("iso8601", "rfc3986", "uuid6", "crc32c", "base58", "sha3").
_PYPI_STANDARD = re.compile(r"^(?:iso|rfc|uuid|crc|base|sha|md|utf|ucs|ieee|ecma)\d")
_PYPI_NAME = re.compile(r"^[a-z][a-z0-9]*$")


def _compound_of_words(name: str, words: Words) -> bool:
    """``filelock``, ``datetime``, ``keyring``: a lower-case name run together from two
    plain words (the second of four letters or more), which posts use as words (a file
    lock)."""
    for i in range(3, len(name) - 3):
        a, b = name[:i], name[i:]
        if (a in words or is_english_word(a)) and (b in words or is_english_word(b)):
            return True
    return False


def pypi_packages(snap: Snapshot, words: Words) -> list[Candidate]:
    """The most-downloaded Python packages (``boto3``, ``pyarrow``, ``httpx``, ``orjson``,
    ``sqlglot``): libraries posts name in lower case when they say what their code runs on.
    Only one-word names are taken, in the lower case PyPI gives them, so they match only
    when written so (``pyarrow``, not a capitalised word). Left out: names with a separator
    (``python-dateutil``, ``google-cloud-storage``: install names, not the names posts use),
    names of four characters or fewer (``idna``, ``six``, ``s3fs``), English words, given
    names and generic words (``requests``, ``packaging``, ``click``), names run together
    from two plain words (``filelock``), the standard library's module names and their
    backports (``argparse``, ``pathlib2``, ``enum34``: Python itself) and names of a
    standard or encoding (``iso8601``, ``base58``). Entries are marked ``term: true``."""
    from kgraph.extract.people import given_names

    stdlib = {m.lower() for m in sys.stdlib_module_names}
    src = short_source(snap)
    out = []
    for row in snap.rows:
        name = row["project"].strip()
        if not _PYPI_NAME.match(name) or len(name) <= 4 or _PYPI_STANDARD.match(name):
            continue
        if name in words or is_english_word(name) or is_generic(name):
            continue
        if name.capitalize() in given_names() or _compound_of_words(name, words):
            continue
        if name.endswith(("er", "or")) and any(
            stem in words or is_english_word(stem) for stem in (name[:-2], name[:-1])
        ):
            continue  # "installer": a plain word's agent noun
        if name.rstrip("0123456789") in stdlib:
            continue  # "argparse", "pathlib2", "enum34": the standard library or its backport
        out.append(Candidate(name, "TECHNOLOGY", src, "technologies_pypi", term=True))
    return out


# --------------------------------------------------------------------------- universities

# A word that makes a name an institution's: the name must hold one.
_INSTITUTION = re.compile(
    r"\b(?:University|College|Institute|Polytechnic|Academy|Universität|Université|"
    r"Universidad|Universidade|Università|Universiteit|Hochschule)\b"
)


def universities(snap: Snapshot, words: Words) -> list[Candidate]:
    """Universities and research institutes with computer-science research (CSrankings),
    organisations as the rulebook types them (``University of Helsinki``, ``Carnegie Mellon
    University``, ``EPFL``, ``KAIST``). CSrankings' short forms are written out
    (``Univ. of California - Berkeley`` is ``University of California, Berkeley``) and a
    leading ``The`` is dropped. A name without an institution word must read only as a
    name (``EPFL``, ``Technion``; not ``JUST``); names of three characters or fewer, joint
    entries and campuses named in parentheses (``Chalmers/GU``, ``CUHK (SZ)``) and names
    opened by a given name or by a country (``Qatar University``: the place list keeps
    ``Qatar``) are left out."""
    from kgraph.extract import places

    src = short_source(snap)
    out = []
    for row in snap.rows:
        name = clean(row["institution"]).replace("Univ. ", "University ").replace(" - ", ", ")
        name = re.sub(r"^The\s+", "", name)
        if "/" in name or "(" in name or len(_slug(name)) <= 3 or not valid_name(name):
            continue
        if not _INSTITUTION.search(name) and not _distinctive(name, words):
            continue
        if _opened_by_given_name(name):
            continue  # "Simon Fraser University": people detection reads a given name
        if name.split(" ")[0] in places.countries():
            continue  # "Qatar University": the place list must keep reading "Qatar" as a country
        out.append(Candidate(name, "COMPANY", src, "companies_universities"))
    return out


# --------------------------------------------------------------------------- release trackers

# endoflife.date tracks software and devices alike; devices (phones, processors) and
# standards are not products that engineering writing names as technologies.
EOL_CATEGORIES = frozenset(["os", "lang", "database", "framework", "server-app", "app", "service"])
# A word a product page adds after the product's own name ("MongoDB Server", "Umbraco CMS",
# "Micronaut Framework"): writers use the head alone.
EOL_TRAILING = frozenset(
    ["server", "os", "framework", "cms", "runtime", "cli", "platform", "repository", "toolkit"]
)
# A vendor written as another name before its products ("Amazon Glue" is "AWS Glue").
VENDOR_FORMS = {"amazon": ("amazon", "aws")}
# Titles that read as a plain phrase or word in running text: "an API platform", "to
# greenlight a project".
EOL_NOT_PRODUCT = frozenset(["API Platform", "Greenlight"])


def endoflife(snap: Snapshot, words: Words, taken: dict, known_type) -> list[Candidate]:
    """endoflife.date product pages: software products tracked for release and support
    dates (``Debian``, ``Drupal``, ``Rancher``, ``Telegraf``, ``Mattermost``), each under
    its page title. A title that opens with its vendor (``Hashicorp Terraform``, ``Amazon
    Corretto``) is left out when the product alone is known already; otherwise the vendor
    becomes the product's maker and a distinctive one-word product name an alias. A title
    that adds a generic word (``MongoDB Server``) is left out when its head is known, and
    goes by the head when that is a distinctive word (``Umbraco CMS`` is ``Umbraco``).
    One-word English names (``Express``, ``Squid``) and names of three characters or fewer
    (``nvm``, ``Qt``) are left out, as with the other software sources."""
    src = short_source(snap)
    out = []

    def known(name: str) -> bool:
        return bool(name_keys(name) & taken.keys())

    def distinctive(name: str) -> bool:
        return (
            " " not in name
            and len(_slug(name)) > 3
            and name not in words
            and not is_english_word(name)
            and not is_generic(name)
            and known_type(name) is None
        )

    for row in snap.rows:
        if row["category"] not in EOL_CATEGORIES or row["title"] in EOL_NOT_PRODUCT:
            continue
        name, aliases = split_paren(clean(row["title"]))
        aliases = [a for a in aliases if len(a) > 3]
        if known(name) or any(known(a) for a in aliases):
            continue
        company = ""
        vendor_tags = {t.replace("-", " ") for t in row["tags"].split()}
        for n in (3, 2, 1):
            head = name.split(" ")
            if len(head) <= n:
                continue
            vendor, product = " ".join(head[:n]), " ".join(head[n:])
            if vendor.lower() in vendor_tags or known_type(vendor) == "COMPANY":
                forms = VENDOR_FORMS.get(vendor.lower(), (vendor.lower(),))
                if known(product) or any(known(f"{f} {product}") for f in forms):
                    name = ""
                elif distinctive(product):
                    aliases.append(product)
                company = vendor
                break
        if not name:
            continue
        head, _, last = name.rpartition(" ")
        if head and last.lower() in EOL_TRAILING:
            if known(head):
                continue
            if distinctive(head):
                name, aliases = head, [name, *aliases]
        if " " not in name and (name.lower() in words or is_english_word(name)):
            continue
        if len(_slug(name)) <= 3:
            continue
        if _opened_by_given_name(name):
            continue  # "Rocky Linux": people detection must keep reading a given name
        out.append(
            Candidate(
                name,
                "TECHNOLOGY",
                src,
                "technologies_endoflife",
                aliases,
                company=company,
                term=True,
            )
        )
    return out


# --------------------------------------------------------------------------- security

# A synonym or name that is an identifier, not a name people write: ATT&CK ids (G0016).
_ATTACK_ID = re.compile(r"^[GS]\d{4}$")
# Galaxy names that describe rather than name (``X-Agent for Android``, ``Operation Aurora``:
# a campaign, not the group behind it).
_THREAT_NOT_NAME = re.compile(
    r"^(operation|the|group)\b| for | (campaign|variant|dropper)$|[()]", re.I
)
# Detection names (``Trojan.Karagany``, ``OSX/Shlayer``), file names, lists and
# decryptors are not names people write for a family.
_THREAT_NOT_FORM = re.compile(r"[_,/&]|\.exe\b|^(trojan|backdoor|win32|w32|osx|android)\W", re.I)
# Galaxy entries named after a legitimate company or library (``ZLib`` is a backdoor and
# zlib the compression library; Allwinner and Adups are makers whose firmware was found
# backdoored).
GALAXY_NOT_THREATS = frozenset(["ZLib", "Allwinner", "Adups", "Tiktok Pro"])
THREAT_CLUSTER = {
    "mitre-intrusion-set": ("COMPANY", "companies_threat_groups"),
    "mitre-malware": ("TECHNOLOGY", "technologies_malware"),
    "mitre-tool": ("TECHNOLOGY", "technologies_malware"),
    "ransomware": ("TECHNOLOGY", "technologies_malware"),
}


def _distinctive(name: str, words: Words, *, phrases: bool = False) -> bool:
    """A name that reads as a name in running text: three letters or more, not an
    identifier, not a plain or generic word and not a person's given name. With
    ``phrases``, a title-cased phrase of plain words is a name too (``Scattered Spider``,
    ``Cobalt Strike``: a threat catalogue names things so); otherwise it is not
    (``Connect Secure``, ``Session Recording`` read as descriptions)."""
    from kgraph.extract.people import given_names

    bare = name.strip()
    if len(bare) < 3 or _ATTACK_ID.match(bare) or not valid_name(bare) or is_generic(bare):
        return False
    if not any(c.isupper() for c in bare):
        return False  # lower-case tool names are system utilities (``net``, ``at``)
    if " " not in bare:
        return not (words.ambiguous([bare]) or is_english_word(bare) or bare in given_names())
    tokens = [w for w in re.split(r"[\s-]+", bare) if w]
    if phrases:
        return all(w[0].isupper() or w[0].isdigit() for w in tokens)
    return not all(w.lower() in words or is_english_word(w) for w in tokens)


def _threat_name(name: str, words: Words) -> bool:
    """A galaxy name or synonym to keep: four characters or more (``RTM``, ``FRP`` and
    ``Reg`` are other things first), a name in running text, not a campaign or a
    detection name, and no lower-case word after the first (``RIP lmao``)."""
    if len(name) < 4 or _THREAT_NOT_NAME.search(name) or _THREAT_NOT_FORM.search(name):
        return False
    if any(w[:1].islower() for w in name.split(" ")[1:]):
        return False
    return _distinctive(name, words, phrases=True) and not _opened_by_given_name(name)


def _screened_company(name: str, words: Words) -> tuple[str, list[str]] | None:
    """A start-up's or an employer's name as writers give it, with its aliases (see
    :func:`_short_company_name`), or None when it is no name to match everywhere: a slash,
    an invalid or short name, a leading digit, a plain word or given name, a name opened by
    a given name, a name joined from plain words."""
    if "/" in name or not valid_name(name) or len(_slug(name)) <= 3 or name[:1].isdigit():
        return None
    name, aliases = _short_company_name(name, words)
    if not _distinctive(name, words) or _opened_by_given_name(name):
        return None
    if _joined_plain_words(name, words):
        return None
    return name, aliases


_CAMEL_PART = re.compile(r"[A-Z][a-z]+|[a-z]+")
_PARTICLE_END = re.compile(r"(?i)^([a-z]{3,})(up|out|back)$")


def _particle_noun(name: str) -> bool:
    """``Meetup``, ``Checkout``, ``Standup``: a one-word name that is a plain verb run into
    its particle, a noun in its own right ("a meetup") that a headline capitalises."""
    found = _PARTICLE_END.match(name)
    return found is not None and is_english_word(found.group(1)) and found.group(1)[-1] != "i"


def _joined_plain_words(name: str, words: Words) -> bool:
    """``DeepDive``, ``TableFlow``: a one-word name joined from plain words. The matcher
    also reads it written apart (``Deep Dive``), a phrase that names nothing."""
    parts = _CAMEL_PART.findall(name)
    if len(parts) < 2 or "".join(parts) != name:
        return False
    return all(p.lower() in words or is_english_word(p) for p in parts)


def _opened_by_given_name(name: str) -> bool:
    """``Winter Vivern``, ``Moses Staff``, ``Wing FTP Server``: people detection must keep
    reading a capitalised given name followed by another as a person's name."""
    from kgraph.extract.people import given_names

    return " " in name and name.split(" ")[0] in given_names()


def threats(snap: Snapshot, words: Words) -> list[Candidate]:
    """Threat groups (MITRE ATT&CK intrusion sets: ``Lazarus Group``, ``Scattered Spider``,
    ``APT29``) are organisations; malware, ransomware families and attack tools
    (``Emotet``, ``LockBit``, ``Cobalt Strike``) are technologies. A name or synonym that is
    a plain word (``Royal``, ``Play``), a given name, a lower-case utility (``net``), an
    ATT&CK id or a campaign (``Operation ...``) is left out; a trailing ``Ransomware`` is
    the family's kind, not its name. The entries are marked ``term``: their names were
    screened against the dictionary here, so the loader asks a one-word name for support
    only when it is a common English word, not whenever it lacks an inner capital."""
    src = short_source(snap)
    out = []
    for row in snap.rows:
        type_, stem = THREAT_CLUSTER[row["cluster"]]
        name = clean(re.sub(r"\s+ransomware$", "", row["name"], flags=re.I))
        if not _threat_name(name, words) or name in GALAXY_NOT_THREATS:
            continue
        aliases: dict[str, str] = {}  # SamSam, Samsam: one alias, the first spelling
        for a in map(clean, row["synonyms"].split("|")):
            if _threat_name(a, words):
                aliases.setdefault(a.lower(), a)
        aliases.pop(name.lower(), None)
        out.append(Candidate(name, type_, src, stem, list(aliases.values()), term=True))
    return out


# A product part that names a class of device or a set of products, not a product.
KEV_NOT_PRODUCT = frozenset(
    [
        "routers",
        "router",
        "devices",
        "device",
        "cameras",
        "camera",
        "appliances",
        "appliance",
        "switches",
        "phones",
        "chipsets",
        "products",
        "firewalls",
        "firmware",
        "plugin",
        "driver",
    ]
)
_MODEL_NUMBER = re.compile(r"\d{3,}|\b[A-Z]{1,4}-?\d+[A-Z]?\b")
# Words that make a vendor's name a company's (``Array Networks``, ``Delta Electronics``).
# A vendor with one product and no such word is left out: KEV's vendorProject names a
# project as often as a firm (``TeamViewer``, ``Roundcube``, ``Wazuh``).
KEV_COMPANY_WORDS = frozenset(
    [
        "networks",
        "systems",
        "software",
        "technologies",
        "electronics",
        "healthcare",
        "solutions",
        "labs",
        "group",
        "wireless",
        "inc",
        "corporation",
    ]
)
KEV_PART_NOT_ALONE = frozenset(["server", "software", "core", "kernel", "sdk", "api"])


def _kev_parts(product: str) -> list[str]:
    """``Acrobat and Reader`` → Acrobat, Reader; ``ESXi, Workstation, and Fusion`` → ESXi,
    Workstation, Fusion."""
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", product) if p.strip()]
    # A later one-word part stands alone (Reader, Fusion); one that only makes sense with
    # the first part's words (Confluence Data Center and Server) is left out by the caller.
    return [p for i, p in enumerate(parts) if not (i and p.lower() in KEV_PART_NOT_ALONE)]


def kev(
    snap: Snapshot,
    words: Words,
    known: Callable[[str], str | None],
    known_type: Callable[[str], str | None],
    taken: dict | None = None,
) -> list[Candidate]:
    """CISA's known exploited vulnerabilities: each vendor (``Ivanti``, ``Fortinet``) is a
    company and each product a technology of its vendor, named ``<vendor> <product>``
    (``Citrix NetScaler ADC``, ``Ivanti Connect Secure``) with the product alone as an
    alias where it is a name on its own (``NetScaler ADC``, ``PAN-OS``); a one-word brand
    in camel case goes by its own name (``FortiOS``, ``NetScaler``). A vendor that is
    also its own product (``CrushFTP``) is the product only; a lower-case or compound vendor
    (``tj-actions``, ``D-Link and TRENDnet``), device models (``DIR-859 Router``), device
    classes and product sets (``Multiple Routers``), products named by one plain word
    (``Gateway``, ``Controller``) are left out, and so is a product the
    curated ontology already has under its vendor (``Apple`` ``iOS``). ``known(name)``
    gives the company of a known technology, '' when it has none, None when unknown;
    ``known_type(name)`` the type of a known name; ``taken`` the names already claimed
    (FortiOS keeps its vendor's form, since its singular is the load tester Fortio)."""
    taken = taken if taken is not None else {}
    src = short_source(snap)
    out: list[Candidate] = []
    vendors: dict[str, None] = {}  # the vendors that pass the screen, in order
    kev_products: dict[str, set[str]] = {}  # vendor -> every product part listed
    for row in snap.rows:
        vendor, _ = split_paren(clean(row["vendor"]))
        kev_products.setdefault(vendor, set()).update(
            split_paren(p)[0].lower() for p in _kev_parts(clean(row["product"]))
        )
    for row in snap.rows:
        vendor, _ = split_paren(clean(row["vendor"]))
        if not vendor[:1].isupper() or " and " in vendor or re.search(r" [a-z]", vendor):
            continue
        if known_type(vendor) not in (None, "COMPANY"):
            continue  # Android, Linux, Git: a project, whose products its own entry covers
        vendors[vendor] = None
        for part in _kev_parts(clean(row["product"])):
            bare, _ = split_paren(part)
            low = bare.lower().split(" ")
            if not bare or low[0] == "multiple" or low[-1] in KEV_NOT_PRODUCT:
                continue
            if _MODEL_NUMBER.search(bare) or not valid_name(bare) or "/" in bare:
                continue
            rest = (
                bare[len(vendor) + 1 :] if bare.lower().startswith(vendor.lower() + " ") else bare
            )
            if " " not in rest and rest.lower() != vendor.lower() and words.ambiguous([rest]):
                # Citrix "Gateway", "Aviatrix Controller": the extractor would read every
                # capitalised Gateway as the short form of this product
                continue
            maker = known(bare)
            if maker is not None and (maker in ("", vendor) or vendor in bare):
                continue
            if bare.lower() == vendor.lower() and (
                known_type(vendor) is not None or kev_products[vendor] != {vendor.lower()}
            ):
                continue  # Apache's "Apache": the vendor itself, which has other products
            if bare.lower() == vendor.lower() or low[0] == vendor.lower().split(" ")[0]:
                name = bare
            else:
                name = f"{vendor} {bare}"
            # The product alone is an alias when it is a name (NetScaler ADC, FortiOS, PAN-OS);
            # a parenthesised acronym (ADC, NAS, ASA) or a short all-capital word (SD-WAN,
            # XTM) names a kind of product as often as this one, so it is not.
            short_caps = not any(c.islower() for c in bare) and len(bare) <= 6 and " " not in bare
            aliases = []
            if name != bare and _distinctive(bare, words) and not short_caps:
                aliases.append(bare)
            if _opened_by_given_name(name):
                continue
            aliases = [a for a in aliases if not _opened_by_given_name(a)]
            camel = re.fullmatch(r"[A-Z][a-z]+[A-Z][A-Za-z]*", bare)
            if name != bare and camel and aliases and not name_keys(bare) & taken.keys():
                # A one-word brand in camel case is written without its vendor (NetScaler,
                # FortiOS, ScreenConnect): that is its name, the vendor's form an alias.
                name, aliases = bare, [name]
            company = "" if bare.lower() == vendor.lower() else vendor
            out.append(
                Candidate(name, "TECHNOLOGY", src, "technologies_kev", aliases, company=company)
            )
    for vendor in vendors:
        if " " not in vendor and (words.ambiguous([vendor]) or not _distinctive(vendor, words)):
            continue  # Progress, Arm, Nice: plain words
        if len(vendor) < 3 or _opened_by_given_name(vendor):
            continue
        listed = kev_products[vendor]
        own = sum(p == vendor.lower() or p.startswith(vendor.lower() + " ") for p in listed)
        if 2 * own >= len(listed):
            continue  # Exim (Exim, Exim Internet Mailer), Roundcube: a project, not a firm
        if len(listed) < 2 and not KEV_COMPANY_WORDS & set(vendor.lower().split(" ")):
            continue  # TeamViewer (Desktop), Roundcube (Webmail): the name is the product's too
        out.append(Candidate(vendor, "COMPANY", src, "companies_kev"))
    return out


# ACM CCS top-level branches kept: the engineering ones. Left out: General and reference,
# Social and professional topics, Applied computing.
ACM_BRANCHES = {
    "10010520",  # Computer systems organization
    "10010583",  # Hardware
    "10011007",  # Software and its engineering
    "10010147",  # Computing methodologies
    "10002951",  # Information systems
    "10002978",  # Security and privacy
    "10003033",  # Networks
    "10003752",  # Theory of computation
    "10002950",  # Mathematics of computing
    "10003120",  # Human-centered computing
}


def acm(snap: Snapshot, words: Words) -> list[Candidate]:
    src = short_source(snap)
    names = {r["id"]: concept_name(r["label"], words, sentence_case=True) for r in snap.rows}
    out = []
    for row in snap.rows:
        name = names[row["id"]]
        if row["id"].split(".")[0] not in ACM_BRANCHES or not good_concept(name):
            continue
        parent = names.get(row["broader_id"], "")
        out.append(Candidate(name, "CONCEPT", src, "concepts_acm", [], [parent] if parent else []))
    return out


def glossary(snap: Snapshot, words: Words) -> list[Candidate]:
    src = short_source(snap)
    out = []
    for row in snap.rows:
        label, aliases = split_paren(row["term"])
        name = concept_name(label, words) if label else ""
        if good_concept(name):
            out.append(Candidate(name, "CONCEPT", src, "concepts_cloud_native", aliases))
    return out


def field_terms(snap: Snapshot, words: Words, categories=None) -> list[Candidate]:
    """Terms of a field glossary (data engineering, attacks, operations): established names
    of ideas, screened when the snapshot was taken, so they are marked ``term``."""
    src = short_source(snap)
    out = []
    for row in snap.rows:
        if categories and row.get("category") not in categories:
            continue
        label, aliases = split_paren(row["term"])
        # An optional column lists the term's usual written forms ("secure by default").
        aliases += [a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()]
        name = concept_name(label, words) if label else ""
        if good_concept(name):
            out.append(
                Candidate(name, "CONCEPT", src, "concepts_field_glossaries", aliases, term=True)
            )
    return out


def patterns(snap: Snapshot, words: Words) -> list[Candidate]:
    src = short_source(snap)
    out = []
    for row in snap.rows:
        label, aliases = split_paren(row["title"])
        name = concept_name(label, words)
        if " " not in name:
            name = f"{name} pattern"
        else:
            aliases.append(f"{name} pattern")
        if good_concept(name):
            # "repository pattern", "retry pattern": a catalogue name that says it is a pattern
            # is a term on its own; "service layer", "version number" read as plain phrases
            # and still need support.
            term = name.endswith(" pattern")
            out.append(
                Candidate(
                    name,
                    "CONCEPT",
                    src,
                    "concepts_patterns",
                    aliases,
                    ["design pattern"],
                    term=term,
                )
            )
    return out


# A catalogue concept (ACM, pattern and algorithm names) that engineers ask about this often
# under its own name is an established term, not a plain phrase: trusting these was measured
# to help, where trusting every catalogue name, or every tag as a new concept, lost.
STACK_TERM_QUESTIONS = 1000


def stack_questions(snap: Snapshot) -> dict[str, int]:
    """Questions per multi-word Stack Overflow and Server Fault tag, by concept name in lower
    case (``dependency-injection`` -> ``dependency injection``)."""
    out: dict[str, int] = {}
    for row in snap.rows:
        tokens = row["tag"].split("-")
        n = int(row["stackoverflow"]) + int(row["serverfault"])
        # Tags are mostly plural ("web-services"); concept names end in a singular word.
        for key in {" ".join(tokens), " ".join([*tokens[:-1], singular(tokens[-1])])}:
            out[key] = out.get(key, 0) + n
    return out


def screened_company_names(entries: list[Candidate], words: Words) -> None:
    """Mark as screened the one-word names of member and engineering-blog companies that
    read only as names (``Redpanda``, ``Chronosphere``): not an English word, not a given
    name, not a generic word. Like the listed companies, they then need no support; a
    company named by a plain word (``Segment``) still does."""
    for c in entries:
        if (
            c.type == "COMPANY"
            and c.out in ("companies_cncf", "companies_engineering_blogs")
            and not c.ambiguous
            and any(" " not in n for n in [c.name, *c.aliases])
            and all(_distinctive(n, words) for n in [c.name, *c.aliases] if " " not in n)
        ):
            c.term = True


# Software sources whose one-word names were screened for plain words when read (the
# GitHub topics, simple-icons) or name projects of a catalogue (CNCF, Apache).
SCREENED_SOFTWARE = (
    "technologies_cncf",
    "technologies_apache",
    "technologies_github_topics",
    "technologies_simple_icons",
)


def screened_technology_names(entries: list[Candidate], words: Words) -> None:
    """Mark as screened the one-word names of catalogued software that read only as names
    (``Lefthook``, ``Wireshark``, ``Kyverno``; see ``_screened_software_name``). Like the
    companies of the same catalogues they then need no support; software named by a plain
    word (``Score``) still does."""
    for c in entries:
        forms = [n for n in [c.name, *c.aliases] if " " not in n]
        if (
            c.type == "TECHNOLOGY"
            and c.out in SCREENED_SOFTWARE
            and not c.ambiguous
            and forms
            and all(_screened_software_name(n, words) for n in forms)
        ):
            c.term = True


def _screened_software_name(name: str, words: Words) -> bool:
    """A one-word software name that reads only as a name: five letters or more (``Omni``,
    ``Kuma``, ``Gloo``: short words are prefixes and words of other languages), not a
    plain word, a given name or a generic word, not joined from plain words and not a
    plain word's agent noun (``Deployer``: "a deployer" is a job)."""
    if len(name) <= 4 or not _distinctive(name, words) or _joined_plain_words(name, words):
        return False
    lower = name.lower()
    for stem in (lower[:-2], lower[:-1]) if lower.endswith(("er", "or")) else ():
        if stem in words or is_english_word(stem):
            return False
    return True


def popular_terms(entries: list[Candidate], questions: dict[str, int]) -> None:
    """Mark as terms the generated concepts of two words or more that are popular tags."""
    for c in entries:
        if c.type != "CONCEPT" or c.term:
            continue
        names = [n for n in [c.name, *c.aliases] if " " in n.replace("-", " ")]
        keys = {" ".join(n.lower().replace("-", " ").split()) for n in names}
        keys |= {" ".join([*k.split()[:-1], singular(k.split()[-1])]) for k in keys}
        if any(questions.get(k, 0) >= STACK_TERM_QUESTIONS for k in keys):
            c.term = True


PRIMER_SKIP = (
    r"source|disadvantage|step \d|\d|next steps|^design |interview|appendix|development|"
    r"^company |^(when|what|how|why) | at the | in numbers|further reading|^real world|"
    r"contact|credit|license|visuali[sz]ed|table$|^communication$"
)


def primer(snap: Snapshot, words: Words) -> list[Candidate]:
    src = short_source(snap)
    out = []
    for row in snap.rows:
        label, aliases = split_paren(row["heading"])
        if re.search(PRIMER_SKIP, label, re.I):
            continue
        name = concept_name(label, words)
        if good_concept(name):
            out.append(Candidate(name, "CONCEPT", src, "concepts_system_design", aliases))
    return out


ALGORITHM_SECTIONS = {
    "Data Structures", "Sorts", "Searches", "Hashes", "Compression", "Graphs",
    "Scheduling", "Machine Learning", "Dynamic Programming", "Ciphers", "Networking Flow",
    "Linear Algebra", "Computer Vision", "Neural Network", "Greedy Methods", "Divide And Conquer",
}  # fmt: skip
ALGORITHM_HEADS = {
    "sort", "search", "tree", "heap", "list", "queue", "stack", "filter", "hashing", "hash",
    "table", "graph", "trie", "encoding", "coding", "scheduling", "regression", "clustering",
    "classifier", "network", "cipher", "descent", "programming", "matrix", "traversal",
    "array", "set", "cache", "sampling", "transform", "propagation", "path", "flow",
    "union", "decomposition", "machine", "forest", "tries", "buffer",
}  # fmt: skip


def algorithms(snap: Snapshot, words: Words) -> list[Candidate]:
    """Generic techniques and data structures (named algorithms are left out: their names
    are proper nouns that need checking by hand)."""
    src = short_source(snap)
    out = []
    for row in snap.rows:
        if row["section"] not in ALGORITHM_SECTIONS:
            continue
        tokens = row["title"].split()
        if not tokens or any(t.lower() not in words for t in tokens) or len(tokens) > 4:
            continue
        name = concept_name(row["title"], words)
        if name.split()[-1] in ALGORITHM_HEADS and " " in name and good_concept(name):
            out.append(Candidate(name, "CONCEPT", src, "concepts_algorithms"))
    return out


# --------------------------------------------------------------------------- assembly


@dataclass
class Registry:
    """Accepted entries, with the names they claim."""

    curated: Ontology
    words: Words
    entries: list[Candidate] = field(default_factory=list)
    taken: dict[str, Candidate | None] = field(default_factory=dict)
    concepts: set[str] = field(default_factory=set)  # concept names and aliases, joined
    skipped: dict[str, int] = field(default_factory=dict)

    def __post_init__(self):
        for name in self.curated.by_name:
            self.taken[name] = None
        for entry in self.curated.entries.values():
            if entry.type == "CONCEPT":
                self.concepts.update(joined(n) for n in [entry.name, *entry.aliases])

    def offer(self, items: Iterable[Candidate]) -> None:
        for c in sorted(items, key=lambda c: (c.name.casefold(), c.name, c.source)):
            name = clean(c.name)
            if not valid_name(name):
                self._skip(c, "invalid name")
                continue
            if any(k in self.taken for k in name_keys(name)) or (
                c.type == "CONCEPT" and {joined(k) for k in name_keys(name)} & self.concepts
            ):
                self._skip(c, "name taken")
                continue
            c.name = name
            aliases = []
            for a in dict.fromkeys(clean(a) for a in c.aliases):
                if (
                    valid_name(a)
                    and a.lower() != name.lower()
                    and not name_keys(a) & self.taken.keys()
                ):
                    aliases.append(a)
            c.aliases = aliases
            for n in [name, *aliases]:
                self.taken[n.lower()] = c
                if c.type == "CONCEPT":
                    self.concepts.add(joined(n))
            self.entries.append(c)

    def _skip(self, c: Candidate, why: str) -> None:
        key = f"{c.out}: {why}"
        self.skipped[key] = self.skipped.get(key, 0) + 1

    def canonical(self, name: str, type_: str | None = None) -> str:
        """The canonical name of an existing entry called ``name`` (of ``type_``), or ''."""
        key = name.lower()
        if key in self.taken and self.taken[key] is not None:
            found = self.taken[key]
            return found.name if type_ is None or found.type == type_ else ""
        entry = self.curated.lookup(name)
        if entry is not None and (type_ is None or entry.type == type_):
            return entry.name
        return ""

    def resolve(self) -> None:
        """Keep only references to entries that exist; mark ambiguous names."""
        for c in self.entries:
            parents = [self.canonical(p) for p in c.parents]
            c.parents = [p for p in dict.fromkeys(parents) if p and p.lower() != c.name.lower()]
            c.company = self.canonical(c.company, "COMPANY") if c.company else ""
            c.ambiguous = c.needs_support or self.words.ambiguous([c.name, *c.aliases])


def build(sources_dir: Path = SOURCES_DIR, curated: Ontology | None = None) -> list[Candidate]:
    """All generated entries, in output order."""
    curated = curated if curated is not None else load_ontology(include_registry=False)
    proper = {
        e.name.lower(): e.name
        for e in curated.entries.values()
        if e.type != "CONCEPT"
        and " " not in e.name
        and e.name != e.name.lower()
        and not e.ambiguous  # a plain word: "single electron device" is not Electron's
    }
    words = Words(read_words(sources_dir / "english_words.txt"), proper)

    def snap(name: str) -> Snapshot:
        return read_snapshot(sources_dir / name)

    reg = Registry(curated, words)

    def known_maker(name: str) -> str | None:
        entry = curated.lookup(name)
        if entry is not None:
            return entry.company or ""
        found = reg.taken.get(name.lower())
        return None if found is None else found.company

    def known_type(name: str) -> str | None:
        entry = curated.lookup(name)
        found = reg.taken.get(name.lower())
        return entry.type if entry is not None else found.type if found is not None else None

    named, techs, rest = cncf(snap("cncf_landscape.csv"))
    steps: list[Callable[[], Iterable[Candidate]]] = [
        lambda: named,
        lambda: techs,
        lambda: apache(snap("apache_projects.csv"), words),
        lambda: aws(snap("aws_services.csv")),
        lambda: azure(snap("azure_services.csv")),
        lambda: gcp(snap("gcp_products.csv"), words, reg.taken),
        lambda: linguist(snap("linguist_languages.csv"), words),
        lambda: explore(snap("github_explore_topics.csv"), words, reg.taken),
        lambda: icons(snap("simple_icons.csv"), words, reg.taken),
        lambda: blog_companies(snap("engineering_blogs.csv"), words),
        lambda: rest["by_slug"],  # type: ignore[index]
        lambda: kev(snap("cisa_kev.csv"), words, known_maker, known_type, reg.taken),
        lambda: threats(snap("misp_galaxy_threats.csv"), words),
        lambda: endoflife(snap("endoflife_products.csv"), words, reg.taken, known_type),
        lambda: listed_companies(snap("sp500_constituents.csv"), words),
        lambda: listed_companies(snap("nasdaq_listed.csv"), words),
        lambda: universities(snap("csrankings_institutions.csv"), words),
        lambda: yc_companies(snap("yc_companies.csv"), words),
        lambda: dbdb_systems(snap("dbdb_systems.csv"), words),
        lambda: tech_employers(snap("remote_jobs_companies.csv"), words),
        lambda: tech_employers(snap("hiring_without_whiteboards.csv"), words),
        lambda: global_companies(snap("forbes_global2000.csv"), words),
        lambda: listed_companies(snap("nyse_listed.csv"), words),
        lambda: unicorn_companies(snap("unicorn_companies.csv"), words),
        lambda: site_brands(snap("top_site_brands.csv"), words),
        lambda: pypi_packages(snap("pypi_top_packages.csv"), words),
        lambda: glossary(snap("cncf_glossary.csv"), words),
        lambda: field_terms(snap("de_wiki_concepts.csv"), words),
        lambda: field_terms(snap("owasp_attacks.csv"), words),
        lambda: field_terms(snap("owasp_cheatsheets.csv"), words),
        lambda: field_terms(snap("devops_glossary.csv"), words),
        lambda: field_terms(snap("postgres_glossary.csv"), words),
        lambda: field_terms(snap("system_design_karanpratapsingh.csv"), words),
        lambda: field_terms(snap("rust_book_chapters.csv"), words),
        lambda: field_terms(snap("python_glossary.csv"), words),
        lambda: field_terms(snap("owasp_devguide_principles.csv"), words),
        lambda: field_terms(snap("hf_transformers_glossary.csv"), words),
        lambda: field_terms(snap("nextjs_glossary.csv"), words),
        lambda: field_terms(snap("vllm_features.csv"), words),
        lambda: field_terms(snap("distsys_class_outline.csv"), words),
        lambda: field_terms(snap("owasp_cicd_risks.csv"), words),
        lambda: field_terms(snap("owasp_vulnerabilities.csv"), words),
        lambda: field_terms(snap("rust_reference_glossary.csv"), words),
        lambda: field_terms(snap("dbt_glossary.csv"), words),
        lambda: field_terms(snap("otel_glossary.csv"), words),
        lambda: field_terms(snap("github_explore_concepts.csv"), words),
        lambda: field_terms(snap("awesome_lists.csv"), words),
        lambda: field_terms(snap("engineering_playbook.csv"), words),
        lambda: field_terms(snap("mitre_attack_techniques.csv"), words),
        lambda: primer(snap("system_design_primer.csv"), words),
        lambda: patterns(snap("design_patterns.csv"), words),
        lambda: patterns(snap("azure_cloud_patterns.csv"), words),
        lambda: algorithms(snap("thealgorithms_directory.csv"), words),
        lambda: acm(snap("acm_ccs2012.csv"), words),
    ]
    for step in steps:
        reg.offer(step())
    reg.resolve()
    popular_terms(reg.entries, stack_questions(snap("stackexchange_tags.csv")))
    screened_company_names(reg.entries, words)
    screened_technology_names(reg.entries, words)
    build.skipped = reg.skipped  # type: ignore[attr-defined]
    return reg.entries


def as_yaml(entries: list[Candidate], stem: str) -> str:
    sources = sorted({c.source for c in entries})
    lines = [
        "# GENERATED by `python -m kgraph.registry` from data/ontology/sources/: do not edit.",
        f"# {stem}: {len(entries)} entries. Provenance is on every entry (`source:`).",
        *[f"# from {s}" for s in sources],
        "entities:",
    ]
    for c in sorted(entries, key=lambda c: (c.name.casefold(), c.name)):
        item: dict = {"name": c.name, "type": c.type}
        if c.aliases:
            item["aliases"] = c.aliases
        if c.parents:
            item["parent"] = c.parents[0] if len(c.parents) == 1 else c.parents
        if c.company:
            item["company"] = c.company
        if c.ambiguous:
            item["ambiguous"] = True
        if c.term:
            item["term"] = True
        item["source"] = c.source
        flow = yaml.safe_dump(
            item, default_flow_style=True, sort_keys=False, allow_unicode=True, width=10_000
        ).strip()
        lines.append(f"  - {flow}")
    return "\n".join(lines) + "\n"


def write(entries: list[Candidate], out_dir: Path = REGISTRY_DIR) -> dict[str, int]:
    out_dir.mkdir(parents=True, exist_ok=True)
    by_file: dict[str, list[Candidate]] = {}
    for c in entries:
        by_file.setdefault(c.out, []).append(c)
    for old in out_dir.glob("*.yaml"):
        if old.stem not in by_file:
            old.unlink()
    for stem, items in sorted(by_file.items()):
        (out_dir / f"{stem}.yaml").write_text(as_yaml(items, stem), encoding="utf-8")
    return {stem: len(items) for stem, items in sorted(by_file.items())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kgraph.registry", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--sources", type=Path, default=SOURCES_DIR)
    parser.add_argument("--out", type=Path, default=REGISTRY_DIR)
    args = parser.parse_args(argv)
    entries = build(args.sources)
    counts = write(entries, args.out)
    for stem, n in counts.items():
        print(f"{stem:32} {n:6}")
    by_type: dict[str, int] = {}
    for c in entries:
        by_type[c.type] = by_type.get(c.type, 0) + 1
    print("by type:", ", ".join(f"{t} {n}" for t, n in sorted(by_type.items())))
    print("ambiguous:", sum(c.ambiguous for c in entries))
    return 0


if __name__ == "__main__":
    sys.exit(main())
