# The two commands: `make run` starts the dashboard on demo data, `make test` runs every test.
# Both create .venv and install the pinned requirements on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test test-quick demo screenshots clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.installed
	$(PY) app.py

# Both spread the tests over the machine's cores (pytest-xdist), a module's tests on one worker
# (they share its fixtures: a served app, a browser); tests/conftest.py builds each seed once a run.
XDIST := -n auto --dist loadscope

test: $(VENV)/.installed
	$(PY) -m pytest -q $(XDIST)

# The number, loader and page rules without a browser, HTTP servers, mail or benchmarks (pytest.ini's
# markers): the loop while changing a rule. make test runs everything, as CI does.
test-quick: $(VENV)/.installed
	$(PY) -m pytest -q $(XDIST) -m "not browser and not slow"

demo: $(VENV)/.installed
	$(PY) -m etl demo

screenshots: $(VENV)/.installed
	$(PY) scripts/screenshots.py

clean:
	rm -rf $(VENV) data/warehouse data/demo
