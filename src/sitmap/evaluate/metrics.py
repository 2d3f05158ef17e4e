"""Counting and error measures shared by the event and geo scorers.

Undefined ratios: a ratio whose denominator is zero (precision with no predictions, recall with
no gold, accuracy with nothing to compare) is ``None`` — never silently 1.0 or 0.0 — and F1 is
``2·TP / (2·TP + FP + FN)``: 0.0 when there is gold but no prediction or the reverse, ``None``
only when there is neither.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

EARTH_RADIUS_KM = 6371.0088
MAX_ERROR_KM = 20039.0
"""Half the Earth's circumference: the largest possible error (Gritta et al. 2018)."""
ACCURACY_KM = 161.0
"""The accuracy@k threshold of the geoparsing literature (100 miles)."""


def ratio(num: float, den: float) -> float | None:
    """``num / den``, or ``None`` when ``den`` is zero."""
    return num / den if den else None


@dataclass
class PRF:
    """True positives, false positives, false negatives and the measures derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def to_dict(self) -> dict[str, float | int | None]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class Tally:
    """How many of ``total`` comparisons were correct."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    @property
    def accuracy(self) -> float | None:
        return ratio(self.correct, self.total)

    def to_dict(self) -> dict[str, float | int | None]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.accuracy}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (uses ``sitmap.geo.distance_km`` when the geo stage has it)."""
    distance_km = _project_distance()
    km = distance_km(lat1, lon1, lat2, lon2) if distance_km is not None else None
    if km is not None:
        return float(km)
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@cache
def _project_distance() -> Any:
    try:
        from sitmap.geo import distance_km  # the project's one haversine, when it exists
    except ImportError:
        return None
    return distance_km


def assign(similarity: Sequence[Sequence[float]], minimum: float) -> list[tuple[int, int]]:
    """One-to-one pairs ``(row, col)`` maximising total similarity (Hungarian algorithm).

    Similarities below ``minimum`` are set to zero before solving, so they neither pull the
    assignment nor come back as pairs; a pair is returned only when its similarity is at least
    ``minimum``. Unlike greedy best-first matching, this maximises the number-weighted total:
    with ``[[0.9, 0.8], [0.7, 0.0]]`` it pairs (0, 1) and (1, 0), not just (0, 0).
    """
    if not similarity or not similarity[0]:
        return []
    sim = np.asarray(similarity, dtype=float)
    sim[sim < minimum] = 0.0
    from scipy.optimize import linear_sum_assignment  # slow to import: only when scoring

    rows, cols = linear_sum_assignment(sim, maximize=True)
    keep = zip(rows, cols, strict=True)
    return [(int(r), int(c)) for r, c in keep if sim[r, c] > 0 and sim[r, c] >= minimum]


def error_auc(errors_km: Sequence[float]) -> float | None:
    """Area under the curve of sorted ``ln(1 + error)``, normalised to [0, 1]; lower is better.

    Gritta, Pilehvar & Collier (2018, "What's missing in geographical parsing?"): the errors
    are sorted, log-scaled, integrated by the trapezoidal rule with unit spacing and divided by
    the area of the worst case, ``ln(20039) · (n − 1)``. One error: ``ln(1 + e) / ln(20039)``.
    """
    if not errors_km:
        return None
    logs = sorted(math.log1p(min(e, MAX_ERROR_KM)) for e in errors_km)
    top = math.log(MAX_ERROR_KM)
    if len(logs) == 1:
        return logs[0] / top
    area = sum((a + b) / 2 for a, b in itertools.pairwise(logs))
    return area / (top * (len(logs) - 1))


def error_summary(errors_km: Sequence[float]) -> dict[str, float | int | None]:
    """accuracy@161 km, mean and median error (km) and AUC of a list of errors."""
    n = len(errors_km)
    return {
        "n": n,
        "acc_161": ratio(sum(1 for e in errors_km if e < ACCURACY_KM), n),
        "mean_km": statistics.fmean(errors_km) if n else None,
        "median_km": statistics.median(errors_km) if n else None,
        "auc": error_auc(errors_km),
    }
