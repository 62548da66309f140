"""Read any mix of corpus files and feed URLs into deduplicated posts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kgraph import config
from kgraph.corpus import csvfile, feed, jsonfile, opml, seed
from kgraph.corpus.detect import detect_format, is_url
from kgraph.corpus.fetch import fetch_url
from kgraph.corpus.records import Skip
from kgraph.corpus.text import decode
from kgraph.errors import CorpusError
from kgraph.model import Post, normalise_title

SHIPPED_CORPUS = config.SHIPPED_CORPUS

# Each parser takes (text, origin name, encoding) and yields Post or Skip.
PARSERS: dict[str, Callable] = {
    "seed": seed.parse,
    "csv": csvfile.parse,
    "json": jsonfile.parse_json,
    "jsonl": jsonfile.parse_jsonl,
    "feed": feed.parse,
}
FORMATS = (*PARSERS, "opml")


@dataclass
class ReadResult:
    """The posts read, and what was skipped on the way (one line each, naming the place)."""

    posts: list[Post] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


def _load(source: str) -> tuple[bytes, str]:
    if is_url(source):
        return fetch_url(source), source
    path = Path(source)
    if path.is_dir():
        raise CorpusError(f"{source} is a folder; name the corpus files inside it.")
    try:
        return path.read_bytes(), str(path)
    except FileNotFoundError:
        raise CorpusError(f"{source}: no such file. Check the path.") from None
    except OSError as exc:
        raise CorpusError(f"{source}: cannot be read ({exc.strerror}).") from None


def _read_one(source: str, fmt: str | None, encoding: str | None, depth: int = 0):
    data, name = _load(source)
    if not data.strip():
        raise CorpusError(f"{name}: the file is empty. Give it posts, or leave it out.")
    kind = fmt or detect_format(name, data)
    if kind == "opml":
        if depth:
            raise CorpusError(f"{name}: an OPML list inside an OPML list is not followed.")
        for url in opml.feed_urls(data, name):
            # Never a local path: an OPML fetched from the web must not read this machine's files.
            if not url.lower().startswith(("http://", "https://")):
                raise CorpusError(
                    f"{name}: lists the feed {url[:200]!r}; only http:// and https:// feed URLs "
                    "are followed. Fix or remove that outline."
                )
            yield from _read_one(url, "feed", encoding, depth + 1)
        return
    if kind not in PARSERS:
        raise CorpusError(f"{name}: unknown format {kind!r}; use one of {', '.join(FORMATS)}.")
    if kind == "feed":
        yield from feed.parse(data, name)
    else:
        yield from PARSERS[kind](decode(data, name, encoding), name)


def read_corpus(
    sources: Iterable[str | Path] = (),
    *,
    fmt: str | None = None,
    encoding: str | None = None,
    strict: bool = False,
) -> ReadResult:
    """Read every source (files or http(s) feed URLs); no sources means the shipped corpus.

    The same post from two places (same id, or same normalised title and url) becomes one
    post with its tags merged. Raises :class:`CorpusError` for an unreadable source, and
    for any bad record when ``strict``.
    """
    result = ReadResult()
    by_id: dict[str, Post] = {}
    by_title: dict[tuple[str, str], Post] = {}
    for source in [str(s) for s in sources] or [str(SHIPPED_CORPUS)]:
        result.sources.append(source)
        for item in _read_one(source, fmt, encoding):
            if isinstance(item, Skip):
                if strict:
                    raise CorpusError(f"{item.where}: {item.reason} (--strict: nothing written)")
                result.skipped.append(f"{item.where}: {item.reason}")
                continue
            same = by_id.get(item.id) or by_title.get((normalise_title(item.title), item.url))
            if same is not None:
                same.tags = sorted(set(same.tags) | set(item.tags))
                continue
            by_id[item.id] = item
            by_title[(normalise_title(item.title), item.url)] = item
            result.posts.append(item)
    if not result.posts:
        raise CorpusError(
            f"No posts in {', '.join(result.sources)}"
            + (
                f" ({len(result.skipped)} record(s) skipped: {result.skipped[0]})"
                if result.skipped
                else ""
            )
            + ". Check the format (see README, 'Corpus formats')."
        )
    return result
