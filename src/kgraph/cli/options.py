"""Options shared by several commands, declared once."""

from __future__ import annotations

import json

import click

db_option = click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    default=None,
    help="The store to use (default: data/kgraph.db).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
allow_private_urls_option = click.option(
    "--allow-private-urls",
    is_flag=True,
    help="Fetch feeds on loopback, private and link-local addresses too "
    "(as KGRAPH_ALLOW_PRIVATE_URLS=1).",
)
rules_only_option = click.option(
    "--rules-only",
    is_flag=True,
    help="Run without the statistical model (ontology and acronyms only; much weaker).",
)


def echo_json(data) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def echo_evidence(title: str, sentence: str) -> None:
    """The post a line of evidence comes from, then the sentence itself; a sentence that is
    the title is printed once, as the title."""
    if title and sentence.strip() == title.strip():
        click.echo(f"      in the title: \u201c{sentence}\u201d")
        return
    if title:
        click.echo(f"      in: {title}")
    click.echo(f"      \u201c{sentence}\u201d")
