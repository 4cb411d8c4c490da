"""Where the data lives and what it is made of: folders, file names, the tables and the CSVs that feed them.

Paths can be moved by environment variables (tests, benchmarks, a shared volume):
SAFETY_DB_PATH (the database file), SAFETY_DATA_DIR (the published CSVs, for staff publishing),
SAFETY_HISTORY_DIR (published versions), SAFETY_IMPORTS_DIR (staff imports).
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
# The questions the site asks of the database (queries/*.sql): data/proof.py runs each on a staged database.
QUERIES_DIR = DATA_DIR.parent / "queries"
SCHEMA_FILE = "schema.sql"
DB_NAME = "safety.duckdb"
HISTORY_ENV = "SAFETY_HISTORY_DIR"

# Load order respects the foreign keys. A table may be fed by several CSV files; for `observations` the file
# name is stored in its `dataset` column.
MANIFEST: list[tuple[str, list[str]]] = [
    ("sources", ["sources"]),
    ("location_levels", ["location_levels"]),
    ("spending_categories", ["spending_categories"]),
    ("budget_lines", ["budget_lines"]),
    ("budget_totals", ["budget_totals"]),
    ("budget_line_categories", ["budget_line_categories"]),
    ("laspd_budget_items", ["laspd_budget_items"]),
    ("board_districts", ["board_districts"]),
    ("board_members", ["board_members"]),
    ("regions", ["regions"]),
    ("schools", ["schools"]),
    ("school_locations", ["school_locations"]),
    ("deployments_by_board_district", ["deployments_by_board_district"]),
    ("deployments_by_region", ["deployments_by_region"]),
    ("deployment_facts", ["deployment_facts"]),
    ("deployment_conditions", ["deployment_conditions"]),
    ("policy_points", ["policy_points"]),
    (
        "observations",
        ["laspd_history", "district_budget_context", "cbs_funding", "safe_passage_counts", "enrollment_context"],
    ),
    ("enrollment", ["enrollment"]),
    ("safe_passage_sites", ["safe_passage_sites"]),
    ("town_halls", ["town_halls"]),
    ("timeline", ["timeline"]),
    ("later_years", ["later_years"]),
    ("map_label_points", ["map_label_points"]),
    ("unpublished_data", ["unpublished_data"]),
    ("school_directory", ["school_directory_2018"]),
    ("school_directory_matches", ["school_directory_matches"]),
    ("incident_series", ["incident_series"]),
    ("incidents", ["incidents"]),
    ("disparities", ["disparities"]),
    ("climate_survey", ["climate_survey"]),
    ("incident_annotations", ["incident_annotations"]),
]
DATASET_COLUMN = {"observations": "dataset"}
# Written by data/publish.py while a staff publish swaps data in; its presence means one was interrupted.
PUBLISH_JOURNAL = ".publish-pending.json"


_serving: dict[str, Path] = {}  # "db": set by data/startup.py when the configured file is damaged and read-only


def serve_from(path: Path | None) -> None:
    """Serve the database from `path` instead of the configured file (None: the configured file again)."""
    if path:
        _serving["db"] = Path(path)
    else:
        _serving.pop("db", None)


def configured_db_path() -> Path:
    """data/safety.duckdb, unless SAFETY_DB_PATH names another file (tests, benchmarks, a shared volume)."""
    return Path(os.environ.get("SAFETY_DB_PATH", DATA_DIR / DB_NAME))


def default_db_path() -> Path:
    """The database file the app reads: the configured one, or the rebuilt copy data/startup.py serves while the
    configured one is damaged and its folder read-only."""
    return _serving.get("db") or configured_db_path()


def data_dir_default() -> Path:
    """data/, unless SAFETY_DATA_DIR names another folder of published CSVs (tests, a staging server)."""
    return Path(os.environ.get("SAFETY_DATA_DIR", DATA_DIR))


def history_dir(data_dir: Path = DATA_DIR) -> Path:
    """data/history (git-ignored), unless SAFETY_HISTORY_DIR names another folder."""
    env = os.environ.get(HISTORY_ENV)
    return Path(env) if env else Path(data_dir) / "history"


def imports_dir() -> Path:
    """data/imports, unless SAFETY_IMPORTS_DIR names another folder (tests)."""
    return Path(os.environ.get("SAFETY_IMPORTS_DIR", DATA_DIR / "imports"))


def csv_paths(data_dir: Path) -> list[Path]:
    return [data_dir / f"{stem}.csv" for _, stems in MANIFEST for stem in stems]


def stems() -> list[str]:
    """Every published CSV (by file name without .csv), in load order."""
    return [stem for _, names in MANIFEST for stem in names]


def table_of(stem: str) -> str:
    for table, names in MANIFEST:
        if stem in names:
            return table
    raise KeyError(stem)
