"""components.perf.memo.cached: one build per distinct input, shared across sessions, never mixing two inputs."""

from __future__ import annotations

import csv
import gc
import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from components.charts import overview as overview_charts
from components.perf import memo

CALLS: list[tuple] = []


@memo.cached
def counted_total(frame: pd.DataFrame, label: str = "") -> str:
    """A builder that records each real call."""
    CALLS.append((len(frame), label))
    return f"{label}{int(frame['value'].sum())}"


@pytest.fixture(autouse=True)
def fresh_cache():
    memo.clear()
    CALLS.clear()
    yield
    memo.clear()


def frame(values) -> pd.DataFrame:
    return pd.DataFrame({"name": [f"n{i}" for i in range(len(values))], "value": values})


def test_equal_inputs_build_once_and_share_the_result():
    first = counted_total(frame([1, 2, 3]), label="x")
    second = counted_total(frame([1, 2, 3]), label="x")  # a different but equal frame
    assert first == second == "x6"
    assert CALLS == [(3, "x")]


def test_one_changed_value_language_or_argument_is_a_new_build():
    assert counted_total(frame([1, 2, 3])) == "6"
    assert counted_total(frame([1, 2, 4])) == "7"  # one figure changed (e.g. after a publish)
    assert counted_total(frame([1, 2, 3]), label="es") == "es6"
    assert counted_total(frame([1, 2, 3]).astype({"value": "float64"})) == "6"  # dtype is content
    assert len(CALLS) == 4


def test_a_frame_key_is_forgotten_with_its_frame():
    f = frame([5, 6])
    counted_total(f)
    ident = id(f)
    assert ident in memo._frame_keys
    del f
    gc.collect()
    assert ident not in memo._frame_keys


def test_a_cached_figure_equals_a_fresh_build():
    groups = pd.DataFrame({"label": ["North", "South"], "deployments": [12, 5], "share": [12 / 17, 5 / 17]})
    args = (groups, "label", "By region", "Deployments")
    fresh = overview_charts.deployments_bar.__wrapped__(*args, "es")  # the builder itself, not its cache
    cached = overview_charts.deployments_bar(*args, "es")
    assert isinstance(cached, go.Figure)
    assert json.loads(cached.to_json()) == json.loads(fresh.to_json())
    assert overview_charts.deployments_bar(*args, "es") is cached  # the same object: built once
    assert overview_charts.deployments_bar(*args, "en") is not cached
    # a different frame (content, not identity, is the key) is a different figure
    assert overview_charts.deployments_bar(groups.assign(deployments=[13, 5]), *args[1:], "es") is not cached


# ------------------------------------------------------------------------------------------- query results

YEAR = "2023-24"


@memo.cached
def region_total(result) -> int:
    CALLS.append((len(result.frame), "regions"))
    return int(result.frame["deployments"].sum())


@memo.cached(data=True)
def regions_view(year: str) -> int:
    """A view model: it asks queries/ itself, so its key holds the identity of the data."""
    import queries

    CALLS.append((year, "view"))
    return int(queries.run("deployments_by_region", school_year=year).frame["deployments"].sum())


@pytest.fixture
def swapped_db(data_copy, tmp_path, monkeypatch):
    """The app's queries reading a database built from a copy of data/ (so a test can change and rebuild it)."""
    import queries
    from data.build import build

    db = tmp_path / "memo.duckdb"
    build(data_copy, db)
    monkeypatch.setenv("SAFETY_DB_PATH", str(db))
    queries.reset()
    yield data_copy, db
    queries.reset()


def test_a_query_result_is_keyed_by_its_query_and_a_publish_gives_a_new_key(swapped_db):
    import queries
    from data.build import build
    from tests.conftest import edit_csv

    data, db = swapped_db
    first = queries.run("deployments_by_region", school_year=YEAR)
    again = queries.run("deployments_by_region", school_year=YEAR)
    assert first.frame is not again.frame and first.key == again.key  # new objects, same query, same file
    assert region_total(first) == 41
    assert region_total(again) == 41
    assert CALLS == [(4, "regions")]  # keyed by the query: the second frame was never hashed or rebuilt
    assert regions_view(YEAR) == 41 and regions_view(YEAR) == 41
    assert CALLS[1:] == [(YEAR, "view")]  # a view model is built once for the same data

    edit_csv(data / "deployments_by_region.csv", 1, "deployments", "9")  # East 7 -> 9, then a rebuild
    build(data, db)
    after = queries.run("deployments_by_region", school_year=YEAR)
    assert after.key != first.key
    assert region_total(after) == 43
    assert regions_view(YEAR) == 43  # the publish changed the data's identity: the view is built again


def test_a_changed_result_frame_never_reaches_the_query_cache(swapped_db):
    import queries

    result = queries.run("deployments_by_region", school_year=YEAR)
    result.frame.loc[:, "deployments"] = 0  # a careless caller
    result.frame["extra"] = 1
    fresh = queries.run("deployments_by_region", school_year=YEAR)
    assert int(fresh.frame["deployments"].sum()) == 41 and "extra" not in fresh.frame.columns


def test_a_citation_follows_a_changed_source_title(swapped_db):
    import queries
    from components.views.cite import cite
    from data.build import build
    from tests.conftest import edit_csv

    data, db = swapped_db
    result = queries.run("deployments_by_region", school_year=YEAR)
    before = cite(result, lang="en")
    assert "District Safety Updates" in before
    with (data / "sources.csv").open(newline="", encoding="utf-8-sig") as fh:
        ids = [r["source_id"] for r in csv.DictReader(fh)]
    row = ids.index(result.source_ids[0]) + 1
    edit_csv(data / "sources.csv", row, "title", "District Safety Updates (corrected title)")
    build(data, db)
    after = cite(queries.run("deployments_by_region", school_year=YEAR), lang="en")
    assert "corrected title" in after and "corrected title" not in before


def test_keys_tell_apart_types_containers_and_functions():
    assert memo._key(1) != memo._key(1.0) != memo._key("1")
    assert memo._key((1, 2)) != memo._key([1, 2])
    assert memo._key({"a": 1}) == memo._key({"a": 1}) and memo._key({"a": 1}) != memo._key({"a": 2})
    double, triple = memo.cached(lambda f: f["value"].sum() * 2), memo.cached(lambda f: f["value"].sum() * 3)
    assert double(frame([1, 2])) == 6
    assert triple(frame([1, 2])) == 9  # same name "<lambda>", different function: each has its own cache


def test_the_cache_keeps_at_most_its_size():
    @memo.cached(maxsize=3)
    def small(f: pd.DataFrame) -> int:
        CALLS.append((len(f), "small"))
        return int(f["value"].sum())

    for i in range(5):
        small(frame([i]))
    assert len(small.cache) == 3
    small(frame([4]))  # the newest survived
    assert len(CALLS) == 5
    small(frame([0]))  # the oldest was dropped: built again
    assert len(CALLS) == 6
