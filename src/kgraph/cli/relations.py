"""``kgraph relations NAME`` and ``kgraph migrations``: relations the posts state, with evidence."""

from __future__ import annotations

import click

from kgraph import analysis, api
from kgraph.cli.options import db_option, echo_evidence, echo_json, json_option
from kgraph.model import RELATION_TYPES


@click.command("relations")
@click.argument("name")
@click.option("--type", "type_", type=click.Choice(RELATION_TYPES), help="Only this relation.")
@db_option
@json_option
def relations_cmd(name, type_, db, as_json):
    """Each relation the posts state about NAME (built, uses, migrated, applies), with the
    sentence that states it.

    \b
    Example:
      kgraph relations Cloudflare
      kgraph relations Kubernetes --type uses --json
    """
    r = analysis.entity_relations(api.load_app_graph(db), name, type_)
    if as_json:
        return echo_json(r)
    if not r["groups"]:
        click.echo(f"No post states a relation of {r['label']!r}.")
        return
    for heading, rows in r["groups"].items():
        click.echo(f"{r['label']} — {heading}:")
        for row in rows:
            ev = row["evidence"][0]
            click.echo(
                f"  {row['head']} —[{row['type']}]→ {row['tail']}  ({len(row['posts'])} post(s))"
            )
            echo_evidence(ev["title"], ev["sentence"])


@click.command("migrations")
@db_option
@json_option
def migrations_cmd(db, as_json):
    """Who moved from what to what, one line per mover and post, with the sentence.

    \b
    Example:
      kgraph migrations
      kgraph migrations --json
    """
    rows = analysis.migrations(api.load_app_graph(db))
    if as_json:
        return echo_json(rows)
    if not rows:
        click.echo("No post states a migration.")
    for r in rows:
        src = ", ".join(r["from"]) or "?"
        dst = ", ".join(r["to"]) or "?"
        click.echo(f"{r['mover']}: {src} → {dst}")
        echo_evidence(r["title"], r["sentence"])


COMMANDS = [relations_cmd, migrations_cmd]
