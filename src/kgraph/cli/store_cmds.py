"""``kgraph build``, ``kgraph stats`` and ``kgraph app``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click

from kgraph import api, config
from kgraph.cli.options import (
    allow_private_urls_option,
    db_option,
    echo_json,
    json_option,
    rules_only_option,
)


class _Bars:
    """A progress bar per stage on a terminal; silent otherwise."""

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()
        self.bar = None
        self.stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled or total == 0:
            return
        if stage != self.stage:
            self.close()
            self.stage = stage
            label = {
                "read": "posts read     ",
                "fetch": "feeds fetched  ",
                "extract": "posts extracted",
            }.get(stage, stage)
            self.bar = click.progressbar(length=total, label=label, file=sys.stderr)
            self.bar.__enter__()
            self.last = 0
        self.bar.update(done - self.last)
        self.last = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@click.command("build")
@click.argument("corpus", nargs=-1)
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(api.CORPUS_FORMATS), help="Override format detection."
)
@click.option("--encoding", help="Text encoding of the corpus files (default UTF-8).")
@click.option("--strict", is_flag=True, help="Fail on the first bad record; write nothing.")
@click.option(
    "--ontology",
    "ontology_files",
    multiple=True,
    type=click.Path(exists=True),
    help="Extra ontology YAML with your own systems (repeatable).",
)
@rules_only_option
@click.option(
    "--engine", type=click.Choice(["local", "dask"]), default="local", help="Where extraction runs."
)
@click.option("--scheduler", help="Dask scheduler address (default: a LocalCluster here).")
@click.option(
    "--processes",
    "n_process",
    type=click.IntRange(min=1),
    default=None,
    help="spaCy worker processes (default: 2 from 1,000 posts to extract, else 1).",
)
@click.option("--if-missing", is_flag=True, help="Do nothing if the store already has a build.")
@click.option("--add", is_flag=True, help="Keep the store's posts and add these corpora's.")
@allow_private_urls_option
@json_option
def build_cmd(
    corpus,
    db,
    fmt,
    encoding,
    strict,
    ontology_files,
    rules_only,
    engine,
    scheduler,
    n_process,
    if_missing,
    add,
    allow_private_urls,
    as_json,
):
    """Build the knowledge graph from corpus files or feed URLs into the store.

    CORPUS is any mix of seed .txt, CSV, JSON, JSONL, RSS/Atom/OPML files and http(s) feed
    URLs; none means the shipped corpus. The store then holds exactly these corpora, or,
    with --add, its posts and theirs. Unchanged posts come from the extraction cache.

    \b
    Example:
      kgraph build                                  # the shipped corpus
      kgraph build posts.csv https://example.com/feed.xml --db my.db
      kgraph build --add more-posts.jsonl            # keep what the store holds
    """
    if if_missing and api.has_build(db):
        if not as_json:
            click.echo(f"{db or 'data/kgraph.db'} already holds a build; nothing to do.")
        return
    if allow_private_urls:
        os.environ["KGRAPH_ALLOW_PRIVATE_URLS"] = "1"  # read by the fetcher for this run
    bars = _Bars(enabled=not as_json)
    try:
        options = api.BuildOptions(
            fmt=fmt,
            encoding=encoding,
            strict=strict,
            ontology_files=ontology_files,
            rules_only=rules_only,
            engine=engine,
            scheduler=scheduler,
            n_process=n_process,
            add=add,
        )
        # The process ends with the command: the build's last phase need not free its heap.
        with api.ends_after_build():
            report = api.build(corpus, db=db, options=options, progress=bars)
    finally:
        bars.close()
    for warning in report.warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    if report.skipped:
        click.secho(f"warning: skipped {len(report.skipped)} bad record(s):", fg="yellow", err=True)
        for line in report.skipped[:20]:
            click.echo(f"  {line}", err=True)
    for line in report.feeds_failed[:20]:
        click.secho(f"warning: feed skipped: {line}", fg="yellow", err=True)
    if as_json:
        echo_json(report.__dict__)
        return
    if report.feeds:
        ok = report.feeds - len(report.feeds_failed)
        click.echo(
            f"{report.posts:,} posts from {ok} of {report.feeds} feeds"
            + (
                f"; {len(report.feeds_failed)} failed: `kgraph feeds` lists them."
                if report.feeds_failed
                else "."
            )
        )
    click.echo(
        f"Built {report.db}: {report.posts} posts, {report.mentions} mentions "
        f"({report.extracted} extracted, {report.cached} from cache) "
        f"in {sum(report.seconds.values()):.1f} s."
    )


@click.command("stats")
@db_option
@json_option
def stats_cmd(db, as_json):
    """Show what the store holds: posts, entities per type, mentions, the last build.

    \b
    Example:
      kgraph stats --json
    """
    data = api.stats(db)
    if as_json:
        echo_json(data)
        return
    click.echo(f"store       {data['db']}")
    click.echo(f"posts       {data['posts']}")
    for type_, n in data["entities"].items():
        click.echo(f"{type_.lower():<12}{n}")
    click.echo(
        f"mentions    {data['mentions']}  "
        + ", ".join(f"{k}: {v}" for k, v in data["mentions_by_method"].items())
    )
    if data["build"]:
        click.echo(
            f"build       #{data['build']['id']} pipeline {data['build']['pipeline_version']}"
        )


@click.command("app")
@db_option
@click.option("--port", type=int, default=8501, show_default=True)
@click.option("--host", default="localhost", show_default=True, help="Address to listen on.")
def app_cmd(db, port, host):
    """Open the explorer (Streamlit) on the store, headless, on http://HOST:PORT.

    The command becomes the Streamlit server (exec), so stopping it (Ctrl+C, SIGTERM from
    systemd, Docker or a test harness) stops the server; nothing is left serving the port.

    \b
    Example:
      kgraph app --db data/kgraph.db --port 8501
    """
    env = dict(os.environ)
    if db:
        env["KGRAPH_DB"] = str(Path(db).resolve())
    click.echo(f"kgraph explorer on http://{host}:{port}  (Ctrl+C to stop)")
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(config.APP_FILE),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        host,
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
        # the Data page's cap, so the upload box says it and refuses larger files early
        "--server.maxUploadSize",
        str(config.MAX_UPLOAD_MB),
        # a reader of the explorer has no use for Streamlit's "Deploy" button
        "--client.toolbarMode",
        config.TOOLBAR_MODE,
    ]
    sys.stdout.flush()
    sys.stderr.flush()
    if os.name == "posix":
        os.execve(sys.executable, command, env)  # no child to orphan
    raise SystemExit(subprocess.call(command, env=env))


COMMANDS = (build_cmd, stats_cmd, app_cmd)
