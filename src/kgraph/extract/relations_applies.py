"""More ways a sentence states ``applies`` (RELATION-RULES rules 4 and 5), read after the
main sentence rules of :mod:`kgraph.extract.relations`.

* a title whose company, or "we", is the subject of its verb ("How Lyft Used Envoy to
  Rethink Microservice Development"): the title states what the company does (rule 1), and
  the actor rule gives its concepts a line of their own (``actor:title-subject``);
* the purpose of a technology a use verb takes: "Kafka uses ZooKeeper for distributed
  coordination" (rule 5: ZooKeeper applies distributed coordination), unless the technology
  is a language or hardware ("use a Cloud TPU for image classification": the user's purpose);
* examples of a concept in parentheses or after "e.g.": "package managers (e.g., npm,
  pip)", "inference servers (like vLLM or TGI)" (rule 4: a list of examples counts as "is a");
* examples of a head's kind of practice: "Husky employs techniques such as lazy evaluation
  and caching" (rule 4), and what a technology announces support for (rule 2);
* uses stated around a named technology: "T is a broker that we use at C", "C is a …
  platform powered by T", and titles whose company, or the post's, works with a technology
  ("Coinbase Scales … with MongoDB", "Building Faster Indexing with Apache Kafka") (rule 1).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgraph.extract import rx
from kgraph.extract.relations_words import SYSTEM_NOUN
from kgraph.model import entity_key

# The verbs of doing or providing a concept (relations_verbs.PRACTISE_VERB, repeated: this module
# is imported by the relation rules).
PRACTISE_VERB = (
    r"(?:implement(?:s|ed|ing)?|employ(?:s|ed|ing)?|adopt(?:s|ed|ing)?|appl(?:y|ies|ied|ying)|"
    r"uses|used|using|leverag(?:es|ed|ing)|embrac(?:es|ed|ing)|perform(?:s|ed|ing)?|"
    r"introduc(?:es|ed|ing)|provid(?:es|ed|ing)|support(?:s|ed|ing)?|offer(?:s|ed|ing)?|"
    r"enabl(?:es|ed|ing)|utili[sz](?:es|ed|ing)|provide|enable|support|implement)"
)

if TYPE_CHECKING:
    from kgraph.extract.relations_post import _Post, _Unit

# Kinds of technology that name what a thing is written in or runs on, not what it does
# ("a Go monorepo", "Kotlin microservices", "GPU inference").
_CARRIER_KINDS = frozenset({"programming language", "hardware", "hardware accelerator"})


# A title's company (or "we") as the subject of its verb: "How Lyft Used Envoy to Rethink
# Microservice Development", "Etsy Engineering Unveils …", "How We Applied Client-Side
# Caching …", "NAT traversal, and how we're improving it".
_TITLE_VERB = re.compile(
    r"(?:['\u2019]s\s+)?(?:\s*(?:engineering|engineers|team|teams)\b)?\s+(?:\w+ly\s+)?"
    r"(?P<verb>[A-Za-z]+(?:ed|es|s)|built|made|cut|ran|won|wins|wrote|rebuilt|took)\b",
    rx.I,
)
# … but not what "we" only learned, saw or talk about ("What We Learned at re:Invent About
# Serverless Cold Starts")
_TITLE_WE = re.compile(
    r"\bwe(?:['\u2019](?:re|ve))?\s+(?:\w+ly\s+)?(?!(?:learn|talk|think|discuss|read|see|saw|"
    r"know|knew|wish|want|need|love|like|found|heard|ask|tried|try)\w*\b)[a-z]+\b",
    rx.I,
)
# … nor what the company only says, shares or feels about something (a news headline's
# "Google shares its load balancer design", "Microsoft Really Does Love Linux"), as for "we".
_TITLE_SAYS = re.compile(
    r"(?:learn|talk|think|discuss|share|say|explain|describe|detail|reveal|outline|warn|"
    r"predict|know|wish|want|need|love|like|hate|ask|see|does|do)\w*$",
    rx.I,
)
# Where a title's subject stands: its start, after "How" / "Why" …, or after a colon or dash
# ("Greyhound: How Wix Scaled …"); a company later in the title is an object ("Bringing
# Vector Search to Etsy Listings").
_TITLE_SUBJECT_LEAD = re.compile(
    r"(?:^|[:\u2013\u2014|-]\s*|\b(?:how|why|when|where|what)\s+)(?:the\s+)?$", rx.I
)


def title_subject(unit: _Unit, actor: str) -> bool:
    """Whether the title's company, or "we", is the subject of a verb in the title: the
    title then states what the company does, and its concepts are the company's practice
    (rule 1: a title that names what the summary describes)."""
    if _TITLE_WE.search(unit.text):
        return True
    starts = {f.s for f in unit.ents}
    for e in unit.ents:
        if e.name != actor:
            continue
        if not _TITLE_SUBJECT_LEAD.search(unit.text[: e.s]):
            continue
        after = unit.text[e.e :]
        m = _TITLE_VERB.match(after)
        if m is None or m.group("verb").lower() in ("is", "was", "has", "vs", "series", "news"):
            continue
        if _TITLE_SAYS.match(m.group("verb")):
            continue  # "Google shares …", "Microsoft Really Does Love Linux": no practice
        if after[:2] in ("'s", "\u2019s") and not rx.match(
            r"..\s+(?:engineering|engineers|team)", after
        ):
            continue  # "Airbnb's Mussel V2: …": the possessive's noun is the title's subject
        if e.e + m.start("verb") in starts:
            continue  # "Lightstep distributed tracing guide": the word starts a concept
        return True
    return False


def post_rules(state: _Post) -> None:
    """Run after the actor rule: a technology that heads these relations is still one the
    company may use, so they must not keep the actor rule from attaching it."""
    for unit in state.units:
        types = {e.type for e in unit.ents}
        # every rule here links a technology to a concept, or a company to one after a
        # technology: a sentence without both is skipped at once
        if "CONCEPT" in types and "TECHNOLOGY" in types:
            _examples(state, unit)
            _used_for(state, unit)
            _tech_verb(state, unit)
            _mixed_objects(state, unit)
            _based_concept(state, unit)
            _subject_verb(state, unit)
            _concept_modifier(state, unit)
            _adjective_class(state, unit)
            _named_class(state, unit)
        if "TECHNOLOGY" in types:
            uses_rules(state, unit)
            _our_stack(state, unit)
        if "CONCEPT" in types:
            _kind_examples(state, unit)
            if "TECHNOLOGY" in types:
                _news_support(state, unit)


_ADJECTIVE = re.compile(
    r"(?:[a-z]ed|-native|-tenant|-aware|-safe|\bopen[- ]source|\bavailable)$", rx.I
)


# Words that go on after a noun phrase rather than inside it.
_FUNCTION = (
    r"(?:and|or|is|are|was|were|has|have|had|which|that|who|to|for|in|on|at|with|as|by|from|"
    r"of|via|into|can|will|now|also|the|a|an|its|their|our)"
)


def _concept_modifier(state: _Post, unit: _Unit) -> None:
    """ "Load-balanced Brooklin Mirror Maker", "the open source BoltDB system", "Cloud-native
    Amazon SQS and Kinesis": a concept that modifies a technology's name says what the
    technology is (rule 4, as "T, a multi-tenant X")."""
    text, ents = unit.text, unit.ents
    for i, e in enumerate(ents[:-1]):
        nxt = ents[i + 1]
        if e.type != "CONCEPT" or nxt.type != "TECHNOLOGY" or text[e.e : nxt.s] != " ":
            continue
        # an adjective ("load-balanced", "cloud-native", "highly available", "open source"),
        # not a noun or verb that begins a phrase of its own ("Autoscaling Mesos Clusters",
        # "embedding Streams-specific payloads")
        if not _ADJECTIVE.search(text[e.s : e.e]):
            continue
        if rx.match(r"\s+[A-Z]", text[nxt.e :]):
            continue  # "open-source Postgres Operator": the adjective is a longer name's
        after = ents[i + 2] if i + 2 < len(ents) else None
        if (
            after is not None and after.type == "CONCEPT" and not text[nxt.e : after.s].strip()
        ) or rx.match(rf"\s+(?!{_FUNCTION}\b)[a-z][\w-]*\s+(?!{_FUNCTION}\b)[a-z]", text[nxt.e :]):
            # "an open-source eBPF auto-instrumentation tool": the adjective qualifies the
            # noun phrase the technology only modifies, not the technology
            continue
        if (
            i
            and ents[i - 1].type == "TECHNOLOGY"
            and _PREDICATE_NP.fullmatch(text[ents[i - 1].e : e.s])
            and rx.match(r"\s+[a-z]", text[nxt.e :])
        ):
            # "Katran is an open-source eBPF project": the noun phrase says what Katran is,
            # and eBPF only qualifies its noun
            continue
        for t in listed(ents, i + 1, text, _AND_GAP):
            if not _carrier(state, t.name):  # "serverless GPU inference": the GPU hosts it
                state.add(t.name, "applies", e.name, text, "modifier:concept")


# Between a technology and the noun phrase that says what it is: "T is a", "T, an".
_PREDICATE_NP = re.compile(r"(?:\s+(?:is|was|are|were)|,)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}")


# The class noun an adjectival concept qualifies ("open-source transactional file formats",
# "open source engine"): before examples, any noun phrase; before a name, a word or two of
# what it does, then a noun of a kind of system.
_CLASS_NOUN = (
    rf"(?:\s+(?!{_FUNCTION}\b)[a-z][\w-]*){{0,2}}\s+(?:{SYSTEM_NOUN}|projects?|formats?|"
    r"tools?|tooling|software|implementations?|models?|stores?|runtimes?|languages?|"
    r"protocols?|brokers?|caches?|queues?|SDKs?|alternatives?|options?|databases?)"
)
_CLASS_EXAMPLES = re.compile(
    # "open source libraries -- Guice, Guava": a dash opens the examples as a colon does
    rf"(?:\s+(?!{_FUNCTION}\b)[a-z][\w-]*){{1,3}}(?:,?\s+(?:such as|like|including)\s+|:\s+|\s+(?:--|\u2014|\u2013)\s+|\s*\(\s*(?:e\.g\.,?|like|"
    r"such as|including)\s*)"
)
_CLASS_NAMED = re.compile(_CLASS_NOUN + r"\s+")
_USED_CLASS = re.compile(
    r"\b(?:using|uses|(?<!ly )used|use|on top of|built on|based on|among|with)\s+"
    r"(?:(?!(?:and|or|but)\b)[\w-]+\s+){0,2}$",
    rx.I,
)


def _adjective_class(state: _Post, unit: _Unit) -> None:
    """ "three open-source transactional file formats: Apache Hudi, Apache Iceberg, and Delta
    Lake", "a strong open source engine like SGLang", "the open-source inference engine
    SGLang": an adjectival concept on the class noun that the technologies after it are
    examples or the name of says what each of them is (rule 4: a list of examples counts as
    "is a")."""
    text, ents = unit.text, unit.ents
    for i, e in enumerate(ents[:-1]):
        if e.type != "CONCEPT" or not _ADJECTIVE.search(text[e.s : e.e]):
            continue
        if _USED_CLASS.search(text, max(0, e.s - 60), e.s):
            # "using industry open-source tooling (like Packer, Ansible)", "a PaaS built on top
            # of open source tools including Docker", "a trend among open-source projects like
            # PostHog": the phrase names what another head uses or belongs with; annotated
            # text gives those examples no concept (9 of 9 wrong on the tuning sets)
            continue
        m = _CLASS_EXAMPLES.match(text, e.e)
        examples = m is not None
        if m is None:
            m = _CLASS_NAMED.match(text, e.e)
            if m is None:
                continue
        j = next((k for k in range(i + 1, len(ents)) if ents[k].s >= m.end()), None)
        if j is None or ents[j].s != m.end() or ents[j].type != "TECHNOLOGY":
            continue
        if any(f.type != "CONCEPT" for f in ents[i + 1 : j]):
            continue  # the class noun holds another name: not one noun phrase
        if examples:
            run = listed(ents, j, text, _EXAMPLES_LISTED)
        elif rx.match(rf"(?:\s+(?:[A-Z]|(?!{_FUNCTION}\b)[a-z])|-\w)", text[ents[j].e :]):
            continue  # "an open-source tool Kafka Connect uses": T begins another phrase
        else:
            run = [ents[j]]
        for t in run:
            if not _carrier(state, t.name):
                state.add(t.name, "applies", e.name, text, "apposition:class")


# "a stream processing platform called the User Signals Platform", "rule engine platform,
# also known as Guardian", "infrastructure as code project Terraform": a class noun, then the
# name it is given.
_CALLED = re.compile(
    r"(?:\s+[\w-]+){0,2},?\s+(?:also\s+)?(?:called|named|dubbed|codenamed|known\s+as)\s+"
    r"(?:the\s+)?[\"\u201c]?",
    rx.I,
)
_CLASS_THEN_NAME = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:"
    + SYSTEM_NOUN
    + r"|projects?|tools?|software|formats?|protocols?|DBs?|runtimes?|brokers?|stores?)\s+",
    rx.I,
)


def _named_class(state: _Post, unit: _Unit) -> None:
    """ "a stream processing platform called the User Signals Platform", "open source
    container orchestration platform Kubernetes": a concept on the class noun a technology
    is named as, or "called", is what the technology is (rule 4, "X called T")."""
    text, ents = unit.text, unit.ents
    for i, e in enumerate(ents[:-1]):
        t = ents[i + 1]
        if e.type != "CONCEPT" or t.type != "TECHNOLOGY":
            continue
        if not (_CALLED.fullmatch(text, e.e, t.s) or _CLASS_THEN_NAME.fullmatch(text, e.e, t.s)):
            continue
        if rx.match(rf"(?:\s+(?:[A-Z]|(?!{_FUNCTION}\b)[a-z])|-\w)", text[t.e :]):
            continue  # "a framework Kafka Connect uses": T begins another phrase
        if not _carrier(state, t.name):
            state.add(t.name, "applies", e.name, text, "apposition:named")


_PRACTISE_COMMA = re.compile(
    r"\b(?P<verb>"
    + PRACTISE_VERB
    + r"|to\s+provide)\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+,?\s+){0,3}?$",
    rx.I,
)


def _subject_verb(state: _Post, unit: _Unit) -> None:
    """ "Airbnb's internal Impulse framework combines a load generator … to provide
    containerized performance testing", "eBPF is a kernel technology used … to provide deeper
    observability": in a sentence whose subject is a named technology, the direct object of a
    verb of providing or practising, later in the same clause, is the technology's concept
    (rule 2). Other concepts of the sentence stay unattached."""
    from kgraph.extract.relations_clauses import _subject_tech

    subject = _subject_tech(unit)
    if subject is None:
        return
    text, ents = unit.text, unit.ents
    k = ents.index(subject)
    for j in range(k + 1, len(ents)):
        first = ents[j]
        if first.type != "CONCEPT":
            continue
        between = text[subject.e : first.s]
        if rx.search(r"[;:]|\b(?:we|they|you|our|their|which|that|who|but|while)\b", between, rx.I):
            return  # another clause, or another subject
        start = max(subject.e, ents[j - 1].e)
        if rx.search(
            r"\bsupport\s+for\s+(?:[\w-]+\s+){0,2}$", text[start : first.s], rx.I
        ) or rx.match(r"\s+support\b", text[first.e :], rx.I):
            # "OpenTelemetry announces support for profiling", "Weaviate v1.20 … native
            # multi-tenancy support": what the subject supports it provides (rule 2)
            if not rx.search(r"n['\u2019]t\b|\b(?:not|never|without|no)\b", between, rx.I):
                state.add(subject.name, "applies", first.name, text, "subject:verb")
            continue
        verb = _PRACTISE_COMMA.search(text, start, first.s)
        if verb is None or rx.search(r"\b(?:and|or|of|for|to)\b", text[verb.end("verb") : first.s]):
            continue
        if verb.group("verb").lower().endswith("ing"):
            continue
        if rx.search(
            r"n['\u2019]t\b|\b(?:not|never|without|rather than|instead of)\b", between, rx.I
        ):
            return
        _apply_run(state, subject, ents, j, text, "subject:verb", adjacent=True)


_SYSTEM_KIND = re.compile(
    r"\b(?:engine|service|store|database|proxy|server|platform|system|framework|tool|"
    r"scheduler|broker|gateway|balancer|layer|library|pipeline)s?$",
    rx.I,
)


def _based_concept(state: _Post, unit: _Unit) -> None:
    """ "FFmpeg-based transcoding systems": the concept the compound qualifies is realised by
    the technology (rule 5) when no named system is the compound's noun ("Tidewater, a
    Zig-based job scheduler" is Tidewater's)."""
    text, ents = unit.text, unit.ents
    for i, e in enumerate(ents[:-1]):
        nxt = ents[i + 1]
        if e.type != "TECHNOLOGY" or nxt.type != "CONCEPT" or _carrier(state, e.name):
            continue
        if not rx.fullmatch(
            r"[- ](?:based|backed|powered|driven)\s+(?:[\w-]+\s+)?", text[e.e : nxt.s], rx.I
        ):
            continue
        if rx.search(r",\s*(?:a|an|the|our|its|their)\s+(?:[\w-]+\s+){0,3}$", text[: e.s]):
            continue  # an appositive: the named system before it owns the concept
        if _SYSTEM_KIND.search(nxt.name):
            continue  # "Yelp's Lucene-Based Search Engine": a system built on T, not T's practice
        if any(f.type == "TECHNOLOGY" for f in ents[i + 2 : i + 3]) and rx.match(
            r"\s*(?:,|\(|called|named)", text[nxt.e :]
        ):
            continue
        state.add(e.name, "applies", nxt.name, text, "compound:concept")


def _mixed_objects(state: _Post, unit: _Unit) -> None:
    """ "Shopify's teams are utilizing Kubernetes and microservices": a list of objects of a
    company's verb that names technologies and concepts; the concepts after a technology
    are the company's practice as much as the first (the main rules read only a list that
    opens with a concept)."""
    from kgraph.extract.relations_clauses import _clause_subject
    from kgraph.extract.relations_verbs import _PRACTISE
    from kgraph.extract.relations_words import AVOIDED, NEGATED

    text, ents = unit.text, unit.ents
    for k, first in enumerate(ents):
        if first.type != "TECHNOLOGY":
            continue
        start = max(0, first.s - 60, ents[k - 1].e if k else 0)
        verb = _PRACTISE.search(text, start, first.s)
        if verb is None or rx.search(r"\b(?:and|or|of|for|to)\b", text[verb.end("verb") : first.s]):
            continue
        clause = rx.split(r"[;.:]|,\s+(?:but|while)\b", text[: verb.start()])[-1]
        if rx.search(
            NEGATED + r"|\b(?:will|would|could|might|plans? to|aims? to|you|which|that|who)\b",
            clause,
            rx.I,
        ):
            continue
        who = _clause_subject(state, unit, verb.start())
        if who is None:
            continue
        seen_tech, last = False, first
        for f in ents[k + 1 :]:
            if not rx.fullmatch(
                r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)", text[last.e : f.s]
            ):
                break
            seen_tech = seen_tech or last.type == "TECHNOLOGY"
            if f.type == "CONCEPT" and seen_tech and not AVOIDED.search(text[: f.s]):
                state.add(who, "applies", f.name, text, "verb:practise-list")
            last = f


# What a named system does with a concept it has: "Apache Kafka ships with diverse
# authentication options", "DuckDB v1.5.3 adds deletion vectors", "Michelangelo now sports an
# LLM gateway".
_TECH_VERB = re.compile(
    r"(?:['\u2019]s)?(?:\s*\([^()]{0,20}\))?(?:\s+(?:v?\d[\w.]*|now|also|natively|\w+ly))*\s+"
    r"(?P<verb>adds|added|ships with|shipped with|comes with|came with|sports|offers|offered|"
    r"includes|included|features|introduces|introduced|brings|brought|combines|combined|"
    r"uses|used|makes use of|made use of|relies on|relied on|performs|performed|creates|"
    r"supports|supported|provides|provided|implements|implemented|enables|enabled|employs|"
    r"employed|leverages|leveraged|applies|applied|adopts|adopted|handles|gains|gained)\s+"
    r"(?P<lead>(?:[\w-]+\s+){0,3}?)$",
    rx.I,
)


def _tech_verb(state: _Post, unit: _Unit) -> None:
    """A technology that opens the sentence as its subject, then a verb of having or doing:
    the concepts that are the verb's direct object are the technology's (rules 2, 4)."""

    text, ents = unit.text, unit.ents
    subject = next((e for e in ents if e.type != "COMPANY"), None)
    if subject is None or subject.type != "TECHNOLOGY":
        return
    # "Apache Kafka …", "The open source BoltDB …", "Uber's Michelangelo …", "At Yelp, Kafka …"
    if not rx.fullmatch(
        r"\s*(?:(?:in|at|since|today|now)\b[^,]{0,40},\s*)?(?:the\s+|our\s+|its\s+|their\s+)?"
        r"(?:[\w.&-]+(?:\s[\w.&-]+)?['\u2019]s\s+)?(?:(?:new|internal|own|open[- ]source)\s+)?",
        text[: subject.s],
        rx.I,
    ):
        return
    k = ents.index(subject) + 1
    if k >= len(ents) or ents[k].type != "CONCEPT":
        return
    first = ents[k]
    m = _TECH_VERB.fullmatch(text, subject.e, first.s)
    if m is None or rx.search(
        r"\b(?:and|or|of|for|to|in|on|with|by|from)\b", m.group("lead"), rx.I
    ):
        return
    _apply_run(state, subject, ents, k, text, "verb:tech", adjacent=False)


_USED = re.compile(
    r"\b(?:uses|used|using|use|employ\w*|leverag\w*|utili[sz]\w*|relies on|relying on|"
    r"relied on|chose|choosing|chooses|picked|adopt\w*|deploy\w*|run\w*|ran)\s+"
    r"(?:(?:the|a|an|its|their|our|tools like|systems like)\s+)?$",
    rx.I,
)


def _used_for(state: _Post, unit: _Unit) -> None:
    """ "Petrel uses HAProxy for load balancing", "Uses Ray + DeepSpeed for distributed
    fine-tuning": the purpose is the used technology's own activity (rule 5), so each
    technology the verb uses applies the concepts the purpose names."""
    from kgraph.extract.relations_words import UNSTATED_USE

    text, ents = unit.text, unit.ents
    for i, e in enumerate(ents):
        used = _USED.search(text[max(0, e.s - 40) : e.s])
        if e.type != "TECHNOLOGY" or not used:
            continue
        start = max(0, e.s - 40) + used.start()
        if UNSTATED_USE.search(text[max(0, start - 40) : start]):
            continue  # "does not use Kubernetes for stateful workloads": no use (rule 7)
        if _carrier(state, e.name):
            continue  # "use a Cloud TPU for image classification": the purpose is the user's
        techs = [e]
        j = i + 1
        while (
            j < len(ents)
            and ents[j].type == "TECHNOLOGY"
            and rx.fullmatch(
                r"\s*(?:,|\+|/|\bor\b|\band\b|,\s*or|,\s*and)\s*", text[techs[-1].e : ents[j].s]
            )
        ):
            techs.append(ents[j])
            j += 1
        if j >= len(ents) or ents[j].type != "CONCEPT":
            continue
        # "… for load balancing", and the purpose as an infinitive: "leveraged Kafka to
        # enable real-time data streaming", "uses Redis to implement rate limiting"
        m = rx.fullmatch(
            r"\s+(?:[\w-]+\s+){0,2}?(?:for|to\s+(?:\w+ly\s+)?(?:enable|implement|provide|power|"
            r"perform|achieve|handle|support|build|drive|deliver|manage|ensure|offer|add|apply))"
            r"\s+(?:(?:the|a|an|its|their|our|various|all)\s+)?(?:[a-z][\w-]*\s+)?",
            text[techs[-1].e : ents[j].s],
        )
        if m is None:
            continue
        concepts = concept_run(ents, j, text)
        for t in techs:
            for c in concepts:
                state.add(t.name, "applies", c.name, text, "used-for")


def _carrier(state: _Post, name: str) -> bool:
    if state.onto is None:
        return False
    entry = state.onto.entries.get(entity_key("TECHNOLOGY", name))
    return entry is not None and bool(_CARRIER_KINDS.intersection(entry.parents))


_EXAMPLES = re.compile(
    r"\s*(?:\(\s*(?:e\.g\.,?|i\.e\.,?|like|such as|including)?|,?\s+e\.g\.,?)\s*", rx.I
)


def _examples(state: _Post, unit: _Unit) -> None:
    """ "package managers (e.g., npm, pip, cargo)": each example applies the concept."""
    text, ents = unit.text, unit.ents
    for i, e in enumerate(ents[:-1]):
        nxt = ents[i + 1]
        if e.type != "CONCEPT" or nxt.type != "TECHNOLOGY":
            continue
        gap = text[e.e : nxt.s]
        m = _EXAMPLES.fullmatch(gap)
        if m is None or ("(" not in gap and "e.g" not in gap):
            continue
        if "(" in gap and not rx.search(r"e\.g|like|such as|including|i\.e", gap):
            # "(Mussel)" names the one system: the main rules read that apposition
            continue
        for f in listed(ents, i + 1, text, _EXAMPLES_LISTED):
            state.add(f.name, "applies", e.name, text, "apposition:examples")


# Between two concepts of one list: a comma or "and" / "or", and at most two words of their own
# ("X, Y and edge Z").
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:[\w-]+\s+){0,2}")
# Between two technologies of one list: "Amazon SQS and Kinesis"; examples may also be
# split by a slash or "or" ("npm, pip or cargo"); instruments by "&" or "+" ("with Kafka & Flink").
_AND_GAP = re.compile(r"\s*(?:,|\band\b|,\s*and)\s*")
_EXAMPLES_LISTED = re.compile(r"\s*(?:,|/|\bor\b|\band\b|,\s*or|,\s*and)\s*")
_WITH_GAP = re.compile(r"\s*(?:,|and|&|\+)\s*(?:and\s+)?")


def listed(ents: list, i: int, text: str, gap: re.Pattern, adjacent: bool = False) -> list:
    """``ents[i]`` and the entities of its type listed right after it, each joined to the one
    before by ``gap``; with ``adjacent``, one written straight after the last one
    ("containerized performance testing") joins the list too."""
    run = [ents[i]]
    for f in ents[i + 1 :]:
        between = text[run[-1].e : f.s]
        if f.type != run[0].type or not (
            gap.fullmatch(between) or (adjacent and between.strip() == "" and between)
        ):
            break
        run.append(f)
    return run


def concept_run(ents: list, i: int, text: str, adjacent: bool = False) -> list:
    """The concept ``ents[i]`` and the concepts listed right after it (see :func:`listed`)."""
    return listed(ents, i, text, _LIST_GAP, adjacent)


def _apply_run(state: _Post, subject, ents: list, i: int, text: str, method: str, adjacent: bool):
    """``subject`` applies the concept ``ents[i]`` and those listed after it, but not one a
    failure or problem word stands before (rule 7)."""
    from kgraph.extract.relations_words import AVOIDED

    for f in concept_run(ents, i, text, adjacent):
        if not AVOIDED.search(text[: f.s]):
            state.add(subject.name, "applies", f.name, text, method)


# A head's verb of having or practising before a list of examples of a kind of practice:
# "Husky employs advanced techniques such as fragment pruning, lazy evaluation and caching",
# "Iceberg v3 includes major improvements such as deletion vectors".
_KIND_EXAMPLES = re.compile(
    r"\s+(?:\w+ly\s+)?(?P<verb>employs|employed|uses|used|implements|implemented|includes|"
    r"included|offers|offered|features|introduces|introduced|adds|added|supports|provides|"
    r"combines|applies|applied|leverages|leveraged|brings|brought)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:techniques|features|improvements|capabilities|mechanisms|"
    r"optimi[sz]ations|strategies|patterns|methods|approaches|practices|enhancements)"
    r",?\s+(?:such as|like|including)\s+",
    rx.I,
)
_KIND_EXAMPLES_VERSIONED = re.compile(r"(?:\s+v?[\d.]+)?" + _KIND_EXAMPLES.pattern, rx.I)
_EXAMPLES_WORD = re.compile(r"\b(?:such as|like|including)\b", rx.I)
# Between two examples of one list: a comma or "and" / "or", and up to a few words of an
# example the entity stage did not name ("fragment pruning, lazy evaluation").
_ITEM_WORD = r"(?!(?:to|for|which|that|with|in|on|by|while|where|so|as|is|are|was|were)\b)[\w-]+"
_EXAMPLE_GAP = re.compile(
    rf"(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:{_ITEM_WORD}\s+){{0,3}}?)+"
)
# Before the first example: up to two words of it, or examples the entity stage did not name.
_FIRST_GAP = re.compile(
    rf"(?:(?:{_ITEM_WORD}\s+){{0,3}}?{_ITEM_WORD},\s+(?:and\s+|or\s+)?)*(?:{_ITEM_WORD}\s+){{0,2}}"
)


def _kind_examples(state: _Post, unit: _Unit) -> None:
    """ "Husky employs advanced techniques such as fragment pruning, lazy evaluation, …": the
    examples of the practices a head has or uses are each its own (rule 4: a list of
    examples counts as "is a"). The head is the technology that opens the clause, right
    before the verb, or the company that is the verb's subject."""
    from kgraph.extract.relations_clauses import _clause_subject, _opens_clause
    from kgraph.extract.relations_words import NEGATED

    text, ents = unit.text, unit.ents
    if _EXAMPLES_WORD.search(text) is None:
        return  # most sentences list no examples: one search instead of one per mention
    for k, e in enumerate(ents):
        m = _KIND_EXAMPLES.match(text, e.e)
        if m is None and e.type == "TECHNOLOGY":
            m = _KIND_EXAMPLES_VERSIONED.match(text, e.e)  # "Iceberg v3 includes …"
        if m is None or e.type == "CONCEPT":
            continue
        if e.type == "TECHNOLOGY":
            if not _opens_clause(text, e.s):
                continue
            head = e.name
        else:
            head = _clause_subject(state, unit, m.start("verb"))
            if head is None:
                continue
        if rx.search(NEGATED, text[: m.start("verb")], rx.I):
            continue
        last = m.end()
        for f in ents[k + 1 :]:
            if f.s < m.end():
                continue
            gap = text[last : f.s]
            if last != m.end() and not _EXAMPLE_GAP.fullmatch(gap):
                break
            if last == m.end() and not _FIRST_GAP.fullmatch(gap):
                break
            if f.type == "CONCEPT":
                state.add(head, "applies", f.name, text, "apposition:kind")
            last = f.e


# A title's instrument: "Coinbase Scales to Match Volatile Crypto Traffic with MongoDB", "How
# Wayfair says yes with BigQuery".
_TITLE_WITH = re.compile(r"\s(?:with|using|via|on top of|powered by|built on)\s+(?:the\s+)?$", rx.I)


# A title that opens with a gerund whose object the company owns: "Scaling Faire's CI …".
_TITLE_GERUND = re.compile(r"\s*(?:how\s+(?:we\s+)?)?[a-z]+ing\s+", rx.I)

_RELEASE = re.compile(
    r"(?:ships|shipped|launch\w*|releases|released|announc\w*|unveil\w*|introduc\w*|debuts)$",
    rx.I,
)


def title_with(state: _Post, unit: _Unit) -> None:
    """A title whose company is the subject of its verb and whose technology is the verb's
    instrument ("with", "using", "powered by") says the company uses it (rule 1: a title
    that names what the summary describes; "C runs X with T" is a clause of use)."""
    if unit.field != "title":
        return
    text, ents = unit.text, unit.ents
    companies = [e for e in ents if e.type == "COMPANY"]
    if (
        not companies
        and state.actor is not None
        and not _TITLE_WE.search(text)
        # "Optimizing your Amazon EKS compute costs with Karpenter": the reader's work
        and not rx.search(r"\byour\b", text, rx.I)
    ):
        # "Building Faster Indexing with Apache Kafka and Elasticsearch": a title that names
        # no company says what the post's company did (rule 1)
        for i, e in enumerate(ents):
            if e.type != "TECHNOLOGY" or not title_instrument(unit, i):
                continue
            # "Improving Performance and Capacity for Espresso with New Netty Framework": the
            # work is done on a named system, whose use it is (rule 2)
            marks = list(rx.finditer(r"\s(?:with|using)\s", text[: e.s], rx.I))
            system = [
                f
                for f in ents[:i]
                if f.type == "TECHNOLOGY"
                and marks
                and f.e == marks[-1].start()
                and rx.search(r"\b(?:for|of|in)\s+(?:the\s+|our\s+)?$", text[: f.s], rx.I)
            ]
            head = system[-1].name if system else state.actor
            state.add(head, "uses", e.name, text, "title:instrument")
        return
    if len(companies) != 1:
        return
    company = companies[0]
    possessed = _TITLE_GERUND.fullmatch(text[: company.s]) and (
        text[company.e : company.e + 2] in ("'s", "\u2019s")
        or rx.search(r"['\u2019]s$", text[company.s : company.e])
    )
    if possessed:
        # "Scaling Faire's CI horizontally with Buildkite and Kubernetes": the work is done
        # on the company's own system, so its instrument is the company's (rules 1, 3)
        for k, f in enumerate(ents):
            if (
                f.type == "TECHNOLOGY"
                and f.s > company.e
                and _TITLE_WITH.search(text[: f.s])
                and not rx.search(
                    r"[:;?!]|\b(?:not|without|instead of|rather than|vs)\b",
                    text[company.e : f.s],
                    rx.I,
                )
                and not rx.match(r"['\u2019]s?\b", text[f.e :])
            ):
                for g in listed(ents, k, text, _WITH_GAP):
                    state.add(company.name, "uses", g.name, text, "title:with")
                break
        return
    if not _TITLE_SUBJECT_LEAD.search(text[: company.s]):
        return
    verb = _TITLE_VERB.match(text, company.e)
    if verb is None or verb.group("verb").lower() in ("is", "was", "has", "vs", "series", "news"):
        return
    if _RELEASE.match(verb.group("verb")):
        return  # "Snowflake ships Iceberg v3 GA with Horizon Catalog …": a feature it sells
    if text[company.e : company.e + 2] in ("'s", "\u2019s"):
        return
    for k, f in enumerate(ents):
        if f.type != "TECHNOLOGY" or f.s <= company.e or not _TITLE_WITH.search(text[: f.s]):
            continue
        if rx.match(r"['\u2019]s?\b", text[f.e :]) or rx.search(r"['\u2019]s?$", text[f.s : f.e]):
            continue  # "with Elixir's GenStage": the instrument is the possessed noun
        maker = state.maker(f)
        if maker and (maker == company.name or maker in company.name or company.name in maker):
            continue  # "NVIDIA Triples … with TensorRT-LLM": its own product, not a use of it
        if rx.search(
            r"[:;?!]|\b(?:not|without|instead of|rather than)\b", text[company.e : f.s], rx.I
        ):
            continue
        for g in listed(ents, k, text, _WITH_GAP):
            state.add(company.name, "uses", g.name, text, "title:with")


# A technology's news verb before what it now supports: "OpenTelemetry announces support for
# profiling", "Weaviate adds native multi-tenancy support".
_NEWS_VERB = re.compile(
    r"(?:\s+v?[\d.]+)?\s+(?:\w+ly\s+)?(?:announc(?:es|ed)|adds|added|introduc(?:es|ed)|gains|gained|"
    r"gets|got|brings|brought|ships|shipped|launch(?:es|ed)|releases|released|now has)\s+",
    rx.I,
)


def _news_support(state: _Post, unit: _Unit) -> None:
    """ "OpenTelemetry announces support for profiling": a technology that opens its sentence
    and announces, adds or ships support for a concept provides it (rule 2, as "T supports
    X"). Only the supported concepts: what else the news names may be someone else's."""
    from kgraph.extract.relations_clauses import _opens_clause
    from kgraph.extract.relations_words import NEGATED

    text, ents = unit.text, unit.ents
    if "support" not in text.lower():
        return
    for k, e in enumerate(ents[:-1]):
        if e.type != "TECHNOLOGY" or not _opens_clause(text, e.s):
            continue
        verb = _NEWS_VERB.match(text, e.e)
        if verb is None:
            continue
        for f in ents[k + 1 :]:
            between = text[verb.end() : f.s]
            if rx.search(r"[;:.]|" + NEGATED, between, rx.I):
                break
            if f.type != "CONCEPT":
                continue
            if rx.fullmatch(
                r"(?:[\w-]+\s+){0,3}?support\s+for\s+(?:[\w-]+\s+){0,2}", between, rx.I
            ) or (
                rx.fullmatch(r"(?:[\w-]+\s+){0,2}", between)
                and rx.match(r"\s+support\b", text[f.e :], rx.I)
            ):
                state.add(e.name, "applies", f.name, text, "subject:verb")
                # "support for logs, metrics and traces": the list shares the phrase
                for g in concept_run(ents, ents.index(f), text)[1:]:
                    state.add(e.name, "applies", g.name, text, "subject:verb")
            break


# "Hermes is a … message broker that we use at Allegro", "Kafka, which we run on …": a
# relative clause whose subject is the post's company ("we") and whose verb is one of use.
_WE_USE = re.compile(
    r"[^.;:()]{0,100}?\b(?:that|which)\s+(?:we|our\s+(?:teams?|engineers))\s+(?:\w+ly\s+)?"
    r"(?:use|used|run|ran|rely on|relied on|adopted|deploy|deployed|operate|chose|leverage|"
    r"employ|have been using|are using)\b(?P<at>\s+at\s+)?",
    rx.I,
)


_RELATIVE_WE = re.compile(r"\b(?:that|which)\s+(?:we|our)\b", rx.I)
_COPULA = re.compile(r"\s(?:is|was)\s+an?\s|,\s+an?\s", rx.I)
# "RadixArk, a startup building on the widely used open-source inference engine SGLang": the
# phrase of use may have the technology's own description between it and the name.
_BUILDS_ON = re.compile(
    r"\b(?:(?:building|builds|built|based|running|runs)\s+on|powered by|backed by)\s+"
    r"(?:top of\s+)?(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,5}$",
    rx.I,
)


def uses_rules(state: _Post, unit: _Unit) -> None:
    """Uses stated around a named technology rather than after a verb of the company's:

    * "Hermes is a … broker that we use at Allegro": the relative clause's "we" is the
      company (rule 1's anaphora) and its object the technology the clause follows;
    * "PlanetScale is a MySQL-compatible, serverless database platform powered by Vitess":
      the company described as a platform built on, backed by or powered by a technology
      uses it (rule 3's "is built on / powered by"), as "GitHub is powered by MySQL" does.
    """
    from kgraph.extract.relations_clauses import _opens_clause
    from kgraph.extract.relations_words import ON_TECH, READER

    text, ents = unit.text, unit.ents
    relative = _RELATIVE_WE.search(text) is not None
    copula = _COPULA.search(text) is not None
    if not (relative or copula) or READER.search(text):
        return  # cheap tests first: most sentences have neither shape
    for k, e in enumerate(ents):
        if e.type == "TECHNOLOGY":
            if not relative:
                continue
            m = _WE_USE.match(text, e.e)
            if m is None:
                continue
            if any(f.type in ("TECHNOLOGY", "COMPANY") and e.e <= f.s < m.end() for f in ents):
                continue  # the relative follows another named noun: its object, not e
            head = state.actor
            if m.group("at"):
                at = [f for f in ents if f.s == m.end() and f.type == "COMPANY"]
                head = at[0].name if at else None
            if head:
                state.add(head, "uses", e.name, text, "verb:relative")
        elif copula and e.type == "COMPANY":
            # "PlanetScale is a … platform powered by Vitess" as the sentence's subject, or
            # "RadixArk, a startup building on … SGLang" as an appositive anywhere
            is_a = rx.match(r"(?:['\u2019]s)?\s+(?:is|was)\s+(?:a|an)\s", text[e.e :])
            apposed = rx.match(r",\s+(?:a|an)\s", text[e.e :])
            if not ((is_a and _opens_clause(text, e.s)) or apposed):
                continue
            for f in ents[k + 1 :]:
                if f.type == "COMPANY" or f.s - e.e > 120 or rx.search(r"[;.()]", text[e.e : f.s]):
                    break
                if f.type != "TECHNOLOGY":
                    continue
                if rx.match(r"-(?:compatible|like|inspired|style)\b", text[f.e :]):
                    continue  # "a MySQL-compatible … platform": likeness, not use
                before = text[e.e : f.s]
                if ON_TECH.search(before[-60:]):
                    state.add(e.name, "uses", f.name, text, "modifier")
                elif (
                    apposed
                    and _BUILDS_ON.search(before)
                    and not rx.search(r",\s|\bthat\b", before[2:])
                ):
                    state.add(e.name, "uses", f.name, text, "modifier:apposed")
                break


# "Our infrastructure is made up of several components, including Luna and Kraken", "our
# tech stack was a monolith of PHP speaking directly to MySQL": what the company's own stack
# is made of is what it uses (rule 3's first-person possessive).
_OUR_STACK = re.compile(
    r"\bour\s+(?:(?:tech(?:nology)?|software|data|backend|server|core)\s+)?(?:stack|infrastructure|"
    r"backend|tech)\s+(?:(?:is|was|are|were|has been)\s+(?:\w+ly\s+)?(?:made up of|composed of|built "
    r"(?:on|with|around)|based on|an?\s)|consists? of|comprises|includes|included|relies on)",
    rx.I,
)


def _our_stack(state: _Post, unit: _Unit) -> None:
    """ "Our stack consists of Kafka, Flink and Iceberg": each technology the clause names
    after the first-person stack noun is the post's company's (rule 3)."""
    if state.actor is None or ("our " not in unit.text and "Our " not in unit.text):
        return
    m = _OUR_STACK.search(unit.text)
    if m is None:
        return
    from kgraph.extract.relations_words import READER

    if READER.search(unit.text):
        return
    # the clause ends at a relative, a contrast or the sentence's end
    stop = rx.search(
        r"[;.!?](?:\s|$)|,\s+(?:which|that|who|but|while)\b|\b(?:instead of|rather than|"
        r"unlike|than)\s",
        unit.text[m.end() :],
    )
    end = m.end() + stop.start() if stop else len(unit.text)
    for e in unit.ents:
        if (
            e.type == "TECHNOLOGY"
            and m.end() <= e.s
            and e.e <= end
            and not COMPOUND_AFTER.match(unit.text[e.e :])  # "a MySQL-compatible …": likeness
        ):
            state.add(state.actor, "uses", e.name, unit.text, "actor:stack")


COMPOUND_AFTER = re.compile(r"-(?:compatible|like|inspired|style)\b")


# A title that opens with a gerund and names its instrument: "Building Faster Indexing with
# Apache Kafka and Elasticsearch", "Enabling DNS split authority with OctoDNS"; or a title
# whose gerund is itself one of use: "Adopting Sorbet at Scale".
_GERUND_LEAD = re.compile(r"\s*(?:how\s+(?:we|to)\s+)?[A-Z][a-z]+ing\b", rx.I)
_USE_GERUND = re.compile(
    r"\s*(?:how\s+we\s+)?(?:Adopting|Using|Deploying|Running|Leveraging|Operating)\s+"
    r"(?:the\s+)?$",
    rx.I,
)


# A gerund title's object that is a deployment of the technology: "Updating a 50 terabyte
# PostgreSQL database", "Operating our Kafka clusters".
_DEPLOYED = re.compile(r"\s*[A-Z][a-z]+ing\s+(?:(?:a|an|the|our|its)\s+)?(?:[\w-]+\s+){0,2}?", rx.I)


def title_instrument(unit: _Unit, i: int) -> bool:
    """Whether the title's technology ``unit.ents[i]`` is the instrument of a gerund that opens
    the title ("… with T", "… using T", a list after it) or the object of a gerund of use
    ("Adopting T"): the title states what the post's company does with it (rule 1)."""
    if unit.field != "title":
        return False
    text, ents = unit.text, unit.ents
    e = ents[i]
    if _USE_GERUND.fullmatch(text[: e.s]):
        return True
    # "Unlocking Kafka's Potential: Tackling Tail Latency with eBPF": the gerund may open the
    # subtitle
    start = text.rfind(":", 0, e.s) + 1
    if not _GERUND_LEAD.match(text, start) or rx.search(r"[|?]", text[: e.s]):
        return False
    if _DEPLOYED.fullmatch(text[start : e.s]) and rx.match(
        r"\s+(?:database|cluster|fleet|deployment)s?\b", text[e.e :], rx.I
    ):
        return True  # "Updating a 50 terabyte PostgreSQL database": the company's deployment
    j = i
    while (
        j
        and ents[j - 1].type == "TECHNOLOGY"
        and rx.fullmatch(r"\s*(?:,|and|&|\+)\s*(?:and\s+)?", text[ents[j - 1].e : ents[j].s])
    ):
        j -= 1
    return bool(
        rx.search(r"\s(?:with|using)\s+(?:the\s+|a\s+|an\s+)?(?:new\s+)?$", text[: ents[j].s], rx.I)
    )
