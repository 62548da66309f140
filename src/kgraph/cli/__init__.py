"""The ``kgraph`` command: a thin shell over :mod:`kgraph.api` and :mod:`kgraph.analysis`.

Exit codes: 0 ok, 1 a user error (a clear message, never a traceback), 2 usage.
"""

from __future__ import annotations

import atexit
import gc
import importlib

import click

from kgraph import __version__
from kgraph.errors import KgraphError

# Each command's module under kgraph.cli, imported only when that command runs (or help
# lists them all): a warm ``kgraph build`` need not load NetworkX and the analysis code.
COMMAND_MODULES = {
    "build": "store_cmds",
    "stats": "store_cmds",
    "app": "store_cmds",
    "extract": "extract",
    "eval": "extract",
    "model": "extract",
    "bench": "bench",
    **dict.fromkeys(
        ["related", "similar", "path", "entity", "top", "communities", "compare", "export"],
        "graph",
    ),
    "relations": "relations",
    "migrations": "relations",
    "feeds": "feeds_cmds",
    "refresh": "feeds_cmds",
    "new": "feeds_cmds",
}

# A command's process ends when it returns, and the interpreter's last collections would walk
# every object left on the heap (the pipeline, the ontology, the graph): most of a second
# after a cold build. Frozen objects are skipped; they are freed with the process all the same.
atexit.register(gc.freeze)


class KgraphGroup(click.Group):
    """Loads each command on use, and turns every :class:`KgraphError` into a one-line
    message and exit code 1."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = COMMAND_MODULES.get(name)
        if module is None:
            return None
        commands = importlib.import_module(f"kgraph.cli.{module}").COMMANDS
        return next(c for c in commands if c.name == name)

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
