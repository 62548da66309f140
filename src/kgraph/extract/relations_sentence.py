"""The sentence rules: lexical patterns between two mentions of one sentence (``X-based``,
``written in X``, ``T, a … concept``) and the title's own patterns (RELATION-RULES)."""

from __future__ import annotations

import itertools
import re

from kgraph.extract import relations_applies, rx
from kgraph.extract.relations_clauses import (
    _MADE_NOUN,
    _apposed_modifier,
    _appositive_head,
    _companies_at,
    _continues_list,
    _focus,
    _in_list,
    _list_at,
    _modifies_noun,
    _next_of,
    _opens_clause,
    _possessive_mark,
    _qualifies_next,
    _relative_object,
    _right_before,
    _subject,
    _subject_tech,
)
from kgraph.extract.relations_migrations import _migrations
from kgraph.extract.relations_post import _named_after, _Post, _Unit
from kgraph.extract.relations_verbs import (
    _applies_verb,
    _builds_concept,
    _named_product,
    _powers,
    _use_lists,
    _users_by_class,
    _verbs,
)
from kgraph.extract.relations_words import (
    ANAPHOR,
    BUILD_VERB,
    COMPOUND,
    LIKENESS,
    ON_TECH,
    ON_TECH_EXAMPLES,
    PART_NOUN,
    SYSTEM_NOUN,
    TALK_PLAN,
    TECH_USES,
    USE_VERB,
)

_IMPLEMENTATION_OF = (
    r",?\s*(?:(?:is|was)\s+)?(?:the|an?)\s+(?:[\w-]+\s+){0,3}?(?:re-?)?implementation\s+of\s+"
    r"(?:the\s+)?"
)


def _sentence_rules(state: _Post, unit: _Unit) -> None:
    text, ents = unit.text, unit.ents
    low = text.lower()
    add = state.add
    on_heads: dict[int, str] = {}  # technologies a "written in / built on" phrase gave a head
    for i, e in enumerate(ents):
        after = text[e.e :]
        before = text[: e.s]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        gap = text[e.e : nxt.s] if nxt else ""
        # "a replacement for Redis (caching), RabbitMQ (job queues)": the concepts a
        # technology's parenthesis names are what it does there (rule 1's parenthetical)
        if e.type == "TECHNOLOGY" and nxt is not None and nxt.type == "CONCEPT":
            opened = rx.fullmatch(r"\s*\(\s*", gap)
            k = i + 1
            inside = []
            # "Bazel Remote Build Execution (RBE)": an acronym glosses the name itself
            while (
                opened
                and k < len(ents)
                and ents[k].type == "CONCEPT"
                and not ents[k].m.text.isupper()
            ):
                inside.append(ents[k])
                rest = text[ents[k].e : ents[k + 1].s] if k + 1 < len(ents) else text[ents[k].e :]
                if rx.match(r"\s*\)", rest):
                    for f in inside:
                        add(e.name, "applies", f.name, text, "apposition")
                    break
                if not rx.fullmatch(r"\s*(?:,|/|,?\s*and|,?\s*or)\s*", rest):
                    break
                k += 1
        # "SPIRE, the community-supported implementation of SPIFFE", "T is an open-source
        # implementation of the Raft protocol": T realises the standard or the concept
        if (
            e.type == "TECHNOLOGY"
            and nxt is not None
            and nxt.type in ("TECHNOLOGY", "CONCEPT")
            and rx.fullmatch(_IMPLEMENTATION_OF, gap, rx.I)
        ):
            add(
                e.name,
                "uses" if nxt.type == "TECHNOLOGY" else "applies",
                nxt.name,
                text,
                "apposition",
            )
        # "Zig-based X" / "a Rust-based proxy": the compound's noun uses the tech.
        if (
            e.type == "TECHNOLOGY"
            and COMPOUND.match(after)
            # "the Mountain View-based company Confluent": where it is, not what it uses
            and not rx.match(
                r"-based\s+(?:[\w-]+\s+)?(?:company|companies|startup|firm|vendor|team)\b",
                after,
                rx.I,
            )
        ):
            owner = _next_of(ents, i, ("TECHNOLOGY", "CONCEPT"), text, within=40)
            if owner is not None and not rx.fullmatch(
                # "a Preact-based web framework called Fresh": the name of the noun
                r"-[\w]+\s+(?:[\w-]+\s+)?|-[\w]+\s+(?:[a-z][\w-]*\s+){1,3}(?:called|named)\s+",
                text[e.e : owner.s],
            ):
                owner = None  # "SSH-based architecture to a modern REST…": not its noun
            # "Pingora, a Rust-based HTTP proxy": the appositive's head comes first.
            tech_owner = _appositive_head(ents, i, text)
            if (
                tech_owner is None
                and owner is not None
                and owner.type == "TECHNOLOGY"
                # "Python-based Kafka Apps": the compound's noun is the apps, not Kafka
                and not _qualifies_next(text, owner.e)
            ):
                tech_owner = owner
            if tech_owner is not None:
                add(tech_owner.name, "uses", e.name, text, "compound")
                if owner is not None and owner.type == "CONCEPT":
                    add(tech_owner.name, "applies", owner.name, text, "compound")
            else:
                actor = _subject(state, ents, i, text)
                # "Previously, FFmpeg-based transcoding systems discarded …": a system the
                # sentence does not tie to a company (by its name, "we", "its") is not the
                # post's company's (rule 1).
                if (
                    actor
                    and (any(f.type == "COMPANY" for f in ents) or ANAPHOR.search(text) is not None)
                    and not TALK_PLAN.search(text)
                ):
                    # "a new Rust-based proxy": the proxy is a system of the company's, not
                    # its practice, so the company gets only the technology.
                    add(actor, "uses", e.name, text, "compound")
        # "OOMProf, a Go library": the apposed noun is made in or with the technology
        if (
            e.type == "TECHNOLOGY"
            and _MADE_NOUN.match(after)
            and not LIKENESS.match(after)
            # "K8Guard is an auditing system for Kubernetes clusters": what the apposed noun
            # serves or acts on, not what it is made with
            and not rx.search(
                r"\b(?:for|of|to|between|across)\s+(?:the\s+|a\s+|an\s+)?$", before, rx.I
            )
        ):
            made = _appositive_head(ents, i, text)
            # "REST: A Modernization of Slack's EMR Data Pipelines": a noun in a phrase of
            # the apposed noun ("of", a possessive) is not the apposed noun
            if made is not None and not rx.search(
                r"\bof\b|['\u2019]s?\s", text[made.e : e.s], rx.I
            ):
                add(made.name, "uses", e.name, text, "compound")
        # "Envoy, a home-grown … proxy", "Robinhood, our in-house load balancing service":
        # an appositive that says the company made it (rule 3: more than a possessive).
        if (
            e.type == "TECHNOLOGY"
            and state.actor
            and rx.match(
                r",\s+(?:a|an|our|its|their)\s+(?:[\w-]+,?\s+){0,2}?(?:home-?grown|in-house|"
                r"built in-house|internally (?:built|developed))\b",
                after,
                rx.I,
            )
        ):
            add(state.actor, "built", e.name, text, "built:own")
        # "our homegrown scheduler Tidewater", "its in-house workflow engine, Quiver": the
        # same said before the name
        elif (
            e.type == "TECHNOLOGY"
            and state.actor
            # a substring test first: most names have no such description before them
            and any(w in before[-80:] for w in ("grown", "house", "nternally"))
        ):
            grown = rx.search(
                # "an in-house database called Arb": the speaking company's, as "our"
                r"\b(?:our|its|their|an?)\s+(?:own\s+)?(?:home-?grown|in-house|internally[- ]"
                r"(?:built|developed))\s+(?:[a-z][\w-]*\s+){0,3}?(?:[a-z][\w-]*,\s+)?$",
                before[-80:],
                rx.I,
            )
            at = e.s - len(before[-80:]) + grown.start() if grown is not None else 0
            if (
                grown is not None
                and not any(
                    f.type in ("TECHNOLOGY", "COMPANY") and at <= f.s and f.e <= e.s
                    for f in ents
                    if f is not e
                )
                # "an in-house C++ model server": the name qualifies what was built
                and not _MADE_NOUN.match(after)
            ):
                add(state.actor, "built", e.name, text, "built:own")
        # "dbt is a fundamental piece of Monzo's data platform", "Kafka is the backbone of
        # our stack": a part of the company's own system is one it uses (rule 3)
        if e.type == "TECHNOLOGY":
            part = rx.match(
                r"\s+(?:is|are|was|has been|became|remains)\s+(?:now\s+)?(?:a|an|the)\s+"
                r"(?:[\w-]+\s+){0,2}?(?:part|piece|component|backbone|foundation|cornerstone|"
                r"core|pillar|heart)\s+of\s+(?:(?P<our>our)\s+|(?:the\s+)?)",
                after,
                rx.I,
            )
            if part is not None:
                owner = next((f for f in ents[i + 1 :] if f.s >= e.e + part.end()), None)
                if part.group("our") and state.actor:
                    add(state.actor, "uses", e.name, text, "possessive")
                elif (
                    owner is not None
                    and owner.type == "COMPANY"
                    and owner.s == e.e + part.end()
                    and _possessive_mark(owner, text[owner.e :]) is not None
                ):
                    add(owner.name, "uses", e.name, text, "possessive")
        # "Maestro is a library we have developed to handle all playback": the noun the
        # technology is, made by "we" (rule 1's anaphora: the post's company). "Metaflow, an
        # open source machine learning infrastructure framework we started": a longer
        # noun, and the project's start; but not what "we" built on or started using
        if (
            e.type == "TECHNOLOGY"
            and state.actor
            and rx.match(
                r"(?:,|\s+(?:is|was))\s+(?:an?|the)\s+(?:[\w-]+\s+){1,6}?(?:that\s+|which\s+)?"
                r"we(?:['\u2019]ve|\s+have)?\s+(?:\w+ly\s+)?(?:(?:built|developed|created|designed|"
                r"engineered|wrote|written|open[- ]?sourced)\b(?!\s+(?:on|atop|upon|around)\b)|"
                r"started\b(?!\s+(?:using|to|with|on|out|by|from|at|in)\b))",
                after,
                rx.I,
            )
        ):
            add(state.actor, "built", e.name, text, "built:own")
        # "Kafka uses ZooKeeper", "Vitess relies on MySQL": a technology as the subject of
        # a use verb (rule 2: the fact is the technology's, not its owner's).
        if (
            e.type == "TECHNOLOGY"
            and i
            and ents[i - 1].type == "TECHNOLOGY"
            and TECH_USES.fullmatch(text[ents[i - 1].e : e.s])
            and _opens_clause(text, ents[i - 1].s)
        ):
            add(ents[i - 1].name, "uses", e.name, text, "verb:tech")
        # "BoltDB contention (Consul's backend)": the parenthesis names the part_owner of the
        # technology as its part, so the part_owner uses it (rule 3)
        if e.type == "TECHNOLOGY" and i + 1 < len(ents):
            part_owner = ents[i + 1]
            paren = rx.match(r"(?:\s+[\w-]+)?\s*\(\s*", text[e.e : part_owner.s])
            owned_mark = (
                None
                if paren is None or paren.end() != part_owner.s - e.e
                else _possessive_mark(part_owner, text[part_owner.e :])
            )
            if (
                owned_mark is not None
                and part_owner.type in ("TECHNOLOGY", "COMPANY")
                and rx.match(
                    r"\s*(?:[\w-]+\s+){0,2}?" + PART_NOUN + r"\s*\)",
                    text[part_owner.e + owned_mark :],
                )
            ):
                add(part_owner.name, "uses", e.name, text, "possessive:part")
        listed = i - 1 in on_heads and _continues_list(text[ents[i - 1].e : e.s])
        if (
            e.type == "TECHNOLOGY"
            and i
            and ents[i - 1].type == "TECHNOLOGY"
            and rx.fullmatch(r"\s+with\s+(?:a|an|its)\s+", text[ents[i - 1].e : e.s], rx.I)
            and _BACKEND.match(text, e.e)
        ):
            # "built on PowerDNS with a PostgreSQL backend": the store behind the system
            add(ents[i - 1].name, "uses", e.name, text, "modifier:on")
        if e.type == "TECHNOLOGY" and listed:
            # "built on Kafka, Flink and Iceberg": a list after the phrase shares its head
            add(on_heads[i - 1], "uses", e.name, text, "modifier")
            on_heads[i] = on_heads[i - 1]
        elif (
            e.type == "TECHNOLOGY"
            and i
            and ents[i - 1].type == "TECHNOLOGY"
            and rx.fullmatch(r"\s+on\s+", text[ents[i - 1].e : e.s])
            and text[e.e : e.e + 1] != "-"  # "Kafka on Kubernetes-based …": a compound
        ):
            # "Kafka on Kubernetes", "KServe or Knative on Kubernetes": one technology
            # deployed on another (the short form of "running on")
            add(ents[i - 1].name, "uses", e.name, text, "modifier:on")
            j = i - 1
            while (
                j
                and ents[j - 1].type == "TECHNOLOGY"
                and _continues_list(text[ents[j - 1].e : ents[j].s])
            ):
                j -= 1
                add(ents[j].name, "uses", e.name, text, "modifier:on")
        elif e.type == "TECHNOLOGY" and (
            ON_TECH.search(before[-60:]) or ON_TECH_EXAMPLES.search(before[-90:])
        ):
            prev = (
                _apposed_modifier(ents, i, text)
                or _appositive_head(ents, i, text)
                or _right_before(ents, i, text)
            )
            focus = _focus(state, unit) if prev is None else None
            owner = ents[i - 1] if i else None
            if prev is not None:
                add(prev.name, "uses", e.name, text, "modifier")
                on_heads[i] = prev.name
            elif (
                owner is not None
                and owner.type == "COMPANY"
                and rx.fullmatch(
                    # "Duolingo's backend was written in Python", "Shopify's search was
                    # built around Apache Solr": the company's own unnamed system (rule 3's
                    # possessive)
                    r"(?:['\u2019]s?\s+(?:[\w-]+\s+){0,2}?[\w-]+)?"
                    r"\s+(?:is|are|was|were|has been)\s+(?:\w+ly\s+)?" + ON_TECH.pattern[2:],
                    # a mention may hold its possessive ("Duolingo's")
                    ("'s" if rx.search(r"['\u2019]s?$", text[owner.s : owner.e]) else "")
                    + text[owner.e : e.s],
                    rx.I,
                )
            ):
                add(owner.name, "uses", e.name, text, "modifier")  # "GitHub is powered by MySQL"
                on_heads[i] = owner.name  # "… are written in Scala, Clojure, or JRuby"
            elif focus is not None:
                add(focus, "uses", e.name, text, "modifier:anaphora")
                on_heads[i] = focus
            elif (
                (
                    rx.search(
                        r"\b(?:uses|using|relies on|leverag\w*)\s+(?:the |a |an |its |their )?$",
                        before[-40:],
                        rx.I,
                    )
                    # "a blob storage service that uses AWS S3": the relative's subject is the
                    # unnamed system before it, not the company
                    and not rx.search(
                        r"\b(?:that|which)\s+(?:uses|relies on)\s+\S*\s*$", before[-40:]
                    )
                )
                or rx.search(
                    # "Airbnb built a new service mesh based on Envoy": the phrase is stated of
                    # the system the company's verb built, its own unnamed system
                    rf"\b{BUILD_VERB}\s+(?:a|an|its|their|our)\s+(?:[\w-]+\s+){{0,4}}?"
                    + ON_TECH.pattern[2:],
                    before[-100:],
                    rx.I,
                )
            ):
                # "written in Go" of an unnamed system is not the company's; "uses Go" is.
                actor = _subject(state, ents, i, text)
                # "features built with React Native vs identical features built using iOS":
                # the side of a comparison is not stated as used (rule 7)
                if (
                    actor
                    and not rx.search(r"\b(?:vs|versus)\b[^.;]*$", before, rx.I)
                    # "containers are implemented using Linux control groups": a general
                    # statement that names no company nor "we" is no one's use (rule 7)
                    and (any(f.type == "COMPANY" for f in ents) or ANAPHOR.search(text) is not None)
                ):
                    add(actor, "uses", e.name, text, "modifier")
                    on_heads[i] = actor
        # "T, a multi-tenant feature-flag service" / "T is a X" / "T (a X)".
        if e.type == "TECHNOLOGY" and nxt is not None and nxt.type == "CONCEPT":
            method = None
            if rx.match(
                r"^(?:(?:,|:| is| was| are|,? which is| —| -)\s*(?:a|an|the|its|our|their)\b|"
                r" \(\s*(?:a|an|the)?\b)(?:[^,.;()]|,(?!\s*(?:and|or|but|which|while|who|to)\b)){0,90}$",
                gap,
                rx.I,
            ) and not rx.match(r"^[,:(\s—-]*\w+ing\b", gap):  # "Go, building a …": a verb
                # "Envoy, a home-grown, self-contained proxy server": commas between the
                # adjectives are still one appositive. But "Kafka is the lifeblood of X" does
                # not say what Kafka is, unless the noun is a kind ("a form of X").
                if (
                    not rx.search(
                        # "Dynamo, a radical reimagining of inference infrastructure", "the
                        # difference between inference …": a noun of another relation
                        r"\b(?:a|an|the)\s+(?:[\w-]+\s+)?(?!(?:kind|type|form|sort|variant|"
                        r"implementation|family|class)\b)[\w-]+\s+(?:of|between|among)\b",
                        gap,
                        rx.I,
                    )
                    # "a metadata storage layer for their API gateway", "a search engine
                    # built on object storage": the concept is another's, or what T runs on
                    and not rx.search(
                        r"\bfor\s+(?:their|our|its|your|his|her)\b|\b(?:built|based|running|"
                        r"runs|backed|powered)\s+(?:on|by|atop)\b|\bon top of\b",
                        gap,
                        rx.I,
                    )
                    # "the system that got video into iPlayer was a monolith": the copula's
                    # subject is the noun before the preposition, not the technology
                    and not (
                        rx.match(r"\s+(?:is|was|are)\b", gap)
                        and rx.search(
                            r"\b(?:in|into|to|from|on|onto|with|for|of|by)\s+(?:the\s+)?$",
                            text[: e.s],
                            rx.I,
                        )
                    )
                    and not _relative_object(gap)
                    # "Despite the success of WordPress, the JAMstack …": the comma closes
                    # an opening clause, it does not appose
                    and not (gap.startswith(",") and rx.match(_OPENING_CLAUSE, text[: e.s], rx.I))
                    # "Kubernetes is a great choice for any distributed system": the
                    # concept is what it suits, the user's, not what it is
                    and not rx.search(
                        r"\b(?:choices?|fits?|options?|alternatives?|replacements?)\s+for\b",
                        gap,
                        rx.I,
                    )
                    # "Blackwell GPUs, a strong open source engine like SGLang": the noun
                    # phrase is the class of the examples after it, not an appositive of T
                    and not _CLASS_OF_EXAMPLES.match(text, nxt.e)
                    # "Backbone: A lesson in event-driven UI development": what the text
                    # is, not what the technology is
                    and not _TOPIC_NOUN.search(gap)
                    # "Ghost, a database specifically architected for AI agents": a plural
                    # after "for" names whom or what it serves, not what it is (rule 7)
                    and not (
                        # "… a building block for higher level distributed systems"
                        rx.search(r"\bfor\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", gap)
                        and rx.search(r"[a-z](?<![siu])s$", text[nxt.s : nxt.e])
                    )
                ):
                    method = "apposition"
            elif rx.match(
                r"^(?:\s+(?:has\s+|have\s+)?(?:established (?:itself|themselves)|serves?|served|"
                r"acts?|acted|functions?|functioned))?\s+as\s+(?:both\s+)?(?:a|an|the|its|their|our)\b"
                # "as a backbone for asynchronous communication between microservices": a
                # concept after "between", "of", "to" … is what the role links, not the role
                r"(?:(?!\s(?:between|of|with|to|across|among)\s)[^,.;()]){0,50}$",
                gap,
                rx.I,
            ):
                # "introduced Couchbase as a centralized storage tier cache", "OpenTelemetry
                # has established itself as the instrumentation standard": the role it has.
                method = "apposition:as"
            elif rx.match(
                r"^,?\s*(?:(?:is|are|was|were)\s+(?:\w+ly\s+)?used\s+(?:\w+ly\s+)?)?(?:for|to)\s+"
                r"[^,.;]{0,20}$",
                gap,
            ) and not (
                gap.lstrip().startswith("to")
                and (rx.search(rf"\b{USE_VERB}\s+$", before, rx.I) or ON_TECH.search(before[-40:]))
            ):
                # a purpose: "Mussel, to unify streaming …"; but in "used Envoy to rethink …",
                # "written in Python to …" the purpose is the user's, not the technology's.
                method = "modifier"
            if method == "modifier" and _modifies_noun(text, nxt.e):
                # "Hubble for event-driven certification": the purpose is the noun the
                # concept qualifies; the phrase is still Hubble's, not the company's.
                state.claimed.add(nxt.name)
                method = None
            if method:
                add(e.name, "applies", nxt.name, text, method)
                # the phrase's further concepts: "a Rust-based HTTP proxy", "X and Y"
                last = ents[i + 1]
                purpose = False
                for f in ents[i + 2 :]:
                    if f.type != "CONCEPT":
                        break
                    if rx.fullmatch(
                        r"\s*,?\s*(?:and\s+|or\s+)?(?:[\w-]+\s+){0,2}", text[last.e : f.s]
                    ):
                        add(e.name, "applies", f.name, text, f"{method}:for" if purpose else method)
                    elif (
                        method == "apposition"
                        and not purpose
                        and rx.fullmatch(
                            r"(?:\s+[\w-]+){0,2}\s+"
                            + SYSTEM_NOUN
                            + r"\s+for\s+(?:[a-z][\w-]*\s+)?",
                            text[last.e : f.s],
                        )
                    ):
                        # "Debezium is an open source platform for reliable change data
                        # capture": the purpose of what T is, T's own activity (rules 4, 7)
                        purpose = True
                        add(e.name, "applies", f.name, text, "apposition:for")
                    elif (
                        method == "apposition"
                        and (
                            # "Cheetah, a load balancer that supports advanced load balancing":
                            # what the apposed noun does is the technology's (rule 4)
                            rx.fullmatch(
                                r"(?:\s+[\w-]+){0,2}?,?\s+(?:that|which)\s+(?:supports?|provides?|"
                                r"implements?|offers?|performs?|enables?)\s+(?:[\w-]+\s+){0,2}",
                                text[last.e : f.s],
                            )
                            # "… service that's popular for use cases like X, Y and Z": each
                            or rx.fullmatch(
                                r"(?:\s+[\w'\u2019-]+){0,4}?\s+(?:for\s+)?use cases,?\s+"
                                r"(?:like|such as|including)\s+(?:[\w-]+\s+){0,1}",
                                text[last.e : f.s],
                            )
                        )
                    ):
                        add(e.name, "applies", f.name, text, "apposition")
                    else:
                        break
                    last = f
        # "Espresso, LinkedIn's distributed data store": the company's own system (rule 3),
        # of the concept's kind (rule 4).
        if (
            e.type == "TECHNOLOGY"
            and nxt is not None
            and nxt.type == "COMPANY"
            and rx.fullmatch(r"\s*(?:,|\s-|\s—|\()\s*", gap)  # "Espresso (LinkedIn's …)"
            and i + 2 < len(ents)
            and ents[i + 2].type == "CONCEPT"
        ):
            owned = text[nxt.e : ents[i + 2].s]
            mark = _possessive_mark(nxt, owned)
            # "Microsoft's globally distributed, multi-model database service": adjectives
            # between commas still qualify the one noun
            if mark is not None and rx.fullmatch(r"\s+(?:[\w-]+,?\s+){0,3}", owned[mark:]):
                add(e.name, "applies", ents[i + 2].name, text, "apposition")
                # each concept of such a comma chain qualifies it too ("globally
                # distributed, multi-model database")
                k = i + 2
                while (
                    k + 1 < len(ents)
                    and ents[k + 1].type == "CONCEPT"
                    and rx.fullmatch(r",\s+", text[ents[k].e : ents[k + 1].s])
                ):
                    k += 1
                    add(e.name, "applies", ents[k].name, text, "apposition")
                _owner(state, nxt.name, e, text)
        # "uMetric, Uber's internal unified metric platform": the company's own system
        # (rule 3), with no concept named.
        elif (
            e.type == "TECHNOLOGY"
            and nxt is not None
            and nxt.type == "COMPANY"
            and rx.fullmatch(r"\s*(?:,|\s-|\s—|\()\s*", gap)  # "Espresso (LinkedIn's …)"
            and not _named_after(e.name, nxt.name)
        ):
            mark = _possessive_mark(nxt, text[nxt.e :])
            if mark is not None and rx.match(
                r"\s+(?:[\w-]+\s+){0,4}?" + SYSTEM_NOUN + r"\b", text[nxt.e + mark :], rx.I
            ):
                _owner(state, nxt.name, e, text)
        # "X called T" / "X, T" (concept then tech apposition): T applies X.
        if e.type == "CONCEPT" and nxt is not None and nxt.type == "TECHNOLOGY":
            if (
                rx.match(
                    r"^(?:\s*\([^()]{1,15}\))?(?:\s+" + SYSTEM_NOUN + r")?"
                    r"(?:,|\s+called|\s+named|,\s+called|\s*\(|\s*,?\s*codenamed)"
                    r"\s*\"?$",
                    gap,
                    rx.I,
                )
                and not _in_list(unit, i, i + 1)
                and not _qualifies_next(text, nxt.e)
                # "PostgreSQL for persistent storage, RabbitMQ for messaging": the comma
                # parts two "T for X" items of a list; the concept is the one before's
                and not (
                    gap.strip() == ","
                    and rx.search(r"\bfor\s+(?:[\w-]+\s+){0,2}$", text[: e.s], rx.I)
                    and rx.match(r"\s+for\b", text[nxt.e :], rx.I)
                )
                # "… consumer protocol, Streams applications are …": T qualifies a plural
                and not rx.match(r"\s+[a-z]+s\s+(?:are|were|have|can|will|do)\b", text[nxt.e :])
                # "Instead of creating files for every micro-batch, DuckLake stores …": the
                # comma closes an opening clause, it does not appose
                and not rx.match(_OPENING_CLAUSE, text[: e.s], rx.I)
                # "unpatched firewalls (ZDNet, Sep 09 2019)": a digest's source and date
                and not rx.match(r"\s*,\s*(?:[A-Z][a-z]{2,8}\.?\s+)?\d", text[nxt.e :])
            ):
                add(nxt.name, "applies", e.name, text, "apposition")
                # "a multi-tenant key-value store (Mussel)": the concepts that qualify the
                # apposed noun are the named technology's too (rule 5)
                j = i
                while (
                    j > 0
                    and ents[j - 1].type == "CONCEPT"
                    and rx.fullmatch(r"\s+", text[ents[j - 1].e : ents[j].s])
                ):
                    j -= 1
                    add(nxt.name, "applies", ents[j].name, text, "apposition")
                # "Airbnb's … store (Mussel)": the company's own system (rule 3)
                if j > 0 and ents[j - 1].type == "COMPANY":
                    mark = _possessive_mark(ents[j - 1], text[ents[j - 1].e : ents[j].s])
                    # "Datadog's third-generation event store, Husky": adjectives between
                    if mark is not None and rx.fullmatch(
                        r"\s*(?:[\w-]+\s+){0,2}", text[ents[j - 1].e + mark : ents[j].s]
                    ):
                        add(ents[j - 1].name, "uses", nxt.name, text, "possessive")
            # "builds inverted indexes with Tantivy": the concept is realised by the
            # technology (rule 5).
            elif rx.fullmatch(r"\s+(?:with|using|via)\s+", gap, rx.I):
                add(nxt.name, "applies", e.name, text, "modifier")
            if rx.match(r"^,? ?(?:such as|like|including)\s*$", gap, rx.I):
                # "data warehouses such as Apache Hive and Snowflake": examples count as "is
                # a" (rule 4), every one of the list. Not when the concept only qualifies the
                # class noun before the list ("open source tools including Docker, Mesos",
                # "open-source projects like PostHog"): on sets the rule was not written for
                # those were wrong each time (0 of 6), the class is not the concept.
                for f in _list_at(unit, nxt.s, len(text)):
                    if f.type == "TECHNOLOGY":
                        add(f.name, "applies", e.name, text, "apposition")
        if (
            e.type == "CONCEPT"
            and nxt is not None
            and nxt.type == "TECHNOLOGY"
            and rx.fullmatch(r"\s+(?:is|was|remains)\s+(?:still\s+)?(?:the\s+)?", gap)
            and rx.search(
                r"\bthe\s+(?:most\s+(?:\w+ly\s+)?[\w-]+|[a-z]+est|leading|dominant|default|"
                r"de facto|standard|best-known)\s+(?:[a-z][\w-]*\s+)?$",
                text[: e.s],
                rx.I,
            )
            and not rx.match(r"[-\w]", text[nxt.e : nxt.e + 1])
        ):
            # "The most widely used CMS is WordPress", "the default storage engine is
            # InnoDB": the copula read backwards (rule 4)
            add(nxt.name, "applies", e.name, text, "apposition:copula")
        if (
            e.type == "CONCEPT"
            and nxt is not None
            and nxt.type == "COMPANY"
            and rx.match(r"^,? ?(?:such as|like|including)\s*$", gap, rx.I)
            and _possessive_mark(nxt, text[nxt.e :]) is not None
        ):
            # "language models such as Anthropic's Claude, Amazon Nova and Amazon Bedrock":
            # an example named with its vendor is still an example of the class (rule 4)
            for f in _list_at(unit, nxt.s, len(text)):
                if f.type == "TECHNOLOGY":
                    add(f.name, "applies", e.name, text, "apposition:vendor")
    _named_concept(state, unit)
    _in_production(state, unit)
    if unit.field == "title":
        _title_gerund(state, unit)
        _title_at(state, unit)
        _title_colon(state, unit)
        _title_runs_on(state, unit)
        relations_applies.title_with(state, unit)
    _migrations(state, unit, low)
    _verbs(state, unit)
    _users_by_class(state, unit)
    _use_lists(state, unit)
    _powers(state, unit)
    _named_product(state, unit)
    _builds_concept(state, unit)
    _applies_verb(state, unit)
    _category_members(state, unit)  # after the verbs, which give the kind its head
    _stored_in_examples(state, unit)


# between two members in a category's parenthesis: "(RocksDB, LMDB)", "(S3/GCS)"
_MEMBER_SEP = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|/|\s(?:and|or)\s+)\s*")


def _category_members(state: _Post, unit: _Unit) -> None:
    """ "storage engines (RocksDB, LMDB)", "object storage (S3/GCS)": the named members in
    parentheses after a kind are each of that kind (rule 4's list of examples), and what
    the kind was used as by its head is the members' use (rule 5: the concept goes to the
    technologies, the head uses them)."""
    text, ents = unit.text, unit.ents
    for i, x in enumerate(ents[:-1]):
        opened = rx.match(r"\s*\(", text[x.e :])
        if x.type != "CONCEPT" or opened is None:
            continue
        start = x.e + opened.end()
        end = text.find(")", start)
        items = _MEMBER_SEP.split(text[start:end].strip()) if end > 0 else []
        members = [f for f in ents[i + 1 :] if f.s >= start and f.e <= end]
        # a list of several names, the named ones technologies (one a mention may have
        # missed: "(XtraDB, PBXT, Maria)"); the kind a plural noun or the members
        # alternatives ("S3/GCS"): "platform auth (Steam, Xbox)" names platforms, not kinds
        # of auth
        if (
            len(items) < 2
            or not members
            or any(f.type != "TECHNOLOGY" for f in members)
            or not all(
                rx.fullmatch(r"[A-Z0-9][\w.+#-]*(?:\s[A-Z0-9][\w.+#-]*){0,2}", t) for t in items
            )
            # "firewalls (ZDNet, Sep 09 2019)": a digest's source and date, no members
            or any(rx.match(r"(?:[A-Z][a-z]{2,8}\.?\s+)?\d", t) for t in items)
            or not (rx.search(r"[a-z](?<![su])s$", text[x.s : x.e]) or "/" in text[start:end])
        ):
            continue
        names = {f.name for f in members}
        sentence = state.raw.get(text, text)
        heads = [
            h
            for (h, typ, t), how in state.proposed.items()
            if typ == "applies"
            and t == x.name
            and h not in names
            and any(m.startswith(("verb:", "modifier")) and said == sentence for m, said in how)
        ]
        for f in members:
            state.add(f.name, "applies", x.name, text, "apposition")
            for h in heads:
                state.add(h, "uses", f.name, text, "modifier")


# "stores backup data in cloud storage (", "can now write to tiered storage (": a verb of
# keeping data, its place, and the parenthesis that names examples of the place
_STORED_IN = re.compile(
    r"\b(?:stor(?:es|ed|ing)|keeps|kept|persist(?:s|ed)?|writes|wrote|write|sav(?:es|ed)|"
    r"offloads?|offloaded|archives|archived)\b[^;:.,()]{0,60}?\s(?:in|inside|into|to|on|onto)\s"
    r"[^;:.,()]{1,50}\(\s*(?:[\w-]+\s+){0,2}(?:e\.g\.,?|like|such as|including)\s*$",
    rx.I,
)


def _stored_in_examples(state: _Post, unit: _Unit) -> None:
    """ "It stores backup data in cloud storage (e.g. Amazon S3 or Google Cloud Storage)",
    "DuckLake stores small inserts … inside a catalog database (like PostgreSQL or SQLite)":
    the system that keeps its data in a place uses each example of the place named in
    parentheses (rule 4's examples; the place is what it runs on)."""
    text, ents = unit.text, unit.ents
    for i, f in enumerate(ents):
        if f.type != "TECHNOLOGY" or not rx.search(r"\(", text[max(0, f.s - 80) : f.s]):
            continue
        stored = _STORED_IN.search(text[max(0, f.s - 200) : f.s])
        if stored is None:
            continue
        verb_at = f.s - len(text[max(0, f.s - 200) : f.s]) + stored.start()
        # the keeper: the technology right before the verb ("DuckLake stores", "It stores",
        # "Kafka can now write"), or the sentence's subject whose relative clause it is
        # ("SlateDB is … an LSM-tree that stores")
        keeper = next(
            (
                e
                for e in reversed(ents[:i])
                if e.e <= verb_at
                and e.type == "TECHNOLOGY"
                and rx.fullmatch(
                    r"\s+(?:(?:can|could|now|also|then|\w+ly)\s+){0,3}", text[e.e : verb_at]
                )
            ),
            None,
        )
        if keeper is None and rx.search(r"\b(?:that|which)\s+$", text[:verb_at]):
            keeper = _subject_tech(unit)
        if keeper is None or keeper.e > verb_at:
            continue
        run = [f]
        for g in ents[i + 1 :]:
            if g.type != "TECHNOLOGY" or not _MEMBER_SEP.fullmatch(text, run[-1].e, g.s):
                break
            run.append(g)
        if not rx.match(r"\s*\)", text[run[-1].e :]):
            continue
        for g in run:
            state.add(keeper.name, "uses", g.name, text, "modifier")


def _named_concept(state: _Post, unit: _Unit) -> None:
    """ "the Vespa search engine", "Cilium service mesh", "Docker containers": a technology's
    name right before a concept noun names the thing of that kind it is or realises (rules
    4 and 5), as "Paxos consensus" does."""
    text, ents = unit.text, unit.ents
    for k, (e, nxt) in enumerate(itertools.pairwise(ents)):
        if (
            e.type == "TECHNOLOGY"
            and nxt.type == "CONCEPT"
            and text[e.e : nxt.s] == " "
            and k > 0
            and ents[k - 1].type == "TECHNOLOGY"
            and _LIST_SEP.fullmatch(text[ents[k - 1].e : e.s])
            and rx.search(r"[a-z][^s]s$", text[nxt.s : nxt.e])
            and not _modifies_noun(text, nxt.e)
        ):
            # "the ZFS and Btrfs file systems": a plural kind after a list of names says what
            # each of them is (rule 4)
            run = [e]
            j = k - 1
            while (
                j >= 0
                and ents[j].type == "TECHNOLOGY"
                and _LIST_SEP.fullmatch(text[ents[j].e : run[-1].s])
            ):
                run.append(ents[j])
                j -= 1
            for t in run:
                if not relations_applies._carrier(state, t.name):
                    state.add(t.name, "applies", nxt.name, text, "compound:named")
            continue
        if (
            e.type == "TECHNOLOGY"
            and nxt.type == "CONCEPT"
            and text[e.e : nxt.s] == " "
            # "a new RabbitMQ message broker service": an adjective may come first
            and rx.search(r"\b(?:the|a|an)\s+(?:(?:new|own|single|custom)\s+)?$", text[: e.s], rx.I)
            and rx.match(r"\s+" + SYSTEM_NOUN + r"\b", text[nxt.e :])
            # "a Rust based ingestion service": an unhyphenated compound, not a kind
            and not rx.match(r"(?:based|backed|powered|native|driven)\b", text[nxt.s :], rx.I)
        ):
            # "the TeamViewer remote access tool": the noun after the concept says what the
            # named technology is, a tool of that concept (rule 4, "T is a X"); not "a Kotlin
            # microservice": a language only says what it is written in
            if not relations_applies._carrier(state, e.name):
                state.add(e.name, "applies", nxt.name, text, "compound:named")
            continue
        if (
            e.type != "TECHNOLOGY"
            or nxt.type != "CONCEPT"
            or text[e.e : nxt.s] != " "
            or _modifies_noun(text, nxt.e)
            or rx.search(r"['\u2019]s?$|-$", text[e.s : e.e])
            or not state.kind_of(e, nxt.name)
        ):
            continue
        state.add(e.name, "applies", nxt.name, text, "compound:named")


def _title_gerund(state: _Post, unit: _Unit) -> None:
    """A title that says what was done to a named system: "Applying CircuitBreaker to
    Channel Gateway" (the system applies the concept), "Speeding T with Message Queuing",
    "Scaling T with U" (the system applies the concept, or uses the technology)."""
    text, ents = unit.text, unit.ents
    for a, b in itertools.pairwise(ents):
        lead = text[: a.s]
        gap = text[a.e : b.s]
        if (
            a.type == "CONCEPT"
            and b.type == "TECHNOLOGY"
            and rx.fullmatch(
                r"\s*(?:How\s+(?:we|to)\s+)?(?:Apply|Implement|Add|Bring|Introduc)\w*\s+"
                r"(?:the\s+|a\s+|an\s+)?",
                lead,
                rx.I,
            )
            and rx.fullmatch(r"\s+(?:to|in|into|on)\s+(?:the\s+|our\s+)?", gap, rx.I)
        ):
            state.add(b.name, "applies", a.name, text, "title:gerund")
        elif (
            a.type == "TECHNOLOGY"
            and rx.fullmatch(r"\s*(?:How\s+(?:we|to)\s+)?[A-Z][a-z]+ing\s+(?:the\s+|our\s+)?", lead)
            # "Replacing T with U", "Swapping T with U": a migration (rule 6), not a use
            and not rx.match(r"\s*(?:How\s+(?:we|to)\s+)?(?:Replac|Swapp|Substitut)ing\b", lead)
            and rx.fullmatch(r"\s+with\s+(?:the\s+|a\s+|an\s+)?", gap, rx.I)
            and not COMPOUND.match(text[b.e :])
        ):
            typ = "applies" if b.type == "CONCEPT" else "uses"
            state.add(a.name, typ, b.name, text, "title:gerund")


def _in_production(state: _Post, unit: _Unit) -> None:
    """ "Rust in Production at Figma", "Brooklin - a … service - has been running in
    production at LinkedIn": the company runs the technology the phrase is said of, the one
    right before it or the sentence's subject."""
    text, ents = unit.text, unit.ents
    if "production" not in text.lower():
        return
    for i, c in enumerate(ents):
        if c.type != "COMPANY" or not rx.search(
            r"\bin production (?:at|by)\s+$", text[: c.s], rx.I
        ):
            continue
        phrase = rx.search(
            r"(?:\s+(?:running|deployed|used))?\s+in production (?:at|by)\s+$", text[: c.s], rx.I
        )
        before = [e for e in ents[:i] if e.e <= phrase.start()]
        tech = None
        if before and before[-1].type == "TECHNOLOGY" and before[-1].e == phrase.start():
            tech = before[-1]
        elif rx.search(r"\b(?:has been|have been|is|are|was|were)\s*$", text[: phrase.start()]):
            tech = _subject_tech(unit)
            if tech is None and ents[0].type == "TECHNOLOGY" and not text[: ents[0].s].strip():
                tech = ents[0]  # "Brooklin - a … service - has been running …"
        if tech is not None:
            state.add(c.name, "uses", tech.name, text, "verb:passive")


_ROLE = re.compile(
    r"\b(?:lead|developers?|engineers?|managers?|architects?|designers?|interns?|advocates?|"
    r"scientists?|specialists?|directors?|head)\b",
    rx.I,
)


def _title_at(state: _Post, unit: _Unit) -> None:
    """ "Kafka at Yelp", "Scaling Elasticsearch Clusters at Shopify", "Kafka and Flink at
    Uber": a title that names a technology at a company says the company runs it (the
    title names what the summary describes, rule 1; "T, deployed at C" in a title's words)."""
    text, ents = unit.text, unit.ents
    for k, c in enumerate(ents):
        # "@" is a headline's "at" ("Kafka @ Uber")
        at_mark = rx.search(r"(?:\bat|@)\s+$", text[: c.s], rx.I)
        if c.type != "COMPANY" or at_mark is None:
            continue
        # "Logging at OLX with ClickHouse", "Search at Petrel using Quiver and Tidewater":
        # what the company does its work with, named after it
        after = rx.match(r"\s+(?:with|using|on|via)\s+(?:the\s+)?", text[c.e :], rx.I)
        if after is not None:
            for f in _list_at(unit, c.e + after.end(), len(text)):
                if f.type == "TECHNOLOGY" and not COMPOUND.match(text[f.e :]):
                    state.add(c.name, "uses", f.name, text, "title:at")
        at = text[: at_mark.start()].rstrip()
        techs = [f for f in ents[:k] if f.type == "TECHNOLOGY" and f.e <= len(at)]
        if not techs or any(
            f.type == "COMPANY" or (f.type == "CONCEPT" and f.s > techs[-1].e) for f in ents[:k]
        ):
            continue
        last = techs[-1]
        # the technology, or a noun or two of its ("Kafka clusters", "Elasticsearch indexes",
        # in headline case "ZooKeeper Resilience")
        if not rx.fullmatch(r"(?:\s+[A-Za-z][\w-]*){0,2}", at[last.e :]):
            continue
        if _ROLE.search(at[last.e :]):
            continue  # "Android Developer and Android Competence Lead at Wolt": a person's job
        group = [last]
        for f in reversed(techs[:-1]):
            if not rx.fullmatch(r"\s*(?:,|and|&|\+)\s*(?:and\s+)?", text[f.e : group[-1].s]):
                break
            group.append(f)
        # "… with Apache Pinot at LinkedIn and Uber": each company of the list
        for company in _companies_at(unit, c.s) or [c]:
            for f in group:
                state.add(company.name, "uses", f.name, text, "title:at")


def _title_colon(state: _Post, unit: _Unit) -> None:
    """ "Raft: In Search of an Understandable Consensus Algorithm", "SPIFFE: Zero Trust
    Workload Identification": a title that opens with a technology and a colon describes it
    in the subtitle (rule 4, "T: A X"), so T applies the subtitle's first concepts."""
    text, ents = unit.text, unit.ents
    if len(ents) < 2 or ents[0].type != "TECHNOLOGY":
        return
    tech = ents[0]
    colon = rx.match(r"(?:['\u2019]s)?(?:\s+[\w.-]+)?\s*:\s+", text[tech.e :])
    if text[: tech.s].strip() or colon is None:
        return
    start = tech.e + colon.end()
    for f in ents[1:]:
        if f.type != "CONCEPT":
            return
        if len(rx.findall(r"[\w'-]+", text[start : f.s])) > 5:
            return
        if _relative_object(" " + text[tech.e + colon.end() : f.s]):
            return  # "The Tricks That Broke the Memory Wall": what the tricks act on
        if _TOPIC_NOUN.search(text[start : f.s]):
            return  # "Straightening our Backbone: A lesson in event-driven UI development"
        nxt = ents[ents.index(f) + 1] if f is not ents[-1] else None
        if not (nxt is not None and nxt.type == "CONCEPT" and not text[f.e : nxt.s].strip()):
            # not "Distributed Systems Consensus": a concept that qualifies the next one
            state.add(tech.name, "applies", f.name, text, "apposition:title")
        start = f.e


def _title_runs_on(state: _Post, unit: _Unit) -> None:
    """ "Katalyst: A QoS-based resource management system for workload colocation on
    Kubernetes", "llm-d: Scalable, Efficient LLM Inference in Kubernetes": a title that opens
    with a technology and says in its subtitle what it does on or in another one names the
    platform the first runs on (rule 4's "T: A X", with the "running on" of rule 1)."""
    text, ents = unit.text, unit.ents
    if len(ents) < 2 or ents[0].type != "TECHNOLOGY" or text[: ents[0].s].strip():
        return
    tech = ents[0]
    colon = rx.match(r"\s*:\s+", text[tech.e :])
    if colon is None:
        return
    for f in ents[1:]:
        if f.type == "COMPANY":
            return
        if f.type != "TECHNOLOGY":
            continue
        if rx.search(r"\b(?:on|in|atop)\s+$", text[: f.s]) and not rx.match(
            r"[-\w]", text[f.e : f.e + 1]
        ):
            state.add(tech.name, "uses", f.name, text, "modifier:on")
        return


# A subtitle about the post, not about what the technology is: "A lesson in X", "A deep
# dive into X", "Lessons from X".
_TOPIC_NOUN = re.compile(
    r"\b(?:lessons?|guide|look|story|stories|journey|tale|dive|introduction|primer|tour|"
    r"retrospective|tutorial|walkthrough|overview|notes|thoughts|case study|adventures?)\s+"
    r"(?:in|into|to|at|of|on|from|about|with|for|through)\b",
    rx.I,
)


# Between the names of a list: "ZFS and Btrfs", "Kafka, Flink or Spark".
_LIST_SEP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+")


# After a concept: the rest of its noun phrase, then examples of it ("engine like SGLang").
_CLASS_OF_EXAMPLES = re.compile(
    r"(?:\s+(?!(?:for|of|to|in|on|at|with|by|from|that|which|and|or|is|are)\b)[a-z][\w-]*){0,3}"
    r",?\s+(?:like|such as|including)\s+[A-Z]"
)


# The part a technology plays behind another: "with a PostgreSQL backend".
_BACKEND = re.compile(
    r"\s+(?:back[- ]?ends?|storage(?:\s+(?:back[- ]?end|layer|engine))?|store|data\s?store|"
    r"persistence\s+layer)\b",
    rx.I,
)


# A clause that opens a sentence before its subject ("Instead of …, T stores"); "As a
# distributed system, Kafka …" is left out: that one does say what T is.
_OPENING_CLAUSE = (
    r"\s*(?:instead of|after|before|when|while|if|by|unlike|although|because|since|once|"
    r"to|for|with|in order to|despite|besides|apart from|compared (?:to|with))\b[^,;]*$"
)


# "the open sourcing of Dicer, Databricks' auto-sharding system": only a system's owner
# opens its source, so the apposed company built it (rule 1), and a post that says so
# gives no `uses` (rule 3).
_OPENED = re.compile(r"\bopen[- ]?sourc(?:ed|es|ing)\s+(?:of\s+)?$", rx.I)


def _owner(state: _Post, company: str, tech, text: str) -> None:
    """The company's own system, apposed as "T, C's X": built when the sentence says C
    opened T's source ("the open sourcing of T, C's …", "T, C's open-sourced …"); used when
    C is the post's company (rule 3). Said of another company ("converting our app to
    Flutter, Google's framework for …"), the apposition names T's vendor, not a user."""
    if (
        _OPENED.search(text[: tech.s])
        or _OPENED_OWN.match(text[tech.e :])
        # "Building Pitaya, Wildlife's own game server framework", "Introducing Quiver,
        # Lumio's feature-flag service": the object of a build verb, apposed to its owner
        or rx.search(rf"\b{BUILD_VERB}\s+(?:the\s+)?$", text[: tech.s], rx.I)
    ):
        state.add(company, "built", tech.name, text, "built:verb")
    elif company == state.actor:
        state.add(company, "uses", tech.name, text, "possessive")


# "Bazel, Google's open-sourced monorepo build system": the possessor opened its source.
_OPENED_OWN = re.compile(
    r"\s*(?:,|\s-|\s—|\()\s*[^,;()]{1,60}?['\u2019]s?\s+(?:[\w-]+\s+)?open[- ]?sourced\b", rx.I
)
