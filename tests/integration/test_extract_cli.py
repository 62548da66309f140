"""The extract, eval and model commands through click's runner (rules-only: no big model)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kgraph.cli.extract import eval_cmd, extract_cmd, model_group
from kgraph.corpus import SHIPPED_CORPUS


def test_extract_writes_one_line_per_post(tmp_path):
    out = tmp_path / "m.jsonl"
    result = CliRunner().invoke(extract_cmd, [str(SHIPPED_CORPUS), "-o", str(out), "--rules-only"])
    assert result.exit_code == 0, result.output
    assert "RULES-ONLY" in result.output  # announced loudly (stderr is mixed in)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 18
    first = lines[0]
    assert set(first) == {"id", "title", "entities", "relations"}
    entity = first["entities"][0]
    assert set(entity) == {
        "text",
        "type",
        "canonical",
        "field",
        "start",
        "end",
        "sentence",
        "method",
        "confidence",
    }


def test_eval_json_and_verbose(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "x",
                "title": "Kubernetes at Airbnb",
                "entities": [
                    {"text": "Airbnb", "type": "COMPANY", "canonical": "Airbnb"},
                    {"text": "Dicer", "type": "TECHNOLOGY", "canonical": "Dicer"},
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(eval_cmd, [str(gold), "--json", "--rules-only"])
    report = json.loads(result.output[result.output.index("{") :])
    assert report["per_type"]["COMPANY"]["tp"] == 1
    assert report["micro"]["fn"] == 1
    verbose = CliRunner().invoke(eval_cmd, [str(gold), "-v", "--rules-only"])
    assert "MISS" in verbose.output and "'Dicer'" in verbose.output
    assert "FALSE+" in verbose.output and "Kubernetes" in verbose.output


def test_help_has_examples():
    for command in (extract_cmd, eval_cmd, model_group.commands["build"]):
        result = CliRunner().invoke(command, ["--help"])
        assert "Example" in result.output
