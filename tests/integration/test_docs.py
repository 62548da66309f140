"""Docs kept true: every CLI command is in the README and carries an example in --help."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kgraph import config
from kgraph.cli import main

README = (config.ROOT / "README.md").read_text(encoding="utf-8")


def _commands():
    for name, command in sorted(main.commands.items()):
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
