"""``kgraph feeds``, ``kgraph refresh`` and ``kgraph new``: a store that follows its feeds."""

from __future__ import annotations

import os
import sys
import time

import click

from kgraph import api
from kgraph.cli.options import (
    allow_private_urls_option,
    db_option,
    echo_json,
    json_option,
    rules_only_option,
)
from kgraph.cli.store_cmds import _Bars


def _when(ts) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts)) if ts else "never"


@click.command("feeds")
@db_option
@json_option
def feeds_cmd(db, as_json):
    """List the feeds the store subscribes to, with their health.

    Every feed a build read (given as a URL or listed in an OPML) is remembered with its
    ETag and Last-Modified, when it was last fetched, how many stored posts came from it,
    and its last error.

    \b
    Example:
      kgraph feeds --json
    """
    rows = api.feeds(db)
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo("The store subscribes to no feeds. Build from feed URLs or an OPML list.")
        return
    failed = 0
    for row in rows:
        state = row["status"] or "new"
        failed += state == "failed"
        click.echo(
            f"{state:<13}{row['posts']:>6} posts  {_when(row['last_fetched'])}  {row['url']}"
            + (f"  {row['title']}" if row["title"] else "")
        )
        if row["last_error"]:
            click.secho(f"{'':13}{row['last_error']}", fg="red")
    click.echo(f"{len(rows)} feed(s), {failed} failing.")


@click.command("refresh")
@db_option
@rules_only_option
@allow_private_urls_option
@json_option
def refresh_cmd(db, rules_only, allow_private_urls, as_json):
    """Fetch every subscribed feed and add what is new to the store.

    Feeds are asked concurrently (8 at a time, at most 6 per host) and conditionally
    (If-None-Match, If-Modified-Since), so an unchanged feed costs one round trip. New posts
    join the store as with `kgraph build --add`; only they are extracted. A feed that fails
    keeps its posts and its error shows in `kgraph feeds`; the refresh still succeeds.

    \b
    Example:
      kgraph refresh --db data/kgraph.db --json
      # from cron, every hour:
      # 0 * * * *  cd /srv/kgraph && .venv/bin/kgraph refresh --db data/kgraph.db
    """
    if allow_private_urls:
        os.environ["KGRAPH_ALLOW_PRIVATE_URLS"] = "1"  # read by the fetcher for this run
    bars = _Bars(enabled=not as_json)
    try:
        out = api.refresh(db, rules_only=rules_only, progress=bars)
    finally:
        bars.close()
    for error in out["errors"][:20]:
        click.secho(f"warning: feed skipped: {error}", fg="yellow", err=True)
    if out["failed"]:
        click.secho(
            f"warning: {out['failed']} of {out['feeds']} feed(s) failed; `kgraph feeds` lists them.",
            fg="yellow",
            err=True,
        )
    if as_json:
        echo_json(
            {k: out[k] for k in ("feeds", "not_modified", "failed", "new_posts", "new_entities")}
        )
        return
    click.echo(
        f"Refreshed {out['feeds']} feed(s): {out['not_modified']} unchanged, "
        f"{out['failed']} failed, {out['new_posts']} new post(s)"
        + (f", new entities: {', '.join(out['new_entities'][:10])}" if out["new_entities"] else "")
        + "."
    )


@click.command("new")
@db_option
@click.option("--since", type=int, default=None, help="Every build after this build id.")
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True)
@json_option
def new_cmd(db, since, top, as_json):
    """What the latest build (or every build since BUILD) added.

    Lists the posts that arrived, the entities no earlier post names, and the entities whose
    post count rose most.

    \b
    Example:
      kgraph new --json
      kgraph new --since 3
    """
    out = api.new_since(db, since, top=top)
    if as_json:
        echo_json(out)
        return
    if not out["posts"]:
        click.echo(
            "No new posts in " + (f"the builds after #{since}." if since else "the latest build.")
        )
        return
    builds = ", ".join(f"#{b}" for b in out["builds"])
    click.echo(f"{len(out['posts'])} new post(s) (build {builds}):")
    for post in out["posts"][:50]:
        click.echo(f"  {post['published'] or '(undated)':<11} {post['title']}  [{post['source']}]")
    if len(out["posts"]) > 50:
        click.echo(f"  … and {len(out['posts']) - 50} more (--json lists all)")
    if out["entities"]:
        click.echo(
            "New entities: " + ", ".join(f"{e['label']} ({e['new']})" for e in out["entities"])
        )
    if out["risen"]:
        click.echo(
            "Rose most: "
            + ", ".join(f"{e['label']} (+{e['new']}, {e['posts']} posts)" for e in out["risen"])
        )
    sys.stdout.flush()


COMMANDS = (feeds_cmd, refresh_cmd, new_cmd)
