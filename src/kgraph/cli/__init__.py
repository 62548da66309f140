"""The ``kgraph`` command: a thin shell over :mod:`kgraph.api` and :mod:`kgraph.analysis`.

Exit codes: 0 ok, 1 a user error (a clear message, never a traceback), 2 usage.
"""

from __future__ import annotations

import click

from kgraph import __version__
from kgraph.cli.bench import bench_cmd
from kgraph.cli.extract import eval_cmd, extract_cmd, model_group
from kgraph.cli.feeds_cmds import COMMANDS as FEED_COMMANDS
from kgraph.cli.graph import COMMANDS as GRAPH_COMMANDS
from kgraph.cli.relations import COMMANDS as RELATION_COMMANDS
from kgraph.cli.store_cmds import app_cmd, build_cmd, stats_cmd
from kgraph.errors import KgraphError


class KgraphGroup(click.Group):
    """Turns every :class:`KgraphError` into a one-line message and exit code 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KgraphError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=KgraphGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kgraph")
def main() -> None:
    """kgraph: explore how companies, technologies and ideas connect across engineering posts.

    \b
    Start here:
      kgraph build            # build the graph from the shipped corpus
      kgraph stats            # what the store holds
      kgraph app              # open the explorer on http://localhost:8501
    """


for command in (
    build_cmd,
    stats_cmd,
    app_cmd,
    extract_cmd,
    eval_cmd,
    model_group,
    bench_cmd,
    *GRAPH_COMMANDS,
    *RELATION_COMMANDS,
    *FEED_COMMANDS,
):
    main.add_command(command)
