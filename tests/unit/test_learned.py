"""The logistic model that learned decisions share: fitted the same way twice, saved whole."""

from kgraph.extract.learned import LinearModel, fit

ROWS = [
    (["between=written_in", "order=head_first"], 1),
    (["between=and", "order=head_first"], 0),
    (["between=written_in", "order=tail_first"], 1),
    (["between=and", "order=tail_first"], 0),
    (["between=of", "order=head_first"], 0),
] * 4


def test_a_refit_writes_the_same_bytes():
    assert fit(ROWS).to_json() == fit(list(reversed(ROWS))).to_json()


def test_the_cue_that_predicts_the_label_gets_the_weight():
    model = fit(ROWS)
    assert model.weights["between=written_in"] > 1.0
    assert model.weights["between=and"] < 0.0
    assert model.accepts(["between=written_in"]) and not model.accepts(["between=and"])


def test_a_feature_seen_once_gets_no_weight():
    model = fit([*ROWS, (["between=rare"], 1)])
    assert "between=rare" not in model.weights


def test_saved_and_loaded_is_the_same_model(tmp_path):
    model = fit(ROWS, threshold=0.7)
    model.save(tmp_path / "m.json")
    loaded = LinearModel.load(tmp_path / "m.json")
    assert loaded == model and not list(tmp_path.glob("*.tmp"))
