"""Build a figure, its text alternative or its table once per distinct input, for every session of the server.

The builders in components/ are pure functions of their inputs (frames from queries/, the language, labels).
Rebuilding a Plotly figure costs 15–90 ms (Plotly validates every property); a hundred people opening the same
link ask for the same figures, so the server builds each once and hands out the same object (BENCHMARKS.md).

Inputs are keyed by content, so published data that changes after a staff publish gives new keys on its own:
nothing to invalidate.
- A frame is keyed by its pickled bytes (0.1 ms, against 2 ms for Streamlit's default frame hashing): equal
  bytes mean equal frames, so a key can miss but never mix two inputs.
- frame_of(result) is keyed by the query behind it (database file identity, query, parameters), not hashed.
- Never change a frame in place after handing it to cached() (pages derive new frames instead), and never
  change a result: it is shared between sessions (ui.chart_block copies a figure before enlarging it).
"""

from __future__ import annotations

import hashlib
import importlib
import pickle
import weakref
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

import pandas as pd
import streamlit as st

from queries import QueryResult

T = TypeVar("T")
MAX_ENTRIES = 1024  # figures are 5–60 kB each; 2 languages × the filter combinations of every chart fit easily


def cached(builder: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """builder(*args, **kwargs), computed once per distinct (builder, inputs) in this server process.

    Pass a query's result as `result.frame` (keyed by the frame's content) or, cheaper, as `frame_of(result)`
    (keyed by the query that produced it, never hashed).
    """
    return _call(builder.__module__, builder.__qualname__, args, kwargs)


_frame_keys: dict[int, tuple[weakref.ref, bytes]] = {}


def _frame_key(frame: pd.DataFrame) -> bytes:
    """A frame's content key, remembered for as long as the frame lives: frames that cached() returned are the
    same objects on every run, so they are keyed once per server rather than once per run."""
    known = _frame_keys.get(id(frame))
    if known is not None and known[0]() is frame:
        return known[1]
    key = hashlib.blake2b(pickle.dumps(frame, protocol=5), digest_size=20).digest()
    ident = id(frame)
    _frame_keys[ident] = (weakref.ref(frame, lambda _ref: _frame_keys.pop(ident, None)), key)
    return key


@dataclass(frozen=True)
class FrameOf:
    """Stands for `result.frame` in a cached() call, keyed by the query instead of the frame's bytes."""
    result: QueryResult


def frame_of(result: QueryResult) -> FrameOf:
    return FrameOf(result)


def _unwrap(value: Any) -> Any:
    return value.result.frame if isinstance(value, FrameOf) else value


def _result_key(result: QueryResult) -> tuple:
    """A query's result is keyed by the query that produced it (database file, name, parameters)."""
    return result.key if result.key is not None else (_frame_key(result.frame), result.source_ids)


@st.cache_resource(show_spinner=False, max_entries=MAX_ENTRIES,
                   hash_funcs={pd.DataFrame: _frame_key, QueryResult: _result_key,
                               FrameOf: lambda f: _result_key(f.result)})
def _call(module: str, qualname: str, args: tuple, kwargs: dict) -> Any:
    # The builder is named, not passed: Streamlit would otherwise hash the function object (its code) every call.
    target: Any = importlib.import_module(module)
    for part in qualname.split("."):
        target = getattr(target, part)
    return target(*(_unwrap(a) for a in args), **{k: _unwrap(v) for k, v in kwargs.items()})


def clear() -> None:
    """Forget every cached result (tests; never needed for a data change, see the module docstring)."""
    _call.clear()
