"""``sitmap serve``: a read-only HTTP API over a store and an offline situation map.

    from sitmap.serve import create_app, serve

    app = create_app("sitmap.duckdb")          # a FastAPI app (test it with TestClient)
    serve("sitmap.duckdb", port=8000)          # uvicorn on 127.0.0.1:8000

Every asset of the map page (Leaflet, Leaflet.markercluster, country borders, Swagger UI for
``/docs``) comes from an installed package or the package's own files: nothing is fetched from
the internet. ``queries`` holds the SQL, ``app`` the routes.
"""

from __future__ import annotations

from sitmap.serve.app import create_app, serve

__all__ = ["create_app", "serve"]
