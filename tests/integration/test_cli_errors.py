"""Every bad input of the foundation issue, through the CLI: exit 1, a message naming the
file and the line or record, never a traceback; --strict writes nothing."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

import kgraph.extract
from kgraph import api
from kgraph.cli import main
from kgraph.corpus import fetch


@pytest.fixture(autouse=True)
def no_spacy(monkeypatch, word_extractor):
    monkeypatch.setattr(kgraph.extract, "load_extractor", lambda **_: word_extractor)


def build(*args) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", *[str(a) for a in args]])
    assert "Traceback" not in result.output
    assert result.exit_code == 0 or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.output


def refused(*args) -> str:
    code, output = build(*args)
    assert code == 1, output
    return output


def test_not_utf8_names_file_line_and_the_fix_and_encoding_fixes_it(write, db_path):
    path = write("latin.csv", "title,summary\nCaf\xe9 sharding,ok\n".encode("latin-1"))
    output = refused(path, "--db", db_path)
    assert "latin.csv: line 2 is not valid UTF-8" in output and "--encoding" in output
    assert not db_path.exists()
    code, output = build(path, "--db", db_path, "--encoding", "latin-1")
    assert code == 0, output
    assert api.load_snapshot(db_path).posts[0].title == "Café sharding"


def test_unknown_encoding_is_a_user_error(write, db_path):
    output = refused(write("a.csv", "title\nx\n"), "--db", db_path, "--encoding", "klingon")
    assert "a.csv" in output and "klingon" in output


def test_malformed_json_names_the_line(write, db_path):
    path = write("posts.json", '[\n{"title": "a"},\n{"title": "b",,}\n]')
    output = refused(path, "--db", db_path)
    assert "posts.json: malformed JSON at line 3" in output


def test_csv_without_title_column(write, db_path):
    output = refused(write("nt.csv", "name_of_thing,summary\nx,y\n"), "--db", db_path)
    assert "nt.csv: line 1 has no title column" in output


@pytest.mark.parametrize("name", ["empty.csv", "empty.json", "empty.txt", "empty.xml"])
def test_empty_file(write, db_path, name):
    output = refused(write(name, "  \n"), "--db", db_path)
    assert f"{name}: the file is empty" in output


def test_missing_file(tmp_path, db_path):
    output = refused(tmp_path / "nope.csv", "--db", db_path)
    assert "nope.csv: no such file" in output


def test_record_without_title_is_skipped_and_counted_and_strict_writes_nothing(write, db_path):
    good = write("good.jsonl", '{"title": "Raft at Example"}\n')
    assert build(good, "--db", db_path)[0] == 0
    before = api.load_snapshot(db_path)
    files = {p: p.read_bytes() for p in db_path.parent.glob(db_path.name + "*")}

    bad = write(
        "some.jsonl",
        '{"title": "Kafka at Example"}\n{"summary": "no title"}\n'
        '{"title": ""}\n{"title": "Spark at Example"}\n',
    )
    output = refused(bad, "--db", db_path, "--strict")
    assert "some.jsonl:2: record has no title" in output and "--strict" in output
    assert {p: p.read_bytes() for p in db_path.parent.glob(db_path.name + "*")} == files
    assert api.load_snapshot(db_path).posts == before.posts

    code, output = build(bad, "--db", db_path)
    assert code == 0, output
    assert "skipped 2 bad record(s)" in output
    assert "some.jsonl:2" in output and "some.jsonl:3" in output
    assert api.stats(db_path)["posts"] == 2


def test_malformed_jsonl_line_is_a_counted_skip(write, db_path):
    code, output = build(write("x.jsonl", '{"title": "a"}\n{oops\n'), "--db", db_path)
    assert code == 0 and "skipped 1 bad record(s)" in output
    assert "x.jsonl:2: malformed JSON at line 2" in output


def test_a_folder_is_not_a_corpus(tmp_path, db_path):
    output = refused(tmp_path, "--db", db_path)
    assert "is a folder" in output


class _Slow404(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/slow.rss":
            time.sleep(2)
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Slow404)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_feed_url_404(server, db_path, allow_private_urls):
    output = refused(f"{server}/gone.rss", "--db", db_path)
    assert f"{server}/gone.rss: the server answered 404" in output


def test_feed_url_timeout(server, db_path, monkeypatch, allow_private_urls):
    monkeypatch.setattr(fetch, "TIMEOUT_S", 0.5)
    started = time.monotonic()
    output = refused(f"{server}/slow.rss", "--db", db_path)
    assert f"{server}/slow.rss: no answer within 0.5 s" in output
    assert time.monotonic() - started < 1.8


def test_refused_scheme(db_path):
    output = refused("file:///etc/passwd", "--db", db_path)
    assert "only http:// and https://" in output and "root:" not in output


def test_usage_error_is_exit_2(db_path):
    result = CliRunner().invoke(main, ["build", "--format", "docx", "--db", str(db_path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert not Path(db_path).exists()
