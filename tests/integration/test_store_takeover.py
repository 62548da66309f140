"""``kgraph build --db`` never turns a file that is not a store into one (issue 15, case 4).

Also: a directory as --db is a one-line message (case 11), and two first builds into the
same new path at once both succeed (a new store appears whole, never as an empty file).
"""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

import kgraph.extract
from kgraph import api
from kgraph.cli import main
from kgraph.corpus import SHIPPED_CORPUS
from kgraph.errors import StoreError
from tests.support.build_harness import Build


@pytest.fixture(autouse=True)
def no_spacy(monkeypatch, word_extractor):
    monkeypatch.setattr(kgraph.extract, "load_extractor", lambda **_: word_extractor)


def _build(db) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", "--db", str(db)])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_an_empty_file_is_refused_and_left_empty(tmp_path):
    db = tmp_path / "notes.db"
    db.touch()
    code, output = _build(db)
    assert code == 1 and "is an empty file, not a kgraph store" in output
    assert db.stat().st_size == 0 and sorted(tmp_path.iterdir()) == [db]


def test_an_empty_sqlite_database_of_someone_else_is_refused(tmp_path):
    db = tmp_path / "other.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 7")  # a header, no tables: still not ours
    conn.close()
    before = db.read_bytes()
    code, output = _build(db)
    assert code == 1 and "not a kgraph store" in output
    assert db.read_bytes() == before


def test_a_text_file_is_refused_untouched(tmp_path):
    db = tmp_path / "todo.txt"
    db.write_text("buy milk\n")
    code, output = _build(db)
    assert code == 1 and "not a kgraph store" in output and db.read_text() == "buy milk\n"


def test_a_directory_is_a_clear_message(tmp_path):
    code, output = _build(tmp_path)  # click's own check of --db
    assert code == 2 and "is a directory" in output
    with pytest.raises(StoreError, match="is a directory, not a store file"):  # the api's
        api.build([SHIPPED_CORPUS], db=tmp_path)


def test_two_first_builds_into_one_new_path_both_succeed(tmp_path):
    db = tmp_path / "new.db"
    builds = [Build(SHIPPED_CORPUS, db), Build(SHIPPED_CORPUS, db)]
    reports = [b.finish() for b in builds]
    assert reports[0]["posts"] == reports[1]["posts"] > 0
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".new.db.")]
    assert leftovers == []
