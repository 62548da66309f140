"""The ``kgraph extract``, ``kgraph eval`` and ``kgraph model build`` commands (thin shells)."""

from __future__ import annotations

import sys
import time

import click

from kgraph import api
from kgraph.cli.options import echo_json, rules_only_option

ontology_option = click.option(
    "--ontology",
    "ontology_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="An extra ontology YAML file with your own systems (repeatable; see docs/ontology.md).",
)


def _load(ontology_files, rules_only):
    extractor = api.load_extractor(ontology_files, rules_only=rules_only)
    for warning in extractor.warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    return extractor


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write JSONL here (default: stdout)."
)
@click.option("--batch-size", default=256, show_default=True, help="Texts per nlp.pipe batch.")
@click.option("--n-process", default=1, show_default=True, help="Worker processes for nlp.pipe.")
@ontology_option
@rules_only_option
def extract_cmd(inputs, output, batch_size, n_process, ontology_files, rules_only):
    """Extract companies, technologies and concepts from a corpus, one JSON line per post.

    \b
    Example:
      kgraph extract data/000_bd76a9d99491f98c.txt -o mentions.jsonl
      kgraph extract posts.csv --ontology my_systems.yaml | head -3
    """
    extractor = _load(ontology_files, rules_only)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    started = time.perf_counter()
    try:
        count = api.extract(inputs, out, extractor, batch_size=batch_size, n_process=n_process)
    finally:
        if output:
            out.close()
    rate = count / max(time.perf_counter() - started, 1e-9)
    click.echo(
        f"{count} posts extracted ({rate:.0f} posts/s), pipeline {extractor.version}.", err=True
    )


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option("-v", "--verbose", is_flag=True, help="List every miss and false positive.")
@ontology_option
@rules_only_option
def eval_cmd(gold, as_json, verbose, ontology_files, rules_only):
    """Score extraction against gold annotations: P/R/F1 per type and micro-averaged.

    \b
    Example:
      kgraph eval data/gold/seed.jsonl
      kgraph eval data/gold/dev.jsonl --verbose
      kgraph eval data/gold/dev.jsonl --json | jq .micro.f1
    """
    report = api.evaluate(gold, _load(ontology_files, rules_only))
    if as_json:
        echo_json(report)
        return
    click.echo(f"{report['gold']}: {report['posts']} posts, pipeline {report['pipeline_version']}")
    click.echo(f"{'type':<12}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}")
    rows = [*report["per_type"].items(), ("micro", report["micro"])]
    for name, s in rows:
        click.echo(
            f"{name:<12}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
            f"{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}"
        )
    canon = report["by_canonical"]
    click.echo("by canonical name (distinct per post)")
    for name, s in [*canon["per_type"].items(), ("micro", canon["micro"])]:
        click.echo(
            f"{name:<12}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
            f"{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}"
        )
    rel = report.get("relations")
    if rel:
        click.echo("relations")
        click.echo(f"{'type':<14}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}")
        for name, s in [*rel["per_type"].items(), ("micro", rel["micro"])]:
            click.echo(
                f"{name:<14}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
                f"{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}"
            )
        reach = rel["reachable"]
        click.echo(
            f"gold relations with both ends extracted: {reach['both_ends_extracted']} of "
            f"{reach['gold']} (the most any relation rule can find)"
        )
    if verbose and rel:
        click.echo(f"{'method':<22}{'P':>8}{'tp':>6}{'fp':>6}")
        for name, s in rel["per_method"].items():
            click.echo(f"{name:<22}{s['precision']:>8.3f}{s['tp']:>6}{s['fp']:>6}")
        for g in rel["misses"]:
            click.echo(f"MISS   {g['head']} —[{g['type']}]→ {g['tail']}   [{g['title'][:50]}]")
        for p in rel["false_positives"]:
            click.echo(
                f"FALSE+ {p['head']} —[{p['type']}]→ {p['tail']} ({p['method']})"
                f"   [{p['title'][:50]}]"
            )
    if verbose:
        for label, items in (("MISS", report["misses"]), ("FALSE+", report["false_positives"])):
            for item in items:
                how = f" ({item['method']})" if "method" in item else ""
                click.echo(
                    f"{label:<7}{item['type']:<11}{item['text']!r} -> {item['canonical']!r}"
                    f"{how}   [{item['title'][:50]}]"
                )


@click.group("model")
def model_group():
    """Manage the extraction pipeline saved in models/kgraph."""


@model_group.command("build")
@ontology_option
def model_build_cmd(ontology_files):
    """Regenerate models/kgraph (config, ruler patterns, meta) from data/ontology.

    \b
    Example:
      kgraph model build
      kgraph model build --ontology my_systems.yaml
    """
    meta = api.build_model(ontology_files)
    counts = ", ".join(f"{k} {v}" for k, v in meta["entities"].items())
    click.echo(f"models/kgraph {meta['pipeline_version']}: {counts}; patterns {meta['patterns']}")


COMMANDS = (extract_cmd, eval_cmd, model_group)
