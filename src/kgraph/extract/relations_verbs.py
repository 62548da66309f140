"""Verb rules: ``C built T``, ``C uses T``, ``T uses U``, ``C employs the X pattern``, ``T
powers C's …`` (RELATION-RULES rules 1-4)."""

from __future__ import annotations

import re

from kgraph.extract import relations_applies, rx
from kgraph.extract.relations_clauses import (
    _LINKS,
    _actor_before,
    _another_verb,
    _apposed_tech,
    _clause_heads,
    _clause_subject,
    _companies_at,
    _few_words_between,
    _has_subject,
    _list_at,
    _next_company_gap,
    _opens_clause,
    _possessive_mark,
    _verb_end,
)
from kgraph.extract.relations_post import _named_after, _Post, _same_company, _Unit
from kgraph.extract.relations_words import (
    ANAPHOR,
    AVOIDED,
    BUILD_STEM,
    BUILD_VERB,
    CODE_NOUN,
    COMPOUND,
    DEPLOYMENT,
    LIKENESS,
    NEGATED,
    OTHERS_USE,
    PART_NOUN,
    PLUGIN,
    SYSTEM_NOUN,
    UNSTATED_USE,
    USE_VERB,
)

# between two items of one list: a comma, "and" or "or", after an item's own parenthesis
# ("Amazon Simple Storage Service (Amazon S3), Amazon EMR", "Redis (caching), RabbitMQ")
# or the item's name in parentheses after it ("Amazon Elastic Compute Cloud (Amazon EC2)")
LIST_ITEM_GAP = re.compile(
    r"\s*\(\s*|\)?\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)(?:the\s+)?"
)


def _verbs(state: _Post, unit: _Unit) -> None:
    """ "C built T", "C uses T, U and V", "C implements X": a company's verb and its objects."""
    text, ents = unit.text, unit.ents
    add = state.add
    # Most sentences have no building verb: the three searches for one before each
    # technology (each a window of this text) are skipped there, with the same answer.
    builds = BUILD_STEM.search(text) is not None
    if builds:
        _fronted_maker(state, unit)
    # the users of the last object of a use verb and where it ends: a long list ("leverages
    # Amazon Elastic Compute Cloud (Amazon EC2), Amazon Kinesis, …, and Spark") runs past the
    # window the verb is looked for in, and each further item is an object too
    listed: tuple[list[str], int] | None = None
    for i, e in enumerate(ents):
        if e.type != "TECHNOLOGY" or LIKENESS.match(text[e.e :]):
            continue  # "a Kafka-compatible queue" uses no Kafka (rule 7)
        if listed is not None:
            users, end = listed
            listed = None
            if LIST_ITEM_GAP.fullmatch(text, end, e.s) and not COMPOUND.match(text[e.e :]):
                for who in users:
                    add(who, "uses", e.name, text, "verb:use")
                listed = (users, e.e)
                continue
        head = None
        window = text[max(0, e.s - 70) : e.s]
        # a full stop ends a clause, not the one inside "2.0" or "Node.js"
        clause = rx.split(r"[;:]|\.(?!\w)|, (?:while|but|and then|which)\b", window)[-1]
        # "T, built by C", "T is used by C": the company follows, no subject is needed
        if rx.match(
            # "Roshi—a CRDT system built at SoundCloud", "Deno Deploy, the hosting service
            # made by Deno", "StatsD, the open source software we built at Etsy"
            # "Elasticsearch, a wildly successful open source search engine developed by
            # Elastic": the appositive may be a long noun phrase
            # "PolarDB, a cloud-native relational database, developed by Alibaba Cloud": the
            # appositive may close with its own comma
            r"^(?:,|\s*[\u2014\u2013-])?\s*(?:(?:is|was)\s+)?(?:(?:an?|the)\s+[^,;]{0,60}?(?:,\s*)?)?"
            r"(?:originally\s+)?(?:(?:we|they)\s+)?(?:built|developed|created|"
            r"open[- ]?sourced|designed|made)\s+(?:by|at)\s+$",
            text[e.e : e.e + 90].split("COMPANY")[0][: _next_company_gap(unit, i)],
            rx.I,
        ):
            company = next(f for f in ents[i + 1 :] if f.type == "COMPANY")
            add(company.name, "built", e.name, text, "built:passive")
            used = rx.match(
                r"\s+and\s+(?:(?:is|was|are|were)\s+)?(?:(?:\w+ly|also)\s+)?(?:used|adopted|"
                r"deployed|run)\s+(?:(?:\w+ly|also)\s+)?(?:by|at)\s+",
                text[company.e :],
            )
            if used:
                # "designed by LinkedIn and used also at Twitter and Square": each user of
                # the list (rule 8)
                for user in _companies_at(unit, company.e + used.end()):
                    add(user.name, "uses", e.name, text, "verb:passive")
            continue
        passive = rx.match(
            # "It's powerful, and is used by companies like Google, Uber, and Dropbox": a
            # short coordinated predicate before, a class noun of the users between
            r"^(?:(?:['\u2019]s|\s+(?:is|was|are|were))\s+[\w-]+,?\s+and\s+)?"
            r",?\s*(?:(?:is|was|are|were|has been|have been)\s+)?(?:\w+ly\s+)?(?:used|adopted|"
            r"deployed|run|relied on|leveraged|employed|operated)\s+(?:(?:\w+ly|also)\s+)?"
            r"(?:by|at)\s+(?:(?:many|major|large|leading|other|tech)\s+)?(?:(?:companies|"
            r"organi[sz]ations|teams|firms|enterprises|applications|businesses|adopters)\s+"
            r"(?:like|such\s+as|including)\s+)?$",
            text[e.e : e.e + _next_company_gap(unit, i)],
            rx.I,
        )
        if passive:
            # "used also at Twitter and Square": every company of the list (rule 8)
            for company in _companies_at(unit, e.e + passive.end()):
                add(company.name, "uses", e.name, text, "verb:passive")
            continue
        subject = _clause_heads(state, unit, i)
        if not subject:
            continue
        clause2 = text[max(0, e.s - 120) : e.s]
        if (
            builds
            and rx.search(
                rf"\b{BUILD_VERB}\b[^.;]{{0,80}}\b(?:called|named|codenamed)\s*(?:the\s+)?[\"“(]*$",
                clause2,
                rx.I,
            )
            and _has_subject(unit, i)
        ):
            add(subject, "built", e.name, text, "built:called")
            continue
        # "Databricks introduced a new tool for companies to govern their data: Unity
        # Catalog": the name after the colon is the built object's (rule 4's apposition)
        colon = (
            rx.search(
                rf"\b{BUILD_VERB}\s+(?:a|an|the|its|their|our)\s+[^.;:,]{{0,80}}:\s*[\"“]?$",
                clause2,
                rx.I,
            )
            if builds
            else None
        )
        if (
            colon is not None
            and not any(
                f.type in ("TECHNOLOGY", "COMPANY")
                and e.s - len(clause2) + colon.start() < f.s < e.s
                for f in ents
            )
            and _has_subject(unit, i)
        ):
            add(subject, "built", e.name, text, "built:called")
            continue
        verb = (
            rx.search(
                rf"\b{BUILD_VERB}\s+(?:\([^()]{{1,30}}\)\s+)?"  # "open-sourced (Apache 2.0) their"
                r"(?:(?:its|their|our|a|an|the|new|own|internal|in-house)\s+)*"
                # "developed the widely-used, open source metrics project Thanos": a kind
                # noun right before the name may close a run of four modifiers
                r"(?:[\w-]+[\s,]+){0,4}?(?:(?:projects?|" + SYSTEM_NOUN + r")\s+)?"
                r"(?:called\s+|named\s+|codenamed\s+)?[\"“]?$",
                clause,
                rx.I,
            )
            if builds
            else None
        )
        if (
            (
                verb
                and _actor_before(unit, e.s - len(clause) + verb.start())
                and not rx.search(
                    r"\b(?:built|developed|designed) (?:on|atop|around|with|in|using|for|to)\b",
                    clause,
                    rx.I,
                )
            )
            and not rx.search(r"\b(?:designed|made|built) (?:for|to)\b", clause, rx.I)
            and not rx.search(
                r"\b(?:on|atop|around|with|in|using|by)\s+(?:the |a |an )?$", clause, rx.I
            )
        ):
            # "launched GPU inference", "a Zig-based scheduler": the tech only qualifies
            # what was built; and the object is the first technology after the verb.
            # "rewrote their Ruby on Rails API": the tech names the kind of thing built
            qualifies = (
                COMPOUND.match(text[e.e :])
                or (
                    i + 1 < len(ents)
                    and ents[i + 1].type == "CONCEPT"
                    and rx.fullmatch(r"\s*(?:\d+(?:\.\d+)?\s*)?", text[e.e : ents[i + 1].s])
                )
                or rx.match(r"\s+" + CODE_NOUN + r"\b", text[e.e :], rx.I)
            )
            verb_at = e.s - len(clause) + verb.start()
            earlier = any(f.type == "TECHNOLOGY" and verb_at <= f.s < e.s for f in ents)
            # "developed an approach using Streaming SQL": the tech is not the object;
            # "building JSON APIs": it names the kind of thing built, not the thing.
            indirect = rx.search(
                r"\b(?:using|with|in|on|atop|around|for|via|by|from|into|to|through)\s+",
                verb.group(0),
                rx.I,
            ) or rx.match(
                r"\s+(?!(?:and|or|as|its|was|has|is)\b)(?:[a-z]\w*s|[A-Z]{2,}s)\b", text[e.e :]
            )
            # "we introduced HBase into Pinterest": adopted, not built
            adopted = rx.match(r"\s+(?:(?:in)?to|as)\b", text[e.e :]) and rx.search(
                r"introduc", verb.group(0), rx.I
            )
            if adopted and not qualifies and not earlier:
                add(subject, "uses", e.name, text, "verb:use")
            if not qualifies and not earlier and not indirect and not adopted:
                # "Lyft open-sourced Envoy": only a system's owner can open-source it, and
                # "LinkedIn developed Apache Kafka" names its author, so a curated name no
                # other company makes is the company's own (rule 1's list). "launched our
                # first Kafka cluster" still builds a deployment.
                opened = (
                    rx.match(r"open[- ]?sourc", verb.group(0), rx.I)
                    or rx.fullmatch(
                        r"(?:developed|created|invented|co-?created)\s+", verb.group(0), rx.I
                    )
                ) and (state.maker(e) == "" or _same_company(state.maker(e), subject))
                # "Uber created the Apache Hudi project": a project is its creator's, even
                # when a foundation keeps it now; "developed the widely-used, open source
                # metrics project Thanos" names the project before it
                opened = (
                    opened
                    or (
                        rx.fullmatch(
                            r"(?:developed|created|started|co-?created)\s+the\s+",
                            verb.group(0),
                            rx.I,
                        )
                        and rx.match(r"\s+project\b", text[e.e :], rx.I)
                    )
                    or rx.fullmatch(
                        r"(?:developed|created|started|co-?created)\s+the\s+.*\bproject\s+",
                        verb.group(0),
                        rx.I,
                    )
                )
                if not opened and (
                    state.known_elsewhere(subject, e) or DEPLOYMENT.match(text[e.e :])
                ):
                    # "launched our first Kafka cluster", "building the Flink platform at
                    # OpenAI": what was built is a deployment of it, which the company runs.
                    add(subject, "uses", e.name, text, "built:deployment")
                else:
                    add(subject, "built", e.name, text, "built:verb")
                continue
        if (
            rx.search(
                r"\b(?:home-?grown|in-house|internal|its own|their own|our own)\b[^,;]{0,30}$",
                clause,
                rx.I,
            )
            # the building is said in the same clause: "integrating with Kafka and internal
            # KVstore" does not say who built the store (rule 3)
            and rx.search(BUILD_VERB, clause, rx.I)
            # "an In-House Kubernetes Canary Controller": a well-known technology only
            # names the kind of thing built in-house
            and not state.known_elsewhere(subject, e)
            # "their own datastores using PostgreSQL": built with it, not it
            and not rx.search(
                r"\b(?:using|with|on|atop|in|around|via)\s+(?:the |a |an )?$", clause, rx.I
            )
        ):
            add(subject, "built", e.name, text, "built:own")
            continue
        head = subject
        if rx.search(r"\bupgrad\w*\s+(?:[\w,-]+\s+){0,4}$", clause, rx.I) and not rx.match(
            r"\s+(?:to|onto)\s", text[e.e :], rx.I
        ):
            add(subject, "migrated_to", e.name, text, "migration:upgrade")
            add(subject, "uses", e.name, text, "migration:upgrade")  # rule 6: an upgrade
        use = rx.search(
            rf"\b{USE_VERB}\b(?:\s+(?:its|their|our|a|an|the)\b)?[^;]{{0,60}}$",
            clause,
            rx.I,
        )
        if (
            use
            # "does not use Kubernetes", "will adopt Rust", "hopes to use WebAssembly": a
            # negated, planned or possible use is not stated (rule 7)
            and not UNSTATED_USE.search(clause[max(0, use.start() - 40) : use.start()])
            and not OTHERS_USE.search(clause[max(0, use.start() - 40) : use.start()])
            # "chose PostgreSQL over MongoDB": the alternative turned down (rule 7)
            and not rx.search(
                r"\b(?:chose|choose|chooses|choosing|picked|prefer\w*|selected|opted for)\b"
                r"[^;]*\bover\s+(?:the |a |an )?$",
                clause[use.start() :],
                rx.I,
            )
            and _few_words_between(unit, e.s - len(clause) + _verb_end(clause, use.start()), i)
            and _actor_before(unit, e.s - len(clause) + use.start())
            and not COMPOUND.match(text[e.e :])  # "runs Envoy, a Go-based proxy": the proxy's
            and not rx.search(
                r"\b(?:without|rather than|instead of|unlike|inspired by|compatible)\b",
                clause,
                rx.I,
            )
            and not _another_verb(clause[_verb_end(clause, use.start()) :])
        ):
            verb_at = e.s - len(clause) + use.start()
            who = _clause_subject(state, unit, verb_at)
            if who is None and _clause_subject(None, unit, verb_at) == "?":
                continue  # "we built out an infrastructure in AWS using …": "we", no actor
            users = [who or head, *_coordinated_subjects(unit, who or head, verb_at)]
            for who in users:
                add(who, "uses", e.name, text, "verb:use")
            listed = (users, e.e)
        elif use is None or not _actor_before(unit, e.s - len(clause) + use.start()):
            far = _far_user(unit, i)
            if far is not None:
                add(far, "uses", e.name, text, "verb:using")
    # possessives: "C's T" → C uses T; "C's X" concept → applies
    for i, e in enumerate(ents[:-1]):
        nxt = ents[i + 1]
        gap = text[e.e : nxt.s]
        mark = _possessive_mark(e, gap)
        owns = mark is not None
        rest = gap[mark or 0 :]
        if (
            e.type == "TECHNOLOGY"
            and nxt.type == "TECHNOLOGY"
            and (owns or rx.fullmatch(r",\s+(?:which|that)\s+is\s+an?\s+", gap))
            and rx.fullmatch(r"\s*(?:[\w-]+\s+)?", rest if owns else "")
            and (
                PLUGIN.match(text[nxt.e :])
                or PLUGIN.search(" " + text[nxt.s : nxt.e])
                or (owns and rx.match(r"\s+" + PART_NOUN + r"s?\b(?!-)", text[nxt.e :], rx.I))
            )
        ):
            # "Litestream's SQLite plugin", "cf-html, which is an NGINX module": a part of T
            # made for U, so T uses U; "Kafka's KRaft protocol", "MySQL's InnoDB storage
            # engine": U is T's part, so T uses it (rule 3)
            add(e.name, "uses", nxt.name, text, "possessive:plugin")
            continue
        if e.type == "TECHNOLOGY" and owns:
            # "T's X" with X a concept: what T implements (rule 2: the noun it attaches to);
            # "T's features, such as X, Y and Z": each of the list.
            # "TensorRT-LLM's \"Speculative Decoding\" trick": quotes set off the same noun
            if nxt.type == "CONCEPT" and rx.fullmatch(r"\s*[\"\u201c]?(?:[\w-]+\s+){0,1}", rest):
                if not AVOIDED.search(text[: e.s]):
                    add(e.name, "applies", nxt.name, text, "possessive:tech")
            elif rx.fullmatch(
                r"\s*(?:key\s+|main\s+)?(?:features|capabilities|techniques|mechanisms),?\s+"
                r"(?:such as|like|including)\s+(?:[\w-]+\s+){0,2}",
                rest,
                rx.I,
            ) or rx.fullmatch(
                # "Apache Flink's approach to high performance stream processing with state,
                # strong consistency, …": the concepts of its own approach
                r"\s*(?:approach|support)\s+(?:to|for)\s+(?:[\w-]+\s+){0,2}",
                rest,
                rx.I,
            ):
                for f in _list_at(unit, nxt.s, len(text)):
                    if f.type == "CONCEPT":
                        add(e.name, "applies", f.name, text, "possessive:tech")
            continue
        if e.type != "COMPANY":
            continue
        if (
            owns
            and rx.match(r"^\s*(?:[\w-]+\s+){0,2}$", rest)
            and not rx.search(r"[,;.]", rest)
            # "Google's work in open source": the concept is in a phrase of another noun
            # the company owns, not the possessed noun (rule 3); "Criteo's Prediction on
            # Hadoop" still runs on the technology
            and not (nxt.type == "CONCEPT" and rx.search(rf"\b(?:{_LINKS})\b", rest, rx.I))
            # "Scaling Faire's CI without Jenkins": a negated phrase states nothing (rule 7)
            and not rx.search(NEGATED, rest, rx.I)
            # "Square's migration to SPIFFE", "LinkedIn's journey from Lambda": the possessed
            # noun is a move, whose ends are read as a move (rule 6: no use of either)
            and not rx.match(
                r"\s*(?:migrations?|journeys?|moves?|transitions?|switch|shift)\s+"
                r"(?:from|to|onto|off|away)\b",
                rest,
                rx.I,
            )
            # "Shopify's engineers compared Redis …": the possessed noun is its people, and
            # the next word is their verb (the verb rule reads what they do)
            and not rx.match(
                r"\s*(?:engineers?|engineering|teams?|developers?|staff|researchers?|"
                r"architects?|CTO|CEO|founders?|SREs?)\s+\S",
                rest,
                rx.I,
            )
        ):
            if nxt.type == "CONCEPT" and _apposed_tech(unit, i + 1):
                continue  # "Espresso, LinkedIn's data store": the technology's (rule 5)
            if nxt.type == "TECHNOLOGY" and _named_after(nxt.name, e.name):
                continue  # "NVIDIA's H100 architecture": a product it sells (rule 3)
            if nxt.type == "TECHNOLOGY" and _used_by_another(unit, i):
                continue  # "Orla adopted Lumio's Quiver": Lumio is only its vendor (rule 3)
            if (
                nxt.type == "TECHNOLOGY"
                and e.name != state.actor
                and rx.search(
                    r"\b(?:in|on|onto|atop|into|with|via|using|(?:built|based|running|runs)\s+on|"
                    r"(?:powered|backed)\s+by)\s+(?:the\s+)?$",
                    text[: e.s],
                    rx.I,
                )
            ):
                # "a detection framework in Google Cloud's BigQuery", "built on Google Cloud's
                # Vertex AI": what another party builds on; the possessor is its vendor
                continue
            if nxt.type == "TECHNOLOGY" and rx.search(
                r"\b(?:such as|like|including|e\.g\.,?)\s+$", text[: e.s], rx.I
            ):
                continue  # "models such as Lumio's Quiver": an example named with its vendor
            if nxt.type == "CONCEPT" and AVOIDED.search(text[: e.s]):
                continue  # "avoided Lumio's cascading failures": a problem (rule 7)
            if (
                nxt.type == "TECHNOLOGY"
                and rx.match(
                    r"\s+(?!(?:"
                    + _LINKS
                    + r"|"
                    + SYSTEM_NOUN
                    + r"|"
                    + CODE_NOUN
                    + r")\b)[a-z][\w-]*s"
                    r"(?=\s*(?:[,;.)]|and\b|or\b|of\b|for\b|to\b))",
                    text[nxt.e :],
                )
                and not DEPLOYMENT.match(text[nxt.e :])
            ):
                continue  # "MotherDuck's instant SQL previews": a feature, not its system
            owned = nxt
            if nxt.type == "CONCEPT" and i + 2 < len(ents):
                # "Picnic's self-service Business Intelligence": the possessed noun is the
                # last of the run, the concepts before it qualify it
                later = ents[i + 2]
                if later.type == "CONCEPT" and rx.fullmatch(r"\s+", text[nxt.e : later.s]):
                    owned = later
            if owned.type == "CONCEPT" and _TEAM.match(text, owned.e):
                # "Netflix's data platform team", "Glovo's Routing team": the concept names
                # the company's team, the possessed noun; it is not said to be applied
                continue
            if owned.type == "TECHNOLOGY" and _RELEASED.match(text, owned.e):
                # "HashiCorp's Terraform v1.0 Is Now Released": the possessor releases its own
                # system, which the text says it made (rule 3: more than a possessive)
                add(e.name, "built", owned.name, text, "built:released")
                continue
            typ = "uses" if owned.type == "TECHNOLOGY" else "applies"
            how = "possessive"
            if (
                typ == "uses"
                and owned.m.method != "ontology"
                and not rx.search(r"\b(?:internal|in-house|home-?grown|own)\b", rest, rx.I)
                and not _OWN_SYSTEM.match(text, owned.e)
                # "Strava's Android team": a team of the company's own works on it
                and not _TEAM.match(text, owned.e)
            ):
                # "Shopify's Help Center", "Verizon's DBIR", "AMD's MI355X": a name only the
                # statistical model found, that the sentence does not call the company's
                # system, is as often a product it sells or a report it publishes, which
                # states no use (rule 3)
                how = "possessive:product"
            add(e.name, typ, owned.name, text, how)


def _far_user(unit: _Unit, i: int) -> str | None:
    """ "Wayve manages scheduling … for AI inference workloads on Kubernetes using Kueue":
    the company that opens the clause, with its own verb, uses the instrument of that verb
    however long its object is, while no comma, relative or negation comes between."""
    text, e = unit.text, unit.ents[i]
    using = rx.search(r"\busing\s+(?:the\s+|a\s+|an\s+)?$", text[: e.s], rx.I)
    if using is None or COMPOUND.match(text[e.e :]):
        return None
    for f in reversed(unit.ents[:i]):
        if f.type != "COMPANY":
            continue
        span = text[f.e : using.start()]
        if (
            len(span) > 160
            or rx.search(r",(?!\d)|[;:()\u2014\u2013]|\s-\s", span)
            or rx.search(
                r"\b(?:that|which|who|whom|whose|where|when|while|but|if|because|you|your|"
                r"customers|users|developers|teams|their|to|vs|versus|compar\w*)\b",
                span,
                rx.I,
            )
            or rx.search(NEGATED, span, rx.I)
            or UNSTATED_USE.search(span)
        ):
            return None
        verb = rx.match(r"\s+(?:\w+ly\s+)?(?!(?:is|was|has|does)\b)[a-z]+(?:s|ed)\b", span)
        opens = rx.search(r"(?:^|[,;:.]\s*|\b(?:how|why)\s+)(?:the\s+)?$", text[: f.s], rx.I)
        return f.name if verb is not None and opens is not None else None
    return None


def _fronted_maker(state: _Post, unit: _Unit) -> None:
    """ "Developed by C, T …", "Built at C and released in 2025, T runs …": a participle
    opening the sentence says who made the main clause's subject (rule 1, the passive)."""
    text, ents = unit.text, unit.ents
    opener = rx.match(
        r"\s*(?:originally\s+|first\s+)?(?:built|developed|created|designed|engineered|"
        r"open[- ]?sourced|invented)\s+(?:in-house\s+)?(?:by|at)\s+(?:the\s+)?",
        text,
        rx.I,
    )
    if opener is None:
        return
    maker = next((f for f in ents if f.s >= opener.end()), None)
    if maker is None or maker.type != "COMPANY" or maker.s != opener.end():
        return
    for f in ents:
        if f.s <= maker.s or f.type != "TECHNOLOGY":
            continue
        # the first technology after the participle's phrase: the main clause's subject
        # when a comma closes the phrase right before it ("…, Goose runs locally")
        if (
            rx.search(r",\s+(?:the\s+)?$", text[maker.e : f.s])
            and not rx.search(r"[;:.]", text[maker.e : f.s])
            and len(text[maker.e : f.s]) <= 120
        ):
            state.add(maker.name, "built", f.name, text, "built:fronted")
        return


# What says a possessed name is the company's own running system: "Netflix's Ranker service",
# "Khan Academy's Goliath project", "Airbnb's Mussel store", "Netflix's Distributed Counter
# Abstraction is a … counting service".
_OWN_SYSTEM = re.compile(
    r"\s+(?:(?:is|was)\s+(?:a|an|the)\s+)?(?:[\w,-]+\s+){0,4}?(?:"
    + SYSTEM_NOUN
    + r"|projects?|abstractions?|stack)\b",
    rx.I,
)
# A possessed system's own release: "C's T v1.0 is now released", "C's T has been open-sourced".
_RELEASED = re.compile(
    r"(?:\s+v?\d[\w.]*)?\s+(?:is|has\s+been|was)\s+(?:now\s+|officially\s+|finally\s+)?"
    r"(?:released|launched|unveiled|open[- ]?sourced)\b",
    rx.I,
)
_TEAM = re.compile(
    r"\s+(?:&\s+[\w-]+\s+)?(?:teams?|group|org|organi[sz]ation|department|squad)\b", rx.I
)


def _coordinated_subjects(unit: _Unit, head: str, verb_at: int) -> list[str]:
    """The other companies of a subject list that ends with ``head`` right before the verb
    at ``verb_at``: "Netflix, Uber and Airbnb use Kafka" states each company's use."""
    ents, text = unit.ents, unit.text
    last = next(
        (
            k
            for k in range(len(ents) - 1, -1, -1)
            if ents[k].e <= verb_at and ents[k].name == head and ents[k].type == "COMPANY"
        ),
        None,
    )
    if last is None or not rx.fullmatch(
        r"\s+(?:(?:are|were|is|was|have|has|had|been|all|both|also|now|\w+ly)\s+){0,3}",
        text[ents[last].e : verb_at],
    ):
        return []
    out = []
    k = last
    while (
        k > 0
        and ents[k - 1].type == "COMPANY"
        and rx.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)", text[ents[k - 1].e : ents[k].s])
    ):
        k -= 1
        out.append(ents[k].name)
    return out


def _used_by_another(unit: _Unit, i: int) -> bool:
    """Whether the possessor ``ents[i]`` in "C's T" is the object phrase of another subject's
    use verb: "Uber automated the migration using OpenRewrite's Lossless Semantic Trees",
    "Orla adopted Lumio's Quiver". C is then only T's vendor (rule 3)."""
    e = unit.ents[i]
    clause = rx.split(r"[;.:]", unit.text[: e.s])[-1]
    # "Orange First to Test AT&T's ECOMP": trying another's product is no less its use
    verb = rx.search(
        rf"\b(?:{USE_VERB}|test\w*|trial\w*|evaluat\w*|pilot\w*)\s+(?:(?:the|a|an)\s+)?$",
        clause,
        rx.I,
    )
    if verb is None:
        return False
    who = _clause_subject(None, unit, e.s - len(clause) + verb.start())
    return who is not None and who != e.name


def _builds_concept(state: _Post, unit: _Unit) -> None:
    """ "Building a fault-tolerant metrics storage system at Airbnb", "we implemented
    request hedging": the company builds or implements a thing of the concept's kind, so it
    applies the concept (it provides it). The concepts are the verb's object phrase, before
    any punctuation or preposition."""
    text = unit.text
    for verb in rx.finditer(
        r"\b(?:built|build|building|builds|implemented|implementing|implements|designed|"
        r"designing|engineered|engineering|created|creating|developed|developing)\s+"
        r"(?:(?:a|an|the|its|our|their|new|own)\s+)*",
        text,
        rx.I,
    ):
        if unit.field != "title" and not _actor_before(unit, verb.start()):
            continue
        if unit.field == "title" and not rx.match(
            r"\s*(?:how\s+\S+\s+)?$", text[: verb.start()], rx.I
        ):
            continue  # a title's verb counts only as its opening ("Building …", "How C built …")
        head = _clause_heads(state, unit, len(unit.ents))
        if unit.field != "title":
            head = next(
                (
                    f.name
                    for f in reversed(unit.ents)
                    if f.type == "COMPANY" and f.e <= verb.start()
                ),
                state.actor
                if ANAPHOR.search(text[max(0, verb.start() - 40) : verb.start()])
                else None,
            )
        # "designed a consistent, flexible data modeling framework": adjectives between commas
        # still open the object phrase.
        phrase = rx.match(
            r"(?:[a-z][\w-]*,\s+)*"
            r"[^,;:.()]*?(?=\s+(?:at|for|to|with|on|in|by|from|that|which|and)\b|[,;:.()]|$)",
            text[verb.end() :],
        )
        end = verb.end() + (phrase.end() if phrase else 0)
        inside = [f for f in unit.ents if verb.end() <= f.s and f.e <= end]
        if rx.search(r"\b(?:called|named|codenamed)\b", text[end : end + 60], rx.I):
            continue  # "built their own search engine …, called Blackbird": Blackbird's (rule 5)
        if rx.match(r"your\b", text[verb.end() :], rx.I):
            continue  # "How to build your own VPN": the reader's, not the company's
        if any(
            f.type == "TECHNOLOGY" and rx.fullmatch(r"\s+(?:with|using|and|on)\s+", text[end : f.s])
            for f in unit.ents
            if f.s >= end
        ):
            # "Building Faster Indexing with Apache Kafka and Elasticsearch": the concept is
            # realised by the named technologies (rule 5), not the company's own practice
            continue
        if head and inside and all(f.type == "CONCEPT" for f in inside):
            for f in inside:
                state.add(head, "applies", f.name, text, "verb:build")


# What a head does with a concept it practises or provides (RELATION-RULES' applies: "the
# head implements, provides, uses, adopts, performs"): the verb of "Netflix employs the
# Write-Audit-Publish pattern", "Apache Kafka implements exactly-once semantics".
PRACTISE_VERB = (
    r"(?:implement(?:s|ed|ing)?|employ(?:s|ed|ing)?|adopt(?:s|ed|ing)?|appl(?:y|ies|ied|ying)|"
    r"uses|used|using|leverag(?:es|ed|ing)|embrac(?:es|ed|ing)|perform(?:s|ed|ing)?|"
    r"introduc(?:es|ed|ing)|provid(?:es|ed|ing)|support(?:s|ed|ing)?|offer(?:s|ed|ing)?|"
    r"enabl(?:es|ed|ing)|utili[sz](?:es|ed|ing)|"
    # "we follow best practices around continuous delivery" (not "following", a preposition)
    r"follow(?:s|ed)?)"
)
# Words that may stand between the verb and its concept object: determiners, adjectives.
_OBJECT_LEAD = r"(?:(?:a|an|the|its|their|our|new|custom|several|multiple|both)\s+|[\w-]+\s+){0,3}?"
_PRACTISE = re.compile(rf"\b(?P<verb>{PRACTISE_VERB})\s+{_OBJECT_LEAD}$", rx.I)


def _applies_verb(state: _Post, unit: _Unit) -> None:
    """ "Netflix employs the Write-Audit-Publish pattern", "we implemented request hedging
    and admission control", "Apache Kafka supports tiered storage", "Redis, which provides
    caching": the verb's subject (a company, "we" → the post's company, or the technology
    right before the verb) applies the concepts that are the verb's direct object. A concept
    after a technology object ("uses HAProxy for load balancing") is not the object: it goes
    to the technology (rule 5), and this rule leaves it."""
    text, ents = unit.text, unit.ents
    if not any(e.type == "CONCEPT" for e in ents):
        return
    for k, first in enumerate(ents):
        if first.type != "CONCEPT":
            continue
        # the verb a few words before the concept, with no other mention between
        start = max(0, first.s - 60, ents[k - 1].e if k else 0)
        verb = _PRACTISE.search(text, start, first.s)
        if verb is None:
            continue
        lead = text[verb.end("verb") : first.s]
        if rx.search(r"\b(?:and|or|of|for|to)\b", lead):
            continue
        if rx.search(r"\b(?:called|calling|named|codenamed)\b", text[first.e : first.e + 60], rx.I):
            continue  # "implemented a join algorithm …, which we're calling Joinery": Joinery's
        if rx.match(r"\s+(?:[a-z][\w-]*\s+){1,2}(?:such as|including)\b", text[first.e :]):
            continue  # "uses open source storage systems such as Redis": the class's qualifier
        before = text[: verb.start()]
        # "we are going to get specific about how we implemented X": the clause "how" opens
        # is stated as done, whatever the main clause plans
        clause = rx.split(r"[;.:]|,\s+(?:but|while)\b|\bhow\b(?=\s+(?:we|they)\b)", before)[-1]
        if rx.search(
            NEGATED + r"|\b(?:will|would|could|might|plans? to|planning to|aims? to|hopes? to|"
            r"going to|allowing|letting|helping|you)\b",
            clause,
            rx.I,
        ):
            continue
        head = None
        prev = [f for f in ents if f.e <= verb.start()]
        tech = prev[-1] if prev and prev[-1].type == "TECHNOLOGY" else None
        if tech is not None and rx.fullmatch(
            r"\s*(?:,\s*(?:which|that)\s+|(?:which|that)\s+)?(?:(?:also|now|already|natively|\w+ly)\s+)?",
            text[tech.e : verb.start()],
            rx.I,
        ):
            if verb.group("verb").lower().endswith("ing"):
                continue  # "to PostgreSQL 16 using logical replication": no verb of T's
            head, method = tech.name, "verb:practise-tech"
        elif (
            tech is not None
            and verb.group("verb").lower().endswith("ing")
            and _opens_clause(text, tech.s)
            and rx.fullmatch(
                # "Apache Iceberg addresses these pain points by providing ACID transactions":
                # the means of the technology's own verb is its practice (rule 5)
                r"\s+(?:\w+ly\s+)?[a-z]+s\s+(?:[\w-]+\s+){0,4}?by\s+",
                text[tech.e : verb.start()],
            )
        ):
            head, method = tech.name, "verb:practise-means"
        elif rx.match(r"(?:provid|support|offer|enabl)", verb.group("verb"), rx.I):
            continue  # a company provides to others: "Cloudflare provides DDoS protection"
        else:
            who = _clause_subject(state, unit, verb.start())
            if who is None or rx.search(r"\b(?:which|that|who)\b", clause):
                continue
            head, method = who, "verb:practise"
        for f in relations_applies.concept_run(ents, k, text):
            if AVOIDED.search(text[: f.s]):
                continue
            state.add(head, "applies", f.name, text, method)


def _powers(state: _Post, unit: _Unit) -> None:
    """Rule 8: "Workers powers our pipeline", "T supporting C's services" → C uses T."""
    text, ents = unit.text, unit.ents
    for i, e in enumerate(ents):
        if e.type != "TECHNOLOGY":
            continue
        m = rx.match(
            r"\s+(?:now\s+)?(?:powers|powering|supports|supporting|serves|serving|underpins)\s+"
            r"(?:(?:[\w%.,-]+\s+){0,4}?(our|its|their)\b|(?=\S))",
            text[e.e :],
            rx.I,
        )
        # "our database needs were served primarily by MongoDB": the same, in the passive
        passive = rx.search(
            r"(?:\b(our|its|their)|['\u2019]s)\s+(?:[\w-]+\s+){0,3}?"
            r"(?:(?:was|were|is|are|being|been|originally|initially|primarily|mostly)\s+)+"
            r"(?:served|powered|backed|supported|handled)\s+"
            r"(?:primarily\s+|mostly\s+|entirely\s+)?by\s+$",
            text[max(0, e.s - 120) : e.s],
            rx.I,
        )
        if passive is not None:
            owner = [f for f in ents[:i] if f.type == "COMPANY" and f.e <= e.s]
            company = state.actor if passive.group(1) else (owner[-1].name if owner else None)
            if company:
                state.add(company, "uses", e.name, text, "verb:powers")
            continue
        # "Vitess also powers Slack, Square and GitHub", "T powers the databases of the web's
        # largest properties: Slack, HubSpot, …": the companies it serves use it (rule 8)
        listed = rx.match(
            r"\s+(?:now\s+|also\s+)?(?:powers|powering|underpins)\s+(?:[^.;:]{0,70}:\s*)?",
            text[e.e :],
            rx.I,
        )
        served = _companies_at(unit, e.e + listed.end()) if listed else []
        if len(served) > 1 or (served and not m):
            for company in served:
                state.add(company.name, "uses", e.name, text, "verb:powers")
            continue
        if m is None:
            continue
        if m.group(1):
            company = state.actor
        else:
            nxt = ents[i + 1] if i + 1 < len(ents) else None
            owns = nxt is not None and nxt.type == "COMPANY" and nxt.s == e.e + m.end()
            possessive = nxt is not None and (
                nxt.m.text.endswith(("'s", "\u2019s")) or rx.match(r"['\u2019]s\b", text[nxt.e :])
            )
            company = nxt.name if owns and possessive else None
        if company:
            state.add(company, "uses", e.name, text, "verb:powers")


# A verb or noun of making a product public or new: "to release Datadog Code Analysis",
# "ahead of the launch of Readwise Reader", "redesigning their Workers KV service".
_LAUNCHED = re.compile(
    rf"\b(?:{BUILD_VERB}|re-?design\w*|re-?architect\w*|launch(?:es|ed|ing)?|releas(?:e|es|ed|ing)|"
    r"introduc\w*|announc\w*|unveil\w*|debut\w*|roll(?:s|ed|ing)?\s+out|ship(?:s|ped|ping)?)\b",
    re.I,
)


_OBJECT_GAP = re.compile(
    r"(?:\s+(?:of|the|a|an|its|their|our|new|brand-new|version|v?\d[\w.]*|first|latest|beta|"
    r"preview|next-generation|open-source|open\s+source))*\s+",
    re.I,
)


def _named_product(state: _Post, unit: _Unit) -> None:
    """A technology named after a company of the post ("Cloudflare Workers KV", "Readwise
    Reader") that its clause says was built, launched, released or redesigned is that
    company's own (rule 1): the name says whose product it is, the verb that it was made."""
    text, ents = unit.text, unit.ents
    companies = [n for n, t in state.types.items() if t == "COMPANY"]
    if not companies:
        return
    for e in ents:
        if e.type != "TECHNOLOGY":
            continue
        maker = next((c for c in companies if _named_after(e.name, c)), None)
        if maker is None:
            continue
        # the verb's object: only an article, a possessive, "version 1.1 of" and the like
        # between ("has released version 1.1 of Vault", "the launch of Readwise Reader")
        launched = None
        for found in _LAUNCHED.finditer(text, max(0, e.s - 60), e.s):
            launched = found
        if launched is None or not _OBJECT_GAP.fullmatch(text, launched.end(), e.s):
            continue
        if rx.search(NEGATED, text[max(0, launched.start() - 30) : launched.start()], rx.I):
            continue
        state.add(maker, "built", e.name, text, "built:named")


# "… adopted by major brands like", "powering AI applications at companies like", "companies
# running T at scale –": the users a clause lists by a class noun of companies.
_USERS_LISTED = re.compile(
    r"(?P<comma>,\s*)?\b(?:(?:used|adopted|deployed|trusted|relied on|run)\s+(?:\w+ly\s+)?(?:by|at)|"
    r"powering\s+(?:[\w-]+\s+){0,3}?at)\s+(?:(?:many|major|large|leading|other|tech|big|"
    r"well-known|top)\s+)*(?:companies|brands|organi[sz]ations|enterprises|firms|businesses|"
    r"customers|adopters|teams)\s+(?:like|such\s+as|including)\s+",
    re.I,
)


def _users_by_class(state: _Post, unit: _Unit) -> None:
    """ "Flutter has matured into a framework adopted by major brands like BMW, Nubank and
    Betterment", "Turbopuffer is a vector database built on object storage, powering AI
    applications at companies like Cursor and Notion": the technology that is the sentence's
    subject is used by each company of the list (rule 8). The users' clause must belong to the
    subject: no company stands between, and another technology only inside the subject's own
    description when a comma opens the users' clause."""
    text, ents = unit.text, unit.ents
    if not ents or ents[0].type != "TECHNOLOGY" or not _opens_clause(text, ents[0].s):
        return
    subject = ents[0]
    if "like" not in text and "such as" not in text and "including" not in text:
        return
    for match in _USERS_LISTED.finditer(text, subject.e):
        between = [f for f in ents[1:] if f.s < match.start()]
        if any(f.type == "COMPANY" for f in between) or (between and not match.group("comma")):
            continue
        if rx.search(r"[;.]\s", text[subject.e : match.start()]):
            continue
        for company in _companies_at(unit, match.end()):
            state.add(company.name, "uses", subject.name, text, "verb:passive")


# "they adopted various tools and techniques, including Infrastructure as Code (IaC), Prometheus
# for monitoring, …, and Terraform": a use verb whose object is a class noun with its examples
_CLASS_EXAMPLES = re.compile(
    rf"\b{USE_VERB}\s+(?:[\w-]+,?\s+){{0,5}}?(?:tools?|technolog(?:y|ies)|techniques|services|"
    r"systems|frameworks|libraries|databases|data\s+stores|components|solutions|platforms|"
    r"products|languages|practices|approaches|patterns|stacks)(?:\s+and\s+[\w-]+)?,?\s+"
    r"(?:including|such\s+as)\s+",
    re.I,
)
# What may stand between two examples: an acronym's gloss, a purpose ("for monitoring"), a
# comma, "and" or "or"
_EXAMPLE_JOINT = re.compile(
    r"(?:\s*\(\s*[A-Z][\w.&/-]*\s*\))?(?:\s+for\s+[^,;.()]{1,40}?)?\s*,?\s*(?:(?:and|or)\s+)?",
    re.I,
)


def _use_lists(state: _Post, unit: _Unit) -> None:
    """Each example of a class its subject uses is used (rule 4's "such as" list read with
    rule 8): "they adopted various tools, including Prometheus for monitoring, Grafana for
    visualization, and Terraform" gives the company each tool, however long the list; a
    concept among the examples ("including Infrastructure as Code") is applied. The verb's
    own rule reads only the first names after it."""
    text, ents = unit.text, unit.ents
    if "including" not in text and "such as" not in text:
        return
    for match in _CLASS_EXAMPLES.finditer(text):
        at = match.start()
        before = text[max(0, at - 40) : at]
        if UNSTATED_USE.search(before) or OTHERS_USE.search(before):
            continue
        who = _clause_subject(state, unit, at)
        if who is None:
            continue
        prev = match.end()
        for e in ents:
            if e.s < match.end():
                continue
            gap = text[prev : e.s]
            gloss = rx.match(r"\s*\)", text[e.e :])
            if prev != match.end() and rx.fullmatch(r"\s*\(\s*", gap) and gloss:
                prev = e.e + gloss.end()  # "Infrastructure as Code (IaC)": the same example
                continue
            if prev != match.end() and rx.fullmatch(r"\s+for\s+(?:[\w-]+\s+){0,2}", gap, rx.I):
                prev = e.e  # "Prometheus for monitoring": the example's purpose, not one
                continue
            if gap.strip() if prev == match.end() else not _EXAMPLE_JOINT.fullmatch(gap):
                break
            prev = e.e
            if LIKENESS.match(text[e.e :]) or COMPOUND.match(text[e.e :]):
                continue
            if e.type == "TECHNOLOGY":
                state.add(who, "uses", e.name, text, "verb:use")
            elif e.type == "CONCEPT":
                state.add(who, "applies", e.name, text, "verb:use")
