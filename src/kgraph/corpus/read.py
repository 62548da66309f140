"""Read any mix of corpus files and feed URLs into deduplicated posts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kgraph import config
from kgraph.corpus import csvfile, jsonfile, opml, seed
from kgraph.corpus.detect import detect_format, is_url
from kgraph.corpus.feeds import FAILED, FeedResult, fetch_feeds, parse_feed
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
    "feed": parse_feed,
}
FORMATS = (*PARSERS, "opml")


@dataclass
class ReadResult:
    """The posts read, and what was skipped on the way (one line each, naming the place)."""

    posts: list[Post] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    feeds: list[FeedResult] = field(default_factory=list)
    """Every feed URL read, with how its fetch went (the store keeps them as subscriptions)."""

    @property
    def failed_feeds(self) -> list[FeedResult]:
        return [f for f in self.feeds if f.status == FAILED]


class NothingFetched(CorpusError):
    """Every source was a feed and none gave a post; ``feeds`` says why for each."""

    def __init__(self, message: str, feeds: list[FeedResult]):
        super().__init__(message)
        self.feeds = feeds


def _load(source: str) -> tuple[bytes, str]:
    path = Path(source)

    if path.is_dir():
        raise CorpusError(f"{source} is a folder; name the corpus files inside it.")
    try:
        return path.read_bytes(), str(path)
    except FileNotFoundError:
        raise CorpusError(f"{source}: no such file. Check the path.") from None
    except OSError as exc:
        raise CorpusError(f"{source}: cannot be read ({exc.strerror}).") from None


def _opml_urls(data: bytes, name: str) -> list[str]:
    urls = opml.feed_urls(data, name)
    for url in urls:
        # Never a local path: an OPML fetched from the web must not read this machine's files.
        if not url.lower().startswith(("http://", "https://")):
            raise CorpusError(
                f"{name}: lists the feed {url[:200]!r}; only http:// and https:// feed URLs "
                "are followed. Fix or remove that outline."
            )
    return urls


def _parse(data: bytes, name: str, kind: str, encoding: str | None) -> list:
    if kind not in PARSERS:
        raise CorpusError(f"{name}: unknown format {kind!r}; use one of {', '.join(FORMATS)}.")
    if kind == "feed":
        return parse_feed(data, name)
    return list(PARSERS[kind](decode(data, name, encoding), name))


def _listed_feed(data: bytes, name: str) -> list:
    if detect_format(name, data) == "opml":
        raise CorpusError(f"{name}: an OPML list inside an OPML list is not followed.")
    return parse_feed(data, name)


def _fetch_urls(
    urls: list[str], fmt: str | None, encoding: str | None, progress=None, on_feed=None
):
    """Each URL's feed results: itself, or the feeds of the OPML list it turned out to be."""

    def top(data: bytes, name: str) -> list:
        kind = fmt or detect_format(name, data)
        if kind == "opml":
            return _opml_urls(data, name)
        return _parse(data, name, kind, encoding)

    out: dict[str, list[FeedResult]] = {}
    for result in fetch_feeds(urls, parse=top, progress=progress, on_result=on_feed):
        if result.opml is not None:
            out[result.url] = fetch_feeds(
                result.opml, parse=_listed_feed, progress=progress, on_result=on_feed
            )
        else:
            out[result.url] = [result]
    return out


def _read_one(source: str, fmt: str | None, encoding: str | None, progress=None, on_feed=None):
    """A file's posts and skips, or (for an OPML file) the feed results of its feeds."""
    data, name = _load(source)
    if not data.strip():
        raise CorpusError(f"{name}: the file is empty. Give it posts, or leave it out.")
    kind = fmt or detect_format(name, data)
    if kind == "opml":
        return fetch_feeds(
            _opml_urls(data, name), parse=_listed_feed, progress=progress, on_result=on_feed
        )
    return _parse(data, name, kind, encoding)


def read_corpus(
    sources: Iterable[str | Path] = (),
    *,
    fmt: str | None = None,
    encoding: str | None = None,
    strict: bool = False,
    progress=None,
    on_feed=None,
) -> ReadResult:
    """Read every source (files or http(s) feed URLs); no sources means the shipped corpus.

    The same post from two places (same id, or same normalised title and url) becomes one
    post with its tags merged. Raises :class:`CorpusError` for an unreadable source, and
    for any bad record when ``strict``.
    """
    result = ReadResult()
    by_id: dict[str, Post] = {}
    by_title: dict[tuple[str, str], Post] = {}
    sources = [str(s) for s in sources] or [str(SHIPPED_CORPUS)]
    fetched = _fetch_urls([s for s in sources if is_url(s)], fmt, encoding, progress, on_feed)

    def skip(line: str) -> None:
        if strict:
            raise CorpusError(f"{line} (--strict: nothing written)")
        result.skipped.append(line)

    def add(item: Post) -> None:
        same = by_id.get(item.id) or by_title.get((normalise_title(item.title), item.url))
        if same is not None:
            same.tags = sorted(set(same.tags) | set(item.tags))
            return
        by_id[item.id] = item
        by_title[(normalise_title(item.title), item.url)] = item
        result.posts.append(item)

    for source in sources:
        result.sources.append(source)
        items = (
            fetched[source]
            if is_url(source)
            else _read_one(source, fmt, encoding, progress, on_feed)
        )
        for item in items:
            if isinstance(item, FeedResult):
                if item.status == FAILED and strict:
                    raise CorpusError(f"{item.error} (--strict: nothing written)")
                result.feeds.append(item)
                for line in item.skipped:
                    skip(line)
                for post in item.posts:
                    add(post)
            elif isinstance(item, Skip):
                skip(f"{item.where}: {item.reason}")
            else:
                add(item)
    if not result.posts:
        failed = result.failed_feeds
        if result.feeds and len(failed) == len(result.feeds):
            down = next((f.error for f in failed if "not tried: the network" in f.error), "")
            raise NothingFetched(
                f"Nothing could be fetched: all {len(failed)} feed(s) failed"
                + (
                    f"; {down.split('not tried: ', 1)[1]}"
                    if down
                    else f" (first: {failed[0].error}). Check the network and the URLs."
                ),
                result.feeds,
            )
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
