"""Reading a clause around two mentions: its subject, lists and appositions, the modifier
a name qualifies, and whether a sentence reports another party's words (RELATION-RULES)."""

from __future__ import annotations

import re

from kgraph.extract import rx
from kgraph.extract.relations_post import _Ent, _Post, _Unit
from kgraph.extract.relations_words import (
    ANAPHOR,
    APPLY_VERB,
    BUILD_VERB,
    CODE_NOUN,
    COMPOUND,
    ON_TECH,
    SYSTEM_NOUN,
    USE_VERB,
)


def _relative_object(gap: str) -> bool:
    """Whether the concept after ``gap`` is the object of a relative clause inside the
    appositive whose verb does not say the technology realises it: "FlashInfer, the libraries
    that actually make LLM inference fast", "The Tricks That Broke the Memory Wall" (what
    the system acts on, not what it is). "…, a store that implements X" still applies."""
    m = rx.search(r"\b(?:that|which|who)\s+(?:\w+ly\s+)?([\w-]+)", gap[1:], rx.I)
    if m is None:
        return False
    return not rx.fullmatch(
        rf"{APPLY_VERB}|is|are|was|were|has|have|offers?|brings?|adds?", m.group(1), rx.I
    )


def _qualifies_next(text: str, end: int) -> bool:
    """Whether the technology ending at ``end`` only qualifies the noun after it: in
    "continuous verification, SPIFFE workload identity" or "consumer protocol, Streams
    applications are …" the phrase is about the noun, so it is no apposition (rule 4)."""
    return (
        rx.match(
            r"\s+(?!(?:and|or|is|are|was|were|has|have|had|which|that|who|to|for|in|on|at|with|"
            r"as|by|from|of|via|into|the|a|an|its|their|our|it|now|also|since|can|will|"
            r"[a-z]+ly|[a-z]+ed|[a-z]+s)\b)[A-Za-z][\w-]*",
            text[end:],
        )
        is not None
    )


def _modifies_noun(text: str, end: int) -> bool:
    """Whether the concept ending at ``end`` only qualifies the noun after it ("event-driven
    certification", "storage layer"): the phrase is about that noun, not the concept."""
    return (
        rx.match(
            r"\s+(?!(?:and|or|in|on|at|for|to|with|of|by|via|from|across|while|that|which|is|are|"
            r"was|were|as|using|through|into|without|within)\b)[a-z][\w-]*",
            text[end:],
        )
        is not None
    )


def _possessive_mark(ent: _Ent, gap: str) -> int | None:
    """How many characters of ``gap`` (the text after ``ent``) mark it as a possessive: 2 for
    "C's", 1 for "Databricks' Dicer", 0 when the mention holds the mark itself; None if it
    is no possessive."""
    if ent.m.text.endswith(("'s", "\u2019s", "s'", "s\u2019")):
        return 0
    if gap[:2] in ("'s", "\u2019s"):
        return 2
    if ent.m.text.endswith("s") and rx.match(r"['\u2019]\s", gap):
        return 1
    return None


def _in_list(unit: _Unit, i: int, j: int) -> bool:
    """Whether "X, T" (``ents[i]``, ``ents[j]``) is two items of a list ("memtable, WAL,
    SSTables, compaction") rather than an apposition: a comma before X, or one after T
    that goes on to a further item, or "and"/"or" right after T."""
    text, ents = unit.text, unit.ents
    if not rx.match(r"^\s*,", text[ents[i].e : ents[j].s]):
        return False  # "X called T", "X (T)": no list
    if rx.search(r"(?:,|&)\s*(?:and\s+|or\s+)?(?:[\w-]+\s+){0,2}$", text[: ents[i].s]):
        return True  # "…, X, T", "pruning & X, T"
    # "Datadog's event store, Husky, is designed …": a comma before the predicate closes the
    # apposition, it does not go on to a further item
    return (
        rx.match(
            r"\s*(?:,\s*(?:and\s+|or\s+)?(?!(?:is|are|was|were|has|have|had|can|will|now|"
            r"also|which|that|who)\b)[\w-]|(?:and|or)\b)",
            text[ents[j].e :],
        )
        is not None
    )


def _appositive_head(ents, i, text):
    """The technology whose appositive ``ents[i]`` opens: "T, a …", "T (an …", "T is a …"."""
    for j in range(i - 1, -1, -1):
        f = ents[j]
        if f.type == "TECHNOLOGY" and text[f.e : f.e + 1] == "-":
            continue  # "Cassandra-compatible": a modifier inside the appositive
        if f.type == "TECHNOLOGY":
            gap = text[f.e : ents[i].s]
            # "ClickStack, a fully open source, OpenTelemetry-native stack": commas between
            # the adjectives still make one appositive, and so does a short aside ("for all
            # (almost) Vespa-related content")
            if rx.fullmatch(
                r"\s*(?:,|\(|:|\s—|\s-|\s+is|\s+was)\s*(?:a|an|the|its|their|our)\b"
                r"(?:[^,;.()]|\([^(),;.]{1,15}\)|,(?!\s*(?:and|or|but|which|while|who|that)\b))"
                r"{0,90}",
                gap,
                rx.I,
            ):
                return f
            return None
    return None


# The noun a technology's name qualifies in "a Go library", "a Rust service".
# "an open-source eBPF auto-instrumentation tool": a word or two may name what the noun does
_MADE_NOUN = re.compile(
    # "Licensee, a brilliant Gradle plugin": a part made for the technology
    r"\s+(?:[a-z][a-z-]*\s+){0,2}(?:librar(?:y|ies)|SDKs?|toolkits?|tools?|plugins?|plug-ins?|"
    r"extensions?|add-ons?|projects?|" + SYSTEM_NOUN + "|" + CODE_NOUN + r")\b",
    rx.I,
)


def _apposed_modifier(ents, i, text):
    """ "OOMProf, a Go library that uses eBPF": the technology right before ``ents[i]`` only
    qualifies the apposed noun, whose head is the technology the appositive follows (rule
    2); that head, or None."""
    if i < 2 or ents[i - 1].type != "TECHNOLOGY" or not _MADE_NOUN.match(text[ents[i - 1].e :]):
        return None
    return _appositive_head(ents, i - 1, text)


def _opens_clause(text: str, start: int) -> bool:
    """Whether the mention at ``start`` opens its clause (after at most an article or "the
    open source"), as a subject does: "Behind the scenes, Kafka uses …", "The Vitess …"."""
    lead = rx.split(r"[;:,(]|\.\s|\s[-\u2013\u2014]\s", text[:start])[-1]
    return (
        rx.fullmatch(r"\s*(?:(?:the|a|an|its|their|our)\s+)?(?:[\w-]+\s+)?", lead, rx.I) is not None
    )


def _continues_list(gap: str) -> bool:
    """Whether ``gap`` joins two items of one list: ", ", " and ", ", or "."""
    return rx.fullmatch(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)(?:the\s+)?", gap) is not None


def _right_before(ents, i, text):
    """The technology a phrase like "written in X" follows directly ("Tidewater written in",
    "Workers runs on"): at most two words and no punctuation between them."""
    j = i - 1
    # "their Metaserver monolith written in Python": a concept noun may name its kind
    if (
        j > 0
        and ents[j].type == "CONCEPT"
        and rx.fullmatch(r"\s+", text[ents[j - 1].e : ents[j].s])
    ):
        j -= 1
    if i == 0 or ents[j].type != "TECHNOLOGY":
        return None
    gap = text[ents[j].e : ents[i].s]
    phrase = ON_TECH.search(gap)
    if phrase is None:
        return None
    lead = gap[: phrase.start()]
    if ents[j].m.method == "ontology" and rx.search(r"\b" + CODE_NOUN + r"\b", lead, rx.I):
        # "a Ruby on Rails application running on the MRI": a well-known framework or
        # language only qualifies the code noun, whose owner's the phrase is (rule 2)
        return None
    return ents[j] if rx.fullmatch(r",?(?:\s+[\w-]+){0,2}\s*", lead) else None


def _focus(state: _Post, unit: _Unit) -> str | None:
    """The system "it" / "the system" refers to, for a sentence opening with one: the
    technology the post says its company built (rule 1, anaphora)."""
    if not rx.match(
        r"\s*(?:it\b|it['\u2019]s\b|the (?:system|service|tool|proxy|engine|"
        r"platform|library|framework)\b)",
        unit.text,
        rx.I,
    ):
        return None
    built = [t for (_h, typ, t) in state.found if typ == "built"]
    return built[0] if len(built) == 1 else None


def _prev_of(ents, i, types, text, within, apposition=False):
    for j in range(i - 1, -1, -1):
        f = ents[j]
        if ents[i].s - f.e > within:
            return None
        if f.type in types:
            gap = text[f.e : ents[i].s]
            if ";" in gap or ". " in gap:
                return None
            return f
        if not apposition:
            return None
    return None


def _next_of(ents, i, types, text, within):
    if i + 1 < len(ents):
        f = ents[i + 1]
        gap = text[ents[i].e : f.s]
        if f.s - ents[i].e <= within and f.type in types and not rx.search(r"[,;.()]|\band\b", gap):
            return f
    return None


def _subject(state: _Post, ents, i, text) -> str | None:
    """The company the clause before ``ents[i]`` is about: a named one, else the actor."""
    for j in range(i - 1, -1, -1):
        if ents[j].type == "COMPANY":
            return ents[j].name
    if state.actor:
        return state.actor
    return None


def _clause_heads(state: _Post, unit: _Unit, i: int) -> str | None:
    """The head for a verb phrase ending before ``ents[i]``: the nearest company before it in
    the clause, or the post's actor when the sentence speaks of "we", "the team", "its"."""
    ents = unit.ents
    for j in range(i - 1, -1, -1):
        f = ents[j]
        if f.type == "COMPANY":
            # "we heavily utilize Google Cloud Platform's SSD persistent disk": a company
            # right after the use verb is the object's possessor, not the verb's subject
            if rx.search(rf"\b{USE_VERB}\s+(?:the\s+)?$", unit.text[: f.s], rx.I):
                continue
            return f.name
    if state.actor:
        return state.actor
    return None


def _list_at(unit: _Unit, start: int, end: int) -> list[_Ent]:
    """The entities of a list ("A, B and C") that opens within a few words of ``start``."""
    out: list[_Ent] = []
    for e in unit.ents:
        if e.s < start or e.e > end or e.type == "COMPANY":
            continue
        gap = unit.text[out[-1].e if out else start : e.s]
        if (not out and len(gap) > 30) or (out and not rx.fullmatch(r",?\s*(?:and|or|,)?\s*", gap)):
            break
        if COMPOUND.match(unit.text[e.e :]):
            break  # "a Rust-based proxy": the new thing is the proxy, not Rust
        out.append(e)
    return out


def _companies_at(unit: _Unit, start: int) -> list[_Ent]:
    """The companies of a list that opens right at ``start`` ("Slack, HubSpot, Etsy, and
    more"): each item joined by a comma, "and" or "or", nothing else between."""
    out: list[_Ent] = []
    for e in unit.ents:
        if e.s < start:
            continue
        gap = unit.text[out[-1].e if out else start : e.s]
        if e.type != "COMPANY" or not rx.fullmatch(r",?\s*(?:and|or)?\s*" if out else r"\s*", gap):
            break
        out.append(e)
    return out


def _next_company_gap(unit: _Unit, i: int) -> int:
    """Characters from the end of ``ents[i]`` to the next company mention (0 if none)."""
    for f in unit.ents[i + 1 :]:
        if f.type == "COMPANY":
            return f.s - unit.ents[i].e
    return 0


def _another_verb(gap: str) -> bool:
    """Whether a second verb governs what follows ``gap`` (the words between a use verb and
    a technology): "methodologies we deploy … for detecting SDC" detects SDC, it does not
    deploy it. A use verb again ("chose to use") keeps the object the user's."""
    # (after a coordinator, a new object of the same verb: "uses Redis for caching and Kafka")
    tail = rx.split(r",|\band\b|\bor\b", gap)[-1]
    other = rx.search(r"\b(?:for|by|in|when|while|after|before)\s+([a-z]+ing)\b", tail)
    if other is not None and not rx.fullmatch(USE_VERB, other.group(1), rx.I):
        return True
    # "runs Kafka because Pulsar lacked features", "ran Kafka on EC2 before its migration
    # to Kubernetes": a subordinate clause has its own verb and subject, so what it names is
    # not the use verb's object (unless a use verb of its own takes it: "until the team
    # adopted Kubernetes").
    subs = rx.findall(
        r"\b(?:because|since|although|though|until|unless|whereas|before|after|while|when|"
        r"whenever|once|if)\b.*",
        gap,
        rx.I,
    )
    if subs and not rx.search(rf"\b{USE_VERB}\b", subs[-1], rx.I):
        return True
    # "adopted RDS's blue/green feature to make MySQL upgrades painless": the purpose's verb
    # governs what follows it.
    purpose = rx.search(r"\bto\s+([a-z]+)\s+(?:[\w-]+\s+){0,2}$", gap)
    return purpose is not None and not rx.fullmatch(
        rf"{USE_VERB}|{BUILD_VERB}|the|a|an|its|their|our|production|be|\w+ly",
        purpose.group(1),
        rx.I,
    )


def _verb_end(clause: str, start: int) -> int:
    """Where the use verb that starts at ``start`` ends."""
    m = re.compile(rf"\b{USE_VERB}\b", rx.I).match(clause, start)
    return m.end() if m else start


def _few_words_between(unit: _Unit, pos: int, i: int, most: int = 5) -> bool:
    """At most ``most`` words, not counting other mentions, between ``pos`` and ``ents[i]``:
    the technology is the verb's object, or one of a list of objects."""
    gap = unit.text[pos : unit.ents[i].s]
    for f in unit.ents[:i]:
        if f.s >= pos:
            gap = gap.replace(unit.text[f.s : f.e], " ")
    examples = rx.search(r"\b(?:such as|including)\b", gap)
    if examples is not None and not rx.search(r"[;:.()]", gap):
        # "uses various open source storage systems such as Redis, HBase, and Kafka": the
        # examples of the object are objects too (rule 4's "such as" list)
        return (
            len(rx.findall(r"[\w'-]+", gap[: examples.start()])) <= most
            and len(rx.findall(r"[\w'-]+", gap[examples.end() :])) <= most
        )
    return len(rx.findall(r"[\w'-]+", gap)) <= most


def _actor_before(unit: _Unit, pos: int) -> bool:
    """A company, or "we", "they", "the team", "engineers", is the subject of the verb at
    ``pos``: it stands a few words before it in the same clause."""
    return _clause_subject(None, unit, pos) is not None


_APPOSED_SUBJECT = re.compile(r"['\u2019]?,\s+(?:a|an|the|one of)\s[^,;:.()\u2014]{3,80},\s+", rx.I)


def _clause_subject(state: _Post | None, unit: _Unit, pos: int) -> str | None:
    """Who does the verb at ``pos``: the company named a few words before it in the same
    clause, or, for "we", "they", "the team", "engineers", the post's actor (with no
    ``state``, any non-empty name: the question is only whether there is a subject). An
    aside between dashes ("- but once … AWS offers - they chose …") is a clause of its own.
    """
    # "DeepSeek, a company based in China, released DeepSeek-R1": an appositive between the
    # company and its verb is set off by commas
    if unit.text[pos - 2 : pos] == ", ":
        for e in unit.ents:
            if (
                e.type == "COMPANY"
                and e.e < pos
                and _APPOSED_SUBJECT.fullmatch(unit.text, e.e, pos)
            ):
                return e.name
    before = unit.text[max(0, pos - 60) : pos]
    before = rx.split(r"[;.:,(]|\s[-\u2013\u2014]\s|\b(?:that|which|who)\b", before)[-1]
    start = pos - len(before)
    # "an infrastructure in AWS using …": a company after a preposition is a host or a
    # place, not who does the verb
    named = [
        e
        for e in unit.ents
        if e.type == "COMPANY"
        and e.s >= start
        and e.e <= pos
        and not rx.search(
            r"\b(?:in|on|onto|into|to|from|via|of|for)\s+(?:the\s+)?$", unit.text[: e.s], rx.I
        )
        # "… to Amazon Web Services (AWS) and use …": the alias of the name before it
        and not unit.text[: e.s].endswith("(")
    ]
    if named:
        return named[-1].name
    if rx.search(r"\b(?:we|they|the team|engineers|the company)\b", before, rx.I) is None and (
        # "Our messaging service uses …": the company's own system, its use (rule 3)
        rx.fullmatch(r"\s*our\s+(?:[a-z][\w-]*\s+){1,3}", before, rx.I) is None
    ):
        return None
    return "?" if state is None else state.actor


def _has_subject(unit: _Unit, i: int) -> bool:
    """Whether a company or a first-person/anaphoric subject stands before ``ents[i]``."""
    before = unit.text[: unit.ents[i].s]
    if any(e.type == "COMPANY" for e in unit.ents[:i]):
        return True
    return ANAPHOR.search(before) is not None


# Words that end a noun phrase: what follows them is no longer the possessive's noun.
_LINKS = r"and|or|but|via|of|for|in|on|with|to|from|by|at|into|than|as|is|are|was|were"


REPORTING = re.compile(
    r"\b(?:discuss\w*|describ\w*|detail(?:s|ed|ing)?|explain\w*|explor\w*|overview of|"
    r"look(?:s|ed)? at|deep dive into|introduction to|writes? about|wrote about|"
    r"blog(?:s|ged)? about)\b"
)


def _reported(clause: str, unit: _Unit | None = None, offset: int = 0) -> bool:
    """Whether ``clause`` ends inside the object of a reporting verb ("describes an
    evaluation-first blueprint for"), with no word between that restates the actor as the
    doer ("describes how they …", "its", "their", "we")."""
    verbs = list(REPORTING.finditer(clause.lower()))
    if not verbs:
        return False
    rest = clause[verbs[-1].end() :]
    doer = rx.search(
        r"\b(?:how|why|what|when|that|which|its|their|our|we|they|the team)\b", rest, rx.I
    )
    if doer is None:
        return True
    # "we explore how eBPF, using the Cilium project, allows you …", "we will look at how
    # moving X into the kernel …": a question whose subject is a technology or an activity,
    # not the company, is the talk's topic (rule 7: no statement about the head). "how they
    # …", "how Canva uses it" still state what the company does.
    if unit is not None and doer.group(0).lower() in ("how", "why", "what", "when"):
        # the question's words up to the mention: "how the Compute Fabric team at Salesforce
        # optimized …" names the company, "how eBPF, using …" does not
        start = offset + verbs[-1].end() + doer.end()
        end = offset + len(clause)
        if rx.search(
            r"\b(?:we|they|our|their|its|the team|the company|engineers|i)\b",
            unit.text[start:end],
            rx.I,
        ):
            return False
        return not any(f.type == "COMPANY" and start <= f.s < end for f in unit.ents)
    return False


def _apposed_tech(unit: _Unit, i: int, after: bool = True) -> bool:
    """Whether ``ents[i]`` stands in (or inside) an apposition to a named technology: one
    before it ("T, a … X"), or, with ``after``, one it names ("X, called T", "X, T")."""
    text, ents = unit.text, unit.ents
    for f in reversed(ents[:i]):
        if f.type == "TECHNOLOGY" and text[f.e : f.e + 1] != "-":  # not "Rust-based"
            if rx.fullmatch(
                r"\s*(?:,|\(|:|\s—|\s-|\s+is|\s+was)\s*(?:a|an|the|its|their|our|"
                r"[\w.&-]+(?:['\u2019]s|s['\u2019]))(?!\w)[^;.()]{0,50}",
                text[f.e : ents[i].s],
                rx.I,
            ):
                return True
            break
    for f in ents[i + 1 :] if after else ():
        if f.type == "TECHNOLOGY":
            gap = text[ents[i].e : f.s]
            # "a multi-tenant key-value store (Mussel)": the name in parentheses
            if rx.fullmatch(r"(?:\s+[\w-]+){0,3}\s*\(\s*", gap) and rx.match(r"\s*\)", text[f.e :]):
                return True
            return rx.fullmatch(
                r"(?:\s+[\w-]+){0,5}?\s*,?\s*(?:called|named|codenamed)?\s*[\"“]?",
                gap,
                rx.I,
            ) is not None and (
                rx.search(r"\b(?:called|named|codenamed)\b", gap, rx.I)
                or rx.fullmatch(r"(?:\s+" + SYSTEM_NOUN + r")?\s*,\s*", gap, rx.I)
            )
    return False


def _subject_tech(unit: _Unit) -> _Ent | None:
    """The technology that is the sentence's subject: "Envoy is …", "At LinkedIn, Apache
    Spark is …", "Airbnb's internal Impulse framework combines …" (rule 2: what is stated of
    a named system is not copied to its owner)."""
    if not unit.ents:
        return None
    techs = [e for e in unit.ents if e.type == "TECHNOLOGY"]
    if not techs:
        return None
    first = techs[0]
    lead = unit.text[: first.s]
    if any(e.type == "CONCEPT" and e.s < first.s for e in unit.ents):
        return None
    if not rx.fullmatch(
        r"\s*(?:(?:the|our|its|their)\s+|at [^,]{1,40},\s*|(?:[^,]{0,60}\s)?[\w.&-]+['\u2019]s?\s+"
        r"(?:internal\s+|new\s+|own\s+)?)?",
        lead,
        rx.I,
    ):
        return None
    rest = unit.text[first.e : first.e + 80]
    if unit.field == "title" and rx.match(r"^(?:\s+[\w.-]+)?\s*:", rest):
        return first  # "Airbnb's Mussel V2: Next-Gen Key Value Storage …"
    # Up to four words before the verb. Written "(?:\s*[\w-]+){0,4}?", the same strings,
    # a word could be cut into up to four pieces in every way before the match failed (a
    # tenth of a millisecond a sentence); here each word is one piece.
    if rx.match(
        r"^(?:['\u2019]s\s+)?(?:\s*\([^()]{1,20}\))?(?:\s*[\w-]+(?:\s+[\w-]+){0,3})?\s+"
        r"(?:is|was|are|has|runs|handles|provides|"
        r"serves|uses|relies|stores|powers|combines|supports|enables|processes|implements)\b",
        rest,
        rx.I,
    ):
        return first
    # "Vitess, a database clustering system built by YouTube, shards MySQL": the appositive
    # between commas, then the verb of the named system.
    if rx.match(
        r"^,\s*(?:a|an|the|its|our|their)\b[^;.()]{0,80}?,\s+(?:\w+ly\s+)?"
        r"(?:is|was|are|has|[a-z]+(?<!s)s)\b",
        unit.text[first.e : first.e + 120],
    ):
        return first
    return None
