"""components.memo.cached: one build per distinct input, shared across sessions, never mixing two inputs."""

from __future__ import annotations

import gc

import pandas as pd
import plotly.graph_objects as go
import pytest

from components import charts, memo

CALLS: list[tuple] = []


def counted_total(frame: pd.DataFrame, label: str = "") -> str:
    """A builder that records each real call (module-level, so memo can name it)."""
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
    first = memo.cached(counted_total, frame([1, 2, 3]), label="x")
    second = memo.cached(counted_total, frame([1, 2, 3]), label="x")  # a different but equal frame
    assert first == second == "x6"
    assert CALLS == [(3, "x")]


def test_one_changed_value_language_or_argument_is_a_new_build():
    assert memo.cached(counted_total, frame([1, 2, 3])) == "6"
    assert memo.cached(counted_total, frame([1, 2, 4])) == "7"  # one figure changed (e.g. after a publish)
    assert memo.cached(counted_total, frame([1, 2, 3]), label="es") == "es6"
    assert memo.cached(counted_total, frame([1, 2, 3]).astype({"value": "float64"})) == "6"  # dtype is content
    assert len(CALLS) == 4


def test_a_frame_key_is_forgotten_with_its_frame():
    f = frame([5, 6])
    memo.cached(counted_total, f)
    ident = id(f)
    assert ident in memo._frame_keys
    del f
    gc.collect()
    assert ident not in memo._frame_keys


def test_a_cached_figure_equals_a_fresh_build():
    events = pd.DataFrame({
        "event_id": ["a", "b"], "event_date": pd.to_datetime(["2020-06-30", "2021-02-16"]),
        "date_precision": ["day", "day"], "kind": ["resolution", "budget"], "event": ["Vote", "Cut"],
        "publisher": ["P", "Q"], "title": ["T1", "T2"], "source_kind": ["news", "district"],
        "url": ["https://example.org/a", "https://example.org/b"], "source_id": ["s1", "s2"],
        "locator": ["p. 1", "p. 2"], "note": ["", ""]})
    fresh = charts.timeline(events, "es")
    cached = memo.cached(charts.timeline, events, "es")
    assert isinstance(cached, go.Figure)
    assert cached.to_plotly_json() == fresh.to_plotly_json()
    assert memo.cached(charts.timeline, events, "es") is cached  # the same object: built once
    assert memo.cached(charts.timeline, events, "en") is not cached
