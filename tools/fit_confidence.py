"""Fit the event confidence model (``src/sitmap/data/confidence.yaml``) on the tuning splits.

Runs the whole pipeline on each gold file, takes ``sitmap.confidence.features`` of every event
it emits, labels an event real when the evaluator's matching (``sitmap.evaluate.events``) pairs
it with a gold event, and fits an L2 logistic regression (scikit-learn, a dev dependency).

Model selection is by the WORST of its validations, never the best: document-grouped 5-fold
cross-validation over all the files; and leave-one-file-out (fit on every other file, score ROC
AUC on the one left out) for each gold file given in turn; a ``--train-only`` file (the
excerpts, ``eval/dev.jsonl``) is always fitted on and never left out. Each candidate recipe is a
feature set (from the whole list down to the general evidence kinds alone: how the trigger was
found, how each side was coded (a lexicon name, a description, a pronoun or implied side, none),
the status, restatements, events sharing the sentence; a handful of general evidence kinds with
one more kind added; the sides with the trigger's clause) and an L2 strength; the recipe whose
worst validation AUC is highest wins, ties to fewer features and stronger regularisation. Every
candidate's figures are printed ("-> FILE": fitted on the other files), and the model already in
``--output`` is scored on each left-out file (AUC and precision at confidence >= 0.8; a file it
was fitted on is in-sample there). As that is in-sample, the refit is weighed against the current
model's RECIPE (its features, and the L2 strength its header names) refitted leaving each file out
in turn on the same data: a refit of that same recipe always replaces it (the events changed, not
the recipe); another recipe replaces it only when its worst left-out-file AUC is higher than that
recipe's worst and its median left-out-file AUC is not lower (``--force`` writes it anyway).

Only tuning splits go in (never ``*-heldout.jsonl``)::

    python tools/fit_confidence.py eval/articles-dev.jsonl eval/articles-dev2.jsonl \
        eval/articles-dev3.jsonl eval/articles-dev4.jsonl eval/articles-dev5.jsonl \
        --train-only eval/dev.jsonl

The trigger lemma prior (feature ``trigger_prior``) is fitted here too: each lemma's share of
real events, smoothed towards the share over all triggers (``PRIOR_SMOOTHING`` pseudo-events),
as log-odds against it. Every row's prior is computed from the OTHER files only (never from its
own labels), so the validations and the weight are honest; the table written beside the weights
(``trigger_priors``) is computed from all the files.

``--cache FILE.npz`` keeps the extracted features so another selection run skips the pipeline.
``--keep-recipe`` refits the current model's features and strength on the files given and skips
the selection (each candidate is a dozen fits; on twelve splits and a busy machine, over an hour).
Then measure on the never-tuned split: ``sitmap eval events eval/articles-heldout.jsonl``.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import sklearn
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

from sitmap import confidence, pipeline
from sitmap.errors import SitmapError
from sitmap.evaluate.events import evaluate_events, read_event_gold

PRIOR = "trigger_prior"
PRIOR_SMOOTHING = 5.0  # pseudo-events at the overall share added to each lemma's count
OUT = Path(__file__).resolve().parents[1] / "src" / "sitmap" / "data" / "confidence.yaml"
STRENGTHS = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0)

# Candidate feature sets, most general first. Each names evidence kinds, not dev errors.
_SIDES = ("source_coded", "target_coded", "both_coded")
_STATUS = tuple(f"status_{s}" for s in confidence._STATUSES)
_TOLD = ("restated", "restated_side", "same_act", "repeat")
_BACKGROUND = ("past_year", "aside", "if_clause", "irrealis", "generic")
_POSITION = ("position", "lead")
_TRIGGER = ("weak", "nominal", "past")
_HANDFUL = (  # a weak sense, a past tense, a deep clause, coded sides, one act told twice ...
    "weak", "past", "depth", "source_coded", "both_coded", "same_act", "date", "assault",
)  # fmt: skip
_FORM = ("gerund", "present", "base_verb", "subordinate", "modifier")  # verb form and clause
_ARGUMENTS = ("overt_subject", "overt_object", "side_in_trigger")  # its own words for the sides
_SENSE = ("senses", "nominal", "noun_embedded")  # how the trigger was found
_VOICE = ("personal", "personal_document", "common_side")  # opinion rather than report
_CODING = ("source_score", "target_score", "named_sides")  # how each side was coded
_GRAMMAR = _FORM + _ARGUMENTS
_CLAUSE = ("past", "root", "depth", "subordinate", "overt_subject", "overt_object")
_BANDS = ("sides_lexicon", "sides_described", "sides_weak")  # how each side was coded
_FOUND = ("weak", "nominal", "senses", "noun_embedded", "side_in_trigger")  # how the trigger was
_RETOLD = ("restated", "same_act", "told_again")  # the act told before, or again
_FRAME = ("unrealised", "if_clause")  # an act not told as done
# The general evidence kinds alone: how the trigger was found, how each side was coded, the
# status, restatements, events sharing the sentence; nothing keyed to a word or an outlet.
_GENERAL = _FOUND + _BANDS + _STATUS + _RETOLD + ("events_in_sentence",)
FEATURE_SETS: dict[str, tuple[str, ...]] = {
    "general": _GENERAL,
    "general-status": _FOUND + _BANDS + _RETOLD + ("events_in_sentence",),
    "general+clause": _GENERAL + _CLAUSE,
    "general+date": (*_GENERAL, "date"),
    "bands+clause": _BANDS + _CLAUSE + ("date", "same_act", "common_side", "personal"),
    "general+frame": _GENERAL + _FRAME,
    "sides+clause+frame": _SIDES
    + _CODING
    + _CLAUSE
    + _FRAME
    + ("date", "same_act", "common_side", "personal", "weak"),
    "handful": _HANDFUL,
    "handful+frame": _HANDFUL + _FRAME,
    "handful+told": (*_HANDFUL, "restated", "restated_side", "repeat", "told_again"),
    "handful+status": _HANDFUL + _STATUS,
    "handful+form": _HANDFUL + _FORM,
    "handful+arguments": _HANDFUL + _ARGUMENTS,
    "handful+sense": _HANDFUL + _SENSE,
    "handful+voice": _HANDFUL + _VOICE,
    "handful+background": _HANDFUL + _BACKGROUND,
    "handful+grammar": _HANDFUL + _GRAMMAR,
    "handful+grammar+voice": _HANDFUL + _GRAMMAR + _VOICE,
    "handful+coding": _HANDFUL + _CODING,
    "handful+coding+voice": _HANDFUL + _CODING + _VOICE,
    "handful+grammar+coding": _HANDFUL + _GRAMMAR + _CODING,
    "handful+grammar+voice+coding": _HANDFUL + _GRAMMAR + _VOICE + _CODING,
    "sides+clause": _SIDES + _CODING + _CLAUSE + ("date", "same_act", "common_side", "personal"),
    "evidence": _TRIGGER + _SIDES + _STATUS + _TOLD + _BACKGROUND + _POSITION + ("depth", "date"),
    "evidence+context": _TRIGGER
    + _SIDES
    + _STATUS
    + _TOLD
    + _BACKGROUND
    + _POSITION
    + ("in_quote", "personal", "common_side", "events_in_sentence", "date", "mode", "depth"),
    "all-but-types": tuple(f for f in confidence.FEATURES if not f.startswith("type_")),
    # The epistemic status is no evidence that an event is false: gold records events of every
    # status (reported, predicted, negated ...), and the status's sign flips between files.
    "all-but-types-status": tuple(
        f for f in confidence.FEATURES if not f.startswith(("type_", "status_"))
    ),
    "all": confidence.FEATURES,
}


@dataclass
class Data:
    """Features (all of ``confidence.FEATURES``), labels, document and file of every event."""

    x: np.ndarray
    y: np.ndarray
    groups: np.ndarray
    files: np.ndarray
    held_out: np.ndarray  # rows of the files validated on in turn (not a train-only file)
    lemmas: np.ndarray | None = None  # the trigger lemma of every event (for the prior)


def priors(lemmas: np.ndarray, y: np.ndarray, m: float = PRIOR_SMOOTHING) -> dict[str, float]:
    """Each lemma's smoothed log-odds of a real event, less the log-odds over all events."""
    share = float(np.clip(y.mean(), 1e-3, 1 - 1e-3)) if len(y) else 0.5
    base = np.log(share / (1 - share))
    out = {}
    for lemma in sorted(set(lemmas.tolist())):
        rows = lemmas == lemma
        p = (float(y[rows].sum()) + m * share) / (int(rows.sum()) + m)
        out[lemma] = float(np.log(p / (1 - p)) - base)
    return out


def fill_priors(data: Data) -> None:
    """Set the ``trigger_prior`` column of every row from the other files' events only."""
    if data.lemmas is None:
        return
    column = confidence.FEATURES.index(PRIOR)
    for name in dict.fromkeys(data.files):
        own = data.files == name
        table = priors(data.lemmas[~own], data.y[~own])
        data.x[own, column] = [table.get(lemma, 0.0) for lemma in data.lemmas[own]]


def collect(paths: list[str]) -> Data:
    """Run the pipeline over the gold files; one row per emitted event."""
    captured: list[list[dict[str, float]]] = []
    real_score = confidence.score

    def spy(doc):  # the pipeline's last stage: record the features while the parse is held
        lemmas = [confidence.trigger_lemma(doc, event) for event in doc.events]
        captured.append(list(zip(confidence.features(doc), lemmas, strict=True)))
        return doc

    confidence.score = spy
    rows, labels, groups, files, lemmas = [], [], [], [], []
    try:
        for path in paths:
            if "heldout" in Path(path).name:
                sys.exit(f"{path}: never fit on a never-tuned split")
            for number, gold in enumerate(read_event_gold(path)):
                captured.clear()
                try:
                    doc = pipeline.extract(
                        gold.text, source=gold.source, published=gold.published, title=gold.title
                    )
                except SitmapError:
                    continue
                feats = captured[0] if captured else []
                scored = evaluate_events([gold], [doc]).confidence  # (score, real) per event
                for (row, lemma), (_, real) in zip(feats, scored, strict=True):
                    rows.append([row[name] for name in confidence.FEATURES])
                    lemmas.append(lemma)
                    labels.append(int(real))
                    groups.append(f"{path}:{number}")
                    files.append(path)
    finally:
        confidence.score = real_score
    x = np.array(rows, dtype=float).reshape(len(rows), len(confidence.FEATURES))
    files_ = np.array(files)
    held_out = np.ones(len(files_), dtype=bool)
    return Data(x, np.array(labels), np.array(groups), files_, held_out, np.array(lemmas))


def _fit(x: np.ndarray, y: np.ndarray, c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=5000).fit(x, y)


def _auc(y: np.ndarray, p: np.ndarray) -> float:
    return float(roc_auc_score(y, p)) if 0 < y.sum() < len(y) else float("nan")


def grouped_cv_auc(x: np.ndarray, y: np.ndarray, groups: np.ndarray, c: float) -> float:
    """ROC AUC of out-of-fold predictions, 5 folds split by document."""
    out = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(x, y, groups):
        out[test] = _fit(x[train], y[train], c).predict_proba(x[test])[:, 1]
    return _auc(y, out)


def cross_file_aucs(data: Data, x: np.ndarray, c: float) -> dict[str, float]:
    """For each held-out file: fit on every other file (train-only files included), ROC AUC on
    this one."""
    return {name: _auc(data.y[held], p) for name, held, p in _left_out(data, x, c)}


def _left_out(data: Data, x: np.ndarray, c: float):
    """(file, its rows, predictions of a fit on every other file) for each held-out file."""
    for name in dict.fromkeys(data.files[data.held_out]):
        held = data.files == name
        yield name, held, _fit(x[~held], data.y[~held], c).predict_proba(x[held])[:, 1]


def precision_at(y: np.ndarray, p: np.ndarray, cut: float = 0.8) -> tuple[float, int]:
    """Share of real events among those scored >= ``cut``, and how many there are."""
    kept = p >= cut
    return (float(y[kept].mean()) if kept.any() else float("nan")), int(kept.sum())


def validate(data: Data, columns: list[int], c: float) -> dict[str, float]:
    """The validation AUCs of one recipe: grouped CV and one per left-out file."""
    x = data.x[:, columns]
    scores = {"grouped CV": grouped_cv_auc(x, data.y, data.groups, c)}
    if len(set(data.files)) > 1:
        for name, auc in cross_file_aucs(data, x, c).items():
            scores[f"-> {Path(name).name}"] = auc
    return scores


def current(data: Data, path: Path) -> dict[str, tuple[float, float, int]] | None:
    """The model now in ``path`` scored on each held-out file: (AUC, precision at >= 0.8, n)."""
    if not path.exists():
        return None
    saved = yaml.safe_load(path.read_text(encoding="utf-8"))
    weights = saved["weights"]
    if set(weights) - set(confidence.FEATURES):
        return None
    w = np.array([float(weights.get(n, 0.0)) for n in confidence.FEATURES])
    p = 1.0 / (1.0 + np.exp(-(data.x @ w + float(saved["intercept"]))))
    out = {}
    for name in dict.fromkeys(data.files[data.held_out]):
        held = data.files == name
        out[name] = (_auc(data.y[held], p[held]), *precision_at(data.y[held], p[held]))
    return out


def current_recipe(data: Data, path: Path) -> dict[str, float] | None:
    """The current model's recipe (the features it weighs, the strength ``C=`` in its header,
    else 1.0) refitted leaving each held-out file out in turn: its left-out-file AUCs."""
    recipe = saved_recipe(path)
    if recipe is None:
        return None
    names, c = recipe
    columns = [confidence.FEATURES.index(n) for n in names]
    return cross_file_aucs(data, data.x[:, columns], c)


def saved_recipe(path: Path) -> tuple[tuple[str, ...], float] | None:
    """The features the model in ``path`` weighs and the strength ``C=`` in its header (else
    1.0); None without a model of this feature list."""
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    names = tuple(yaml.safe_load(text)["weights"])
    if set(names) - set(confidence.FEATURES):
        return None
    strength = re.search(r"\bC=([0-9.]+)", text)
    return names, float(strength.group(1)) if strength else 1.0


def select(data: Data) -> tuple[str, float, dict[str, float]]:
    """The (feature set, strength) whose worst validation AUC is highest, and its figures."""
    best: tuple[tuple[float, int, float], str, float, dict[str, float]] | None = None
    for name, names in FEATURE_SETS.items():
        columns = [confidence.FEATURES.index(n) for n in names]
        for c in STRENGTHS:
            scores = validate(data, columns, c)
            worst = min(scores.values())
            shown = "  ".join(f"{k} {v:.3f}" for k, v in scores.items())
            print(f"{name:<20} ({len(names):>2}) C={c:<5} worst {worst:.3f}  {shown}")
            key = (round(worst, 3), -len(names), -c)
            if best is None or key > best[0]:
                best = (key, name, c, scores)
    assert best is not None
    return best[1], best[2], best[3]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", help="tuning gold files (JSONL), each held out in turn")
    parser.add_argument(
        "--train-only", action="append", default=[], metavar="FILE",
        help="a tuning gold file always fitted on, never held out (excerpts: eval/dev.jsonl)",
    )  # fmt: skip
    parser.add_argument("--output", default=str(OUT), help="where to write the model")
    parser.add_argument("--cache", help="an .npz file to keep (or reuse) the extracted features")
    parser.add_argument(
        "--force", action="store_true",
        help="write the refit even when it does not beat the current model on the worst file",
    )  # fmt: skip
    parser.add_argument(
        "--keep-recipe", action="store_true",
        help="refit the current model's recipe (features, strength) on the files given, skipping "
        "the selection over every candidate (an hour and more on a busy machine)",
    )  # fmt: skip
    args = parser.parse_args()
    paths = [*args.gold, *args.train_only]
    cache = Path(args.cache) if args.cache else None
    if cache is not None and cache.exists():
        saved = np.load(cache)
        if list(saved["features"]) != list(confidence.FEATURES):
            sys.exit(f"{cache}: features of another version; delete it")
        files = saved["files"]
        lemmas = saved.get("lemmas")
        data = Data(
            saved["x"], saved["y"], saved["groups"], files, np.ones(len(files), bool), lemmas
        )
    else:
        data = collect(paths)
        if cache is not None:
            np.savez(
                cache, x=data.x, y=data.y, groups=data.groups, files=data.files,
                features=np.array(confidence.FEATURES), lemmas=data.lemmas,
            )  # fmt: skip
    fill_priors(data)
    data.held_out = ~np.isin(data.files, args.train_only)
    y = data.y
    print(f"{len(y)} events, {int(y.sum())} real, from {len(set(data.groups))} documents")
    output = Path(args.output)
    now = current(data, output)
    if now is not None:
        shown = "  ".join(
            f"{Path(k).name} {a:.3f} (P@0.8 {p:.3f} of {n})" for k, (a, p, n) in now.items()
        )
        print(f"current {output.name}: {shown}  (files it was fitted on are in-sample)")
    kept = saved_recipe(output) if args.keep_recipe else None
    if kept is not None:
        names, c = kept
        named = re.search(r"feature set '([^']+)'", output.read_text(encoding="utf-8"))
        name = named.group(1) if named else "current"
        scores = validate(data, [confidence.FEATURES.index(n) for n in names], c)
    else:
        name, c, scores = select(data)
        names = tuple(f for f in confidence.FEATURES if f in FEATURE_SETS[name])  # file order
    columns = [confidence.FEATURES.index(n) for n in names]
    for held_name, held, p in _left_out(data, data.x[:, columns], c):
        precision, n = precision_at(data.y[held], p)
        print(
            f"refit -> {Path(held_name).name}: P@0.8 {precision:.3f} of {n}, "
            f"all {data.y[held].mean():.3f}"
        )
    figures = "; ".join(f"{k} {v:.3f}" for k, v in scores.items())
    print(f"chosen: {name} ({len(names)} features), C={c}: {figures}")
    worst_file = min(
        (v for k, v in scores.items() if k.startswith("->")), default=min(scores.values())
    )
    recipe = current_recipe(data, output)
    if recipe is not None:
        shown = "  ".join(f"-> {Path(k).name} {v:.3f}" for k, v in recipe.items())
        print(f"current recipe refitted, left-out files: {shown}")
    if saved_recipe(output) == (names, c):
        print("the same recipe as the current model: refitted on the current events")
    elif recipe and not args.force:
        refit = [v for k, v in scores.items() if k.startswith("->")] or [worst_file]
        now_worst, now_median = min(recipe.values()), float(np.median(list(recipe.values())))
        if worst_file <= now_worst or float(np.median(refit)) < now_median:
            print(
                f"kept {output}: the refit's left-out files (worst {worst_file:.3f}, median "
                f"{np.median(refit):.3f}) do not beat the current recipe's (worst "
                f"{now_worst:.3f}, median {now_median:.3f})"
            )
            return
    model = _fit(data.x[:, columns], y, c)
    weights = {n: round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True)}
    train_only = "".join(f" --train-only {f}" for f in args.train_only)
    train_only += " --keep-recipe" if kept is not None else ""
    header = (
        "# Event confidence: logistic regression weights over a subset of "
        "sitmap.confidence.FEATURES\n# (a feature not listed weighs nothing).\n"
        "# Generated by tools/fit_confidence.py — do not edit by hand; rerun it:\n"
        f"#   python tools/fit_confidence.py {' '.join(args.gold)}{train_only}\n"
        f"# Fitted {date.today().isoformat()} with scikit-learn {sklearn.__version__} "
        f"(L2, C={c}, feature set '{name}') on {len(y)} events ({int(y.sum())} real) of "
        f"{len(set(data.groups))} documents,\n# chosen by the worst of its validation ROC AUCs "
        f"({figures}).\n# Label: the event matched a gold event.\n"
    )
    fitted: dict = {"intercept": round(float(model.intercept_[0]), 4), "weights": weights}
    if PRIOR in names and data.lemmas is not None:
        table = priors(data.lemmas, y)
        fitted["trigger_priors"] = {k: round(v, 3) for k, v in table.items() if round(v, 3)}
        header += (
            f"# trigger_priors: each trigger lemma's log-odds of a real event against all "
            f"triggers', smoothed with {PRIOR_SMOOTHING:g} pseudo-events (fit_confidence.priors).\n"
        )
    body = yaml.safe_dump(fitted, sort_keys=False, allow_unicode=True)
    output.write_text(header + body, encoding="utf-8")
    print(f"written {output}")


if __name__ == "__main__":
    main()
