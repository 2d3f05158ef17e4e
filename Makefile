# The two set-up commands of the README, and the checks CI runs.
PY ?= python

.PHONY: install demo test lint bench browser wordnet screenshot

install:
	$(PY) -m pip install -q -e ".[dev]"

demo: install
	sitmap demo
	@echo "Map and API of the demo store: sitmap serve --db sitmap-demo.duckdb  (then open http://127.0.0.1:8000/)"

test: install browser wordnet
	$(PY) -m ruff check src tests tools bench
	$(PY) -m pytest -q

bench: install
	$(PY) bench/bench_extract.py
	$(PY) bench/bench_serve.py

# Debian's Chromium for the map's browser tests (tests/test_serve_browser.py), when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# Debian's WordNet 3.0 (wordnet-base), read only by the tests that check the generated lexicons
# (data/predicates_wordnet.yaml, data/people_nouns.yaml) against their tools, when missing.
wordnet:
	@test -e /usr/share/wordnet/data.noun || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wordnet-base; }

# The README's screenshot of the map (docs/map.png), taken by the browser test.
screenshot: install browser
	SITMAP_SCREENSHOT=1 $(PY) -m pytest -q tests/test_serve_browser.py -k clicking
