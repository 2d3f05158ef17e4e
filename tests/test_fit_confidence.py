"""tools/fit_confidence.py: model selection by the worst of its validations."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest
import yaml

from sitmap import confidence, lexicons

pytest.importorskip("sklearn")

_PATH = Path(__file__).resolve().parents[1] / "tools" / "fit_confidence.py"
_spec = importlib.util.spec_from_file_location("fit_confidence", _PATH)
fit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fit)


def _data(seed: int = 7) -> fit.Data:
    """Two files: 'weak' predicts the label in both; 'post' only in the first (a quirk of it)."""
    rng = np.random.default_rng(seed)
    n = 240
    files = np.array(["a.jsonl"] * n + ["b.jsonl"] * n)
    y = rng.integers(0, 2, 2 * n)
    x = np.zeros((2 * n, len(confidence.FEATURES)))
    weak, post = confidence.FEATURES.index("weak"), confidence.FEATURES.index("post")
    x[:, weak] = (1 - y) * (rng.random(2 * n) < 0.7) + y * (rng.random(2 * n) < 0.3)
    quirk = np.where(y == 1, rng.random(2 * n) < 0.95, rng.random(2 * n) < 0.05)
    x[:, post] = np.where(files == "a.jsonl", quirk, rng.random(2 * n) < 0.5)  # noise in b
    groups = np.array([f"{f}:{i // 4}" for i, f in enumerate(files)])
    return fit.Data(x, y, groups, files, np.ones(len(files), dtype=bool))


def test_selection_reports_grouped_and_both_cross_file_aucs() -> None:
    scores = fit.validate(_data(), [confidence.FEATURES.index("weak")], 1.0)
    assert set(scores) == {"grouped CV", "-> a.jsonl", "-> b.jsonl"}
    assert all(0.6 < v < 0.8 for v in scores.values())


def test_selection_picks_by_the_worst_score_not_the_best(monkeypatch) -> None:
    # The quirk lifts grouped CV (half the documents have it), but a model fitted on the file
    # with the quirk leans on it and fails on the other file: the worst score rejects it.
    monkeypatch.setattr(fit, "FEATURE_SETS", {"general": ("weak",), "quirky": ("weak", "post")})
    monkeypatch.setattr(fit, "STRENGTHS", (1.0,))
    data = _data()
    quirky = [confidence.FEATURES.index(n) for n in ("weak", "post")]
    general = [confidence.FEATURES.index("weak")]
    cv = {
        k: fit.validate(data, cols, 1.0)["grouped CV"]
        for k, cols in (("q", quirky), ("g", general))
    }
    assert cv["q"] > cv["g"] + 0.05  # grouped CV alone would pick the quirk
    name, c, scores = fit.select(data)
    assert (name, c) == ("general", 1.0)
    assert min(scores.values()) > 0.6


def test_a_train_only_file_is_fitted_on_but_never_held_out() -> None:
    data = _data()
    data.held_out = data.files != "b.jsonl"  # b: the excerpts file, say
    scores = fit.validate(data, [confidence.FEATURES.index("weak")], 1.0)
    assert set(scores) == {"grouped CV", "-> a.jsonl"}


def test_precision_at_a_cut() -> None:
    y = np.array([1, 1, 0, 1, 0])
    p = np.array([0.9, 0.85, 0.8, 0.3, 0.1])
    assert fit.precision_at(y, p) == (2 / 3, 3)
    assert np.isnan(fit.precision_at(y, p, cut=0.95)[0])


def _run(
    monkeypatch, tmp_path, model: Path, *extra: str, features: tuple[str, ...] = ("post",)
) -> str:
    data = _data()
    cache = tmp_path / "features.npz"
    np.savez(
        cache, x=data.x, y=data.y, groups=data.groups, files=data.files,
        features=np.array(confidence.FEATURES),
    )  # fmt: skip
    monkeypatch.setattr(fit, "FEATURE_SETS", {"quirky": features})
    monkeypatch.setattr(fit, "STRENGTHS", (1.0,))
    argv = ["fit", "a.jsonl", "b.jsonl", "--cache", str(cache), "--output", str(model), *extra]
    monkeypatch.setattr("sys.argv", argv)
    fit.main()
    return model.read_text(encoding="utf-8")


def test_the_current_model_is_kept_unless_a_refit_beats_it_on_the_worst_file(
    monkeypatch, tmp_path, capsys
) -> None:
    model = tmp_path / "confidence.yaml"
    current = "intercept: 0.5\nweights:\n  weak: -1.5\n"  # the general evidence, both files
    model.write_text(current, encoding="utf-8")
    assert _run(monkeypatch, tmp_path, model) == current  # the quirk fails on file b
    out = capsys.readouterr().out
    assert "current confidence.yaml: a.jsonl 0.6" in out and "kept" in out
    written = _run(monkeypatch, tmp_path, model, "--force")
    assert "post:" in written and "weak:" not in written


def test_confidence_data_file_weights_known_features_in_order() -> None:
    data = lexicons.yaml_file("confidence.yaml")
    names = list(data["weights"])
    assert names and set(names) <= set(confidence.FEATURES)
    assert names == [f for f in confidence.FEATURES if f in names]
    assert isinstance(data["intercept"], float)


def test_the_refit_is_weighed_against_the_current_recipe_left_out_not_in_sample(
    monkeypatch, tmp_path, capsys
) -> None:
    # The current model leans on the quirk of file a: in-sample it scores well there, but its
    # recipe (weak + post, C=0.01 as its header says) refitted without file a fails on a.
    model = tmp_path / "confidence.yaml"
    model.write_text(
        "# (L2, C=0.01, feature set 'quirky')\nintercept: 0.1\nweights:\n  weak: -1.9\n"
        "  post: 1.9\n",
        encoding="utf-8",
    )
    data = _data()
    columns = [confidence.FEATURES.index(n) for n in ("weak", "post")]
    expected = fit.cross_file_aucs(data, data.x[:, columns], 0.01)
    assert fit.current_recipe(data, model) == pytest.approx(expected)
    assert min(expected.values()) < 0.55
    monkeypatch.setattr(fit, "FEATURE_SETS", {"general": ("weak",)})
    monkeypatch.setattr(fit, "STRENGTHS", (1.0,))
    cache = tmp_path / "features.npz"
    np.savez(
        cache, x=data.x, y=data.y, groups=data.groups, files=data.files,
        features=np.array(confidence.FEATURES),
    )  # fmt: skip
    argv = ["fit", "a.jsonl", "b.jsonl", "--cache", str(cache), "--output", str(model)]
    monkeypatch.setattr("sys.argv", argv)
    fit.main()
    assert "current recipe refitted, left-out files: -> a.jsonl" in capsys.readouterr().out
    written = model.read_text(encoding="utf-8")
    assert "weak:" in written and "post:" not in written


def test_trigger_priors_are_smoothed_log_odds_against_all_triggers() -> None:
    lemmas = np.array(["attack"] * 10 + ["meet"] * 10 + ["visit"])
    y = np.array([0] * 8 + [1] * 2 + [1] * 10 + [1])
    table = fit.priors(lemmas, y, m=5.0)
    share = y.mean()
    expected = (2 + 5 * share) / (10 + 5)
    assert table["attack"] == pytest.approx(
        np.log(expected / (1 - expected)) - np.log(share / (1 - share))
    )
    assert table["attack"] < 0 < table["visit"] < table["meet"]  # one event moves it little


def test_each_rows_prior_comes_from_the_other_files_only() -> None:
    data = _data()
    # In file a every "attack" is real, in file b none: a row never sees its own file's labels.
    data.lemmas = np.where(np.arange(len(data.y)) % 2 == 0, "attack", "meet")
    data.y = np.where(data.lemmas == "attack", (data.files == "a.jsonl").astype(int), data.y)
    fit.fill_priors(data)
    column = data.x[:, confidence.FEATURES.index(fit.PRIOR)]
    attack = data.lemmas == "attack"
    assert (column[attack & (data.files == "a.jsonl")] < 0).all()  # from b: never real
    assert (column[attack & (data.files == "b.jsonl")] > 0).all()  # from a: always real


def test_the_prior_table_is_written_beside_the_weights(monkeypatch, tmp_path) -> None:
    data = _data()
    data.lemmas = np.where(data.y == 1, "meet", "attack")
    cache = tmp_path / "features.npz"
    np.savez(
        cache, x=data.x, y=data.y, groups=data.groups, files=data.files,
        features=np.array(confidence.FEATURES), lemmas=data.lemmas,
    )  # fmt: skip
    monkeypatch.setattr(fit, "FEATURE_SETS", {"prior": ("weak", fit.PRIOR)})
    monkeypatch.setattr(fit, "STRENGTHS", (1.0,))
    model = tmp_path / "confidence.yaml"
    argv = ["fit", "a.jsonl", "b.jsonl", "--cache", str(cache), "--output", str(model)]
    monkeypatch.setattr("sys.argv", argv)
    fit.main()
    written = yaml.safe_load(model.read_text(encoding="utf-8"))
    assert written["weights"][fit.PRIOR] > 0
    assert written["trigger_priors"]["meet"] > 0 > written["trigger_priors"]["attack"]


def test_a_refit_of_the_same_recipe_replaces_the_current_weights(
    monkeypatch, tmp_path, capsys
) -> None:
    # Same features and strength: the refit cannot beat its own recipe, but the events it is
    # fitted on changed, so it is written (the weights of stale events are no model of these).
    model = tmp_path / "confidence.yaml"
    model.write_text("# (L2, C=1.0)\nintercept: 0.5\nweights:\n  weak: -9.0\n", encoding="utf-8")
    _run(monkeypatch, tmp_path, model, features=("weak",))
    assert "same recipe" in capsys.readouterr().out
    weight = yaml.safe_load(model.read_text(encoding="utf-8"))["weights"]["weak"]
    assert -9.0 < weight < 0


def test_keep_recipe_refits_the_current_features_without_the_selection(
    monkeypatch, tmp_path, capsys
) -> None:
    # The candidate set holds only the quirk; --keep-recipe never looks at it and refits the
    # current model's own feature and strength on the files given.
    model = tmp_path / "confidence.yaml"
    model.write_text(
        "# (L2, C=0.3, feature set 'general')\nintercept: 0.5\nweights:\n  weak: -9.0\n",
        encoding="utf-8",
    )
    written = _run(monkeypatch, tmp_path, model, "--keep-recipe")
    assert "same recipe" in capsys.readouterr().out
    fitted = yaml.safe_load(written)["weights"]
    assert list(fitted) == ["weak"] and -9.0 < fitted["weak"] < 0
    assert "C=0.3, feature set 'general'" in written and "--keep-recipe" in written
