# The two commands of the README. Each prepares what it needs first (scripts/setup.sh), so both work on a
# fresh machine.
.PHONY: run test test-fast data check lock lint

PORT ?= 8501

run:  ## run the dashboard on the embedded data: http://localhost:8501
	@scripts/setup.sh app
	.venv/bin/streamlit run app.py --server.port $(PORT)

test:  ## run the whole test suite, browser tests included
	@scripts/setup.sh test
	.venv/bin/python -m pytest

test-fast:  ## the fast layer while working: data, queries, view models, builders (no browser, no AppTest, no kills)
	@scripts/setup.sh dev
	.venv/bin/python -m pytest -m "not browser and not apptest and not slow" -q

data:  ## rebuild data/safety.duckdb from the CSVs (the app also does this by itself when they change)
	@scripts/setup.sh app
	.venv/bin/python -m data.build

check:  ## validate the CSVs without touching the database
	@scripts/setup.sh app
	.venv/bin/python -m data.build --check

# The locks. requirements.in and requirements-test.in declare the direct dependencies; `make lock` resolves them
# with uv (kept in its own small venv, .venv-lock) into requirements.txt and requirements-test.txt: every package
# pinned, with the sha256 of each of its files, for Python 3.11 on Linux x86_64. The test lock is resolved with
# the app lock as a constraint, so both hold the same app versions. Existing pins are kept unless a declaration
# asks otherwise; `make lock UPGRADE=1` moves every package to its newest allowed release.
LOCK_VENV := .venv-lock
UV_VERSION := 0.13.9
UV_COMPILE = $(LOCK_VENV)/bin/uv pip compile --no-config --quiet --no-header --generate-hashes \
	--python-version 3.11 --python-platform x86_64-unknown-linux-gnu $(if $(UPGRADE),--upgrade)
lock_header = printf '%s\n' \
	'\# Full lock: every package pinned, with hashes (pip install --require-hashes -r $(2)). Generated; do not' \
	'\# edit. Change $(1) and run `make lock` (uv pip compile --generate-hashes, Python 3.11, Linux x86_64).' \
	| cat - $(2) > $(2).tmp && mv $(2).tmp $(2)

lock:  ## regenerate requirements.txt and requirements-test.txt (hash-checked locks) from the .in files
	@$(LOCK_VENV)/bin/uv --version 2>/dev/null | grep -qE '^uv $(UV_VERSION)( |$$)' || { \
	    python3 -m venv $(LOCK_VENV) && $(LOCK_VENV)/bin/python -m pip install --quiet uv==$(UV_VERSION); }
	$(UV_COMPILE) requirements.in -o requirements.txt
	@$(call lock_header,requirements.in,requirements.txt)
	$(UV_COMPILE) requirements-test.in -c requirements.txt -o requirements-test.txt
	@$(call lock_header,requirements-test.in,requirements-test.txt)

lint:  ## ruff: lint and format check (reports only; changes nothing). Settings: pyproject.toml [tool.ruff]
	@scripts/setup.sh dev
	@status=0; \
	echo ".venv/bin/ruff check ."; .venv/bin/ruff check . || status=1; \
	echo ".venv/bin/ruff format --check ."; .venv/bin/ruff format --check . || status=1; \
	exit $$status
