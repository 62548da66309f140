"""A corrupt, foreign or newer file passed as --db: a clear message, and not one byte changed."""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import kgraph.extract
from kgraph import api
from kgraph.cli import main
from kgraph.store import APPLICATION_ID, SCHEMA_VERSION


def _text(path: Path) -> None:
    path.write_text("These are my notes, not a database.\n" * 50)


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(1).randbytes(20_000))


def _sqlite_magic_then_garbage(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + random.Random(2).randbytes(20_000))


def _foreign(path: Path, wal: bool = False) -> None:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE posts (id TEXT, body TEXT)")
    conn.executemany("INSERT INTO posts VALUES (?, ?)", [(str(i), "x" * 100) for i in range(200)])
    conn.commit()
    conn.close()


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("CREATE TABLE posts (id TEXT PRIMARY KEY, future TEXT)")
    conn.commit()
    conn.close()


def _damaged_store(path: Path, word_extractor, corpus: Path) -> None:
    """A real kgraph store whose pages past the header are overwritten with noise."""
    api.build([corpus], db=path, extractor=word_extractor)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    rng = random.Random(3)
    for offset in range(4096 * 2, len(data), 4096):
        data[offset : offset + 4096] = rng.randbytes(4096)
    path.write_bytes(bytes(data))


CASES = {
    "text file": _text,
    "random bytes": _random_bytes,
    "sqlite magic then garbage": _sqlite_magic_then_garbage,
    "foreign sqlite db": _foreign,
    "foreign sqlite db in WAL mode": lambda p: _foreign(p, wal=True),
    "newer kgraph schema": _newer,
}


@pytest.fixture(autouse=True)
def no_spacy(monkeypatch, word_extractor):
    """If a build got as far as loading the pipeline, it gets the test double instead."""
    monkeypatch.setattr(kgraph.extract, "load_extractor", lambda **_: word_extractor)


def _check_refused(path: Path, args: list[str]) -> str:
    before = path.read_bytes()
    result = CliRunner().invoke(main, [*args, "--db", str(path)])
    output = result.output
    assert result.exit_code == 1, output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in output
    assert path.name in output, output
    assert path.read_bytes() == before, "the file was changed"
    return output


@pytest.mark.parametrize("command", ["build", "stats"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_db_file_is_refused_and_left_untouched(tmp_path, shipped_corpus, case, command):
    path = tmp_path / "store.db"
    CASES[case](path)
    args = ["build", str(shipped_corpus)] if command == "build" else ["stats"]
    output = _check_refused(path, args)
    if case == "newer kgraph schema":
        assert "schema version" in output


@pytest.mark.parametrize("command", ["build", "stats"])
def test_a_damaged_kgraph_store_is_a_message_not_a_traceback(
    tmp_path, shipped_corpus, word_extractor, command
):
    path = tmp_path / "store.db"
    _damaged_store(path, word_extractor, shipped_corpus)
    args = ["build", str(shipped_corpus)] if command == "build" else ["stats"]
    output = _check_refused(path, args)
    assert "cannot be read as a kgraph store" in output


def test_the_app_api_gives_the_same_clear_error(tmp_path):
    from kgraph.errors import StoreError

    path = tmp_path / "notes.db"
    _text(path)
    with pytest.raises(StoreError, match=r"notes\.db"):
        api.load_snapshot(path)
    assert not os.path.exists(str(path) + "-wal")
