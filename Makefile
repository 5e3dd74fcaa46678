# marketgraph: the README's commands. Each target sets up what it needs.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STORE  ?= data/store
SEEDS  ?= ../shared/seeds
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run install ingest serve test stress clean gazetteer

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

# The whole fast test suite (what .ci/run runs).
test: install
	$(BIN)/python -m pytest -q -m "not slow"

stress: install
	$(BIN)/python -m pytest -q -m slow

# Regenerate ontologies/gazetteer/gazetteer.ttl from the CSV sources.
gazetteer: install
	$(BIN)/python ontologies/build_gazetteer.py

clean:
	rm -rf $(VENV) data .pytest_cache
