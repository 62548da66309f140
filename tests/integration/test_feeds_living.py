"""A living corpus: feeds that fail never sink a build, subscriptions, conditional refresh,
what is new. Real HTTP on 127.0.0.1 (tests.support.feedserver), real SQLite."""

from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner

from kgraph import api
from kgraph.cli import main
from kgraph.corpus import fetch, read
from kgraph.corpus.feeds import fetch_feeds
from kgraph.errors import CorpusError
from tests.support.fake_extractor import FakeExtractor
from tests.support.feedserver import FeedServer


@pytest.fixture(autouse=True)
def private_urls(monkeypatch):
    monkeypatch.setenv("KGRAPH_ALLOW_PRIVATE_URLS", "1")
    monkeypatch.setattr(fetch, "TIMEOUT_S", 1.0)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _fetch_failed(message: str) -> bool:
    """A failed fetch's message, as a user who allowed local feeds reads it."""
    return any(
        part in message for part in ("server answered", "no answer within", "cannot be fetched")
    )


def test_dead_and_hanging_feeds_are_skipped_and_cost_one_timeout(db_path, monkeypatch):
    ex = FakeExtractor()
    fetching = []  # the fetch stages' own seconds (the OPML, then its feeds), apart from the build

    def timed_fetch(*args, **kwargs):
        started = time.monotonic()
        try:
            return fetch_feeds(*args, **kwargs)
        finally:
            fetching.append(time.monotonic() - started)

    monkeypatch.setattr(read, "fetch_feeds", timed_fetch)
    hanging = 6  # one after another they would cost six timeouts
    with FeedServer(n_feeds=5, items=4, delay=0, dead=2, hanging=hanging, hang_s=30) as server:
        report = api.build([server.opml_url], db=db_path, extractor=ex)
    assert report.posts == 20
    assert report.feeds == 13
    assert len(report.feeds_failed) == 8
    # The tests opt in to local feeds, so each failure says what went wrong.
    assert all(_fetch_failed(line) for line in report.feeds_failed)
    failed = {line.split(": ", 1)[0] for line in report.feeds_failed}
    assert failed == {server.feed_url(f) for f in range(5, 13)}  # 2 dead, 6 silent
    # In parallel the silent feeds cost one timeout, not six. Only the fetch is timed: the
    # build's own work on a busy machine once pushed the whole build past such a bound.
    assert fetching and sum(fetching) < hanging * fetch.TIMEOUT_S / 2
    rows = {r["url"]: r for r in api.feeds(db_path)}
    assert len(rows) == 13
    assert rows[server.feed_url(5)]["status"] == "failed"
    assert _fetch_failed(rows[server.feed_url(5)]["last_error"])
    assert rows[server.feed_url(0)]["posts"] == 4
    assert rows[server.feed_url(0)]["etag"].startswith('"')
    assert rows[server.feed_url(0)]["title"] == "Acme Engineering 0"


def test_cli_build_reports_the_failures_and_exits_0(db_path, monkeypatch):
    monkeypatch.setattr(api, "build", _with_fake(api.build))
    with FeedServer(n_feeds=3, items=2, delay=0, dead=1) as server:
        out = run("build", server.opml_url, "--db", db_path)
    assert out.exit_code == 0, out.output
    assert "6 posts from 3 of 4 feeds; 1 failed: `kgraph feeds` lists them." in out.output
    assert "warning: feed skipped: " in out.output and "/feed/3.xml" in out.output


def test_strict_fails_on_the_first_failure_before_writing(db_path):
    with (
        FeedServer(n_feeds=3, items=2, delay=0, dead=1) as server,
        pytest.raises(CorpusError, match=r"/feed/3\.xml: the server answered 404.*--strict"),
    ):
        api.build([server.opml_url], db=db_path, extractor=FakeExtractor(), strict=True)
    assert not db_path.exists()


def test_nothing_fetched_says_so_and_remembers_every_feed(db_path):
    with FeedServer(n_feeds=0, delay=0, dead=4) as server:
        out = run("build", server.opml_url, "--db", db_path)
    assert out.exit_code == 1
    assert "Nothing could be fetched: all 4 feed(s) failed" in out.output
    assert "Traceback" not in out.output
    listed = run("feeds", "--db", db_path, "--json")
    assert [r["status"] for r in json.loads(listed.output)] == ["failed"] * 4


def test_refresh_asks_conditionally_then_adds_exactly_the_new_items(db_path):
    ex = FakeExtractor()
    with FeedServer(n_feeds=6, items=5, delay=0) as server:
        api.build([server.opml_url], db=db_path, extractor=ex)
        assert len(ex.seen) == 30
        server.reset_log()
        out = api.refresh(db_path, extractor=ex)
        assert (out["feeds"], out["not_modified"], out["failed"], out["new_posts"]) == (6, 6, 0, 0)
        assert all(conditional and status == 304 for _p, conditional, status in server.requests)
        assert len(server.requests) == 6
        assert len(ex.seen) == 30  # nothing extracted

        new = [server.add_item(f) for f in (1, 3, 4)]
        out = api.refresh(db_path, extractor=ex)
    assert (out["not_modified"], out["new_posts"]) == (3, 3)
    assert len(ex.seen) == 33  # only the three new posts were extracted
    assert api.stats(db_path)["posts"] == 33
    whats_new = api.new_since(db_path)
    assert sorted(p["id"] for p in whats_new["posts"]) == sorted(i["guid"] for i in new)
    # Every build since the first: the same three.
    assert len(api.new_since(db_path, since=1)["posts"]) == 3
    assert len(api.new_since(db_path, since=0)["posts"]) == 33


def test_failing_feeds_keep_their_posts_and_show_their_error(db_path):
    ex = FakeExtractor()
    with FeedServer(n_feeds=5, items=3, delay=0, hang_s=30) as server:
        api.build([server.opml_url], db=db_path, extractor=ex)
        server.mode.update({1: "500", 2: "hang", 3: "invalid"})
        server.add_item(0)
        started = time.monotonic()
        out = api.refresh(db_path, extractor=ex)
        elapsed = time.monotonic() - started
    assert (out["failed"], out["new_posts"]) == (3, 1)
    # The hanging feed costs one 1-s timeout, not its 30 s; the rest is the refresh's own
    # work (writing the build and the app's graph), slower on a loaded machine.
    assert elapsed < 5
    assert api.stats(db_path)["posts"] == 16
    rows = {r["url"]: r for r in api.feeds(db_path)}
    errors = {f: rows[server.feed_url(f)]["last_error"] for f in (1, 2, 3)}
    assert "server answered 500" in errors[1]
    assert "no answer within" in errors[2]  # the silent one
    assert "not a usable feed" in errors[3] or "no feed entries found" in errors[3]
    assert all(rows[server.feed_url(f)]["posts"] == 3 for f in (1, 2, 3))
    assert rows[server.feed_url(0)]["status"] == "ok" and rows[server.feed_url(0)]["posts"] == 4


def test_cli_refresh_new_and_feeds_json(db_path, monkeypatch):
    monkeypatch.setattr(api, "build", _with_fake(api.build))
    monkeypatch.setattr(api, "refresh", _with_fake(api.refresh))
    with FeedServer(n_feeds=3, items=2, delay=0) as server:
        assert run("build", server.opml_url, "--db", db_path).exit_code == 0
        server.add_item(2)
        server.mode[1] = "500"
        out = run("refresh", "--db", db_path, "--json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert set(data) == {"feeds", "not_modified", "failed", "new_posts", "new_entities"}
    assert (data["feeds"], data["not_modified"], data["failed"], data["new_posts"]) == (3, 1, 1, 1)
    assert "Zanzibar" in data["new_entities"]  # the fake names capitalised title words
    assert "warning: 1 of 3 feed(s) failed" in out.stderr
    new = json.loads(run("new", "--db", db_path, "--json").output)
    assert [p["title"] for p in new["posts"]] == [
        "Announcing Zanzibar-style authorization on Kubernetes at Initech"
    ]
    feeds = run("feeds", "--db", db_path)
    assert "failed" in feeds.output and "/feed/1.xml: the server answered 500" in feeds.output
    assert "3 feed(s), 1 failing." in feeds.output


def test_new_since_an_unknown_build_is_one_line(db_path, monkeypatch):
    monkeypatch.setattr(api, "build", _with_fake(api.build))
    with FeedServer(n_feeds=1, items=2, delay=0) as server:
        run("build", server.opml_url, "--db", db_path)
    out = run("new", "--db", db_path, "--since", "7")
    assert out.exit_code == 1
    assert "No build #7" in out.output and "#1" in out.output


def test_refresh_of_a_store_without_feeds_says_how_to_get_some(db_path, write):
    corpus = write("c.jsonl", json.dumps({"title": "Kafka at Acme", "summary": "x"}))
    api.build([corpus], db=db_path, extractor=FakeExtractor())
    out = run("refresh", "--db", db_path)
    assert out.exit_code == 1
    assert "subscribes to no feeds" in out.output and "kgraph build FEEDS.opml" in out.output


def _with_fake(fn):
    def call(*args, **kwargs):
        kwargs.setdefault("extractor", FakeExtractor())
        return fn(*args, **kwargs)

    return call


def test_no_network_ends_quickly_with_every_feed_reported(db_path):
    # .invalid never resolves (RFC 2606): what every feed looks like with no network.
    urls = [f"http://blog{i}.invalid/feed.xml" for i in range(40)]
    opml = db_path.parent / "feeds.opml"
    opml.write_text(
        "<opml><body>" + "".join(f'<outline xmlUrl="{u}"/>' for u in urls) + "</body></opml>"
    )
    started = time.monotonic()
    out = run("build", opml, "--db", db_path)
    assert time.monotonic() - started < 10
    assert out.exit_code == 1
    assert "Nothing could be fetched: all 40 feed(s) failed; the network looks down" in out.output
    rows = api.feeds(db_path)
    assert len(rows) == 40 and all(r["status"] == "failed" for r in rows)
    assert sum("not tried" in r["last_error"] for r in rows) >= 40 - 16 - 8


def test_servers_that_answer_with_errors_are_not_a_network_outage(db_path):
    with FeedServer(n_feeds=1, items=2, delay=0, dead=30) as server:
        report = api.build([server.opml_url], db=db_path, extractor=FakeExtractor())
    assert len(report.feeds_failed) == 30
    assert all(_fetch_failed(line) for line in report.feeds_failed)
    assert not any("not tried" in line for line in report.feeds_failed)
