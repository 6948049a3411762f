# The two commands (README): `make run` serves the seeds, `make test` runs the tests.
# Both create .venv and install what they need on first use (--no-compile: byte-compiling all
# of torch doubles the install time; Python compiles what it imports, once).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PYTHONPATH := $(CURDIR)

.PHONY: run test eval index openapi clean

# `make run` installs what serving needs; `make test` adds the test tools on top.
$(BIN)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --no-compile -r requirements.txt
	touch $@

$(BIN)/.installed-dev: $(BIN)/.installed requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-compile -r requirements-dev.txt
	touch $@

run: $(BIN)/.installed
	CLAIMVERIFY_BIND=$${CLAIMVERIFY_BIND:-127.0.0.1:$(PORT)} $(BIN)/gunicorn -c service/gunicorn_conf.py service.wsgi:app

test: $(BIN)/.installed-dev
	$(BIN)/python -m pytest -q

eval: $(BIN)/.installed-dev
	$(BIN)/python -m tests.eval.evaluate --check

index: $(BIN)/.installed
	$(BIN)/python -m index build

openapi: $(BIN)/.installed
	$(BIN)/python -m service.openapi > openapi.yaml

clean:
	rm -rf var .pytest_cache
