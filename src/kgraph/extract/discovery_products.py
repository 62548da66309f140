"""What makes a discovered name a product or a tool.

What the sentence says the word is (``cf-html, which is an NGINX module``, ``Cloudflare's
quiche project``), lower-case and oddly shaped names (``h3i``, ``pg_repack``), names listed
among known technologies, launch headlines (``Introducing X``), and a known company followed
by capitalised words (``Uber Eats``): one product name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span

from kgraph.extract.discovery_organisations import _affiliation, _org_word, _organisation
from kgraph.extract.discovery_spans import (
    _continues_name,
    _covered_at,
    _engineering_unit,
    _headline_name_end,
    _hyphen_glued,
    _possessive_end,
    _unversioned,
)
from kgraph.extract.discovery_words import (
    ARTICLES,
    COMPANY_TOKENS,
    GROUP_WORDS,
    NAME_CUES,
    NOT_NAMES,
    ORG_AFTER,
    ORG_SUFFIX,
    PUBLICATION_ENDINGS,
    RELEASE_NUMBER,
    RELEASE_WORDS,
    ROLE_TITLES,
    SENIORITY,
    TEAM_WORDS,
    TECH_TOKENS,
    event_ending,
    team_after,
)
from kgraph.extract.english import is_english_word
from kgraph.extract.events import is_event_name
from kgraph.extract.generic import INSTITUTIONS, is_generic, phrases
from kgraph.extract.people import is_person
from kgraph.extract.resolver import _with_version
from kgraph.extract.spans import (
    LIST_SEPARATORS,
    POSSESSIVE,
    SPANS_KEY,
    Candidate,
    is_title_case,
    listed_with,
    method_of,
    spans_in,
    words,
)
from kgraph.extract.variants import singular
from kgraph.model import entity_key


def _join_product_parts(doc: Doc, conf: float, concept_words: frozenset[str]) -> None:
    """A discovered name right after a technology's name is the rest of one product name
    (``ShopifyQL Notebooks``, ``Protobuf FieldMask``, ``Aurora Internet Access Gateway``,
    ``Temporal Workflows``, ``AWS IoT Core``): spans never overlap or split a name (entity
    rules). A possessive breaks it (``Elixir's GenStage``), and so does anything between the
    two but a space; one word that is a known concept by itself (``Go Monorepo``,
    ``Firecracker MicroVMs``) names a kind of thing, not the product's
    part. (The last word of a longer concept, ``workflow`` of ``DAG workflow``, is no such
    word: a capitalised ``Workflows`` after a product is that product's part.)"""
    spans = spans_in(doc)
    out: list[Span] = []
    changed = False
    for span in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and span.label_ == "TECHNOLOGY" == prev.label_
            and method_of(span) == "model"
            and span.start == prev.end
            and doc[prev.end - 1].whitespace_ == " "
            and doc[prev.end - 1].text not in POSSESSIVE
            and span[-1].text not in POSSESSIVE
            and not (len(span) == 1 and singular(span[0].lower_) in concept_words)
        ):
            # "OpenSearch Software Foundation", "Apache Flink PMC": a body named after the
            # project it governs is an organisation
            label = "COMPANY" if span[-1].lower_ in INSTITUTIONS | ORG_SUFFIX else "TECHNOLOGY"
            out[-1] = _joined(doc, prev.start, span.end, label, conf)
            changed = True
            continue
        out.append(span)
    if changed:
        doc.spans[SPANS_KEY] = out


def _joined(doc: Doc, start: int, end: int, label: str, conf: float) -> Span:
    """The discovery's span for a name it joined from words and known names (method
    ``model``), keyed by the joined text."""
    span = Span(doc, start, end, label=label)
    span.id_ = entity_key(label, doc[start:end].text)
    span._.kg_method = "model"
    span._.kg_conf = conf
    return span


# Editions sold under a product's name, written in capitals after it: "GeForce NOW",
# "Pokémon GO", "LINE NOW". In capitals such a common word is no acronym and no sentence
# word; it ends the name before it (entity rules: spans never split a name).
CAPS_EDITIONS = frozenset(["NOW", "GO", "ONE", "PLUS", "MAX", "PRO", "LIVE", "NEXT"])


def _join_caps_editions(doc: Doc, conf: float) -> None:
    """A company or technology name followed by an edition word in capitals
    (:data:`CAPS_EDITIONS`) is one TECHNOLOGY span with it: ``GeForce NOW``, ``LINE NOW``.
    Not after a possessive or in a text written all in capitals, and not when the word is
    already part of another name."""
    # the edition words are rare: looked for in the words' texts first (no Token per word)
    if CAPS_EDITIONS.isdisjoint(words(doc).text):
        return
    spans = spans_in(doc)
    if not spans:
        return
    changed = False
    for n, span in enumerate(spans):
        end = span.end
        if (
            span.label_ == "CONCEPT"
            or end >= len(doc)
            or doc[end].text not in CAPS_EDITIONS
            or doc[end - 1].whitespace_ != " "
            or doc[end - 1].text in POSSESSIVE
            or any(s.start <= end < s.end for s in spans)
            # "GO" in "LET'S GO SHOPPING": a text written in capitals marks no names
            or _shouted(span.sent)
        ):
            continue
        spans[n] = _joined(doc, span.start, end + 1, "TECHNOLOGY", conf)
        changed = True
    if changed:
        doc.spans[SPANS_KEY] = spans


def _shouted(sent: Span) -> bool:
    """Whether most of a sentence's words are written in capitals."""
    alpha = [t for t in sent if t.is_alpha]
    return len(alpha) > 2 and 2 * sum(t.is_upper for t in alpha) > len(alpha)


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

NOT_ODD = frozenset(["b2b", "b2c", "p2p", "e2e", "h2h", "i18n", "l10n", "a11y"])


def _lower_names(doc: Doc, taken: set[int], conf: float) -> list[Candidate]:
    """Lower-case and oddly shaped names the NER never proposes (``h3i``, ``cf-html``,
    ``pg_repack``, ``quiche``): a word with a digit or an underscore inside, or any word the
    sentence says is a tool, library, module or project. They are technologies."""
    # It looks at every word of every text: plain lists of the tokens' text and spacing,
    # not a spaCy Token or Span per word, and the costly tests last.
    w = words(doc)
    texts, spaced, stop = w.text, w.space, w.stop
    n = len(texts)
    found = []
    i = 0
    while i < n:
        start, end = i, i + 1
        while end < n and not spaced[end - 1] and _glued(texts, end):
            end += 1
        i = end
        # no space inside a glued word, so this is the span's text
        text = texts[start] if end - start == 1 else "".join(texts[start:end])
        # the tests that turn most words away first, the host test only for the rest
        if stop[start] or len(text) < 3 or text != text.lower():
            continue
        host = "." in text and HOST.fullmatch(text) is not None and "example" not in text
        if (
            not (host or _word_chars(text))
            or (start > 0 and not spaced[start - 1] and texts[start - 1] not in "(\"'")
            or (start in taken if end - start == 1 else any(k in taken for k in range(start, end)))
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
                # the stem test inline first: it runs on every lower-case word
                or (
                    (text.startswith(TOOL_PREFIXES) or text.endswith(TOOL_SUFFIXES))
                    and _tool_stem(text)
                )
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


# The stems the field coins its tools' names with: a Postgres extension (``pgvector``,
# ``pgsodium``), a Kubernetes add-on (``kube-state-metrics``), an eBPF tool (``bpftrace``),
# a file system (``bcachefs``), a control tool (``drainctl``), a database (``influxdb``).
TOOL_PREFIXES = ("pg", "kube", "k8s", "bpf", "ebpf")
TOOL_SUFFIXES = ("fs", "ctl", "db")


def _tool_stem(text: str) -> bool:
    """A lower-case word no dictionary has, coined with a tool stem: ``pgsodium``,
    ``kube-state-metrics``, ``bcachefs`` (not ``goals``, ``pgs``, ``trade-offs``: words, too
    short, or an ending after a hyphen)."""
    return (
        len(text) >= 6
        # a suffix on one word only: "trade-offs" ends like a file system
        and (text.startswith(TOOL_PREFIXES) or (text.endswith(TOOL_SUFFIXES) and "-" not in text))
        and not is_english_word(text)
    )


def _word_chars(text: str) -> bool:
    """Only letters, digits, hyphens and underscores (one string test, not one per letter)."""
    bare = text.replace("-", "").replace("_", "")
    return not bare or bare.isalnum()


# A lower-case host name under a common top-level domain ("github.com", "crates.io", "fast.ai",
# an indie product's "ezli.me").
HOST = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|io|org|net|dev|ai|sh|app|co|me)")


RELEASE_TAGS = ("rc", "alpha", "beta", "preview")


def _odd(text: str) -> bool:
    """A word no dictionary has: a digit inside a word (``h3i``, ``arm64``) or snake case
    (``pg_repack``); not a measure (``sub-25ms``), percentile or version (``p99``, ``v2``)."""
    if text.isalpha():
        return False  # most words: no digit, no underscore (the tests below say the same)
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
            # "This week's crate is pubgrub, a Rust implementation": a copula names it;
            # "via rsync, a standard Unix utility": a coined word in apposition is a name
            # after a preposition too ("the pandemic, a ..." is a word of the dictionary)
            if (
                before not in POSSESSIVE
                and before not in (",", "(", "and", "or", "is")
                and not (
                    w.stop[start - 1]
                    and before not in ARTICLES
                    and end < n
                    and text[end] == ","
                    and _coined(doc[start:end].text)
                )
            ):
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


def _coined(text: str) -> bool:
    """A word no dictionary has, hyphen parts apart (``pubgrub``, ``static-rc``), unlike
    ``logging``, ``data-loader`` or computing words such as ``config``."""
    if text.lower() in JARGON:
        return False
    return not all(is_english_word(p) for p in text.split("-") if p)


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


# Words before the name of a thing put to use or left: "using Metrictank", "via Zorbly",
# "with Tuist", "moved from Zorbly to Quillbox".
USED_VIA = phrases("using via with to from")


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
    if (
        span.start > 2
        and doc[span.start - 1].text == ","
        and doc[span.start - 2].lower_ in NAMED_KINDS
        and doc[span.start - 2].is_lower
    ):
        return True  # "the tool, Fillibuster, injects faults": the kind, then its name
    if (
        span.start > 0
        and doc[span.start - 1].lower_ in USED_VIA
        and doc[span.start - 1].is_lower
        and len(span) == 1
        and _coined(span.text)
        and not (span.end < len(doc) and doc[span.end].text[:1].isupper())
    ):
        # "80 million metrics a minute using Metrictank", "Scaling builds with Tuist": a
        # coined word put to use ("with Oleksii Kolodiazhnyi": a guest's full name)
        return True
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


def _released_name(span: Span) -> bool:
    """A coined name before a release number is a product: ``Zorbly v2.3``, ``upgraded to
    Quillbox 1.4`` (organisations have no releases; ``Figure 2.1`` and ``Phase 1.5`` are
    plain words, so dictionary words do not count)."""
    doc, end = span.doc, span.end
    return (
        end < len(doc)
        and len(span) <= 2
        and RELEASE_NUMBER.fullmatch(doc[end].text) is not None
        and all(t.is_alpha and _coined(t.text) for t in span)
    )


# Kinds of software that follow a name as its head noun: "the open-source Frobnicator tool".
NAMED_KINDS = phrases(
    "tool library framework database engine sdk plugin extension crate gem package compiler"
)


def _kind_after(span: Span) -> bool:
    """A coined capitalised word before the kind of software it is, after an article or an
    adjective: ``the Frobnicator tool``, ``an open-source Quillbox library``; a dictionary
    word there is a description (``the Search service``)."""
    doc, start, end = span.doc, span.start, span.end
    return (
        end < len(doc)
        and len(span) == 1
        and doc[end].is_lower
        and doc[end].lower_ in NAMED_KINDS
        and start > 0
        and (doc[start - 1].lower_ in ARTICLES or doc[start - 1].is_lower)
        and span[0].is_alpha
        and _coined(span.text)
    )


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


def _listed_with_companies(doc: Doc, spans: list, n: int, end: int) -> bool:
    """``spans[n]`` extended to ``end`` is listed with more known companies than
    technologies: ``enterprises like Grofers and Paytm Insider``."""
    start = spans[n].start
    kinds: dict[str, set[int]] = {"COMPANY": set(), "TECHNOLOGY": set()}
    for k, s in enumerate(spans):
        if s is not None and k != n and s.label_ in kinds:
            kinds[s.label_].update(range(s.start, s.end))
    if not kinds["COMPANY"]:
        return False
    found = listed_with(doc, start, end, kinds["COMPANY"])[0]
    return found > 0 and listed_with(doc, start, end, kinds["TECHNOLOGY"])[0] < found


def _extend_makers(
    doc: Doc,
    technology_conf: float,
    company_conf: float,
    plain: frozenset[str] = frozenset(),
    concept_heads: frozenset[str] = frozenset(),
    clouds: frozenset[str] = frozenset(),
) -> None:
    """A known company's name followed by capitalised words is one product or unit name
    (entity rules): ``Uber Eats``, ``Google Suite``, ``Altinity Operator``, not the company
    and a stray word; so is a known one-word product's (``Kafka Self-Serve``, ``Flink CDC``). Only outside headlines, where capitals mark names; the longer name is
    a COMPANY when the sentence treats it as an organisation (``at X``, ``X engineers``)."""
    spans = spans_in(doc)
    changed = False
    for n, span in enumerate(spans):
        if (
            span is None
            or span.label_ == "CONCEPT"
            or method_of(span) != "ontology"
            or span.end >= len(doc)
        ):
            continue
        edition = _edition_after(doc, spans, span, clouds) if len(span) == 1 else None
        if span.label_ == "TECHNOLOGY" and edition is None and (len(span) > 1 or span.id_ in plain):
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
        if edition is None and span.label_ == "COMPANY":
            edition = _edition_after(doc, spans, span, clouds)
        if edition is None and span.label_ == "COMPANY" and team_after(doc, span.end):
            continue  # "the Zorbly Logistics team": a team of the company, which keeps its name
        if edition is not None:
            # "Temporal Cloud", "the Depot CLI", "Notion AI": the maker's or product's name
            # and the edition it is sold as make one product name
            if edition >= 0:
                spans[edition] = None  # "AI", "CDN" alone were a concept's mention
            end += 1
        crossed = False
        while (
            edition is None
            and end < len(doc)
            and end - span.end < 2
            and _continues_name(doc[end])
            # "H100 GPUs": a second known name; but "Netlify Edge Functions", "Percona
            # XtraDB Cluster": a known word inside the product's name is crossed
            and (not _covered_at(spans, end) or _crossable(doc, spans, span, end))
        ):
            crossed = crossed or _covered_at(spans, end)
            end += 1
            if _hyphen_glued(doc, end):
                end += 2  # "Self-Serve": one word written with a hyphen
        if span.label_ == "COMPANY" and _interface_after(doc, end, spans):
            # "the Zorbly API", "the Zorbly Beacon SDK": the company's interface is a
            # product; a product's own SDK is the product (entity rules)
            _name_interface(doc, spans, n, end, technology_conf)
            changed = True
            continue
        if end == span.end or end > span.sent.end:
            continue
        if edition is not None:
            pass
        elif is_title_case(span.sent) and not _launched(doc, span.start):
            # in a headline capitals mark every word: only a coined word after the maker
            # joins it ("Pinterest Secor"), unless the headline launches it ("Introducing X Y")
            end = _headline_name_end(doc, span.end, end, concept_heads)
            if end == span.end:
                continue
            if end < span.sent.end and doc[end].lower_ in PRODUCT_HEADS:
                end += 1  # "Percona XtraDB Cluster": the kind noun ends the product's name
        elif end < len(doc) and (doc[end].text[:1].isupper() or _covered_at(spans, end)):
            continue  # a longer capitalised run ("Uber Eats Driver App"): leave it to the NER
        name = doc[span.start : end]
        if is_event_name([t.text for t in name]):
            # "Strata + Hadoop World": a name inside an event's name is no mention
            spans[n] = None
            changed = True
            continue
        if event_ending(name[-1].text) or name[-1].text in PUBLICATION_ENDINGS:
            continue  # "Spotify Wrapped Campaign", "Acme Summit": an event, not a product;
            # "the Netflix Tech Blog": a publication, and the company keeps its mention
        org = (
            (span.label_ == "COMPANY" or _org_word(name[-1]))
            # "enterprises like Grofers and Paytm Insider": a unit listed with companies
            and (_organisation(name, "ORG") or _listed_with_companies(doc, spans, n, end))
            and not (end < len(doc) and doc[end].text in POSSESSIVE)
        )
        org = org and edition is None  # "Notion AI": an edition is a product
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
        if crossed:
            new = spans[n]
            for k, other in enumerate(spans):
                if k != n and other is not None and new.start <= other.start < new.end:
                    spans[k] = None  # "Edge" in "Netlify Edge Functions" is no mention
        changed = True
    if changed:
        doc.spans[SPANS_KEY] = [s for s in spans if s is not None]


# The kind nouns a product's name ends with when it is written after its maker's name and a
# word of its own: "the NetApp Instaclustr Platform", "the LINE GAME Platform", "the Ocado
# Smart Platform". (KIND_WORDS, below, are what a sentence says a name is.) Not "SDK", "CLI" or
# "API": a product's own interface is the product ("the AWS Transform Custom CLI tool").
PRODUCT_HEADS = phrases(
    """
    platform gateway service library framework engine runtime driver operator controller
    agent proxy scheduler toolkit console studio suite router store cluster
    """
)


def _maker_product_runs(doc: Doc, conf: float) -> None:
    """A known company's name, one or two capitalised words of the product's own, and a
    capitalised kind noun (:data:`PRODUCT_HEADS`) that ends the run are one TECHNOLOGY span
    (entity rules: a product whose name contains its maker's name is one span, and the
    maker is not annotated for that occurrence): ``NetApp Instaclustr Platform``, ``LINE GAME
    Platform``; so does a known product's name (``Google Play Core Library``). Only in
    running text (a headline capitalises every word), only when the capitals end there, and
    not when the words after the maker are a known concept with that head (``Coupang Big
    Data Platform``: the company's data platform). :func:`_extend_makers` leaves such runs
    of three words or more alone."""
    spans = spans_in(doc)
    concept_words = {i for s in spans if s.label_ == "CONCEPT" for i in range(s.start, s.end)}
    changed = False
    for n, span in enumerate(spans):
        if (
            span is None
            or span.label_ == "CONCEPT"
            or method_of(span) != "ontology"
            or doc[span.end - 1].text in POSSESSIVE
            or doc[span.end - 1].whitespace_ != " "
        ):
            continue
        end = span.end
        while end < len(doc) and end - span.end < 3 and _run_word(doc[end]):
            end += 1
            if doc[end - 1].lower_ in PRODUCT_HEADS:
                break
        headline = is_title_case(span.sent)
        if (
            end - span.end < 2
            or doc[end - 1].lower_ not in PRODUCT_HEADS
            or any(t.lower_ in PRODUCT_HEADS for t in doc[span.end : end - 1])
            # "React Zorbly Library (RZL)": an acronym after the words defines them (acronym
            # pairing makes the product and gives the acronym its canonical); in a headline
            # the next word is capitalised whatever it is
            or (end < len(doc) and doc[end].text in "-(")
            or (end < len(doc) and doc[end].text[:1].isupper() and not headline)
            or (headline and not _coined_run(doc, span.end, end - 1, concept_words))
            or end > span.sent.end
        ):
            continue
        inside = [
            k
            for k, other in enumerate(spans)
            if k != n and other is not None and other.start < end and other.end > span.end
        ]
        if any(
            spans[k].start < span.end
            or spans[k].end > end
            or (spans[k].label_ != "CONCEPT" and method_of(spans[k]) == "ontology")
            or (spans[k].label_ == "CONCEPT" and spans[k].end == end)
            for k in inside
        ):
            continue
        for k in inside:
            spans[k] = None  # "Fault Injection" in "AWS Fault Injection Service" is no mention
        spans[n] = _joined(doc, span.start, end, "TECHNOLOGY", conf)
        changed = True
    if changed:
        doc.spans[SPANS_KEY] = [s for s in spans if s is not None]


def _coined_run(doc: Doc, start: int, end: int, concept_words: set[int]) -> bool:
    """Whether every word of ``doc[start:end]`` is coined (no dictionary word, acronym or
    known concept's word): in a headline, whose capitals mark no names, such words before a
    kind noun still make one product name (``Percona XtraDB Cluster Feature 2``; not
    ``Zorbly Data Platform`` nor ``Zorbly Serverless Engine``)."""
    return all(
        i not in concept_words and not doc[i].text.isupper() and not is_english_word(doc[i].text)
        for i in range(start, end)
    )


def _run_word(tok) -> bool:
    """A word of a product's name after its maker's: capitalised (``Instaclustr``, ``Smart``)
    or in capitals (``GAME``, ``API``), no stop word, person's title, team or release word."""
    return (
        tok.text[:1].isupper()
        and tok.is_alpha
        and not tok.is_stop
        and not tok.is_sent_start
        and tok.lower_ not in NOT_NAMES
        and tok.lower_ not in ORG_AFTER
        and tok.lower_ not in GROUP_WORDS
        and tok.lower_ not in RELEASE_WORDS
        and tok.lower_ not in TEAM_WORDS
        and tok.lower_ not in ROLE_TITLES
    )


def _crossable(doc: Doc, spans: list, span: Span, i: int) -> bool:
    """The known one-word name at ``i``, right after ``span``, is inside a longer product
    name that a capitalised word ends: ``Netlify Edge Functions``, ``EDB Postgres
    Distributed``, ``Percona XtraDB Cluster`` (the whole run of capitals, two words after the
    maker; ``NVIDIA H100 GPUs`` ends in a known name and stays two)."""
    if i != span.end or i + 1 >= len(doc):
        return False
    inside = [s for s in spans if s is not None and s.start <= i < s.end]
    if len(inside) != 1 or len(inside[0]) != 1 or inside[0].label_ == "COMPANY":
        return False
    if not _continues_name(doc[i + 1]) or _covered_at(spans, i + 1):
        return False
    return i + 2 >= len(doc) or not doc[i + 2].text[:1].isupper()


# The editions a vendor sells its product as, written after the maker's or the product's name:
# "Temporal Cloud", "the Depot CLI", "Notion AI", "Docker Desktop", "Aurora Serverless". Alone
# each is a generic word or a concept ("AI", "CDN"); after a known name it ends that product's
# name (entity rules: a product whose name contains its maker's name is one TECHNOLOGY span).
EDITION_WORDS = frozenset(["Cloud", "CLI", "AI", "Serverless", "Desktop", "Agent", "CDN"])


def _edition_after(doc: Doc, spans: list, span: Span, clouds: frozenset[str]) -> int | None:
    """Whether an edition word follows ``span`` and ends the name there: ``None`` when not,
    else the index in ``spans`` of the concept the word alone was read as, or -1. Not
    ``Cloud`` after a cloud (``the AWS Cloud`` is the provider), nor ``AI`` before a noun
    (``AWS AI infrastructure`` is the company's AI)."""
    end = span.end
    word = doc[end].text if end < len(doc) else ""
    if word not in EDITION_WORDS or doc[end - 1].whitespace_ != " ":
        return None
    if word == "Cloud" and span.id_ in clouds:
        return None
    nxt = doc[end + 1] if end + 1 < len(doc) else None
    if nxt is not None and (nxt.text[:1].isupper() or nxt.text in ("-", "/")):
        return None  # "Google Cloud Storage", "Weave Cloud-native": a longer name
    if word == "AI" and nxt is not None and nxt.is_alpha and nxt.is_lower and not nxt.is_stop:
        return None
    for k, other in enumerate(spans):
        if other is not None and other.start <= end < other.end:
            if other.label_ == "CONCEPT" and other.start == end and other.end == end + 1:
                return k
            return None
    return -1


# Interfaces a company ships under its name: "the Zorbly API", "the Zorbly Beacon SDK".
INTERFACES = frozenset(["API", "SDK"])


def _interface_after(doc: Doc, end: int, spans) -> bool:
    """``API`` or ``SDK`` right after a known company's name (and the capitalised words
    joined to it), in running text: not in a headline, whose capitals mark no names, and
    not when another name starts there."""
    return (
        end < len(doc)
        and doc[end].text in INTERFACES
        and doc[end - 1].whitespace_ == " "
        and not _covered_at(spans, end)
        and not is_title_case(doc[end].sent)
        and (end + 1 >= len(doc) or not doc[end + 1].text[:1].isupper())
    )


def _name_interface(doc: Doc, spans: list, n: int, end: int, conf: float) -> None:
    """``spans[n]``, a company, and the words up to the interface at ``end`` as one
    TECHNOLOGY span: ``Zorbly API`` named so, ``Zorbly Beacon SDK`` named ``Zorbly Beacon``."""
    span = spans[n]
    named = doc[span.start : end + 1] if end == span.end else doc[span.start : end]
    spans[n] = Span(
        doc,
        span.start,
        end + 1,
        label="TECHNOLOGY",
        span_id=entity_key("TECHNOLOGY", named.text),
    )
    spans[n]._.kg_method = "model"
    spans[n]._.kg_conf = conf


def _join_maker_products(doc: Doc, makers: Callable[[], dict[str, str]]) -> None:
    """``Alibaba Cloud PolarDB``, ``Google BeyondCorp``: a known company's name right before
    a known product of that company is one TECHNOLOGY span, named by the product, and the
    maker is not annotated for that occurrence (entity rules: a product whose name contains
    its maker's name is one span). ``makers()`` maps a product's key to its maker's name."""
    known = spans_in(doc)
    by_start = {s.start: n for n, s in enumerate(known) if s.label_ == "TECHNOLOGY"}
    if not any(s.label_ == "COMPANY" and s.end in by_start for s in known):
        return  # most texts: no company right before a product
    spans, makers_by_key = list(known), makers()
    changed = False
    for n, span in enumerate(spans):
        if span is None or span.label_ != "COMPANY" or method_of(span) != "ontology":
            continue
        if doc[span.end - 1].text in POSSESSIVE:
            continue  # "Google's Gemini": a possessive breaks the name
        at = by_start.get(span.end)
        product = spans[at] if at is not None else None
        if product is None or method_of(product) != "ontology":
            continue
        if makers_by_key.get(product.id_, "").lower() != span.id_.partition(":")[2].lower():
            continue
        joined = Span(doc, span.start, product.end, label="TECHNOLOGY", span_id=product.id_)
        joined._.kg_method = "ontology"
        joined._.kg_conf = product._.kg_conf
        spans[n], spans[at] = joined, None
        changed = True
    if changed:
        doc.spans[SPANS_KEY] = [s for s in spans if s is not None]
