# The two set-up commands of the README, and the checks CI runs.
PY ?= python

.PHONY: install demo test lint bench

install:
	$(PY) -m pip install -q -e ".[dev]"

demo: install
	sitmap demo

test: install
	$(PY) -m ruff check src tests tools bench
	$(PY) -m pytest -q

bench: install
	$(PY) bench/bench_extract.py
