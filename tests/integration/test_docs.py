"""Docs kept true: every CLI command is in the README and carries an example in --help."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from kgraph import config
from kgraph.cli import main

README = (config.ROOT / "README.md").read_text(encoding="utf-8")


def _commands():
    ctx = click.Context(main)
    for name in sorted(main.list_commands(ctx)):
        command = main.get_command(ctx, name)
        yield (name,), command
        for sub, subcommand in sorted(getattr(command, "commands", {}).items()):
            yield (name, sub), subcommand


@pytest.mark.parametrize("path", [p for p, _ in _commands()], ids=" ".join)
def test_every_command_is_documented_with_an_example(path):
    assert f"kgraph {' '.join(path)}" in README, f"README does not mention kgraph {' '.join(path)}"
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    if len(path) > 1 or not getattr(dict(_commands())[path], "commands", None):
        assert "Example" in result.output, f"kgraph {' '.join(path)} --help has no example"


def test_readme_quick_start_names_the_two_commands():
    assert "make run" in README and "make test" in README
    ci = (config.ROOT / ".ci" / "run").read_text()
    assert "make test" in ci


def test_every_command_module_lists_its_commands_under_their_names():
    from kgraph.cli import COMMAND_MODULES

    for module in set(COMMAND_MODULES.values()):
        commands = __import__(f"kgraph.cli.{module}", fromlist=["COMMANDS"]).COMMANDS
        for command in commands:
            assert COMMAND_MODULES.get(command.name) == module, command.name


@pytest.mark.model
def test_a_warm_build_does_not_load_the_graph_code(tmp_path):
    import subprocess
    import sys

    corpus, db = tmp_path / "posts.jsonl", tmp_path / "kg.db"
    corpus.write_text(
        '{"id": "1", "title": "Kafka at Airbnb", "summary": "Airbnb runs Kafka."}\n',
        encoding="utf-8",
    )
    assert CliRunner().invoke(main, ["build", str(corpus), "--db", str(db)]).exit_code == 0
    code = (
        "import sys; from kgraph.cli import main\n"
        f"try:\n    main(['build', {str(corpus)!r}, '--db', {str(db)!r}])\n"
        "except SystemExit:\n    pass\n"
        "print('networkx' in sys.modules, 'feedparser' in sys.modules, 'spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "0 extracted" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "False False False"
