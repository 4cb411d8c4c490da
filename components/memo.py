"""Build a figure, its text alternative or its table once per distinct input, for every session of the server.

The builders in components/ are pure functions of their inputs (frames from queries/, the language, labels).
Rebuilding a Plotly figure costs 15–90 ms (Plotly validates every property); a hundred people opening the same
link ask for the same figures, so the server builds each once and hands out the same object (BENCHMARKS.md).

Inputs are keyed by content, so published data that changes after a staff publish gives new keys on its own:
nothing to invalidate. Frames are keyed by their pickled bytes (0.1 ms for a page's frame, against 2 ms for
Streamlit's default frame hashing): equal bytes mean equal frames, so a key can miss but never mix two inputs.
Frames given to cached() must not be changed in place afterwards (none are: pages derive new frames). Results are shared between sessions: never mutate one
(ui.chart_block copies a figure before enlarging it for presenters).
"""

from __future__ import annotations

import hashlib
import importlib
import pickle
import weakref
from typing import Any, Callable, TypeVar

import pandas as pd
import streamlit as st

T = TypeVar("T")
MAX_ENTRIES = 1024  # figures are 5–60 kB each; 2 languages × the filter combinations of every chart fit easily


def cached(builder: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """builder(*args, **kwargs), computed once per distinct (builder, inputs) in this server process."""
    return _call(builder.__module__, builder.__qualname__, args, kwargs)


_frame_keys: dict[int, tuple[weakref.ref, bytes]] = {}


def _frame_key(frame: pd.DataFrame) -> bytes:
    """A frame's content key, remembered for as long as the frame lives: query results are shared, read-only
    objects (queries.run caches them), so most frames are keyed once per server rather than once per run."""
    known = _frame_keys.get(id(frame))
    if known is not None and known[0]() is frame:
        return known[1]
    key = hashlib.blake2b(pickle.dumps(frame, protocol=5), digest_size=20).digest()
    ident = id(frame)
    _frame_keys[ident] = (weakref.ref(frame, lambda _ref: _frame_keys.pop(ident, None)), key)
    return key


@st.cache_resource(show_spinner=False, max_entries=MAX_ENTRIES, hash_funcs={pd.DataFrame: _frame_key})
def _call(module: str, qualname: str, args: tuple, kwargs: dict) -> Any:
    # The builder is named, not passed: Streamlit would otherwise hash the function object (its code) every call.
    target: Any = importlib.import_module(module)
    for part in qualname.split("."):
        target = getattr(target, part)
    return target(*args, **kwargs)


def clear() -> None:
    """Forget every cached result (tests; never needed for a data change, see the module docstring)."""
    _call.clear()
