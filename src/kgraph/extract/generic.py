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
ml, llm, cloud, cloud computing, data, infrastructure, real-time, realtime, real time,
open source, open-source, open sourcing, open-sourced, open-sourcing, migration,
modernization, modernisation, rearchitecture, rearchitecting, re-architecture, optimization,
optimisation, maintenance, best practice, challenge, outage, incident, upgrade, surge pricing,
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
