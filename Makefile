# Transfer Desk: `make run` serves the demo site, `make test` runs the whole suite.
# Only python3 and make are needed; the venv is rebuilt when a requirements file changes.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint serve clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-run: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo --if-empty
	CSP_REPORT_ONLY=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev
	$(PY) -m pytest

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Production mode on this machine: gunicorn (gunicorn.conf.py), DEBUG off, static files collected
# and served by whitenoise. SECRET_KEY comes from the environment, else from .secret_key, made
# once and git-ignored. Plain HTTP suits a local run; DATABASE_URL and REDIS_URL are passed on.
SERVE_ENV = DJANGO_DEBUG=0 SECRET_KEY="$${SECRET_KEY:-$$(cat .secret_key)}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-$(HOST),localhost,127.0.0.1}" \
	SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-0}" HOST=$(HOST) PORT=$(PORT)

.secret_key: | $(VENV)/.installed-run
	umask 077 && $(PY) -c "from django.core.management.utils import get_random_secret_key as k; print(k())" > $@

serve: $(VENV)/.installed-run .secret_key
	$(SERVE_ENV) $(PY) manage.py migrate --no-input
	$(SERVE_ENV) $(PY) manage.py collectstatic --no-input --verbosity 0
	$(SERVE_ENV) $(PY) manage.py load_demo --if-empty
	$(SERVE_ENV) exec $(VENV)/bin/gunicorn --config gunicorn.conf.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
