# appeals-kg — the two commands of the quickstart are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# Test processes (pytest-xdist): one per core; `make test TEST_WORKERS=0` runs in one process.
# More pytest options: `make test PYTEST_ARGS="--durations=20"`.
TEST_WORKERS ?= auto
PYTEST_ARGS ?=

.PHONY: run test test-virtuoso test-slow check lint format audit fuzz bench bench-smoke serve clean

# The virtualenv, with every dependency pinned by constraints.txt.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

## run: set up, then build the graph from data/, validate it, and write dist/kg.ttl and dist/kg.trig
run: $(STAMP)
	-bash scripts/install-yasgui.sh
	$(BIN)/kg run

## test: set up, then run the test suite (slow tests excluded); installs chromium as root, and
## the query page's YASGUI from the npm registry (scripts/install-yasgui.sh); the files are
## dealt to TEST_WORKERS processes (default: one per core), each file whole to one of them,
## the longest first as tests/costs.txt orders them (tools/test_costs.py refreshes it).
## The package, benchmarks and tools are byte-compiled first: the tests start many Python
## processes (commands, benchmark steps, servers), and where PYTHONDONTWRITEBYTECODE is set
## each would compile again what it imports of them (about 0.2 s of CPU a process).
test: $(STAMP)
	bash scripts/install-browser.sh
	bash scripts/install-yasgui.sh
	$(BIN)/python -m compileall -q kg bench tools tests
	$(BIN)/pytest -q -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

## test-virtuoso: the round trip through a Virtuoso server on loopback (installs it as root)
test-virtuoso: $(STAMP)
	bash scripts/virtuoso.sh install
	$(BIN)/pytest -q -m virtuoso

## test-slow: the long-running tests too
test-slow: $(STAMP)
	$(BIN)/python -m compileall -q kg bench tools tests
	$(BIN)/pytest -q -m "slow or not slow"

## lint: ruff lint and format check
lint: $(STAMP)
	$(BIN)/ruff check kg tests bench tools
	$(BIN)/ruff format --check kg tests bench tools

format: $(STAMP)
	$(BIN)/ruff format kg tests bench tools
	$(BIN)/ruff check --fix kg tests bench tools

## audit: pinned dependencies (constraints.txt) against a vulnerability database, offline
audit: $(STAMP)
	$(BIN)/python tools/audit_deps.py constraints.txt

## fuzz: the property and fuzz tests with many more examples (HYPOTHESIS_PROFILE=long)
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=long $(BIN)/pytest -q -m "slow or not slow" tests/test_properties.py tests/test_blockyaml_fuzz.py tests/test_recordcheck.py

## check: lint, dependency audit and tests, as CI runs them
check: lint audit test

## bench: speed and memory benchmarks; results go to bench/results/
bench: $(STAMP)
	$(BIN)/python bench/bench_store.py
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/serve_load.py
	$(BIN)/python bench/bench_scale.py --sizes 1000 10000 --budget 600

## bench-smoke: the scale benchmark at 1,000 appeals, its baselines given 30 s a step, in a
## scratch folder; fails only if it does not run to its end (CI runs it after the tests)
bench-smoke: $(STAMP)
	@d=$$(mktemp -d) && trap 'rm -rf "$$d"' EXIT && \
	$(BIN)/python bench/bench_scale.py --sizes 1000 --budget 30 --work "$$d/work" --out "$$d/out" && \
	$(BIN)/python bench/smoke_check.py "$$d/out/scale-1000.json"

## serve: a read-only SPARQL endpoint on http://127.0.0.1:7878/sparql
serve: $(STAMP)
	-bash scripts/install-yasgui.sh
	$(BIN)/kg serve

clean:
	rm -rf .kg dist .pytest_cache .ruff_cache
