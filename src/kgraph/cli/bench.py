"""``kgraph bench``: the speed benchmark on a synthetic corpus, with a naive baseline."""

from __future__ import annotations

import click

from kgraph import api
from kgraph.cli.options import echo_json, json_option


@click.command("bench")
@click.option(
    "--posts",
    "n",
    type=click.IntRange(1),
    default=10_000,
    show_default=True,
    help="Synthetic posts to generate.",
)
@click.option("--seed", type=int, default=42, show_default=True, help="Generator seed.")
@click.option(
    "--baseline-sample",
    type=click.IntRange(1),
    default=2000,
    show_default=True,
    help="Posts the naive loop runs on; its time is scaled to --posts.",
)
@click.option(
    "--processes",
    "n_process",
    type=click.IntRange(1),
    default=2,
    show_default=True,
    help="spaCy worker processes for the builds.",
)
@click.option("--dask", is_flag=True, help="Also build on a 2-worker Dask LocalCluster.")
@click.option(
    "--results-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Where the JSON goes (default: bench/results/).",
)
@json_option
def bench_cmd(n, seed, baseline_sample, n_process, dask, results_dir, as_json):
    """Benchmark build stages and queries on N synthetic posts against a naive spaCy loop.

    Writes bench/results/<timestamp>.json and bench/results/latest.json. Speed is reported
    as ratios measured in the same run, since absolute times drift on shared machines.

    \b
    Example:
      kgraph bench --posts 10000
      kgraph bench --posts 500 --baseline-sample 200 --json
    """
    say = (lambda _: None) if as_json else (lambda msg: click.echo(f"bench: {msg}", err=True))
    command = (
        f"kgraph bench --posts {n} --seed {seed} --baseline-sample "
        f"{baseline_sample} --processes {n_process}" + (" --dask" * dask)
    )
    results, path = api.bench(
        n,
        seed,
        baseline_sample=baseline_sample,
        n_process=n_process,
        dask=dask,
        say=say,
        results_dir=results_dir,
        command=command,
    )
    if as_json:
        echo_json(results)
        return
    click.echo(api.bench_table(results))
    for note in results["notes"]:
        click.echo(f"note: {note}")
    click.echo(f"\n{results['command']}  ->  {path}")


COMMANDS = (bench_cmd,)
