"""``kgraph bench`` runs every stage on a tiny corpus and writes valid JSON (no timing asserted)."""

from __future__ import annotations

import json

import spacy
from click.testing import CliRunner

from kgraph.bench import run as bench_run
from kgraph.bench.report import save, table
from kgraph.bench.run import run_bench
from kgraph.cli import main
from tests.support.ontologies import tiny_ontology


def test_bench_runs_all_stages_and_writes_results(tmp_path, word_extractor):
    results = run_bench(
        40,
        seed=1,
        baseline_sample=10,
        n_process=1,
        extractor=word_extractor,
        baseline_nlp=spacy.blank("en"),
        queries=5,
        ontology=tiny_ontology(),
        workdir=tmp_path,
    )
    figures = results["figures"]
    assert figures["warm_extracted"] == 0
    assert figures["incremental_extracted"] == 100  # only the new posts
    assert results["naive"]["sample"] == 10
    assert {
        "read",
        "cold build",
        "warm rebuild",
        "incremental +100",
        "100 alone",
        "naive loop (scaled)",
    } <= set(results["stages"])
    path = save(results, tmp_path / "results")
    assert json.loads(path.read_text())["params"]["posts"] == 40
    assert json.loads((tmp_path / "results" / "latest.json").read_text()) == results
    assert "| cold build vs naive loop | ≥ 5× faster |" in table(results)


def test_bench_command_prints_json(tmp_path, monkeypatch, word_extractor):
    real = bench_run.run_bench

    def small(n, seed, **kw):
        return real(
            n,
            seed,
            **kw,
            extractor=word_extractor,
            baseline_nlp=spacy.blank("en"),
            ontology=tiny_ontology(),
            queries=3,
        )

    monkeypatch.setattr(bench_run, "run_bench", small)
    out = CliRunner().invoke(
        main,
        [
            "bench",
            "--posts",
            "30",
            "--baseline-sample",
            "5",
            "--processes",
            "1",
            "--json",
            "--results-dir",
            str(tmp_path),
        ],
    )
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["command"].startswith("kgraph bench --posts 30")
    assert (tmp_path / "latest.json").exists()
