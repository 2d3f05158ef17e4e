"""geo.index.SortedKeys: the frozen name index finds what the dict it replaces found."""

from __future__ import annotations

import itertools
import pickle

from sitmap import geo
from sitmap.geo import index


def _small() -> index.Gazetteer:
    gaz = index.Gazetteer()
    rows = [
        ("Kisumu", "KE", -0.1, 34.8, ["Port Florence"]),
        ("Mombasa", "KE", -4.1, 39.7, []),
        ("Springfield", "US", 39.8, -89.6, []),
        ("Springfield", "US", 42.1, -72.6, []),
        ("Zaragoza", "ES", 41.6, -0.9, ["Saragossa", "Saragosa"]),
    ]
    for i, (name, country, lat, lon, alternates) in enumerate(rows, 1):
        gaz.add(
            geonameid=i, name=name, country=country, admin1=None, lat=lat, lon=lon,
            fclass="P", fcode="PPL", population=10_000, alternates=alternates,
        )  # fmt: skip
    return gaz


def test_geo_keys_find_what_the_dict_found() -> None:
    gaz = _small()
    before = {k: tuple(v) for k, v in gaz.index.items()}
    gaz.freeze()
    assert isinstance(gaz.index, index.SortedKeys)
    for key, ids in before.items():
        assert gaz.key_ids(key) == ids, key
    assert gaz.lookup_ids("Saragossa") == gaz.lookup_ids("Zaragoza") == (4,)
    assert gaz.lookup_ids("Springfield") == (2, 3)
    for missing in ("Nakuru", "", "springfieldx", "aaa", "zzzz"):  # before, between, after keys
        assert gaz.lookup_ids(missing) == ()
        assert geo.normalise(missing) not in gaz.index
    assert "kisumu" in gaz.index and len(gaz.index) == len(before)


def test_geo_keys_survive_the_cache_file() -> None:
    gaz = _small()
    gaz.freeze()
    back = pickle.loads(pickle.dumps(gaz, protocol=pickle.HIGHEST_PROTOCOL))
    assert back.index.keys == gaz.index.keys and back.index.values == gaz.index.values
    assert [p.name for p in back.candidates("Port Florence")] == ["Kisumu"]


def test_geo_keys_of_the_real_gazetteer_sorted_and_unique() -> None:
    keys = geo.gazetteer().index.keys
    assert len(keys) > 100_000
    assert all(a < b for a, b in itertools.pairwise(keys))
