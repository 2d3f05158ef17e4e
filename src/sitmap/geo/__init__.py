"""Geo stage: toponyms → GeoNames-style places with coordinates, and the place of each event.

``resolve(doc)`` is the stage; ``gazetteer()``, ``lookup()``, ``candidates()`` and
``distance_km()`` are the helpers other code (eval, store, CLI) calls. Nothing is built on
import: the gazetteer is built or loaded from the cache on first use.
"""

from __future__ import annotations

from sitmap.geo.index import Gazetteer, cache_path, normalise
from sitmap.geo.resolver import candidates, distance_km, gazetteer, lookup, resolve

__all__ = [
    "Gazetteer",
    "cache_path",
    "candidates",
    "distance_km",
    "gazetteer",
    "lookup",
    "normalise",
    "resolve",
]
