"""The actor rule: the post's remaining technologies and concepts attached to the company it
is by or about (anaphora and title support, RELATION-RULES), and the contexts that keep a
mention from being the company's."""

from __future__ import annotations

import re

from kgraph.extract import relations_applies, rx
from kgraph.extract.relations_clauses import (
    _LINKS,
    _actor_before,
    _apposed_tech,
    _reported,
    _subject_tech,
)
from kgraph.extract.relations_post import _Ent, _named_after, _Post, _same_company, _Unit
from kgraph.extract.relations_words import (
    ANAPHOR,
    APPLY_VERB,
    AVOIDED,
    BUILD_VERB,
    CODE_NOUN,
    DEPLOYMENT,
    FROM_TO_VERB,
    LIKENESS,
    NEGATED,
    ON_TECH,
    OTHERS_USE,
    OUR,
    READER,
    SOLD,
    SYSTEM_ANAPHOR,
    SYSTEM_NOUN,
    TALK_PLAN,
    UNSTATED_USE,
    USE_VERB,
)


def _speaks_of_actor(unit: _Unit, actor: str, ent: _Ent) -> bool:
    """The sentence names the actor or speaks of it ("we", "our", "the team"), and ``ent``
    is not an example in a list ("such as …", "e.g. …")."""
    if rx.search(r"\b(?:such as|e\.g\.|for example|like)\b[^.;:]*$", unit.text[: ent.s], rx.I):
        return False
    anaphor = ANAPHOR.search(unit.text)
    if anaphor is not None and all(
        a.group(0).lower() in ("they", "their") and _OTHERS_BEFORE.search(unit.text[: a.start()])
        for a in ANAPHOR.finditer(unit.text)
    ):
        # "Teams connect their Bazel builds to …", "researchers who discovered … through
        # their QUIC measurement": "they" and "their" after another party named in the
        # plural are that party's, not the company's (rule 1)
        return False
    if anaphor is not None:
        # "ScyllaDB joined the party with their vector search engine": "they" and "their"
        # after another named subject that opens the sentence are that subject's (rule 1).
        lead = unit.ents[0] if unit.ents else None
        return not (
            anaphor.group(0).lower() in ("they", "their")
            and lead is not None
            and lead.name != actor
            and lead.e <= anaphor.start()
            and not unit.text[: lead.s].strip()
            and rx.match(r"\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)\b", unit.text[lead.e :]) is not None
        )
    # "Fly.io's platform transforms Docker containers …": a possessive alone makes its noun,
    # not the company, the sentence's subject, unless the noun is the company's own people
    # or deployment ("Airbnb's media team", "LinkedIn's deployment").
    for f in unit.ents:
        if f.name != actor:
            continue
        before = unit.text[: f.s]
        if before.rfind("(") > before.rfind(")"):
            continue  # "(e.g., AWS Graviton3: …)": an example in an aside is no subject
        after = unit.text[f.e : f.e + 40]
        # "Pinterest rule engine platform … allows", "Twitter services' scalability": the
        # company names the kind of its system, which is the sentence's subject (rule 2).
        attributive = rx.match(
            r"\s+(?:[a-z][\w-]*\s+){0,3}?" + SYSTEM_NOUN + r"(?:['\u2019]|\b)", after
        )
        if attributive is None and not (
            f.m.text.endswith(("'s", "\u2019s")) or after[:2] in ("'s", "\u2019s")
        ):
            return True
        if rx.match(
            r"^(?:['\u2019]s)?\s+(?:[\w-]+\s+){0,2}?(?:team|engineers|engineering|"
            r"deployment|infrastructure|fleet|stack|transition|migration|move|journey|effort)\b",
            after,
            rx.I,
        ):
            return True
    return False


def _actor_rules(state: _Post) -> None:
    """The post's remaining technologies and concepts, attached to the technology a sentence
    is about (its subject, or "the service" / "it" after one), else to the post's actor."""
    actor = state.actor
    heads_of = {}
    for head, type_, tail in state.found:
        heads_of.setdefault(tail, set()).add((head, type_))
    # (a technology's kind, "Caffeine cache", says what it is, not that the post describes it)
    techs_as_heads = {
        h
        for (h, _, _), r in state.found.items()
        if state.types.get(h) == "TECHNOLOGY" and r.method != "compound:named"
    }
    focal = None  # the technology the previous sentences were about
    for unit in state.units:
        subject = _subject_tech(unit)
        about = subject.name if subject is not None else None
        if about is None and focal is not None and SYSTEM_ANAPHOR.match(unit.text):
            about = focal  # "GitHub Copilot is … The service uses HTTP/2 …" (rule 1)
        # "… it enables advanced functionality in other Netflix tools": the sentence is
        # about a system ("it"), not the company it names in passing.
        about_it = rx.search(
            r"\bit\s+(?:enables|provides|supports|allows|handles|offers|lets|acts as)\b",
            unit.text,
            rx.I,
        )
        # "If you use AWS, you're probably making use of IAM": the reader's use, not the
        # company's (rule 2)
        # Each pattern needs its word ("you"; "will" or "'ll"), which most sentences lack: a
        # substring test of the lower-cased text first (no other letter matches y, o, u or
        # l when case is ignored), the scan of the whole sentence only where it is there.
        low = unit.text.lower()
        to_reader = ("you" in low and READER.search(unit.text) is not None) or (
            "ll" in low and TALK_PLAN.search(unit.text) is not None
        )
        for i, e in enumerate(unit.ents):
            if e.name == actor or e.type == "COMPANY":
                continue
            if (
                subject is not None
                and e.name != about
                and e.type == "TECHNOLOGY"
                and _SUBJECT_USING.search(unit.text[: e.s])
            ):
                # "Falco is a behavior analysis tool that detects anomalies … using eBPF":
                # the means of the subject technology's own verb (rule 2)
                state.add(about, "uses", e.name, unit.text, "subject:using")
                continue
            if e.name in heads_of or e.name in state.claimed:
                continue
            if about is not None and e.name != about:
                # "ShardStore is the service we run …": the sentence is about the system,
                # but not an example in parentheses ("services like Zen (graph database)").
                before = unit.text[: e.s]
                if e.type == "CONCEPT" and before.rfind("(") <= before.rfind(")"):
                    state.add(about, "applies", e.name, unit.text, "subject")
                elif (
                    e.type == "TECHNOLOGY"
                    and subject is None
                    and rx.search(rf"\b{USE_VERB}\b", before, rx.I)
                ):
                    state.add(about, "uses", e.name, unit.text, "subject:anaphora")

                continue
            if actor is None or to_reader:
                continue
            if (
                about_it
                or not _speaks_of_actor(unit, actor, e)
                or _another_subject(unit, actor, e)
                or _not_the_actors(unit, i)
            ):
                continue
            how = _actor_evidence(unit)
            if how == "named" and _named_aside(unit, actor):
                continue
            if (
                state.passing
                and (how == "named" or state.mentioned[actor] > 1)
                and not (state.sole and _opens_as_subject(unit, actor))
            ):
                how = "passing"
            if e.type == "TECHNOLOGY":
                # A system the post describes is not one it says the company runs, unless
                # the sentence says so: "Apache Spark is our primary compute engine".
                ours = (
                    rx.match(  # … "Amazon S3 as our data lake provider"
                        r"\s+(?:(?:is|are|was|has been)\s+(?:\w+\s+)?|as\s+)(?:our|its|their)\b",
                        unit.text[e.e :],
                    )
                    or rx.search(  # "our internal code review system, Phabricator", "their Atlas"
                        r"\b(?:our|its|their)\s+(?:(?:own|internal)\s+)?"
                        r"(?:(?:[\w-]+\s+){0,4}?" + SYSTEM_NOUN + r"\s*,\s*)?$",
                        unit.text[: e.s],
                        rx.I,
                    )
                )
                if (e.name in techs_as_heads and not ours) or _vendor(unit, i):
                    continue
                if rx.match(
                    r"\s+(?:integrations?|support|compatibility)\b", unit.text[e.e :], rx.I
                ):
                    continue  # "their offer with OpenLineage integration": compatibility (rule 7)
                if SOLD.search(unit.text[: e.s][-60:]):
                    continue  # "the company offering managed Airflow": a product it sells
                if _named_after(e.name, actor) or state.hardware_kind(e):
                    continue
                # A technology the ontology says the actor makes is a product it sells: a
                # vendor's post names it for its customers ("Using Spanner and BigQuery
                # allows customers to …"), which states no use of its own (rule 3), unless
                # the sentence speaks of the company's own stack ("our tech stack includes
                # Kafka, Rest.li, Espresso") or is the title the post is about ("how we
                # deploy Twitter's large scale distributed database").
                maker = state.maker(e)
                if (
                    maker
                    and how != "title"
                    and _same_company(maker, actor)
                    and not OUR.search(unit.text)
                ):
                    continue
                # A name only the statistical model found ("Nathan will describe how Yelp
                # …", "Senior Architect at Mirantis", "our mission to build the Purple
                # Future") is as often no technology at all, or another party's: unless the
                # sentence calls it the company's own ("our X platform, T"), the actor rule
                # keeps it apart (rule 2).
                if e.m.method != "ontology" and not ours:
                    how = "discovered"
                elif how == "anaphor" and not (ours or _held(unit, i)):
                    how = "anaphor-near"
                elif how == "named" and not (ours or _held(unit, i)):
                    how = "named-near"
                elif how == "title" and relations_applies.title_subject(unit, actor):
                    how = "title-subject"
                state.add(actor, "uses", e.name, unit.text, f"actor:{how}")
            elif e.type == "CONCEPT":
                if how == "title" and _topic_at(unit, i, actor):
                    how = "title-at"
                elif how == "title" and relations_applies.title_subject(unit, actor):
                    how = "title-subject"
                elif how == "anaphor" and _HELD_POSSESSIVE_SHORT.search(unit.text[: e.s]):
                    # "our multi-region architecture": the first-person possessive of
                    # rule 3 ("C's X" gives C applies X), after anaphora (rule 1)
                    how = "our"
                elif how == "named" and not _practised(unit, i):
                    # "Grab has seen concurrent cache writes …", "a talk about Google
                    # BeyondCorp … user authentication": naming the company in the sentence
                    # does not state that it practises the concept (rule 1), as a
                    # technology only near it is not one it uses.
                    how = "named-near"
                state.add(actor, "applies", e.name, unit.text, f"actor:{how}")
        if subject is not None:
            focal = subject.name


# A party named in the plural that "they" or "their" after it may stand for.
_OTHERS_BEFORE = re.compile(
    r"\b(?:developers|teams|customers|users|researchers|companies|organi[sz]ations|players|"
    r"partners|clients|businesses|people|practitioners|scientists|operators|vendors|"
    r"providers|merchants|sellers|students|gamers|studios|creators|attackers)\b"
    r"[^.;:]{0,80}$",
    rx.I,
)
_SUBJECT_USING = re.compile(
    r"\b(?:using|leveraging|built (?:on|with|atop)|on top of)\s+(?:the\s+|its\s+)?$", rx.I
)
_HELD_POSSESSIVE = re.compile(
    r"\b(?:our|its|their)\s+(?:(?!(?:" + _LINKS + r")\b)[\w-]+\s+){0,3}$", rx.I
)
# "our multi-region architecture", but not "our needs of autoscaling", "its reliance on X"
# (X is in a phrase of the possessed noun) nor "their Maestro workflow orchestrator" (a
# named system between: the concept is the system's, rule 5).
_HELD_POSSESSIVE_SHORT = re.compile(
    r"\b(?:[Oo]ur|[Ii]ts|[Tt]heir)\s+(?:(?!(?:" + _LINKS + r")\b)[a-z0-9][\w-]*\s+){0,2}$"
)
_HELD_LIST = re.compile(
    # "Kafka, RocksDB, Caffeine cache, Galene": an item may keep its kind noun
    r"(?:\s+[a-z][\w-]*(?=\s*,))?(?:\s*,\s*(?:(?:and|or)\s+)?[\w.+#-]+(?:\s+[\w.+#-]+)?)*\s*(?:,\s*)?(?:(?:and|or)\s+)?"
    r"(?:(?:a|an|the)\s+)?"
)
_HELD_CODE = re.compile(r"\s+(?:[\w-]+\s+)?" + CODE_NOUN + r"\b")
_HELD_PREPOSITION = re.compile(
    r"\b(?:in|on|with|using|atop|onto|through|with the help of)\s+(?:the\s+|a\s+|an\s+)?(?:new\s+)?$",
    rx.I,
)
_HELD_VERB = re.compile(
    rf"\b(?:{USE_VERB}|{BUILD_VERB}|kept|keeps|keep|keeping|mix(?:es|ed|ing)|combin(?:es|ed|ing))"
    r"\s+(?:[\w-]+\s+){0,3}$",
    rx.I,
)
# "We use a lot of their open source libraries -- Guice, Guava": the examples a dash or a
# colon opens after the object of a use verb
_HELD_EXAMPLES = re.compile(
    rf"\b{USE_VERB}\s+(?:[\w-]+\s+){{1,6}}?[a-z]+s\s*(?:--|\u2014|\u2013|:)\s*$", rx.I
)
_HELD_PAST = re.compile(r"\b[a-z]+ed\s+(?:(?:the|a|an|its|their|our)\s+)?$")
_HELD_HOW = re.compile(rf"[^.;]{{0,40}}?\bhow\b[^.;]{{1,40}}?\b{USE_VERB}\s+(?:it|them)\b", rx.I)
_HELD_RELATIVE = re.compile(
    rf"\s+(?:is|are|was)\s+(?:[\w-]+\s+){{1,3}}(?:we|they)\s+{USE_VERB}\b", rx.I
)


def _held(unit: _Unit, i: int) -> bool:
    """Whether the sentence ties ``ents[i]`` itself to the company it speaks of: "our
    Cassandra cluster", "their Python 2 monolith", "Kafka clusters", "a new Kotlin service",
    "in Go", "integration with Kafka", "by deploying Trino Gateway", "the service we run"."""
    text, e = unit.text, unit.ents[i]
    before, after = text[: e.s], text[e.e :]
    if _HELD_POSSESSIVE.search(before[-60:]):
        return True
    # "our tech stack includes Kafka, Espresso and Lucene": a list shares its first item's tie
    prev = unit.ents[i - 1] if i else None
    if (
        prev is not None
        and prev.type != "COMPANY"
        and _HELD_LIST.fullmatch(text[prev.e : e.s])
        and rx.search(r",|\b(?:and|or)\b", text[prev.e : e.s])
        and _held(unit, i - 1)
    ):
        return True
    if DEPLOYMENT.match(after) or _HELD_CODE.match(after):
        return True
    if _HELD_PREPOSITION.search(before[-30:]) or ON_TECH.search(before[-60:]):
        return True  # "through Alertmanager", "a rate limiter backed by Redis"
    # a subordinate clause ("because Pulsar lacked …") is not the verb's object
    clause = rx.split(
        r"[;.:,(]|\s[-\u2013\u2014]\s|\b(?:because|although|though|unless|whereas|until|"
        r"before|after)\b",
        before,
    )[-1]
    if _HELD_VERB.search(clause[-80:]) or _HELD_EXAMPLES.search(before[-100:]):
        return True
    # "the team at Salesforce optimized Kubernetes scheduling": the object of the verb whose
    # subject is the company (or "we", "they")
    verb = _HELD_PAST.search(clause)
    if verb is not None and _actor_before(unit, e.s - len(clause) + verb.start()):
        return True
    # "an overview of Apache Kafka and how Canva uses it"
    return _HELD_HOW.match(after) is not None or _HELD_RELATIVE.match(after) is not None


_PRACTISE_BEFORE = re.compile(
    rf"\b(?:{APPLY_VERB}|{USE_VERB}|{BUILD_VERB}|champion\w*\s+of)\s+(?:[\w-]+\s+){{0,3}}$", rx.I
)


def _practised(unit: _Unit, i: int) -> bool:
    """Whether the sentence ties the concept ``ents[i]`` to the company it names as a
    practice: held as a technology is ("its global edge network", "using phased rollouts"),
    or the object of a verb of applying, using or building ("implementing copy-on-write")."""
    if _held(unit, i):
        return True
    clause = rx.split(r"[;.:(]|\s[-\u2013\u2014]\s", unit.text[: unit.ents[i].s])[-1]
    return _PRACTISE_BEFORE.search(clause[-80:]) is not None


def _named_aside(unit: _Unit, actor: str) -> bool:
    """Whether the sentence names the actor only as a modifier of another noun ("a global
    Cloudflare outage", "3,800 GitHub internal repositories"): the actor is not the subject
    of the sentence's verb, so what it names is not stated of the actor (rule 2)."""
    names = [f for f in unit.ents if f.name == actor]
    return bool(names) and all(
        rx.search(
            r"(?:\b(?:a|an|the)|\d)\s+(?:(?!(?:that|which|who)\b)[a-z][\w-]*\s+){0,2}$",
            unit.text[: f.s],
        )
        and rx.match(r"\s+[a-z][\w-]*", unit.text[f.e :])
        for f in names
    )


def _opens_as_subject(unit: _Unit, actor: str) -> bool:
    """Whether the sentence opens with the actor as the subject of its verb: "Slack
    implements a custom k8s operator", "Uber has long been a champion of microservices". A
    company named once is still what such a sentence is about."""
    lead = unit.ents[0] if unit.ents else None
    return (
        lead is not None
        and lead.name == actor
        and rx.fullmatch(r"[\s\-\u2022*]*", unit.text[: lead.s]) is not None
        and rx.match(
            r"\s+(?:\w+ly\s+)?(?:has|have|had|is|was|uses|used|runs|ran|[a-z]+(?:ed|es|s))\b",
            unit.text[lead.e :],
        )
        is not None
    )


def _another_subject(unit: _Unit, actor: str, ent: _Ent) -> bool:
    """Whether the sentence is about another company than the actor: it names one before
    ``ent`` as a subject ("Spotify writes about their analysis …", in a newsletter whose title
    names another), and does not name the actor. A company after a preposition is a
    provider or a comparison ("running on Azure", "from Heroku to AWS"), not a subject."""
    if unit.field == "title" or any(f.name == actor for f in unit.ents):
        return False
    return any(
        f.type == "COMPANY"
        and f.e <= ent.s
        and not rx.search(
            r"\b(?:on|onto|atop|via|to|from|at|of|by|with|like|than|for|and|or)\s+(?:the\s+)?$",
            unit.text[: f.s],
            rx.I,
        )
        for f in unit.ents
    )


# What a post says it will do with its subject: "we will focus on", "we'll walk you through".
_COVER = (
    r"(?:discuss|cover|present|share|explore|demo\w*|show|walk|talk|describe|explain|dive|"
    r"look|review|introduce|highlight|outline|focus|detail|examine|delve)\b"
)


def _not_the_actors(unit: _Unit, i: int) -> bool:
    """Whether the sentence says ``ents[i]`` is something other than what the actor runs or
    practises, though it names the actor: the thing it moved away from, another subject's
    activity, or (for a concept) what a named technology realises."""
    text, e = unit.text, unit.ents[i]
    before, after = text[: e.s], text[e.e :]
    # Rule 6: what the head moved away from gets only migrated_from, never uses/applies.
    if rx.search(
        r"\b(?:from|off|away from|eliminat\w* the need for|replac\w*|dropp\w*|abandon\w*|"
        r"ditch\w*|retir\w*|deprecat\w*|sunset\w*|phas\w* out)\s+"
        r"(?:(?:a|an|the|its|our|their|legacy|old|existing)\s+){0,3}$",
        before,
        rx.I,
    ):
        return True
    # Rule 7: what the clause negates or rejects, what a failure was caused by, what was
    # only tried, compared or contributed to: "were not viable", "the outage was caused by",
    # "tried X before …", "after we compared X, Y and Z", "contributes to Hadoop".
    clause = rx.split(r"[;.:]|,\s+(?:but|while|and|which)\b", before)[-1]
    if rx.search(
        NEGATED
        + r"|\b(?:caused by|due to|tried|trialled|evaluat(?:ed|ing|es?)|consider(?:ed|ing|s)?|"
        r"compar(?:ed|ing|es?)|benchmark(?:ed|ing|s)|shortlist(?:ed|ing)|assess(?:ed|ing|es)?|"
        r"contribut\w* to|sponsor\w*|too \w+ to|(?:difficult|hard|impossible) to)\b",
        clause + rx.split(r"[;.,]", after)[0],
        rx.I,
    ):
        return True
    # "Shopify hopes to use WebAssembly", "does not run Kubernetes": the verb that ties the
    # technology to the actor is negated or only planned (rule 7).
    # "AWS will provide credits to open-source projects": a plan, not a practice (rule 7)
    # A post saying what it will cover ("we will focus on our CI strategy") states the
    # company's own practice, as a first-person talk does.
    if rx.search(
        r"\b(?:will|plans? to|planning to|intends? to)\s+(?:\w+ly\s+)?\w+\s", clause
    ) and not rx.search(
        rf"\bwe\s+(?:will|['\u2019]ll)\s+(?:also\s+|then\s+|first\s+)?{_COVER}", clause, rx.I
    ):
        return True
    verbs = [v.start() for v in rx.finditer(rf"\b{USE_VERB}\b", clause, rx.I)]
    if verbs and (
        UNSTATED_USE.search(clause[max(0, verbs[-1] - 40) : verbs[-1]])
        or OTHERS_USE.search(clause[max(0, verbs[-1] - 40) : verbs[-1]])
    ):
        return True
    if LIKENESS.match(after):
        return True  # "a Kafka-compatible queue" (rule 7)
    # A comparison: "a foundation model similar to LLMs" (rule 7).
    if rx.search(
        r"\b(?:similar to|akin to|modell?ed (?:on|after)|alternatives? to|versus|vs\.?)\s+"
        r"(?:[\w-]+\s+){0,3}$",
        clause,
        rx.I,
    ):
        return True
    # A topic, not a practice: "we learned a lot about how NGINX works", "We'll talk about
    # Snowflake" (rule 7: a statement about the head is needed).
    if rx.search(
        r"\b(?:talk\w*|learn\w*|read|writ\w*|know\w*)\s+(?:[\w-]+\s+){0,3}?about\s+"
        r"(?:how\s+|why\s+|what\s+)?(?:the\s+)?$",
        clause,
        rx.I,
    ):
        return True
    # The object of a reporting verb is the text's topic, not the actor's practice: "Uber
    # wrote a blog discussing the consequence of data democratization", "has details of
    # some neat Kubernetes tricks". A clause that goes on to say what the actor did ("how
    # they …", "its migration", "an overview of Kinesis and how Canva uses it") is a
    # statement again.
    if _reported(clause, unit, len(before) - len(clause)) and not rx.match(
        r"[^.;]{0,40}?\bhow\b", after, rx.I
    ):
        return True
    # "… on top of MongoDB, which supports horizontal scalability": the relative clause is
    # stated of the technology before it, not of the company (rule 2).
    rel = rx.search(r"\b(?:which|that)\b[^,;.]*$", before)
    if rel and any(
        f.type == "TECHNOLOGY"
        and f.e <= rel.start()
        and not rx.search(r"[;.]", text[f.e : rel.start()])
        for f in unit.ents
    ):
        return True
    # Platforms served and audiences, not what the actor runs: "images across iOS, Android".
    # … but "for managing a multi-cluster Trino deployment" is the actor's own purpose: a
    # gerund of running or operating after "for" makes its object what the actor runs.
    if rx.search(
        r"\b(?:across|for)\s+(?!(?:using|running|operating|managing|hosting|deploying)\b)"
        # … "Scales for Rapid Growth with New Relic": a preposition of use after the
        # purpose opens a phrase of its own
        r"(?:(?!(?:with|using|via|on|atop)\b)[\w.+#-]+,?\s+(?:and\s+|or\s+)?){0,4}$",
        before,
        rx.I,
    ) and (e.type == "TECHNOLOGY"):
        # … but "for our OpenTSDB cluster" is the company's own deployment (rule 3)
        own = rx.search(r"\bour\s+$", before, rx.I) and DEPLOYMENT.match(after)
        if not own:
            return True
    # Another subject's activity or a topic of the text, not the actor's practice:
    # "…, allowing developers to run ML models", "while also discussing the challenges of …".
    if rx.search(
        r"\b(?:allowing|letting|enabling|helping)\s+(?:\w+\s+){1,2}to\b|\b(?:while|also) discussing\b",
        before,
        rx.I,
    ):
        return True
    # "methodologies … for detecting SDC": the object of another verb than a use or build
    # verb is what the company acts on, not what it runs.
    # … and so is the object of a purpose: "adopted RDS to make MySQL upgrades painless".
    if e.type == "TECHNOLOGY" and rx.search(
        r"\bto\s+(?:help\s+)?(?:make|ensure|improve|keep|protect|monitor|detect|debug|test|"
        r"benchmark|evaluate|simplify|speed up|secure)\s+(?:[\w-]+\s+){0,3}$",
        clause,
        rx.I,
    ):
        return True
    gerund = rx.search(r"\b(?:for|by)\s+([a-z]+ing)\s+(?:[\w()\[\]/-]+\s*){0,2}$", before)
    if (
        e.type == "TECHNOLOGY"
        and gerund is not None
        and not rx.fullmatch(rf"{USE_VERB}|{BUILD_VERB}", gerund.group(1), rx.I)
    ):
        return True
    # A concept that names a kind of problem is a problem suffered (rule 7): "background
    # job issues", "caching bugs".
    # … and so are "MySQL server crashes" and a metric ("decreased model training time").
    if rx.match(
        r"\s+(?:[\w-]+\s+)?(?:issues|problems|challenges|bugs|errors|failures|outages|incidents|"
        r"bottlenecks|pitfalls|headaches|crash(?:es)?)\b",
        after,
        rx.I,
    ) or (
        e.type == "CONCEPT"
        and rx.match(
            r"\s+(?:times?|latency|costs?|performance|throughput|speed|efficiency)\b", after, rx.I
        )
    ):
        return True
    # "backed wholly by our public cloud provider": the concept says what another party
    # is, the company's provider or vendor, not what the company practises (rule 2).
    if e.type == "CONCEPT" and rx.match(r"\s+(?:providers?|vendors?|suppliers?)\b", after, rx.I):
        return True
    # … and so is one reduced, avoided or fought: "find and reduce toil" (rule 7).
    if e.type == "CONCEPT" and AVOIDED.search(before):
        return True
    if e.type != "CONCEPT":
        # "Pingora, a Rust-based HTTP proxy": the appositive describes Pingora.
        return _apposed_tech(unit, i, after=False)
    # An example in parentheses: "(WebAuthn, FIDO2, public key cryptography)".
    if before.rfind("(") > before.rfind(")"):
        return True
    # "moved its monolithic applications to", "rebuilt their Python 2 monolith into".
    if rx.match(r"^(?:\s+[\w-]+){0,2}\s+(?:in)?to\b", after) and (
        FROM_TO_VERB.search(before[-60:]) or rx.search(r"\brebuil\w*\b", before[-60:], rx.I)
    ):
        return True
    # Rule 5: the concept goes to the technology that realises it, in the same phrase:
    # "GPU inference", "a Rust-based HTTP proxy", "Docker containers" …
    prev = unit.ents[i - 1] if i else None
    if (
        prev is not None
        and prev.type == "TECHNOLOGY"
        and (
            rx.fullmatch(r"[\u2122\u00ae]?(?:-[\w]+)?\s+(?:[\w-]+\s+)?", text[prev.e : e.s])
            or ON_TECH.fullmatch(text[prev.e : e.s])  # "Kubernetes running on bare metal"
        )
    ):
        return True
    # "their monolithic Postgres", "a monolithic Chef cookbook": the concept qualifies the
    # technology right after it, and is said of it, not of the company (rule 5).
    nxt = unit.ents[i + 1] if i + 1 < len(unit.ents) else None
    if (
        nxt is not None
        and nxt.type == "TECHNOLOGY"
        and rx.fullmatch(r"\s+", text[e.e : nxt.s])
        and rx.search(r"\b(?:its|their|our|the|a|an)\s+$", before, rx.I)
    ):
        return True
    # … "Envoy, a home-grown proxy server", "our search engine …, called Blackbird",
    # "the Service Mesh, Envoy": an apposition of a named technology.
    if _apposed_tech(unit, i):
        return True
    # "the origin server", "the closest replica": a particular thing named in passing.
    return rx.search(r"\bthe\s+(?:[\w-]+\s+)?$", before, rx.I) is not None


def _vendor(unit: _Unit, i: int) -> bool:
    """ "Elixir's GenStage": the possessor is the vendor of the next technology."""
    ents = unit.ents
    if i + 1 >= len(ents) or ents[i + 1].type != "TECHNOLOGY":
        return False
    gap = unit.text[ents[i].e : ents[i + 1].s]
    return gap in ("'s ", "\u2019s ") or ents[i].m.text.endswith(("'s", "\u2019s"))


def _topic_at(unit: _Unit, i: int, actor: str) -> bool:
    """Whether the title states the concept ``ents[i]`` as its topic at the post's company:
    "Event Sourcing and Stream Processing Pipelines at Grab", "Supercharging A/B Testing At
    Uber", "Selecting a model for semantic search at Dropbox scale" (rule 1: a title that
    names what the summary describes). No technology stands between them: in "Replicating
    Kafka clusters at LinkedIn" the practice is the technology's."""
    ents = unit.ents
    for f in ents[i + 1 :]:
        if f.type == "TECHNOLOGY":
            return False
        if f.type == "COMPANY":
            # "@" is a headline's "at": "Autoscaling applications @ PayPal"
            at = rx.search(r"(?:\bat|@)\s+$", unit.text[: f.s], rx.I)
            return f.name == actor and at is not None
    return False


def _actor_evidence(unit: _Unit) -> str:
    """How a sentence ties what it names to the post's company: the title, an anaphor ("we",
    "the team", "its"), or the company's name; the three differ in precision."""
    if unit.field == "title":
        return "title"
    return "anaphor" if ANAPHOR.search(unit.text) else "named"
