"""Words too generic to be a mention on their own, from the annotation guidelines.

The ontology keeps broad entries (``database``, ``security``) as is-a parents for the graph,
and some aliases are plain words (``reliability`` for reliability engineering); a mention
whose surface is one of these is dropped. ``low latency`` and ``high throughput`` stay:
only the bare terms are generic.
"""

from __future__ import annotations

import re

from kgraph.extract.variants import singular

_LIST = """
performance, reliability, efficiency, scalability, availability, security, resilience,
stability, reproducibility, cost, cost saving, cost reduction, speed, productivity, latency,
throughput, qps, recall, precision, accuracy, ai, artificial intelligence, machine learning,
ml, cloud, cloud computing, data, infrastructure, real-time, realtime, real time,
open source, open-source, open sourcing, open-sourced, open-sourcing, migration,
modernization, modernisation, rearchitecture, rearchitecting, re-architecture, optimization,
optimisation, maintenance, operation, best practice, challenge, outage, incident, upgrade, surge pricing,
clearing, checkout, guild, probability distribution, database, platform, api, data pipeline,
pipeline, cluster, search engine, hardware, software, networking, network, storage,
storage system, storage engine, query engine, data center, datacenter, server, service,
library, software library, cache, proxy, startup time, time to first token, p99, p95, p50,
uptime, downtime, automation, engineering, development, deployment, testing, monitoring,
analytics, computing, compute, application, app, system, tool, tooling, framework,
algorithm, model, workload, traffic, scale, scaling, growth, innovation, transformation,
architecture, design, queries per second, requests per second, internet, web, website, mobile, user experience, customer experience
"""
GENERIC = frozenset(p.strip() for p in _LIST.replace("\n", " ").split(",") if p.strip())
# Modifiers that add nothing to an idea ("intelligent load balancing" is load balancing).
VAGUE = frozenset(
    ["new", "old", "modern", "legacy", "significant", "strict", "various", "several", "many", "key", "critical", "complex", "large", "small", "robust", "efficient", "effective", "better", "best", "major", "internal", "external", "entire", "overall", "existing", "traditional", "current", "different", "multiple", "single", "unique", "specific", "other", "own", "such", "same", "whole", "full", "simple", "common", "core", "main", "important", "increasing", "growing", "long-standing", "initial", "final", "first", "last", "next", "recent", "high-level", "low-level", "massive", "huge", "global", "foundational", "intelligent", "seamless", "reliable", "scalable"]
)
# Heads that add nothing to an idea ("auto-sharding system" is auto-sharding).
GENERIC_HEADS = frozenset(
    ["system", "systems", "architecture", "operation", "operations", "service", "services", "platform", "solution", "approach", "challenge", "challenges", "issue", "issues", "problem", "problems", "team", "article", "post", "journey", "way", "ways", "need", "needs", "use", "case", "cases", "process", "work", "effort", "efforts", "capability", "capabilities", "improvement", "improvements", "feature", "features", "component", "components", "environment", "workload", "workloads", "application", "applications", "tool", "tooling", "framework", "infrastructure", "performance", "reliability", "efficiency", "scalability", "availability", "security", "resilience", "stability", "cost", "costs", "savings", "speed", "productivity", "latency", "throughput", "data", "cloud", "ai", "ml", "migration", "modernization", "rearchitecture", "optimization", "maintenance", "practice", "practices", "outage", "incident", "upgrade", "development", "implementation", "evolution", "transition", "demand", "importance", "role", "impact", "user", "users", "customer", "customers", "engineer", "engineers", "company", "companies", "organization", "era", "part", "number", "rate", "limit", "limits", "level", "levels", "scale", "time", "hour", "hours", "day", "days", "year", "years", "million", "billion", "experience", "expertise", "advancement", "advancements", "benefit", "benefits", "insight", "insights", "strategy", "strategies", "goal", "goals", "result", "results", "lesson", "lessons", "detail", "details"]
)
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case, straight quotes, no possessive, singular last word."""
    text = _SPACE.sub(" ", text.replace("\u2019", "'").lower()).strip()
    text = re.sub(r"(?:'s|')$", "", text)
    words = text.split(" ")
    return " ".join([*words[:-1], singular(words[-1])])


def is_generic(surface: str) -> bool:
    """Whether ``surface`` alone is too generic to annotate (``Reliability``, ``databases``)."""
    folded = fold(surface)
    return folded in GENERIC or folded.replace("-", " ") in GENERIC


def all_generic(surface: str) -> bool:
    """Whether every word of ``surface`` is generic or vague (``AI workloads``, ``database systems``)."""
    words = fold(surface).replace("-", " ").split()
    return bool(words) and all(
        w in GENERIC or singular(w) in GENERIC or w in GENERIC_HEADS or w in VAGUE for w in words
    )
