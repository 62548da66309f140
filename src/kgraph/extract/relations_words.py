"""The words and phrases the relation rules read: verbs of building, using, applying and
moving, and the contexts that make a sentence state no relation (see RELATION-RULES)."""

from __future__ import annotations

import re

# Concepts that are metrics, failure modes or problems: never applied (rule 7).
NOT_APPLIED = re.compile(
    r"latenc|downtime|outage|failure|data loss|lock-in|technical debt|bottleneck|"
    r"incident|throughput|cost|tail at scale|thundering herd|hot spot|hotspot|"
    r"request rate|error rate|per second|bug|vulnerab|attack|exploit|end of life|end-of-life|"
    # a measure, not a practice: "scale our functional test coverage"
    r"coverage$|"
    # start-up time, resource use and a change's reach are measures; a slowdown, blocking or
    # contention is a problem suffered (rule 7): "cut cold starts", "GPU utilization",
    # "the global blast radius", "head-of-line blocking", "lock contention"
    r"cold start|utili[sz]ation|blast radius|performance regression|head-of-line|"
    r"contention|memory leak|"
    # a breach, a lag, a flaky test, a misconfiguration or a named problem is suffered, not
    # practised: "Uber suffered a data breach", "consumer lag", "the small files problem"
    r"breach|flaky|\blag$|misconfigur|remote code execution|problem$|crisis|typosquat|"
    # the data a system processes ("TSAR, a TimeSeries AggregatoR" is no practice of
    # time-series data; rule 7): no gold relation of the eleven sets ends in "data"
    r"(?:^|\s)data$"
)
# Architecture styles and deployment models: the only concepts a migration may name.
MIGRATION_CONCEPTS = re.compile(
    r"monolith|microservice|shard|distributed system|single-tenan|multi-tenan|on-prem|"
    r"service-oriented|serverless|cloud|local development|mainframe|data center"
)

BUILD_VERB = (
    r"(?:built|build|building|builds|developed|develop|develops|developing|created|create|"
    r"creates|creating|engineered|open[- ]?sourced|open[- ]?sources|open[- ]?sourcing|"
    r"designed|launched|launches|introduced|introduces|introducing|announced|announces|"
    r"re-?architected|rebuilt|rebuilding|rewrote|wrote(?!\s+(?:about|up)\b)|shipped|released|releases|unveiled|"
    r"invented|made|"
    # "decided to open source a tool called Winnaker": the bare verb before its object
    r"open[- ]source(?=\s+(?:a|an|the|its|our|their)\b)|"
    # "we are proud to open source Pingora": after a word of intent or feeling the bare
    # verb takes a name too ("moved to open source" is the noun, and stays out)
    r"(?:(?<=\bproud to )|(?<=\bexcited to )|(?<=\bhappy to )|(?<=\bpleased to )|"
    r"(?<=\bthrilled to )|(?<=\bdelighted to )|(?<=\bglad to )|(?<=\bdecided to )|"
    r"(?<=\bchose to ))open[- ]source(?!\s+(?:software|projects?|communit\w+|code|tools?)\b))"
)
# A word every alternative of BUILD_VERB begins with (its lookaheads left out): a text in
# which this finds nothing, case ignored as the rules ignore it, has no BUILD_VERB in any
# of its windows either, so the rules built on it need not scan them.
BUILD_STEM = re.compile(
    r"buil|develop|creat|engineer|open|design|launch|introduc|announc|architect|wrote|"
    r"shipped|releas|unveil|invent|made",
    re.I,
)
# A negated, rejected or contrasted statement states no relation (rule 7). "isn't",
# "doesn't": no word boundary stands before a contraction's "n't".
NEGATED = r"n['\u2019]t\b|\b(?:not|never|no longer|without|rather than|instead of|unlike)\b"
USE_VERB = (
    r"(?:uses|used|using|use|runs|ran|running|run|adopted|adopts|adopting|adopt|chose|choose|"
    r"picked|picks|"
    r"leverag\w*|relies on|rely on|relied on|relying on|deploy\w*|employ\w*|utili[sz]\w*|"
    r"operat\w*|embraced|integrat\w* with|incorporat\w*|retain\w*|opt(?:ed|s)? for|"
    r"standardi[sz]\w* on|bet(?:s|ting)? on|"
    # "we're heavy users of Kafka, Redis and Docker": the noun of the verb
    r"users? of)"
)
APPLY_VERB = (
    r"(?:implement\w*|appl(?:y|ies|ied|ying)|adopt\w*|perform\w*|uses|used|using|"
    r"introduc\w*|enabl\w*|provid\w*|support\w*|leverag\w*|embrac\w*|achiev\w*)"
)
ON_TECH = re.compile(
    r"\b(?:(?:written|implemented|built|rewritten|developed|compiled) "
    r"(?:entirely |primarily |mostly )?(?:in|on|on top of|atop|around|with|using)|"
    r"based on|backed by|powered by|fu?ell?ed by|running on|runs on|run on|runs over|running inside|"
    # "HEY has lived on Kubernetes since development first began"
    r"(?:lives|lived|living|hosted) on|"
    r"on top of|built atop|(?:that|which) (?:uses|runs (?:on|over|atop)|relies on|is built on)|"
    # "Earlybird, a version of Lucene modified for real-time search", "MyRocks (a fork of
    # MySQL …)": a derivative is built from what it derives from
    r"(?:an?|the)\s+(?:(?:modified|patched|customi[sz]ed|hardened)\s+)?(?:fork|version|"
    r"derivative|wrapper)\s+(?:of|around))"
    r"\s+(?:the |a |an |its |their )?$",
    re.I,
)
# "built on top of open source tools including Docker, …": the phrase's examples (rule 4's
# "such as" list, the phrase's object).
ON_TECH_EXAMPLES = re.compile(
    ON_TECH.pattern[:-1] + r"(?:[\w-]+\s+){0,4}(?:including|such as|like)\s+$", re.I
)
# A technology's use verb right before another technology: "Kafka uses ZooKeeper".
TECH_USES = re.compile(
    # "Trello has been using RabbitMQ": the verb with its auxiliaries
    r"\s+(?:\w+ly\s+)?(?:(?:has|have|had) been using|(?:is|was|are|were) using|has used|"
    # "Cilium has leveraged eBPF": the perfect of the same verbs
    r"(?:has|have|had) (?:leveraged|relied on|adopted|employed)|adopts|adopted|employed|"
    r"uses|used|relies on|relied on|runs on|ran on|leverages|leveraged|"
    r"employs|is built on(?: top of)?|was built on(?: top of)?|builds on|sits on top of|"
    r"is powered by|is backed by|depends on|stores (?:\w+\s+){0,2}?in|"
    # "TensorRT-LLM wraps TensorRT's compiler": a wrapper runs what it wraps
    r"wraps|wrapped|is a wrapper (?:around|for|over))\s+(?:the |a |an )?",
    re.I,
)
# What one technology adds to another: "its Iceberg extension", "an NGINX module".
PLUGIN = re.compile(
    r"\s+(?:plugin|plug-in|extension|module|connector|driver|adapter|integration)s?\b(?!-)",
    re.I,
)
# The part of a system another technology is: "(Consul's backend)", "(Kafka's metadata
# store)", "Kafka's KRaft protocol", "(Vite's current bundler)".
PART_NOUN = (
    r"(?:backend|back-end|store|storage(?:\s+(?:engine|layer|backend))?|engine|database|"
    r"datastore|log|queue|broker|cache|index|runtime|transport|layer|protocol|bundler|"
    r"compiler|optimi[sz]er|scheduler)"
)
COMPOUND = re.compile(r"^-(?:based|backed|powered|native|driven|fronted|hosted|only)\b", re.I)
FROM_TO_VERB = re.compile(
    r"\b(?:migrat\w*|mov\w*|switch\w*|transition\w*|shift\w*|upgrad\w*|port\w*|"
    r"rewr\w*|convert\w*|evolv\w*|evolution|transformation|journey|went|go|going|replac\w*)\b",
    re.I,
)
# A move that is planned, hoped for or possible is not annotated (rule 7).
PLANNED = re.compile(
    r"\b(?:will|would|could|might|plans? to|planning to|aims? to|intends? to|hopes? to|"
    r"wants? to|wanted to|going to|paved? the way|paving the way|considering|next step|"
    # advice on a move, not a move made: "the considerations for moving X to Y"
    r"considerations? for|how to|when to|whether to|should|"
    # a motive for a move, not a move made: "the case to move workloads to Hadoop"
    # ("eliminating the need for A" is a move made: rule 6)
    r"(?:the|a)\s+(?:case|argument|need|pressure|incentive|reasons?)\s+to|"
    r"(?:the|a)\s+(?:case|argument|reasons?)\s+for)\b",
    re.I,
)
# A compound of likeness, not use: "a Kafka-compatible queue", "Airflow-like DAGs", "SQL-ish
# syntax" (rule 7).
LIKENESS = re.compile(r"-(?:compatible|like|inspired|style|esque|ish)\b", re.I)
# Other parties as the subject of a use verb: "merchants who use WordPress", "Shopify's
# customers often run Kafka": their use, not the company's (rule 2).
OTHERS_USE = re.compile(
    r"\b(?:customers|users|merchants|clients|partners|sellers|shoppers|buyers|businesses|"
    r"companies|organi[sz]ations|enterprises|people|developers everywhere)\s+"
    r"(?:who\s+|that\s+)?(?:(?:often|also|now|still|already|typically|\w+ly)\s+)?$",
    re.I,
)
# What right before a use verb makes it no statement of use (rule 7): a negation ("does not
# use", "never adopted"), a plan or a possibility ("will adopt", "hopes to use").
UNSTATED_USE = re.compile(
    r"(?:n['\u2019]t|\bnot|\bnever|\bno longer|\b(?:will|would|could|might|may|plans? to|"
    r"planning to|aims? to|intends? to|hopes? to|wants? to|wanted to|going to))"
    r"\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# A sentence about the system named before, saying what it uses or provides: "The service
# uses …", "The platform implements …" (rule 1).
SYSTEM_ANAPHOR = re.compile(
    r"\s*the (?:service|system|tool|proxy|engine|platform|library|framework|server|database)\s+"
    r"(?:\w+ly\s+)?(?:uses|relies on|runs on|is built on|leverages|combines|implements|provides|"
    r"supports|employs)\b",
    re.I,
)
# The generic noun a named system is apposed to: "our internal code review system, Phabricator".
SYSTEM_NOUN = (
    r"(?:system|service|tool|platform|engine|framework|library|database|store|layer|server|"
    r"cluster|solution|product|infrastructure|pipeline)s?"
)
# What a team writes or rewrites in a language or on a framework: "their Ruby on Rails API".
CODE_NOUN = (
    r"(?:APIs?|apps?|applications?|backends?|front-?ends?|services?|microservices?|codebases?|"
    r"monoliths?|clients?|servers?|stack|code|implementation)"
)
# A deployment of a technology: "our Kafka clusters", "a Cassandra fleet" (rule 3).
DEPLOYMENT = re.compile(
    r"(?:\([^()]{1,10}\)|[^\w\s]{1,3})?\s+(?:clusters?|fleets?|deployments?|instances?|nodes?|servers?|"
    r"platforms?|infrastructure|installations?|setups?|databases?)\b",
    re.I,
)
# Ontology parents of the kinds of hardware the actor rule does not give a company.
HARDWARE_KINDS = frozenset({"hardware", "hardware accelerator", "instruction set architecture"})
# Typeset hyphens (non-breaking, en dash) → "-", one character for one. An en dash between
# spaces sets off an apposition as a hyphen does ("Azure Cosmos DB – Microsoft's … service").
HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2013": "-"})
ANAPHOR = re.compile(r"\b(?:we|our|us|the team|engineers|they|their|the company)\b", re.I)
# The first-person possessive: the company speaking of its own systems ("our tech stack").
OUR = re.compile(r"\bour\b", re.I)
# A sentence addressed to the reader ("if you run Kafka", "your cluster"): what it names is
# the reader's, not the company's.
# "walk you through our setup" has the reader as object, which says nothing of whose it is.
READER = re.compile(
    r"\byour\b|(?:^|[,;:]\s*|\b(?:if|when|once|unless|and|so)\s+)you(?:['\u2019](?:re|ll|ve|d))?\b",
    re.I,
)
# What speakers will cover ("they will discuss ongoing initiatives in Ray …", "this talk
# will explore …"): the subject of a coming talk, not a use or practice the text states
# (rules 1, 7). A first-person talk ("we'll walk you through our Flink setup") still states
# the company's own systems.
TALK_PLAN = re.compile(
    r"\b(?:they|he|she|speakers?|presenters?|attendees|(?:the|this|our)\s+(?:talk|session|"
    r"presentation|keynote|panel|workshop))\s+(?:will|['\u2019]ll)\s+(?:also\s+|then\s+|"
    r"first\s+)?(?:discuss|cover|present|share|"
    r"explore|demo\w*|show|walk|talk|describe|explain|dive|look|review|introduce|highlight|"
    r"outline|learn|hear|see|examine|delve)\b",
    re.I,
)
# A technology the company sells as a managed service (rule 3: a product C sells is no
# use of C's): "the company offering managed Airflow instances", "provides hosted Kafka".
SOLD = re.compile(
    r"\b(?:offer\w*|sell\w*|provid\w*)\s+(?:a\s+|an\s+)?(?:fully[- ])?(?:managed|hosted)\s+$|"
    # "Amazon has launched a new RabbitMQ message broker service": a product it releases
    r"\b(?:launch(?:ed|es)|releas(?:ed|es)|unveil(?:ed|s)|announc(?:ed|es))\s+(?:a|an)\s+"
    r"(?:new\s+)?(?:(?:fully[- ])?(?:managed|hosted)\s+)?$",
    re.I,
)
# What a head reduces, avoids or works around is a problem, not a practice (rule 7): "reduce
# toil", "sidesteps Python's Global Interpreter Lock". The pattern ends where the phrase of
# the concept (or of its possessor) begins.
AVOIDED = re.compile(
    r"\b(?:reduc\w*|avoid\w*|prevent\w*|mitigat\w*|minimi[sz]\w*|combat\w*|fight\w*|"
    r"sidestep\w*|bypass\w*|circumvent\w*|overc[oa]m\w*|work(?:s|ed|ing)? around|suffer\w*|"
    r"plagued by|hit by)\s+(?:(?:the|its|their|our|any)\s+)?(?:[\w-]+\s+)?$",
    re.I,
)
