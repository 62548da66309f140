"""Migrations a sentence states: ``from A to B``, ``replaced A with B``, ``moved off A``
(RELATION-RULES rule 6), and who moved."""

from __future__ import annotations

import itertools
import re

from kgraph.extract import rx
from kgraph.extract.relations_clauses import _actor_before, _list_at, _opens_clause
from kgraph.extract.relations_post import _Ent, _Post, _Unit
from kgraph.extract.relations_words import (
    CODE_NOUN,
    COMPOUND,
    DEPLOYMENT,
    FROM_TO_VERB,
    PLANNED,
    READER,
)

# Words that open another phrase after a move's destination ("to Pulumi in the context of",
# "to efficient in-place upgrades for their platform"): the destination ends before them.
_PHRASE_OPENERS = "with|using|for|by|while|which|in|at|under|across|via|during|through|within"
# A hyphenated word that makes a name a property of the noun after it ("CPU-intensive
# endpoints", "a Kafka-compatible API", "Lambda-less architecture"), unlike "-based" or "-only",
# which say what the noun is made of ("from a JVM-based stack" leaves the JVM).
_PROPERTY = (
    r"-(?:intensive|heavy|bound|compatible|like|style|inspired|ish|friendly|aware|specific|"
    r"centric|sensitive|agnostic|related|focused|less|free|written)\b"
)


# What a team keeps of a technology, which it moves elsewhere: "our Xcode project",
# "Oracle workloads", "the Terraform repository".
_WORK_NOUN = re.compile(
    r"\s+(?:projects?|workloads?|repositor(?:y|ies))\b",
    rx.I,
)


def _modifier(unit: _Unit, e: _Ent) -> bool:
    """Whether ``e`` only names a property of the noun after it ("CPU-intensive endpoints",
    "Rust-written code"): the thing moved, left or moved to is that noun, not the name."""
    return rx.match(_PROPERTY, unit.text[e.e :], rx.I) is not None


def _migrations(state: _Post, unit: _Unit, low: str) -> None:
    text, ents = unit.text, unit.ents
    if not FROM_TO_VERB.search(text) and not rx.search(
        r" from |replac|pivot|eliminat|retir|dropp|decommission|sunset|deprecat|ditch|abandon|phas\w* out|"
        r"split|decompos|break|broke",
        low,
    ):
        return
    add = state.add
    # "from A (and B) to C (and D)"
    # "with" closes the source only when no "to" follows: in "from CQRS with Kafka to CQRS
    # with RAW Hollow" Kafka is what was left, not where the move went.
    for match in rx.finditer(
        r"\bfrom\b(.{1,120}?)\b(?:to|onto|into|with(?!.{1,120}?\b(?:to|onto|into)\b))\b(.{1,120})",
        text,
        rx.I,
    ):
        fa, fb = match.start(1), match.end(1)
        ta, tb = match.start(2), match.end(2)
        # "from Oracle to Amazon DynamoDB" with Oracle the company: a vendor left is no
        # tail, nor the mover (a company is never a tail)
        left = [e for e in ents if fa <= e.s and e.e <= fb]
        src = [e for e in left if e.type != "COMPANY" and not _modifier(unit, e)]
        vendors = {e.name for e in left if e.type == "COMPANY"}
        # "from Cloud-native Amazon SQS", "from a Python Monolith": a name that only
        # modifies the next one is not what was left.
        src = [
            e
            for j, e in enumerate(src)
            if j + 1 == len(src) or not rx.fullmatch(r"\s+", text[e.e : src[j + 1].s])
        ]
        dst = []
        for e in ents:
            if e.s >= ta and e.e <= tb:
                if _modifier(unit, e):
                    break  # "to Lambda-less architecture": the move went to the noun
                if dst and rx.search(
                    rf"[;.]|\((?!\s*$)|[:,] (?!and)|\b(?:{_PHRASE_OPENERS})\b",
                    text[dst[-1].e : e.s],
                ):
                    # "to CQRS with RAW Hollow": the pattern is kept, the technology that
                    # carries it is the one moved to.
                    if not (
                        e.type == "TECHNOLOGY"
                        and all(d.type == "CONCEPT" for d in dst)
                        and rx.fullmatch(r"\s+with\s+", text[dst[-1].e : e.s])
                    ):
                        break
                elif (
                    not dst
                    and (
                        len(text[ta : e.s]) > 40
                        # "from blue-green deployments to efficient in-place upgrades for their
                        # Kubernetes platform": the move went to the unnamed noun before the
                        # preposition, and what follows it is another phrase
                        or rx.search(
                            rf"[;:.]\s|\b(?:{_PHRASE_OPENERS})\b",
                            text[ta : e.s],
                        )
                    )
                ):
                    break
                dst.append(e)
        if not dst:
            continue
        if not src:
            # "migrating from an existing, legacy system to a Kafka Streams application":
            # the mover left something unnamed; where it went is still stated (rule 6).
            # … "migrated this pipeline from a legacy architecture to a multi-cloud
            # solution": the verb's object may stand before "from"
            moved = rx.search(
                FROM_TO_VERB.pattern + r"\s+(?:(?:this|that|these|our|its|their|the)\s+"
                r"(?:[\w-]+\s+){0,2})?(?:away\s+)?$",
                text[: match.start()],
                rx.I,
            ) or (vendors and FROM_TO_VERB.search(text[: match.start()]))
            if moved and dst[0].type != "COMPANY":
                head = _mover(state, unit, left[0] if left else dst[0])
                if head and head not in vendors:
                    add(head, "migrated_to", dst[0].name, text, "migration:to")
            continue
        opens_title = unit.field == "title" and rx.fullmatch(
            r"\s*(?:[\w.&'\u2019-]+(?:\s+[\w.&'\u2019-]+){0,3}\s*:\s*)?", text[: match.start()]
        )  # "From Postgres To Amazon DynamoDB", "Atlas: From a Monolith to …": a move
        if (
            not FROM_TO_VERB.search(text[: match.start()])
            and not rx.search(r"replac", text[: match.start()], rx.I)
            and not opens_title
        ):
            continue
        head = _mover(state, unit, src[0])
        if not head:
            continue
        same = {e.name for e in src} & {e.name for e in dst}
        for e in src:
            if e.name not in same:
                add(head, "migrated_from", e.name, text, "migration:from-to")
        for e in dst:
            add(head, "migrated_to", e.name, text, "migration:from-to")
    # "replaced A with B", "dropped A in favour of B"
    for match in rx.finditer(
        r"\breplac(?:ed|ing|e)\b(.{1,80}?)\bwith\b(.{1,80})|"
        r"\b(?:dropp\w*|abandon\w*|ditch\w*|retir\w*|deprecat\w*|phas\w* out)\b(.{1,80}?)"
        r"\bin favou?r of\b(.{1,80})",
        text,
        rx.I,
    ):
        old, new = (1, 2) if match.group(1) is not None else (3, 4)
        src = [
            e
            for e in ents
            if match.start(old) <= e.s and e.e <= match.end(old) and e.type != "COMPANY"
        ]
        src = [
            e
            for j, e in enumerate(src)
            if j + 1 == len(src) or not rx.fullmatch(r"\s+", text[e.e : src[j + 1].s])
        ]
        dst = [
            e for e in _list_at(unit, match.start(new), match.end(new)) if not _modifier(unit, e)
        ]
        if not dst:
            # "replacing Nginx with their own in-house, Rust-written code called Pingora": the
            # new thing is the one the phrase names
            called = rx.search(
                r"\b(?:called|named|dubbed)\s+", text[match.start(new) : match.end(new)]
            )
            if called:
                at = match.start(new) + called.end()
                dst = [e for e in ents if e.s == at and e.type != "COMPANY"]
        head = _mover(state, unit, src[0]) if src else None
        if not src and dst and not match.group(old).strip():
            # "a custom coding assistant (which was later abandoned in favor of GitHub
            # Copilot)": what was left stands before the verb; where the move went is stated
            head = _mover(state, unit, dst[0])
        if head:
            for e in src:
                add(head, "migrated_from", e.name, text, "migration:replace")
            for e in dst:
                add(head, "migrated_to", e.name, text, "migration:replace")
    # "B, replacing A" / "B replaces A"; not "A, which was replaced by B", where the name
    # after "by" is the new one
    for match in rx.finditer(
        r"\b(?:replacing|replaces|replaced)\s+(?!by\b)(?:the |its |our |their )?", text, rx.I
    ):
        if rx.match(r".{0,80}\bwith\b", text[match.end() :]):
            continue
        # what is replaced is the verb's object, not a name past "and" or a comma
        src = [
            e
            for e in ents
            if e.s >= match.end()
            and e.s - match.end() < 30
            and not rx.search(r",|;|\band\b|\bor\b", text[match.end() : e.s])
        ][:1]
        if not src:
            continue
        head = _mover(state, unit, src[0])
        if head:
            add(head, "migrated_from", src[0].name, text, "migration:replacing")
    # "migration to B", "moved to B", "switched to B", "pivot to B" without a from
    for match in rx.finditer(
        r"\b(?:migrat\w*|mov\w*|switch\w*|transition\w*|pivot\w*|upgrad\w*)\s+"
        r"(?:[\w'\u2019.-]+\s+){0,4}?(?:to|onto)\s+(?:a |an |the )?",
        text,
        rx.I,
    ):
        if rx.search(r"\bfrom\b", match.group(0), rx.I):
            continue
        # "moves Snapshot Queries to GA, joining Tableflow Iceberg …": the move's target
        # is in its own phrase, not past a comma
        dst = [
            e
            for e in ents
            if 0 <= e.s - match.end() < 25 and not rx.search(r"[,;.]", text[match.end() : e.s])
        ][:1]
        if dst and dst[0].type != "COMPANY":
            # "Migrates a Massive Cassandra Cluster to ScyllaDB": a deployment of one product
            # moved to another of the same kind replaces it (rule 6, two products give
            # both); a platform it moves onto ("moved our Kafka clusters to Kubernetes")
            # is of another kind and leaves it in use.
            src = [
                e
                for e in ents
                if match.start() < e.s
                and e.e <= match.end()
                and e.type == "TECHNOLOGY"
                and state.same_kind(e, dst[0])
            ][:1]
            head = _mover(state, unit, src[0] if src else dst[0])
            if head:
                add(head, "migrated_to", dst[0].name, text, "migration:to")
                if src:
                    add(head, "migrated_from", src[0].name, text, "migration:to")
    for match in rx.finditer(
        r"\b(?:migrat\w*|mov\w*|switch\w*|pivot\w*|transition\w*)\s+(?:away\s+)?(?:from|off)\s+"
        r"(?:of\s+)?(?:a |an |the |its |our |their )?",
        text,
        rx.I,
    ):
        # "migrating from a legacy system to Kafka Streams": a name past "to" is where the
        # move went, not what it left
        src = [
            e
            for e in ents
            if 0 <= e.s - match.end() < 40
            and not rx.search(r"\b(?:to|onto|into)\b", text[match.end() : e.s], rx.I)
        ]
        # "away from Aurora Postgres": the first name may only modify the next one.
        while len(src) > 1 and rx.fullmatch(r"\s+", text[src[0].e : src[1].s]):
            src = src[1:]
        src = src[:1]
        if src and src[0].type != "COMPANY":
            head = _mover(state, unit, src[0])
            if head:
                add(head, "migrated_from", src[0].name, text, "migration:away")
    # "Ingress-Nginx to Envoy Gateway Migration": a noun of moving after "A to B"
    for a, b in itertools.pairwise(ents):
        if (
            rx.fullmatch(r"\s+to\s+", text[a.e : b.s], rx.I)
            and rx.match(r"\s+(?:migrations?|moves?|switch|transition)\b", text[b.e :], rx.I)
            and a.type != "COMPANY"
            and b.type != "COMPANY"
        ):
            head = _mover(state, unit, a)
            if head:
                add(head, "migrated_from", a.name, text, "migration:from-to")
                add(head, "migrated_to", b.name, text, "migration:from-to")
    # "automated the JUnit 5 migration": a move to a new version of one product (rule 6,
    # an upgrade gives migrated_to only); without a version "the Kafka migration" may go
    # either way.
    for e in ents if ("migration" in low or "upgrade" in low) else ():
        versioned = rx.search(r"\sv?\d+(?:\.\d+)*$", e.m.text)  # the mention "JUnit 5"
        if e.type == "TECHNOLOGY" and rx.match(
            r"\s*(?:v?\d+(?:\.\d+)*\s+)" + ("?" if versioned else "") + r"(?:migration|upgrade)\b",
            text[e.e :],
            rx.I,
        ):
            head = _mover(state, unit, e)
            if head and head != e.name:
                add(head, "migrated_to", e.name, text, "migration:upgrade")
    # "rewriting it in Rust", "rewrote the service in Go": the same system in a new language
    # ("rewriting an NGINX module in Rust" makes a new module: no move).
    # "rewrote their Ruby on Rails API in Go": the language or framework of their own code
    # is what they moved from.
    for match in rx.finditer(
        r"\brewr(?:ote|ite|ites|iting)\s+(?:it|(?:the|its|our|their)\s+(?:[\w.-]+\s+){1,5}?)\s*in\s+",
        text,
        rx.I,
    ):
        dst = [e for e in ents if e.s == match.end() and e.type == "TECHNOLOGY"]
        if dst and not COMPOUND.match(text[dst[0].e :]):
            head = _mover(state, unit, dst[0])
            if head:
                add(head, "migrated_to", dst[0].name, text, "migration:rewrite")
                for e in ents:
                    if (
                        e.type == "TECHNOLOGY"
                        and match.start() < e.s < dst[0].s
                        and e.name != dst[0].name
                        and rx.match(r"\s+" + CODE_NOUN + r"\s+in\s+$", text[e.e : dst[0].s], rx.I)
                        and rx.search(r"\b(?:its|our|their)\s+$", text[match.start() : e.s], rx.I)
                    ):
                        add(head, "migrated_from", e.name, text, "migration:rewrite")
    # "we have written a replacement in Rust for cf-html": what is replaced is moved from
    for match in rx.finditer(r"\breplacement\s+(?:in\s+[\w+#.-]+\s+)?for\s+", text, rx.I):
        if not _actor_before(unit, match.start()):
            continue
        src = [
            e
            for e in ents
            if e.type == "TECHNOLOGY"
            and 0 <= e.s - match.end() < 90
            and not rx.search(r"[;.]\s", text[match.end() : e.s])
        ][:1]
        head = _mover(state, unit, src[0]) if src else None
        if head:
            add(head, "migrated_from", src[0].name, text, "migration:replace")
    # "tried A before pivoting to B": what was tried and left is moved away from
    for match in rx.finditer(
        r"\b(?:tried|trialled|tested|used)\s+(?:the |a |an )?(.{1,60}?)\s+before\s+"
        r"(?:[\w-]+\s+)?(?:mov|switch|pivot|migrat|transition)\w*",
        text,
        rx.I,
    ):
        src = _list_at(unit, match.start(1), match.end(1))
        head = _mover(state, unit, src[0]) if src else None
        if head:
            for e in src:
                add(head, "migrated_from", e.name, text, "migration:before")
    # "eliminating the need for A", "retired A", "decommissioned A", "by ditching TCP"
    for match in rx.finditer(
        r"\b(?:eliminat\w* the need for|remov\w* the need for|retir\w*|decommission\w*|"
        r"sunset\w*|deprecat\w*|ditch\w*|abandon\w*|phas\w* out)\s+(?:the |its |our |their )?",
        text,
        rx.I,
    ):
        if rx.match(r"in\s+favou?r\s+of\b", text[match.end() :], rx.I) or rx.search(
            r"\b(?:the|a|an|its|our|their|this|these|those)\s+(?:\w+ly\s+)?$",
            text[: match.start()],
            rx.I,
        ):
            # "abandoned in favor of Copilot" names the new one; "the deprecated Insight app"
            # describes a thing, it does not say the head left it
            continue
        src = [e for e in ents if 0 <= e.s - match.end() < 20 and e.type != "COMPANY"][:1]
        if src:
            head = _mover(state, unit, src[0])
            lead = ents[0]
            if (
                lead.type == "TECHNOLOGY"
                and not PLANNED.search(text[: match.start()])
                and lead.s < match.start()
                and _opens_clause(text, lead.s)
                and rx.match(r"(?:\s+v?[\d.]+)?\s+(?:\w+ly\s+)?[a-z]+s\b", text[lead.e :])
            ):
                # "Apache Kafka 4.0 marks … by adopting KRaft mode, eliminating the need for
                # Apache ZooKeeper": the technology that is the sentence's subject evolves
                head = lead.name
            if head:
                add(head, "migrated_from", src[0].name, text, "migration:eliminate")
    # "split/decomposed the monolith into microservices"
    if rx.search(r"\b(?:split|decompos\w*|break\w*|broke)\b.{0,40}\bmonolith", text, rx.I):
        # "the breakup of our monolith into smaller, well-defined service boundaries": the
        # mover leaves the monolith whatever the parts are named (rule 6)
        old = next((e for e in ents if e.name == "monolithic architecture"), None)
        if old is not None and not any(
            "microservice" in e.name.lower() or "service-oriented" in e.name.lower() for e in ents
        ):
            head = _mover(state, unit, old)
            if head:
                add(head, "migrated_from", old.name, text, "migration:decompose")
        for e in ents:
            if "microservice" in e.name.lower() or "service-oriented" in e.name.lower():
                head = _mover(state, unit, e)
                if head:
                    add(head, "migrated_to", e.name, text, "migration:decompose")
                    if "monolithic architecture" in state.types:
                        add(
                            head,
                            "migrated_from",
                            "monolithic architecture",
                            text,
                            "migration:decompose",
                        )


def _mover(state: _Post, unit: _Unit, first: _Ent) -> str | None:
    """Who moved: the technology the verb moves ("migrated Espresso … to"), or the one that
    is its subject ("Khan Academy's Goliath project migrated …"), else the company. None
    for a planned or possible move ("paved the way to move away from …"): rule 7."""
    clause = rx.split(r"[;.]", unit.text[: first.s])[-1]
    if PLANNED.search(clause[-80:]):
        return None
    # "You've already made the plunge to move to Kubernetes": the reader's move, not the
    # company's (rule 2)
    if READER.search(clause.lstrip()) or rx.search(r"\b(?:then|but)\s+you\b", clause, rx.I):
        return None
    # "Full rewrite from C++ to Rust or gradual integration with Rust libraries?": a question
    # that weighs alternatives states no move made
    if unit.text.rstrip().endswith("?") and rx.search(r"\bor\b", unit.text[first.s :]):
        return None
    verbs = [m for m in FROM_TO_VERB.finditer(unit.text) if m.end() <= first.s]
    if verbs and _generic_mover(unit, verbs[-1].start()):
        return None
    if verbs:
        v = verbs[-1]
        run = [e for e in unit.ents if v.end() <= e.s < first.s]
        if run and rx.fullmatch(r"\s*(?:the |its |our |their )?", unit.text[v.end() : run[0].s]):
            # "migrating ECS Fargate tasks to Graviton": of names side by side, the last is
            # the one moved, the others modify it
            while len(run) > 1 and rx.fullmatch(r"\s+", unit.text[run[0].e : run[1].s]):
                run = run[1:]
            e = run[0]
            if (
                e.type == "TECHNOLOGY"
                # not "rewrote their Rails API": the API's owner moves; nor "migrating
                # Oracle databases to …", "migrating our Xcode project to …": a deployment
                # or a work of it is the company's, and the company moves it
                and not rx.match(r"\s+" + CODE_NOUN + r"\b", unit.text[e.e :], rx.I)
                and not DEPLOYMENT.match(unit.text[e.e :])
                and not _WORK_NOUN.match(unit.text[e.e :])
                and not _modifier(unit, e)  # "rewrote CPU-intensive endpoints"
            ):
                return e.name
        before = [e for e in unit.ents if e.e <= v.start()]
        # "ClickHouse Migration from QuestDB", "Robinhood's Kafka Journey from EC2": a name
        # before a noun of moving says what the move is about, not who made it
        noun = rx.fullmatch(r"migrations?|journeys?|evolution|transformation", v.group(0), rx.I)
        if before and before[-1].type == "TECHNOLOGY" and not noun:
            gap = unit.text[before[-1].e : v.start()]
            if rx.fullmatch(r"\s*(?:[\w-]+\s+)?(?:has |have |was |were |is )?", gap):
                return before[-1].name
    for e in reversed(unit.ents):
        if e.s < first.s and e.type == "COMPANY":
            return e.name
    return state.actor


# Others as the subject of a move: "As organizations move from …", "Data platforms are moving
# to …", "what Algolia users experience when switching to …", "One popular approach is
# migrating from …": a general statement or someone else's move, not the company's (rules 2
# and 7). "our teams", "its users" are the company's own.
_GENERIC_MOVER = re.compile(
    r"(?<!\bour )(?<!\bits )(?<!\btheir )\b(?:organi[sz]ations|companies|enterprises|"
    r"businesses|users|customers|clients|platforms|many|most|one\s+(?:[\w-]+\s+)?"
    r"(?:approach|option|way))\b",
    re.I,
)


def _generic_mover(unit: _Unit, verb: int) -> bool:
    """Whether a general subject, with no name after it, comes shortly before the verb of a
    move at ``verb`` in its clause."""
    start = max(0, verb - 60)
    clause = rx.split(r"[;.:]", unit.text[start:verb])[-1]
    offset = verb - len(clause)
    hits = list(_GENERIC_MOVER.finditer(clause))
    if not hits:
        return False
    after = offset + hits[-1].end()
    return not any(after <= e.s < verb for e in unit.ents)
