# marketgraph: the README's commands. Each target sets up what it needs.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STORE  ?= data/store
SEEDS  ?= ../shared/seeds
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run install ingest serve test test-tools stress clean gazetteer evaluate web screenshot

# Create the virtual environment and install the project with its test tools.
$(BIN)/marketgraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/marketgraph

# Ingest the bundled sample articles (and the seed article beside the repo, if present), then serve.
ingest: install
	$(BIN)/marketgraph ingest samples $(wildcard $(SEEDS)) --store $(STORE)

run: ingest
	$(BIN)/marketgraph serve --store $(STORE) --host $(HOST) --port $(PORT)

serve: install
	$(BIN)/marketgraph serve --store $(STORE) --host $(HOST) --port $(PORT)

# Tools the end-to-end tests drive as a user would (curl); installed with apt when missing.
test-tools:
	@command -v curl >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null; \
	  else echo "curl is missing: install it (the live-server tests use it)"; exit 1; fi; }
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing: install it (the explorer's browser tests drive it)"; exit 1; fi; }

# The whole fast test suite (what .ci/run runs).
test: install test-tools
	$(BIN)/python -m pytest -q -m "not slow"

stress: install
	$(BIN)/python -m pytest -q -m slow

# Regenerate ontologies/gazetteer/gazetteer.ttl from the CSV sources (the GeoNames cities first).
gazetteer: install
	$(BIN)/pip install -q -e '.[gazetteer]'
	$(BIN)/python ontologies/cities_from_geonames.py
	$(BIN)/python ontologies/build_gazetteer.py

# Score extraction on the dev set (and the held-out set) against the bare spaCy model.
evaluate: install
	$(BIN)/marketgraph evaluate tests/data/dev
	$(BIN)/marketgraph evaluate tests/data/heldout

# Rebuild the explorer page (web/src -> api/static, committed) from the locked npm packages.
web:
	cd web && npm ci --no-audit --no-fund && npm run build

# The README's screenshot of the explorer, taken by the browser tests' setup.
screenshot: install test-tools
	$(BIN)/python web/screenshot.py docs/explorer.png

clean:
	rm -rf $(VENV) data .pytest_cache

# Load test: 20 concurrent clients for 30 s against a local server on the sample graph (loopback only);
# prints a table, writes benchmarks/results/load-20.json.
.PHONY: load
load: install
	$(BIN)/python benchmarks/load.py --clients 20 --duration 30 --writes 0.05

# Benchmarks (not tests): each prints its ratio to a baseline measured in the same run and writes
# JSON under benchmarks/results/. `make bench` runs them all at a moderate size; the scaling chart
# in the README comes from `make bench-scaling` (100k, 1M and 5M triples: about half an hour).
BENCH_ARTICLES ?= 200
BENCH_TRIPLES  ?= 1000000
.PHONY: bench bench-install bench-ingest bench-queries bench-scaling bench-fuzzy

bench-install: install
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'

bench-ingest: bench-install
	$(BIN)/python benchmarks/ingest_throughput.py --articles $(BENCH_ARTICLES)
	$(BIN)/python benchmarks/ingest_throughput.py --articles $(BENCH_ARTICLES) --workers 2 \
	  --output benchmarks/results/ingest_throughput-workers2.json

bench-queries: bench-install
	$(BIN)/python benchmarks/queries.py --triples $(BENCH_TRIPLES)

bench-scaling: bench-install
	$(BIN)/python benchmarks/scaling.py --sizes 100000 1000000 5000000

bench-fuzzy: bench-install
	$(BIN)/python benchmarks/fuzzy_threshold.py

bench: bench-ingest bench-queries bench-fuzzy
	$(BIN)/python benchmarks/scaling.py --sizes 100000 $(BENCH_TRIPLES) --chart benchmarks/results/scaling.png
