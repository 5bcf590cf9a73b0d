# Ward News Archive. `make demo` first, then `make test`. Everything installs into .venv.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DEMO_MIRROR_PORT ?= 8010
DATASETTE_PORT ?= 8001
# Read-only publication with time limits (see docs/PUBLISHING.md).
DATASETTE_SETTINGS := --setting sql_time_limit_ms 3000 --setting facet_time_limit_ms 500 \
  --setting max_returned_rows 1000 --setting truncate_cells_html 300 --setting suggest_facets off

.PHONY: install test-deps test demo mirror serve crawl lint format bench clean

install: $(VENV)/.installed

# setup.py builds the one C part, wardnews/fts5rank.c (gcc and libsqlite3-dev; optional).
$(VENV)/.installed: pyproject.toml setup.py wardnews/fts5rank.c
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# Debian packages the tests need (a real Redis, a real headless Chromium, a C compiler and
# SQLite's headers for wardnews/fts5rank.c), then the Python test tools; `pip install -e`
# (re)builds the extension. Skips apt when everything is already there.
test-deps: install
	@missing=""; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v gcc >/dev/null || missing="$$missing gcc"; \
	[ -f /usr/include/sqlite3ext.h ] || missing="$$missing libsqlite3-dev"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(MAKE) --no-print-directory .venv-pywb/.installed

# pywb (WARC replay, tests/test_replay.py) pins redis 2.x, which scrapy-redis cannot use:
# it gets a virtualenv of its own.
.venv-pywb/.installed:
	test -x .venv-pywb/bin/python || $(PYTHON) -m venv .venv-pywb
	.venv-pywb/bin/python -m pip install --quiet 'pywb==2.10.*'
	touch $@

test: test-deps
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -n 2 --dist loadgroup

lint:
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format:
	$(BIN)/ruff format . && $(BIN)/ruff check --fix .

# Serve the bundled demo mirror alone (one line per site first: <name> <listing URL>).
mirror: install
	$(BIN)/python -m mirror.server --host 127.0.0.1 --port $(PORT)

# Mirror on 127.0.0.1, crawl it into archive.db, then Datasette on :8001 until stopped.
demo: install
	$(BIN)/python -m wardnews.demo --mirror-port $(DEMO_MIRROR_PORT) --port $(DATASETTE_PORT)

# Serve an existing archive.db (read-only, with time limits).
serve: install
	$(BIN)/datasette serve archive.db -m metadata.yml --host 127.0.0.1 --port $(DATASETTE_PORT) \
	  $(DATASETTE_SETTINGS)

# The nightly crawl of every enabled source in sources.yml.
crawl: install
	$(BIN)/scrapy crawl ward_news

bench: test-deps
	$(BIN)/python -m bench.run_all

clean:
	rm -rf archive.db archive.db-* warc/ build/ .pytest_cache
