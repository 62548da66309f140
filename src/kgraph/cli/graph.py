"""Graph questions on the command line: related, similar, path, entity, top, communities,
compare, export. Each prints text, or JSON with ``--json``; the answers come from
:mod:`kgraph.analysis`."""

from __future__ import annotations

import click

from kgraph import analysis, api
from kgraph.cli.options import db_option, echo_evidence, echo_json, json_option
from kgraph.model import MEASURES

COMMANDS: list[click.Command] = []
KINDS = click.Choice(["company", "technology", "concept"])


def _graph(db):
    return api.load_app_graph(db)


def command(name: str):
    def register(fn):
        cmd = click.command(name)(fn)
        COMMANDS.append(cmd)
        return cmd

    return register


@command("related")
@click.argument("name")
@click.option("-n", "--limit", default=10, show_default=True, help="How many posts.")
@db_option
@json_option
def related_cmd(name, limit, db, as_json):
    """Posts about NAME (an entity or alias), best first, with the reason and sentence.

    \b
    Example:
      kgraph related prewarming
      kgraph related k8s --json
    """
    rows = analysis.related_posts(_graph(db), name, limit=limit)
    if as_json:
        return echo_json(rows)
    if not rows:
        click.echo(f"No posts mention {name!r}.")
    for i, r in enumerate(rows, 1):
        click.echo(f"{i}. {r['title']}  [{r['score']:.2f}]\n   why: {r['reason']}")
        if r["evidence"]:
            click.echo(f"   \u201c{r['evidence'][0]['sentence']}\u201d")


@command("similar")
@click.argument("post")
@click.option("-n", "--limit", default=10, show_default=True)
@db_option
@json_option
def similar_cmd(post, limit, db, as_json):
    """Posts sharing rare entities with POST (a post id or exact title).

    \b
    Example:
      kgraph similar "Open Sourcing Dicer: Databricks’ Auto-Sharder"
    """
    rows = analysis.similar_posts(_graph(db), post, limit=limit)
    if as_json:
        return echo_json(rows)
    for i, r in enumerate(rows, 1):
        click.echo(f"{i}. {r['title']}  [{r['score']:.2f}] shares: {', '.join(r['shared'])}")


@command("path")
@click.argument("a")
@click.argument("b")
@db_option
@json_option
def path_cmd(a, b, db, as_json):
    """The shortest explained path from entity A to entity B, each hop with its evidence.

    \b
    Example:
      kgraph path Airbnb sharding
    """
    r = analysis.explained_path(_graph(db), a, b)
    if as_json:
        return echo_json(r)
    if not r["found"]:
        click.echo(r["message"])
        if r.get("nearest"):
            hops = r["nearest"]["hops"]
            # Undirected dashes: the chain is not a path, and an arrow along the walk would
            # read an is-a hop backwards ("infrastructure software → auto-sharding system").
            chain = " — ".join([hops[0]["source_label"], *(h["target_label"] for h in hops)])
            click.echo(f"  nearest chain (--json shows each hop): {chain}")
        return
    click.echo(f"{r['source_label']} → {r['target_label']}: {r['message']}")
    for h in r["hops"]:
        # The arrow follows the relation, not the walk: a reversed hop points back.
        left, rel, right = analysis.hop_arrow(h)
        click.echo(f"  {h['source_label']} {left}{rel}{right} {h['target_label']}")
        echo_evidence(h["post_title"] if h["post"] else "", h["sentence"])


@command("entity")
@click.argument("name")
@db_option
@json_option
def entity_cmd(name, db, as_json):
    """The card of NAME: type, definition, aliases, neighbours, degree, PageRank, community.

    \b
    Example:
      kgraph entity HA
    """
    c = analysis.entity_card(_graph(db), name)
    if as_json:
        return echo_json(c)
    click.echo(f"{c['label']} ({c['kind']}, {c['post_count']} post(s))")
    for key in ("definition", "aliases", "parents", "company", "degree", "pagerank", "community"):
        if c.get(key) not in (None, "", []):
            value = ", ".join(c[key]) if isinstance(c[key], list) else c[key]
            click.echo(f"  {key}: {value}")
    for kind, labels in c["neighbours"].items():
        click.echo(f"  {kind}: " + "; ".join(labels))
    for role, labels in (c.get("roles") or {}).items():
        if labels:
            click.echo(f"  companies that {role.replace('_', ' ')} it: " + "; ".join(labels))


@command("top")
@click.option("--measure", type=click.Choice(MEASURES), default="pagerank", show_default=True)
@click.option("--kind", type=KINDS, default=None, help="Only this kind of entity.")
@click.option("-n", "--limit", default=20, show_default=True)
@db_option
@json_option
def top_cmd(measure, kind, limit, db, as_json):
    """The most central entities by PageRank, degree or betweenness.

    \b
    Example:
      kgraph top --measure degree --kind technology
    """
    rows = analysis.top_entities(_graph(db), measure, kind=kind, limit=limit)
    if as_json:
        return echo_json(rows)
    for i, r in enumerate(rows, 1):
        click.echo(f"{i:>3}. {r['label']} ({r['kind']})  {r['score']:.4f}")


@command("communities")
@click.option(
    "--seed", default=42, show_default=True, help="Louvain seed (same seed, same result)."
)
@db_option
@json_option
def communities_cmd(seed, db, as_json):
    """Groups of entities written about together (Louvain), labelled by their top members.

    \b
    Example:
      kgraph communities --json
    """
    G = _graph(db)
    rows = analysis.communities(G, seed=seed)
    if as_json:
        return echo_json(rows)
    for c in rows:
        members = ", ".join(G.nodes[n]["label"] for n in c["members"][:12])
        click.echo(f"#{c['id']} {c['label']} ({c['size']}): {members}")


@command("compare")
@click.argument("a")
@click.argument("b")
@db_option
@json_option
def compare_cmd(a, b, db, as_json):
    """What companies A and B both write about, and what only one does, with evidence.

    \b
    Example:
      kgraph compare Databricks Airbnb
    """
    r = analysis.compare_companies(_graph(db), a, b)
    if as_json:
        return echo_json(r)
    click.echo(f"{r['a_label']} ({r['a_posts']} posts) vs {r['b_label']} ({r['b_posts']} posts)")
    for title, key in (
        ("Both", "shared"),
        (f"Only {r['a_label']}", "only_a"),
        (f"Only {r['b_label']}", "only_b"),
    ):
        click.echo(f"{title}:" + ("" if r[key] else " (none)"))
        for item in r[key]:
            posts = [e["title"] for side in ("a", "b") for e in item.get(side, [])]
            click.echo(f"  {item['label']} ({item['kind']}) — {'; '.join(dict.fromkeys(posts))}")


@command("export")
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(api.EXPORT_FORMATS),
)
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(),
    help="File to write (a directory for csv).",
)
@click.option(
    "--dialect",
    type=click.Choice(["neo4j", "kuzu"]),
    default="neo4j",
    show_default=True,
    help="Cypher flavour: Neo4j, or Kùzu (its tables declared first).",
)
@db_option
def export_cmd(fmt, out, dialect, db):
    """Write the graph for Gephi, Neo4j, spreadsheets or a browser.

    \b
    Examples:
      kgraph export --format graphml -o graph.graphml   # Gephi, yEd, networkx
      kgraph export --format csv -o graph_csv/          # nodes.csv + edges.csv
      kgraph export --format cypher -o graph.cypher     # cypher-shell -f graph.cypher
      kgraph export --format cypher --dialect kuzu -o graph.kuzu.cypher  # Kùzu
      kgraph export --format html -o graph.html         # opens offline in a browser
    """

    for path in api.export(api.load_graph(db), fmt, out, dialect=dialect):
        click.echo(f"wrote {path}")
