"""sitmap: news to a situation map — geolocated, source-attributed event data, offline.

Entry points: ``sitmap.pipeline`` (one text), ``sitmap.corpus`` (a store), ``sitmap.cli`` (the
``sitmap`` command), ``sitmap.serve`` (the API and map). See README.md.
"""
