"""Which company published a post: from its source field, its URL's domain, or its wording.

Tried in that order; the first that names a known company wins. "Known" means a COMPANY
mentioned anywhere in the corpus or listed in the ontology, so a blog name in ``source``
("Engineering posts about High Availability") never becomes a company.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from kgraph.model import Mention, Post
from kgraph.ontology import Ontology

_APOSTROPHES = "'\u2019"
# Wording that says the company is the author: "... at Airbnb", "Airbnb's ...", "Databricks'
# Auto-Sharder", "Databricks at SRECon", "the team at Salesforce", "here at Slack".
_BEFORE = re.compile(r"(?:\bat|\bby|@)\s+(?:the\s+)?$", re.IGNORECASE)
_AFTER = re.compile(rf"^(?:[{_APOSTROPHES}]s?\b|[{_APOSTROPHES}]|\s+at\s+\S)", re.IGNORECASE)


def _host_path(url: str) -> str:
    parts = urlsplit(url.strip() if "://" in url else "https://" + url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    return (host + parts.path.lower()).rstrip("/")


def _domain_match(url: str, domains: dict[str, str]) -> str | None:
    """The company whose blog domain (host or host/path prefix) is the longest match."""
    target = _host_path(url)
    best = None
    for prefix, company in domains.items():
        hit = target == prefix or target.startswith(prefix + "/") or target.endswith("." + prefix)
        if hit and (best is None or len(prefix) > len(best[0])):
            best = (prefix, company)
    return best[1] if best else None


def _wording(text: str, mentions: list[Mention]) -> str | None:
    """The first company the text presents as its author ("at X", "X's ...")."""
    for m in sorted(mentions, key=lambda m: (m.start, m.canonical)):
        if m.type != "COMPANY":
            continue
        before, after = text[: m.start], text[m.end :]
        surface_possessive = m.text[-1:] in _APOSTROPHES or m.text[-2:-1] in _APOSTROPHES
        if _BEFORE.search(before) or _AFTER.match(after) or surface_possessive:
            return m.canonical
    return None


class Attributor:
    """Derives ``published_by`` for posts; built once per graph build."""

    def __init__(self, ontology: Ontology | None, companies: set[str]):
        # Sorted: of two names differing in case, the same one wins in every process.
        self.names: dict[str, str] = {c.lower(): c for c in sorted(companies)}
        self.domains: dict[str, str] = {}
        for entry in ontology.by_type("COMPANY") if ontology else []:
            self.names.setdefault(entry.name.lower(), entry.name)
            for alias in entry.aliases:
                self.names.setdefault(alias.lower(), entry.name)
            for domain in entry.domains:
                self.domains[_host_path(domain)] = entry.name

    def __call__(self, post: Post, mentions: list[Mention]) -> tuple[str, str] | None:
        """``(company, via)`` with via in source, domain, title, summary; or None."""
        source = post.source.strip().lower()
        if source and source in self.names:
            return self.names[source], "source"
        if post.url and self.domains:
            company = _domain_match(post.url, self.domains)
            if company:
                return company, "domain"
        title = [m for m in mentions if m.field == "title"]
        company = _wording(post.title, title)
        if company:
            return company, "title"
        # Only the summary's first sentence: later ones often talk about partners or rivals.
        lead = post.summary.lstrip()
        first = [
            m
            for m in mentions
            if m.field == "summary" and m.sentence and lead.startswith(m.sentence.strip())
        ]
        company = _wording(post.summary, first)
        return (company, "summary") if company else None
