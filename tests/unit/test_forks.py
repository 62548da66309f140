"""The build's forked helpers: Louvain apart gives the communities computed in place."""

from __future__ import annotations

import gc
import os

import networkx as nx
import pytest

from kgraph import analysis
from kgraph.forks import forked_pool, run_apart, run_apart_each
from kgraph.graph.sample import sample_graph
from kgraph.heap import paused_gc


def _pid_and(value):
    return os.getpid(), value


@pytest.mark.parametrize("fork", [True, False])
def test_run_apart_answers_from_a_child_only_when_forking(fork):
    with run_apart(_pid_and, 7, fork=fork) as answer:
        pid, value = answer.result(timeout=30)
    assert value == 7
    assert (pid != os.getpid()) is fork


@pytest.mark.parametrize("fork", [True, False])
def test_run_apart_each_answers_each_call_in_turn(fork):
    with run_apart_each([(_pid_and, (1,)), (_pid_and, (2,))], fork=fork) as answers:
        (pid1, one), (pid2, two) = [a.result(timeout=30) for a in answers]
    assert (one, two) == (1, 2)
    assert pid1 == pid2 and (pid1 != os.getpid()) is fork


def test_an_error_in_the_child_reaches_the_caller():
    with run_apart(int, "not a number") as answer, pytest.raises(ValueError):
        answer.result(timeout=30)


def test_louvain_apart_gives_the_same_communities():
    G = sample_graph()
    expected = analysis.communities(G)
    H = sample_graph()
    with run_apart(analysis.louvain_groups, analysis.entity_graph(H)) as groups:
        analysis.set_groups(H, groups.result(timeout=60))
    assert analysis.communities(H) == expected
    assert isinstance(analysis.entity_graph(H), nx.Graph)


def _collector_state():
    return gc.isenabled(), gc.get_freeze_count()


def test_workers_collect_their_garbage_and_the_parent_is_restored():
    before = gc.get_freeze_count()
    with paused_gc():
        assert not gc.isenabled()
        with forked_pool(1, None) as pool:
            assert gc.get_freeze_count() > before  # the parent's objects frozen for the fork
            enabled, _ = pool.submit(_collector_state).result(timeout=30)
        assert enabled  # the worker collects even though the parent paused its collector
        assert gc.get_freeze_count() == before
    assert gc.isenabled()


def test_a_build_leaves_the_collector_as_it_found_it(tmp_path):
    from kgraph import api
    from tests.support.fake_extractor import FakeExtractor

    corpus = tmp_path / "posts.jsonl"
    corpus.write_text('{"id": "1", "title": "Kafka at Acme", "summary": "Kafka."}\n')
    api.build([corpus], db=tmp_path / "kg.db", extractor=FakeExtractor())
    assert gc.isenabled() and gc.get_freeze_count() == 0


@pytest.mark.parametrize(("given", "expected"), [(None, "1"), ("3", "3")])
def test_the_cli_gives_blas_one_thread_unless_told(given, expected):
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if given:
        env["OPENBLAS_NUM_THREADS"] = given
    code = "import kgraph.cli, os; print(os.environ['OPENBLAS_NUM_THREADS'])"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.strip() == expected
