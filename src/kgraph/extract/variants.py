"""Surface forms of an ontology name: plurals, hyphen spellings, and how case is matched.

The ontology lists a name once; the matcher also needs ``cold restarts``, ``auto sharding``
and ``GPUs``. Possessives need no variant: the tokenizer splits ``'s`` off.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgraph.extract.english import is_english_word

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")
_SIBILANT = ("s", "x", "z", "ch", "sh")


def is_case_sensitive(surface: str, flag: bool | None) -> bool:
    """Whether ``surface`` must match with its exact case (the ontology format's rule)."""
    if flag is not None:
        return bool(flag)
    return any(c.isupper() for c in surface)


# Product names that are also English words: written in lower case they are the word
# ("react to changes", "a lambda", "the hive"), so they keep their exact case.
_ENGLISH_NAMES = """
    airflow android angular arrow athena aurora bash bedrock borg caddy calcite calico celery
    chubby colossus consul druid elixir envoy falco flannel folly gaudi helix helm hive iceberg
    impala kong lambda luigi lustre maven mongo neptune nomad outposts parquet playwright polars
    presto pulsar react redshift scuba selenium snowflake sorbet spanner spark swagger thrift
    titus tupperware twine vault varnish vespa zanzibar docstore dicer bighead mimir loki
    """
ENGLISH_NAMES = frozenset(_ENGLISH_NAMES.split())


def lower_form(surface: str) -> str | None:
    """The lower-case spelling of a one-word product name, when running text uses it
    (``postgres``, ``redis``, ``mysql``) and it cannot be an English word: not an acronym,
    not a short word, not a word like ``spark`` or ``react``."""
    lower = surface.lower()
    if surface.isupper() or lower == surface or not surface[0].isalpha():
        return None
    if not surface.replace(".", "").replace("-", "").isalnum():
        return None  # "Pub/Sub", two words: lower case is a generic phrase
    marked = any(c.isupper() for c in surface[1:])  # PostgreSQL, MySQL: no English word
    if len(surface) < (3 if marked else 4) or (not marked and lower in ENGLISH_NAMES):
        return None
    return lower


def capitalised_form(surface: str) -> str | None:
    """``Graphql`` for ``GraphQL``: a one-word name with inner capitals, written with only its
    first letter capital (as at the start of a sentence or by hand). Not for acronyms."""
    if " " in surface or surface.isupper() or len(surface) < 5 or not surface[0].isupper():
        return None
    if not any(c.isupper() for c in surface[1:]) or not surface.replace(".", "").isalnum():
        return None
    return surface[0] + surface[1:].lower()


_ONE_BOUNDARY = re.compile(r"^([A-Z][a-z]{2,})([A-Z](?:[a-z]{2,}|[A-Z]+))$")


def split_form(surface: str) -> str | None:
    """``Open Telemetry`` for ``OpenTelemetry``, ``Cockroach DB`` for ``CockroachDB``: a
    one-word name joined at its one inner capital, written as two words."""
    match = _ONE_BOUNDARY.match(surface)
    return f"{match.group(1)} {match.group(2)}" if match else None


_SMALL = "a an and as at by for in of on or the to vs via with"
_SMALL_WORDS = frozenset(_SMALL.split())


def headline_forms(surface: str) -> list[str]:
    """``Server-Driven UI`` and ``Server-driven UI`` for ``server-driven UI``: a concept
    whose acronym makes it match by exact case, written in a headline or opening a sentence.
    Only the lower-case words change; small words stay lower case in the headline form."""
    words = surface.split(" ")
    if len(words) < 2 or not all(w.isascii() for w in words):
        return []

    def cap(word: str) -> str:
        return "-".join(p[:1].upper() + p[1:] if p.islower() else p for p in word.split("-"))

    # each lower-case part of a hyphenated word takes the capital ("Multi-GPU Training")
    title = [w if i and w in _SMALL_WORDS else cap(w) for i, w in enumerate(words)]
    first = [words[0][:1].upper() + words[0][1:], *words[1:]]
    forms = [" ".join(first), " ".join(title)]
    return [f for f in dict.fromkeys(forms) if f != surface]


def language_forms(name: str) -> list[str]:
    """``Rustlang``, ``rust-lang``: how a programming language's name is written to tell
    it from the plain word (``Golang`` is the usual one)."""
    if " " in name or not name.isalpha() or len(name) > 12:
        return []
    low = name.lower()
    return [f"{name}lang", f"{low}lang", f"{name}-lang", f"{low}-lang"]


def is_acronym(word: str) -> bool:
    return bool(_ACRONYM.match(word))


def plural(word: str) -> str:
    """The regular English plural of a lower-case noun (good enough for the heads of terms)."""
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(_SIBILANT):
        return word + "es"
    return word + "s"


@lru_cache(maxsize=1 << 16)  # pure, and asked for the same words again and again
def singular(word: str) -> str:
    """Undo :func:`plural` on a lower-case word, conservatively (``status`` stays ``status``)."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is", "ics")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("aches"):
        return word[:-1]  # caches, not "cach"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    return word[:-1]


# A property's noun and adjective: "eventual consistency" is written "eventually consistent".
_QUALITY = (("ability", "able"), ("ency", "ent"), ("tenancy", "tenant"), ("tolerance", "tolerant"))
_ADJECTIVE_ENDINGS = ("al", "ic", "ong", "ent", "ant", "ive", "ar", "gh", "ct", "ful", "ous")


def adverb(adjective: str) -> str:
    """``eventual`` → ``eventually``, ``strong`` → ``strongly``, ``causal`` → ``causally``."""
    if adjective.endswith("ic"):
        return adjective + "ally"
    if adjective.endswith("le"):
        return adjective[:-1] + "y"
    return adjective + "ly"


def adjective_forms(surface: str) -> list[str]:
    """How a property concept is written as an adjective phrase (annotation guideline).

    ``fault tolerance`` → ``fault-tolerant``; ``eventual consistency`` → ``eventually
    consistent``; ``multi-tenancy`` → ``multi-tenant``; ``high availability`` → ``highly
    available``. Single plain words (``consistency``) are left alone: too loose.
    """
    words = surface.split(" ")
    last = words[-1]
    for noun, adj in _QUALITY:
        stem = last[: -len(noun)]
        if not last.endswith(noun) or (noun in ("ability", "ency") and len(stem) < 4):
            continue
        adjective = stem + adj
        if len(words) == 1:
            return [adjective] if "-" in adjective else []
        if len(words) == 2 and words[0].endswith(_ADJECTIVE_ENDINGS):
            return [f"{adverb(words[0])} {adjective}"]
        return [
            " ".join([*words[:-1], adjective]),
            " ".join([*words[:-2], f"{words[-2]}-{adjective}"]),
        ]
    return []


# Verbs whose past participle is not the stem with "-ed" ("built", "run", "written").
_IRREGULAR_STEMS = "build bind feed find hold keep lead mak read run send sell spend writ"
_IRREGULAR = frozenset(_IRREGULAR_STEMS.split())
# "encryption" → "encrypted", "injection" → "injected", "execution" → "executed",
# "compression" → "compressed": the "-ion" nouns whose verb drops the ending.
_DERIVED = (
    ("ization", "ized"),
    ("isation", "ised"),
    ("ation", "ated"),
    ("ption", "pted"),
    ("ction", "cted"),
    ("ution", "uted"),
    ("ssion", "ssed"),
    ("ing", "ed"),
)


def participle_forms(surface: str) -> list[str]:
    """How a process concept is written as a hyphenated participle adjective (entity rules:
    ``event-sourced`` is ``event sourcing``).

    ``self-hosting`` → ``self-hosted``; ``event sourcing`` → ``event-sourced``;
    ``geo-replication`` → ``geo-replicated``. Only terms of two parts or more, and the form
    is always hyphenated: a lone ``hosted`` or ``replicated`` is a plain verb, and ``data
    replicated across regions`` is a clause, not the term.
    """
    if not surface.isascii() or not surface.islower():
        return []
    words = surface.split(" ")
    if len(words) > 2 or (len(words) == 1 and surface.count("-") != 1):
        return []
    last = words[-1].rpartition("-")[2]
    for noun, adj in _DERIVED:
        stem = last[: -len(noun)]
        if last.endswith(noun) and len(stem) >= 3 and stem.isalpha() and stem not in _IRREGULAR:
            head = surface[: len(surface) - len(last)].rstrip(" -")
            if " " in surface and "-" in head:
                # "end-to-end encrypted": after a hyphened modifier the participle stands
                # apart, as the noun did ("end-to-end encryption").
                return [f"{head} {stem}{adj}", f"{head}-{stem}{adj}"]
            return [f"{head}-{stem}{adj}"]
    return []


HEAD_FORMS = {"application": "app", "store": "storage", "caching": "cache"}
# A practice named by its gerund is also written with the record it makes: "end-to-end tests"
# is end-to-end testing, "distributed traces" distributed tracing (entity rules: inflectional
# variants merge). Only after a modifier: a bare "tests" or "traces" is no practice.
RECORD_FORMS = {"testing": "test", "tracing": "trace"}


def singular_product_forms(surface: str) -> list[str]:
    """``GitHub Action`` and ``GitHub action`` for ``GitHub Actions``, ``Amazon Bedrock
    agent`` for ``Amazon Bedrock Agents``: a product of two or more words named by a plural
    noun for the things a user makes or runs in it (``Actions``, ``Workers``, ``Agents``).
    Not ``Microsoft Teams`` nor ``Google Docs``: a plural that names the product only."""
    head, _, last = surface.rpartition(" ")
    if not head or last.lower() not in PRODUCT_THINGS or not last[:1].isupper():
        return []
    one = singular(last.lower())
    return [f"{head} {one.capitalize()}", f"{head} {one}"]


# Plural nouns for the things a product runs, in its name ("GitHub Actions", "Cloudflare
# Workers", "Azure Functions"): one of them is written in the singular.
PRODUCT_THINGS = frozenset({
    "actions", "agents", "workers", "functions", "workflows", "pipelines", "jobs",
    "containers", "queues", "hubs", "notebooks", "droplets", "enclaves",
})  # fmt: skip


def kebab_form(surface: str) -> str | None:
    """``cluster-autoscaler`` of Cluster Autoscaler, ``ingress-nginx`` of Ingress NGINX: a
    product of two or three words by the name of its repository or binary. None when every
    word is a plain word (``cloud-storage`` is a modifier in prose)."""
    words = surface.split(" ")
    if (
        2 <= len(words) <= 3
        and all(w.isalnum() and w.isascii() for w in words)
        and not all(is_english_word(w) for w in words)
    ):
        return "-".join(w.lower() for w in words)
    return None


# Word-forming prefixes that writers also set off with a hyphen ("micro-service",
# "re-indexing", "de-duplication", "anti-virus"); the hyphenless spelling is the listed one.
PREFIXES = ("micro", "multi", "auto", "anti", "hyper", "over", "pre", "re", "de", "co")


def prefix_forms(surface: str) -> list[str]:
    """``micro-service`` for ``microservice``, ``re-indexing`` for ``reindexing``: a word of
    a concept's name that is a prefix glued to an English word, written with a hyphen.
    Only when the rest is a word on its own (``re-plication`` is no spelling of anything)."""
    words = surface.split(" ")
    out = []
    for i, word in enumerate(words):
        if not word.isalpha():
            continue
        for prefix in PREFIXES:
            rest = word[len(prefix) :]
            if word.startswith(prefix) and len(rest) >= 5 and is_english_word(rest):
                out.append(" ".join([*words[:i], f"{prefix}-{rest}", *words[i + 1 :]]))
                break
    return out


# A modifier noun and its gerund name one kind ("messaging queue" is a message queue).
MODIFIER_GERUNDS = {"message": "messaging", "messaging": "message"}
# The longest word of a two-word term that writers also close up ("webserver", "healthcheck",
# "hashmap"); longer words keep the space ("loadbalancer" is rare).
CLOSED_WORD = 6


# A plural modifier noun that writers also give in the singular ("metric platform").
MODIFIER_NUMBERS = {"metrics": "metric"}


def modifier_forms(words: list[str]) -> list[str]:
    """A lower-case concept of two words or more with its modifier noun as the gerund
    (``messaging broker`` for ``message broker``) or the gerund as the noun, a plural
    modifier in the singular (``metric layer`` for ``metrics layer``)."""
    out = []
    if words[0] in MODIFIER_GERUNDS:
        out.append(" ".join([MODIFIER_GERUNDS[words[0]], *words[1:]]))
    if words[0] in MODIFIER_NUMBERS:
        out.append(" ".join([MODIFIER_NUMBERS[words[0]], *words[1:]]))
    return out


def closed_forms(surface: str) -> list[str]:
    """``webserver`` and ``healthchecks`` for ``web server`` and ``health check``: a concept
    of two short plain words closed up, singular and plural. Matched in lower case only: a
    closed-up word with capitals is a product's name (``DevTools``, ``Userland``)."""
    words = surface.split(" ")
    if len(words) != 2 or not all(w.isascii() and w.isalpha() and w.islower() for w in words):
        return []
    if not all(3 <= len(w) <= CLOSED_WORD for w in words):
        return []
    closed = "".join(words)
    return [closed, closed[: len(closed) - len(words[1])] + plural(words[1])]


def spellings(surface: str, entity_type: str) -> list[str]:
    """``surface`` and the variants the matcher should also accept, first one original."""
    forms = [surface]
    words = surface.split(" ")
    if entity_type == "CONCEPT" and len(words) == 2 and words[1].islower() and surface.isascii():
        # "high availability" is also written "high-availability" (as a modifier), and
        # "KV cache" "KV-cache".
        forms.append("-".join(words))
    if (
        entity_type == "CONCEPT"
        and len(words) == 3
        and all(w.isalpha() and w.islower() for w in words)
        and words[0] not in _SMALL_WORDS
    ):
        # "content-delivery network", "change-data capture": the two-word modifier of a
        # three-word term is hyphenated when it stands before the head.
        forms.append(f"{words[0]}-{words[1]} {words[2]}")
    if (
        entity_type == "CONCEPT"
        and 3 <= len(words) <= 5
        and all(w.isalpha() and w.islower() and w.isascii() for w in words)
        and any(w in _SMALL_WORDS for w in words[1:-1])
    ):
        # "infrastructure-as-code", "single-point-of-failure": a term with a small word
        # inside is hyphenated through when it stands before a noun, and often on its own.
        forms.append("-".join(words))
    if entity_type == "CONCEPT" and len(words) > 1 and words[-1] == "database":
        # "an in-memory DB", "graph DBs": the category's head by its usual abbreviation.
        forms.append(" ".join([*words[:-1], "DB"]))
    if entity_type == "CONCEPT" and len(words) > 1 and words[-1] in ("database", "store"):
        # "a NoSQL datastore", "a key-value data store": the category's head as written.
        forms += [" ".join([*words[:-1], head]) for head in ("datastore", "data store")]
    if entity_type == "CONCEPT" and len(words) > 1 and words[-1] in HEAD_FORMS:
        # "stateful apps" for "stateful application", "key-value storage" for "key-value
        # store", "prefix cache" for "prefix caching": the head as it is often written.
        forms.append(" ".join([*words[:-1], HEAD_FORMS[words[-1]]]))
    if entity_type == "CONCEPT" and len(words) > 1 and words[-1] in RECORD_FORMS:
        forms.append(" ".join([*words[:-1], RECORD_FORMS[words[-1]]]))
    if entity_type == "CONCEPT" and len(words) > 1 and words[-1] == "pattern":
        # "the repository design pattern" is the repository pattern.
        forms.append(" ".join([*words[:-1], "design", "pattern"]))
    if entity_type == "CONCEPT" and len(words) >= 2 and surface.isascii() and surface.islower():
        forms += modifier_forms(words)
    if entity_type == "CONCEPT" and surface.count("-") == 1 and surface.lower() != surface:
        # "API First" for "API-first": a term with an acronym is also written unhyphenated
        # (in a headline its plain word takes a capital, see headline_forms).
        forms.append(surface.replace("-", " "))
    if "-" in surface and surface.lower() == surface:
        forms.append(surface.replace("-", " "))
        if entity_type == "CONCEPT" and surface.count("-") == 1:
            forms.append(surface.replace("-", ""))
            # "key/value store", "east/west traffic": a pair of words joined by a slash.
            pair = next(w for w in surface.split(" ") if "-" in w).split("-")
            if all(p.isalpha() and len(p) > 2 for p in pair):
                forms.append(surface.replace("-", "/"))
    if entity_type == "CONCEPT" and surface.islower() and surface.isascii():
        forms += prefix_forms(surface)
    out = []
    for form in forms:
        out.append(form)
        words = form.split(" ")
        last = words[-1]
        head = last.rpartition("-")[2]  # "B-tree", "distributed-system": plural of the tail
        if is_acronym(last) or (entity_type == "CONCEPT" and is_acronym(head) and head != last):
            # "GPUs"; "micro-VMs": a concept whose last word ends in an acronym.
            out.append(" ".join([*words[:-1], last + "s"]))
        elif entity_type == "CONCEPT" and head.isalpha() and head.islower() and len(head) > 1:
            out.append(" ".join([*words[:-1], last[: len(last) - len(head)] + plural(head)]))
    parts = surface.split(" ")
    if entity_type == "CONCEPT" and "of" in parts[1:-1] and surface.isascii():
        # "points of presence", "single points of failure": the plural of "X of Y" is on X.
        at = parts.index("of") - 1
        if parts[at].isalpha() and parts[at].islower():
            out.append(" ".join([*parts[:at], plural(parts[at]), *parts[at + 1 :]]))
    if entity_type == "CONCEPT" and surface.islower():
        out += adjective_forms(surface) + participle_forms(surface)
    return list(dict.fromkeys(out))
