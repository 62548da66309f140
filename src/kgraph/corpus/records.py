"""Turn a loose record (a CSV row, a JSON object) into a Post, accepting column synonyms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from kgraph.corpus.text import clean
from kgraph.model import Post, post_id_for

# The first name of each group is the Post field; the rest are accepted synonyms.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("id", "guid", "key"),
    "title": ("title", "name", "headline"),
    "summary": ("summary", "description", "abstract", "teaser", "content", "text"),
    "url": ("url", "link", "href"),
    "source": ("source", "company", "blog", "publisher"),
    "published": ("published", "date", "published_at", "pubdate", "updated"),
    "tags": ("tags", "categories", "keywords"),
}
MAX_FIELD = 100_000  # characters kept of one field; summaries are short, this caps hostile input


@dataclass
class Skip:
    """A record that could not become a post: where it was and why."""

    where: str
    reason: str


def field_for(column: str) -> str | None:
    """The Post field a column name stands for, or None."""
    key = column.strip().lower().replace(" ", "_")
    return next((f for f, names in SYNONYMS.items() if key in names), None)


def iso_date(value: str) -> str:
    """``YYYY-MM-DD`` from common date spellings, or "" when it is not a date."""
    value = value.strip()
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        return match.group(0)
    for fmt in (
        "%a, %d %b %Y %H:%M:%S %z",
        "%a, %d %b %Y %H:%M:%S %Z",
        "%d %b %Y",
        "%B %d, %Y",
        "%b %d, %Y",
        "%Y/%m/%d",
        "%d/%m/%Y",
    ):
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return ""


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return ""
    return clean(str(value))[:MAX_FIELD]


def _tags(value) -> list[str]:
    if isinstance(value, list):
        items = value
    elif isinstance(value, str):
        items = re.split(r"[;,|]", value)
    else:
        return []
    return sorted({clean(str(t)) for t in items if isinstance(t, (str, int)) and clean(str(t))})


def to_post(record: dict, where: str, extra_tags: list[str] = ()) -> Post | Skip:
    """A Post from a mapping with any of the synonym keys, or a Skip saying what is missing."""
    if not isinstance(record, dict):
        return Skip(where, f"expected an object with a title, got {type(record).__name__}")
    fields: dict[str, object] = {}
    for column, value in record.items():
        name = field_for(str(column))
        if name and name not in fields and value not in (None, ""):
            fields[name] = value
    title = _text(fields.get("title"))
    if not title:
        return Skip(where, "record has no title; give it a 'title' (or 'name') value")
    url = _text(fields.get("url"))
    if url and not re.match(r"https?://", url, re.I):
        url = ""  # only web links are kept: they are shown as clickable links
    own_id = _text(fields.get("id"))
    return Post(
        id=own_id or post_id_for(title, url),
        title=title,
        summary=_text(fields.get("summary")),
        url=url,
        source=_text(fields.get("source")),
        published=iso_date(_text(fields.get("published"))),
        tags=sorted(set(_tags(fields.get("tags"))) | set(extra_tags)),
        origin=where,
    )
