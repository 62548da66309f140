"""Ruler patterns compiled from the ontology, each with ``id`` = the entity's canonical key.

Two rulers share the work: one matches phrases by exact ``ORTH`` (names with capitals,
``Spark`` is not ``spark``), the other by ``LOWER`` (``load balancing``
in any case). The resolver gets a small table of what it needs to judge a match.
"""

from __future__ import annotations

import hashlib
import json

from kgraph.extract.english import is_english_word
from kgraph.extract.variants import (
    capitalised_form,
    closed_forms,
    headline_forms,
    is_case_sensitive,
    kebab_form,
    language_forms,
    lower_form,
    singular_product_forms,
    spellings,
    split_form,
)
from kgraph.ontology import Ontology


def entity_table(onto: Ontology) -> dict[str, dict]:
    """Per canonical key: type, name, maker, whether it needs supporting context, and
    whether the name is also its maker's product (``Okta``, ``PagerDuty``)."""
    vendors = product_vendors(onto)
    return {
        key: {
            "type": e.type,
            "name": e.name,
            "company": e.company,
            "ambiguous": e.ambiguous,
            "product": e.type == "COMPANY" and e.name in vendors,
            "registry": e.registry,
        }
        for key, e in sorted(onto.entries.items())
    }


def product_vendors(onto: Ontology) -> set[str]:
    """Companies whose name people use for their product: at most two products, one of
    them named ``<Company> ...`` (``Okta Identity Cloud``, ``Sentry SDK``). A company with
    many products (Amazon, Cloudflare) is named for itself; its products have their own names.
    """
    products: dict[str, list[str]] = {}
    for entry in onto.by_type("TECHNOLOGY"):
        if entry.company:
            products.setdefault(entry.company, []).append(entry.name)
    vendors = {
        company
        for company, names in products.items()
        if len(names) <= 2 and any(n.startswith(company + " ") for n in names)
    }
    # A curated service with no products of its own listed (Slack, Dropbox, Twitter) is
    # named for the service it runs: "alerts in Slack", "access to Dropbox".
    return vendors | {
        e.name
        for e in onto.by_type("COMPANY")
        if not e.registry and e.name not in products and e.domains
    }


def own_alias(form: str, name: str, registry: bool) -> bool:
    """``Golang`` of Go, ``DragonflyDB`` of Dragonfly: a curated one-word alias that is no
    English word and not the name itself names only its entry, though the name is a plain
    word (``Go``, ``Dragonfly``) that needs support."""
    return (
        not registry
        and " " not in form
        and form.lower() != name.lower()
        and not is_english_word(form)
    )


def compile_patterns(onto: Ontology) -> tuple[list[dict], list[dict]]:
    """(exact-case patterns, any-case patterns) for every name, alias and spelling."""
    exact: list[dict] = []
    lower: list[dict] = []
    seen: set[tuple[str, str]] = set()
    swaps = _word_swaps(onto)
    hyphen_swaps = _hyphen_swaps(onto)
    for key, entry in sorted(onto.entries.items()):
        surfaces = [entry.name, *entry.aliases]
        if entry.type == "TECHNOLOGY" and not entry.registry:
            surfaces += _swapped(surfaces, swaps)
            # "cluster-autoscaler": exactly as a repository or binary writes it, no variants
            for kebab in dict.fromkeys(k for k in map(kebab_form, surfaces) if k):
                if (kebab, key) not in seen:
                    seen.add((kebab, key))
                    exact.append({"label": entry.type, "pattern": kebab, "id": key})
        if entry.type == "CONCEPT" and not entry.registry:
            surfaces += _swapped(surfaces, hyphen_swaps)
        if entry.type == "TECHNOLOGY":
            # "a GitHub action", "the Bedrock agent": one thing of a product named in plural
            surfaces += [f for n in surfaces for f in singular_product_forms(n)]
        if entry.type == "TECHNOLOGY" and entry.company == "Amazon":
            # "AWS SQS" for Amazon SQS: the provider's short name as the vendor prefix.
            surfaces += ["AWS " + n[len("Amazon ") :] for n in surfaces if n.startswith("Amazon ")]
        if (
            entry.type == "TECHNOLOGY"
            and not entry.registry
            and "programming language" in entry.parents
        ):
            surfaces += language_forms(entry.name)
        closed: list[str] = []
        for surface in surfaces:
            surface = surface.strip().replace("\u2019", "'")
            if not surface:
                continue
            sensitive = is_case_sensitive(surface, entry.case_sensitive)
            for form in spellings(surface, entry.type):
                folded = (form if sensitive else form.lower(), key)
                if folded in seen:
                    continue
                seen.add(folded)
                pattern = {"label": entry.type, "pattern": form, "id": key}
                (exact if sensitive else lower).append(pattern)
                # "Jira cloud", "Google cloud": a capitalised first word carries the case.
                # (A phrase, not a token pattern: the token Matcher costs a third of the time.)
                words = form.split(" ")
                lower_spelling = lower_form(form) if entry.type == "TECHNOLOGY" else None
                if (
                    sensitive
                    and lower_spelling
                    and entry.case_sensitive is None
                    and (not entry.ambiguous or own_alias(form, entry.name, entry.registry))
                    and (lower_spelling, key) not in seen
                ):
                    # "postgres", "kafka": one-word products are often written in lower case;
                    # "golang" too, though Go itself is a plain word.
                    seen.add((lower_spelling, key))
                    exact.append({"label": entry.type, "pattern": lower_spelling, "id": key})
                named = entry.type in ("TECHNOLOGY", "COMPANY")
                for other in (capitalised_form(form), split_form(form)) if named else ():
                    if other and entry.case_sensitive is None and (other, key) not in seen:
                        seen.add((other, key))
                        exact.append({"label": entry.type, "pattern": other, "id": key})
                if entry.type == "CONCEPT" and sensitive and entry.case_sensitive is None:
                    # "Server-Driven UI", "ML Platform": an acronym keeps the phrase
                    # case-sensitive, but its plain words take a headline's capitals.
                    for other in headline_forms(form):
                        if (other, key) not in seen:
                            seen.add((other, key))
                            exact.append({"label": entry.type, "pattern": other, "id": key})
                if sensitive and len(words) > 1 and entry.case_sensitive is None:
                    relaxed = " ".join([words[0], *(w.lower() for w in words[1:])])
                    if (relaxed, key) not in seen:
                        seen.add((relaxed, key))
                        exact.append({"label": entry.type, "pattern": relaxed, "id": key})
                    # "bloom filters", "merkle tree": a concept named after a person or
                    # thing keeps its capital only by habit; an acronym ("KV cache") keeps it.
                    # So does a curated name in title case ("Internet of Things", "Monte
                    # Carlo simulation"): running text writes it in lower case too.
                    plain = form.lower()
                    if (
                        entry.type == "CONCEPT"
                        and (
                            (words[0][1:].islower() and all(w.islower() for w in words[1:]))
                            or (not entry.registry and all(w[1:] == w[1:].lower() for w in words))
                        )
                        and (plain, key) not in seen
                    ):
                        seen.add((plain, key))
                        exact.append({"label": entry.type, "pattern": plain, "id": key})
            if entry.type == "CONCEPT" and not sensitive:
                closed += closed_forms(surface)
        # "webserver", "healthchecks": in lower case only, after all the entry's own
        # spellings, so a spelling of its names ("baremetal" of "bare-metal") keeps any case.
        for form in closed:
            if (form, key) not in seen:
                seen.add((form, key))
                exact.append({"label": entry.type, "pattern": form, "id": key})
    return exact, lower


def _word_swaps(onto: Ontology) -> dict[str, list[str]]:
    """A curated one-word technology's name → its other one-word names (``PostgreSQL`` →
    ``Postgres``): the spellings of a longer name that ends with it."""
    swaps: dict[str, list[str]] = {}
    for entry in onto.by_type("TECHNOLOGY"):
        names = [n for n in (entry.name, *entry.aliases) if " " not in n and len(n) >= 3]
        if entry.registry or entry.ambiguous or len(names) < 2:
            continue
        for n in names:
            swaps.setdefault(n, []).extend(m for m in names if m != n)
    return swaps


def _hyphen_swaps(onto: Ontology) -> dict[str, list[str]]:
    """A curated one-word concept's spellings with and without a hyphen (``postmortem``,
    ``post-mortem``): the spellings of a longer concept that ends with it (``blameless
    post-mortem``). Only the same letters: a synonym is no spelling."""
    swaps: dict[str, list[str]] = {}
    for entry in onto.by_type("CONCEPT"):
        if entry.registry:
            continue
        names = [n for n in (entry.name, *entry.aliases) if " " not in n and n.islower()]
        for n in names:
            same = [m for m in names if m != n and m.replace("-", "") == n.replace("-", "")]
            if same:
                swaps.setdefault(n, []).extend(same)
    return swaps


def _swapped(surfaces: list[str], swaps: dict[str, list[str]]) -> list[str]:
    """``Aurora Postgres`` for ``Aurora PostgreSQL``: the last word in its other spellings."""
    out = []
    for surface in surfaces:
        head, _, last = surface.rpartition(" ")
        if head:
            out += [f"{head} {other}" for other in swaps.get(last, [])]
    return out


def ontology_hash(onto: Ontology) -> str:
    """A digest of everything in the ontology that changes what the rulers match."""
    rows = [
        [k, e.type, e.name, e.aliases, e.company, e.ambiguous, e.case_sensitive, e.registry]
        for k, e in sorted(onto.entries.items())
    ]
    return hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()[:16]
