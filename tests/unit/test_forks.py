"""The build's forked helpers: Louvain apart gives the communities computed in place."""

from __future__ import annotations

import os

import networkx as nx
import pytest

from kgraph import analysis
from kgraph.forks import run_apart
from kgraph.graph.sample import sample_graph


def _pid_and(value):
    return os.getpid(), value


@pytest.mark.parametrize("fork", [True, False])
def test_run_apart_answers_from_a_child_only_when_forking(fork):
    with run_apart(_pid_and, 7, fork=fork) as answer:
        pid, value = answer.result(timeout=30)
    assert value == 7
    assert (pid != os.getpid()) is fork


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
