"""Scoring: per post, each entity once, by type and canonical-or-surface name."""

from __future__ import annotations

import json

import pytest

from kgraph.errors import CorpusError
from kgraph.extract import evaluate
from kgraph.extract.scoring import fold
from tests.support.fake_extractor import FakeExtractor


def write_gold(tmp_path, entities):
    path = tmp_path / "gold.jsonl"
    record = {"id": "a", "title": "Slack’s EMR", "summary": "", "entities": entities}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_fold_ignores_case_quotes_and_possessives():
    assert fold("Slack’s") == fold("slack's") == fold("SLACK") == "slack"
    assert fold("Databricks’") == "databricks"


def test_matching_by_canonical_or_surface(tmp_path):
    gold = write_gold(
        tmp_path,
        [
            {"text": "Slack’s", "type": "COMPANY", "canonical": "Slack"},
            {"text": "EMR", "type": "TECHNOLOGY", "canonical": "Amazon EMR"},
            {"text": "sharded", "type": "CONCEPT", "canonical": "sharding"},
        ],
    )
    predicted = [
        ("Slack's", "COMPANY", "Slack"),
        ("Slack", "COMPANY", "Slack"),
        ("EMR", "TECHNOLOGY", "EMR"),
        ("EMR", "CONCEPT", "EMR"),
    ]
    report = evaluate(gold, FakeExtractor("fixed", mentions=predicted))
    assert report["per_type"]["COMPANY"]["tp"] == 1  # two mentions, one entity
    assert report["per_type"]["TECHNOLOGY"]["tp"] == 1  # surface matches
    assert report["per_type"]["CONCEPT"] == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "tp": 0,
        "fp": 1,
        "fn": 1,
    }
    assert report["micro"]["tp"] == 2 and report["micro"]["fp"] == 1
    assert [m["canonical"] for m in report["misses"]] == ["sharding"]
    assert [f["canonical"] for f in report["false_positives"]] == ["EMR"]
    # By canonical name, the surface match "EMR" is a wrong node: a miss and a false positive.
    canon = report["by_canonical"]
    assert canon["per_type"]["COMPANY"]["tp"] == 1
    assert canon["per_type"]["TECHNOLOGY"] | {"precision": 0, "recall": 0, "f1": 0} == {
        "precision": 0,
        "recall": 0,
        "f1": 0,
        "tp": 0,
        "fp": 1,
        "fn": 1,
    }
    assert canon["micro"]["tp"] == 1 and canon["micro"]["fn"] == 2


def test_bad_gold_line_names_the_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"title": "ok", "entities": []}\nnot json\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"gold.jsonl:2"):
        evaluate(path, FakeExtractor("fixed"))
