# The two commands of the README. Each prepares what it needs first (scripts/setup.sh), so both work on a
# fresh machine.
.PHONY: run test data check

PORT ?= 8501

run:  ## run the dashboard on the embedded data: http://localhost:8501
	@scripts/setup.sh app
	.venv/bin/streamlit run app.py --server.port $(PORT)

test:  ## run the whole test suite, browser tests included
	@scripts/setup.sh test
	.venv/bin/python -m pytest

data:  ## rebuild data/safety.duckdb from the CSVs (the app also does this by itself when they change)
	@scripts/setup.sh app
	.venv/bin/python -m data.build

check:  ## validate the CSVs without touching the database
	@scripts/setup.sh app
	.venv/bin/python -m data.build --check
