# Two entry points for a new user: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
NATIVE := $(VENV)/.native-stamp

.PHONY: demo test lint bench browser clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# The tag stage compiled by mypyc (about 1.2x faster, the same events; src/ingest/tag/native.py). Optional: when
# it cannot be built (no C compiler), the plain Python modules run and say so in `python -m ingest.tag status`.
$(NATIVE): $(STAMP) $(wildcard src/ingest/tag/*.py)
	@$(BIN)/python -m ingest.tag build || echo "the tag stage runs as plain Python"
	@touch $(NATIVE)

demo: $(NATIVE)
	$(BIN)/ingest demo

test: $(NATIVE) browser
	$(BIN)/python -m pytest -n 2 --dist loadgroup
	@# The extraction benchmark's table (ours beside trafilatura) on the shared development pages, when they
	@# are beside the clone; it reports, it does not gate.
	@if [ -d ../shared/extraction-bench ]; then $(BIN)/python -W ignore bench/extraction.py; \
	else echo "../shared/extraction-bench is absent: extraction benchmark table skipped"; fi

# The report test opens the HTML report in headless Chromium. Install Debian's package when we can
# (root on a Debian-like system); otherwise that one test skips and says why.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing Debian's chromium for the report test"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null) \
	    || echo "could not install chromium: the report's browser test will be skipped"; \
	else echo "no /usr/bin/chromium and no root apt-get: the report's browser test will be skipped"; fi

bench: $(NATIVE)
	$(BIN)/python bench/pipeline.py

lint: $(STAMP)
	$(BIN)/ruff check src flows tests bench

clean:
	rm -rf $(VENV) data report .pytest_cache
