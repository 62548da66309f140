"""The kgraph command through click's runner: build, stats, exit codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kgraph.cli import main


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.model
def test_build_then_stats_on_the_shipped_corpus(db_path):
    built = run("build", "--db", db_path, "--json")
    assert built.exit_code == 0, built.output
    report = json.loads(built.output)
    assert report["posts"] == 18 and report["extracted"] == 18

    stats = run("stats", "--db", db_path, "--json")
    assert stats.exit_code == 0
    data = json.loads(stats.output)
    assert data["posts"] == 18
    assert set(data["entities"]) == {"COMPANY", "TECHNOLOGY", "CONCEPT"}
    assert data["build"]["n_extracted"] == 18

    again = run("build", "--db", db_path, "--json")
    assert json.loads(again.output)["cached"] == 18

    skipped = run("build", "--db", db_path, "--if-missing")
    assert skipped.exit_code == 0 and "already holds a build" in skipped.output

    text = run("stats", "--db", db_path)
    assert "posts       18" in text.output


def test_stats_without_a_store_is_a_user_error(tmp_path):
    result = run("stats", "--db", tmp_path / "none.db")
    assert result.exit_code == 1
    assert "kgraph build --db" in result.output
    assert "Traceback" not in result.output


def test_usage_errors_exit_2():
    assert run("build", "--no-such-option").exit_code == 2
    assert run("no-such-command").exit_code == 2


def test_a_bad_corpus_is_a_user_error_and_writes_nothing(db_path, write):
    bad = write("bad.json", "[{")
    result = run("build", bad, "--db", db_path)
    assert result.exit_code == 1
    assert "bad.json: malformed JSON at line 1" in result.output
    assert not db_path.exists()
